"""Quantity facts: claims that state the same quantity of the same thing, wherever they stand in the case.

They are the groups that the value and count checks hold together: every check compares two claims that
measure one thing (the same counted noun, or figures paired in statements the matcher links, whatever
words they use), so a fact is a connected group of such comparisons. Its status is its most alarming
comparison's ("superseded" when every disagreement is a later report's update).
"""
from __future__ import annotations

from collections import Counter

from fact_review.events.groups import Groups
from fact_review.events.labels import fact_noun, measured, quantity_label
from fact_review.matching.checks.context import CheckContext, PlacedClaim
from fact_review.model import STATUS_ORDER, Check, Claim, FactClaim

QUANTITY_CHECKS = frozenset({"value", "count"})


def quantity_groups(checks: list[Check]) -> list[tuple[list[Check], list[tuple[int, Claim]]]]:
    """The checks of each quantity fact, and its claims (article, claim) in reading order."""
    groups = Groups()
    claims: dict[int, tuple[int, Claim]] = {}
    relevant = [c for c in checks if c.kind in QUANTITY_CHECKS and c.claims[0].claim.kind != "date"]
    for check in relevant:
        for checked in check.claims:
            claims.setdefault(id(checked.claim), (checked.article, checked.claim))
        first = id(check.claims[0].claim)
        for checked in check.claims[1:]:
            groups.union(first, id(checked.claim))
    result = []
    for members in groups.members(claims):
        member_set = set(members)
        own = [c for c in relevant if id(c.claims[0].claim) in member_set]
        ordered = sorted((claims[m] for m in members), key=lambda ac: (ac[0], ac[1].start))
        result.append((own, ordered))
    return result


def quantity_fact(context: CheckContext, placed: dict[int, PlacedClaim], checks: list[Check],
                  claims: list[tuple[int, Claim]]) -> tuple[str, str, tuple[FactClaim, ...], str]:
    """(label, status, claims, explanation) of one quantity fact."""
    status = min((c.status for c in checks), key=STATUS_ORDER.__getitem__)
    superseded = {id(c.claims[0].claim) for c in checks if c.status == "superseded"}
    fact_claims = tuple(FactClaim(article, claim, superseded=id(claim) in superseded) for article, claim in claims)
    alarming = [c.explanation for c in checks if c.status in ("conflict", "superseded")]
    if alarming:
        explanation = " ".join(dict.fromkeys(alarming))
    elif status == "agree":
        explanation = ("Both statements give the same amount." if len(claims) == 2
                       else f"All {len(claims)} statements give the same amount.")
    else:
        explanation = " ".join(dict.fromkeys(c.explanation for c in checks))
    return label(context, placed, claims), status, fact_claims, explanation


def label(context: CheckContext, placed: dict[int, PlacedClaim], claims: list[tuple[int, Claim]]) -> str:
    """What the fact counts, as a reviewer would name it (``labels``): from the words around the first
    statement that says more than its noun ("missiles launched", "cost of repairs"), else what the figures
    measure ("number of drones"); the noun is the commonest one its statements count. ``placed``: the
    case's claims by id."""
    noun = fact_noun(Counter(c.noun.lower() for _, c in claims if c.noun))
    for _, claim in claims:
        where = placed.get(id(claim))
        if where is None:
            continue
        sentence = context.sentences[where.sentence]
        named = quantity_label(claim, sentence.text[:claim.start - sentence.start],
                               sentence.text[claim.end - sentence.start:], noun)
        if named:
            return named
    return measured(claims[0][1], noun)
