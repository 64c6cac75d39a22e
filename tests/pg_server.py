"""Tests against a real PostgreSQL server: ``FACT_REVIEW_PG_URL`` names one (an account that may create
databases; ``scripts/postgres.sh start`` starts a throwaway cluster and prints the line to export).

Each test gets a database of its own, made from a template that is migrated once per session. Without a
server the PostgreSQL tests skip and say why, except under CI (``CI`` set), where ``.ci/run`` starts a
server and a missing one is a failure.
"""
from __future__ import annotations

import os
import uuid
from typing import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from fact_review.store import migrate

PG_URL_VARIABLE = "FACT_REVIEW_PG_URL"
NO_SERVER = (f"no PostgreSQL server: run `scripts/postgres.sh start` and export the {PG_URL_VARIABLE} it prints "
             "to run the server tests")
ENGINES = ("sqlite", "postgresql")


def server_url() -> URL:
    """The server's URL, or a skip (a failure under CI) when none is given."""
    given = os.environ.get(PG_URL_VARIABLE)
    if not given:
        if os.environ.get("CI"):
            pytest.fail(f"CI runs the PostgreSQL tests, but {PG_URL_VARIABLE} is not set (.ci/run starts a server)")
        pytest.skip(NO_SERVER)
    return make_url(given)


def _admin(url: URL):
    return create_engine(url, isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def pg_template() -> Iterator[URL]:
    """A database migrated to the head revision, copied for each test (much faster than migrating)."""
    url = server_url()
    name = f"fr_template_{uuid.uuid4().hex[:10]}"
    admin = _admin(url)
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    template = url.set(database=name)
    engine = create_engine(template)
    migrate.upgrade(engine)
    engine.dispose()
    yield template
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def pg_db(pg_template: URL) -> Iterator[str]:
    """The URL (a string, as a user gives ``--db``) of a fresh, migrated database, dropped afterwards."""
    name = f"fr_test_{uuid.uuid4().hex[:12]}"
    admin = _admin(pg_template)
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template.database}"'))
    yield pg_template.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def empty_pg_db() -> Iterator[str]:
    """The URL of a fresh database with no tables (for tests of the migrations themselves)."""
    url = server_url()
    name = f"fr_empty_{uuid.uuid4().hex[:12]}"
    admin = _admin(url)
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=ENGINES)
def any_db(request) -> str:
    """Each store test runs twice: on an in-memory SQLite database and on a PostgreSQL database."""
    return ":memory:" if request.param == "sqlite" else request.getfixturevalue("pg_db")


@pytest.fixture(params=ENGINES)
def any_db_file(request, tmp_path) -> str:
    """As ``any_db``, for code that opens the database anew each time (the CLI): a file or a server."""
    return str(tmp_path / "review.db") if request.param == "sqlite" else request.getfixturevalue("pg_db")
