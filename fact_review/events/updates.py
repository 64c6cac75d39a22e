"""Updates are not contradictions: a later report that raises a toll ("rose to 14") supersedes the earlier
figure; two reports of the same time that disagree stay a conflict.

A value conflict becomes ``superseded`` when one claim comes from a report published later (by its date
and time; reports of the same day without times are of the same time) and either says it updates ("rose
to", "climbed to", "now stands at", "revised") or counts something that only grows while a story unfolds
(the dead, the injured, the missing, arrests, evacuations) with a higher figure. Inside one article, a
figure said to update another ("The toll later rose to 14") supersedes the one before it.
"""
from __future__ import annotations

import re
from datetime import datetime
from typing import Optional

from fact_review.matching.checks.context import CheckContext, PlacedClaim
from fact_review.matching.checks.wording import quoted
from fact_review.matching.lexicon import concept
from fact_review.matching.numeric import head_noun, nominal
from fact_review.matching.words import TOKEN, stem
from fact_review.model import Check

_UPDATE_WORDS = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|increased|jumped|grew|grown|mounted|reached|revised|updated|"
    r"raised|now\s+(?:stands?|stood)|has\s+(?:now\s+)?(?:hit|passed|topped)|new\s+toll|latest\s+(?:toll|figures?))\b", re.I)
_CUMULATIVE = frozenset(concept(stem(w)) for w in (
    "killed dead death deaths toll injured injuries wounded casualties missing arrested arrests evacuated "
    "evacuations cases infections victims displaced rescued").split())
REACH = 50  # characters before a figure in which its update words are looked for
# What an update counts is its sentence's subject, which may stand well before the verb: "The death toll
# from Sunday's bus crash near Korvel has risen to 12". The nearest such subject within this reach counts.
SUBJECT_REACH = 200


def mark_updates(context: CheckContext, checks: list[Check]) -> list[Check]:
    """``checks`` with the value conflicts that a later report explains turned ``superseded``."""
    placed = {id(p.claim): p for p in context.placed}
    result = []
    for check in checks:
        if check.kind == "value" and check.status == "conflict" and len(check.claims) == 2:
            a, b = (placed.get(id(c.claim)) for c in check.claims)
            if a is not None and b is not None:
                updated = _superseded(context, a, b)
                if updated is not None:
                    result.append(updated)
                    continue
        result.append(check)
    return result


def _superseded(context: CheckContext, a: PlacedClaim, b: PlacedClaim) -> Optional[Check]:
    if a.article == b.article:
        earlier, later = sorted((a, b), key=lambda p: p.claim.start)
        if not _says_update(context, later):
            return None
        return Check("value", "superseded", (earlier.checked(), later.checked()),
                     f"{quoted(earlier.claim, context.where(earlier))} is updated later in the same article: "
                     f"{quoted(later.claim)}.")
    times = [_published(context, p) for p in (a, b)]
    if times[0] is None or times[1] is None or times[0] == times[1]:
        return None
    earlier, later = (a, b) if times[0] < times[1] else (b, a)
    grows = _counts_what_grows(context, later) and (nominal(later.claim) or 0) > (nominal(earlier.claim) or 0)
    if not (_says_update(context, later) or grows):
        return None
    how = "says it updates it" if _says_update(context, later) else "gives a higher count of what only grows"
    return Check("value", "superseded", (earlier.checked(), later.checked()),
                 f"{quoted(earlier.claim, _where_when(context, earlier))} was superseded: a later report, "
                 f"{quoted(later.claim, _where_when(context, later))}, {how}.")


# "the number of bodies recovered had risen to 12": what an update without a counted noun counts.
# The subject is "the number of X" (X counted) or "the (death) toll" (the dead).
_SUBJECT = re.compile(r"\b(?:(?:number|count|tally|total)\s+of\s+(?P<noun>[A-Za-z-]+)(?:\s+(?P<next>[A-Za-z-]+))?"
                      r"|(?P<toll>(?:death\s+)?toll)\b)", re.I)
_KILLED = concept(stem("killed"))


def stated_updates(context: CheckContext, checks: list[Check]) -> list[Check]:
    """Updates whose figure names no noun of its own ("the number of bodies ... rose to 12"): against the
    earlier figures of that noun in the same article, or in reports published before."""
    compared = {frozenset(id(c.claim) for c in check.claims) for check in checks}
    by_noun: dict[str, list[PlacedClaim]] = {}
    for placed in context.placed:
        noun = head_noun(placed.claim)
        if noun and placed.claim.kind in ("number", "quantity"):
            by_noun.setdefault(noun, []).append(placed)
    found = []
    for placed in context.placed:
        if placed.claim.noun or placed.claim.kind != "number" or not _says_update(context, placed):
            continue
        counted = _last(_SUBJECT, _before(context, placed, SUBJECT_REACH))
        if counted is None:
            continue
        if counted.group("toll"):  # "the death toll ... rose to 15": the dead
            candidates = [p for p in context.placed if p.claim.kind == "number" and p is not placed
                          and _KILLED in _words_near(context, p)]
        else:
            nouns = [stem(word) for word in counted.group("noun", "next") if word]  # "of bodies", "of dead people"
            noun = next((n for n in nouns if n in by_noun), None)
            candidates = by_noun.get(noun or "", [])
        for earlier in candidates:
            if frozenset((id(earlier.claim), id(placed.claim))) in compared or not _comes_before(context, earlier, placed):
                continue
            found.append(Check("value", "superseded", (earlier.checked(), placed.checked()),
                               f"{quoted(earlier.claim, context.where(earlier))} was updated later: "
                               f'"{counted.group(0)} ... {placed.claim.text}" ({context.where(placed)}).'))
    return found


def _words_near(context: CheckContext, placed: PlacedClaim) -> set[str]:
    sentence = context.sentences[placed.sentence]
    around = sentence.text[max(0, placed.claim.start - sentence.start - REACH):placed.claim.end - sentence.start + REACH]
    return {concept(stem(m.group())) for m in TOKEN.finditer(around)}


def _comes_before(context: CheckContext, earlier: PlacedClaim, later: PlacedClaim) -> bool:
    if earlier.article == later.article:
        return earlier.claim.start < later.claim.start
    times = _published(context, earlier), _published(context, later)
    return times[0] is not None and times[1] is not None and times[0] < times[1]


def _published(context: CheckContext, placed: PlacedClaim) -> Optional[datetime]:
    published = context.articles[placed.article].article.published
    if not published:
        return None
    try:
        when = datetime.fromisoformat(published)
    except ValueError:
        return None
    return when.replace(tzinfo=None) if when.tzinfo is None else when.astimezone().replace(tzinfo=None)


def _where_when(context: CheckContext, placed: PlacedClaim) -> str:
    return f"{context.where(placed)}, published {context.articles[placed.article].article.published}"


def _last(pattern: re.Pattern[str], text: str) -> Optional[re.Match[str]]:
    """The last match of ``pattern`` in ``text``: of two subjects, the one nearer the figure."""
    found = None
    for found in pattern.finditer(text):
        pass
    return found


def _before(context: CheckContext, placed: PlacedClaim, reach: int = REACH) -> str:
    sentence = context.sentences[placed.sentence]
    start = max(0, placed.claim.start - sentence.start - reach)
    return sentence.text[start:placed.claim.start - sentence.start]


def _says_update(context: CheckContext, placed: PlacedClaim) -> bool:
    return bool(_UPDATE_WORDS.search(_before(context, placed)))


def _counts_what_grows(context: CheckContext, placed: PlacedClaim) -> bool:
    return bool(_words_near(context, placed) & _CUMULATIVE)

