"""The counted noun after a number: "298 drones", "45 cruise missiles" -> "cruise missiles",
"three children", "367 drones and missiles", "hundreds of people", "more than 60 injured".

Without a part-of-speech tagger the noun phrase is read as up to three content words that end at the
first plural (a count above one counts a plural), extended over "and"/"or" to a second plural.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Optional, Sequence

from fact_review.claims import lexicon as lx
from fact_review.claims.tokens import Token

_MAX_WORDS = 3


def is_plural(word: str) -> bool:
    if word.isupper():
        return False  # acronyms: "FLDS", "UAVS" are names, not plurals
    w = word.lower()
    if w in lx.IRREGULAR_PLURALS:
        return True
    if w.endswith("men") and len(w) > 4:  # fishermen, policemen, servicemen
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))


def _content(tok: Token) -> bool:
    return tok.kind == "word" and not tok.masked and tok.low not in lx.NOUN_STOPWORDS \
        and not tok.low.endswith("ly") and tok.low not in lx.MONTHS and tok.low not in lx.WEEKDAYS


def _phrase_end(tokens: Sequence[Token], j: int, plural: bool) -> Optional[int]:
    """End of the noun phrase starting at j (None when there is none)."""
    n = len(tokens)
    k = j
    # compound words with hyphens count as one: "air-defence systems"
    words = 0
    while k < n and words < _MAX_WORDS:
        t = tokens[k]
        if not _content(t) or (k > j and t.gap is False and t.kind == "word"):
            return None
        if k > j and t.newline:
            return None
        words += 1
        end = k + 1
        while end + 1 < n and tokens[end].text == "-" and not tokens[end].gap and not tokens[end + 1].gap \
                and tokens[end + 1].kind == "word":
            end += 2
        if not plural:
            return end
        if is_plural(tokens[end - 1].text) or (words == 1 and t.low in lx.COUNTED_ADJECTIVES):
            return end
        k = end
    return None


def counted_noun(tokens: Sequence[Token], j: int, value: Optional[Decimal], vague: bool,
                 text: str) -> Optional[tuple[str, int]]:
    """(noun, end token) of what the number ending at token j counts."""
    n = len(tokens)
    if j >= n or tokens[j].newline:
        return None
    k = j
    if vague or (k < n and tokens[k].low == "of" and value is not None
                 and (value >= 12 or j > 0 and tokens[j - 1].low in ("couple", "pair"))):
        # "hundreds of drones", "a dozen of eggs", "thousands of people", "a couple of boats", "a pair of shoes"
        if k < n and tokens[k].low == "of":
            k += 1
            if k < n and tokens[k].low in ("the", "these", "those", "them", "us", "you", "which"):
                return None
    while k < n and tokens[k].text in lx.NOUN_LEADING_SKIP:  # lower case only: "New York" is a name
        k += 1
    plural = value is None or value != 1
    end = _phrase_end(tokens, k, plural)
    if end is None:
        return None
    start = k
    # "drones and missiles"
    if end + 1 < n and tokens[end].low in ("and", "or") and plural:
        end2 = _phrase_end(tokens, end + 1, True)
        if end2 is not None and end2 - end <= 2:
            end = end2
    return text[tokens[start].start:tokens[end - 1].end], end
