"""How a fact is named in the figure table, the reports and ``match --json``: as a reviewer would name it
("cost of repairs", "residents moved out", "date of the Kursk incursion"), from the words its statements
use around the figure, never a bare noun ("date", "people").

Each rule reads one way news writes a figure's subject:
- a verb with the figure ("1,200 residents were moved out", "treated 46 people"): what was done to what;
- a named quantity before money or a share ("put the cost of repairs at £4.5 million"): that name;
- an owner ("the town's 8,000 homes"), a purpose ("beds for 650 people"), a deadline ("restore supply
  within 48 hours"): the thing with its owner, purpose or task;
- otherwise what the kind of figure measures ("number of drones", "amount in GBP").
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from fact_review.model import Claim

_PARTICLE = r"(?:\s+(out|off|up|down|away|back|over)(?!\s+(?:the\b|an?\b|[A-Z])))?"
# past forms news tells counts with that do not end in -ed/-en
_IRREGULAR = r"shot|hit|struck|cut|built|held|sent|brought|caught|found|lost|made|fled|sold|bought|won|spent|paid|" \
             r"told|kept|met|seen|taken|given|thrown|flown|drawn|stolen|hurt|laid|led|fought|dug|rebuilt|shut"
_VERB = rf"(?:[a-z]{{3,}}(?:ed|en)|{_IRREGULAR})"
# a verb written with a count ("launched 69 missiles", "69 missiles were launched", "killing 12 people",
# "shot down a drone")
_VERB_BEFORE = re.compile(rf"\b({_VERB}|[a-z]{{3,}}ing){_PARTICLE}\s+(?:[a-z]+\s+){{0,2}}$")
_VERB_AFTER = re.compile(r"^\s+(?:[A-Za-z-]+\s+){0,2}?(?:were|was|had been|have been|has been|are|is)?\s*"
                         rf"({_VERB})\b" + _PARTICLE)
# "the cost of repairs at", "damage put at", "the bill was", "the budget of"
_NAMED_AMOUNT = re.compile(r"\b(?:the\s+)?((?:(?!and\b|or\b|but\b|the\b|an?\b|of\b|to\b|at\b|in\b|on\b)[a-z]+\s+)?"
                           r"(?:cost|costs|price|bill|damage|damages|budget|value|fine|loss|losses|revenue|profit|"
                           r"sales|spending|debt|deficit|rate|share|turnout|toll|salary|wage|fee|fees|payout|"
                           r"compensation|funding|aid|investment|estimate)"
                           r"(?:\s+of\s+(?:the\s+|an?\s+)?[a-z]+(?:\s+[a-z]+)?)?)"
                           r"\s+(?:(?:was|is|were|are|stood|rose|fell|came|put|estimated|set|valued)\s+)?"
                           r"(?:at|of|to|was|is|were|are|reached|totalled|totaled|hit)\s*$", re.IGNORECASE)
_OWNER = re.compile(r"\b(?:the\s+)?([a-z]+)['’]s\s+(?:[a-z-]+\s+){0,2}$", re.IGNORECASE)
_PURPOSE = re.compile(r"\b([a-z]{3,})\s+for\s+$", re.IGNORECASE)
_TASK = re.compile(r"\bto\s+([a-z]{3,}(?:\s+(?!within\b|in\b|for\b)[a-z]+){0,2})\s+(?:within|in|inside)\s+$",
                   re.IGNORECASE)
# a statement's subject and verb, for a date: "1,200 residents were moved out", "voters in Carrow backed"
_STATEMENT_VERB = re.compile(r"\b([A-Za-z]+)(?:\s+(?:in|of|at|from|near)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?"
                             r"\s+(?:(was|were|has been|have been|had been)\s+)?"
                             rf"({_VERB}){_PARTICLE}\b")
_PREPOSITIONS = frozenset({"of", "in", "at", "on", "by", "for", "from", "since", "during", "after", "before", "until",
                           "near", "with", "to", "over", "into", "when", "while", "as", "amid"})
_NOT_OWNERS = frozenset({"it", "its", "their", "his", "her", "our", "your", "my", "one", "that", "this", "today",
                         "yesterday", "week", "year", "month", "day", "night"})
_NOT_SUBJECTS = frozenset({"it", "they", "he", "she", "we", "you", "there", "which", "who", "that", "and", "or"})
_NOT_HEADS = frozenset({"and", "or", "but", "than", "only", "just", "about", "around", "nearly", "almost", "all",
                        "the", "some", "enough", "more", "less", "fewer", "least", "most", "up"})
_PLURALS = frozenset({"people", "children", "men", "women", "police", "staff", "cattle", "sheep", "livestock",
                      "personnel", "troops", "feet", "teeth", "mice", "geese", "crew"})
_KIND_THINGS = {"money": "amount", "percent": "share", "duration": "time", "quantity": "amount"}
LOOK_BEHIND = 60  # characters before a figure that say what it is


def quantity_label(claim: Claim, before: str, after: str, noun: Optional[str]) -> Optional[str]:
    """What one statement's figure is of, from the words ``before`` and ``after`` it in its sentence
    (``noun``: what the fact counts, as most of its statements say it); None when these words say nothing."""
    before = before[-LOOK_BEHIND:]
    verb = _verb(before, after)
    if verb and noun:
        return f"{noun} {verb}"
    named = _NAMED_AMOUNT.search(before)
    if named and claim.kind in ("money", "percent", "number"):
        return _clean(named[1])
    if noun:
        owner = _OWNER.search(before)
        if owner and owner[1].lower() not in _NOT_OWNERS:
            return f"the {owner[1].lower()}'s {noun}"
        purpose = _PURPOSE.search(before)
        if purpose and purpose[1].lower() not in _NOT_HEADS:
            return f"{purpose[1].lower()} for {noun}"
    task = _TASK.search(before)
    if task and claim.kind == "duration":
        return f"time to {_clean(task[1])}"
    if verb:
        return f"{_KIND_THINGS.get(claim.kind, 'number')} {verb}"  # "The race raised £1.2 million": amount raised
    return None


def fact_noun(nouns: Counter) -> Optional[str]:
    """What a fact counts: its statements' commonest noun (the shortest of equals), in the plural when one
    of them writes it so ("a drone", "a wave of drones": drones)."""
    if not nouns:
        return None
    noun = min(nouns, key=lambda n: (-nouns[n], len(n)))
    return next((plural for plural in (noun + "s", noun + "es") if plural in nouns), noun)


def measured(claim: Claim, noun: Optional[str]) -> str:
    """What a figure measures when its words say no more: "number of drones", "amount in GBP"."""
    if noun:
        return f"number of {noun}" if _plural(noun) else f"{noun} count"
    if claim.kind == "money":
        return f"amount in {claim.unit}" if claim.unit else "amount of money"
    if claim.kind == "percent":
        return "percentage"
    if claim.kind == "duration":
        return "how long"
    if claim.unit:
        return f"amount in {claim.unit}"
    return "count"


def event_label(noun: str, name: Optional[str]) -> str:
    """A time fact of a known event: "date of the Kursk incursion", "date of the recapture"."""
    noun = noun.removeprefix("the ")
    return f"date of the {name} {noun}" if name else f"date of the {noun}"


def statement_date_label(before: str) -> str:
    """A time fact from statements the matcher paired, whose event the timeline does not know: named by
    what the statement says was done ("date residents were moved out", "date protesters blocked the Kelby
    market"), else by the words before the date."""
    verbs = list(_STATEMENT_VERB.finditer(before))
    if not verbs:
        words = before.split()[-6:]
        return f"date in “…{' '.join(words)}”" if words else "date of the event"
    found = verbs[-1]
    subject = found[1] if found[1].lower() not in _NOT_SUBJECTS else None
    done = []  # what was done, up to the first preposition: "blocked the Kelby market"
    for word in before[found.end():].split()[:4]:
        if word.lower() in _PREPOSITIONS or not word.isalpha():
            break
        done.append(word)
    words = [subject, found[2], found[3].lower(), found[4], *done]
    return "date " + " ".join(w for w in words if w)


def _verb(before: str, after: str) -> Optional[str]:
    following = _VERB_AFTER.match(after)
    if following:
        return " ".join(w for w in (following[1], following[2]) if w)
    preceding = _VERB_BEFORE.search(before[-40:])
    return " ".join(w for w in (preceding[1], preceding[2]) if w) if preceding else None


def _plural(noun: str) -> bool:
    last = noun.split()[-1]
    return last.endswith("s") or last in _PLURALS


def _clean(words: str) -> str:
    return " ".join(words.lower().split())
