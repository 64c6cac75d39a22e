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
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Optional

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import StaticPool

from fact_review.store.file_errors import is_damage

MEMORY = ":memory:"
BUSY_TIMEOUT_MS = 10_000
CONNECTION_PRAGMAS = ("synchronous=FULL", "foreign_keys=ON", f"busy_timeout={BUSY_TIMEOUT_MS}")


def make_engine(path: Path | str, *, writes: bool, immutable: bool = False) -> Engine:
    """An engine whose transactions begin IMMEDIATE when ``writes``, else read-only (``query_only``).

    ``immutable``: the file is read as it stands, without the shared-memory file a WAL database needs
    (which cannot be made in a read-only folder; nothing can write there either).
    """
    if str(path) == MEMORY:
        engine = create_engine(
            "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
        )
    elif immutable:
        engine = create_engine("sqlite://", creator=lambda: _connect(Path(path), immutable=True))
    else:
        engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see the begin hook)
        if writes:  # a reader finds the mode in the file; setting it would be a write
            dbapi_connection.execute("PRAGMA journal_mode=WAL")
        for pragma in CONNECTION_PRAGMAS:
            dbapi_connection.execute(f"PRAGMA {pragma}")
        if not writes:
            dbapi_connection.execute("PRAGMA query_only=ON")

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine


def check_file(path: Path, *, immutable: bool = False) -> Optional[str]:
    """None when the file passes ``PRAGMA quick_check``, else what is wrong with it; a file that cannot be
    read at all for another reason than damage raises ``sqlite3.Error``."""
    try:
        connection = _connect(path, immutable)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        if not is_damage(error):
            raise
        return str(error)
    problems = [row[0] for row in rows if row[0] != "ok"]
    return "; ".join(problems[:5]) or None


def _connect(path: Path, immutable: bool) -> sqlite3.Connection:
    if immutable:
        return sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True, check_same_thread=False)
    return sqlite3.connect(path, check_same_thread=False)


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


WINDOW, COMMAND = "window", "command"
LOCK_WAIT_SECONDS = 120.0  # a command waits this long for another command to finish writing


class WriterLock:
    """The single-writer lock: an exclusive ``flock`` on ``DB.lock``, released by ``release`` or exit.

    Its holder writes what it is into the file. A window that finds another window holding it opens
    read-only at once (ARCHITECTURE.md §5); anything else waits its turn: command-line writers and
    imports run one after the other, each transaction short, instead of being refused.
    """

    def __init__(self, db_path: Path, *, window: bool = False):
        self.path = db_path.with_name(db_path.name + ".lock")
        self.kind = WINDOW if window else COMMAND
        self._fd: Optional[int] = None

    def acquire(self, wait: float = LOCK_WAIT_SECONDS) -> Optional[str]:
        """None when this process now holds the lock, else what holds it: ``WINDOW`` at once, or
        ``COMMAND`` when it has not let go within ``wait`` seconds. Raises ``OSError`` when the lock
        file cannot be made (a read-only folder)."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + wait
        pause = 0.005
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = WINDOW if os.pread(fd, 16, 0).startswith(WINDOW.encode()) else COMMAND
                if holder == WINDOW or time.monotonic() >= deadline:
                    os.close(fd)
                    return holder
                time.sleep(pause)
                pause = min(2 * pause, 0.1)
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{self.kind} {os.getpid()}\n".encode(), 0)
        except OSError:  # a full disk: the lock holds all the same; a waiter takes it for a command's
            pass
        self._fd = fd
        return None

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)  # nobody holds it: a waiter must not read an old holder (shrinking
            # a file needs no free space)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
