"""The reviewer's word on facts: a fact is the machine's suggestion, and the reviewer can split claims off
it or merge facts. Decisions are kept apart from the machine's facts (by claim, in the order they were
taken) and applied to whatever the machine suggests after each re-analysis, so they survive re-import
as long as their claims do.

Works on plain ids: claims are whatever the caller identifies them by (the store's claim ids).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Hashable, Sequence

from fact_review.model import STATUS_ORDER

ClaimId = Hashable


@dataclass(frozen=True)
class DraftFact:
    """A fact over claim ids: the machine's, or one the reviewer's decisions made."""

    key: str  # the machine's fact id, or "split:N"/"merge:N" for one a decision made
    kind: str
    status: str
    label: str
    explanation: str
    claims: tuple[ClaimId, ...]
    earliest: str | None = None
    latest: str | None = None
    by_reviewer: bool = False


@dataclass(frozen=True)
class Decision:
    action: str  # split | merge
    claims: tuple[ClaimId, ...]  # split: the claims taken out, as one fact; merge: claims of the facts joined
    number: int = 0  # the decision's order (and the key of the fact it makes)


@dataclass(frozen=True)
class Comparison:
    """A check between claims (its status, the claims it compares), for the status of a remade fact."""

    status: str
    claims: tuple[ClaimId, ...]


def apply_decisions(facts: Sequence[DraftFact], decisions: Sequence[Decision],
                    comparisons: Sequence[Comparison]) -> list[DraftFact]:
    """The facts after the decisions, in order; a decision whose claims no longer exist is skipped."""
    result = list(facts)
    for decision in sorted(decisions, key=lambda d: d.number):
        result = _split(result, decision, comparisons) if decision.action == "split" \
            else _merge(result, decision, comparisons)
    return [f for f in result if f.claims]


def _split(facts: list[DraftFact], decision: Decision, comparisons: Sequence[Comparison]) -> list[DraftFact]:
    taken = [c for c in decision.claims if any(c in f.claims for f in facts)]
    if not taken:
        return facts
    source = next(f for f in facts if taken[0] in f.claims)
    result = []
    for fact in facts:
        left = tuple(c for c in fact.claims if c not in taken)
        if left != fact.claims:
            fact = _remade(fact, left, comparisons, f"{len(fact.claims) - len(left)} claim(s) split off by the reviewer")
        result.append(fact)
    result.append(_remade(replace(source, key=f"split:{decision.number}", by_reviewer=True, earliest=None,
                                  latest=None), tuple(taken),
                          comparisons, "Split off by the reviewer"))
    return result


def _merge(facts: list[DraftFact], decision: Decision, comparisons: Sequence[Comparison]) -> list[DraftFact]:
    joined = [f for f in facts if any(c in f.claims for c in decision.claims)]
    if len(joined) < 2:
        return facts
    claims = tuple(c for f in joined for c in f.claims)
    merged = _remade(replace(joined[0], key=f"merge:{decision.number}", by_reviewer=True, earliest=None, latest=None,
                             label=" / ".join(dict.fromkeys(f.label for f in joined))),
                     claims, comparisons, "Merged by the reviewer")
    first = facts.index(joined[0])
    rest = [f for f in facts if f not in joined]
    return rest[:first] + [merged] + rest[first:]


def _remade(fact: DraftFact, claims: tuple[ClaimId, ...], comparisons: Sequence[Comparison], why: str) -> DraftFact:
    """The fact over ``claims``, its status from the checks among them (agree when none compares them)."""
    inside = set(claims)
    statuses = [c.status for c in comparisons if len(c.claims) >= 2 and set(c.claims) <= inside]
    status = min(statuses, key=STATUS_ORDER.__getitem__) if statuses else "agree"
    return replace(fact, claims=claims, status=status, explanation=f"{why}. {fact.explanation}".strip())
