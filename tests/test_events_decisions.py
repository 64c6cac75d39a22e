"""The reviewer's splits and merges applied to the machine's facts (fact_review.events.decisions)."""
from __future__ import annotations

from fact_review.events.decisions import Comparison, Decision, DraftFact, apply_decisions

FACTS = [DraftFact("F1", "quantity", "conflict", "missiles", "69 vs 70.", (1, 2, 3)),
         DraftFact("F2", "quantity", "agree", "drones", "Same.", (4, 5))]
CHECKS = [Comparison("conflict", (1, 2)), Comparison("agree", (2, 3)), Comparison("agree", (4, 5)),
          Comparison("compatible", (3, 4))]


def test_a_split_takes_claims_out_and_each_side_keeps_the_status_of_its_own_checks():
    facts = apply_decisions(FACTS, [Decision("split", (1,), 7)], CHECKS)
    assert [(f.key, f.claims, f.status, f.by_reviewer) for f in facts] == [
        ("F1", (2, 3), "agree", False), ("F2", (4, 5), "agree", False), ("split:7", (1,), "agree", True)]
    assert facts[2].explanation.startswith("Split off by the reviewer")


def test_a_merge_joins_facts_in_place_and_later_decisions_apply_on_top():
    facts = apply_decisions(FACTS, [Decision("merge", (3, 4), 2), Decision("split", (5,), 3)], CHECKS)
    assert [(f.key, f.claims, f.status) for f in facts] == [
        ("merge:2", (1, 2, 3, 4), "conflict"), ("split:3", (5,), "agree")]
    assert facts[0].label == "missiles / drones"


def test_decisions_whose_claims_are_gone_change_nothing():
    assert apply_decisions(FACTS, [Decision("split", (99,), 1), Decision("merge", (1, 99), 2)], CHECKS) == FACTS
