"""Share checks: "45 of 69" against a percentage stated with it, and a part that exceeds its whole; and
parts named after their whole ("12 people, including three children") against it."""
from __future__ import annotations

import re
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


def share_checks(context: CheckContext) -> list[Check]:
    return _stated_shares(context) + _included_parts(context)


def _stated_shares(context: CheckContext) -> list[Check]:
    checks = []
    placed = context.placed
    for index, sentence in enumerate(context.sentences):
        for found in _PART_OF_WHOLE.finditer(sentence.text):
            part_value, whole_value = Decimal(found[1].replace(",", "")), Decimal(found[2].replace(",", ""))
            start, end = sentence.start + found.start(), sentence.start + found.end()
            in_sentence = [p for p in placed if p.sentence == index]
            part = _claim_at(in_sentence, start, start + len(found[1]))
            whole = _claim_at(in_sentence, end - len(found[2]), end)
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
            for stated in (p for p in in_sentence if p.claim.kind == "percent"):
                checks.append(_against_percent(pair_text, share, stated, counts))
    return checks


def _claim_at(claims: list[PlacedClaim], start: int, end: int) -> Optional[PlacedClaim]:
    """The count whose span covers the number at [start, end) (not a year: "3 of the firm's 2024 targets")."""
    for placed in claims:
        if placed.claim.start < end and start < placed.claim.end and placed.claim.kind in ("number", "quantity"):
            return placed
    return None


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
    counted: dict[int, list[PlacedClaim]] = {}
    for placed in context.placed:
        if placed.claim.kind in ("number", "quantity") and interval(placed.claim):
            counted.setdefault(placed.sentence, []).append(placed)
    checks = []
    for index, members in counted.items():
        sentence = context.sentences[index]
        members.sort(key=lambda p: p.claim.start)
        for mark in _INCLUDING.finditer(sentence.text):
            start, end = sentence.start + mark.start(), sentence.start + mark.end()
            before = [m for m in members if m.claim.end <= start]
            if not before or start - before[-1].claim.end > _WHOLE_REACH:
                continue
            whole, parts = before[-1], _listed_from(members, end, sentence)
            if parts and all(same_dimension(p.claim, whole.claim) for p in parts):
                checks.append(_part_of_whole(whole, parts))
    return checks


def _listed_from(members: list[PlacedClaim], start: int, sentence) -> list[PlacedClaim]:
    """The counts listed from ``start`` on: "three children and two officers"."""
    parts: list[PlacedClaim] = []
    for member in members:
        if member.claim.start < start:
            continue
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
