"""Words that name parts of the calendar, and the regex fragments built from them (English)."""
from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
# Month names that are also ordinary words: alone (no day or year) they count only after a cue.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "august", "aug", "jan", "jun", "jul", "sep", "oct", "nov",
                              "dec", "apr", "feb"})

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2, "weds": 2,
    "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}
# Abbreviations that are everyday words ("sun", "sat", "wed", "mon") are only read next to a date.
WEEKDAY_WORD_RE = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|satur|sun)day"
WEEKDAY_ABBR_RE = r"(?:tues|tue|thurs|thur|thu|weds|fri)\.?"
WEEKDAY_ANY_RE = rf"(?:{WEEKDAY_WORD_RE}|{WEEKDAY_ABBR_RE}|mon\.?|wed\.?|sat\.?|sun\.?)"

MONTH_RE = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
            r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)")

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_ORDINAL_UNITS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                  "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                  "seventeenth", "eighteenth", "nineteenth"]
_ORDINAL_TENS = {"twentieth": 20, "thirtieth": 30}


def _build_cardinals() -> dict[str, int]:
    words = {w: i for i, w in enumerate(_UNITS)}
    for tens, value in _TENS.items():
        words[tens] = value
        for i in range(1, 10):
            words[f"{tens}-{_UNITS[i]}"] = value + i
            words[f"{tens} {_UNITS[i]}"] = value + i
    words.update({"a": 1, "an": 1, "a couple of": 2, "a couple": 2, "couple of": 2, "a pair of": 2, "a few": 3,
                  "few": 3, "several": 3})
    return words


def _build_ordinals() -> dict[str, int]:
    words = {w: i for i, w in enumerate(_ORDINAL_UNITS) if i}
    words.update(_ORDINAL_TENS)
    for tens, value in (("twenty", 20), ("thirty", 30)):
        for i in range(1, 10):
            words[f"{tens}-{_ORDINAL_UNITS[i]}"] = value + i
            words[f"{tens} {_ORDINAL_UNITS[i]}"] = value + i
    return {w: v for w, v in words.items() if v <= 31}


CARDINALS = _build_cardinals()
ORDINALS = _build_ordinals()


def alternation(words, literal: bool = False) -> str:
    """A regex matching any of ``words`` (longest first), built as a trie so that matching stays fast.

    Unless ``literal``, a space in the words stands for any whitespace and an apostrophe is optional
    (straight or curly).
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [(re.escape(ch) if literal else _CHAR.get(ch, re.escape(ch))) + pattern(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


_CHAR = {" ": r"\s+", "'": "['’]?"}


CARDINAL_RE = rf"(?:\d{{1,3}}|{alternation(CARDINALS)})"
ORDINAL_WORD_RE = rf"(?:{alternation(ORDINALS)})"
# A day of the month: "25", "25th", "03rd", "twenty-first".
DAY_RE = rf"(?:(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?|{ORDINAL_WORD_RE})(?![\d%])"


def number_value(word: str) -> int | None:
    """A small cardinal or ordinal as an int: "3", "three", "a couple of", "21st", "twenty-first"."""
    w = " ".join(word.lower().replace("-", " ").split())
    digits = w.rstrip("stndrh") if w[:1].isdigit() else w
    if digits.isdigit():
        return int(digits)
    for table in (CARDINALS, ORDINALS):
        if w in table:
            return table[w]
        if w.replace(" ", "-", 1) in table:
            return table[w.replace(" ", "-", 1)]
    return None


UNIT_RE = r"(?:second|sec|minute|min|hour|hr|day|week|wk|fortnight|month|year|yr|decade)s?"
UNIT_NAMES: dict[str, str] = {
    "second": "second", "sec": "second", "minute": "minute", "min": "minute", "hour": "hour", "hr": "hour",
    "day": "day", "week": "week", "wk": "week", "fortnight": "fortnight", "month": "month", "year": "year",
    "yr": "year", "decade": "decade",
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "mornings": "MO", "afternoon": "AF", "afternoons": "AF", "afternoonish": "AF",
    "evening": "EV", "evenings": "EV", "night": "NI", "nights": "NI", "tonight": "NI", "tonite": "NI",
}
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

# Holidays with a fixed month and day.
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "xmas": (12, 25),
    "boxing day": (12, 26), "new year's eve": (12, 31), "new years eve": (12, 31),
    "new year's day": (1, 1), "new years day": (1, 1), "new year day": (1, 1), "new year": (1, 1),
    "valentine's day": (2, 14), "valentines day": (2, 14), "st. patrick's day": (3, 17),
    "st patrick's day": (3, 17), "saint patrick's day": (3, 17), "saint patrick": (3, 17),
    "st patrick": (3, 17), "earth day": (4, 22), "may day": (5, 1), "international workers' day": (5, 1),
    "labour day": (5, 1), "independence day": (7, 4), "halloween": (10, 31), "boss's day": (10, 16),
    "bosses' day": (10, 16), "boss day": (10, 16), "world vegan day": (11, 1), "veterans day": (11, 11),
    "veterans' day": (11, 11), "armistice day": (11, 11), "remembrance day": (11, 11),
    "all saints' day": (11, 1), "bastille day": (7, 14), "victory day": (5, 9), "d-day": (6, 6),
    "ides of march": (3, 15), "international women's day": (3, 8), "women's day": (3, 8),
    "world aids day": (12, 1), "world environment day": (6, 5), "world health day": (4, 7),
    "world water day": (3, 22), "human rights day": (12, 10), "juneteenth": (6, 19), "flag day": (6, 14),
    "groundhog day": (2, 2), "april fools' day": (4, 1), "april fool's day": (4, 1), "guy fawkes night": (11, 5),
    "bonfire night": (11, 5), "st. george's day": (4, 23), "st george's day": (4, 23), "st. andrew's day": (11, 30),
    "st andrew's day": (11, 30), "st. david's day": (3, 1), "st david's day": (3, 1), "burns night": (1, 25),
    "canada day": (7, 1), "australia day": (1, 26), "anzac day": (4, 25), "waitangi day": (2, 6),
    "cinco de mayo": (5, 5), "pongal": (1, 14), "makar sankranti": (1, 14), "makara sankranti": (1, 14),
    "makara sankranthi": (1, 14), "lohri": (1, 13), "gandhi jayanti": (10, 2), "ambedkar jayanti": (4, 14),
    "tax day": (4, 15), "epiphany": (1, 6), "assumption day": (8, 15), "reunification day": (10, 3),
}
# Holidays on the n-th (or last: -1) weekday of a month: (month, weekday, n).
WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "memorial day": (5, 0, -1),
    "labor day": (9, 0, 1), "mlk day": (1, 0, 3), "mlk jr. day": (1, 0, 3), "martin luther king day": (1, 0, 3),
    "martin luther king jr. day": (1, 0, 3), "presidents day": (2, 0, 3), "presidents' day": (2, 0, 3),
    "mother's day": (5, 6, 2), "mothers day": (5, 6, 2), "father's day": (6, 6, 3), "fathers day": (6, 6, 3),
    "columbus day": (10, 0, 2), "indigenous peoples' day": (10, 0, 2),
}
# Holidays a number of days from Easter Sunday.
EASTER_HOLIDAYS: dict[str, int] = {
    "easter": 0, "easter sunday": 0, "easter day": 0, "easter monday": 1, "easter mon": 1, "good friday": -2,
    "palm sunday": -7, "branch sunday": -7, "maundy thursday": -3, "holy thursday": -3, "ash wednesday": -46,
    "pentecost": 49, "whit sunday": 49, "ascension day": 39,
}
# Holidays with a rule of their own (see ``holiday_date``).
SPECIAL_HOLIDAYS = ("black friday", "cyber monday", "election day", "parsi new year")
HOLIDAY_RE = alternation([*FIXED_HOLIDAYS, *WEEKDAY_HOLIDAYS, *EASTER_HOLIDAYS, *SPECIAL_HOLIDAYS])
# What every holiday name contains (up to its first apostrophe): a text without any of them names none.
HOLIDAY_WORDS = tuple(sorted({name.split("'")[0] for name in
                              (*FIXED_HOLIDAYS, *WEEKDAY_HOLIDAYS, *EASTER_HOLIDAYS, *SPECIAL_HOLIDAYS)}))
