"""The tables of facts (``fact_review.events``): the machine's facts of a case, replaced at every analysis,
and the reviewer's split/merge decisions, which are kept (by claim) and applied to them when read.
Added by migration 0006. The facts reviewers rated (``RatedFact``, the subject of their verdicts on a
fact) are kept by claim too: migration 0007."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import Column, ForeignKey, Integer, Text
from sqlmodel import Field, SQLModel

from fact_review.store.models import UTCDateTime, _fk


def _member(target: str, *, index: bool = False):  # noqa: ANN202 - a sqlmodel Field
    return Field(sa_column=Column(Integer, ForeignKey(target, ondelete="CASCADE"), primary_key=True, index=index))


class Fact(SQLModel, table=True):
    __tablename__ = "fact"

    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: int = _fk("review_case.id")
    key: str = Field(sa_type=Text)  # the analysis's fact id ("F3")
    kind: str = Field(sa_type=Text)  # quantity | time
    status: str = Field(sa_type=Text)  # agree | compatible | conflict | superseded
    label: str = Field(sa_type=Text)
    explanation: str = Field(sa_type=Text)
    earliest: Optional[str] = Field(default=None, sa_type=Text)  # ISO day (time facts)
    latest: Optional[str] = Field(default=None, sa_type=Text)
    position: int = 0


class FactClaim(SQLModel, table=True):
    __tablename__ = "fact_claim"

    fact_id: int = _member("fact.id")
    claim_id: int = _member("claim.id", index=True)
    position: int = 0
    superseded: bool = False
    earliest: Optional[str] = Field(default=None, sa_type=Text)
    latest: Optional[str] = Field(default=None, sa_type=Text)


class FactDecision(SQLModel, table=True):
    """A reviewer's split (these claims are a fact of their own) or merge (the facts of these claims are one)."""

    __tablename__ = "fact_decision"

    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: int = _fk("review_case.id")
    action: str = Field(sa_type=Text)  # split | merge
    reviewer: Optional[str] = Field(default=None, sa_type=Text)
    created_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class FactDecisionClaim(SQLModel, table=True):
    __tablename__ = "fact_decision_claim"

    decision_id: int = _member("fact_decision.id")
    claim_id: int = _member("claim.id", index=True)


class RatedFact(SQLModel, table=True):
    """A fact as reviewers rated it: the claims it had when first rated. Verdicts on a fact hang on this row,
    which outlives re-analysis; each read gives it to the fact that shares the most claims with it
    (``store.fact_verdicts``)."""

    __tablename__ = "rated_fact"

    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: int = _fk("review_case.id")
    created_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class RatedFactClaim(SQLModel, table=True):
    __tablename__ = "rated_fact_claim"

    rated_fact_id: int = _member("rated_fact.id")
    claim_id: int = _member("claim.id", index=True)
