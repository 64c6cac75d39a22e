"""Schema migrations (alembic, ``migrations/``), run programmatically when a database is opened.

The same revisions run on both engines, all pending ones in ONE transaction (SQLite and PostgreSQL
both have transactional DDL), so a migration killed half-way leaves the database at its old version.
On SQLite foreign keys are off while it runs (batch table rebuilds would otherwise cascade) and checked
before the commit. On PostgreSQL, where several reviewers may open the database at the same moment,
an advisory lock lets one of them migrate while the others wait and then find nothing left to do.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, event

MIGRATIONS = Path(__file__).with_name("migrations")


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@lru_cache(maxsize=1)
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    return _scripts().get_current_head()


def is_known(revision: str) -> bool:
    """False for a revision written by a newer version of the app."""
    return any(script.revision == revision for script in _scripts().walk_revisions())


def current_revision(engine: Engine) -> Optional[str]:
    with engine.connect() as connection:
        revision = MigrationContext.configure(connection).get_current_revision()
        connection.rollback()
    return revision


# any fixed number: the key of the advisory lock that one migrating client holds on a server
MIGRATION_LOCK_KEY = 0x46524D31


def upgrade(engine: Engine, target: str = "head") -> None:
    if engine.dialect.name == "postgresql":
        _upgrade_server(engine, target)
    else:
        _upgrade_sqlite(engine, target)


def _run(connection, target: str) -> None:
    config = _config()
    config.attributes["connection"] = connection
    command.upgrade(config, target)


def _upgrade_server(engine: Engine, target: str) -> None:
    with engine.connect() as connection:
        connection.exec_driver_sql(f"SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})")
        connection.commit()
        try:
            _run(connection, target)  # from wherever the revision is once the lock is ours
        finally:
            connection.rollback()
            connection.exec_driver_sql(f"SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})")
            connection.commit()


def _upgrade_sqlite(engine: Engine, target: str) -> None:
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        raw.execute("PRAGMA foreign_keys=OFF")  # outside any transaction, where the pragma takes effect
        try:
            event.listen(connection, "commit", _refuse_broken_foreign_keys)
            _run(connection, target)
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def _refuse_broken_foreign_keys(connection) -> None:
    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise RuntimeError(f"migration would break {len(problems)} references, e.g. {problems[0]}")
