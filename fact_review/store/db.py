"""The SQLite engine and the file-level safety rules of ARCHITECTURE.md §5.

WAL, ``synchronous=FULL``, foreign keys and a busy timeout on every connection; pysqlite's own
transaction handling is switched off so that writes begin with ``BEGIN IMMEDIATE`` (a deferred
transaction that reads then writes fails at once with "database is locked", whatever the timeout).
One writer process per file: an ``fcntl.flock`` on ``DB.lock`` held while the database is open.
"""
from __future__ import annotations

import fcntl
import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Optional

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import StaticPool

MEMORY = ":memory:"
BUSY_TIMEOUT_MS = 10_000
CONNECTION_PRAGMAS = ("synchronous=FULL", "foreign_keys=ON", f"busy_timeout={BUSY_TIMEOUT_MS}")


def make_engine(path: Path | str, *, writes: bool) -> Engine:
    """An engine whose transactions begin IMMEDIATE when ``writes``, else read-only (``query_only``)."""
    if str(path) == MEMORY:
        engine = create_engine(
            "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
        )
    else:
        engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see the begin hook)
        if str(path) != MEMORY:
            dbapi_connection.execute("PRAGMA journal_mode=WAL")
        for pragma in CONNECTION_PRAGMAS:
            dbapi_connection.execute(f"PRAGMA {pragma}")
        if not writes:
            dbapi_connection.execute("PRAGMA query_only=ON")

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine


def check_file(path: Path) -> Optional[str]:
    """None when the file passes ``PRAGMA quick_check``, else what is wrong with it."""
    try:
        connection = sqlite3.connect(path)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        return str(error)
    problems = [row[0] for row in rows if row[0] != "ok"]
    return "; ".join(problems[:5]) or None


def integrity_ok(path: Path) -> bool:
    """The full ``PRAGMA integrity_check`` (used on backups, which are small and checked once)."""
    try:
        connection = sqlite3.connect(path)
        try:
            return connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return False


def move_aside(path: Path) -> Path:
    """Rename a damaged database (and its WAL and shared-memory files) out of the way; never delete."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    path.rename(target)
    return target


class WriterLock:
    """The single-writer lock: an exclusive ``flock`` on ``DB.lock``, released by ``release`` or exit."""

    def __init__(self, db_path: Path):
        self.path = db_path.with_name(db_path.name + ".lock")
        self._fd: Optional[int] = None

    def acquire(self) -> bool:
        """True when this process now holds the lock; False when another window holds it."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
