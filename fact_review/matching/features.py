"""What matching looks at in one sentence: its content words, and the numbers and dates it mentions.

News reports of *different* events of the same type share most of their vocabulary ("earthquake",
"magnitude", "killed"); they part ways on names, places, numbers and dates. Names and places are content
words whose rarity within the case (``rarity``) makes them count; numbers and dates are kept apart so that
figures that disagree can be told from figures that are merely absent. Words that outlets swap for one
another ("chopper", "helicopter") are read as one (``lexicon``), and a long sentence also keeps the terms
of each of its clauses, since it may share only one of them with another report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from fact_review.matching.lexicon import PHRASE_STARTS, concept, phrase
from fact_review.matching.numeric import dimension, head_noun
from fact_review.matching.words import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    STOPWORDS,
    TOKEN,
    WEEKDAYS,
    stem,
)
from fact_review.model import Claim
from fact_review.span_lookup import SpanLookup

# Words naming a date, and whether they need a capital to be one ("may" the verb, "march" the walk).
_DATE_WORDS = {
    **{name: (f"month:{name}", True) for name in MONTHS},
    **{short: (f"month:{name}", True) for short, name in MONTH_ABBREVIATIONS.items()},
    **{day: (f"weekday:{day}", False) for day in WEEKDAYS},
}


# A long sentence often carries the shared statement in one of its clauses, among other material
# ("..., as Putin travelled to Kursk for the first time since its liberation, ..."): its clauses are
# compared too. A clause is text between commas, semicolons, colons, dashes or brackets, with at least
# this many terms (shorter runs, such as the items of a list, join the clause that follows them).
MIN_CLAUSE_TERMS = 7
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s")
# Addresses and handles ("pic.twitter.com/4k08", "@RT_com") are not prose: their pieces are not words.
# A web address is the whole run of non-spaces around one of these; a handle is "@name". Found run by run:
# "\S*(?:https?://|...)\S*" tried every start of a long run without one (16 KB of "%28" took 5 s).
_ADDRESS_MARK = re.compile(r"https?://|www\.|\w\.(?:com|org|net)/", re.I)
_RUN = re.compile(r"\S+")
_HANDLE = re.compile(r"(?<!\w)@\w+")


def _addresses(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the web addresses and handles in ``text``, in one pass."""
    for run in _RUN.finditer(text):
        if _ADDRESS_MARK.search(run.group()):
            yield run.span()
        elif "@" in run.group():
            yield from (found.span() for found in _HANDLE.finditer(text, run.start(), run.end()))


@dataclass(frozen=True)
class SentenceProfile:
    words: frozenset[str]  # stems of content words (a lexicon group's term for its words: ``lexicon``)
    numbers: frozenset[str]  # figures: claim values ("two" gives "2") and other numbers written with digits
    dates: frozenset[str]  # resolved claim dates "2025-05-25", and "year:2011", "month:may", "weekday:tuesday"
    claims: tuple[Claim, ...] = field(default=())
    clauses: tuple[frozenset[str], ...] = field(default=())  # the terms of each clause, when it has two or more
    names: frozenset[str] = field(default=frozenset())  # the words written with a capital inside the sentence ("Ostvik")
    # What its figures count, with the figure: ("missile|", "#69") for "69 missiles" (``counted_figures``).
    counted: tuple[tuple[str, str], ...] = field(default=())
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
    dates = [(c.start - offset, c.end - offset) for c in claims if c.kind == "date"]  # and addresses:
    if "/" in text or "@" in text or "www." in text:  # spares the search in almost every sentence
        dates += _addresses(text)
    skipped = SpanLookup(dates)
    counted = SpanLookup((c.start - offset, c.end - offset) for c in claims if c.kind != "date" and c.value is not None)
    placed: list[tuple[int, str]] = []  # (where, term): terms in text order, to cut into clauses
    names: set[str] = set()
    previous = ""  # the word before, for two-word phrases ("pushed back")
    for match in TOKEN.finditer(text):
        if match.start() in skipped:  # "April 26" is a date, taken from its claim below
            continue
        token = match.group()
        current = stem(token)
        group = phrase(previous, current) if previous in PHRASE_STARTS else None
        if group:  # the phrase stands for both its words
            if placed and placed[-1][1] == concept(previous):
                placed.pop()
            placed.append((match.start(), group))
        else:
            term = _term(token, current, match.start(), counted)
            if term:
                placed.append((match.start(), term))
                if placed[0][0] < match.start() and token[0].isupper() and term[0] not in "#@":
                    names.add(term)
        previous = current
    for claim in claims:
        if claim.kind == "date":
            if claim.date:
                placed.append((claim.start - offset, f"@{claim.date}"))
        elif claim.value is not None:
            placed.append((claim.start - offset, f"#{format(claim.value.normalize(), 'f')}"))  # "two" is "2"
    words = {t for _, t in placed if t[0] not in "#@"}
    numbers = {t[1:] for _, t in placed if t[0] == "#"}
    dates = {t[1:] for _, t in placed if t[0] == "@"}
    clauses = _clauses(placed, [m.start() for m in _CLAUSE_BREAK.finditer(text)])
    return SentenceProfile(frozenset(words), frozenset(numbers), frozenset(dates), claims, clauses, frozenset(names),
                           counted_figures(claims))


def counted_figures(claims: Iterable[Claim]) -> tuple[tuple[str, str], ...]:
    """For each figure that counts or measures a named thing, the thing (head noun and dimension) and the
    figure's term: two sentences that give this thing different figures state the same fact differently."""
    return tuple(
        (f"{noun}|{dimension(claim) or ''}", f"#{format(claim.value.normalize(), 'f')}")
        for claim in claims
        if claim.kind != "date" and claim.value is not None and (noun := head_noun(claim))
    )


def _term(token: str, token_stem: str, position: int, counted: SpanLookup) -> str | None:
    """What a token contributes: a word, "#" and a figure, "@" and a date, or nothing."""
    if token[0].isdigit():
        plain = token.replace(",", "")
        if len(plain) == 4 and plain.isdigit() and 1900 <= int(plain) <= 2099:
            return f"@year:{plain}"
        if position in counted:  # a claim's figure is its value, added from the claim
            return None
        return f"#{plain}"
    lower = token.lower()
    date_word = _DATE_WORDS.get(lower)
    if date_word and (token[0].isupper() or not date_word[1]):
        return f"@{date_word[0]}"
    if lower not in STOPWORDS and len(lower) > 1:
        return concept(token_stem)
    return None


def _clauses(placed: list[tuple[int, str]], breaks: list[int]) -> tuple[frozenset[str], ...]:
    """The terms of each clause (``placed`` cut at ``breaks``), or none when there is only one."""
    if not breaks:
        return ()
    placed.sort()
    clauses: list[set[str]] = []
    current: set[str] = set()
    cut = 0
    for position, term in placed:
        while cut < len(breaks) and position >= breaks[cut]:
            cut += 1
            if len(current) >= MIN_CLAUSE_TERMS:
                clauses.append(current)
                current = set()
        current.add(term)
    if len(current) >= MIN_CLAUSE_TERMS or not clauses:
        clauses.append(current)
    else:
        clauses[-1] |= current
    return tuple(frozenset(c) for c in clauses) if len(clauses) > 1 else ()

