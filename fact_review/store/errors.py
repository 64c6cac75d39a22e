"""Errors of the review database that the UI and CLI explain to the reviewer."""
from __future__ import annotations

from pathlib import Path

from fact_review.errors import InputError


class ReadOnlyError(InputError):
    """A write was asked of a service opened read-only (the message says why it is read-only)."""


class CorruptDatabaseError(Exception):
    """The database file failed its integrity check; ``backups`` are verified copies, newest first."""

    def __init__(self, path: Path, detail: str, backups: list[Path]):
        super().__init__(f"{path} is damaged ({detail})")
        self.path = path
        self.detail = detail
        self.backups = backups
