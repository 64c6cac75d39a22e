"""Linking the statements of a case: every sentence against the sentences of the other articles.

Direct links are scored pairs at or above the suggestion threshold. Statements that both match a third
statement, and share telling terms themselves, are suggested too (news restates its core event in many
words; two restatements of it may share little with each other but much with a third): such a link
scores as its weaker side and stays a suggestion. Below the threshold, two statements that are each
other's best match across their articles are suggested when they share enough. Two statements worded
alike apart from their figures score at least as their wording (``scoring.same_wording``), so that the
figures of a confident link are compared, disagreements included.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import combinations
from typing import Sequence

from fact_review.matching.candidates import candidate_pairs
from fact_review.matching.features import SentenceProfile, profile_sentence
from fact_review.matching.lexical import lexical_similarity
from fact_review.matching.claim_words import begin_and_end, counts_a_part, tell_apart, words_around
from fact_review.matching.numeric import (NEAR, Comparison, best_pairings, case_relation, compare, head_noun,
                                          nominal_difference)
from fact_review.matching.rarity import Rarity
from fact_review.matching.scoring import (SUGGESTED, best_possible, content_score, link_score, names_differ, same_wording,
                                          shared_slots, tier)
from fact_review.matching.wholes import parts_of_wholes
from fact_review.model import AnalysedArticle, Claim, Match, Span

MIN_SHARED_TERMS = 2  # telling terms; one shared word ("Wednesday.") is a coincidence, not a statement
# A link needs more: three terms in common (a figure slot counts: ``scoring.shared_slots``), between
# sentences of four terms or more, unless they say the very same. Shorter ones ("She was 85.", "Police
# said.") and pairs that share two terms are right about one time in twenty on the dev ECB+ clusters.
MIN_LINK_TERMS = 3
MIN_SENTENCE_TERMS = 4
# Below the suggestion threshold, a pair that is each other's best match across their two articles is
# still suggested when it shares this much: what one report says in other words than another.
MUTUAL_FLOOR = 0.25
MUTUAL_SHARED_TERMS = 5
LOWEST_LINK = min(SUGGESTED, MUTUAL_FLOOR)
NEIGHBOURS_FOR_CLOSURE = 20  # per sentence: its best direct links propose links between each other


@dataclass(frozen=True)
class CaseSentence:
    article: int
    start: int
    end: int
    text: str
    claims: tuple[Claim, ...]  # the claims that start inside it

    @cached_property  # each sentence comes in many links
    def span(self) -> Span:
        return Span(self.article, self.start, self.end)

    @cached_property
    def profile(self) -> SentenceProfile:
        """Made when the sentence is first compared with another article's: the profiles are most of what
        matching holds in memory, and a case of one article compares nothing."""
        return profile_sentence(self.text, self.claims, self.start)

    @cached_property  # each sentence comes in many links
    def parts(self) -> dict[int, int]:
        """Its claims told as parts of another of its claims, by index (``wholes.parts_of_wholes``)."""
        return parts_of_wholes(self.text, self.start, self.claims) if len(self.claims) > 1 else {}

    @property
    def names(self) -> frozenset[str]:
        """The names it mentions, without keeping a profile that no comparison has asked for (a case of
        one article needs only these: its kept profiles took 180 MB for a 5 MB article)."""
        kept = self.__dict__.get("profile")
        return (kept or profile_sentence(self.text, self.claims, self.start)).names


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
            result.append(CaseSentence(index, sentence.start, sentence.end, text[sentence.start:sentence.end],
                                       tuple(claims)))
    return result


@dataclass(frozen=True)
class Link:
    match: Match
    sentences: tuple[int, int]  # the two linked sentences, as indices into the case's sentences
    pairings: tuple[tuple[int, int, Comparison], ...] = ()  # their comparable claims, by index in each


def link_statements(sentences: Sequence[CaseSentence]) -> list[Link]:
    """Links between sentences of different articles, best first."""
    if len({sentence.article for sentence in sentences}) < 2:
        return []  # nothing to link, and no profile to make
    scored, by_clause = _scored_pairs(sentences)
    direct = {pair: score for pair, score in scored.items() if score >= SUGGESTED}
    scores = dict(direct)
    for pair, score in _closure(_whole_sentence_links(direct, by_clause), sentences).items():
        if scored.get(pair, 0.0) > 0.0:  # the two share telling terms themselves, and no figure disagrees
            scores.setdefault(pair, score)
    # A pair below the floor never outscores one above it, so leaving it out changes no pair's standing.
    for pair, score in _mutual_best({p: s for p, s in scored.items() if s >= MUTUAL_FLOOR}, sentences):
        shared = sentences[pair[0]].profile.terms & sentences[pair[1]].profile.terms
        if len(shared) >= MUTUAL_SHARED_TERMS:
            scores.setdefault(pair, score)
    links = []
    for (i, j), score in scores.items():
        if not _says_enough(sentences[i].profile, sentences[j].profile):
            continue
        # Statements that name different people or places may tell of two events of one kind: a link
        # between them stays a suggestion, whose far-apart figures are not taken for a disagreement.
        confirmable = (i, j) in direct and not names_differ(sentences[i].profile, sentences[j].profile)
        level = tier(score) if confirmable else "suggested"
        far_conflicts = level == "confident"
        paired = best_pairings(sentences[i].claims, sentences[j].claims, far_conflicts=far_conflicts)
        paired += _parts_of_one_whole(sentences[i], sentences[j], paired, far_conflicts)
        pairings = tuple(_same_things(sentences[i], sentences[j], paired))
        match = Match(
            a=sentences[i].span,
            b=sentences[j].span,
            score=score,
            tier=level,
            numeric=case_relation([comparison.relation for _, _, comparison in pairings]),
        )
        links.append(Link(match, (i, j), pairings))
    links.sort(key=lambda link: (-link.match.score, link.sentences))
    return links


Scores = dict[tuple[int, int], float]


def _same_things(a: CaseSentence, b: CaseSentence, pairings: list[tuple[int, int, Comparison]]
                 ) -> list[tuple[int, int, Comparison]]:
    """The pairings, less far-apart figures whose surrounding words differ entirely: "police arrested 12
    people" and "drew a crowd of 30,000 people" count different people, not one count told two ways. A
    figure that counts a part ("two other victims", "three more bodies") contradicts no whole, and the date
    something began on contradicts no date it ended on."""
    kept = []
    for i, j, comparison in pairings:
        x, y = a.claims[i], b.claims[j]
        if comparison.relation == "conflict" and (counts_a_part(x) or counts_a_part(y)):
            continue
        far = comparison.relation == "conflict" and (x.kind == "date" or nominal_difference(x, y) > NEAR)
        if far:
            x_words, y_words = words_around(a.text, a.start, x), words_around(b.text, b.start, y)
            if tell_apart(x_words, y_words) or (x.kind == "date" and begin_and_end(x_words, y_words)):
                continue
        kept.append((i, j, comparison))
    return kept


def _parts_of_one_whole(a: CaseSentence, b: CaseSentence, paired: list[tuple[int, int, Comparison]],
                        far_conflicts: bool) -> list[tuple[int, int, Comparison]]:
    """Pairings of parts told with a whole that both statements give alike: "Of the 40 passengers on board,
    25 were rescued" and "Fishermen rescued 31 of the 40 passengers" disagree about the rescued, though
    "25" and "31" name no noun. Only a part that is no other pairing's, of a whole paired as agreeing."""
    parts_a, parts_b = a.parts, b.parts
    if not parts_a or not parts_b:
        return []
    used_a, used_b = {i for i, _, _ in paired}, {j for _, j, _ in paired}
    part_of_a = {whole: part for part, whole in parts_a.items()}
    part_of_b = {whole: part for part, whole in parts_b.items()}
    found = []
    for whole_a, whole_b, comparison in paired:
        if comparison.relation != "agree" or whole_a not in part_of_a or whole_b not in part_of_b:
            continue
        i, j = part_of_a[whole_a], part_of_b[whole_b]
        x, y = a.claims[i], b.claims[j]
        if i in used_a or j in used_b or head_noun(x) or head_noun(y):
            continue
        counted = compare(x, y, counted_alike=True)
        far = counted.relation == "conflict" and nominal_difference(x, y) > NEAR
        if counted.comparable and (far_conflicts or not far):
            found.append((i, j, counted))
    return found


def _says_enough(a: SentenceProfile, b: SentenceProfile) -> bool:
    if a.terms == b.terms:
        return True  # the same statement, however short (a reprint)
    return (len(a.terms) >= MIN_SENTENCE_TERMS and len(b.terms) >= MIN_SENTENCE_TERMS
            and len(a.terms & b.terms) + len(shared_slots(a, b)) >= MIN_LINK_TERMS)


def _scored_pairs(sentences: Sequence[CaseSentence]) -> tuple[Scores, Scores]:
    """The statement score of every candidate pair that can reach a link (sentences of different articles
    sharing telling terms; the surface similarity is computed only for those in reach), and for the links
    among them whose best match is a clause, their score as whole sentences."""
    rarity = Rarity(s.profile.terms for s in sentences)
    profiles = [s.profile for s in sentences]
    in_reach = []
    for i, j in candidate_pairs([p.terms for p in profiles], [s.article for s in sentences], MIN_SHARED_TERMS):
        content = content_score(profiles[i], profiles[j], rarity, same_fact=True)
        if best_possible(content) >= LOWEST_LINK:
            in_reach.append((i, j, content))
    lexical = lexical_similarity([sentences[i].text for i, _, _ in in_reach],
                                 [sentences[j].text for _, j, _ in in_reach], figures_blind=True)
    wording = [same_wording(profiles[i], profiles[j], rarity) for i, j, _ in in_reach]
    scores = {
        (i, j): max(link_score(content, surface, profiles[i], profiles[j]), alike)
        for (i, j, content), surface, alike in zip(in_reach, lexical, wording)
    }
    by_clause = {
        (i, j): max(alike, link_score(content.of_whole_sentences(profiles[i], profiles[j]), surface,
                                          profiles[i], profiles[j]))
        for (i, j, content), surface, alike in zip(in_reach, lexical, wording)
        if (content.left is not profiles[i].terms or content.right is not profiles[j].terms)
        and scores[i, j] >= SUGGESTED
    }
    return scores, by_clause


def _whole_sentence_links(direct: Scores, by_clause: Scores) -> Scores:
    """The direct links that hold as whole sentences. Only these propose links between their neighbours:
    a clause says only part of its sentence, so two statements that each match a different clause of a
    third need not match each other."""
    links = {}
    for pair, score in direct.items():
        score = by_clause.get(pair, score)
        if score >= SUGGESTED:
            links[pair] = score
    return links


def _mutual_best(scored: Scores, sentences: Sequence[CaseSentence]) -> list[tuple[tuple[int, int], float]]:
    """Pairs that are each other's best match in the other's article (the classic alignment rule)."""
    article = [s.article for s in sentences]
    best: dict[tuple[int, int], tuple[float, int]] = {}
    for (i, j), score in scored.items():
        for me, other in ((i, j), (j, i)):
            key = (me, article[other])
            if score > best.get(key, (0.0, -1))[0]:
                best[key] = (score, other)
    return [
        ((i, j), score) for (i, j), score in scored.items()
        if best.get((i, article[j]), (0, -1))[1] == j and best.get((j, article[i]), (0, -1))[1] == i
    ]


def _closure(direct: dict[tuple[int, int], float], sentences: Sequence[CaseSentence]) -> dict[tuple[int, int], float]:
    neighbours: dict[int, list[tuple[float, int]]] = {}
    for (i, j), score in direct.items():
        neighbours.setdefault(i, []).append((score, j))
        neighbours.setdefault(j, []).append((score, i))
    article = [s.article for s in sentences]
    proposed: dict[tuple[int, int], float] = {}
    for linked in neighbours.values():
        best = sorted(linked, reverse=True)[:NEIGHBOURS_FOR_CLOSURE]
        for (score_x, x), (score_y, y) in combinations(best, 2):
            if article[x] == article[y]:
                continue
            key = (x, y) if x < y else (y, x)
            weaker = score_y  # ``best`` runs from the strongest link down
            if weaker > proposed.get(key, 0.0):
                proposed[key] = weaker
    return proposed
