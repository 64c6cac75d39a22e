"""Opening a local SQLite file under the file rules of ARCHITECTURE.md §5 (SQLite only).

One writer process per file (a lock file; a second window gets read-only access and says why),
``PRAGMA quick_check`` on open with recovery of a damaged file from the newest verified backup, a
backup before every migration and periodically while open, and a database made by a newer version
refused for writing. The connection rules themselves (WAL, ``synchronous=FULL``, ``BEGIN IMMEDIATE``)
are in ``store.db``; the backups in ``store.backup``.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Optional

from sqlalchemy.exc import DBAPIError

from fact_review.errors import ExplainedError, InputError
from fact_review.store import backup as backups
from fact_review.store import migrate
from fact_review.store.db import (
    LOCK_WAIT_SECONDS, MEMORY, WINDOW, WriterLock, check_file, make_engine, move_aside,
)
from fact_review.store.engines import ASKED_READ_ONLY, NEWER_VERSION, Backend, FileTarget
from fact_review.store.errors import CorruptDatabaseError
from fact_review.store.file_errors import file_error, in_words, is_damage, sqlite_cause
from fact_review.store.models import utcnow

OTHER_WINDOW = "open in another window: this one is read-only until that one is closed"
READ_ONLY_FOLDER = "its folder is read-only: nothing can be saved there"
READ_ONLY_FILE = "the file is read-only (its permissions): nothing can be saved to it"
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


def open_file(path: Path, *, read_only: bool, recover: bool, window: bool = False) -> Backend:
    """Open (creating or migrating as needed) the SQLite file at ``path``.

    Takes the single-writer lock: a ``window`` that finds another window holding it opens read-only and
    says "open in another window"; a command waits for another command to finish. A file that is not
    SQLite is refused before anything is made beside it; a read-only folder or file opens read-only and
    says so, and so does a file that cannot be opened for writing just now (a full disk). A damaged file
    is moved aside and the newest verified backup restored when ``recover``; otherwise, or with no good
    backup, ``CorruptDatabaseError`` is raised and the file left as it is.
    """
    path = path.expanduser().absolute()
    existed = path.exists()
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a database file; give a file name (e.g. {path / 'review.db'})")
    if path.exists() and not backups.list_backups(path) and not _looks_like_ours(path):
        raise InputError(f"{path}: not a Fact Review database (left untouched)")
    place = _read_only_place(path)
    if read_only or place:
        return _open_reading(path, ASKED_READ_ONLY if read_only else place, in_place=place != READ_ONLY_FOLDER)
    lock = WriterLock(path, window=window)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        holder = lock.acquire()
    except OSError as error:  # a full disk has no room for the lock file
        return _open_reading(path, f"{lock.path.name} cannot be made ({error.strerror or error}); read-only "
                             "until then", in_place=False, failure=True)
    if holder == WINDOW:
        return _open_reading(path, OTHER_WINDOW, in_place=True)
    if holder is not None:
        raise ExplainedError(f"{path}: another fact-review command has been writing to it for "
                             f"{LOCK_WAIT_SECONDS:.0f} s; try again when it has finished")
    try:
        return _open_writing(path, lock, recover)
    except (sqlite3.Error, DBAPIError) as error:
        lock.release()
        cause = sqlite_cause(error)
        if cause is None or is_damage(cause):
            raise
        if not existed:  # nothing to read: the empty file SQLite began is not left behind
            path.unlink(missing_ok=True)
            raise file_error(path, cause) from None
        try:  # out of reach, not damaged (a full disk): what the file holds can still be read
            return _open_reading(path, f"{in_words(path, cause)}; read-only until then", in_place=False,
                                 failure=True)
        except (ExplainedError, OSError, sqlite3.Error):
            raise file_error(path, cause) from None
    except BaseException:
        lock.release()
        raise


def _open_writing(path: Path, lock: WriterLock, recover: bool) -> Backend:
    recovery = _check_or_recover(path, recover)
    read_engine = make_engine(path, writes=False)
    write_engine = make_engine(path, writes=True)
    revision = migrate.current_revision(write_engine)
    if revision is not None and not migrate.is_known(revision):
        write_engine.dispose()
        lock.release()
        return Backend(FileTarget(path), read=read_engine, write=None, read_only_reason=NEWER_VERSION,
                       recovery=recovery, backup=lambda: backups.make_backup(path))
    if revision != migrate.head_revision():
        if revision is not None:
            backups.make_backup(path)  # before every migration
        migrate.upgrade(write_engine)
    schedule = BackupSchedule(path)
    return Backend(FileTarget(path), read=read_engine, write=write_engine, recovery=recovery,
                   after_write=schedule.backup_if_due, backup=schedule.backup, release=lock.release)


def _open_reading(path: Path, reason: str, *, in_place: bool, failure: bool = False) -> Backend:
    """``path`` opened read-only, saying ``reason``. ``in_place``: its folder can hold the shared-memory
    file a WAL database needs; otherwise the file is read as it stands (immutable), or, when a write-ahead
    log left by a process that stopped holds part of it, from a private copy of both. ``failure``: the file
    cannot be written for a reason that is nobody's choice (a full disk), so a write is a failure, not a
    refusal."""
    if not path.exists():
        raise InputError(f"{path}: no such database" if in_place else f"{path}: cannot be made: {reason}")
    source, immutable, copy = path, not in_place, None
    if not in_place and _has_journal(path):
        copy = Path(tempfile.mkdtemp(prefix="fact-review-read-"))
        try:
            source, immutable = _copy_with_journal(path, copy), False
        except OSError as error:
            shutil.rmtree(copy, ignore_errors=True)
            raise ExplainedError(f"{path}: cannot be read where it is ({reason}), nor copied to be read "
                                 f"({error.strerror or error})") from None
    release = (lambda: shutil.rmtree(copy, ignore_errors=True)) if copy else (lambda: None)
    try:
        problem = check_file(source, immutable=immutable)
    except sqlite3.Error as error:
        release()
        if in_place:  # no room for the shared-memory file (a full disk): read it as it stands
            return _open_reading(path, reason, in_place=False, failure=failure)
        raise file_error(path, error) from None
    if problem is not None:  # no recovery without the writer's lock: left as it is
        release()
        raise CorruptDatabaseError(path, problem, backups.list_backups(path))
    return Backend(FileTarget(path), read=make_engine(source, writes=False, immutable=immutable), write=None,
                   read_only_reason=reason, read_only_failure=failure,
                   backup=lambda: backups.make_backup(path), release=release)


def _copy_with_journal(path: Path, folder: Path) -> Path:
    """A private copy of the file and its write-ahead log (a raw copy: nothing can write where they are)."""
    for suffix in ("", "-wal"):
        shutil.copyfile(path.with_name(path.name + suffix), folder / (path.name + suffix))
    return folder / path.name


def _read_only_place(path: Path) -> Optional[str]:
    """Why nothing can be written at ``path`` (a read-only folder or file), or None."""
    folder = next(folder for folder in path.parents if folder.exists())  # made when missing
    if not os.access(folder, os.W_OK):
        return READ_ONLY_FOLDER
    if path.exists() and not os.access(path, os.W_OK):
        return READ_ONLY_FILE
    return None


def _has_journal(path: Path) -> bool:
    """Whether a write-ahead log with content lies beside the file (left by a process that stopped)."""
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


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


def _check_or_recover(path: Path, recover: bool) -> Optional[Recovery]:
    """Called holding the writer's lock: only the writer may move a damaged file aside."""
    if not path.exists():
        return None
    problem = check_file(path)
    if problem is None:
        return None
    known = backups.list_backups(path)
    good = backups.newest_good_backup(path) if recover else None
    if good is None:  # left as it is: a new empty database in its place would hide what was lost
        raise CorruptDatabaseError(path, problem, known)
    moved_to = move_aside(path)
    backups.copy_database(good, path)
    return Recovery(path, problem, moved_to, good)


def _looks_like_ours(path: Path) -> bool:
    """An SQLite file of ours, or an empty one (SQLite makes it a database); anything else (a document or
    another program's database passed as ``--db`` by mistake) is left alone, and nothing made beside it.
    A file that cannot be read or checked here is let through: opening it says why."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(16)
    except OSError:
        return True
    if header == b"":
        return True
    if header != b"SQLite format 3\x00":
        return False
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            connection.close()
    except sqlite3.Error:
        return True
    return not tables or "alembic_version" in tables


def restore_backup(db_path: Path | str, backup: Path | str) -> Path:
    """Replace the database with ``backup`` (the current file is moved aside, never deleted).

    The database must not be open for writing anywhere; returns where the replaced file went.
    """
    db_path, backup = Path(db_path).absolute(), Path(backup)
    if not backups.integrity_ok(backup):
        raise InputError(f"{backup}: not a good backup (integrity check failed)")
    lock = WriterLock(db_path)
    if lock.acquire(wait=0) is not None:
        raise InputError(f"{db_path}: open in another window or a running command: close it first")
    try:
        moved_to = move_aside(db_path)
        backups.copy_database(backup, db_path)
        return moved_to
    finally:
        lock.release()
