"""Facts in the database: the machine's facts of a case (replaced at every analysis, with their claims and
statuses) and the reviewer's split/merge decisions, kept by claim and applied when facts are read, so
that they survive re-import (``fact_review.events.decisions``)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from sqlalchemy import delete, insert
from sqlmodel import Session, col, select

from fact_review.errors import InputError
from fact_review.events.decisions import Comparison, Decision, DraftFact, apply_decisions
from fact_review.model import CaseAnalysis
from fact_review.store.fact_models import Fact, FactClaim, FactDecision, FactDecisionClaim
from fact_review.store.analysis import machine_claim_ids
from fact_review.store.models import Check, CheckClaim, utcnow
from fact_review.store.rows import RatedByReviewers, VerdictRow


@dataclass(frozen=True)
class FactRow(RatedByReviewers):
    """A fact as the reviewer sees it. ``key`` names it for split/merge and verdicts ("F3", "split:7",
    "merge:9"; a re-analysis may renumber the machine's). Its verdicts, as a claim's: ``verdicts`` each
    reviewer's (under blind review only what the reader may see), ``final`` the adjudicator's,
    ``verdict`` the current one; ``rated_id`` is the rated fact they hang on (None: never rated), the id
    that stays when keys change (``restore_fact_verdict``, ``fact_verdict_history``)."""

    key: str
    case_id: int
    kind: str
    status: str
    label: str
    explanation: str
    claim_ids: tuple[int, ...]
    superseded_claim_ids: tuple[int, ...] = ()
    earliest: Optional[str] = None
    latest: Optional[str] = None
    by_reviewer: bool = False
    # per claim, in ``claim_ids`` order: the days (ISO, None when open) it allows for the fact's event
    claim_windows: tuple[tuple[Optional[str], Optional[str]], ...] = ()
    rated_id: Optional[int] = None
    verdicts: tuple[VerdictRow, ...] = ()
    final: Optional[VerdictRow] = None
    verdict: Optional[VerdictRow] = None


def store_facts(session: Session, case_id: int, ids: list[int], analysis: CaseAnalysis) -> None:
    """Replace the case's machine facts; ``ids[i]`` is the article the analysis calls i."""
    session.exec(delete(Fact).where(Fact.case_id == case_id))
    if not analysis.facts:
        return
    claim_ids = machine_claim_ids(session, case_id)
    fact_ids = session.execute(
        insert(Fact).returning(Fact.id, sort_by_parameter_order=True),
        [dict(case_id=case_id, key=f.id, kind=f.kind, status=f.status, label=f.label, explanation=f.explanation,
              earliest=f.earliest, latest=f.latest, position=position) for position, f in enumerate(analysis.facts)],
    ).scalars().all()
    members = []
    for fact_id, fact in zip(fact_ids, analysis.facts):
        seen = set()
        for position, member in enumerate(fact.claims):
            claim_id = claim_ids.get((ids[member.article], member.claim.start, member.claim.end))
            if claim_id is not None and claim_id not in seen:
                seen.add(claim_id)
                members.append(dict(fact_id=fact_id, claim_id=claim_id, position=position,
                                    superseded=member.superseded, earliest=member.earliest, latest=member.latest))
    if members:
        session.execute(insert(FactClaim), members)


def read_facts(session: Session, case_id: int) -> list[FactRow]:
    """The case's facts with the reviewer's decisions applied, most alarming first as the analysis ranked them.

    Read as plain columns, and the checks (for the status of a fact a decision remade) only among the
    claims the decisions touch: a 50-source case has tens of thousands of checks, which the window would
    otherwise read on every split and merge."""
    machine = session.exec(select(Fact).where(Fact.case_id == case_id).order_by(Fact.position)).all()
    members: dict[int, list[int]] = {}
    superseded: set[int] = set()
    windows: dict[int, tuple[Optional[str], Optional[str]]] = {}
    for fact_id, claim_id, is_superseded, earliest, latest in session.execute(
        select(FactClaim.fact_id, FactClaim.claim_id, FactClaim.superseded, FactClaim.earliest, FactClaim.latest)
        .join(Fact, col(Fact.id) == FactClaim.fact_id)
        .where(Fact.case_id == case_id).order_by(FactClaim.fact_id, FactClaim.position)
    ):
        members.setdefault(fact_id, []).append(claim_id)
        if is_superseded:
            superseded.add(claim_id)
        windows[claim_id] = (earliest, latest)
    drafts = [DraftFact(f.key, f.kind, f.status, f.label, f.explanation, tuple(members.get(f.id, ())),
                        f.earliest, f.latest) for f in machine]
    decisions = _decisions(session, case_id)
    comparisons = _comparisons(session, case_id, _touched(drafts, decisions)) if decisions else []
    facts = apply_decisions(drafts, decisions, comparisons)
    return [FactRow(f.key, case_id, f.kind, f.status, f.label, f.explanation, f.claims,
                    tuple(c for c in f.claims if c in superseded), f.earliest, f.latest, f.by_reviewer,
                    tuple(windows.get(c, (None, None)) for c in f.claims))
            for f in facts]


def _touched(drafts: Sequence[DraftFact], decisions: Sequence[Decision]) -> set[int]:
    """The claims whose facts a decision can remake: its own, and those of every fact that shares one."""
    decided = {c for d in decisions for c in d.claims}
    return decided | {c for f in drafts if decided.intersection(f.claims) for c in f.claims}


def split_fact(session: Session, case_id: int, fact_key: str, claim_ids: Sequence[int],
               reviewer: Optional[str] = None) -> int:
    """Take ``claim_ids`` out of the fact ``fact_key`` as a fact of their own; the decision's id (for undo)."""
    fact = _fact(session, case_id, fact_key)
    taken = [c for c in claim_ids if c in fact.claim_ids]
    if not taken or len(taken) == len(fact.claim_ids):
        raise InputError(f"split: give some, not all, of the claims of fact {fact_key}")
    return _decide(session, case_id, "split", taken, reviewer)


def merge_facts(session: Session, case_id: int, fact_keys: Sequence[str], reviewer: Optional[str] = None) -> int:
    """Make one fact of the facts ``fact_keys``; the decision's id (for undo)."""
    facts = [_fact(session, case_id, key) for key in dict.fromkeys(fact_keys)]
    if len(facts) < 2:
        raise InputError("merge: give two facts or more")
    return _decide(session, case_id, "merge", [c for f in facts for c in f.claim_ids], reviewer)


def undo_decision(session: Session, case_id: int, decision_id: int) -> None:
    session.exec(delete(FactDecision).where(FactDecision.id == decision_id, FactDecision.case_id == case_id))


def _fact(session: Session, case_id: int, key: str) -> FactRow:
    found = next((f for f in read_facts(session, case_id) if f.key == key), None)
    if found is None:
        raise InputError(f"no fact {key} in this case")
    return found


def _decide(session: Session, case_id: int, action: str, claim_ids: list[int], reviewer: Optional[str]) -> int:
    decision = FactDecision(case_id=case_id, action=action, reviewer=reviewer, created_at=utcnow())
    session.add(decision)
    session.flush()
    session.execute(insert(FactDecisionClaim), [dict(decision_id=decision.id, claim_id=c)
                                                 for c in dict.fromkeys(claim_ids)])
    return decision.id  # type: ignore[return-value]


def _decisions(session: Session, case_id: int) -> list[Decision]:
    claims: dict[int, list[int]] = {}
    for decision_id, claim_id in session.exec(
        select(FactDecisionClaim.decision_id, FactDecisionClaim.claim_id)
        .join(FactDecision, col(FactDecision.id) == FactDecisionClaim.decision_id)
        .where(FactDecision.case_id == case_id)
    ):
        claims.setdefault(decision_id, []).append(claim_id)
    return [Decision(d.action, tuple(sorted(claims.get(d.id, ()))), d.id)
            for d in session.exec(select(FactDecision).where(FactDecision.case_id == case_id))]


def _comparisons(session: Session, case_id: int, claims: set[int]) -> list[Comparison]:
    """The case's checks over any of ``claims`` (by claim id)."""
    members: dict[int, list[int]] = {}
    statuses: dict[int, str] = {}
    touching = select(CheckClaim.check_id).where(col(CheckClaim.claim_id).in_(sorted(claims)))
    for check_id, status, claim_id in session.exec(
        select(Check.id, Check.status, CheckClaim.claim_id)
        .join(CheckClaim, col(CheckClaim.check_id) == Check.id)
        .where(Check.case_id == case_id, col(Check.id).in_(touching))
    ):
        members.setdefault(check_id, []).append(claim_id)
        statuses[check_id] = status
    return [Comparison(statuses[k], tuple(v)) for k, v in members.items()]
