"""Consistency checks on text of our own: each kind (value, sum, share, date) in each status."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from fact_review.model import Article, CaseAnalysis
from fact_review.pipeline import analyse_case


def analyse(*texts: str, published: tuple = ()) -> CaseAnalysis:
    dates = list(published) + ["2024-03-10"] * (len(texts) - len(published))
    return analyse_case([Article(text=t, published=d) for t, d in zip(texts, dates)])


def only_check(analysis: CaseAnalysis, kind: str):
    checks = [c for c in analysis.checks if c.kind == kind]
    assert len(checks) == 1, [c.explanation for c in analysis.checks]
    return checks[0]


@pytest.mark.parametrize(
    "second, status",
    [
        ("The flood reached 120 homes in the valley, officials said.", "agree"),
        ("The flood reached about 125 homes in the valley, officials said.", "compatible"),
        ("The flood reached 124 homes in the valley, officials said.", "conflict"),
    ],
)
def test_value_check_across_articles(second, status):
    check = only_check(analyse("The flood reached 120 homes in the valley on Monday.", second), "value")
    assert check.status == status
    assert {c.article for c in check.claims} == {0, 1}
    assert "homes" in check.explanation


def test_a_value_conflict_reports_the_relative_difference():
    check = only_check(analyse("Rebels fired 70 rockets at the port.", "Rebels fired 69 rockets at the port."), "value")
    assert check.status == "conflict" and check.is_discrepancy
    assert "1.4%" in check.explanation


def test_far_apart_counts_of_one_noun_are_different_facts_not_a_discrepancy():
    analysis = analyse("The blast killed 12 people and injured 60 people near the square.")
    assert not [c for c in analysis.checks if c.kind == "value"]


@pytest.mark.parametrize(
    "total, status",
    [("42 tankers and trucks", "agree"), ("about 40 tankers and trucks", "compatible"),
     ("44 tankers and trucks", "conflict")],
)
def test_sum_of_parts_against_a_stated_total_within_one_article(total, status):
    text = f"The convoy lost 12 tankers and 30 trucks in the raid. In all, {total} were lost."
    check = only_check(analyse(text), "sum")
    assert check.status == status
    assert len(check.claims) == 3


def test_sum_check_across_articles():
    check = only_check(analyse("The convoy lost 12 tankers and 30 trucks in the raid.",
                               "Officials counted 42 tankers and trucks lost overall."), "sum")
    assert check.status == "agree"
    assert {c.article for c in check.claims} == {0, 1}


def test_parts_in_different_sentences_of_a_paragraph_add_up_to_a_total_of_their_nouns():
    text = ("The convoy lost 12 tankers on the bridge. Further south it lost 30 trucks at the ford. "
            "Officials counted 43 tankers and trucks lost.")
    check = only_check(analyse(text), "sum")
    assert check.status == "conflict" and "2.3%" in check.explanation


def test_parts_in_another_paragraph_are_not_summed():
    text = ("The convoy lost 12 tankers on the bridge.\nFurther south it lost 30 trucks.\n"
            "Officials counted 43 tankers and trucks.")
    assert not [c for c in analyse(text).checks if c.kind == "sum"]


@pytest.mark.parametrize(
    "total, status",
    [("a total of 42 projectiles", "agree"), ("a total of about 40 projectiles", "compatible"),
     ("a total of 44 projectiles", "conflict")],
)
def test_a_total_marked_as_such_against_the_counts_of_its_sentence(total, status):
    check = only_check(analyse(f"Rebels fired 30 rockets and 12 mortar shells, {total}."), "sum")
    assert check.status == status
    assert [c.claim.text for c in check.claims][1:] == ["30 rockets", "12 mortar shells"]


@pytest.mark.parametrize("total, status", [("20", "agree"), ("about 20", "compatible"), ("21", "conflict")])
def test_a_total_standing_alone_sums_the_sentence_before_it(total, status):
    check = only_check(analyse(f"Police detained 14 men and six women at the port. In all, {total} people were held."),
                       "sum")
    assert check.status == status


@pytest.mark.parametrize(
    "text, status",
    [("The blast killed 12 people, including three children and two guards.", "agree"),
     ("Dozens were killed in the blast, including 30 children.", "compatible"),
     ("The blast killed 12 people, including 15 children.", "conflict")],
)
def test_parts_named_after_their_whole_cannot_exceed_it(text, status):
    check = only_check(analyse(text), "share")
    assert check.status == status
    assert check.claims[0].claim.text in ("12 people", "Dozens")


@settings(max_examples=25, deadline=None)
@given(whole=st.integers(1, 5000), part=st.integers(1, 5000))
def test_a_part_conflicts_with_its_whole_exactly_when_it_is_larger(whole, part):
    check = only_check(analyse(f"The flood displaced {whole:,} people, including {part:,} children."), "share")
    assert check.status == ("conflict" if part > whole else "agree")


@pytest.mark.parametrize(
    "stated, status", [("50%", "agree"), ("about 49%", "compatible"), ("60%", "conflict")]
)
def test_share_against_a_stated_percentage(stated, status):
    check = only_check(analyse(f"Of the ballots cast, 45 of 90 were spoiled, or {stated}."), "share")
    assert check.status == status


def test_a_part_larger_than_its_whole_is_a_conflict():
    check = only_check(analyse("Inspectors found that 95 of 90 ballots were spoiled."), "share")
    assert check.status == "conflict"
    assert "cannot exceed" in check.explanation


@pytest.mark.parametrize(
    "duration, status", [("a 7-day event", "agree"), ("about a week", "compatible"), ("a 12-day event", "conflict")]
)
def test_a_stated_duration_against_the_dates_it_spans(duration, status):
    check = only_check(analyse(f"The fair ran from June 3, 2023 to June 10, 2023, {duration}."), "date")
    assert check.status == status


def test_an_event_dated_before_the_event_it_follows_is_a_conflict():
    check = only_check(analyse("The vote took place on May 3, 2021, two days after the May 5, 2021 protest."), "date")
    assert check.status == "conflict"
    ok = only_check(analyse("The vote took place on May 7, 2021, two days after the May 5, 2021 protest."), "date")
    assert ok.status == "agree"


def test_an_article_without_a_published_date_borrows_the_case_date_and_says_so():
    analysis = analyse("The bridge reopened on April 26 after repairs.",
                       "Engineers said the bridge reopened on April 26, 2024 after repairs.",
                       published=(None, "2024-05-01"))
    check = only_check(analysis, "date")
    assert check.status == "agree"
    assert "no published date" in check.explanation and "1 May 2024" in check.explanation
    assert [c.date for c in analysis.articles[0].claims if c.kind == "date"] == ["2024-04-26"]


def test_dates_of_matched_statements_that_differ_conflict():
    check = only_check(analyse("The bridge over the Vasse river reopened on April 26, 2024 after repairs.",
                               "The bridge over the Vasse river reopened on April 29, 2024 after repairs."), "date")
    assert check.status == "conflict"


def test_discrepancies_come_first():
    analysis = analyse("Rebels fired 70 rockets at the port. The convoy lost 12 tankers and 30 trucks. "
                       "In all, 42 tankers and trucks were lost.", "Rebels fired 69 rockets at the port.")
    statuses = [c.status for c in analysis.checks]
    assert statuses[0] == "conflict" and "agree" in statuses


@pytest.mark.parametrize(
    "text, status",
    [("The fire injured 20 workers at the Dorn plant: 12 were treated at the scene and 8 taken to hospital.", "agree"),
     ("The fire injured 20 workers at the Dorn plant: 12 were treated at the scene and 11 taken to hospital.",
      "conflict"),
     ("Twenty workers were hurt in the fire - 12 seriously and 9 slightly, officials said.", "conflict"),
     ("Of the 46 people treated, 31 were adults and 22 were children.", "conflict")],
)
def test_a_whole_broken_down_after_a_colon_or_dash_against_its_parts(text, status):
    check = only_check(analyse(text), "sum")
    assert check.status == status


@settings(max_examples=25, deadline=None)
@given(whole=st.integers(10, 500), first=st.integers(1, 500), second=st.integers(1, 500))
def test_parts_of_a_breakdown_never_add_up_to_more_than_their_whole_unnoticed(whole, first, second):
    analysis = analyse(f"The storm damaged {whole} homes in Ravel: {first} were destroyed and {second} were flooded.")
    sums = [c for c in analysis.checks if c.kind == "sum"]
    if first + second > whole:
        assert [c.status for c in sums] == ["conflict"]
    elif first + second == whole:
        assert [c.status for c in sums] == ["agree"]


def test_what_follows_a_colon_is_no_breakdown_unless_its_counts_open_it():
    assert not [c for c in analyse("The fire injured 20 workers: officials said 3 were firefighters and 30 "
                                   "were police officers.").checks if c.kind == "sum"]
