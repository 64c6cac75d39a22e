"""Schema migrations (alembic, ``migrations/``), run programmatically when a database is opened.

All pending revisions run in ONE ``BEGIN IMMEDIATE`` transaction (SQLite has transactional DDL), so a
migration killed half-way leaves the database at its old version. Foreign keys are off while it runs
(batch table rebuilds would otherwise cascade) and checked before the commit.
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


def upgrade(engine: Engine, target: str = "head") -> None:
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        raw.execute("PRAGMA foreign_keys=OFF")  # outside any transaction, where the pragma takes effect
        try:
            config = _config()
            config.attributes["connection"] = connection
            event.listen(connection, "commit", _refuse_broken_foreign_keys)
            command.upgrade(config, target)
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def _refuse_broken_foreign_keys(connection) -> None:
    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise RuntimeError(f"migration would break {len(problems)} references, e.g. {problems[0]}")
