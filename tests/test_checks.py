"""Consistency checks on text of our own: each kind (value, sum, share, date) in each status."""
from __future__ import annotations

import pytest

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
    assert "no published date" in check.explanation and "2024-05-01" in check.explanation
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
