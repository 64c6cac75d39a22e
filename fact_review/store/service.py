"""The review service: the one place that persists analysis results and reviewer decisions.

The UI and the CLI share it. Every public method is one unit of work in its own session and returns
frozen rows (``rows.py``), never live ORM objects. Writes run in ``BEGIN IMMEDIATE`` transactions.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Callable, Optional, Sequence

from fact_review.model import Article
from fact_review.store.rows import (
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

ArticleSpan = tuple[int, int, int]  # (article_id, start, end)


def default_db_path() -> Path:
    """``fact-review.db`` in the user data folder (platformdirs), created on first use."""
    raise NotImplementedError


def open_service(path: Path | str, *, read_only: bool = False, recover: bool = True) -> "ReviewService":
    """Open (creating or migrating as needed) the database at ``path``.

    Takes the single-writer lock; when another process holds it the service is read-only and
    ``read_only_reason`` says "open in another window". ``":memory:"`` gives an in-memory database
    (tests). A damaged file is moved aside and the newest verified backup restored when ``recover``;
    otherwise ``CorruptDatabaseError`` is raised. A database made by a newer version opens read-only.
    """
    raise NotImplementedError


class ReviewService:
    path: Path
    read_only: bool
    read_only_reason: Optional[str]

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> "ReviewService":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # cases
    def create_case(self, name: str, scale: Optional[Sequence[ScaleLabel]] = None) -> CaseRow:
        """A new case with ``scale`` (default: False .. True, 1..5, plus Unverifiable); name must be new."""
        raise NotImplementedError

    def get_case(self, name: str) -> Optional[CaseRow]:
        raise NotImplementedError

    def get_or_create_case(self, name: str) -> CaseRow:
        raise NotImplementedError

    def list_cases(self) -> list[CaseRow]:
        raise NotImplementedError

    def scale(self, case_id: int) -> list[ScaleLabel]:
        raise NotImplementedError

    # articles
    def import_articles(
        self,
        case_id: int,
        articles: Sequence[Article],
        *,
        progress: Optional[Callable[[int, int], None]] = None,
        cancelled: Optional[Callable[[], bool]] = None,
    ) -> ImportResult:
        """Analyse and store new or changed articles, then re-match the whole case.

        The same content again is a no-op. An article with the same path (or url, or title) and new
        text is updated: its claims re-attach through quote + prefix + suffix, keeping verdicts and
        reviewer edits; those whose text changed get ``anchor_changed``. ``progress(done, total)`` is
        called per article; ``cancelled()`` is checked between articles (what was analysed is kept).
        """
        raise NotImplementedError

    def articles(self, case_id: int) -> list[ArticleRow]:
        """The case's articles in import order, with their full text."""
        raise NotImplementedError

    def sentences(self, article_id: int) -> list[SentenceRow]:
        raise NotImplementedError

    # claims and verdicts
    def claims(
        self, case_id: int, article_id: Optional[int] = None, *, include_dismissed: bool = False
    ) -> list[ClaimRow]:
        """Claims ordered by article then start offset."""
        raise NotImplementedError

    def claim(self, claim_id: int) -> ClaimRow:
        raise NotImplementedError

    def set_verdict(
        self,
        claim_id: int,
        label: str,
        *,
        note: Optional[str] = None,
        evidence_url: Optional[str] = None,
        reviewer: Optional[str] = None,
    ) -> VerdictChange:
        """Give a claim a verdict; ``label`` must be on the case's scale (matched case-insensitively)."""
        raise NotImplementedError

    def clear_verdict(self, claim_id: int, *, reviewer: Optional[str] = None) -> VerdictChange:
        raise NotImplementedError

    def restore_verdict(
        self, claim_id: int, state: Optional[VerdictRow], *, reviewer: Optional[str] = None
    ) -> VerdictChange:
        """Put back a verdict state (undo/redo); the version still rises."""
        raise NotImplementedError

    def set_flag(self, claim_id: int, flagged: bool) -> VerdictChange:
        """Flag a claim for later (a mark that needs no verdict)."""
        raise NotImplementedError

    def verdict_history(self, claim_id: int) -> list[VerdictEventRow]:
        """Every change to the claim's verdict, oldest first (append-only)."""
        raise NotImplementedError

    def add_claim(
        self,
        article_id: int,
        start: int,
        end: int,
        kind: str,
        *,
        value: Optional[Decimal] = None,
        unit: Optional[str] = None,
        noun: Optional[str] = None,
        qualifier: Optional[str] = None,
        low: Optional[Decimal] = None,
        high: Optional[Decimal] = None,
        date: Optional[str] = None,
    ) -> ClaimRow:
        """A claim the extractor missed (origin "reviewer")."""
        raise NotImplementedError

    def edit_claim(self, claim_id: int, **fields: object) -> ClaimEdit:
        """Correct kind/value/unit/noun/qualifier/low/high/date; kept apart from the machine's values."""
        raise NotImplementedError

    def dismiss_claim(self, claim_id: int, dismissed: bool = True) -> ClaimEdit:
        raise NotImplementedError

    def restore_claim(self, claim_id: int, state: ClaimRow) -> ClaimEdit:
        """Put back the reviewer corrections and dismissal of ``state`` (undo of an edit or dismiss)."""
        raise NotImplementedError

    def delete_claim(self, claim_id: int) -> None:
        """Remove a reviewer-added claim (undo of ``add_claim``); machine claims are dismissed instead."""
        raise NotImplementedError

    # matches and checks
    def matches(self, case_id: int) -> list[MatchRow]:
        raise NotImplementedError

    def set_match_status(self, match_id: int, status: str) -> MatchChange:
        """``status`` is "suggested", "confirmed" or "rejected"; kept across re-imports."""
        raise NotImplementedError

    def add_match(self, case_id: int, a: ArticleSpan, b: ArticleSpan) -> MatchRow:
        """A match made by hand (method "manual", status "confirmed")."""
        raise NotImplementedError

    def delete_match(self, match_id: int) -> None:
        """Remove a hand-made match (undo of ``add_match``)."""
        raise NotImplementedError

    def checks(self, case_id: int) -> list[CheckRow]:
        raise NotImplementedError

    # review
    def review_queue(
        self,
        case_id: int,
        *,
        status: Optional[str] = None,
        kind: Optional[str] = None,
        label: Optional[str] = None,
    ) -> list[int]:
        """Claim ids to review (dismissed left out), claims in conflict first, then in reading order.

        ``status``: "unreviewed" | "conflicts" | "reviewed" | "flagged" | None (all).
        """
        raise NotImplementedError

    def progress(self, case_id: int) -> Progress:
        raise NotImplementedError

    def backup(self) -> Path:
        """A verified copy (sqlite backup API + integrity_check) next to the database; old ones thinned."""
        raise NotImplementedError
