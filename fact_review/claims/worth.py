"""Which claims are worth checking: every claim gets ``check_worthy`` and a short ``why``.

Context stays findable but is not check-worthy: the report's own dateline, its timing ("now", "Sunday" or
"overnight" when that is the report's own day), vague references ("recently", "soon"), the timestamps of
embedded posts ("— RT (@RT_com) May 25, 2025"), idioms ("for the first time"), streaks ("a second straight
night"), list numbering ("1." at the start of a line) and ages in passing ("John Smith, 45, said").
Everything else a reviewer can check against a source: casualty counts and other counts, money, event
dates, durations, percentages and quantities.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from typing import Optional, Sequence

from fact_review.claims.counts import ALL
from fact_review.claims.dates.lexicon import MONTH_RE
from fact_review.claims.datelines import Dateline
from fact_review.model import Claim

DATELINE = "the report's dateline"
REPORT_DAY = "the report's own day"
NOW = "the time of writing"
VAGUE_TIME = "a vague time"
POST_TIME = "timestamp of an embedded post"
IDIOM = "an idiom"
STREAK = "a streak, not a count"
LIST_NUMBER = "list numbering"
AGE = "an age in passing"
RELATIVE_RANK = "a rank counted from the end"

_WHY_BY_KIND = {"percent": "a percentage", "money": "an amount of money", "quantity": "a quantity",
                "duration": "a duration", "date": "an event date", "ordinal": "a rank"}
# Deictic words for the present: "now" in its TimeML sense, the moment the report speaks from.
_NOW_WORDS = frozenset({"now", "right now", "currently", "at present", "presently", "nowadays", "these days",
                        "at the moment", "at this time", "at the present time", "to date", "till date"})
# TimeML's vague references: "recently", "in the past", "soon", "in the future" fix no time to check.
_VAGUE_REFERENCES = frozenset({"PAST_REF", "FUTURE_REF"})
# Relative words that, without a reference date, still mean the report's own day.
_TODAY_WORDS = re.compile(r"^(?:today|tonight|tonite|overnight|this\s+(?:morning|afternoon|evening))$", re.IGNORECASE)
_HAS_CALENDAR = re.compile(rf"\d|\b{MONTH_RE}\b", re.IGNORECASE)
# What stands before the timestamp of a quoted post on its line: "— RT (@RT_com)", "pic.twitter.com/x —",
# "11:02 AM ·", "A post shared by Name (@name) on".
_POST_BEFORE = re.compile(r"(?:@\w{1,30}\)?|pic\.twitter\.com/\S+|\d{1,2}:\d{2}\s*[AaPp]\.?[Mm]\.?\s*[·|])"
                          r"\s*[—–-]?\s*(?:on\s+)?$")
_IDIOMS_AROUND = (  # (text before the claim, text after it), both lower case
    (re.compile(r"\bfor\s+(?:the|a)\s+$"), re.compile(r"^\s+time\b")),  # "for the first time"
    (re.compile(r"\bin\s+the\s+$"), re.compile(r"^\s+place\b")),  # "in the first place"
    (re.compile(r"(?:^|\W)$"), re.compile(r"^\s+(?:and\s+foremost|of\s+all)\b")),  # "first and foremost"
    (re.compile(r"\bat\s+$"), re.compile(r"^\s+(?:glance|sight|hand)\b")),  # "at first glance"
    (re.compile(r"(?:^|\W)$"), re.compile(r"^\s+to\s+none\b")),  # "second to none"
    (re.compile(r"\bon\s+$"), re.compile(r"^\s+thought\b")),  # "on second thought"
    (re.compile(r"(?:^|\W)$"), re.compile(r"^-hand\b")),  # "first-hand"
)
_IDIOM_CLAIMS = re.compile(r"^(?:a\s+(?:million|thousand|hundred)\s+times|one\s+day|24/7|a\s+hundred\s+per\s*cent)$",
                           re.IGNORECASE)
_STREAK_AFTER = re.compile(r"^\s+(?:straight|consecutive|successive)\s+(?:night|day|evening|morning|week|weekend|"
                           r"time|year|month)s?\b|^\s+(?:night|day|time)\s+(?:in\s+a\s+row|running)\b", re.IGNORECASE)
_LIST_AFTER = re.compile(r"^[.)]\s")


def assess(text: str, claims: Sequence[Claim], reference: Optional[datetime],
           dateline: Optional[Dateline]) -> list[Claim]:
    """``claims`` with ``check_worthy`` and ``why`` set."""
    out = []
    for claim in claims:
        context = _context(text, claim, reference, dateline)
        if context is not None:
            out.append(replace(claim, check_worthy=False, why=context))
        else:
            out.append(replace(claim, check_worthy=True, why=_worth(claim)))
    return out


def _opens_its_line(text: str, start: int) -> bool:
    """Nothing but spaces between the line's start and ``start`` (looked at backwards: only those spaces)."""
    while start > 0 and text[start - 1] != "\n" and text[start - 1].isspace():
        start -= 1
    return start == 0 or text[start - 1] == "\n"


def _context(text: str, claim: Claim, reference: Optional[datetime], dateline: Optional[Dateline]) -> Optional[str]:
    """Why ``claim`` is context, or None when it is worth checking."""
    if dateline is not None and claim.start < dateline.end and dateline.start < claim.end:
        return DATELINE
    # The claim's line, at most 120 characters back (a line break searched for from the text's start made
    # every claim of a long line read all of it again).
    reach = max(0, claim.start - 120)
    before = text[max(text.rfind("\n", reach, claim.start) + 1, reach):claim.start]
    after = text[claim.end:claim.end + 40]
    words = " ".join(claim.text.lower().split())
    if claim.kind == "date":
        if words in _NOW_WORDS:
            return NOW
        if claim.date in _VAGUE_REFERENCES:
            return VAGUE_TIME
        if _POST_BEFORE.search(before):
            return POST_TIME
        if not _HAS_CALENDAR.search(claim.text) and _on_report_day(claim, reference):
            return REPORT_DAY
    if claim.kind == "quantity" and claim.unit == "year" and claim.text.isdigit():
        return AGE  # "John Smith, 45, said" (see names.age_in_passing)
    if claim.kind == "ordinal" and claim.value is None:
        return RELATIVE_RANK  # "the last one", "penultimate": a place in a list, no figure to check
    if claim.kind == "ordinal" and _STREAK_AFTER.match(after):
        return STREAK
    if _IDIOM_CLAIMS.match(words) or claim.kind in ("ordinal", "number") and any(
            b.search(before.lower()) and a.match(after.lower()) for b, a in _IDIOMS_AROUND):
        return IDIOM
    if claim.kind == "number" and _opens_its_line(text, claim.start) and _LIST_AFTER.match(after) \
            and claim.value is not None and claim.value == claim.value.to_integral_value() and 0 < claim.value < 100:
        return LIST_NUMBER
    return None


def _on_report_day(claim: Claim, reference: Optional[datetime]) -> bool:
    """A relative date ("Sunday", "overnight", "today") that names the day the report speaks from."""
    if reference is None:
        return bool(_TODAY_WORDS.match(" ".join(claim.text.split())))
    return bool(claim.date) and claim.date[:10] == reference.date().isoformat()


def _worth(claim: Claim) -> str:
    if claim.kind != "number":
        return _WHY_BY_KIND.get(claim.kind, "a figure")
    if claim.qualifier == ALL:
        return "all of a group"
    if claim.value is None:
        return "a vague count" if claim.noun else "a vague amount"
    if claim.noun is None:
        return "a figure"
    if claim.value == 0:
        return "a count of none"
    return "a count of a thing"
