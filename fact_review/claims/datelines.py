"""The dateline: the publication date a report states in its first lines, which dates everything relative in
it ("Sunday", "last week") and is itself context, not a claim to check.

The forms news uses, on one of the first lines (after a headline too):

* a marker: "date 2025-05-25", "Date: 2024-06-30 09:45", "Published 14 March 2025", "Updated: Fri May 23,
  2025 3:04 PM", "By Jane Doe | May 25, 2025";
* a wire dateline: "KYIV, May 25 (Reuters) -", "WASHINGTON, March 14, 2025 —";
* a date that opens its line and is followed by a dash, a bar or nothing: "March 14, 2025 — The council ...",
  "14 March 2025, 10:32 GMT".

The date is read by the date extractor; a dateline without its year ("KYIV, May 25") still marks context
but dates nothing unless the article's metadata gives the year.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Optional

from fact_review.claims.dates.lexicon import MONTH_RE
from fact_review.claims.dates import find_dates

FIRST_LINES = 5  # a headline, a standfirst, a byline and a date line come before the body
FIRST_CHARS = 1500
# An ISO date and time after a marker keeps its time zone: "date 2025-05-25T10:00:00+02:00".
_ISO_MARKER = re.compile(
    r"\A\s*(?:date|dated|published|updated|posted)\s*:?[ \t]+(\d{4}-\d{2}-\d{2})"
    r"(?:[T ](\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?))?(?!\S)",
    re.IGNORECASE,
)
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?|(?:mon|tues|wednes|thurs|fri|satur|sun)day),?\s+"
_MARKER_BEFORE = re.compile(
    r"^\s*(?:(?:date|dated|published|updated|posted|first\s+published|last\s+updated|last\s+modified|modified)"
    r"\b\s*(?:on|at)?\s*:?\s*|by\s+[^\n|·•—–]{1,60}[|·•—–]\s*(?:published|updated)?\s*:?\s*)"
    r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,5})?\s*[,·|]?\s*)?"  # "Updated 3:04 PM EDT, May 23"
    rf"(?:{_WEEKDAY})?$",
    re.IGNORECASE,
)
_WIRE_BEFORE = re.compile(rf"^\s*[A-Z][A-Z.'’ -]{{1,40}}(?:,\s*[A-Z][\w.'’ -]{{1,30}})?\s*[,(]\s*(?:{_WEEKDAY})?$")
_WIRE_AFTER = re.compile(r"^\s*(?:\([^()\n]{1,40}\))?\s*[-–—]")
_OPENING_BEFORE = re.compile(rf"^\s*(?:{_WEEKDAY})?$", re.IGNORECASE)
_OPENING_AFTER = re.compile(r"^[\s,]*(?:[A-Z]{2,5}\b)?\s*(?:$|[-–—|•·])")
# How a dateline's line can begin: a marker word, "By", a weekday, a month, a digit; or a wire city in capitals.
_CAN_START = re.compile(rf"\s*(?:(?:date|dated|published|updated|posted|first|last|modified|by)\b|{_WEEKDAY}|"
                        rf"{MONTH_RE}|\d)", re.IGNORECASE)
_WIRE_START = re.compile(r"\s*[A-Z][A-Z.'’ -]{1,40}[,(]")
_DAY = re.compile(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$")


@dataclass(frozen=True)
class Dateline:
    start: int  # the date's span in the text (with a time of day written before it)
    end: int
    date: str  # ISO 8601 as the date extractor writes it: "2025-05-25", "2025-05-25T10:32", "XXXX-05-25"
    published: Optional[str] = None  # ISO date or date-time when the year is known, for ``Article.published``

    @property
    def reference(self) -> Optional[datetime]:
        """The moment the report speaks from, when its year is known."""
        return datetime.fromisoformat(self.published) if self.published else None


def find_dateline(text: str) -> Optional[Dateline]:
    """The dateline in the first lines of ``text``, or None."""
    iso = _ISO_MARKER.match(text)
    if iso:
        return _iso_marker(iso)
    offset = 0
    lines = 0
    head = text[:FIRST_CHARS]
    for line in head.split("\n"):
        if line.strip():
            found = _dateline_in(line, offset)
            if found is not None:
                return found
            lines += 1
            if lines == FIRST_LINES:
                break
        offset += len(line) + 1
    return None


def _iso_marker(m: re.Match) -> Optional[Dateline]:
    day, time = m.groups()
    try:
        published = datetime.fromisoformat(f"{day}T{time}").isoformat() if time else date.fromisoformat(day).isoformat()
    except ValueError:
        return None  # "date 2024-02-30": no such day
    return Dateline(m.start(1), m.end(2) if time else m.end(1), published[:16] if time else published, published)


def _dateline_in(line: str, offset: int) -> Optional[Dateline]:
    if not (_CAN_START.match(line) or _WIRE_START.match(line)):
        return None  # most lines start with a word no dateline starts with: the date finder is not needed
    first = None  # the dateline covers a time written before the day too: "Updated 3:04 PM EDT, May 23, 2025"
    for claim in find_dates(line, None):
        first = claim.start if first is None else first
        parts = _DAY.match(claim.date or "")
        if parts is None:
            continue  # a dateline names a day
        before, after = line[:claim.start], line[claim.end:]
        if _MARKER_BEFORE.match(before) or _WIRE_BEFORE.match(before) and _WIRE_AFTER.match(after) \
                or _OPENING_BEFORE.match(before) and _OPENING_AFTER.match(after):
            return Dateline(offset + first, offset + claim.end, claim.date, _published(parts))
        return None  # only the first day of a line can be its dateline
    return None


def _published(parts: re.Match) -> Optional[str]:
    year, month, day, hour, minute = parts.groups()
    if year == "XXXX":
        return None
    try:
        if hour is not None:
            return datetime(int(year), int(month), int(day), int(hour), int(minute)).isoformat()
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
