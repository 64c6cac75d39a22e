"""Plain data that flows through the pipeline (ARCHITECTURE.md §2):

file -> Article -> Sentence spans -> Claims -> Matches and Checks -> Verdicts (stored) -> reports.

All offsets are Python ``str`` indices into ``Article.text``, half-open ``[start, end)``.
Numeric values are ``Decimal`` so that what the reviewer reads is exactly what was written.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, Literal, Optional

ClaimKind = Literal["number", "ordinal", "percent", "money", "date", "duration", "quantity"]
CLAIM_KINDS: tuple[str, ...] = ("number", "ordinal", "percent", "money", "date", "duration", "quantity")

MatchTier = Literal["confident", "suggested"]
NumericRelation = Literal["agree", "compatible", "conflict", "none"]
# How the window and reports say a NumericRelation to a reviewer.
RELATION_WORDS = {"agree": "numbers agree", "compatible": "numbers compatible", "conflict": "numbers conflict",
                  "none": "no shared number"}


def relation_words(relation: str) -> str:
    return RELATION_WORDS.get(relation, relation)


def match_words(score: float, relation: str, status: str, method: str = "auto") -> str:
    """How a match reads to a reviewer, in the window and the reports: ``numbers conflict, 68% similar,
    suggested match``, or ``linked by hand`` (a reviewer's link has no similarity score to show)."""
    if method == "manual":
        return "linked by hand" + ("" if status == "confirmed" else f", {status}")
    return f"{relation_words(relation)}, {round(score * 100)}% similar, {status} match"


# ``order``: event times that cannot hold together; ``count``: one against many, none against some.
CheckKind = Literal["value", "sum", "share", "date", "order", "count"]
# ``superseded``: a figure that a later report updated ("the toll rose to 14").
CheckStatus = Literal["agree", "compatible", "conflict", "superseded"]
# Most alarming first: how checks and facts are listed.
STATUS_ORDER = {"conflict": 0, "superseded": 1, "compatible": 2, "agree": 3}
FactKind = Literal["quantity", "time"]


_JSON_MAGNITUDE = 300  # within a double's range, and far below int()'s limit of 4,300 digits


def json_number(value: Optional[Decimal]) -> int | float | None:
    """A Decimal as a JSON number: an int when integral, else the shortest float that reads back the same.

    A value no float can hold (stored before the extractor left such figures alone: "1e5000") is None, as
    JSON has no number for it; its text still says what was written.
    """
    if value is None or not value.is_finite() or (value and abs(value.adjusted()) > _JSON_MAGNITUDE):
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


@dataclass(frozen=True)
class Article:
    """One source's report, with its text exactly as imported (decoded, newlines normalised to ``\\n``)."""

    text: str
    title: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = None  # ISO 8601: "2025-05-25" or "2025-05-25T10:00:00+00:00"
    content_hash: str = ""  # sha256 hex of ``text``
    path: Optional[str] = None  # where it was read from, when it came from a file

    def with_text(self, text: str) -> "Article":
        from hashlib import sha256

        return replace(self, text=text, content_hash=sha256(text.encode("utf-8")).hexdigest())


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)  # one per claim: a long article holds 100,000s
class Claim:
    """A numeric statement: span, kind and normalised value (the contract's ``Claim`` shape)."""

    start: int
    end: int
    text: str
    kind: str  # one of CLAIM_KINDS
    value: Optional[Decimal] = None
    unit: Optional[str] = None
    noun: Optional[str] = None
    qualifier: Optional[str] = None
    low: Optional[Decimal] = None
    high: Optional[Decimal] = None
    date: Optional[str] = None  # kind=date: ISO 8601 at its precision, "XXXX-04-26" for an unknown year
    # False for context a reviewer need not check (the report's own dateline and timing, "now", idioms,
    # list numbering, timestamps of embedded posts); ``why`` says in a few words what the claim is
    check_worthy: bool = True
    why: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "value": json_number(self.value),
            "unit": self.unit,
            "noun": self.noun,
            "qualifier": self.qualifier,
            "low": json_number(self.low),
            "high": json_number(self.high),
            "date": self.date,
            "check_worthy": self.check_worthy,
            "why": self.why,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Claim":
        def dec(x: Any) -> Optional[Decimal]:
            return None if x is None else Decimal(str(x))

        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            text=data["text"],
            kind=data["kind"],
            value=dec(data.get("value")),
            unit=data.get("unit"),
            noun=data.get("noun"),
            qualifier=data.get("qualifier"),
            low=dec(data.get("low")),
            high=dec(data.get("high")),
            date=data.get("date"),
            check_worthy=bool(data.get("check_worthy", True)),
            why=data.get("why") or "",
        )


@dataclass(frozen=True)
class AnalysedArticle:
    """An article with the results of the pure analysis steps."""

    article: Article
    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Span:
    article: int  # index of the article in the case
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"article": self.article, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Match:
    """Two sentences in different articles that state the same thing."""

    a: Span
    b: Span
    score: float  # 0..1
    tier: str  # MatchTier
    numeric: str = "none"  # NumericRelation of the claims the two sentences share

    def to_json(self) -> dict[str, Any]:
        return {
            "a": self.a.to_json(),
            "b": self.b.to_json(),
            "score": round(self.score, 4),
            "tier": self.tier,
            "numeric": self.numeric,
        }


@dataclass(frozen=True, slots=True)  # one per claim: a long article holds 100,000s
class CheckedClaim:
    article: int
    claim: Claim

    def to_json(self) -> dict[str, Any]:
        return {"article": self.article, **self.claim.to_json()}


@dataclass(frozen=True)
class Check:
    """A consistency check over claims; a discrepancy is a check whose status is ``conflict``."""

    kind: str  # CheckKind
    status: str  # CheckStatus
    claims: tuple[CheckedClaim, ...]
    explanation: str

    @property
    def is_discrepancy(self) -> bool:
        return self.status == "conflict"

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "status": self.status,
            "claims": [c.to_json() for c in self.claims],
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class FactClaim:
    """A claim of a fact, with when it places the fact's event (time facts) and whether a later report
    updated it."""

    article: int
    claim: Claim
    earliest: Optional[str] = None  # ISO day: the interval the claim allows for the event (time facts)
    latest: Optional[str] = None
    superseded: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"article": self.article, **self.claim.to_json(), "earliest": self.earliest, "latest": self.latest,
                "superseded": self.superseded}


@dataclass(frozen=True)
class Fact:
    """Claims across the case (and inside one article) that state the same quantity of the same thing or the
    time of the same event. A suggestion: the reviewer can split and merge facts.

    ``earliest``/``latest`` (time facts): the days between which the event can have happened given every
    statement of the case that holds together (ISO days; None when open)."""

    id: str
    label: str
    kind: str  # FactKind
    status: str  # CheckStatus
    claims: tuple[FactClaim, ...]
    explanation: str
    earliest: Optional[str] = None
    latest: Optional[str] = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "kind": self.kind,
            "status": self.status,
            "claims": [c.to_json() for c in self.claims],
            "explanation": self.explanation,
            "earliest": self.earliest,
            "latest": self.latest,
        }


@dataclass(frozen=True)
class CaseAnalysis:
    """The cross-source result for a set of analysed articles."""

    articles: tuple[AnalysedArticle, ...]
    matches: tuple[Match, ...] = field(default=())
    checks: tuple[Check, ...] = field(default=())
    facts: tuple[Fact, ...] = field(default=())
