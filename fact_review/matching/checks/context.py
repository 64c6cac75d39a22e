"""What every check needs to know about the case: the claims with their sentences and article names."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Sequence

from fact_review.matching.statements import CaseSentence
from fact_review.model import AnalysedArticle, CheckedClaim, Claim
from fact_review.sources import source_name


@dataclass(frozen=True, slots=True)
class PlacedClaim:
    sentence: int  # index into CheckContext.sentences
    article: int
    claim: Claim

    def checked(self) -> CheckedClaim:
        return CheckedClaim(self.article, self.claim)


@dataclass(frozen=True)
class CheckContext:
    articles: Sequence[AnalysedArticle]
    sentences: Sequence[CaseSentence]
    date_notes: dict[int, str] = field(default_factory=dict)  # article -> how its dates were read

    @cached_property
    def placed(self) -> tuple[PlacedClaim, ...]:
        """Every claim of the case with its sentence, in order."""
        return tuple(
            PlacedClaim(index, sentence.article, claim)
            for index, sentence in enumerate(self.sentences)
            for claim in sentence.claims
        )

    @cached_property
    def by_sentence(self) -> dict[int, list[PlacedClaim]]:
        """The claims of each sentence that has any, in order of position."""
        grouped: dict[int, list[PlacedClaim]] = {}
        for placed in self.placed:
            grouped.setdefault(placed.sentence, []).append(placed)
        return grouped

    @cached_property
    def _paragraphs(self) -> tuple[int, ...]:
        numbers, previous, paragraph = [], None, -1
        for sentence in self.sentences:
            text = self.articles[sentence.article].article.text
            if previous is None or previous.article != sentence.article or "\n" in text[previous.end:sentence.start]:
                paragraph += 1
            numbers.append(paragraph)
            previous = sentence
        return tuple(numbers)

    def paragraph(self, sentence: int) -> int:
        """The paragraph (a line of its article's text) of a sentence, numbered across the case."""
        return self._paragraphs[sentence]

    def where(self, placed: PlacedClaim) -> str:
        """How an explanation names the article of a claim."""
        return source_name(self.articles[placed.article].article, placed.article)

    def date_note(self, *placed: PlacedClaim) -> str:
        notes = sorted({self.date_notes[p.article] for p in placed if p.article in self.date_notes})
        return (" " + " ".join(notes)) if notes else ""
