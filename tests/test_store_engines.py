"""One store, two engines: where ``--db`` points, the same schema on both, and a server that cannot be
reached or refuses us said in words (never a traceback, never a file named after a URL)."""
from __future__ import annotations

import multiprocessing
import re
import socket
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import create_engine
from sqlmodel import SQLModel

from fact_review.cli import main
from fact_review.errors import InputError
from fact_review.store import display_name, is_url, open_service, remembered, server_address
from fact_review.store import migrate
from fact_review.store.engines import FileTarget, ServerTarget, parse_target


def test_a_server_url_is_a_server_and_a_path_is_a_file():
    server = parse_target("postgresql+psycopg://ana@db.example.org:5433/desk")
    assert isinstance(server, ServerTarget)
    assert (server.url.host, server.url.port, server.url.database, server.url.username) == (
        "db.example.org", 5433, "desk", "ana")
    assert parse_target("postgresql://ana@db/desk").url.drivername == "postgresql+psycopg"
    assert parse_target("review.db") == FileTarget(Path("review.db"))
    assert parse_target("sqlite:////tmp/review.db") == FileTarget(Path("/tmp/review.db"))
    assert parse_target(Path("postgresql+psycopg://x")) == FileTarget(Path("postgresql+psycopg://x"))  # a Path is a path


@pytest.mark.parametrize("url, message", [
    ("mysql://ana@db/desk", "unsupported database URL"),
    ("postgresql+psycopg://ana@db", "name the database"),
    ("postgresql+psycopg://ana@db:notaport/desk", "not a database URL"),
])
def test_urls_we_cannot_use_are_refused_not_created_as_files(url, message):
    with pytest.raises(InputError, match=message):
        parse_target(url)


def test_a_password_is_never_shown():
    url = "postgresql+psycopg://ana:s3cret@db.example.org/desk"
    assert "s3cret" not in parse_target(url).location
    assert "s3cret" not in display_name(url)
    assert "s3cret" not in display_name("postgresql+psycopg://ana:s3cret@db:port/desk")  # one that fails to parse


@given(scheme=st.from_regex(r"[a-z][a-z0-9+.\-]{0,15}", fullmatch=True), rest=st.text(max_size=40))
def test_anything_shaped_like_a_url_is_never_taken_for_a_file(scheme, rest):
    db = f"{scheme}://{rest}"
    assert is_url(db)
    try:
        target = parse_target(db)
    except InputError:
        return
    assert isinstance(target, ServerTarget) or (scheme == "sqlite" and isinstance(target, FileTarget))


@given(st.text(min_size=1, max_size=40).filter(lambda text: "://" not in text))
def test_anything_without_a_scheme_is_a_file(path):
    assert not is_url(path)
    assert parse_target(path) == FileTarget(Path(path))


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens there once the probe is closed


def test_an_unreachable_server_is_said_in_words_and_no_file_is_made(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    url = f"postgresql+psycopg://ana:s3cret@127.0.0.1:{_closed_port()}/desk"
    status = main(["import", "--db", url, "--case", "Flood", str(tmp_path / "none.txt")])
    _, err = capsys.readouterr()
    assert status == 2 and "none.txt" in err  # the files are checked first
    (tmp_path / "a.txt").write_text("12 boats.", encoding="utf-8")
    for argv in (["import", "--db", url, "--case", "Flood", str(tmp_path / "a.txt")],
                 ["verdicts", "--db", url, "--case", "Flood"]):
        status = main(argv)
        out, err = capsys.readouterr()
        assert status == 1, err
        assert "cannot reach the database server" in err and "Connection refused" in err
        assert "Traceback" not in err and "s3cret" not in err and out == ""
    assert list(tmp_path.iterdir()) == [tmp_path / "a.txt"]  # no folder called "postgresql+psycopg:"


def test_a_wrong_database_name_is_bad_input(pg_db, capsys):
    from sqlalchemy.engine import make_url

    url = make_url(pg_db).set(database="no_such_database_here").render_as_string(hide_password=False)
    status = main(["verdicts", "--db", url, "--case", "Flood"])
    _, err = capsys.readouterr()
    assert status == 2 and 'database "no_such_database_here" does not exist' in err and "Traceback" not in err


def test_reading_commands_do_not_set_up_an_empty_server_database(empty_pg_db, capsys):
    status = main(["verdicts", "--db", empty_pg_db, "--case", "Flood"])
    _, err = capsys.readouterr()
    assert status == 2 and "no Fact Review database there yet" in err
    engine = create_engine(empty_pg_db)
    assert migrate.current_revision(engine) is None
    engine.dispose()


def test_schema_from_migrations_equals_the_models_on_the_server(empty_pg_db):
    engine = create_engine(empty_pg_db)
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), SQLModel.metadata) == []
    engine.dispose()


def _open_and_count_cases(url: str) -> int:
    with open_service(url) as service:
        return len(service.list_cases())


def test_reviewers_opening_a_new_server_database_at_once_migrate_it_once(empty_pg_db):
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        assert pool.map(_open_and_count_cases, [empty_pg_db] * 4) == [0, 0, 0, 0]
    engine = create_engine(empty_pg_db)
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


def test_a_server_database_is_not_backed_up_by_the_app(pg_db):
    with open_service(pg_db) as service:
        assert service.is_server and service.path is None and not service.read_only
        with pytest.raises(InputError, match="pg_dump"):
            service.backup()



@pytest.mark.parametrize("db, kept", [
    ("postgresql+psycopg://ana:s3cret@db.example:5432/desk?sslmode=require",
     "postgresql+psycopg://ana@db.example:5432/desk?sslmode=require"),
    ("postgresql://ana:p%40ss@db.example/desk", "postgresql+psycopg://ana@db.example/desk"),
    ("postgresql+psycopg://ana@db.example/desk", "postgresql+psycopg://ana@db.example/desk"),
    ("review.db", "review.db"),
])
def test_settings_keep_a_database_without_its_password(db, kept):
    assert remembered(db) == kept


def test_a_server_address_takes_the_password_typed_for_the_session():
    for password in ("p@ss word", "a/b#c?d:e%f", "ünï"):  # any password comes back whole from the URL
        url = parse_target(server_address(" postgresql+psycopg://ana@db.example:5432/desk ", password)).url
        assert (url.password, url.username, url.host, url.port, url.database) == (
            password, "ana", "db.example", 5432, "desk")
    assert server_address("postgresql+psycopg://ana@db.example/desk") == "postgresql+psycopg://ana@db.example/desk"
    for address, problem in (("db.example/desk", "starts with postgresql+psycopg://"),
                             ("sqlite:///review.db", "not a server address"),
                             ("", "nothing: a server address")):
        with pytest.raises(InputError, match=re.escape(problem)):
            server_address(address)
