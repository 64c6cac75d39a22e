"""The timeline (fact_review.overview.timeline): the days each source places its events on, the marks that
cannot both hold, and an axis that spans the story with far dates off it; on facts built by hand, the demo
case and the two sample reports."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

import pytest
from hypothesis import given, strategies as st

from fact_review.overview.timeline import AFTER, BEFORE, ON, TimelineMark, timeline, window_words
from fact_review.store import open_service
from overview_support import A, import_samples, needs_samples
from ui.demo import import_demo_case

@dataclass(frozen=True)
class C:
    id: int
    article_id: int
    date: Optional[str] = None
    kind: str = "date"
    text: str = ""
    check_worthy: bool = True


@dataclass(frozen=True)
class F:
    key: str
    status: str
    claim_ids: tuple[int, ...]
    claim_windows: tuple[tuple[Optional[str], Optional[str]], ...]
    kind: str = "time"


@dataclass(frozen=True)
class K:
    kind: str
    status: str
    claim_ids: tuple[int, ...]


def windows(line):
    return {m.claim_id: (m.earliest, m.latest) for m in line.marks}


def test_marks_are_the_windows_the_engine_resolved_and_the_days_other_dates_name():
    claims = {1: C(1, 1, "2024-04"), 2: C(2, 2, None, "duration", "6+ months"), 3: C(3, 1, "2025-05-20"),
              4: C(4, 2, "2025-05-25", check_worthy=False), 5: C(5, 2, "XXXX-04-26")}
    facts = [F("F1", "conflict", (1, 2), ((None, "2024-04-30"), ("2025-01-29", None)))]
    line = timeline([A(1, 0), A(2, 1)], claims, facts, [])
    assert windows(line) == {1: (None, date(2024, 4, 30)), 2: (date(2025, 1, 29), None),
                             3: (date(2025, 5, 20), date(2025, 5, 20))}  # no context claim, no unknown year
    assert line.conflicts == ((1, 2),)  # no later than April 2024, and no earlier than January 2025
    assert [m.claim_id for m in line.marks] == [1, 2, 3] and all(m.fact == "F1" for m in line.marks[:2])


def test_a_date_check_in_conflict_pairs_two_marks_and_a_fact_that_holds_together_pairs_none():
    claims = {1: C(1, 1, "2026-03-03"), 2: C(2, 2, "2026-03-02"), 3: C(3, 1, "2026-03"), 4: C(4, 2, "2026-03-04")}
    facts = [F("F1", "conflict", (1, 2), (("2026-03-03", "2026-03-03"), ("2026-03-02", "2026-03-02"))),
             F("F2", "compatible", (3, 4), (("2026-03-01", "2026-03-31"), ("2026-03-04", "2026-03-04")))]
    line = timeline([A(1, 0), A(2, 1)], claims, facts, [K("date", "conflict", (1, 2))])
    assert line.conflicts == ((1, 2),)
    assert {m.claim_id for m in line.marks if m.conflict} == {1, 2}


def test_a_duration_of_an_order_conflict_knows_the_date_it_counts_from():
    claims = {1: C(1, 1, "2024-04", text="April 2024"), 2: C(2, 2, None, "duration", "6+ months"),
              3: C(3, 1, "2024-08", text="August 2024")}
    facts = [F("F1", "conflict", (1, 2), ((None, "2024-04-30"), ("2025-01-29", None))),
             F("F2", "agree", (3,), (("2024-08-01", "2024-08-31"),))]
    line = timeline([A(1, 0), A(2, 1)], claims, facts, [K("order", "conflict", (1, 2, 3))])
    assert {m.claim_id: m.counted_from for m in line.marks} == {1: (), 2: (3,), 3: ()}


def test_far_dates_lie_off_the_axis_never_on_a_day_they_do_not_name():
    claims = {1: C(1, 1, "2026-03-03"), 2: C(2, 1, "2026-03-02"), 3: C(3, 2, "1871"), 4: C(4, 2, "1998"),
              5: C(5, 2, "2031"), 6: C(6, 1, "2026")}
    line = timeline([A(1, 0), A(2, 1)], claims, [], [])
    assert (line.first, line.last) == (date(2026, 3, 1), date(2026, 3, 4))
    places = {m.claim_id: line.place(m) for m in line.marks}
    assert places == {1: ON, 2: ON, 3: BEFORE, 4: BEFORE, 5: AFTER, 6: ON}  # the year 2026 holds the story


def test_a_mark_near_the_story_widens_the_axis():
    claims = {1: C(1, 1, "2025-05-20"), 2: C(2, 1, "2025-05-25"), 3: C(3, 2, "2025-04-02")}
    line = timeline([A(1, 0), A(2, 1)], claims, [], [])
    assert line.first == date(2025, 4, 1) and all(line.place(m) == ON for m in line.marks)


days = st.dates()  # any day on the calendar: a claim may name year 1 or 9999


@given(st.lists(st.tuples(st.one_of(st.none(), days), st.one_of(st.none(), days)), min_size=1, max_size=12))
def test_every_mark_is_on_the_axis_or_wholly_before_or_after_it(spans):
    claims = {i + 1: C(i + 1, 1 + i % 2, None, "duration") for i in range(len(spans))}
    spans = [(a, b) if a is None or b is None or a <= b else (b, a) for a, b in spans]
    spans = [(a, b) if a or b else (date(2000, 1, 1), None) for a, b in spans]
    facts = [F("F1", "conflict", tuple(claims), tuple((a and a.isoformat(), b and b.isoformat()) for a, b in spans))]
    line = timeline([A(1, 0), A(2, 1)], claims, facts, [])
    assert line.first <= line.last and len(line.marks) == len(spans)
    for mark in line.marks:
        place = line.place(mark)
        if place == BEFORE:
            assert mark.latest < line.first
        elif place == AFTER:
            assert mark.earliest > line.last
        else:
            assert (mark.earliest is None or mark.earliest <= line.last) and (
                mark.latest is None or mark.latest >= line.first)


def test_the_demo_case_has_its_two_days_in_conflict_and_its_old_years_off_the_axis(tmp_path):
    with open_service(tmp_path / "demo.db") as service:
        case = import_demo_case(service)
        claims = {c.id: c for c in service.claims(case.id)}
        line = timeline(service.articles(case.id), claims, service.facts(case.id), service.checks(case.id))
        [(a, b)] = line.conflicts
        assert {claims[a].text, claims[b].text} == {"Tuesday, March 3", "Monday, March 2"}
        off = {claims[m.claim_id].text for m in line.marks if line.place(m) == BEFORE}
        assert off == {"1871", "1998"} and (line.last - line.first).days < 30


@needs_samples
def test_the_samples_show_april_2024_against_august_2024_plus_six_months(tmp_path):
    with open_service(tmp_path / "samples.db") as service:
        case = import_samples(service)
        claims = {c.id: c for c in service.claims(case.id)}
        line = timeline(service.articles(case.id), claims, service.facts(case.id), service.checks(case.id))
        pairs = {frozenset(claims[c].text for c in pair) for pair in line.conflicts}
        assert frozenset({"April 2024", "6+ months"}) in pairs
        [months] = [m for m in line.marks if claims[m.claim_id].text == "6+ months"]
        assert [claims[c].text for c in months.counted_from] == ["August 2024"]
        assert months.earliest is not None and date(2025, 1, 1) < months.earliest < date(2025, 3, 1)
        assert months.latest is None


@pytest.mark.parametrize("earliest, latest, words", [
    (date(2026, 3, 3), date(2026, 3, 3), "3 March 2026"),
    (date(2026, 3, 1), date(2026, 3, 9), "between 1 March 2026 and 9 March 2026"),
    (None, date(2024, 4, 30), "no later than 30 April 2024"),
    (date(2025, 1, 29), None, "no earlier than 29 January 2025"),
])
def test_a_marks_days_read_as_a_person_says_them(earliest, latest, words):
    assert window_words(TimelineMark(1, 1, earliest, latest, None, False)) == words
