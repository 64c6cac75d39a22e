"""Whether two numeric claims can both hold: agree (same value), compatible (the intervals their
qualifiers allow overlap: "almost 300" and "298"), conflict (disjoint; with the relative difference), or
none (they do not measure the same thing). Units, scales and durations are brought to one base first;
currencies are never converted (an exchange rate is a claim of its own)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal
from typing import Optional, Sequence

from fact_review.matching.words import stem
from fact_review.model import Claim

# Factor to a base unit per dimension; units outside the table compare only with themselves.
_UNIT_BASE: dict[str, tuple[str, Decimal]] = {
    "mm": ("length", Decimal("0.001")), "cm": ("length", Decimal("0.01")), "m": ("length", Decimal(1)),
    "km": ("length", Decimal(1000)), "mile": ("length", Decimal("1609.344")), "ft": ("length", Decimal("0.3048")),
    "in": ("length", Decimal("0.0254")), "yd": ("length", Decimal("0.9144")),
    "mg": ("mass", Decimal("0.001")), "g": ("mass", Decimal(1)), "kg": ("mass", Decimal(1000)),
    "t": ("mass", Decimal(1_000_000)), "lb": ("mass", Decimal("453.59237")), "oz": ("mass", Decimal("28.349523125")),
    "ml": ("volume", Decimal("0.001")), "cl": ("volume", Decimal("0.01")), "dl": ("volume", Decimal("0.1")),
    "l": ("volume", Decimal(1)), "gal": ("volume", Decimal("3.785411784")),
    "ha": ("area", Decimal(10_000)), "m²": ("area", Decimal(1)), "km²": ("area", Decimal(1_000_000)),
    "acre": ("area", Decimal("4046.8564224")),
    "millisecond": ("time", Decimal("0.001")), "second": ("time", Decimal(1)), "minute": ("time", Decimal(60)),
    "hour": ("time", Decimal(3600)), "day": ("time", Decimal(86400)), "week": ("time", Decimal(604800)),
    "fortnight": ("time", Decimal(1209600)), "month": ("time", Decimal(2629800)),
    "year": ("time", Decimal(31557600)), "decade": ("time", Decimal(315576000)),
    "century": ("time", Decimal(3155760000)),
}
_COUNT_KINDS = frozenset({"number", "quantity"})  # "5 km" may come out as either, depending on the extractor


@dataclass(frozen=True)
class Comparison:
    relation: str  # agree | compatible | conflict | none
    relative_difference: Optional[Decimal] = None  # for conflicts: gap between the values / the larger one

    @property
    def comparable(self) -> bool:
        return self.relation != "none"


NONE = Comparison("none")

# Two values of the same thing this close (relative to the larger) are one fact told two ways; further
# apart, they are as likely to be two different facts ("12 killed", "60 injured").
NEAR = Decimal("0.1")


def head_noun(claim: Claim) -> Optional[str]:
    """The last word of the counted noun, stemmed: "Shahed drones" and "drones" count the same thing."""
    return _head(claim.noun) if claim.noun else None


@lru_cache(maxsize=1 << 14)
def _head(noun: str) -> Optional[str]:
    words = [w for w in noun.replace("-", " ").split() if w.isalpha()]
    if not words:
        return None
    head = stem(words[-1])
    return head[:-3] + "man" if head.endswith("men") and len(head) > 4 else head  # "gunmen" counts gunmen


def interval(claim: Claim) -> Optional[tuple[Optional[Decimal], Optional[Decimal]]]:
    """[low, high] in the claim's base unit (None for an open side), or None when it states no amount."""
    if claim.low is None and claim.high is None:
        if claim.value is None:
            return None
        low = high = claim.value
    else:
        low, high = claim.low, claim.high
    factor = _factor(claim)
    return (None if low is None else low * factor, None if high is None else high * factor)


def nominal(claim: Claim) -> Optional[Decimal]:
    """The value as written in the base unit; for a range without one, its middle (or its known bound)."""
    if claim.value is not None:
        return claim.value * _factor(claim)
    span = interval(claim)
    known = [v for v in span if v is not None] if span else []
    return sum(known) / len(known) if known else None


def _factor(claim: Claim) -> Decimal:
    entry = _UNIT_BASE.get(claim.unit or "")
    return entry[1] if entry else Decimal(1)


def dimension(claim: Claim) -> Optional[str]:
    entry = _UNIT_BASE.get(claim.unit or "")
    return entry[0] if entry else claim.unit


def same_dimension(a: Claim, b: Claim) -> bool:
    """Both count or measure the same dimension (people and drones may add up; km and kg never do)."""
    return a.kind in _COUNT_KINDS and b.kind in _COUNT_KINDS and dimension(a) == dimension(b)


def measures_same(a: Claim, b: Claim, *, need_noun: bool = True, counted_alike: bool = False) -> bool:
    """Same kind of amount of the same thing: kind, unit dimension (currency) and counted noun agree.
    ``counted_alike``: the caller knows two counts without a noun count one thing (parts of one whole:
    ``matching.wholes``)."""
    if not (getattr(a, "check_worthy", True) and getattr(b, "check_worthy", True)):
        return False  # context ("today" as the report's own day, a dateline) is not a statement to compare
    if a.kind == "date" or b.kind == "date":
        return a.kind == b.kind and _calendar_date(a.date) and _calendar_date(b.date) \
            and not _bare_time(a.text) and not _bare_time(b.text)
    if a.kind != b.kind and not (a.kind in _COUNT_KINDS and b.kind in _COUNT_KINDS):
        return False
    if a.kind == "ordinal":
        return False  # "the 3rd" and "the 4th" rank different things more often than they disagree
    if dimension(a) != dimension(b):
        return False
    noun_a, noun_b = head_noun(a), head_noun(b)
    if noun_a and noun_b:
        return noun_a == noun_b
    if counted_alike and not noun_a and not noun_b and a.kind == b.kind == "number":
        return True
    return not need_noun and a.kind in ("percent", "money", "duration", "quantity")


# A day, month or year (or a range of them), possibly without its year: not a bare time ("noon") or a
# reference ("now"), which say nothing about which day.
_DAY = r"(?:\d{4}|XXXX)(?:-\d{2}(?:-\d{2})?)?(?:T[\d:]+)?"
_CALENDAR_DATE = re.compile(rf"^{_DAY}(?:/{_DAY})?$")


# A time of day written without its day ("at 2:56", "1:30 a.m."): the day it was resolved to is the report's.
_TIME_ONLY = re.compile(r"^(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s*m\.?|h|hrs|GMT|UTC|local time)?$", re.I)


def _bare_time(text: str) -> bool:
    return bool(_TIME_ONLY.match(text.strip()))


def _calendar_date(value: Optional[str]) -> bool:
    return bool(value) and value != "XXXX" and _CALENDAR_DATE.match(value) is not None


def nominal_difference(a: Claim, b: Claim) -> Decimal:
    """|a - b| / max(|a|, |b|) of the values as written (1 when either has none)."""
    x, y = nominal(a), nominal(b)
    if x is None or y is None:
        return Decimal(1)
    scale = max(abs(x), abs(y))
    return abs(x - y) / scale if scale else Decimal(0)


def compare(a: Claim, b: Claim, *, need_noun: bool = True, counted_alike: bool = False) -> Comparison:
    if not measures_same(a, b, need_noun=need_noun, counted_alike=counted_alike):
        return NONE
    if a.kind == "date":
        return Comparison(compare_dates(a.date or "", b.date or ""))
    span_a, span_b = interval(a), interval(b)
    if span_a is None or span_b is None:
        return NONE
    exact_a = span_a[0] is not None and span_a[0] == span_a[1]
    exact_b = span_b[0] is not None and span_b[0] == span_b[1]
    if exact_a and exact_b and span_a[0] == span_b[0]:
        return Comparison("agree")
    if overlaps(span_a, span_b):
        return Comparison("compatible")
    return Comparison("conflict", relative_gap(span_a, span_b))


def overlaps(x: tuple, y: tuple) -> bool:
    """Whether two intervals (None for an open side) share a value."""
    low = max((v for v in (x[0], y[0]) if v is not None), default=None)
    high = min((v for v in (x[1], y[1]) if v is not None), default=None)
    return low is None or high is None or low <= high


def relative_gap(x: tuple, y: tuple) -> Decimal:
    """The gap between two disjoint intervals relative to the larger of the two values facing each other."""
    below, above = (x, y) if x[1] is not None and y[0] is not None and x[1] < y[0] else (y, x)
    near, far = below[1], above[0]
    scale = max(abs(near), abs(far))
    return abs(far - near) / scale if scale else Decimal(0)


def compare_dates(a: str, b: str) -> str:
    """ISO dates or ranges ("2025-05-01/2025-05-03") at their precision: equal -> agree; overlapping ("2025-05"
    and "2025-05-25", a day inside a range, or equal apart from an unknown year) -> compatible; else conflict."""
    if a == b:
        return "agree"
    (a_low, a_high), (b_low, b_high) = _date_bounds(a), _date_bounds(b)
    if (a_low, a_high) == (b_low, b_high):
        return "agree"
    if "XXXX" in a + b:  # compare without the year when one side does not know it
        a_low, a_high, b_low, b_high = (d[4:] for d in (a_low, a_high, b_low, b_high))
    precision = min(len(a_low), len(b_low))
    if a_low[:precision] <= b_high[:precision] and b_low[:precision] <= a_high[:precision]:
        return "compatible"
    return "conflict"


def _date_bounds(value: str) -> tuple[str, str]:
    low, _, high = value.partition("/")
    return low.split("T")[0], (high or low).split("T")[0]


def best_pairings(
    left: Sequence[Claim], right: Sequence[Claim], *, far_conflicts: bool = True
) -> list[tuple[int, int, Comparison]]:
    """One-to-one pairs of comparable claims of two matched statements, best first: a statement with two
    dates (or counts) is compared through the one that fits, not through every combination. Without
    ``far_conflicts`` (statements only suggested as the same), values further apart than NEAR and
    different dates are taken for different facts, not for a disagreement."""
    options: list = []
    if not left or not right:
        return options
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            comparison = compare(a, b, need_noun=False)
            far = comparison.relation == "conflict" and (a.kind == "date" or nominal_difference(a, b) > NEAR)
            if comparison.comparable and (far_conflicts or not far):
                gap = comparison.relative_difference if comparison.relative_difference is not None else Decimal(0)
                options.append((_RANK[comparison.relation], gap, i, j, comparison))
    options.sort(key=lambda o: o[:4])
    used_left, used_right, chosen = set(), set(), []
    for _, _, i, j, comparison in options:
        if i not in used_left and j not in used_right:
            used_left.add(i)
            used_right.add(j)
            chosen.append((i, j, comparison))
    return chosen


_RANK = {"agree": 0, "compatible": 1, "conflict": 2}


def case_relation(relations: list[str]) -> str:
    """One word for a set of claim comparisons: the most alarming one wins."""
    for relation in ("conflict", "compatible", "agree"):
        if relation in relations:
            return relation
    return "none"
