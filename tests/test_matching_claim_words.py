"""The words around a claim tell what its figure counts (fact_review.matching.claim_words)."""
from __future__ import annotations

from hypothesis import given, strategies as st

from fact_review.claims import extract_claims
from fact_review.matching.claim_words import begin_and_end, counts_a_part, tell_apart, words_around
from fact_review.matching.lexicon import concept
from fact_review.matching.words import stem


def around(sentence: str, figure: str) -> frozenset[str]:
    [claim] = [c for c in extract_claims(sentence) if c.text.startswith(figure)]
    return words_around(sentence, 0, claim)


def test_auxiliaries_between_a_figure_and_its_verb_do_not_hide_the_verb():
    late = around("Police said on Monday that 12 people were now known to have died in the crash.", "12")
    early = around("Eight people were killed when the bus plunged into a ravine.", "Eight")
    assert concept(stem("died")) in late
    assert not tell_apart(late, early)  # "died" and "killed" count the same people


def test_different_verbs_still_tell_counts_apart():
    arrested = around("Police arrested 12 people after the match in Lindow.", "12")
    crowd = around("The match in Lindow drew a crowd of 30,000 people, the club said.", "30,000")
    assert tell_apart(arrested, crowd)


def test_only_words_near_the_claim_are_read_in_a_long_sentence():
    filler = "rain " * 5_000
    sentence = f"Officials {filler}said 40 homes were flooded {filler}overnight."
    found = around(sentence, "40")
    assert found == {stem("rain"), concept(stem("flooded"))}


@given(st.lists(st.sampled_from(["were", "have", "been", "now", "the", "homes", "burned", "Tuesday", ","]),
                max_size=30))
def test_the_words_found_are_words_of_the_sentence(words):
    sentence = "Crews said 40 " + " ".join(words) + " overnight."
    found = around(sentence, "40")
    assert found <= {concept(stem(w)) for w in sentence.replace(",", " ").replace(".", " ").split()}


def test_a_figure_followed_by_other_more_or_new_counts_a_part():
    parts = ["two other victims", "3 more settlements", "300 new cases", "twenty additional officers"]
    wholes = ["three victims", "more than 20 people", "no other option", "the other 12 victims", "New York"]
    claims = {c.text: c for text in parts + wholes for c in extract_claims(f"Police said {text} were found.")}
    assert [counts_a_part(claims[text]) for text in parts] == [True] * 4
    assert {"three victims", "more than 20 people", "12 victims"} <= set(claims)
    assert not any(counts_a_part(claim) for text, claim in claims.items() if text not in parts)


def test_a_part_is_no_contradiction_of_the_whole():
    from fact_review.model import Article
    from fact_review.pipeline import analyse_case
    case = analyse_case([
        Article(text="After the shooting in Troy the three victims were taken to Beaumont Hospital, police said.",
                published="2024-05-06"),
        Article(text="After the shooting in Troy the two other victims were taken to Beaumont Hospital, police said.",
                published="2024-05-06")])
    conflicts = [[c.claim.text for c in check.claims] for check in case.checks if check.status == "conflict"]
    assert not [texts for texts in conflicts if "two other victims" in texts], conflicts


def test_the_day_a_thing_began_and_the_day_it_ended_are_two_moments_not_a_disagreement():
    from fact_review.model import Article
    from fact_review.pipeline import analyse_case
    for began, ended in (("The lockdown in Pellan began on March 2 and lasted six weeks, officials said.",
                          "The lockdown in Pellan was lifted on March 20, officials said."),
                         ("The siege of Marrow, which started on June 3, lasted four months, the ministry said.",
                          "The siege of Marrow ended on August 15, the ministry said.")):
        case = analyse_case([Article(text=began, published="2025-09-20"), Article(text=ended, published="2025-09-20")])
        assert not [c for c in case.checks if c.kind == "date" and c.status == "conflict"], began
    # while two tellings of one moment still disagree
    case = analyse_case([Article(text="The lockdown in Pellan was lifted on March 20, officials said.", published="2025-09-20"),
                         Article(text="The lockdown in Pellan was lifted on March 27, officials said.", published="2025-09-20")])
    assert [c.status for c in case.checks if c.kind == "date"] == ["conflict"]


def test_begin_and_end_needs_one_of_each():
    began, ended = around("The strike began on May 1 at the plant.", "May 1"), around("The strike ended on May 8.", "May 8")
    assert begin_and_end(began, ended) and begin_and_end(ended, began)
    assert not begin_and_end(began, began) and not begin_and_end(ended, ended)
    assert not begin_and_end(around("Talks were held on May 1 in Oslo.", "May 1"), ended)
