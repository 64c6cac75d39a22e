"""Date checks inside one sentence: a stated duration against the two dates it spans ("from May 1 to May
10, nine days"), and an event placed after or before another ("May 3, two days after the May 5 vote")."""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Optional

from fact_review.matching.checks.context import CheckContext, PlacedClaim
from fact_review.matching.checks.wording import quoted
from fact_review.matching.numeric import interval
from fact_review.model import Check

_DAYS_PER_UNIT = {
    "day": Decimal(1), "week": Decimal(7), "fortnight": Decimal(14), "month": Decimal("30.44"),
    "year": Decimal("365.25"), "decade": Decimal("3652.5"),
}
_RANGE_JOIN = re.compile(r"^\s*(?:to|until|till|through|and|-|–|—)\s*(?:the\s+)?$", re.IGNORECASE)
_ORDER_WORD = re.compile(r"\b(after|before|following|since)\s+", re.IGNORECASE)
_ARTICLE = re.compile(r"(?:the|an?)\s+", re.IGNORECASE)
_PHRASE_WORD = re.compile(r"[\w-]+\s+")
ORDER_REACH = 8  # dates either side of an order phrase that it may relate (a sentence holds a few)


def date_checks(context: CheckContext) -> list[Check]:
    by_sentence: dict[int, list[PlacedClaim]] = {}
    for placed in context.placed:
        by_sentence.setdefault(placed.sentence, []).append(placed)
    checks = []
    for index, claims in by_sentence.items():
        durations = [p for p in claims if p.claim.kind == "duration" and p.claim.unit in _DAYS_PER_UNIT]
        if durations:
            checks.extend(_span_check(context, span, durations[0]) for span in _spans(context, index, claims))
        checks.extend(_order_checks(context, index, claims, durations))
    return checks


def _order_checks(context: CheckContext, index: int, claims: list[PlacedClaim],
                  durations: list[PlacedClaim]) -> list[Check]:
    """Dates said to come after or before another date of the sentence ("May 3, two days after the May 5
    vote"): the date right after an order phrase is the anchor, each of the ``ORDER_REACH`` dates nearest
    to it on either side an event it may order. The phrases are found in one pass over the sentence, so
    a sentence packed with dates costs time in proportion to its length."""
    dated = [(p, day) for p in claims if (day := full_date(p.claim.date)) is not None]
    if len(dated) < 2:
        return []
    text, offset = context.sentences[index].text, context.sentences[index].start
    phrases = _order_phrases(text)
    duration_ending = {p.claim.end: p for p in durations}
    checks = []
    for position, (anchor, anchor_day) in enumerate(dated):
        phrase = phrases.get(anchor.claim.start - offset)
        if phrase is None:
            continue
        start, word = phrase
        duration = duration_ending.get(start + offset) or duration_ending.get(start + offset - 1)
        nearby = dated[max(0, position - ORDER_REACH):position] + dated[position + 1:position + 1 + ORDER_REACH]
        for event, event_day in nearby:
            check = _order_check(context, event, event_day, anchor, anchor_day, word, duration)
            if check:
                checks.append(check)
    return checks


def _order_phrases(text: str) -> dict[int, tuple[int, str]]:
    """Where in ``text`` an order phrase may end -> where it starts and its order word: "after", "before",
    "following" or "since", an optional article and up to two words ("after the May 5", "before the
    general strike on")."""
    phrases: dict[int, tuple[int, str]] = {}
    for found in _ORDER_WORD.finditer(text):
        ends = _ends_of_words(text, found.end())
        article = _ARTICLE.match(text, found.end())
        if article:
            ends |= _ends_of_words(text, article.end())
        for end in ends:
            phrases.setdefault(end, (found.start(), found[1].lower()))  # the leftmost phrase, as a search finds
    return phrases


def _ends_of_words(text: str, at: int) -> set[int]:
    """``at`` and the ends of the (up to) two words written from there, each with the space after it."""
    ends = {at}
    for _ in range(2):
        word = _PHRASE_WORD.match(text, at)
        if word is None:
            break
        at = word.end()
        ends.add(at)
    return ends


def full_date(value: Optional[str]) -> Optional[date]:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _days(duration: PlacedClaim) -> tuple[Optional[Decimal], Optional[Decimal], Decimal]:
    """The interval of days the duration allows, and one unit in days (how coarsely it is written)."""
    unit = _DAYS_PER_UNIT[duration.claim.unit or "day"]
    low, high = interval(duration.claim) or (None, None)
    # interval() brings time units to seconds
    return (None if low is None else low / 86400, None if high is None else high / 86400, unit)


def _fits(days: int, duration: PlacedClaim) -> str:
    low, high, unit = _days(duration)
    exact = low is not None and low == high
    if exact and (abs(days - low) <= 1 if unit == 1 else days == low):
        return "agree"  # a day either way: whether the first and last day both count
    slack = unit / 2
    if (low is None or low - slack <= days) and (high is None or days <= high + slack):
        return "compatible"
    return "conflict"


def _spans(context: CheckContext, index: int, claims: list[PlacedClaim]) -> list[tuple[tuple[PlacedClaim, ...], int]]:
    """Periods the sentence states, with their length in days: a range claim ("June 3 to June 10, 2023")
    or two dates joined by "to"/"until"."""
    spans = []
    for placed in claims:
        low, _, high = (placed.claim.date or "").partition("/")
        first, last = full_date(low), full_date(high)
        if first and last:
            spans.append(((placed,), (last - first).days))
    dated = [(p, day) for p in claims if "/" not in (p.claim.date or "") and (day := full_date(p.claim.date))]
    text, offset = context.sentences[index].text, context.sentences[index].start
    for (first, first_day), (second, second_day) in zip(dated, dated[1:]):
        if _RANGE_JOIN.match(text[first.claim.end - offset:second.claim.start - offset]):
            spans.append(((first, second), (second_day - first_day).days))
    return spans


def _span_check(context: CheckContext, span: tuple[tuple[PlacedClaim, ...], int], duration: PlacedClaim) -> Check:
    dates, days = span
    status = _fits(days, duration)
    claims = (*(p.checked() for p in dates), duration.checked())
    period = " to ".join(quoted(p.claim) for p in dates)
    verdict = {"agree": "as", "compatible": "close enough to", "conflict": "which does not fit"}[status]
    return Check("date", status, claims, f"{period} spans {days} days, {verdict} {quoted(duration.claim)}."
                 f"{context.date_note(*dates)}")


def _order_check(context: CheckContext, event: PlacedClaim, event_day: date, anchor: PlacedClaim, anchor_day: date,
                 word: str, duration: Optional[PlacedClaim]) -> Optional[Check]:
    later = word != "before"
    gap = (event_day - anchor_day).days if later else (anchor_day - event_day).days
    relation = "after" if later else "before"
    note = context.date_note(event, anchor)
    said = f"{quoted(event.claim)} is said to come {relation} {quoted(anchor.claim)}"
    if duration is None:
        if gap >= 0:
            return None  # the order holds; nothing worth a reviewer's attention
        direction = "earlier" if later else "later"
        return Check("date", "conflict", (event.checked(), anchor.checked()),
                     f"{said}, but it is {abs(gap)} days {direction} than that.{note}")
    status = "conflict" if gap < 0 else _fits(gap, duration)
    claims = (event.checked(), anchor.checked(), duration.checked())
    return Check("date", status, claims,
                 f"{said} by {quoted(duration.claim)}; "
                 + (f"the dates are {gap} days apart.{note}" if gap >= 0 else
                    f"it is {-gap} days {'earlier' if later else 'later'} instead.{note}"))
