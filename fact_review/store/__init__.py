"""The review database: cases, articles, claims, matches and verdicts (SERVICE_API.md)."""
from fact_review.store import rows
from fact_review.store.errors import CorruptDatabaseError, ReadOnlyError, ServerUnavailableError, StaleError
from fact_review.store.rows import *  # noqa: F403 - the frozen rows, listed once in rows.__all__
from fact_review.store.article_edits import ArticleEdit, RemovedArticle
from fact_review.store.backup import list_backups
from fact_review.store.facts import FactRow
from fact_review.store.engines import display_name, is_url, remembered, server_address
from fact_review.store.engines.sqlite import Recovery, restore_backup
from fact_review.store.service import ReviewService, default_db_path, open_service
from fact_review.store.settings import REPORT_STATES, CaseSettings, DeskSettings

__all__ = [
    *rows.__all__,
    "ArticleEdit",
    "CaseSettings",
    "CorruptDatabaseError",
    "DeskSettings",
    "REPORT_STATES",
    "FactRow",
    "ReadOnlyError",
    "Recovery",
    "RemovedArticle",
    "ReviewService",
    "ServerUnavailableError",
    "StaleError",
    "default_db_path",
    "display_name",
    "is_url",
    "list_backups",
    "open_service",
    "remembered",
    "restore_backup",
    "server_address",
]
