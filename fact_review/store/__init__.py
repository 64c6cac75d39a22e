"""The review database: cases, articles, claims, matches and verdicts (SERVICE_API.md)."""
from fact_review.store.errors import CorruptDatabaseError, ReadOnlyError
from fact_review.store.rows import (
    DEFAULT_SCALE,
    ArticleRow,
    CaseRow,
    CheckRow,
    ClaimEdit,
    ClaimRow,
    ImportResult,
    MatchChange,
    MatchRow,
    Progress,
    ScaleLabel,
    SentenceRow,
    VerdictChange,
    VerdictEventRow,
    VerdictRow,
)
from fact_review.store.backup import list_backups
from fact_review.store.service import Recovery, ReviewService, default_db_path, open_service, restore_backup

__all__ = [
    "DEFAULT_SCALE",
    "ArticleRow",
    "CaseRow",
    "CheckRow",
    "ClaimEdit",
    "ClaimRow",
    "CorruptDatabaseError",
    "ImportResult",
    "MatchChange",
    "MatchRow",
    "Progress",
    "ReadOnlyError",
    "Recovery",
    "ReviewService",
    "ScaleLabel",
    "SentenceRow",
    "VerdictChange",
    "VerdictEventRow",
    "VerdictRow",
    "default_db_path",
    "list_backups",
    "open_service",
    "restore_backup",
]
