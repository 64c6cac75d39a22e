"""Times of day ("3pm", "15:30", "noon", "ten past nine", "in the morning"), hour ranges and recurrences
("daily", "every Monday").
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from fact_review.claims.dates.atoms import (
    Atom, Context, pattern, atom_at, weekday_number, text_after, relative_day, PART_WORDS,
)
from fact_review.claims.dates.lexicon import CARDINAL_RE, PARTS_OF_DAY, WEEKDAY_WORD_RE, number_value
from fact_review.claims.dates.resolve import Interval, When


# ---------------------------------------------------------------------------------------------- times of day

_AMPM = r"(?P<ap>[ap]\.\s?m\.|[ap]\.?\s?m\b)"  # "p.m." keeps its last dot, "pm." leaves the sentence's


def _hour(h: int, ap: Optional[str]) -> Optional[int]:
    if ap:
        if not 1 <= h <= 12:
            return None
        pm = ap.lower().startswith("p")
        return (h % 12) + (12 if pm else 0)
    return h if 0 <= h <= 24 else None


def _time_atom(m: re.Match, h: Optional[int], minute: Optional[int] = None, second: Optional[int] = None,
               role: str = "time", group: int | str = 0) -> Optional[Atom]:
    if h is None or not 0 <= (minute or 0) < 60 or (h == 24 and (minute or second)):
        return None
    return atom_at(m, When("time", hour=h, minute=minute, second=second), role, group=group)


@pattern(r"(?<![\w:.,/])(?P<h>[01]?\d|2[0-4]):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?"
         r"(?:\s*(?P<ap>[ap]\.\s?m\.|[ap]\.?\s?m\b)|(?P<p>[ap])(?![\w]))?(?![\d:])", needs=("#colon",), digits=True)
def _clock(m: re.Match, ctx: Context) -> Optional[Atom]:
    ap = m["ap"] or m["p"]
    return _time_atom(m, _hour(int(m["h"]), ap), int(m["m"]), int(m["s"]) if m["s"] else None)


@pattern(rf"(?<![\w.,:/$£€])(?P<h>1[0-2]|0?[1-9])(?:[.:]?(?P<m>[0-5]\d))?\s*(?:ish\s*)?{_AMPM}(?![a-z])"
         r"(?:\s+approximately)?", needs=("#ampm",), digits=True)
def _hour_ampm(m: re.Match, ctx: Context) -> Optional[Atom]:
    hour = _hour(int(m["h"]), m["ap"])
    if hour == 0 and not m["m"]:
        hour = 24  # "12am" is midnight, the end of the day
    return _time_atom(m, hour, int(m["m"]) if m["m"] else None)


@pattern(r"(?:\b(?:at|@)\s*)(?P<t>(?P<h>1[0-2]|[1-9])(?:[:.](?P<m>[0-5]\d))?\s?(?P<p>[ap])\b(?!\.?\s?m\b)\.?)",
         needs=("#ampm",), digits=True)
def _hour_p(m: re.Match, ctx: Context) -> Optional[Atom]:
    return _time_atom(m, _hour(int(m["h"]), m["p"] + "m"), int(m["m"]) if m["m"] else None, group="t")


@pattern(r"(?<![\w.])(?P<h>[01]?\d|2[0-3])h(?P<m>[0-5]\d)\b|\b(?:at|by|from|until|before|after|past)\s+"
         r"(?P<t>(?P<h2>[01]?\d|2[0-3])h)(?![\w.,]\w)", needs=("#hour", "at", "by", "from", "until", "before", "after",
                                                           "past"), digits=True)
def _hour_h(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "15h30"; "at 15h" (the hour alone needs the preposition: "a 15h flight" is a duration)."""
    if m["t"]:
        return _time_atom(m, int(m["h2"]), 0, group="t")
    return _time_atom(m, int(m["h"]), int(m["m"]))


_HOUR_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve")
_HOUR_RE = rf"(?:1[0-2]|0?[1-9]|{_HOUR_WORDS})"
_NAME_OR_COUNT_AFTER = re.compile(r"\s+(?:[A-Z]|[a-z]+s\b|(?:feet|ft|metres|meters|m|km|miles)\b)")
_ZONES = r"GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|IST|JST|AEST|AEDT|MSK|EET|EEST"


@pattern(rf"(?:\b(?P<cue>at|by|around|about|approximately|before|after|from|until|till)\s+)?"
         rf"(?<![\w.,:/$£€-])(?P<hm>(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d))(?![\w%/-]|[.,:]\d)"
         rf"(?:\s*(?P<z>{_ZONES})\b|\s+(?P<lt>local\s+time|hours|hrs)\b)?", 0, needs=("#year",), digits=True)
def _wire_time(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "at 1030 GMT", "0800 local time", "by 2359 hours": times as wire copy writes them (a time zone or a
    word that says so; after "at" alone too)."""
    if not (m["z"] or m["lt"] or m["cue"] and m["cue"].lower() in ("at", "approximately")):
        return None
    if not (m["z"] or m["lt"]) and _NAME_OR_COUNT_AFTER.match(text_after(ctx, m, 20)):
        return None  # "at 1600 Pennsylvania Avenue", "at 1200 feet"
    atom = _time_atom(m, int(m["h"]), int(m["m"]), group="hm")
    return replace(atom, end=m.end()) if atom is not None else None


_CLOCK_MINUTE_WORDS = (r"oh[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)|ten|eleven|twelve|thirteen|fourteen|"
                       r"fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty)(?:[\s-]+(?:one|two|"
                       r"three|four|five|six|seven|eight|nine))?")


@pattern(rf"\b(?P<h>{_HOUR_WORDS})\s+(?P<mn>{_CLOCK_MINUTE_WORDS})\s*{_AMPM}",
         needs=("am", "pm", "a.m", "p.m", "a m", "p m"))
def _time_in_words(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "ten thirty am", "four twenty-three p.m.": a time said in words."""
    words = " ".join(m["mn"].lower().replace("-", " ").split())
    minute = number_value(words.removeprefix("oh ")) if words.startswith("oh ") else number_value(words)
    return _time_atom(m, _hour(number_value(m["h"]) or 0, m["ap"]), minute)


@pattern(rf"\b(?:12\s+)?(?P<w>noon|midday|mid-day|midnight)\b|"
         rf"\b(?P<h>{_HOUR_RE})(?:ish)?\s*o['’]?\s?clock(?:\s*{_AMPM})?",
         needs=("noon", "midday", "mid-day", "midnight", "clock"))
def _named_hour(m: re.Match, ctx: Context) -> Optional[Atom]:
    if m["w"]:
        return _time_atom(m, 24 if m["w"].lower() == "midnight" else 12)  # midnight ends the day: T24
    return _time_atom(m, _hour(number_value(m["h"]) or 0, m["ap"]))


_MINUTES_RE = (r"(?:\d{1,2}|a\s+quarter|quarter|half|five|ten|fifteen|twenty(?:[\s-]five)?|twenty|thirty"
               r"|forty(?:[\s-]five)?)")


@pattern(rf"\b(?P<mn>{_MINUTES_RE})\s+(?:minutes\s+)?(?P<rel>past|after|to|till|before)\s+"
         rf"(?P<h>noon|midnight|{_HOUR_RE})(?:\s*{_AMPM}|\s*o['’]?\s?clock)?(?![\w:])",
         needs=("past", "after", " to ", "till", "before"))
def _minutes_past(m: re.Match, ctx: Context) -> Optional[Atom]:
    word = " ".join(m["mn"].lower().replace("-", " ").split())
    minutes = {"a quarter": 15, "quarter": 15, "half": 30}.get(word) or number_value(word)
    named = m["h"].lower() in ("noon", "midnight")
    strong = named or m["ap"] or "clock" in m.group(0).lower() or word in ("a quarter", "quarter", "half")
    if m["rel"].lower() in ("to", "till", "before") and m["mn"][0].isdigit() and "minutes" not in m.group(0).lower():
        return None  # "5 to 6pm" is a range
    if not minutes or minutes >= 60 or (m["rel"].lower() != "past" and not strong):
        return None
    hour = {"noon": 12, "midnight": 0}.get(m["h"].lower())
    if hour is None:
        hour = _hour(number_value(m["h"]) or 0, m["ap"])
    if hour is None:
        return None
    total = hour * 60 + (minutes if m["rel"].lower() in ("past", "after") else -minutes)
    return _time_atom(m, (total // 60) % 24, total % 60)


@pattern(rf"\b(?:at|@|around|about|by)\s+(?P<h>1[0-2]|0?[1-9]|{_HOUR_WORDS})(?:[\s:.](?P<m>[0-5]\d|fifteen|thirty|"
         r"forty-five|twenty|ten|five))?(?![\w,:%]|\.\d|\s*(?:%|percent|per|[a-z]+s\b|of\b|and\b|to\b|million|"
         r"billion))",
         needs=("at", "@", "around", "about", "by"), digits=True)
def _weak_hour(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "at 7": a time only next to a day or part of the day ("tomorrow at 7", "at 7 in the morning")."""
    minute = number_value(m["m"]) if m["m"] else None
    if m["m"] and minute is None:
        return None
    return _time_atom(m, number_value(m["h"]), minute, role="weak_time", group="h")


@pattern(r"\b(?:(?:(?:early|late|later|earlier)\s+)?(?:in|during)\s+the\s+(?:(?P<el>early|late)\s+)?(?P<p>morning|"
         r"afternoon|evening)|(?:in\s+the\s+)?"
         r"(?P<el2>early|late)\s+(?P<p2>morning|afternoon|evening|tonight|tonite)|at\s+(?P<p3>night))\b",
         needs=PART_WORDS)
def _part_phrase(m: re.Match, ctx: Context) -> Optional[Atom]:
    word = (m["p"] or m["p2"] or m["p3"]).lower()
    if word in ("tonight", "tonite"):
        w = relative_day(ctx, 0)
        return atom_at(m, replace(w, part="NI"), "day")
    return atom_at(m, When("time", part=PARTS_OF_DAY[word]), "part")


@pattern(r"\b(?P<p>morning|afternoon|afternoonish|evening|night)s?\b", needs=PART_WORDS)
def _part_word(m: re.Match, ctx: Context) -> Optional[Atom]:
    return atom_at(m, When("time", part=PARTS_OF_DAY[m["p"].lower()]), "weak_part")


# ---------------------------------------------------------------------------------------------- recurrences

_SET_WORDS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
              "yearly": "P1Y", "quarterly": "P3M", "hourly": "PT1H", "semi-annually": "P0.5Y", "biweekly": "P2W",
              "bi-weekly": "P2W", "fortnightly": "P2W", "bimonthly": "P2M", "bi-monthly": "P2M", "everyday": "P1D"}
_SET_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "weekend": "WE", "quarter": "Q"}


@pattern(rf"\b(?:(?P<word>daily|nightly|weekly|monthly|annually|yearly|quarterly|hourly|semi-annually|bi-?weekly|"
         r"fortnightly|bi-?monthly|everyday)"
         rf"|(?:every|each)\s+(?:(?P<n>{CARDINAL_RE})\s+)?(?P<u>day|week|weekend|month|year|quarter)s?"
         rf"|(?:every|each)\s+(?P<part>morning|afternoon|evening|night)"
         rf"|(?:every|each)\s+(?P<wd>{WEEKDAY_WORD_RE})|once\s+a\s+(?P<u2>day|week|month|year)"
         rf"|(?P<wds>{WEEKDAY_WORD_RE})s|(?P<we>weekends))\b",
         needs=("daily", "nightly", "weekly", "monthly", "annually", "yearly", "quarterly", "hourly", "every", "each",
                "once", "days", "weekends", "fortnightly"))
def _recurrence(m: re.Match, ctx: Context) -> Optional[Atom]:
    if m["part"]:  # "every morning"
        return atom_at(m, When("literal", literal=f"XXXX-XX-XXT{PARTS_OF_DAY[m['part'].lower()]}"), "set")
    if m["word"]:
        if m["word"][0].isupper() and m.start() > 0 and ctx.text[m.start() - 2:m.start() - 1] not in ".!?\n":
            return None  # "Daily Mail"
        if re.match(r"\s+(?!basis\b|by\b|and\b|or\b|to\b|at\b|in\b|on\b|for\b|from\b|since\b|until\b)[a-z]",
                    text_after(ctx, m, 12)):
            return None  # "daily life": an adjective, not a recurrence
        return atom_at(m, When("literal", literal=_SET_WORDS[m["word"].lower()]), "set")
    if m["wd"] or m["wds"]:  # "every Monday", "on Mondays"
        return atom_at(m, When("literal", literal=f"XXXX-WXX-{weekday_number(m['wd'] or m['wds']) + 1}"), "set")
    if m["we"]:
        return atom_at(m, When("literal", literal="P1WE"), "set")
    unit = (m["u"] or m["u2"]).lower()
    n = number_value(m["n"]) if m["n"] else 1
    if unit == "quarter":  # "each quarter": every three months
        return atom_at(m, When("literal", literal=f"P{3 * n}M"), "set")
    return atom_at(m, When("literal", literal=f"P{n}{_SET_UNITS[unit]}"), "set")


@pattern(rf"(?<![\w.:/$£€])(?:from\s+)?(?P<h1>1[0-2]|"
         rf"0?[1-9])(?:[:.](?P<m1>[0-5]\d))?\s*(?P<ap1>[ap]\.?m\b\.?)?\s*(?:-|–|to|till|until)\s*"
         rf"(?P<h2>1[0-2]|0?[1-9])(?:[:.](?P<m2>[0-5]\d))?\s*{_AMPM}(?![a-z])", needs=("#ampm",), digits=True)
def _hour_range(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "5 to 6pm", "3-8pm", "11-1pm": the first hour shares the second's am/pm unless it would come after it."""
    h1, h2 = int(m["h1"]), int(m["h2"])
    end = _hour(h2, m["ap"])
    start = _hour(h1, m["ap1"] or m["ap"])
    if start is None or end is None:
        return None
    if not m["ap1"] and (start, int(m["m1"] or 0)) > (end, int(m["m2"] or 0)):
        start -= 12
    first = When("time", hour=start, minute=int(m["m1"]) if m["m1"] else None)
    return atom_at(m, Interval(first, When("time", hour=end, minute=int(m["m2"]) if m["m2"] else None)), "interval")


@pattern(r"\b(?:from\s+|between\s+)?(?P<h1>1[0-2]|0?[1-9])(?::(?P<m1>[0-5]\d))?\s*(?:-|–|to|till|until|and)\s*"
         r"(?P<h2>1[0-2]|0?[1-9])(?::(?P<m2>[0-5]\d))?(?![\w:/.,%-]|\s*(?:%|percent|[a-z]))",
         needs=("#range",), digits=True)
def _weak_hour_range(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "from 7 to 7:30", "11-4": hours only when next to a day ("Monday 11-4", "this evening from 7 to 7:30")."""
    h1, h2 = int(m["h1"]), int(m["h2"])
    if h2 < h1 or (h2 == h1 and int(m["m2"] or 0) <= int(m["m1"] or 0)):
        h2 += 12
    first = When("time", hour=h1, minute=int(m["m1"]) if m["m1"] else None)
    role = "interval" if m["m1"] or m["m2"] else "weak_interval"  # "11:30-1:30" is a time range on its own
    return atom_at(m, Interval(first, When("time", hour=h2, minute=int(m["m2"]) if m["m2"] else None)), role)


_ZONES = r"(?:BST|GMT|UTC|CET|CEST|EET|EEST|MSK|WET|WEST|IST|JST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|CT|Kyiv|local)"


@pattern(rf"(?<![\w.,:/$£€])(?P<h>[01]?\d|2[0-3])[.:h](?P<m>[0-5]\d)(?=\s+{_ZONES}\b)", 0,
         needs=("#colon", "#hour", "."), digits=True)
def _zoned_clock(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "14.03 BST": a time with a dot is a time only before a time zone (else it is a decimal)."""
    return _time_atom(m, int(m["h"]), int(m["m"]))


_SPAN_TIME = r"(?P<h>1[0-9]|2[0-3]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\.|[ap]\.?\s?m\b)?"
_SPAN_AMOUNT = r"(?P<n>\d+(?:\.\d+)?|an?|one|two|three|four|five|six)\s+(?P<u>hours?|hrs?|minutes?|mins?)" \
               r"(?:\s+(?:and\s+)?(?P<n2>\d+)\s+(?:minutes?|mins?))?"


@pattern(rf"\b(?:from\s+{_SPAN_TIME}\s+for\s+{_SPAN_AMOUNT}|for\s+{_SPAN_AMOUNT.replace('?P<', '?P<b')}\s+from\s+"
         rf"{_SPAN_TIME.replace('?P<', '?P<b')})\b", needs=("from",), digits=False)
def _time_for_duration(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "from 2pm for 2 hours", "for 2.5 hours from 9": the stretch of the day from a time on."""
    p = "" if m["h"] else "b"  # the two word orders name their groups apart
    start = _hour(int(m[p + "h"]), m[p + "ap"])
    if start is None:
        return None
    word = m[p + "n"].lower()
    n = float(word) if word[0].isdigit() else {"a": 1, "an": 1}.get(word) or number_value(word) or 0
    minutes = n * (60 if m[p + "u"].lower().startswith("h") else 1) + (int(m[p + "n2"]) if m[p + "n2"] else 0)
    if not 0 < minutes < 24 * 60:
        return None
    begin = start * 60 + int(m[p + "mi"] or 0)
    finish = begin + int(minutes)
    if finish >= 24 * 60:
        return None
    end = When("time", hour=finish // 60, minute=finish % 60)
    first = When("time", hour=start, minute=int(m[p + "mi"]) if m[p + "mi"] else None)
    return atom_at(m, Interval(first, end), "interval")
