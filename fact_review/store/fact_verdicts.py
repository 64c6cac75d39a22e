"""Verdicts on facts. A fact is remade at every analysis (its key may change, it may gain or lose claims, a
reviewer may split or merge it), so its verdicts cannot hang on the fact's row: they hang on a *rated
fact*, made the first time anyone rates the fact and kept by its claims (as split/merge decisions are).

Each read gives every rated fact to the fact that shares the most claims with it, one to one: a fact that
gained a source keeps its verdicts, a split leaves them with the part that holds most of the rated
claims, and where a merge joins two rated facts the one sharing more claims shows (the other's verdicts
stay stored and come back if the merge is undone). A rated fact whose claims are all gone is shown nowhere.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Mapping, Optional, Sequence

from sqlalchemy import insert, update
from sqlalchemy import select as select_core
from sqlmodel import Session

from fact_review.errors import InputError
from fact_review.store.convert import VERDICT_FIELDS, reviewers_and_final, verdict_state
from fact_review.store.fact_models import RatedFact, RatedFactClaim
from fact_review.store.facts import FactRow, read_facts
from fact_review.store.models import Case, Verdict, utcnow
from fact_review.store.reads import VERDICT_ORDER, blind_view, get_case, has_rated
from fact_review.store.rows import VerdictRow, current_verdict

RATED, MEMBER, VERDICT = RatedFact.__table__, RatedFactClaim.__table__, Verdict.__table__
_VERDICT_COLUMNS = [VERDICT.c[name] for name in VERDICT_FIELDS]


def assign(facts: Sequence[FactRow], rated: Mapping[int, frozenset[int]]) -> dict[str, int]:
    """Fact key -> rated fact id: the pairs that share the most claims first (then the older rated fact,
    then the fact ranked first), each fact and each rated fact taken once."""
    pairs = sorted(
        ((len(claims.intersection(fact.claim_ids)), rated_id, position, fact.key)
         for rated_id, claims in rated.items() for position, fact in enumerate(facts)),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    given: dict[str, int] = {}
    taken: set[int] = set()
    for shared, rated_id, _position, key in pairs:
        if shared and key not in given and rated_id not in taken:
            given[key] = rated_id
            taken.add(rated_id)
    return given


def rated_facts(session: Session, case_id: int) -> dict[int, frozenset[int]]:
    """The case's rated facts with the claims each was rated with (those still in the case)."""
    claims: dict[int, set[int]] = {}
    for rated_id, claim_id in session.execute(
        select_core(MEMBER.c.rated_fact_id, MEMBER.c.claim_id)
        .join(RATED, RATED.c.id == MEMBER.c.rated_fact_id).where(RATED.c.case_id == case_id)
    ):
        claims.setdefault(rated_id, set()).add(claim_id)
    return {rated_id: frozenset(members) for rated_id, members in claims.items()}


def facts_with_verdicts(session: Session, case_id: int, viewer: Optional[str] = None) -> list[FactRow]:
    """The case's facts, each with its verdicts; ``viewer`` as for claims (blind review)."""
    facts = read_facts(session, case_id)
    given = assign(facts, rated_facts(session, case_id))
    if not given:
        return facts
    rows: dict[int, list[VerdictRow]] = {}
    for row in session.execute(
        select_core(VERDICT.c.rated_fact_id, *_VERDICT_COLUMNS).where(VERDICT.c.rated_fact_id.in_(given.values()))
        .order_by(*VERDICT_ORDER)
    ):
        shown = verdict_state(None, dict(zip(VERDICT_FIELDS, row[1:])), row.rated_fact_id)
        if shown is not None:
            rows.setdefault(row.rated_fact_id, []).append(shown)
    blind = viewer is not None and get_case(session, case_id).blind
    result = []
    for fact in facts:
        rated_id = given.get(fact.key)
        seen = rows.get(rated_id, []) if rated_id is not None else []
        if blind:
            seen = blind_view(seen, viewer)
        own, final = reviewers_and_final(seen)
        result.append(replace(fact, rated_id=rated_id, verdicts=own, final=final, verdict=current_verdict(own, final)))
    return result


def rated_fact_for(session: Session, case_id: int, fact_key: str, *, create: bool = True) -> Optional[int]:
    """The rated fact that the fact ``fact_key`` shows, made (with the fact's claims) when it has none yet
    and ``create`` (else None).

    Making one writes the case row first: on a server, two reviewers rating the same new fact at once
    then conflict, and the one that runs again finds the other's rated fact instead of making a second.
    """
    facts = read_facts(session, case_id)
    fact = next((f for f in facts if f.key == fact_key), None)
    if fact is None:
        known = ", ".join(f.key for f in facts[:12]) or "none"
        raise InputError(f"no fact {fact_key!r} in this case (facts: {known}{' ...' if len(facts) > 12 else ''})")
    found = assign(facts, rated_facts(session, case_id)).get(fact_key)
    if found is not None or not create:
        return found
    get_case(session, case_id)
    session.execute(update(Case).where(Case.id == case_id).values(name=Case.name))
    rated_id = session.execute(insert(RATED).values(case_id=case_id, created_at=utcnow())
                               .returning(RATED.c.id)).scalar_one()
    session.execute(insert(MEMBER), [dict(rated_fact_id=rated_id, claim_id=c) for c in dict.fromkeys(fact.claim_ids)])
    return rated_id


def rated_fact_case(session: Session, rated_id: int) -> int:
    case_id = session.execute(select_core(RATED.c.case_id).where(RATED.c.id == rated_id)).scalar()
    if case_id is None:
        raise InputError(f"no rated fact with id {rated_id}")
    return case_id


def may_see_others(session: Session, rated_id: int, viewer: str) -> bool:
    """As for a claim: always, unless the case is under blind review and ``viewer`` has not rated the fact."""
    return (not get_case(session, rated_fact_case(session, rated_id)).blind
            or has_rated(session, VERDICT.c.rated_fact_id == rated_id, viewer))
