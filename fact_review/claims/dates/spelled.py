"""Dates written in words: years ("nineteen ninety-eight", "two thousand and eighteen", "twenty twenty-four"),
days beside a month ("May twenty nine", "twenty five January") and decades ("the two thousands", "the
twenty-tens"). A month and a year in words combine as digits do ("October two thousand").
"""
from __future__ import annotations

import re
from typing import Optional

from fact_review.claims.dates.atoms import MONTH_STEMS, Atom, Context, atom_at, has_date_cue, month_number, pattern
from fact_review.claims.dates.lexicon import MONTH_RE, alternation
from fact_review.claims.dates.resolve import When, valid_day

_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}


def _below_hundred() -> dict[str, int]:
    words = {w: i + 1 for i, w in enumerate(_ONES)}
    words.update({w: i + 10 for i, w in enumerate(_TEENS)})
    for tens, value in _TENS.items():
        words[tens] = value
        for i, one in enumerate(_ONES):
            words[f"{tens}-{one}"] = words[f"{tens} {one}"] = value + i + 1
    return words


_SMALL = _below_hundred()
_SMALL_RE = alternation(_SMALL)
_CENTURIES = {"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}
_DAYS = {w: v for w, v in _SMALL.items() if v <= 31}
_DAY_WORD_RE = alternation(_DAYS)
# "nineteen ninety-eight", "nineteen oh five", "nineteen hundred", "twenty twenty-four"; or "two thousand (and)
# eighteen"
YEAR_WORDS_RE = (rf"(?:(?P<c>sixteen|seventeen|eighteen|nineteen|twenty)[\s-]+(?:(?P<oh>o|oh)[\s-]+(?P<o>{alternation(_ONES)})"
                 rf"|(?P<hundred>hundred)|(?P<yy>{_SMALL_RE}))"
                 rf"|two\s+thousand(?:\s+(?:and\s+)?(?P<k>{_SMALL_RE}))?)")


def _year_value(m: re.Match) -> int:
    if m["c"]:
        century = _CENTURIES[m["c"].lower()] * 100
        if m["hundred"]:
            return century
        return century + _small(m["o"] if m["oh"] else m["yy"])
    return 2000 + (_small(m["k"]) if m["k"] else 0)


def _small(word: str) -> int:
    w = " ".join(word.lower().replace("-", " ").split())
    return _SMALL.get(w) or _SMALL[w.replace(" ", "-", 1)]


_NUMBER_BEFORE = re.compile(r"(?:\d|\b(?:hundred|thousand|million|billion|point|minus))\s+(?:and\s+)?$", re.IGNORECASE)
_NOT_A_YEAR_AFTER = re.compile(r"\s*(?:-?\s*(?:hundred|thousand|million|billion|percent|per\s*cent)|[a-z]+s\b)",
                               re.IGNORECASE)


@pattern(rf"\b(?:(?:in|of|since|until|by|from|year|the\s+year|during)\s+)?(?P<y>{YEAR_WORDS_RE})\b",
         needs=("sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thousand"))
def _year_in_words(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "nineteen ninety-eight" is a year wherever it stands; "two thousand and eighteen" and "twenty twenty"
    only where a year is expected ("in", "since", after a month), since they are also amounts."""
    if _NOT_A_YEAR_AFTER.match(ctx.text, m.end()) or _NUMBER_BEFORE.search(ctx.text, 0, m.start("y")):
        return None  # "nineteen ninety-eight hundred", "twenty five people", "two hundred and two thousand"
    prefixed = m.start("y") > m.start()
    strong = m["c"] and m["c"].lower() != "twenty" and not m["hundred"]
    if not (strong or prefixed or has_date_cue(ctx, m, "y") or _after_month(ctx, m)):
        return None
    if m["c"] and m["c"].lower() == "twenty" and m["yy"] and _small(m["yy"]) < 10:
        return None  # "twenty five": a number
    return atom_at(m, When("year", _year_value(m)), "period", group="y")


def _after_month(ctx: Context, m: re.Match) -> bool:
    return re.search(rf"\b{MONTH_RE}\s*,?\s*$", ctx.text[max(0, m.start("y") - 12):m.start("y")], re.IGNORECASE) \
        is not None


@pattern(rf"\b(?P<mo>{MONTH_RE})\s+(?:the\s+)?(?P<d>{_DAY_WORD_RE})\b(?!\s*(?:-|hundred|thousand|million|percent))",
         needs=MONTH_STEMS)
def _month_day_in_words(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "May twenty nine", "January the fifth" is read elsewhere; a lower-case "may" is the verb."""
    if not m["mo"][0].isupper():
        return None
    day, month = _small(m["d"]), month_number(m["mo"])
    if not valid_day(None, month, day) or re.match(r"\s+[a-z]+s\b", ctx.text[m.end():m.end() + 20]):
        return None  # "May twenty people"
    return atom_at(m, When("day", None, month, day), "day")


@pattern(rf"\b(?P<d>{_DAY_WORD_RE})\s+(?:of\s+)?(?P<mo>{MONTH_RE})(?![\w-])", needs=MONTH_STEMS)
def _day_in_words_month(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "twenty five January", "three of March"."""
    if not m["mo"][0].isupper():
        return None
    day, month = _small(m["d"]), month_number(m["mo"])
    if not valid_day(None, month, day):
        return None
    return atom_at(m, When("day", None, month, day), "day")


_DECADE_IN_WORDS = {"tens": 10, "teens": 10, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50,
                    "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}


@pattern(r"\bthe\s+(?:(?:two\s+)?thousands|twenty[\s-]+(?P<w>tens|teens|twenties)|(?:two\s+thousand\s+and\s+)?"
         r"(?P<aughts>aughts|noughties))\b", needs=("thousands", "tens", "teens", "twenties", "aughts", "noughties"))
def _decade_of_the_2000s(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "the two thousands", "the noughties" (2000s), "the twenty-tens" (2010s)."""
    if m["w"]:
        return atom_at(m, When("decade", 2000 + _DECADE_IN_WORDS[m["w"].lower()]), "period")
    return atom_at(m, When("decade", 2000), "period")
