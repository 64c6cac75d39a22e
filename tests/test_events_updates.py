"""Updates are not contradictions (fact_review.events.updates)."""
from __future__ import annotations

from fact_review.model import Article
from fact_review.pipeline import analyse_case


def values(*articles: tuple[str, str]):
    case = analyse_case([Article(text=text, published=published) for published, text in articles])
    return case, [(c.status, [x.claim.text for x in c.claims]) for c in case.checks if c.kind == "value"]


def test_a_later_report_that_raises_a_toll_supersedes_the_earlier_figure():
    case, found = values(("2024-07-04T09:00", "Floods in Ravel killed 9 people on Monday, the mayor said."),
                         ("2024-07-05T09:00", "Floods in Ravel killed 14 people on Monday, the mayor said."))
    assert found == [("superseded", ["9 people", "14 people"])]
    [fact] = [f for f in case.facts if f.kind == "quantity"]
    assert fact.status == "superseded"
    assert [c.superseded for c in fact.claims] == [True, False]


def test_a_later_report_with_a_lower_toll_and_no_word_of_update_is_a_conflict():
    _, found = values(("2024-07-04T09:00", "Floods in Ravel killed 14 people on Monday, the mayor said."),
                      ("2024-07-05T09:00", "Floods in Ravel killed 9 people on Monday, the mayor said."))
    assert found == [("conflict", ["14 people", "9 people"])]


def test_a_later_report_that_says_it_revises_supersedes_even_downwards():
    _, found = values(("2024-07-04T09:00", "Floods in Ravel killed 14 people on Monday, the mayor said."),
                      ("2024-07-05T09:00", "The toll of Monday's floods in Ravel was revised to 12 people, the mayor said."))
    assert found[0][0] == "superseded" and found[0][1] == ["14 people", "12 people"]


def test_reports_of_the_same_time_that_disagree_conflict():
    _, found = values(("2024-07-04", "Floods in Ravel killed 9 people on Monday, the mayor said."),
                      ("2024-07-04", "Floods in Ravel killed 14 people on Monday, the mayor said."))
    assert found == [("conflict", ["9 people", "14 people"])]


def test_reports_without_a_date_cannot_be_ordered_and_stay_a_conflict():
    _, found = values(("", "Floods in Ravel killed 9 people on Monday, the mayor said."),
                      ("", "Floods in Ravel killed 14 people on Monday, the mayor said."))
    assert [status for status, _ in found] == ["conflict"]


def test_an_update_whose_subject_stands_far_before_its_verb_supersedes_the_earlier_toll():
    earlier = ("2025-03-10", "Eight people were killed when a bus plunged into a ravine near Korvel on Sunday, police said.")
    for later in ("The death toll from Sunday's bus crash on the mountain road near Korvel has risen to 12, police said.",
                  "The number of people killed in Sunday's bus crash on the mountain road near Korvel has climbed "
                  "to 12, police said."):
        _, found = values(earlier, ("2025-03-11", later))
        assert ("superseded", ["Eight people", "12"]) in found, later


def test_the_subject_nearest_the_update_is_what_it_counts():
    earlier = ("2025-03-10", "After the crash on the A4 motorway police detained 30 drivers. Nine people were killed.")
    _, found = values(earlier, ("2025-03-11", "The number of drivers detained was unchanged, but the death toll has "
                                              "since risen to 12, police said."))
    assert [claims for status, claims in found if status == "superseded"] == [["Nine people", "12"]]
    _, found = values(earlier, ("2025-03-11", "The death toll was unchanged, but the number of drivers detained has "
                                              "since risen to 42, police said."))
    assert [claims for status, claims in found if status == "superseded"] == [["30 drivers", "42"]]
