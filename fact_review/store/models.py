"""The review database tables (SQLModel). Schema changes go through ``migrations/``.

Values a reviewer reads are stored as written: decimals as TEXT, times as ISO 8601 UTC TEXT. Reviewer
corrections to a claim live in ``Claim.overrides`` beside the machine's columns, so re-analysis, which
rewrites only the machine's columns, never touches them.
"""
from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal
from typing import Any, Optional

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, Integer, String, Text, text, types
from sqlmodel import Field, SQLModel


class DecimalText(types.TypeDecorator):
    """A Decimal kept exactly as TEXT ("0.1" stays "0.1", never a binary float)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Optional[Decimal], dialect: Any) -> Optional[str]:
        return None if value is None else str(Decimal(value))

    def process_result_value(self, value: Optional[str], dialect: Any) -> Optional[Decimal]:
        return None if value is None else Decimal(value)


class UTCDateTime(types.TypeDecorator):
    """An aware datetime stored as ISO 8601 UTC TEXT; naive values are refused, not guessed."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Optional[datetime], dialect: Any) -> Optional[str]:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: store timezone-aware UTC times")
        return value.astimezone(timezone.utc).isoformat(timespec="microseconds")

    def process_result_value(self, value: Optional[str], dialect: Any) -> Optional[datetime]:
        return None if value is None else datetime.fromisoformat(value)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _version_column() -> Column:
    """The optimistic-concurrency counter of a shared object (the mapper's ``version_id_col``): the ORM
    bumps it on every UPDATE and adds it to the WHERE clause, so a write racing another fails instead of
    overwriting it; the service also refuses a change made on a copy older than the stored version."""
    return Column("version", Integer, nullable=False, server_default=text("1"))


ARTICLE_VERSION, CLAIM_VERSION, MATCH_VERSION = _version_column(), _version_column(), _version_column()


def _fk(target: str, *, nullable: bool = False, ondelete: str = "CASCADE", index: bool = True) -> Any:
    return Field(
        default=None if nullable else ...,
        sa_column=Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=index),
    )


class Case(SQLModel, table=True):
    __tablename__ = "review_case"

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    created_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    # [{"label", "rating", "description"}, ...] in scale order
    scale_json: str = Field(sa_column=Column(Text, nullable=False))
    # blind review: a reviewer sees the others' verdicts on a claim only once they have given their own
    blind: bool = Field(default=False, sa_column_kwargs={"server_default": text("false")})


class Article(SQLModel, table=True):
    __tablename__ = "article"

    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: int = _fk("review_case.id")
    position: int
    title: Optional[str] = Field(default=None, sa_type=Text)
    outlet: Optional[str] = Field(default=None, sa_type=Text)
    url: Optional[str] = Field(default=None, sa_type=Text)
    author: Optional[str] = Field(default=None, sa_type=Text)
    published: Optional[str] = Field(default=None, sa_type=Text)
    content_hash: str = Field(sa_type=Text, index=True)
    path: Optional[str] = Field(default=None, sa_type=Text)
    text: str = Field(sa_type=Text)
    imported_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    version: int = Field(default=1, sa_column=ARTICLE_VERSION)

    __mapper_args__ = {"version_id_col": ARTICLE_VERSION}


class Sentence(SQLModel, table=True):
    __tablename__ = "sentence"

    id: Optional[int] = Field(default=None, primary_key=True)
    article_id: int = _fk("article.id")
    start: int
    end: int


class Claim(SQLModel, table=True):
    __tablename__ = "claim"
    __table_args__ = (Index("ix_claim_article_start", "article_id", "start"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    article_id: int = _fk("article.id", index=False)
    start: int
    end: int
    text: str = Field(sa_type=Text)
    # the machine's values (or, for origin="reviewer", the values the reviewer entered on adding it)
    kind: str = Field(sa_type=Text)
    value: Optional[Decimal] = Field(default=None, sa_type=DecimalText)
    unit: Optional[str] = Field(default=None, sa_type=Text)
    noun: Optional[str] = Field(default=None, sa_type=Text)
    qualifier: Optional[str] = Field(default=None, sa_type=Text)
    low: Optional[Decimal] = Field(default=None, sa_type=DecimalText)
    high: Optional[Decimal] = Field(default=None, sa_type=DecimalText)
    date: Optional[str] = Field(default=None, sa_type=Text)
    check_worthy: bool = True  # False for context (the report's dateline, "now", idioms ...): see claims.worth
    why: str = Field(default="", sa_type=Text)
    # anchor: re-attaches the claim after the article text is edited
    quote: str = Field(sa_type=Text)
    prefix: str = Field(sa_type=Text)
    suffix: str = Field(sa_type=Text)
    origin: str = Field(default="machine", sa_type=Text)  # machine | reviewer
    overrides: str = Field(default="{}", sa_type=Text)  # reviewer corrections, JSON {field: value}
    dismissed: bool = False
    anchor_changed: bool = False
    version: int = Field(default=1, sa_column=CLAIM_VERSION)

    __mapper_args__ = {"version_id_col": CLAIM_VERSION}


class Match(SQLModel, table=True):
    __tablename__ = "sentence_match"

    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: int = _fk("review_case.id")
    a_article_id: int = _fk("article.id")
    a_start: int
    a_end: int
    b_article_id: int = _fk("article.id")
    b_start: int
    b_end: int
    score: float
    tier: str = Field(sa_type=Text)
    numeric: str = Field(default="none", sa_type=Text)
    method: str = Field(default="auto", sa_type=Text)  # auto | manual
    status: str = Field(default="suggested", sa_type=Text)  # suggested | confirmed | rejected
    version: int = Field(default=1, sa_column=MATCH_VERSION)

    __mapper_args__ = {"version_id_col": MATCH_VERSION}


class Check(SQLModel, table=True):
    __tablename__ = "consistency_check"

    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: int = _fk("review_case.id")
    kind: str = Field(sa_type=Text)
    status: str = Field(sa_type=Text)  # agree | compatible | conflict (a discrepancy)
    explanation: str = Field(sa_type=Text)


class CheckClaim(SQLModel, table=True):
    __tablename__ = "check_claim"

    check_id: int = Field(
        sa_column=Column(Integer, ForeignKey("consistency_check.id", ondelete="CASCADE"), primary_key=True)
    )
    claim_id: int = Field(
        sa_column=Column(Integer, ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True, index=True)
    )
    position: int = 0


# a verdict rates exactly one thing: a claim, a discrepancy (check) or a fact (migration 0007)
VERDICT_ONE_SUBJECT = ("(CASE WHEN claim_id IS NULL THEN 0 ELSE 1 END + CASE WHEN check_id IS NULL THEN 0 ELSE 1 END"
                       " + CASE WHEN rated_fact_id IS NULL THEN 0 ELSE 1 END) = 1")


class Verdict(SQLModel, table=True):
    """One reviewer's verdict on a claim (on a discrepancy, or on a fact), or the adjudicator's ``final`` one.

    Each reviewer has a row of their own per claim (a reviewer never overwrites another's); a claim has
    at most one final row, whose ``reviewer`` is the adjudicator who set it last. A row outlives a
    cleared verdict (``label`` None) so that its ``version`` keeps rising. Rows from before team review
    may have no reviewer: such a row is taken over by the first reviewer who changes that claim. A
    fact's verdicts belong to its ``RatedFact`` (``fact_models``), which outlives re-analysis.
    """

    __tablename__ = "verdict"
    __table_args__ = (
        CheckConstraint(VERDICT_ONE_SUBJECT, name="ck_verdict_one_subject"),
        Index("uq_verdict_claim_reviewer", "claim_id", "reviewer", unique=True,
              sqlite_where=text("NOT final"), postgresql_where=text("NOT final")),
        Index("uq_verdict_claim_final", "claim_id", unique=True,
              sqlite_where=text("final"), postgresql_where=text("final")),
        Index("uq_verdict_check_reviewer", "check_id", "reviewer", unique=True,
              sqlite_where=text("NOT final"), postgresql_where=text("NOT final")),
        Index("uq_verdict_check_final", "check_id", unique=True,
              sqlite_where=text("final"), postgresql_where=text("final")),
        Index("uq_verdict_fact_reviewer", "rated_fact_id", "reviewer", unique=True,
              sqlite_where=text("NOT final"), postgresql_where=text("NOT final")),
        Index("uq_verdict_fact_final", "rated_fact_id", unique=True,
              sqlite_where=text("final"), postgresql_where=text("final")),
        # every row of a claim (reviewers' and final): the lookups by claim and the cascade from a claim
        Index("ix_verdict_claim_id", "claim_id"),
        Index("ix_verdict_check_id", "check_id"),
        Index("ix_verdict_rated_fact_id", "rated_fact_id"),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    claim_id: Optional[int] = Field(
        default=None, sa_column=Column(Integer, ForeignKey("claim.id", ondelete="CASCADE"), nullable=True)
    )
    check_id: Optional[int] = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("consistency_check.id", ondelete="CASCADE"), nullable=True),
    )
    rated_fact_id: Optional[int] = Field(  # migration 0007
        default=None, sa_column=Column(Integer, ForeignKey("rated_fact.id", ondelete="CASCADE"), nullable=True),
    )
    label: Optional[str] = Field(default=None, sa_type=Text)
    rating: Optional[int] = None
    note: Optional[str] = Field(default=None, sa_type=Text)
    evidence_url: Optional[str] = Field(default=None, sa_type=Text)
    reviewer: Optional[str] = Field(default=None, sa_type=Text)
    created_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    updated_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    version: int = 1
    flagged: bool = False  # added by migration 0002
    final: bool = Field(default=False, sa_column_kwargs={"server_default": text("false")})  # migration 0005


class VerdictEvent(SQLModel, table=True):
    """Append-only history (triggers refuse UPDATE and DELETE). No foreign key on purpose: the history
    of a claim that a re-import or an undo removed stays readable."""

    __tablename__ = "verdict_event"

    id: Optional[int] = Field(default=None, primary_key=True)
    claim_id: Optional[int] = Field(default=None, index=True)  # index added by migration 0002
    check_id: Optional[int] = None
    case_id: Optional[int] = Field(default=None, index=True)  # migration 0005: history moves with its case
    rated_fact_id: Optional[int] = Field(default=None, index=True)  # migration 0007: a fact's verdicts
    at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    reviewer: Optional[str] = Field(default=None, sa_type=Text)
    before_json: Optional[str] = Field(default=None, sa_type=Text)
    after_json: Optional[str] = Field(default=None, sa_type=Text)


class CaseChange(SQLModel, table=True):
    """What changed in a case, a row per change, appended in the same transaction as the change: other
    windows on the same database poll it to refresh what changed (``store.changes``)."""

    __tablename__ = "case_change"

    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: int = _fk("review_case.id")
    at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    reviewer: Optional[str] = Field(default=None, sa_type=Text)
    kind: str = Field(sa_type=Text)  # verdict | fact_verdict | claim | match | article | articles | case
    subject_id: Optional[int] = None  # the claim or match; None for the whole case
