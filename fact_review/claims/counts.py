"""Counts said in words, which a checker verifies as much as digits: "a drone", "a single drone" (one),
"no injuries", "none of the drones", "not a single missile" (zero), "a wave of drones", "several
settlements" (many), "all aerial targets were hit" (all).

How they are written in a ``Claim`` (kind "number"; the README's claims section says the same):

=============================  =======  ==========  =====  ====
words                          value    qualifier   low    high
=============================  =======  ==========  =====  ====
one: "a drone", "a single"     1        null        null   null
zero: "no injuries", "none"    0        null        null   null
many: "a wave of drones"       null     "many"      2      null
several: "several villages"    null     "several"   3      null
a few: "a handful of"          null     "a few"     2      null
all: "all targets were hit"    null     "all"       1      null
=============================  =======  ==========  =====  ====

One and zero are exact counts like a written "1" or "0". "Many" is an interval: more than one, with no
upper bound; "all" claims the whole of a group that has members, so at least one. ``noun`` is what is
counted ("drone", "injuries", "aerial targets").

"a"/"an" counts only things whose number a report turns on (weapons, aircraft, vessels; a word list, since
"a senior officer said" counts nobody), and only as the head of its phrase ("a drone attack" is an attack).
"no" counts harm, people and those same things ("no injuries", "no civilians", "no drones"), not "no doubt".
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional, Sequence

from fact_review.claims import lexicon as lx
from fact_review.claims.nouns import is_plural
from fact_review.claims.tokens import Token

D = Decimal
MANY, SEVERAL, A_FEW, ALL = "many", "several", "a few", "all"
# (qualifier, low) of each vague count
BOUNDS: dict[str, Decimal] = {MANY: D(2), SEVERAL: D(3), A_FEW: D(2), ALL: D(1)}


def _forms(*singulars: str) -> frozenset[str]:
    """Singular and plural of each noun ("missile" -> missile, missiles; "casualty" -> casualties)."""
    out = set()
    for word in singulars:
        out.add(word)
        if word.endswith("y") and word[-2:-1] not in "aeiou":
            out.add(word[:-1] + "ies")
        elif word.endswith(("s", "sh", "ch", "x")):
            out.add(word + "es")
        else:
            out.add(word + "s")
    return frozenset(out)


# Things a report counts one by one: a single one of them is news ("a drone targeted his helicopter").
COUNTED_THINGS = _forms(
    "drone", "uav", "missile", "rocket", "bomb", "shell", "grenade", "mine", "warhead", "torpedo", "projectile",
    "interceptor", "jet", "plane", "aircraft", "airplane", "airliner", "helicopter", "chopper", "tank", "ship",
    "vessel", "boat", "submarine", "warship", "frigate", "tanker", "shot", "bullet", "explosion", "blast",
) | {"aircraft", "uavs"}
# Harm and people, counted at zero: "no injuries", "no civilians", "no damage".
HARM = _forms(
    "injury", "casualty", "death", "fatality", "victim", "survivor", "damage", "loss", "arrest", "hostage",
    "civilian", "soldier", "child", "person", "resident", "passenger", "worker", "patient", "prisoner",
) | {"people", "children", "dead", "wounded", "injured", "damages"}
# Collective words for "many": "a wave of drones", "a barrage of missiles".
COLLECTIVES = frozenset(
    "wave waves swarm swarms barrage barrages salvo salvos volley volleys hail flurry string series spate "
    "stream torrent slew raft rash succession host multitude".split()
)
_VAGUE_ADJECTIVES = {"several": SEVERAL, "multiple": MANY, "numerous": MANY, "countless": MANY,
                     "innumerable": MANY}
_BE = frozenset({"were", "was", "are", "is", "been", "being", "be", "had", "have", "has", "got", "get"})
_HARMED = lx.COUNTED_ADJECTIVES | {"harmed", "affected", "hit", "lost"}
_EVERY_BE = frozenset({"was", "had", "has"})
# Words after "none" that make it no count: "none other than", "none the wiser", "none too soon".
_NOT_COUNT_AFTER_NONE = frozenset({"other", "the", "too", "whatsoever", "so"})
# Words that start the rest of the clause after a counted noun (it is then the head: "a drone was ...").
_CLAUSE_WORDS = frozenset(
    "hit struck flew flies fell falls came comes went goes got gets sank caught reached made makes "
    "took saw left shot broke tore set kept ran began became".split())
MAX_MODIFIERS = 2


@dataclass(frozen=True)
class CountWord:
    start: int  # token index
    end: int  # token index, exclusive
    value: Optional[Decimal]
    qualifier: Optional[str]
    low: Optional[Decimal]
    noun: Optional[str]


# Words without which a text holds no count in words ("a", "all" and "not" alone are too common to say so).
CUES = COUNTED_THINGS | COLLECTIVES | HARM | frozenset({"single", "lone", "solitary", "handful", "number",
                                                         "one", "nobody", "none", "no"})
STARTERS = frozenset({"a", "an", "no", "none", "nobody", "not", "all", "every", "several", "multiple",
                      "numerous", "countless", "innumerable"})


def count_word_at(tokens: Sequence[Token], i: int, text: str) -> Optional[CountWord]:
    """The count said in words that starts at token ``i``, or None."""
    w = tokens[i].low
    if w in ("a", "an"):
        return _collective(tokens, i, text) or _one(tokens, i, i + 1, text, D(1))
    if w == "not":
        return _not_one(tokens, i, text)
    if w == "no":
        if _word(tokens, i + 1, "one"):
            return _nobody(tokens, i, i + 2)
        return _zero(tokens, i, text)
    if w == "nobody":
        return _nobody(tokens, i, i + 1)
    if w == "none":
        return _none(tokens, i, text)
    if w in ("all", "every"):
        return _all(tokens, i, text)
    if w in _VAGUE_ADJECTIVES:
        found = _phrase(tokens, i + 1, plural=True, nouns=None)
        if found is None or _not_things(tokens[found - 1]):
            return None
        qualifier = _VAGUE_ADJECTIVES[w]
        return CountWord(i, found, None, qualifier, BOUNDS[qualifier], _text(tokens, i + 1, found, text))
    return None


def _word(tokens: Sequence[Token], j: int, *words: str) -> bool:
    return j < len(tokens) and tokens[j].low in words and not tokens[j].newline


def _text(tokens: Sequence[Token], s: int, e: int, text: str) -> str:
    return text[tokens[s].start:tokens[e - 1].end]


def _modifier(t: Token) -> bool:
    """A word that may stand before the head of a noun phrase: "Ukrainian", "massive", "Russian-made"."""
    return t.kind == "word" and not t.masked and t.low not in lx.NOUN_STOPWORDS and t.low not in lx.UNITS \
        and t.low not in lx.MONTHS and t.low not in lx.WEEKDAYS


def _phrase(tokens: Sequence[Token], j: int, plural: Optional[bool], nouns: Optional[frozenset[str]]) -> Optional[int]:
    """End of a noun phrase from token j: up to MAX_MODIFIERS modifiers and a head noun (in ``nouns`` when
    given; plural or singular as asked, either when ``plural`` is None), followed by no further noun."""
    n = len(tokens)
    k = j
    for _ in range(MAX_MODIFIERS + 1):
        if k >= n or tokens[k].newline or not _modifier(tokens[k]):
            return None
        end = k + 1
        while end + 1 < n and tokens[end].text == "-" and not tokens[end].gap and not tokens[end + 1].gap \
                and tokens[end + 1].kind == "word":
            end += 2  # "Russian-made", "air-defence"
        head = tokens[end - 1]
        fits = (nouns is None or head.low in nouns) and (plural is None or is_plural(head.text) == plural
                                                         or head.low in lx.IRREGULAR_PLURALS)
        if fits and not _continues_phrase(tokens, end):
            return end
        k = end
    return None


def _continues_phrase(tokens: Sequence[Token], j: int) -> bool:
    """Another noun follows, so the word before it was a modifier: "a drone attack", "no drone strikes"."""
    if j >= len(tokens):
        return False
    t = tokens[j]
    if t.kind != "word" or t.newline or t.low in lx.NOUN_STOPWORDS or t.low in _CLAUSE_WORDS:
        return False
    return not (t.low.endswith(("ly", "ed")) or t.text[0].isupper())


def _not_things(head: Token) -> bool:
    """ "several years" is a vague duration, "a number of times" a frequency: no count of things."""
    return head.low in lx.DURATION_UNITS or head.low == "times"


def _one(tokens: Sequence[Token], i: int, j: int, text: str, value: Decimal) -> Optional[CountWord]:
    """ "a drone", "a single drone", "a Ukrainian drone" (j: after the article)."""
    single = _word(tokens, j, "single", "lone", "solitary")
    if single:
        end = _phrase(tokens, j + 1, plural=False, nouns=None)
    else:
        end = _phrase(tokens, j, plural=False, nouns=COUNTED_THINGS)
    if end is None:
        return None
    head = j + 1 if single else j
    return CountWord(i, end, value, None, None, _text(tokens, head, end, text))


def _not_one(tokens: Sequence[Token], i: int, text: str) -> Optional[CountWord]:
    """ "not a single drone", "not one missile": zero."""
    if _word(tokens, i + 1, "a", "an") and _word(tokens, i + 2, "single"):
        return _one(tokens, i, i + 2, text, D(0))
    if _word(tokens, i + 1, "one"):
        end = _phrase(tokens, i + 2, plural=False, nouns=None)
        if end is not None:
            return CountWord(i, end, D(0), None, None, _text(tokens, i + 2, end, text))
    return None


def _collective(tokens: Sequence[Token], i: int, text: str) -> Optional[CountWord]:
    """ "a wave of drones", "a massive barrage of missiles", "a handful of", "a number of"."""
    n = len(tokens)
    k = i + 1
    if k < n and _modifier(tokens[k]) and tokens[k].low not in COLLECTIVES and k + 1 < n \
            and tokens[k + 1].low in COLLECTIVES | {"number"}:
        k += 1  # one adjective: "a new wave of"
    if k + 1 >= n or tokens[k + 1].low != "of" or tokens[k].newline:
        return None
    word = tokens[k].low
    if word in COLLECTIVES:
        qualifier = MANY
    elif word == "handful" or word == "number" and tokens[k - 1].low == "small":
        qualifier = A_FEW
    elif word == "number" and k == i + 1 or word == "number" and tokens[k - 1].low in ("large", "big", "huge"):
        qualifier = MANY if k > i + 1 else SEVERAL  # "a large number of" / "a number of"
    else:
        return None
    end = _phrase(tokens, k + 2, plural=True, nouns=None)
    if end is None or _not_things(tokens[end - 1]):
        return None
    return CountWord(i, end, None, qualifier, BOUNDS[qualifier], _text(tokens, k + 2, end, text))


def _zero(tokens: Sequence[Token], i: int, text: str) -> Optional[CountWord]:
    """ "no injuries", "no civilian casualties", "no injuries or damages"."""
    end = _phrase(tokens, i + 1, plural=None, nouns=HARM | COUNTED_THINGS)
    if end is None:
        return None
    if _word(tokens, end, "or", "and") and end + 1 < len(tokens):
        more = _phrase(tokens, end + 1, plural=None, nouns=HARM | COUNTED_THINGS)
        if more is not None and more - end <= 2:
            end = more
    return CountWord(i, end, D(0), None, None, _text(tokens, i + 1, end, text))


def _nobody(tokens: Sequence[Token], i: int, j: int) -> Optional[CountWord]:
    """ "no one was hurt", "nobody died": zero people harmed (not "no one would leave")."""
    k = j
    while k < j + 2 and _word(tokens, k, *_BE):
        k += 1
    if k < len(tokens) and (tokens[k].low in _HARMED if k > j else tokens[k].low in ("died", "perished")):
        return CountWord(i, j, D(0), None, None, None)
    return None


def _none(tokens: Sequence[Token], i: int, text: str) -> Optional[CountWord]:
    """ "none of the drones", "None were hurt" (not "second to none", "none other than")."""
    if i > 0 and tokens[i - 1].low == "to" or _word(tokens, i + 1, *_NOT_COUNT_AFTER_NONE):
        return None
    if _word(tokens, i + 1, "of"):
        k = i + 2
        if _word(tokens, k, "the", "these", "those", "its", "their", "our", "his", "her"):
            k += 1
        end = _phrase(tokens, k, plural=True, nouns=None)
        if end is not None:
            return CountWord(i, end, D(0), None, None, _text(tokens, k, end, text))
        return None
    if _word(tokens, i + 1, *_BE):
        return CountWord(i, i + 1, D(0), None, None, None)
    return None


def _all(tokens: Sequence[Token], i: int, text: str) -> Optional[CountWord]:
    """ "all aerial targets were hit", "with all aerial targets being hit", "every target was hit": only
    when a verb of being follows, so that "all appearances" or "all day" are not counts."""
    k = i + 1
    every = tokens[i].low == "every"
    if not every:
        if _word(tokens, k, "of") and _word(tokens, k + 1, "the"):
            k += 2
        elif _word(tokens, k, "the", "its", "their", "our"):
            k += 1
    end = _phrase(tokens, k, plural=not every, nouns=None)
    if end is None or not _word(tokens, end, *(_EVERY_BE if every else _BE)):
        return None  # "every strike is reason to ...": a general truth, not what happened
    return CountWord(i, end, None, ALL, BOUNDS[ALL], _text(tokens, k, end, text))
