"""Counts in words, checked across linked statements: one against many ("a drone", "a wave of drones"),
none against some ("no injuries", "three people were hurt").

A count falls into one of four classes by the interval it allows: none (at most 0), one (exactly 1), more
than one (2 or more) and some (1 or more). Two statements that count one thing in classes that exclude
each other conflict; the same class in words on both sides agrees ("a drone", "a single drone"). Counts
given as figures on both sides ("12", "14") are the value checks' business.

"The same thing" is the same counted noun (of the same kind, when both say which: "a merchant vessel" and
"two pirate vessels" count different vessels); a "none" of an event noun ("no injuries", "no casualties")
also meets a count of people or things said to suffer that event in the other statement ("three people
were hurt"), whichever noun that count uses.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from fact_review.matching.checks.context import CheckContext, PlacedClaim
from fact_review.matching.checks.wording import quoted
from fact_review.matching.lexicon import concept
from fact_review.matching.numeric import head_noun, interval
from fact_review.matching.statements import Link
from fact_review.matching.words import TOKEN, stem
from fact_review.model import Check, Claim

_WORDS_FOR = {"none": "none", "one": "one", "several": "more than one", "some": "at least one"}
_CONFLICTING = {frozenset({"none", "one"}), frozenset({"none", "several"}), frozenset({"none", "some"}),
                frozenset({"one", "several"})}
# Event nouns a "none" can count, and the lexicon concepts of the verbs that report them.
_KILLED, _INJURED = concept(stem("killed")), concept(stem("injured"))
_EVENT_NOUNS = {
    stem("injuries"): {_INJURED}, stem("injury"): {_INJURED}, stem("casualties"): {_KILLED, _INJURED},
    stem("casualty"): {_KILLED, _INJURED}, stem("deaths"): {_KILLED}, stem("fatalities"): {_KILLED},
    stem("victims"): {_KILLED, _INJURED}, stem("dead"): {_KILLED}, stem("wounded"): {_INJURED},
}
_EVENT_VERBS = frozenset({_KILLED, _INJURED, concept(stem("arrested")), concept(stem("evacuated")),
                          concept(stem("rescued")), concept(stem("missing"))})
_NO_ONE = re.compile(r"\b(?:no|not\s+a\s+single|not)\s+one\b", re.I)  # "no one" counts nobody: words, not a figure
_NUMERAL = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
    r"million|billion|dozen|zero)\b", re.I)
CLAUSE_REACH = 60  # characters around a count in which its verb is looked for ("three people were hurt")


def count_class(claim: Claim) -> Optional[str]:
    span = interval(claim)
    if span is None or claim.kind not in ("number", "quantity"):
        return None
    low, high = span
    if high is not None and high <= 0:
        return "none"
    if low is not None and low == high == 1:
        return "one"
    if low is not None and low >= 2:
        return "several"
    if low is not None and low >= 1 and high is None:
        return "some"
    return None


def in_words(claim: Claim) -> bool:
    """A count written in words, not as a number ("a drone", "no injuries", "a wave of", "dozens of"; not
    "12" or "one man", which the value checks compare)."""
    return not _NUMERAL.search(_NO_ONE.sub("", claim.text))


def count_checks(context: CheckContext, links: Iterable[Link]) -> list[Check]:
    by_sentence: dict[int, list[PlacedClaim]] = {}
    for placed in context.placed:
        if count_class(placed.claim) is not None:
            by_sentence.setdefault(placed.sentence, []).append(placed)
    checks, seen = [], set()
    for link in links:
        left, right = (by_sentence.get(s, []) for s in link.sentences)
        for a in left:
            for b in right:
                key = (id(a.claim), id(b.claim))
                if key in seen or not (in_words(a.claim) or in_words(b.claim)):
                    continue
                check = _compare(context, a, b)
                if check is not None:
                    seen.add(key)
                    checks.append(check)
    return checks


def _compare(context: CheckContext, a: PlacedClaim, b: PlacedClaim) -> Optional[Check]:
    first, second = count_class(a.claim), count_class(b.claim)
    if not _same_thing(context, a, b):
        return None
    said_a, said_b = quoted(a.claim, context.where(a)), quoted(b.claim, context.where(b))
    if frozenset({first, second}) in _CONFLICTING:
        return Check("count", "conflict", (a.checked(), b.checked()),
                     f"{said_a} says {_WORDS_FOR[first]}, {said_b} says {_amount(b.claim, second)}: "
                     f"{'none and some' if 'none' in (first, second) else 'one and many'} cannot both hold.")
    if first == second and in_words(a.claim) and in_words(b.claim):
        return Check("count", "agree", (a.checked(), b.checked()),
                     f"{said_a} and {said_b} both say {_WORDS_FOR[first]}.")
    return None


def _amount(claim: Claim, kind: str) -> str:
    if claim.value is not None and claim.low is None and claim.high is None and claim.value >= 2:
        return str(int(claim.value)) if claim.value == claim.value.to_integral_value() else str(claim.value)
    return _WORDS_FOR[kind]


def _same_thing(context: CheckContext, a: PlacedClaim, b: PlacedClaim) -> bool:
    noun_a, noun_b = head_noun(a.claim), head_noun(b.claim)
    if noun_a and noun_a == noun_b:
        # the same noun, not two kinds of it ("a merchant vessel", "two pirate vessels")
        return not _other_kinds(a.claim.noun or "", b.claim.noun or "")
    for zero, other in ((a, b), (b, a)):
        if count_class(zero.claim) != "none":
            continue
        events = _EVENT_NOUNS.get(head_noun(zero.claim) or "")
        if events and events & _concepts_near(context, other):
            return True  # "no injuries" and "three people were hurt"
        if not zero.claim.noun and _EVENT_VERBS & _concepts_near(context, zero) & _concepts_near(context, other):
            return True  # "no one was injured" and "two people were hurt"
    return False


def _other_kinds(first: str, second: str) -> bool:
    """Both nouns say what kind of thing they count, and not alike ("merchant vessel", "speed boat")."""
    kinds = [{stem(w) for w in noun.lower().replace("-", " ").split()[:-1] if w.isalpha()} for noun in (first, second)]
    return bool(kinds[0] and kinds[1] and not kinds[0] & kinds[1])


def _concepts_near(context: CheckContext, placed: PlacedClaim) -> set[str]:
    sentence = context.sentences[placed.sentence]
    start = max(0, placed.claim.start - sentence.start - CLAUSE_REACH)
    end = min(len(sentence.text), placed.claim.end - sentence.start + CLAUSE_REACH)
    return {concept(stem(m.group())) for m in TOKEN.finditer(sentence.text, start, end)}

