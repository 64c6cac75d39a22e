"""Linking the statements of a case: every sentence against the sentences of the other articles.

A long sentence often packs several statements ("as Putin travelled to Kursk ..., Ukraine tried to attack
his helicopter"), so its clauses are matched as well, and a pair of sentences is linked by the best
of their sentence or clause pairs.

Direct links are scored pairs at or above the suggestion threshold. Statements that both match a third
statement are suggested too (news restates its core event in many words; two restatements of it may
share little with each other but much with a third): such a link scores as its weaker side and stays
a suggestion.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import combinations
from typing import Sequence

from fact_review.matching.candidates import candidate_pairs
from fact_review.matching.features import SentenceProfile, profile_sentence
from fact_review.matching.lexical import lexical_similarity
from fact_review.matching.numeric import best_pairings, case_relation
from fact_review.matching.rarity import Rarity
from fact_review.matching.scoring import SUGGESTED, statement_score, tier
from fact_review.model import AnalysedArticle, Claim, Match, Span

MIN_SHARED_TERMS = 2  # one shared word ("Wednesday.") is a coincidence, not a statement
MUTUAL_FLOOR = 0.25
MUTUAL_SHARED = 3
LONG_SENTENCE_TERMS = 1000  # a sentence with this many content terms is matched clause by clause too
MIN_CLAUSE_TERMS = 4
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013]|\s-\s")
NEIGHBOURS_FOR_CLOSURE = 20  # per sentence: its best direct links propose links between each other


@dataclass(frozen=True)
class CaseSentence:
    article: int
    start: int
    end: int
    text: str
    profile: SentenceProfile
    sentence: int = -1  # for a clause: the index of its sentence in the case
    @property
    def span(self) -> Span:
        return Span(self.article, self.start, self.end)

    @property
    def claims(self) -> tuple[Claim, ...]:
        return self.profile.claims


def case_sentences(articles: Sequence[AnalysedArticle]) -> list[CaseSentence]:
    """Every sentence of the case with its profile and the claims that start inside it."""
    result = []
    for index, analysed in enumerate(articles):
        text = analysed.article.text
        starts = [s.start for s in analysed.sentences]
        claims_of: list[list[Claim]] = [[] for _ in analysed.sentences]
        for claim in analysed.claims:
            position = bisect_right(starts, claim.start) - 1
            if position >= 0 and claim.start < analysed.sentences[position].end:
                claims_of[position].append(claim)
        for sentence, claims in zip(analysed.sentences, claims_of):
            piece = text[sentence.start:sentence.end]
            result.append(CaseSentence(index, sentence.start, sentence.end, piece, profile_sentence(piece, claims)))
    return result


def statement_units(sentences: Sequence[CaseSentence]) -> list[CaseSentence]:
    """The sentences, each with its own index, and the clauses of the long ones."""
    units = []
    for index, sentence in enumerate(sentences):
        units.append(CaseSentence(sentence.article, sentence.start, sentence.end, sentence.text, sentence.profile, index))
        if len(sentence.profile.terms) >= LONG_SENTENCE_TERMS:
            units.extend(_clauses(sentence, index))
    return units


def _clauses(sentence: CaseSentence, index: int) -> list[CaseSentence]:
    clauses, cursor = [], 0
    for stop in [m.start() for m in _CLAUSE_BREAK.finditer(sentence.text)] + [len(sentence.text)]:
        piece = sentence.text[cursor:stop]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        start = sentence.start + cursor + lead
        cursor = stop + 1
        claims = [c for c in sentence.claims if start <= c.start < start + len(piece)]
        profile = profile_sentence(piece, claims)
        if len(profile.terms) >= MIN_CLAUSE_TERMS:
            clauses.append(CaseSentence(sentence.article, start, start + len(piece), piece, profile, index))
    return clauses if len(clauses) > 1 else []


@dataclass(frozen=True)
class Link:
    match: Match
    sentences: tuple[int, int]  # the two linked sentences, as indices into the case's sentences


def link_statements(sentences: Sequence[CaseSentence]) -> list[Link]:
    """Links between sentences of different articles, best first."""
    rarity = Rarity(s.profile.terms for s in sentences)
    best = _best_unit_pairs(statement_units(sentences), rarity)
    scored = {pair: score for pair, (score, _, _) in best.items()}
    direct = {pair: score for pair, score in scored.items() if score >= SUGGESTED}
    scores = dict(direct)
    for pair, score in _closure(direct, sentences).items():
        scores.setdefault(pair, score)
    if MUTUAL_FLOOR:
        for pair in _mutual_best(scored, sentences):
            if scored[pair] >= MUTUAL_FLOOR and len(sentences[pair[0]].profile.terms & sentences[pair[1]].profile.terms) >= MUTUAL_SHARED:
                scores.setdefault(pair, scored[pair])
    links = []
    for (i, j), score in scores.items():
        unit_a, unit_b = best[(i, j)][1:] if (i, j) in best else (sentences[i], sentences[j])
        match = Match(
            a=unit_a.span,
            b=unit_b.span,
            score=score,
            tier=tier(score) if (i, j) in direct else "suggested",
            numeric=numeric_relation(unit_a.claims, unit_b.claims),
        )
        links.append(Link(match, (i, j)))
    links.sort(key=lambda link: (-link.match.score, link.sentences))
    return links


def _best_unit_pairs(units: Sequence[CaseSentence], rarity: Rarity) -> dict[tuple[int, int], tuple[float, CaseSentence, CaseSentence]]:
    """For each pair of sentences, the best score of their sentence or clause pairs, with those units."""
    pairs = [
        (units[i], units[j])
        for i, j in candidate_pairs([u.profile.terms for u in units], [u.article for u in units])
        if len(units[i].profile.terms & units[j].profile.terms) >= MIN_SHARED_TERMS
    ]
    lexical = lexical_similarity([a.text for a, _ in pairs], [b.text for _, b in pairs])
    best: dict[tuple[int, int], tuple[float, CaseSentence, CaseSentence]] = {}
    for (a, b), surface in zip(pairs, lexical):
        if a.sentence > b.sentence:
            a, b = b, a
        score = statement_score(a.profile, b.profile, rarity, surface)
        key = (a.sentence, b.sentence)
        if score > best.get(key, (-1.0,))[0]:
            best[key] = (score, a, b)
    return best


def _mutual_best(scored: dict[tuple[int, int], float], sentences: Sequence[CaseSentence]) -> list[tuple[int, int]]:
    """Pairs that are each other's best match in the other's article (the classic alignment rule)."""
    best: dict[tuple[int, int], tuple[float, int]] = {}
    for (i, j), score in scored.items():
        for me, other in ((i, j), (j, i)):
            key = (me, sentences[other].article)
            if score > best.get(key, (0.0, -1))[0]:
                best[key] = (score, other)
    return [
        (i, j) for (i, j) in scored
        if best.get((i, sentences[j].article), (0, -1))[1] == j and best.get((j, sentences[i].article), (0, -1))[1] == i
    ]


def _closure(direct: dict[tuple[int, int], float], sentences: Sequence[CaseSentence]) -> dict[tuple[int, int], float]:
    neighbours: dict[int, list[tuple[float, int]]] = {}
    for (i, j), score in direct.items():
        neighbours.setdefault(i, []).append((score, j))
        neighbours.setdefault(j, []).append((score, i))
    proposed: dict[tuple[int, int], float] = {}
    for linked in neighbours.values():
        best = sorted(linked, reverse=True)[:NEIGHBOURS_FOR_CLOSURE]
        for (score_x, x), (score_y, y) in combinations(best, 2):
            if sentences[x].article == sentences[y].article:
                continue
            key = (min(x, y), max(x, y))
            weaker = min(score_x, score_y)
            if weaker > proposed.get(key, 0.0):
                proposed[key] = weaker
    return proposed


def numeric_relation(left: Sequence[Claim], right: Sequence[Claim]) -> str:
    """How the figures of two matched statements relate: any conflict wins, then compatible, then agree."""
    return case_relation([comparison.relation for _, _, comparison in best_pairings(left, right)])
