"""Time reasoning on text of our own: events, their dates, relations between them and conflicts."""
from __future__ import annotations

from fact_review.model import Article, CaseAnalysis
from fact_review.pipeline import analyse_case


def analyse(*texts: str, published: str = "2024-06-03") -> CaseAnalysis:
    return analyse_case([Article(text=t, published=published) for t in texts])


def conflicts(analysis: CaseAnalysis, kind: str = "order"):
    return [c for c in analysis.checks if c.kind == kind and c.status == "conflict"]


SIEGE = ("Militia units encircled Harwick on January 10, starting a siege of the port.",
         "The siege of Harwick was lifted on March 2, after more than three months, aid agencies said.")


def test_a_state_that_ends_before_it_could_have_lasted_is_a_conflict_named_with_its_chain():
    [check] = conflicts(analyse(*SIEGE))
    texts = [c.claim.text for c in check.claims]
    assert texts[0] == "March 2" and {"January 10", "more than three months"} <= set(texts)
    assert "lasted at least 3 months" in check.explanation
    assert "no earlier than 10 April 2024" in check.explanation and "before that" in check.explanation


def test_the_same_state_that_lasts_as_long_as_its_dates_allow_holds():
    held = analyse(SIEGE[0], SIEGE[1].replace("March 2", "May 2"))
    assert not conflicts(held)
    [fact] = [f for f in held.facts if f.kind == "time"]
    assert fact.status == "compatible" and {"May 2", "more than three months"} <= {c.claim.text for c in fact.claims}


def test_a_report_dates_what_it_reports_as_done_by_then():
    analysis = analyse("The army said on May 4 that it had recaptured Ostvik.",
                       "The recapture of Ostvik came on May 20, after weeks of fighting, the army said.")
    [check] = conflicts(analysis) + conflicts(analysis, "date")
    assert {c.claim.text for c in check.claims} == {"May 4", "May 20"}
    assert "dates a statement that the recapture had already taken place" in check.explanation


def test_events_told_in_other_words_are_one_event():
    analysis = analyse("Government troops retook Ostvik on May 20, the army said.",
                       "The liberation of Ostvik on May 20 was celebrated in the capital.")
    [fact] = [f for f in analysis.facts if f.kind == "time"]
    assert fact.status == "agree" and fact.earliest == fact.latest == "2024-05-20"


def test_two_deaths_of_two_people_are_two_events():
    analysis = analyse("Anna Berg died on May 30. Her brother Olaf Berg died in 1990.",
                       "Anna Berg died on Thursday, her family said.")
    assert not conflicts(analysis) and not conflicts(analysis, "date")


def test_the_window_of_an_event_narrows_with_every_statement_that_holds():
    analysis = analyse("The Larkspur mill in Dunmore closed in March 2024.",
                       "The closure of the Larkspur mill in Dunmore took place in the week of March 18, 2024.",
                       "Dunmore's Larkspur mill shut before March 20, 2024, workers said.")
    facts = [f for f in analysis.facts if f.kind == "time"]
    assert facts and facts[0].earliest >= "2024-03-01" and facts[0].latest <= "2024-03-31"


def test_a_time_fact_gives_each_claim_the_days_it_allows():
    analysis = analyse("Government troops retook Ostvik in May 2024, the army said.",
                       "The liberation of Ostvik on May 20 was celebrated in the capital.")
    [fact] = [f for f in analysis.facts if f.kind == "time"]
    allowed = {c.claim.text: (c.earliest, c.latest) for c in fact.claims}
    assert allowed == {"May 2024": ("2024-05-01", "2024-05-31"), "May 20": ("2024-05-20", "2024-05-20")}


def test_a_relative_clause_dates_the_event_before_its_comma():
    began = "The lockdown in Pellan, which began on March 2, lasted six weeks, officials said."
    [check] = conflicts(analyse(began, "The lockdown in Pellan was lifted on March 20, officials said."))
    assert {c.claim.text for c in check.claims} == {"March 2", "six weeks", "March 20"}
    assert not conflicts(analyse(began, "The lockdown in Pellan was lifted on April 13, officials said."))
