"""A small deterministic stand-in for the analysis pipeline, so store tests do not depend on the
extractor's and matcher's accuracy: every number is a claim (one-digit numbers are context, not worth
checking), sentences end at ". ", and two claims in different articles followed by the same word are checked
against each other."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Sequence

from fact_review.model import (
    AnalysedArticle,
    Article,
    CaseAnalysis,
    Check,
    CheckedClaim,
    Claim,
    Match,
    Sentence,
    Span,
)

NUMBER = re.compile(r"\d+(?:\.\d+)?")
NEXT_WORD = re.compile(r"\s*(\w+)")


def fake_analyse(article: Article) -> AnalysedArticle:
    text = article.text
    sentences, start = [], 0
    for found in re.finditer(r"\. |\n", text):
        if found.end() > start:
            sentences.append(Sentence(start, found.end()))
        start = found.end()
    if start < len(text):
        sentences.append(Sentence(start, len(text)))
    claims = []
    for found in NUMBER.finditer(text):
        word = NEXT_WORD.match(text, found.end())
        claims.append(Claim(found.start(), found.end(), found.group(), "number", value=Decimal(found.group()),
                            noun=word.group(1) if word else None, check_worthy=len(found.group()) > 1,
                            why="a count" if len(found.group()) > 1 else "one digit"))
    return AnalysedArticle(article, tuple(sentences), tuple(claims))


def _sentence_of(article: AnalysedArticle, offset: int) -> Sentence:
    return next(s for s in article.sentences if s.start <= offset < s.end)


def fake_match(articles: Sequence[AnalysedArticle]) -> CaseAnalysis:
    matches, checks = [], []
    for i, a in enumerate(articles):
        for j in range(i + 1, len(articles)):
            b = articles[j]
            for ca in a.claims:
                for cb in b.claims:
                    if ca.noun is None or ca.noun != cb.noun:
                        continue
                    status = "agree" if ca.value == cb.value else "conflict"
                    sa, sb = _sentence_of(a, ca.start), _sentence_of(b, cb.start)
                    matches.append(Match(Span(i, sa.start, sa.end), Span(j, sb.start, sb.end), 0.9, "confident",
                                         status))
                    checks.append(Check("value", status, (CheckedClaim(i, ca), CheckedClaim(j, cb)),
                                        f"{ca.text} {ca.noun} vs {cb.text} {cb.noun}"))
    return CaseAnalysis(tuple(articles), tuple(matches), tuple(checks))
