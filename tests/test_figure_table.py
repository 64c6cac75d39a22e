"""The figure table (a row per fact, a column per source) and the timeline, from a case's checks."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from hypothesis import given, strategies as st

from fact_review.figure_table import figure_table, timeline
from fact_review.store import open_service
from ui.demo import import_demo_case


@dataclass(frozen=True)
class A:
    id: int
    position: int
    published: Optional[str] = None


@dataclass(frozen=True)
class C:
    id: int
    article_id: int
    start: int
    kind: str = "number"
    noun: Optional[str] = None
    date: Optional[str] = None


@dataclass(frozen=True)
class K:
    kind: str
    status: str
    claim_ids: tuple[int, ...]
    explanation: str = ""


def test_claims_compared_by_checks_are_one_fact_with_a_cell_per_source():
    articles = [A(7, 1, "2025-05-26"), A(3, 0, "2025-05-25"), A(9, 2)]
    claims = {1: C(1, 3, 10, noun="missiles"), 2: C(2, 7, 5, noun="missiles"), 3: C(3, 9, 0, noun="missiles"),
              4: C(4, 3, 50, noun="drones"), 5: C(5, 7, 60, noun="drones"), 6: C(6, 9, 9, noun="drones")}
    checks = [K("value", "conflict", (1, 2)), K("value", "agree", (2, 3)), K("value", "superseded", (4, 5)),
              K("sum", "conflict", (1, 4, 6))]
    table = figure_table(articles, claims, checks)
    assert table.article_ids == (3, 7, 9)
    missiles, drones = table.rows
    assert (missiles.label, missiles.status, missiles.cells) == ("missiles", "conflict", ((1,), (2,), (3,)))
    assert missiles.conflicting == {1, 2}
    assert (drones.label, drones.status, drones.cells) == ("drones", "superseded", ((4,), (5,), ()))
    assert drones.superseded == {4}  # the earlier report's figure
    assert 6 not in drones.claim_ids()  # a sum relates different quantities: not the same fact


@given(st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11), st.sampled_from(["agree", "conflict"])),
                max_size=20))
def test_every_compared_claim_is_in_exactly_one_row_and_in_its_own_sources_column(pairs):
    articles = [A(i, i) for i in range(3)]
    claims = {i: C(i, i % 3, i) for i in range(12)}
    checks = [K("value", status, (a, b)) for a, b, status in pairs if a != b]
    table = figure_table(articles, claims, checks)
    seen = [c for row in table.rows for c in row.claim_ids()]
    assert sorted(seen) == sorted({c for check in checks for c in check.claim_ids})
    for row in table.rows:
        for column, cell in enumerate(row.cells):
            assert all(claims[c].article_id == table.article_ids[column] for c in cell)
        assert (row.status == "conflict") == bool(row.conflicting)


def test_the_demo_case_shows_who_says_what_and_its_dates_in_conflict(tmp_path):
    with open_service(tmp_path / "demo.db") as service:
        case = import_demo_case(service)
        articles = service.articles(case.id)
        claims = {c.id: c for c in service.claims(case.id)}
        checks = service.checks(case.id)
        table = figure_table(articles, claims, checks)
        residents = next(r for r in table.rows if r.label == "residents")
        assert [[claims[c].text for c in cell] for cell in residents.cells] == [
            ["About 1,200 residents"], ["1,400 residents"], ["About 1,250 residents"]]
        assert residents.status == "conflict" and table.rows[0].status == "conflict"
        line = timeline(articles, claims, checks, table)
        [(a, b)] = line.conflicts
        days = {claims[m.claim_id].text: m.start for m in line.marks if m.claim_id in (a, b)}
        assert days == {"Tuesday, March 3": date(2026, 3, 3), "Monday, March 2": date(2026, 3, 2)}
        assert [m.start for m in line.marks] == sorted(m.start for m in line.marks)
        assert all(m.conflict == (m.claim_id in (a, b)) for m in line.marks)
