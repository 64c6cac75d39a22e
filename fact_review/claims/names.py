"""Numbers that are names or labels rather than claims: index and ranking names ("S&P 500", "FTSE 100",
"Fortune 500"), product names ("iPhone 15"), labels ("season 2", "phase 3", "gate 12"), sports scores ("won 3-1", "a 2-1 victory"), street numbers ("10
Downing Street"); and ages in passing ("John Smith, 45, said"), which stay claims but are read as ages.

Each test looks at tokens around a number that the scanner has read (token indices ``[start, end)``).
"""
from __future__ import annotations

from typing import Sequence

from fact_review.claims.tokens import Token

# Names that a number completes: the number is part of the name ("the FTSE 100 rose" says nothing about 100).
INDEX_NAMES = frozenset({
    "s&p", "ftse", "nikkei", "dax", "cac", "stoxx", "russell", "nasdaq", "asx", "sensex", "nifty", "ibex", "aex",
    "smi", "omx", "kospi", "topix", "tsx", "msci", "fortune", "forbes", "inc", "billboard", "top", "ftse100",
})
_SCORE_WORDS = frozenset(
    "won win wins winning beat beats beaten lost lose loses losing defeat defeats defeated victory victories "
    "draw draws drew drawn tie tied ties score scored scores scoring lead leads led trail trailed trailing "
    "match game final semifinal league cup goal goals rout thrashing comeback season set sets clinched".split())
# Words before a number that make it a label: "season 2", "episode 5", "phase 3", "gate 12", "page 4".
LABEL_WORDS = frozenset(
    "season seasons episode episodes series chapter volume vol part act scene phase stage round level grade gate "
    "platform terminal page pages no number item article section clause paragraph rule lane room flight route "
    "exit junction pier berth ward bed track".split())
STREET_WORDS = frozenset(
    "street st avenue ave road rd boulevard blvd lane ln drive dr place pl square sq terrace way court ct "
    "crescent close gardens parkway highway".split())
_MAX_SCORE = 99
_MAX_AGE = 120


def _glued(tokens: Sequence[Token], j: int) -> bool:
    return 0 < j < len(tokens) and not tokens[j].gap


def names_with_number(tokens: Sequence[Token], start: int) -> bool:
    """ "S&P 500", "FTSE 100", "Fortune 500", "iPhone 15", "season 2", "gate 12": the word before names what
    the number belongs to or labels."""
    if start == 0:
        return False
    prev = tokens[start - 1]
    if prev.kind != "word":
        return False
    if prev.low in INDEX_NAMES or prev.low in LABEL_WORDS or prev.low == "p" and start >= 3 \
            and tokens[start - 2].text == "&" and tokens[start - 3].low == "s":
        return True
    text = prev.text
    return len(text) > 2 and text[0].islower() and any(ch.isupper() for ch in text[1:])  # "iPhone", "eBay"


def score_end(tokens: Sequence[Token], start: int) -> int:
    """End of a sports score starting at token ``start`` ("3-1", "2 - 1"), or ``start`` when it is none: two
    whole numbers joined by a dash, in a sentence about a match."""
    n = len(tokens)
    if start + 2 >= n or tokens[start + 1].text not in ("-", "–") or tokens[start + 2].kind != "num":
        return start
    a, b = tokens[start].text, tokens[start + 2].text
    if not (a.isdigit() and b.isdigit() and int(a) <= _MAX_SCORE and int(b) <= _MAX_SCORE):
        return start
    if start + 3 < n and not tokens[start + 3].gap and tokens[start + 3].kind in ("num", "word"):
        return start  # "3-1a", "1-2-3"
    lo = start
    while lo > 0 and start - lo < 12 and tokens[lo - 1].text not in ".;!?":
        lo -= 1
    hi = min(n, start + 8)
    if any(t.low in _SCORE_WORDS for t in tokens[lo:start]) or any(t.low in _SCORE_WORDS for t in tokens[start + 3:hi]):
        return start + 3
    return start


def street_number(tokens: Sequence[Token], start: int, end: int) -> bool:
    """ "10 Downing Street", "1600 Pennsylvania Avenue": a number before a capitalised street name."""
    k = end
    words = 0
    while k < len(tokens) and words < 4 and tokens[k].kind == "word" and tokens[k].text[0].isupper():
        if tokens[k].low.rstrip(".") in STREET_WORDS and words > 0:
            return True
        k += 1
        words += 1
    return False


def age_in_passing(tokens: Sequence[Token], start: int, end: int) -> bool:
    """ "John Smith, 45, said", "Ana Lima (31) won": a person's age set off after their name."""
    if end - start != 1 or start < 2 or end >= len(tokens):
        return False
    t = tokens[start]
    if not (t.kind == "num" and t.text.isdigit() and 0 < int(t.text) <= _MAX_AGE):
        return False
    before, name, after = tokens[start - 1], tokens[start - 2], tokens[end]
    commas = before.text == "," and after.text == ","
    brackets = before.text == "(" and after.text == ")"
    return (commas or brackets) and name.kind == "word" and name.text[0].isupper()
