"""Parts told with their whole in one sentence: "31 of the 40 passengers", "Of the 40 passengers on board,
25 were rescued". Two reports that give one whole ("40 passengers" in both) and a part of it each are
comparable through the part, though the part names no noun of its own ("25", "31")."""
from __future__ import annotations

import re
from typing import Sequence

from fact_review.model import Claim

# "Of the <whole> ...,": a whole opening its clause, before the comma that ends it.
WHOLE_OPENS = re.compile(r"(?:^|[,;:]\s*)of\s+(?:the\s+|all\s+|its\s+|their\s+|these\s+|those\s+)?$", re.I)
# Searched in the characters before the whole only: its few words fit, and a search of the whole
# sentence's beginning for every count in it grew with the square of the sentence.
WHOLE_OPENS_REACH = 120
# From a whole that opens its clause to the first part after it ("on board, 25").
TO_FIRST_PART = re.compile(r"[^,;.\d]*,\s*")
# "<part> of [the] <whole>": the part right before its whole.
_PART_BEFORE_WHOLE = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|all\s+|its\s+|their\s+|his\s+|her\s+)?", re.I)


def whole_opens_at(text: str, position: int) -> bool:
    """Whether the claim at ``position`` of ``text`` is a whole opening its clause ("Of the 46 people")."""
    return WHOLE_OPENS.search(text, max(0, position - WHOLE_OPENS_REACH), position) is not None


def parts_of_wholes(text: str, offset: int, claims: Sequence[Claim]) -> dict[int, int]:
    """For each claim told as a part of another claim of the sentence (``text`` at ``offset``), the index
    of that whole: "31 of the 40 passengers" (the part first) and "Of the 40 passengers on board, 25 were
    rescued" (the first count after the whole's clause)."""
    found: dict[int, int] = {}
    order = sorted(range(len(claims)), key=lambda k: claims[k].start)
    for before, after in zip(order, order[1:]):
        first, second = claims[before], claims[after]
        gap = text[first.end - offset:second.start - offset]
        if _PART_BEFORE_WHOLE.fullmatch(gap):
            found[before] = after
        elif whole_opens_at(text, first.start - offset) and TO_FIRST_PART.fullmatch(gap):
            found[after] = before
    return found
