"""The figure table (fact_review.overview.figure_table): a row per stored fact, a column per source, sums
beside their totals; on facts built by hand, on the demo case and on the two sample reports."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import pytest
from hypothesis import given, strategies as st

from fact_review.overview.figure_table import figure_table
from fact_review.store import open_service
from overview_support import A, import_samples, needs_samples
from ui.demo import import_demo_case

@dataclass(frozen=True)
class C:
    id: int
    article_id: int
    start: int
    noun: Optional[str] = None


@dataclass(frozen=True)
class F:
    key: str
    status: str
    claim_ids: tuple[int, ...]
    kind: str = "quantity"
    label: str = "missiles launched"
    explanation: str = ""
    superseded_claim_ids: tuple[int, ...] = ()
    by_reviewer: bool = False


@dataclass(frozen=True)
class K:
    kind: str
    status: str
    claim_ids: tuple[int, ...]
    explanation: str = ""


def cells(row):
    return [[list(entry) for entry in cell] for cell in row.cells]


def test_each_fact_is_a_row_with_its_figures_under_their_sources():
    articles = [A(7, 1), A(3, 0), A(9, 2)]
    claims = {1: C(1, 3, 10), 2: C(2, 7, 5), 3: C(3, 9, 0), 4: C(4, 3, 50), 5: C(5, 7, 60), 6: C(6, 7, 90)}
    facts = [F("F1", "conflict", (1, 2, 3)), F("F2", "superseded", (4, 5, 6), superseded_claim_ids=(4,),
                                                 label="people killed")]
    checks = [K("value", "conflict", (1, 2)), K("value", "agree", (2, 3)), K("value", "superseded", (4, 5))]
    table = figure_table(articles, claims, facts, checks)
    assert table.article_ids == (3, 7, 9)
    missiles, killed = table.rows
    assert (missiles.key, missiles.label, missiles.status) == ("F1", "missiles launched", "conflict")
    assert cells(missiles) == [[[1]], [[2]], [[3]]]
    assert missiles.conflicting == {1, 2}  # 3 agrees with 2: not marked
    assert cells(killed) == [[[4]], [[5], [6]], []] and killed.superseded == {4} and not killed.conflicting
    assert table.row_of_fact("F2") == 1


def test_a_claim_in_a_conflict_check_is_not_marked_in_a_fact_that_holds_together():
    """After the reviewer splits a fact, its rest may agree: a conflict with the split-off claim is no
    conflict of this row."""
    claims = {1: C(1, 1, 0), 2: C(2, 2, 0), 3: C(3, 2, 40)}
    table = figure_table([A(1, 0), A(2, 1)], claims, [F("F1", "agree", (1, 2)), F("split:4", "agree", (3,))],
                         [K("value", "conflict", (1, 3)), K("value", "agree", (1, 2))])
    assert all(not row.conflicting for row in table.rows)


def test_a_sum_sits_beside_its_total_in_the_facts_row_or_in_a_row_of_its_own():
    claims = {1: C(1, 1, 0, "people"), 2: C(2, 1, 30), 3: C(3, 1, 40), 4: C(4, 2, 0, "people"),
              5: C(5, 2, 10, "drones and missiles"), 6: C(6, 2, 50), 7: C(7, 2, 60)}
    facts = [F("F1", "agree", (1, 4), label="people treated")]
    checks = [K("sum", "conflict", (1, 2, 3), "31 + 12 is not 46"), K("sum", "agree", (5, 6, 7)),
              K("sum", "compatible", (5, 7, 6))]
    table = figure_table([A(1, 0), A(2, 1)], claims, facts, checks)
    treated, total = table.rows
    assert treated.key == "F1" and cells(treated) == [[[1], [2, 3]], [[4]]]
    assert treated.status == "conflict" and treated.conflicting == {1, 2, 3}  # the sum makes the row alarming
    assert "31 + 12 is not 46" in treated.explanation and treated.fact_claim_ids == (1, 4)
    assert (total.key, total.label, total.kind, total.status) == ("total:5", "drones and missiles in all", "total",
                                                                 "compatible")
    assert cells(total) == [[], [[5], [6, 7], [7, 6]]] and not total.is_fact


def test_dismissed_claims_and_facts_left_without_claims_are_not_shown():
    claims = {1: C(1, 1, 0), 2: C(2, 2, 0)}
    table = figure_table([A(1, 0), A(2, 1)], claims, [F("F1", "agree", (1, 2, 99)), F("F2", "agree", (98,))],
                         [K("sum", "agree", (1, 2, 98))])
    assert [cells(r) for r in table.rows] == [[[[1]], [[2]]]]


@given(st.lists(st.lists(st.integers(0, 11), min_size=1, max_size=5, unique=True), max_size=6),
       st.lists(st.sampled_from(["agree", "conflict", "compatible", "superseded"]), min_size=6, max_size=6))
def test_every_claim_of_a_fact_is_in_one_cell_of_its_row_in_its_own_sources_column(groups, statuses):
    used: set[int] = set()
    facts = []
    for number, group in enumerate(groups):
        fresh = tuple(c for c in group if c not in used)
        used.update(fresh)
        if fresh:
            facts.append(F(f"F{number}", statuses[number], fresh))
    claims = {i: C(i, i % 3, i) for i in range(12)}
    table = figure_table([A(i, 2 - i) for i in range(3)], claims, facts, [])
    assert sorted(c for row in table.rows for c in row.claim_ids()) == sorted(used)
    for row in table.rows:
        for column, cell in enumerate(row.cells):
            assert all(claims[c].article_id == table.article_ids[column] for entry in cell for c in entry)
    ranks = [["conflict", "superseded", "compatible", "agree"].index(r.status) for r in table.rows]
    assert ranks == sorted(ranks)


def test_the_demo_case_shows_who_says_what_with_its_conflicts(tmp_path):
    with open_service(tmp_path / "demo.db") as service:
        case = import_demo_case(service)
        claims = {c.id: c for c in service.claims(case.id)}
        table = figure_table(service.articles(case.id), claims, service.facts(case.id), service.checks(case.id))
        by_label = {row.label: row for row in table.rows}
        texts = lambda row: [" / ".join(" + ".join(claims[c].text for c in e) for e in cell) for cell in row.cells]  # noqa: E731
        assert texts(by_label["residents moved out"]) == ["About 1,200 residents", "1,400 residents",
                                                          "About 1,250 residents"]
        assert texts(by_label["date residents were moved out"]) == ["Tuesday, March 3", "Monday, March 2", ""]
        assert texts(by_label["people treated"])[0] == "46 people / 31 + 12"
        assert {row.label for row in table.rows if row.status == "conflict"} >= {
            "residents moved out", "date residents were moved out", "cost of repairs", "people treated"}


@needs_samples
def test_the_samples_show_69_70_almost_300_plus_70_and_367_at_once(tmp_path):
    with open_service(tmp_path / "samples.db") as service:
        case = import_samples(service)
        claims = {c.id: c for c in service.claims(case.id)}
        table = figure_table(service.articles(case.id), claims, service.facts(case.id), service.checks(case.id))
        shown = {row.label: [[" + ".join(claims[c].text for c in e) for e in cell] for cell in row.cells]
                 for row in table.rows}
        assert shown["missiles launched"][1] == ["69 missiles", "70 missiles"]
        assert shown["drones and missiles in all"][1] == [
            "298 drones + 69 missiles", "Almost 300 Shahed drones + 70 missiles", "367 drones and missiles"]
        assert len(table.rows) <= 8  # one screen of rows holds them all
