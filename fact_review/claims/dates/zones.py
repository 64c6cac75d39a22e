"""Time zones written after a time ("4pm CET", "0800 GMT", "9 am (BST)", "10:00 ET", "noon Kyiv time").

``ZONE_AFTER`` finds a zone right after a time; ``localise`` places a zoned time in the article's zone (the
reference's offset) when the reference has one, as TimeML normalises times to the document's zone, and keeps
the offset in the ISO string either way ("2013-02-12T13:00-02:00"), so no instant is lost. A zone whose offset
depends on the date (ET, "Kyiv time") is read from the tz database on that day; without the database, or for
an abbreviation that names several zones (IST, AST), the time stays as written, without an offset.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from typing import Optional

from fact_review.claims.dates.atoms import Atom
from fact_review.claims.dates.resolve import Interval, When

# Fixed offsets, minutes east of UTC. CST is the US one: wire copy writes China's time as "Beijing time".
_FIXED = {
    "utc": 0, "gmt": 0, "wet": 0, "west": 60, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180,
    "msk": 180, "pkt": 300, "ict": 420, "wib": 420, "hkt": 480, "sgt": 480, "awst": 480, "jst": 540, "kst": 540,
    "acst": 570, "aest": 600, "aedt": 660, "nzst": 720, "nzdt": 780, "hst": -600, "akst": -540, "akdt": -480,
    "pst": -480, "pdt": -420, "mst": -420, "mdt": -360, "cst": -360, "cdt": -300, "est": -300, "edt": -240,
    "beijing time": 480, "tokyo time": 540,
}
# Zones whose offset changes with daylight saving time.
_NAMED = {
    "et": "America/New_York", "ct": "America/Chicago", "mt": "America/Denver", "pt": "America/Los_Angeles",
    "new york time": "America/New_York", "washington time": "America/New_York", "london time": "Europe/London",
    "uk time": "Europe/London", "paris time": "Europe/Paris", "brussels time": "Europe/Brussels",
    "berlin time": "Europe/Berlin", "kyiv time": "Europe/Kyiv", "kiev time": "Europe/Kyiv",
    "moscow time": "Europe/Moscow",
}
_CODES = "|".join(sorted((k for k in (*_FIXED, *_NAMED) if " " not in k), key=len, reverse=True))
_CITY_TIMES = "|".join(sorted((k.split()[0] for k in (*_FIXED, *_NAMED) if " " in k), key=len, reverse=True))
# Codes in capitals (or "gmt"/"utc", which are no words), an offset after UTC/GMT, or "<city> time".
ZONE_AFTER = re.compile(
    rf"\s*(?P<open>\(\s*)?(?P<zone>(?P<base>(?-i:{_CODES.upper()})|(?i:gmt|utc))(?P<shift>\s?[+-]\s?\d{{1,2}}(?::?\d{{2}})?)?"
    rf"|(?i:(?:{_CITY_TIMES})\s+time))(?(open)\s*\))(?![\w+-])")


def zone_after(text: str, end: int) -> Optional[re.Match]:
    """The zone written right after ``text[:end]``, if any."""
    return ZONE_AFTER.match(text, end)


def attach_zones(atoms: list[Atom], text: str) -> list[Atom]:
    """Atoms that tell a time of day, with the zone written after them ("4pm CET"); a bare hour with a zone is
    a time ("at 8 GMT"). ``atoms`` are in order and do not overlap."""
    out: list[Atom] = []
    for i, atom in enumerate(atoms):
        m = zone_after(text, atom.end) if _tells_time(atom.value) else None
        if m is not None and (i + 1 == len(atoms) or atoms[i + 1].start >= m.end()):
            role = "time" if atom.role == "weak_time" else atom.role
            atom = Atom(atom.start, m.end(), _zoned(atom.value, m["zone"]), role, atom.direction, atom.fallback)
        out.append(atom)
    return out


def _tells_time(value) -> bool:
    if isinstance(value, Interval):
        return value.end.hour is not None
    return isinstance(value, When) and value.hour is not None and value.zone is None


def _zoned(value, zone: str):
    if isinstance(value, Interval):
        return Interval(_zoned(value.start, zone), _zoned(value.end, zone))
    return replace(value, zone=zone) if value.hour is not None else value


def offset_minutes(zone: str, day: Optional[date]) -> Optional[int]:
    """Minutes east of UTC of ``zone`` as ``zone_after`` found it, on ``day``; None when it cannot be told."""
    m = re.fullmatch(r"(?P<base>[a-z ]+?)(?:\s?(?P<sign>[+-])\s?(?P<h>\d{1,2})(?::?(?P<mi>\d{2}))?)?",
                     zone.strip().lower())
    if m is None:
        return None
    base = m["base"]
    shift = 0
    if m["sign"]:
        shift = (int(m["h"]) * 60 + int(m["mi"] or 0)) * (1 if m["sign"] == "+" else -1)
        if abs(shift) > 14 * 60:
            return None
    if base in _FIXED:
        return _FIXED[base] + shift
    if base in _NAMED and day is not None:
        return _tz_offset(_NAMED[base], day)
    return None


def _tz_offset(name: str, day: date) -> Optional[int]:
    try:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    except ImportError:  # pragma: no cover - Python 3.9+
        return None
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    offset = datetime(day.year, day.month, day.day, 12, tzinfo=zone).utcoffset()
    return int(offset.total_seconds() // 60) if offset is not None else None


def localise(w: When, reference: Optional[datetime]) -> When:
    """A zoned time of day in the reference's zone when the reference has one; its offset kept as ``zone``
    ("+01:00"), or no zone when the offset cannot be told."""
    if w.zone is None or w.hour is None:
        return w
    known_day = w.year is not None and w.month is not None and w.day is not None
    day = date(w.year, w.month, w.day) if known_day else (reference.date() if reference else None)
    minutes = offset_minutes(w.zone, day)
    if minutes is None:
        return replace(w, zone=None)
    target = reference.utcoffset() if reference is not None and reference.tzinfo is not None else None
    if not known_day or target is None:
        return replace(w, minute=w.minute or 0, zone=offset_text(minutes))
    stated = datetime(w.year, w.month, w.day, w.hour % 24, w.minute or 0, tzinfo=timezone(timedelta(minutes=minutes)))
    if w.hour == 24:
        stated += timedelta(days=1)
    moved = stated.astimezone(timezone(target))
    return replace(w, year=moved.year, month=moved.month, day=moved.day, hour=moved.hour, minute=moved.minute,
                   zone=offset_text(int(target.total_seconds() // 60)))


def offset_text(minutes: int) -> str:
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
