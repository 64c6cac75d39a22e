"""What SQLite's errors about a database file mean for the reviewer, said in words without the SQL.

Two kinds must never be confused: *damage* (the file's content is broken: it may be moved aside and a
backup restored) and *out of reach* (a full disk, a read-only folder, permissions, a lock held too long:
the file is fine and must be left exactly where it is).
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Optional

from sqlalchemy.exc import DBAPIError

from fact_review.errors import ExplainedError

_DAMAGE = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
_NEARLY_FULL_BYTES = 1 << 20  # below this free space a failed write is the disk being full
_WHY = (("SQLITE_FULL", "the disk is full: free some space and try again"),
        ("SQLITE_READONLY", "the file or its folder is read-only"),
        ("SQLITE_IOERR", "the disk could not be written or read"),
        ("SQLITE_CANTOPEN", "the file or its folder cannot be opened: check its permissions"),
        ("SQLITE_BUSY", "another program kept it locked"),
        ("SQLITE_PERM", "permission denied"))


def is_damage(error: sqlite3.Error) -> bool:
    """Whether SQLite's error says the file is damaged, rather than out of reach."""
    return (getattr(error, "sqlite_errorname", None) or "").startswith(_DAMAGE)


def sqlite_cause(error: BaseException) -> Optional[sqlite3.Error]:
    """The ``sqlite3`` error behind ``error`` (raised by the driver itself or wrapped by SQLAlchemy)."""
    if isinstance(error, sqlite3.Error):
        return error
    if isinstance(error, DBAPIError) and isinstance(error.orig, sqlite3.Error):
        return error.orig
    return None


def disk_is_full(path: Path) -> bool:
    """Whether the file system holding ``path`` has (next to) no room left."""
    try:
        stats = os.statvfs(path if path.is_dir() else path.parent)
    except OSError:
        return False
    return stats.f_bavail * stats.f_frsize < _NEARLY_FULL_BYTES


def in_words(path: Path, error: sqlite3.Error) -> str:
    """SQLite's message with what it means; a write or I/O error on a full disk is said to be one."""
    name = getattr(error, "sqlite_errorname", None) or ""
    said = " ".join(str(error).split())
    if name.startswith(("SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN")) and disk_is_full(path):
        return f"the disk is full ({said}): free some space and try again"
    why = next((words for prefix, words in _WHY if name.startswith(prefix)), None)
    return said + (f" ({why})" if why else "")


def file_error(path: Path, error: sqlite3.Error) -> ExplainedError:
    """The error to raise when the database file cannot be read or written for a reason other than damage."""
    return ExplainedError(f"{path}: {in_words(path, error)}")
