"""Share checks: "45 of 69" against a percentage stated with it, and a part that exceeds its whole."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional

from fact_review.matching.checks.context import CheckContext, PlacedClaim
from fact_review.matching.checks.wording import number, percent, quoted
from fact_review.matching.numeric import interval, nominal
from fact_review.model import Check, CheckedClaim

_PART_OF_WHOLE = re.compile(
    r"(?<![\d.,])(\d[\d,]*)\s+(?:out\s+)?of\s+(?:the\s+|all\s+|its\s+|their\s+)?(\d[\d,]*)(?![\d.,]*\d)"
)


def share_checks(context: CheckContext) -> list[Check]:
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
    """The claim whose span covers the number at [start, end)."""
    for placed in claims:
        if placed.claim.start < end and start < placed.claim.end and placed.claim.kind != "percent":
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
                 f"{pair_text} is {percent(share)}, but {said} is stated ({number(gap)} points apart).")
