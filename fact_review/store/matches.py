"""The reviewer's decisions on matches: confirm or reject the matcher's, add or remove one by hand."""
from __future__ import annotations

from typing import Optional

from sqlmodel import Session

from fact_review.errors import InputError
from fact_review.store import changes
from fact_review.store.convert import match_row
from fact_review.store.models import Article as ArticleTable
from fact_review.store.models import Match, utcnow
from fact_review.store.reads import get, get_case
from fact_review.store.rows import MATCH_STATUSES, MatchChange, MatchRow

ArticleSpan = tuple[int, int, int]  # (article_id, start, end)


def check_status(status: str) -> None:
    if status not in MATCH_STATUSES:
        raise InputError(f"unknown match status {status!r}: use one of {', '.join(MATCH_STATUSES)}")


def set_status(session: Session, match_id: int, status: str, actor: Optional[str],
               expected_version: Optional[int] = None) -> MatchChange:
    """Confirm, reject or reset a match; a decision made on a copy older than ``expected_version`` is
    refused (``StaleError`` carrying the match as it is now): another reviewer decided meanwhile."""
    match = get(session, Match, match_id, "match")
    _refuse_if_stale(session, match, expected_version)
    before, match.status = match.status, status
    session.add(match)
    session.flush()
    changes.record(session.connection(), match.case_id, changes.MATCH, match_id, actor, utcnow())
    return MatchChange(match_id, before, status, match.version)


def _refuse_if_stale(session: Session, match: Match, expected_version: Optional[int]) -> None:
    changes.refuse_if_stale(session.connection(), changes.MATCH, match.id, f"This match (now {match.status})",
                            match.version, expected_version, match_row(match))


def add_match(session: Session, case_id: int, a: ArticleSpan, b: ArticleSpan, actor: Optional[str]) -> MatchRow:
    """A match made by hand (method "manual", status "confirmed")."""
    get_case(session, case_id)
    for article_id, start, end in (a, b):
        article = session.get(ArticleTable, article_id)
        if article is None or article.case_id != case_id:
            raise InputError(f"article {article_id} is not in case {case_id}")
        if not (0 <= start < end <= len(article.text)):
            raise InputError(f"span [{start}, {end}) is outside article {article_id}")
    if a[0] == b[0]:
        raise InputError("a match links two different articles")
    match = Match(case_id=case_id, a_article_id=a[0], a_start=a[1], a_end=a[2], b_article_id=b[0],
                  b_start=b[1], b_end=b[2], score=1.0, tier="confident", numeric="none",
                  method="manual", status="confirmed")
    session.add(match)
    session.flush()
    changes.record(session.connection(), case_id, changes.MATCH, match.id, actor, utcnow())
    return match_row(match)


def delete_match(session: Session, match_id: int, actor: Optional[str], expected_version: Optional[int] = None
                 ) -> None:
    match = get(session, Match, match_id, "match")
    if match.method != "manual":
        raise InputError(f"match {match_id} was found by the matcher: reject it instead")
    _refuse_if_stale(session, match, expected_version)
    session.delete(match)
    changes.record(session.connection(), match.case_id, changes.MATCH, match_id, actor, utcnow())
