"""Bad input for the event reasoning: one article, no dates at all, contradictory or circular time
phrases, random text, and a long article: no crash, no hang, a plain explanation or nothing."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from fact_review.model import Article
from fact_review.pipeline import analyse_case

PHRASES = [
    "The army retook Ostvik on May 3", "after six months of occupation", "Rebels invaded Ostvik in 2023",
    "Two weeks later, the town was evacuated", "The siege was lifted on June 1", "after three weeks",
    "for the first time since its liberation", "The ministry said on May 4 that it had recaptured Ostvik",
    "two days after the summit", "The summit took place three days after the ceasefire began",
    "a drone", "no injuries", "12 people were hurt", "the toll rose to 14", "yesterday", "last August",
    "April 26", "before the vote", "The walkout ended on March 13", "the occupation",
]


def test_a_case_of_one_article_checks_it_inside_itself():
    case = analyse_case([Article(text="The dam failed on April 10. Two weeks later, the army evacuated Corrin. "
                                      "The evacuation of Corrin took place on April 12.", published="2024-05-01")])
    [check] = [c for c in case.checks if c.kind == "order"]
    assert "Two weeks later" in check.explanation and check.explanation.endswith("before that.")


def test_articles_without_any_date_give_facts_without_days():
    case = analyse_case([Article(text="Rebels took Ostvik in April after a siege. Officials said 12 people died."),
                         Article(text="The rebels captured Ostvik in April. Officials said 14 people died.")])
    assert not [c for c in case.checks if c.kind == "order"]
    assert all(f.earliest is None and f.latest is None for f in case.facts if f.kind == "time")


def test_contradictory_dates_of_one_event_name_both_and_say_why():
    case = analyse_case([
        Article(text="The Harrow bridge in Lenmouth reopened on September 3.", published="2024-09-12"),
        Article(text="Lenmouth's Harrow bridge reopened on September 9, engineers said.", published="2024-09-12"),
    ])
    [check] = [c for c in case.checks if c.status == "conflict"]
    assert {c.claim.text for c in check.claims} == {"September 3", "September 9"}
    assert check.explanation


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(PHRASES), min_size=1, max_size=6), min_size=1, max_size=3),
       st.sampled_from([None, "2024-06-01", "2025-01-15T08:00:00"]))
def test_any_mix_of_time_phrases_gives_checks_and_facts_with_explanations(texts, published):
    case = analyse_case([Article(text=". ".join(parts) + ".", published=published) for parts in texts])
    for item in (*case.checks, *case.facts):
        assert item.explanation and item.claims
    for fact in case.facts:
        assert fact.earliest is None or fact.latest is None or fact.earliest <= fact.latest or fact.status == "conflict"


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcdeiloprstuAORW 0123456789.,-+"), max_size=300))
def test_random_text_does_not_crash(text):
    analyse_case([Article(text=text or "x", published="2024-06-01"), Article(text="x " + text, published=None)])


def test_a_long_article_of_contradictions_stops_at_a_bounded_number_of_conflicts():
    lines = [f"The army retook Ostvik on May {day}, the ministry said." for day in range(1, 29)] * 20
    lines += ["Rebels invaded Ostvik in May 2023.", "The liberation came after 18 months of occupation."]
    case = analyse_case([Article(text=" ".join(lines), published="2024-06-01"),
                         Article(text="Ostvik was retaken on May 2, 2024.", published="2024-06-02")])
    orders = [c for c in case.checks if c.kind in ("order", "date") and c.status == "conflict"]
    assert 0 < len(orders) <= 20 + len(case.checks)  # reported, and capped by the timeline
    assert sum(c.kind == "order" for c in orders) <= 20
