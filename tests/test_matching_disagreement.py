"""Matching that looks for disagreement: figures that differ never count against a link on their own,
while `match --pairs` (equivalence) still tells a statement from one with other figures."""
from __future__ import annotations

from fact_review.matching import match_case
from fact_review.matching.features import profile_sentence
from fact_review.matching.pairs import score_pairs
from fact_review.matching.rarity import Rarity
from fact_review.matching.scoring import content_score, link_score, shared_slots
from fact_review.model import Article
from fact_review.pipeline import analyse_article

LAUNCHED = "Rebel forces fired 69 rockets at the harbour of Tarvel overnight, the coastguard said."
RESTATED = "Rebel forces fired 70 rockets at the harbour of Tarvel overnight, the coastguard said."
WITHOUT_FIGURE = "Rebel forces fired rockets at the harbour of Tarvel overnight, the coastguard said."


def link(a: str, b: str) -> float:
    return score_pairs([(a, b)], same_fact=True)[0]


def test_a_different_figure_of_the_same_thing_links_as_well_as_the_same_figure():
    assert link(LAUNCHED, RESTATED) == link(LAUNCHED, LAUNCHED.replace("69", "70").replace("70", "69"))


def test_a_different_figure_never_scores_below_a_statement_without_one():
    assert link(LAUNCHED, RESTATED) >= link(LAUNCHED, WITHOUT_FIGURE)


def test_equivalence_still_tells_other_figures_apart():
    same, other = score_pairs([(LAUNCHED, LAUNCHED), (LAUNCHED, RESTATED)])
    assert same > other


def test_two_counts_of_one_thing_fill_one_slot_and_other_things_do_not():
    a = profile_sentence("Crews rescued 14 miners and 3 dogs.", analyse_article(Article(
        text="Crews rescued 14 miners and 3 dogs.")).claims)
    b = profile_sentence("Crews rescued 40 miners and 2 horses.", analyse_article(Article(
        text="Crews rescued 40 miners and 2 horses.")).claims)
    assert [(slot, x, y) for slot, x, y in shared_slots(a, b)] == [("~miner|", "#14", "#40")]


def test_the_dates_of_two_dated_statements_fill_one_slot():
    a = analyse_article(Article(text="The bridge over the Vasse reopened on April 26, 2024.")).claims
    b = analyse_article(Article(text="The bridge over the Vasse reopened on April 29, 2024.")).claims
    slots = shared_slots(profile_sentence("The bridge over the Vasse reopened on April 26, 2024.", a),
                         profile_sentence("The bridge over the Vasse reopened on April 29, 2024.", b))
    assert slots == [("~date", "@2024-04-26", "@2024-04-29")]


def test_a_restated_toll_with_another_figure_is_linked_confidently_and_flagged():
    case = match_case([analyse_article(Article(text=t, published="2024-06-05")) for t in (
        "Officials said the flood in the Omsvale valley destroyed 120 homes on Monday.",
        "The flood in the Omsvale valley destroyed 150 homes on Monday, officials said.")])
    assert [m.tier for m in case.matches] == ["confident"]
    assert case.matches[0].numeric == "conflict"


def test_alike_statements_naming_other_places_stay_a_suggestion_whatever_their_score():
    case = match_case([analyse_article(Article(text=t, published="2024-06-05")) for t in (
        "A strong earthquake struck off the coast of Sumatra on Monday, killing 12 people.",
        "A strong earthquake struck off the coast of Chile on Sunday, killing 3 people.")])
    assert all(m.tier == "suggested" for m in case.matches)
    assert not [c for c in case.checks if c.status == "conflict"]


def test_sentences_too_short_to_tell_a_statement_are_not_linked_unless_identical():
    case = match_case([analyse_article(Article(text=t, published="2024-06-05")) for t in (
        "She was 85. The mill closed in Dunmore.", "He was 85 years old. The mill closed in Dunmore.")])
    texts = {case.articles[m.a.article].article.text[m.a.start:m.a.end] for m in case.matches}
    assert texts == {"The mill closed in Dunmore."}


def test_figures_the_other_sentence_lacks_do_not_dilute_a_link_when_it_gives_its_own():
    a = profile_sentence("Rebel forces fired 69 rockets and 12 drones at Tarvel.")
    b = profile_sentence("Rebel forces fired 70 rockets at Tarvel on Sunday.")
    rarity = Rarity([a.terms, b.terms])
    assert content_score(a, b, rarity, same_fact=True).score > content_score(a, b, rarity).score
    assert link_score(content_score(a, b, rarity, same_fact=True), 0.5, a, b) > 0
