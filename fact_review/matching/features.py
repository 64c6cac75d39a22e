"""What matching looks at in one sentence: its content words, and the numbers and dates it mentions.

News reports of *different* events of the same type share most of their vocabulary ("earthquake",
"magnitude", "killed"); they part ways on names, places, numbers and dates. Names and places are content
words whose rarity within the case (``rarity``) makes them count; numbers and dates are kept apart so that
figures that disagree can be told from figures that are merely absent.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from fact_review.matching.words import MONTH_ABBREVIATIONS, MONTHS, STOPWORDS, TOKEN, WEEKDAYS, stem
from fact_review.model import Claim

# Words naming a date, and whether they need a capital to be one ("may" the verb, "march" the walk).
_DATE_WORDS = {
    **{name: (f"month:{name}", True) for name in MONTHS},
    **{short: (f"month:{name}", True) for short, name in MONTH_ABBREVIATIONS.items()},
    **{day: (f"weekday:{day}", False) for day in WEEKDAYS},
}


@dataclass(frozen=True)
class SentenceProfile:
    words: frozenset[str]  # stems of content words
    numbers: frozenset[str]  # figures: claim values ("two" gives "2") and other numbers written with digits
    dates: frozenset[str]  # resolved claim dates "2025-05-25", and "year:2011", "month:may", "weekday:tuesday"
    claims: tuple[Claim, ...] = field(default=())
    # Everything that can be shared: words, and numbers and dates marked so that they never meet a word.
    terms: frozenset[str] = field(init=False)
    claim_dates: tuple[str, ...] = field(init=False)  # the resolved dates of its date claims

    def __post_init__(self) -> None:
        terms = self.words | {f"#{n}" for n in self.numbers} | {f"@{d}" for d in self.dates}
        object.__setattr__(self, "terms", frozenset(terms))
        object.__setattr__(self, "claim_dates", tuple(c.date for c in self.claims if c.kind == "date" and c.date))


def profile_sentence(text: str, claims: Iterable[Claim] = (), offset: int = 0) -> SentenceProfile:
    """The profile of ``text``; ``claims`` are the claims inside it, with offsets ``offset`` ahead of it."""
    claims = tuple(claims)
    dated = [(c.start - offset, c.end - offset) for c in claims if c.kind == "date"]
    counted = [(c.start - offset, c.end - offset) for c in claims if c.kind != "date" and c.value is not None]
    words, numbers, dates = set(), set(), set()
    for match in TOKEN.finditer(text):
        if dated and _inside(match.start(), dated):  # "April 26" is a date, taken from its claim below
            continue
        token = match.group()
        if token[0].isdigit():
            plain = token.replace(",", "")
            if len(plain) == 4 and plain.isdigit() and 1900 <= int(plain) <= 2099:
                dates.add(f"year:{plain}")
            elif not counted or not _inside(match.start(), counted):  # a claim's figure is its value, below
                numbers.add(plain)
            continue
        lower = token.lower()
        date_word = _DATE_WORDS.get(lower)
        if date_word and (token[0].isupper() or not date_word[1]):
            dates.add(date_word[0])
        elif lower not in STOPWORDS and len(lower) > 1:
            words.add(stem(lower))
    for claim in claims:
        if claim.kind == "date":
            if claim.date:
                dates.add(claim.date)
        elif claim.value is not None:
            numbers.add(format(claim.value.normalize(), "f"))  # "two" and "2" are one figure
    return SentenceProfile(frozenset(words), frozenset(numbers), frozenset(dates), claims)


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)
