"""Verified backups: the sqlite backup API (never a raw file copy), checked with integrity_check.

Backups live in ``DB.backups/`` beside the database, named by their UTC time. Taken before every
migration and periodically while the database is open; thinned so that recent history is dense and old
history sparse: the last ``KEEP_LAST``, then the newest of each day for ``KEEP_DAYS`` days, then the
newest of each week for ``KEEP_WEEKS`` weeks.
"""
from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Optional

from fact_review.leftovers import remove_abandoned, temporary_name
from fact_review.store.db import integrity_ok

KEEP_LAST = 10
KEEP_DAYS = 14
KEEP_WEEKS = 12
STAMP = "%Y%m%dT%H%M%S%fZ"


def backup_dir(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".backups")


def backup_time(backup: Path) -> Optional[datetime]:
    try:
        return datetime.strptime(backup.stem.rsplit("-", 1)[-1], STAMP).replace(tzinfo=timezone.utc)
    except ValueError:
        return None


def list_backups(db_path: Path) -> list[Path]:
    """This database's backups, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{db_path.stem}-*.db") if backup_time(p) is not None]
    return sorted(found, key=backup_time, reverse=True)


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy through the backup API, written to a temp file and renamed into place."""
    temp = target.with_name(temporary_name(target.name))
    remove_abandoned(target.parent, "*.tmp", _remove_with_journals)  # left by a backup killed half-way
    try:
        src = sqlite3.connect(source)
        try:
            dst = sqlite3.connect(temp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
            finally:
                dst.close()
        finally:
            src.close()
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:  # a full disk: no half-made copy or journal of it left in the folder
        _remove_with_journals(temp)
        raise
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(folder)  # the rename itself survives a power cut
    finally:
        os.close(folder)


def _remove_with_journals(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def make_backup(db_path: Path, now: Optional[datetime] = None) -> Path:
    """Back up ``db_path``, verify the copy (a bad copy is removed and an error raised), then thin."""
    now = now or datetime.now(timezone.utc)
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{db_path.stem}-{now.strftime(STAMP)}.db"
    copy_database(db_path, target)
    if not integrity_ok(target):
        target.unlink()
        raise OSError(f"the backup of {db_path} failed its integrity check")
    for old in backups_to_delete(list_backups(db_path), now):
        old.unlink(missing_ok=True)
    return target


def backups_to_delete(backups: list[Path], now: datetime) -> list[Path]:
    """Which of ``backups`` (newest first) the thinning rule lets go."""
    keep: set[Path] = set(backups[:KEEP_LAST])
    days_seen: set[object] = set()
    weeks_seen: set[object] = set()
    for backup in backups:  # newest first, so the first of each day/week is its newest
        taken = backup_time(backup)
        age = now - taken
        day, week = taken.date(), taken.isocalendar()[:2]
        if age <= timedelta(days=KEEP_DAYS) and day not in days_seen:
            keep.add(backup)
        elif age <= timedelta(weeks=KEEP_WEEKS) and week not in weeks_seen:
            keep.add(backup)
        days_seen.add(day)
        weeks_seen.add(week)
    return [b for b in backups if b not in keep]


def newest_good_backup(db_path: Path) -> Optional[Path]:
    return next((b for b in list_backups(db_path) if integrity_ok(b)), None)
