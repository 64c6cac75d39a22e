"""The review database: cases, articles, claims, matches and verdicts (SERVICE_API.md)."""
from fact_review.store import rows
from fact_review.store.errors import CorruptDatabaseError, ReadOnlyError
from fact_review.store.rows import *  # noqa: F403 - the frozen rows, listed once in rows.__all__
from fact_review.store.backup import list_backups
from fact_review.store.facts import FactRow
from fact_review.store.service import Recovery, ReviewService, default_db_path, open_service, restore_backup

__all__ = [
    *rows.__all__,
    "CorruptDatabaseError",
    "FactRow",
    "ReadOnlyError",
    "Recovery",
    "ReviewService",
    "default_db_path",
    "list_backups",
    "open_service",
    "restore_backup",
]
