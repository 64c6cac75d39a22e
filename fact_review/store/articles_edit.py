"""A reviewer's corrections to an article's metadata (title, outlet, url, author, published): shared by
the desk, so a correction made on a stale copy is refused rather than overwriting another's."""
from __future__ import annotations

from typing import Any, Optional

from sqlmodel import Session

from fact_review.errors import InputError
from fact_review.store import changes
from fact_review.store.convert import article_row
from fact_review.store.models import Article as ArticleTable
from fact_review.store.models import utcnow
from fact_review.store.reads import get
from fact_review.store.rows import ArticleRow

METADATA_FIELDS = ("title", "outlet", "url", "author", "published")


def clean_metadata(fields: dict[str, Any]) -> dict[str, Optional[str]]:
    """Known fields, text or None ("" clears a field)."""
    unknown = set(fields) - set(METADATA_FIELDS)
    if unknown:
        raise InputError(f"articles have no metadata field(s) {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        if value is not None and not isinstance(value, str):
            raise InputError(f"{name}: expected text, got {type(value).__name__}")
    return {name: (value.strip() or None) if isinstance(value, str) else None for name, value in fields.items()}


def edit_metadata(session: Session, article_id: int, fields: dict[str, Optional[str]], actor: Optional[str],
                  expected_version: Optional[int]) -> ArticleRow:
    article = get(session, ArticleTable, article_id, "article")
    changes.refuse_if_stale(session.connection(), changes.ARTICLE, article_id,
                            f"The details of article {article.title or article_id!r}", article.version,
                            expected_version, article_row(article))
    for name, value in fields.items():
        setattr(article, name, value)
    session.add(article)
    session.flush()
    changes.record(session.connection(), article.case_id, changes.ARTICLE, article_id, actor, utcnow())
    return article_row(article)
