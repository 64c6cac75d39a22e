"""Difference constraints and the negative-cycle test (fact_review.events.constraints)."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from fact_review.events import constraints as module
from fact_review.events.constraints import Constraints


def system(variables, edges):
    built = Constraints(variables)
    for source, target, weight in edges:
        built.add(source, target, weight, (source, target, weight))
    return built


def test_constraints_that_hold_have_no_cycle_and_give_bounds():
    # x1 in [10, 20], x2 at least 5 after x1
    built = system(3, [(0, 1, 20), (1, 0, -10), (2, 1, -5)])
    assert built.negative_cycle() is None
    earliest, latest = built.bounds(0)
    assert (earliest[1], latest[1]) == (10, 20)
    assert (earliest[2], latest[2]) == (15, None)


def test_constraints_that_cannot_hold_give_the_cycle_in_order():
    # x1 <= 10, x2 >= x1 + 5, x2 <= 12, x1 >= 9: x2 >= 14 > 12
    built = system(3, [(0, 1, 10), (1, 0, -9), (2, 1, -5), (0, 2, 12)])
    cycle = built.negative_cycle()
    assert cycle is not None and sum(e.weight for e in cycle) < 0
    assert all(a.target == b.source for a, b in zip(cycle, cycle[1:] + cycle[:1]))


def test_parts_tied_only_by_the_origin_are_checked_apart():
    built = system(5, [(0, 1, 10), (1, 0, -9), (0, 2, 4), (2, 3, 0), (3, 2, 0), (0, 4, 1)])
    parts = built.split(0)
    assert sorted(sorted(variables) for _, variables in parts) == [[0, 1], [0, 2, 3], [0, 4]]


def test_the_work_is_bounded_across_every_search_of_one_set(monkeypatch):
    monkeypatch.setattr(module, "WORK_LIMIT", 50)
    chain = [(k, k + 1, -1) for k in range(200)] + [(200, 0, 150)]  # a long cycle of weight -50
    built = system(201, chain)
    assert built.negative_cycle() is None  # gave up: no answer rather than a long wait
    assert built.spent and built.bounds(0) == ([None] * 201, [None] * 201)
    assert all(part.spent for part, _ in built.split(0))  # its parts share what is left


edges = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5), st.integers(-10, 10)), max_size=20)


@settings(max_examples=200)
@given(edges)
def test_a_cycle_is_reported_exactly_when_no_assignment_satisfies_every_constraint(found):
    built = system(6, found)
    cycle = built.negative_cycle()
    # Bellman-Ford from a virtual source: distances satisfy every edge exactly when no negative cycle exists
    distance = [0] * 6
    for _ in range(7):
        for source, target, weight in found:
            if source == target and weight >= 0:
                continue
            distance[target] = min(distance[target], distance[source] + weight)
    feasible = all(distance[t] <= distance[s] + w for s, t, w in found)
    assert (cycle is None) == feasible
    if cycle is not None:
        assert sum(e.weight for e in cycle) < 0
