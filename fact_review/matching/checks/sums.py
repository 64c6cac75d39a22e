"""Sum checks: a stated total against the parts it adds up.

* A total of several counted nouns ("367 drones and missiles") against one amount of each noun stated
  together elsewhere, in one sentence or else one paragraph, of the same article or another ("69 missiles
  ... and 298 drones").
* A total marked as one ("a total of 42 projectiles", "in all, 20 protesters") against the other counts
  of its sentence ("30 rockets and 12 mortar shells, a total of 42 projectiles"), or of the sentence
  before it in its paragraph when it stands alone.
* A whole that opens its clause, with its parts said after it ("Of the 46 people treated, 31 were adults
  and 12 were children"), or whose clause ends in a colon or a dash before them ("20 workers were hurt:
  12 were treated at the scene and 11 taken to hospital"): the parts are what the whole is made of.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import replace
from decimal import Decimal
from typing import Optional

from fact_review.matching.checks.context import CheckContext, PlacedClaim
from fact_review.matching.checks.wording import interval_words, number, percent, quoted
from fact_review.matching.numeric import NEAR, head_noun, interval, nominal, overlaps, same_dimension
from fact_review.matching.statements import CaseSentence
from fact_review.matching.wholes import TO_FIRST_PART, whole_opens_at
from fact_review.matching.words import stem
from fact_review.model import Check

# "<number> [one adjective] drones and missiles": the nouns a total counts together.
_TOTAL_OF = re.compile(
    r"^[\d.,]+\s+(?:[A-Za-z-]+\s+)?(?P<first>[A-Za-z-]{3,})\s*(?:,\s*(?P<middle>[A-Za-z-]{3,})\s*,?\s*)?"
    r"\s(?:and|or|&|plus)\s+(?P<last>[A-Za-z-]{3,})\b"
)
_NOT_NOUNS = frozenset({"the", "its", "their", "other", "more", "then", "was", "were", "are"})
_MARK_REACH = 30  # characters between "in all" and the count it marks ("In all, 20 protesters")
# Words that mark a count as the total of the counts around it.
_TOTAL_MARK = re.compile(r"\b(?:(?P<of>(?:a|the)\s+total\s+of)|in\s+total|in\s+all|altogether|combined)\b", re.I)
MAX_PARTS = 12  # counts a stated total adds up ("a total of 42": the other counts of its sentence)
# "20 workers were hurt in the fire: 12 were treated ... and 11 taken to hospital": a colon (or a dash)
# after a whole's clause announces what it is made of.
_ANNOUNCES_PARTS = re.compile(r"[^,;.:\d]*(?::|\s[—–]|\s-\s)\s*")
# A part without a noun of its own is said to be one ("31 were adults", "11 taken to hospital", "8 slightly").
_SAID = r"\s+(?:were|was|are|is|[a-z]+(?:ed|en|ly))\b"
_PART_SAID = re.compile(_SAID)
# Between two parts: what the one before is said to be ("were adults"), then "and" or a comma.
_BETWEEN_PARTS = re.compile(rf"(?:{_SAID}[^,;.\d]*?)?(?:\s*,\s*(?:and\s+)?|\s+and\s+)")


def sum_checks(context: CheckContext) -> list[Check]:
    placed = [p for p in context.placed if p.claim.kind in ("number", "quantity") and p.claim.value is not None]
    checks = _totals_of_nouns(context, placed)
    for more in (_marked_totals(context, placed), _wholes_with_parts(context, placed)):
        summed = {id(check.claims[0].claim) for check in checks}
        checks += [c for c in more if id(c.claims[0].claim) not in summed]
    return checks


def _totals_of_nouns(context: CheckContext, placed: list[PlacedClaim]) -> list[Check]:
    """Totals of several nouns against one amount of each, stated in one sentence or else one paragraph.

    The places that may hold the parts are found once for each set of nouns, and a total is checked
    against the ``NEAREST_PLACES`` of them nearest to it (a page that repeats itself would otherwise
    check every total against every repetition); a total that had more says so.
    """
    by_sentence: dict[int, list[PlacedClaim]] = defaultdict(list)
    by_paragraph: dict[int, list[PlacedClaim]] = defaultdict(list)
    counting: dict[str, set[int]] = defaultdict(set)  # noun -> the sentences that count it
    for item in placed:
        by_sentence[item.sentence].append(item)
        by_paragraph[context.paragraph(item.sentence)].append(item)
        noun = head_noun(item.claim)
        if noun:
            counting[noun].add(item.sentence)
    sentence_places = {index: _Place(index, members) for index, members in by_sentence.items()}
    paragraph_places = {index: _Place(members[0].sentence, members) for index, members in by_paragraph.items()}
    places_of: dict[tuple[str, ...], _Places] = {}
    checks = []
    for total in placed:
        nouns = _counted_together(context, total)
        if not nouns:
            continue
        if nouns not in places_of:
            sentences = sorted(set.intersection(*(counting.get(noun, set()) for noun in nouns)))
            covered = {context.paragraph(sentence) for sentence in sentences}
            paragraphs = {context.paragraph(s) for noun in nouns for s in counting.get(noun, ())} - covered
            places_of[nouns] = _Places([sentence_places[s] for s in sentences]
                                       + [paragraph_places[p] for p in sorted(paragraphs)])
        places = places_of[nouns]
        note = "" if len(places.found) <= NEAREST_PLACES else (
            f" (Checked against the {NEAREST_PLACES} nearest of {len(places.found):,} places that count "
            f"{' and '.join(nouns)}.)")
        for place in places.nearest(total.sentence):
            parts = _one_each(place, nouns, exclude=total)
            if parts:
                check = _sum_check(context, total, parts)
                if check:
                    checks.append(replace(check, explanation=check.explanation + note) if note else check)
    return checks


NEAREST_PLACES = 8


class _Place:
    """A sentence or a paragraph, with its counts by noun: the first three of each, enough to tell whether
    one remains besides the total itself."""

    def __init__(self, first_sentence: int, members: list[PlacedClaim]):
        self.first_sentence = first_sentence
        self.by_noun: dict[str, list[PlacedClaim]] = {}
        for member in members:
            noun = head_noun(member.claim)
            if noun:
                found = self.by_noun.setdefault(noun, [])
                if len(found) < 3:
                    found.append(member)


class _Places:
    """Where the parts of a total of some nouns may be stated, in order of preference: each sentence that
    counts all of them, then each other paragraph that counts any."""

    def __init__(self, found: list[_Place]):
        self.found = found
        self.by_position = sorted((place.first_sentence, k) for k, place in enumerate(found))

    def nearest(self, sentence: int) -> list[_Place]:
        """The ``NEAREST_PLACES`` places that begin nearest to ``sentence``, in order of preference."""
        if len(self.found) <= NEAREST_PLACES:
            return self.found
        at = bisect_left(self.by_position, (sentence, -1))
        window = self.by_position[max(0, at - NEAREST_PLACES):at + NEAREST_PLACES]
        nearest = sorted(window, key=lambda item: abs(item[0] - sentence))[:NEAREST_PLACES]
        return [self.found[k] for _, k in sorted(nearest, key=lambda item: item[1])]


def _marked_totals(context: CheckContext, placed: list[PlacedClaim]) -> list[Check]:
    """Totals marked as such ("a total of 42") against the other counts of their sentence, or of the
    sentence before in the paragraph when the total's sentence counts nothing else."""
    by_sentence = _by_sentence(placed)
    checks = []
    for index, members in sorted(by_sentence.items()):
        if len(members) > MAX_PARTS + 1:
            continue  # more counts than a stated total adds up
        sentence = context.sentences[index]
        for mark in _TOTAL_MARK.finditer(sentence.text):
            total = _marked_total(members, sentence.start + mark.start(), sentence.start + mark.end(), bool(mark["of"]))
            if total is None:
                continue
            parts = [m for m in members if m is not total]
            before = index - 1
            if not parts and before >= 0 and context.paragraph(before) == context.paragraph(index):
                parts = by_sentence.get(before, [])
            if 2 <= len(parts) <= MAX_PARTS and all(same_dimension(p.claim, total.claim) for p in parts):
                check = _sum_check(context, total, parts)
                if check:
                    checks.append(check)
    return checks


def _wholes_with_parts(context: CheckContext, placed: list[PlacedClaim]) -> list[Check]:
    """A whole opening its clause ("Of the 46 people treated,") against the parts said after it ("31 were
    adults and 12 were children")."""
    by_sentence = _by_sentence(placed)
    checks = []
    for index, members in sorted(by_sentence.items()):
        if len(members) < 3:
            continue
        sentence = context.sentences[index]
        members.sort(key=lambda p: p.claim.start)
        for position in range(len(members) - 2):
            whole = members[position]
            opens = whole.claim.start - sentence.start
            if whole_opens_at(sentence.text, opens):
                to_first_part = TO_FIRST_PART
            elif whole.claim.noun:
                to_first_part = _ANNOUNCES_PARTS
            else:
                continue
            parts = _parts_after(sentence, whole, members, position + 1, to_first_part)
            if len(parts) >= 2 and all(same_dimension(p.claim, whole.claim) for p in parts):
                check = _sum_check(context, whole, parts, breakdown=True)
                if check:
                    checks.append(check)
    return checks


def _parts_after(sentence: CaseSentence, whole: PlacedClaim, members: list[PlacedClaim],
                 first: int, to_first_part: re.Pattern[str]) -> list[PlacedClaim]:
    """The counts listed right after the whole's clause (``members[first:]`` follow it), each a noun of its
    own or said to be one ("31 were adults")."""
    text, offset = sentence.text, sentence.start
    parts: list[PlacedClaim] = []
    for k in range(first, len(members)):
        member = members[k]
        gap = text[(parts[-1] if parts else whole).claim.end - offset:member.claim.start - offset]
        if not (_BETWEEN_PARTS if parts else to_first_part).fullmatch(gap):
            break
        if not member.claim.noun and not _PART_SAID.match(text, member.claim.end - offset):
            break
        parts.append(member)
    return parts


def _by_sentence(placed: list[PlacedClaim]) -> dict[int, list[PlacedClaim]]:
    by_sentence: dict[int, list[PlacedClaim]] = defaultdict(list)
    for item in placed:
        by_sentence[item.sentence].append(item)
    return by_sentence


def _marked_total(members: list[PlacedClaim], start: int, end: int, followed: bool) -> Optional[PlacedClaim]:
    """The count a total mark stands for: the one right after "a total of", else the nearest one."""
    if followed:
        return next((m for m in members if 0 <= m.claim.start - end <= 1), None)
    nearest = min(members, key=lambda m: min(abs(m.claim.start - end), abs(start - m.claim.end)), default=None)
    if nearest is None or min(abs(nearest.claim.start - end), abs(start - nearest.claim.end)) > _MARK_REACH:
        return None
    return nearest


def _counted_together(context: CheckContext, total: PlacedClaim) -> Optional[tuple[str, ...]]:
    sentence = context.sentences[total.sentence]
    digits = re.search(r"\d", sentence.text[total.claim.start - sentence.start:total.claim.end - sentence.start])
    if digits is None:
        return None
    found = _TOTAL_OF.match(sentence.text[total.claim.start - sentence.start + digits.start():])
    if not found:
        return None
    words = [w for w in (found["first"], found["middle"], found["last"]) if w]
    if any(w.lower() in _NOT_NOUNS for w in words):
        return None
    nouns = tuple(stem(w) for w in words)
    return nouns if len(set(nouns)) == len(nouns) else None


def _one_each(place: _Place, nouns: tuple[str, ...], exclude: PlacedClaim) -> Optional[list[PlacedClaim]]:
    """The place's claims when it states exactly one amount of each noun (besides the total itself)."""
    chosen = []
    for noun in nouns:
        hits = [m for m in place.by_noun.get(noun, ()) if m is not exclude]
        if len(hits) != 1:
            return None
        chosen.append(hits[0])
    return chosen


def _sum_check(context: CheckContext, total: PlacedClaim, parts: list[PlacedClaim], breakdown: bool = False
               ) -> Optional[Check]:
    """The check of ``parts`` against their ``total``; with ``breakdown``, the parts are told as what the
    total is made of, so parts that add up to more than it are a conflict however far apart."""
    spans = [interval(p.claim) for p in parts]
    total_span = interval(total.claim)
    if total_span is None or any(s is None for s in spans):
        return None
    low = None if any(s[0] is None for s in spans) else sum(s[0] for s in spans)
    high = None if any(s[1] is None for s in spans) else sum(s[1] for s in spans)
    exact = low is not None and low == high
    total_exact = total_span[0] is not None and total_span[0] == total_span[1]
    listed = " + ".join(quoted(p.claim) for p in parts)
    stated = quoted(total.claim, context.where(total))
    claims = (total.checked(), *(p.checked() for p in parts))
    where = _where_parts(context, parts, total)
    if exact and total_exact and low == total_span[0]:
        return Check("sum", "agree", claims, f"{listed}{where} = {number(low)}, as {stated} states.")
    if overlaps((low, high), total_span):
        return Check("sum", "compatible", claims,
                     f"{listed}{where} comes to {interval_words(low, high)}, which {stated} "
                     f"({interval_words(*total_span)}) can match.")
    sum_value = sum(nominal(p.claim) for p in parts)
    total_value = nominal(total.claim)
    gap = abs(sum_value - total_value) / max(abs(sum_value), abs(total_value), Decimal(1))
    if gap > NEAR and not (breakdown and sum_value > total_value):
        return None  # far apart: more likely a subset ("shot down") than a miscount
    return Check("sum", "conflict", claims,
                 f"{listed}{where} comes to {interval_words(low, high)}, but {stated} gives "
                 f"{interval_words(*total_span)} (a difference of {percent(gap)}).")


def _where_parts(context: CheckContext, parts: list[PlacedClaim], total: PlacedClaim) -> str:
    return "" if parts[0].article == total.article else f" ({context.where(parts[0])})"
