"""Errors of the review database that the UI and CLI explain to the reviewer."""
from __future__ import annotations

from pathlib import Path

from fact_review.errors import ExplainedError, InputError


class ReadOnlyError(InputError):
    """A write was asked of a service opened read-only (the message says why it is read-only)."""


class UnwritableError(ExplainedError):
    """A write was asked of a database that cannot be written just now for no one's choice (a full disk):
    a failure, not bad input; the message says why."""


class CorruptDatabaseError(ExplainedError):
    """The database file failed its integrity check and was left as it is (no verified backup to restore,
    or opened without recovery); ``backups`` are its backups, newest first."""

    def __init__(self, path: Path, detail: str, backups: list[Path]):
        remedy = (f"its newest backup is {backups[0]}" if backups else "it has no backup")
        detail_text = " ".join(detail.split())
        super().__init__(f"{path} is damaged ({detail_text}) and was left as it is; {remedy}. Move it aside to "
                         f"start a new database, or rescue what it holds with: sqlite3 {path} .recover")
        self.path = path
        self.detail = detail
        self.backups = backups


class ServerUnavailableError(ExplainedError):
    """The database server cannot be reached (down, unreachable, timed out): not the user's input."""


class StaleError(ExplainedError):
    """A change to a shared object (a match decision, a claim correction, article metadata, a final
    verdict) was made on a copy that someone else has changed since: refused, never silently applied.
    ``current`` is the object's fresh state (a frozen row) for the window to show."""

    def __init__(self, message: str, current: object = None):
        super().__init__(message)
        self.current = current
