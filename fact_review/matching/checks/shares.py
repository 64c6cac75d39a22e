"""Share checks: "45 of 69" against a percentage stated with it, and a part that exceeds its whole; and
parts named after their whole ("12 people, including three children") against it."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from decimal import Decimal
from typing import Optional

from fact_review.matching.checks.context import CheckContext, PlacedClaim
from fact_review.matching.checks.wording import interval_words, number, percent, quoted
from fact_review.matching.numeric import interval, nominal, same_dimension
from fact_review.model import Check, CheckedClaim

# "45 of 69", "2,400 of the town's 8,000": a part and its whole.
_PART_OF_WHOLE = re.compile(
    r"(?<![\d.,])(\d[\d,]*)\s+(?:out\s+)?of\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:[A-Za-z-]+['’]s\s+)?"
    r"(\d[\d,]*)(?![\d.,]*\d)"
)

# "<whole>, including <part> [and <part>]": the parts that follow are among the whole before.
_INCLUDING = re.compile(r"\b(?:including|among them|among whom|of whom|of which)\s+", re.I)
_WHOLE_REACH = 30  # characters from the whole to "including" ("Dozens were killed, including")
_JOINING_PARTS = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
NEAREST_PERCENTS = 4  # the stated percentages a share is checked against: those nearest to it


def share_checks(context: CheckContext) -> list[Check]:
    return _stated_shares(context) + _included_parts(context)


def _stated_shares(context: CheckContext) -> list[Check]:
    checks = []
    for index, sentence in enumerate(context.sentences):
        in_sentence = context.by_sentence.get(index)
        if not in_sentence:
            continue
        ends = [p.claim.end for p in in_sentence]
        percents = [p for p in in_sentence if p.claim.kind == "percent"]
        percent_starts = [p.claim.start for p in percents]
        for found in _PART_OF_WHOLE.finditer(sentence.text):
            part_value, whole_value = Decimal(found[1].replace(",", "")), Decimal(found[2].replace(",", ""))
            start, end = sentence.start + found.start(), sentence.start + found.end()
            part = _claim_at(in_sentence, ends, start, start + len(found[1]))
            whole = _claim_at(in_sentence, ends, end - len(found[2]), end)
            if part is None or whole is None or whole_value == 0:
                continue
            pair_text = f'"{found.group(0)}"'
            counts = (part.checked(),) if part is whole else (part.checked(), whole.checked())
            if part_value > whole_value:
                checks.append(Check("share", "conflict", counts,
                                    f"{pair_text}: a part ({number(part_value)}) cannot exceed its whole "
                                    f"({number(whole_value)})."))
                continue
            share = part_value / whole_value
            for stated in _nearest(percents, percent_starts, start, end):
                checks.append(_against_percent(pair_text, share, stated, counts))
    return checks


def _claim_at(claims: list[PlacedClaim], ends: list[int], start: int, end: int) -> Optional[PlacedClaim]:
    """The count whose span covers the number at [start, end) (not a year: "3 of the firm's 2024 targets");
    ``claims`` are in order of position, ``ends`` their ends."""
    for k in range(bisect_right(ends, start), len(claims)):
        placed = claims[k]
        if placed.claim.start >= end:
            return None
        if placed.claim.kind in ("number", "quantity"):
            return placed
    return None


def _nearest(percents: list[PlacedClaim], starts: list[int], start: int, end: int) -> list[PlacedClaim]:
    """The ``NEAREST_PERCENTS`` percentages nearest to [start, end), in order of position (a sentence
    states a few; a table of them in one sentence would pair every share with every percentage)."""
    at = bisect_left(starts, start) if len(percents) > NEAREST_PERCENTS else 0
    window = percents[max(0, at - NEAREST_PERCENTS):at + NEAREST_PERCENTS]
    nearest = sorted(window, key=lambda p: max(p.claim.start - end, start - p.claim.end, 0))[:NEAREST_PERCENTS]
    return sorted(nearest, key=lambda p: p.claim.start)


def _against_percent(pair_text: str, share: Decimal, stated: PlacedClaim, counts: tuple[CheckedClaim, ...]) -> Check:
    claims = (*counts, stated.checked())
    span = interval(stated.claim)
    computed = share * 100
    value = stated.claim.value
    # the stated figure is rounded to its last written digit: 65% stands for 64.5 up to 65.5
    step = Decimal(1).scaleb(value.as_tuple().exponent) if value is not None else Decimal(1)
    said = quoted(stated.claim)
    if value is not None and abs(computed - value) <= step / 2:
        return Check("share", "agree", claims, f"{pair_text} is {percent(share)}, which rounds to {said}.")
    if span and (span[0] is None or span[0] - step <= computed) and (span[1] is None or computed <= span[1] + step):
        return Check("share", "compatible", claims,
                     f"{pair_text} is {percent(share)}; {said} is close enough to allow it (rounded or approximate).")
    gap = abs(computed - (nominal(stated.claim) or Decimal(0)))
    return Check("share", "conflict", claims,
                 f"{pair_text} is {percent(share)}, but {said} is stated ({number(round(gap, 1))} points apart).")


def _included_parts(context: CheckContext) -> list[Check]:
    checks = []
    for index, in_sentence in context.by_sentence.items():
        members = [p for p in in_sentence if p.claim.kind in ("number", "quantity") and interval(p.claim)]
        if not members:
            continue
        sentence = context.sentences[index]
        ends = [m.claim.end for m in members]
        starts = [m.claim.start for m in members]
        for mark in _INCLUDING.finditer(sentence.text):
            start, end = sentence.start + mark.start(), sentence.start + mark.end()
            before = bisect_right(ends, start)
            if not before or start - members[before - 1].claim.end > _WHOLE_REACH:
                continue
            whole, parts = members[before - 1], _listed_from(members, bisect_left(starts, end), end, sentence)
            if parts and all(same_dimension(p.claim, whole.claim) for p in parts):
                checks.append(_part_of_whole(whole, parts))
    return checks


def _listed_from(members: list[PlacedClaim], first: int, start: int, sentence) -> list[PlacedClaim]:
    """The counts listed from ``start`` on (``members[first]`` is the first to start there or after):
    "three children and two officers"."""
    parts: list[PlacedClaim] = []
    for k in range(first, len(members)):
        member = members[k]
        gap_from = parts[-1].claim.end if parts else start
        gap = sentence.text[gap_from - sentence.start:member.claim.start - sentence.start]
        if parts and not _JOINING_PARTS.fullmatch(gap) or not parts and gap.strip():
            break
        parts.append(member)
    return parts


def _part_of_whole(whole: PlacedClaim, parts: list[PlacedClaim]) -> Check:
    spans = [interval(p.claim) for p in parts]
    low = None if any(s[0] is None for s in spans) else sum(s[0] for s in spans)
    high = None if any(s[1] is None for s in spans) else sum(s[1] for s in spans)
    whole_low, whole_high = interval(whole.claim)
    listed = " and ".join(quoted(p.claim) for p in parts)
    claims = (whole.checked(), *(p.checked() for p in parts))
    said = f'{listed} {"are" if len(parts) > 1 or (high or 0) != 1 else "is"} said to be among {quoted(whole.claim)}'
    if low is not None and whole_high is not None and low > whole_high:
        return Check("share", "conflict", claims, f"{said}, but a part ({interval_words(low, high)}) cannot "
                                                  f"exceed its whole ({interval_words(whole_low, whole_high)}).")
    if high is not None and whole_low is not None and high <= whole_low:
        return Check("share", "agree", claims, f"{said}: {interval_words(low, high)} of "
                                               f"{interval_words(whole_low, whole_high)}, as a part should be.")
    return Check("share", "compatible", claims, f"{said}: {interval_words(low, high)} can be part of "
                                                f"{interval_words(whole_low, whole_high)}.")
