"""Opening a local SQLite file under the file rules of ARCHITECTURE.md §5 (SQLite only).

One writer process per file (a lock file; a second window gets read-only access and says why),
``PRAGMA quick_check`` on open with recovery of a damaged file from the newest verified backup, a
backup before every migration and periodically while open, and a database made by a newer version
refused for writing. The connection rules themselves (WAL, ``synchronous=FULL``, ``BEGIN IMMEDIATE``)
are in ``store.db``; the backups in ``store.backup``.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Optional

from fact_review.errors import InputError
from fact_review.store import backup as backups
from fact_review.store import migrate
from fact_review.store.db import MEMORY, WriterLock, check_file, make_engine, move_aside
from fact_review.store.engines import ASKED_READ_ONLY, NEWER_VERSION, Backend, FileTarget
from fact_review.store.errors import CorruptDatabaseError
from fact_review.store.models import utcnow

OTHER_WINDOW = "open in another window: this one is read-only until that one is closed"
BACKUP_EVERY_SECONDS = 3600


@dataclass(frozen=True)
class Recovery:
    """What opening a damaged database did: where the damaged file went and which backup replaced it."""

    path: Path
    detail: str
    moved_to: Path
    restored_from: Path

    @property
    def restored_time(self) -> Optional[datetime]:
        return backups.backup_time(self.restored_from)

    def message(self) -> str:
        """What happened, what was recovered and from when, in words a reviewer can act on."""
        taken = self.restored_time
        when = taken.strftime("%d %b %Y %H:%M:%S UTC") if taken else "an unknown time"
        detail = " ".join(self.detail.split())
        return (f"{self.path} was damaged ({detail}). It was moved aside to {self.moved_to.name} (kept, not "
                f"deleted) and the backup taken {when} was restored from {self.restored_from}: anything saved "
                f"after that time is not in the database now, and may still be read from the damaged file "
                f"(sqlite3 {self.moved_to.name} .recover).")


def open_memory() -> Backend:
    """An in-memory database (tests): one engine for reads and writes, no file rules."""
    engine = make_engine(MEMORY, writes=True)
    migrate.upgrade(engine)
    return Backend(FileTarget(Path(MEMORY)), read=engine, write=engine)


def open_file(path: Path, *, read_only: bool, recover: bool) -> Backend:
    """Open (creating or migrating as needed) the SQLite file at ``path``.

    Takes the single-writer lock; when another process holds it the backend is read-only and says
    "open in another window". A damaged file is moved aside and the newest verified backup restored when
    ``recover``; otherwise ``CorruptDatabaseError`` is raised.
    """
    path = path.expanduser().absolute()
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a database file; give a file name (e.g. {path / 'review.db'})")
    lock: Optional[WriterLock] = None
    reason: Optional[str] = ASKED_READ_ONLY if read_only else None
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = WriterLock(path)
        if not lock.acquire():
            lock, reason = None, OTHER_WINDOW
    if lock is None and not path.exists():
        raise InputError(f"{path}: no such database")
    try:
        recovery = _check_or_recover(path, lock, recover)
        read_engine = make_engine(path, writes=False)
        write_engine = make_engine(path, writes=True) if lock else None
        if write_engine is not None:
            revision = migrate.current_revision(write_engine)
            if revision is not None and not migrate.is_known(revision):
                write_engine.dispose()
                write_engine, reason = None, NEWER_VERSION
                lock.release()
                lock = None
            elif revision != migrate.head_revision():
                if revision is not None:
                    backups.make_backup(path)  # before every migration
                migrate.upgrade(write_engine)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    schedule = BackupSchedule(path) if lock else None
    return Backend(
        FileTarget(path), read=read_engine, write=write_engine, read_only_reason=reason, recovery=recovery,
        after_write=schedule.backup_if_due if schedule else (lambda: None),
        backup=schedule.backup if schedule else (lambda: backups.make_backup(path)),
        release=lock.release if lock else (lambda: None),
    )


class BackupSchedule:
    """The periodic backup of a file open for writing: one when the newest is an hour old."""

    def __init__(self, path: Path):
        self.path = path
        newest = next(iter(backups.list_backups(path)), None)
        taken = backups.backup_time(newest) if newest else None
        age = (utcnow() - taken).total_seconds() if taken else None
        self._last = time.monotonic() - (age if age is not None else BACKUP_EVERY_SECONDS)

    def backup_if_due(self) -> None:
        if time.monotonic() - self._last >= BACKUP_EVERY_SECONDS:
            self.backup()

    def backup(self) -> Path:
        made = backups.make_backup(self.path)
        self._last = time.monotonic()
        return made


def _check_or_recover(path: Path, lock: Optional[WriterLock], recover: bool) -> Optional[Recovery]:
    if not path.exists():
        return None
    problem = check_file(path)
    if problem is None:
        return None
    known = backups.list_backups(path)
    if not known and not _looks_like_sqlite(path):
        raise InputError(f"{path}: not a Fact Review database (left untouched)")
    good = backups.newest_good_backup(path) if lock is not None and recover else None
    if good is None:  # left as it is: a new empty database in its place would hide what was lost
        raise CorruptDatabaseError(path, problem, known)
    moved_to = move_aside(path)
    backups.copy_database(good, path)
    return Recovery(path, problem, moved_to, good)


def _looks_like_sqlite(path: Path) -> bool:
    """A damaged file we may move aside was an SQLite file or has backups; anything else (a document
    passed as ``--db`` by mistake) is left alone."""
    with open(path, "rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"


def restore_backup(db_path: Path | str, backup: Path | str) -> Path:
    """Replace the database with ``backup`` (the current file is moved aside, never deleted).

    The database must not be open for writing anywhere; returns where the replaced file went.
    """
    db_path, backup = Path(db_path).absolute(), Path(backup)
    if not backups.integrity_ok(backup):
        raise InputError(f"{backup}: not a good backup (integrity check failed)")
    lock = WriterLock(db_path)
    if not lock.acquire():
        raise InputError(f"{db_path}: {OTHER_WINDOW}")
    try:
        moved_to = move_aside(db_path)
        backups.copy_database(backup, db_path)
        return moved_to
    finally:
        lock.release()
