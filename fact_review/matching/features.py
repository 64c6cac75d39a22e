"""What matching looks at in one sentence: its content words, the names, numbers and dates it mentions.

News reports of *different* events of the same type share most of their vocabulary ("earthquake",
"magnitude", "killed"); they part ways on names, places, numbers and dates, so those are kept apart.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from fact_review.matching.words import MONTH_ABBREVIATIONS, MONTHS, STOPWORDS, TOKEN, WEEKDAYS, stem
from fact_review.model import Claim

_TITLE_CASE_SHARE = 0.6  # a line where most words are capitalised is a headline: capitals say nothing there


@dataclass(frozen=True)
class SentenceProfile:
    words: frozenset[str]  # stems of content words, names included
    names: frozenset[str]  # stems of capitalised words that are not merely sentence-initial
    numbers: frozenset[str]  # numbers written with digits, separators removed; years are dates
    dates: frozenset[str]  # "year:2011", "month:may", "weekday:tuesday", resolved claim dates "2025-05-25"
    claims: tuple[Claim, ...] = field(default=())

    @property
    def terms(self) -> frozenset[str]:
        """Everything that can be shared: words, and numbers and dates prefixed so they never meet a word."""
        return self.words | {f"#{n}" for n in self.numbers} | {f"@{d}" for d in self.dates}


def profile_sentence(text: str, claims: Iterable[Claim] = (), offset: int = 0) -> SentenceProfile:
    """The profile of ``text``; ``claims`` are the claims inside it, with offsets ``offset`` ahead of it."""
    claims = tuple(claims)
    dated = [(c.start - offset, c.end - offset) for c in claims if c.kind == "date"]
    counted = [(c.start - offset, c.end - offset) for c in claims if c.kind != "date" and c.value is not None]
    found = [m for m in TOKEN.finditer(text) if not _inside(m.start(), dated)]  # "April 26" is a date only
    tokens = [m.group() for m in found]
    alpha = [t for t in tokens if not t[0].isdigit()]
    capitalised = [t for t in alpha if t[0].isupper() and t.lower() not in STOPWORDS]
    content = [t for t in alpha if t.lower() not in STOPWORDS]
    title_case = len(content) >= 3 and len(capitalised) >= _TITLE_CASE_SHARE * len(content)

    words, names, numbers, dates = set(), set(), set(), set()
    for position, match in enumerate(found):
        token = match.group()
        if token[0].isdigit():
            plain = token.replace(",", "")
            if len(plain) == 4 and plain.isdigit() and 1900 <= int(plain) <= 2099:
                dates.add(f"year:{plain}")
            elif not _inside(match.start(), counted):  # a claim's figure comes from its value below
                numbers.add(plain)
            continue
        lower = token.lower()
        date = _date_word(token, lower)
        if date:
            dates.add(date)
            continue
        if lower in STOPWORDS or len(lower) < 2:
            continue
        stemmed = stem(lower)
        words.add(stemmed)
        if token[0].isupper() and position > 0 and not title_case:
            names.add(stemmed)
    for claim in claims:
        if claim.kind == "date":
            if claim.date:
                dates.add(claim.date)
        elif claim.value is not None:
            numbers.add(format(claim.value.normalize(), "f"))  # "two" and "2" are one figure
    return SentenceProfile(frozenset(words), frozenset(names), frozenset(numbers), frozenset(dates), claims)


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _date_word(token: str, lower: str) -> str | None:
    if lower in WEEKDAYS:
        return f"weekday:{lower}"
    if not token[0].isupper():  # "may" the verb, "march" the walk
        return None
    if lower in MONTHS:
        return f"month:{lower}"
    if lower in MONTH_ABBREVIATIONS:
        return f"month:{MONTH_ABBREVIATIONS[lower]}"
    return None
