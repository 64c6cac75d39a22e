"""Verdicts: every change is one versioned update of the claim's verdict row plus an append-only
history event, in one short transaction (the hot path of a review: one key press, one commit).

A change is described by an ``Apply`` function that edits the verdict's fields in place; the
``labelled``/``annotated``/``cleared``/``restored``/``flagged`` builders make the service's ones.
"""
from __future__ import annotations

from typing import Any, Callable, Optional, Sequence

from sqlalchemy import Connection, bindparam, insert, update
from sqlalchemy import select as select_core
from sqlmodel import Session, select

from fact_review.errors import InputError
from fact_review.store.convert import (
    VERDICT_FIELDS,
    scale_from_json,
    verdict_from_json,
    verdict_state,
    verdict_to_json,
)
from fact_review.store.models import Article as ArticleTable
from fact_review.store.models import Case, Claim, Verdict, VerdictEvent, utcnow
from fact_review.store.rows import ScaleLabel, VerdictChange, VerdictEventRow, VerdictRow

Apply = Callable[[dict[str, Any], Sequence[ScaleLabel]], None]

CLAIM, VERDICT, EVENT = Claim.__table__, Verdict.__table__, VerdictEvent.__table__
ARTICLE, CASE = ArticleTable.__table__, Case.__table__
_SUBJECT = (
    select_core(CLAIM.c.anchor_changed, CASE.c.scale_json, VERDICT.c.id.label("verdict_id"),
                *(VERDICT.c[name] for name in VERDICT_FIELDS))
    .select_from(
        CLAIM.join(ARTICLE, ARTICLE.c.id == CLAIM.c.article_id)
        .join(CASE, CASE.c.id == ARTICLE.c.case_id)
        .outerjoin(VERDICT, VERDICT.c.claim_id == CLAIM.c.id)
    )
    .where(CLAIM.c.id == bindparam("claim_id"))
)


def change_verdict(
    connection: Connection,
    claim_id: int,
    reviewer: Optional[str],
    apply: Apply,
    *,
    create: bool = True,
    settles_anchor: bool = False,
) -> VerdictChange:
    """One change to a claim's verdict row: bump its version and append the history event.

    Three Core statements rather than an ORM flush. ``create`` False: a claim without a verdict row
    is left alone. ``settles_anchor``: the reviewer has judged the claim's new text.
    """
    found = connection.execute(_SUBJECT, {"claim_id": claim_id}).first()
    if found is None:
        raise InputError(f"no claim with id {claim_id}")
    current = None if found.verdict_id is None else {name: getattr(found, name) for name in VERDICT_FIELDS}
    if current is None and not create:
        return VerdictChange(claim_id, None, None)
    now = utcnow()
    verdict = dict(current) if current else dict(
        label=None, rating=None, note=None, evidence_url=None, reviewer=None, created_at=now,
        version=0, flagged=False,
    )
    verdict["updated_at"], verdict["version"] = now, verdict["version"] + 1
    apply(verdict, scale_from_json(found.scale_json))
    if current is None:
        connection.execute(insert(VERDICT).values(claim_id=claim_id, **verdict))
    else:
        connection.execute(update(VERDICT).where(VERDICT.c.id == found.verdict_id).values(**verdict))
    if settles_anchor and found.anchor_changed:
        connection.execute(update(CLAIM).where(CLAIM.c.id == claim_id).values(anchor_changed=False))
    before, after = verdict_state(claim_id, current), verdict_state(claim_id, verdict)
    connection.execute(insert(EVENT).values(
        claim_id=claim_id, at=now, reviewer=reviewer,
        before_json=verdict_to_json(before), after_json=verdict_to_json(after),
    ))
    return VerdictChange(claim_id, before, after)


def labelled(label: str, note: Optional[str], evidence_url: Optional[str], reviewer: Optional[str]) -> Apply:
    """A verdict with ``label`` (matched case-insensitively on the case's scale); None keeps a field."""

    def apply(verdict: dict[str, Any], scale: Sequence[ScaleLabel]) -> None:
        step = _scale_step(scale, label)
        if verdict["label"] is None:
            verdict["created_at"] = verdict["updated_at"]
        verdict["label"], verdict["rating"] = step.label, step.rating
        _keep_or_set(verdict, note=note, evidence_url=evidence_url, reviewer=reviewer)

    return apply


def annotated(note: Optional[str], evidence_url: Optional[str], reviewer: Optional[str]) -> Apply:
    """A note and/or evidence url, label kept; None keeps a field, "" clears it."""

    def apply(verdict: dict[str, Any], scale: Sequence[ScaleLabel]) -> None:
        _keep_or_set(verdict, note=note, evidence_url=evidence_url, reviewer=reviewer)

    return apply


def cleared(reviewer: Optional[str]) -> Apply:
    """No verdict (the flag stays)."""

    def apply(verdict: dict[str, Any], scale: Sequence[ScaleLabel]) -> None:
        verdict.update(label=None, rating=None, note=None, evidence_url=None)
        _keep_or_set(verdict, reviewer=reviewer)

    return apply


def restored(state: Optional[VerdictRow]) -> Apply:
    """Back to ``state`` (undo/redo), the flag included."""

    def apply(verdict: dict[str, Any], scale: Sequence[ScaleLabel]) -> None:
        if state is None:
            verdict.update(label=None, rating=None, note=None, evidence_url=None, flagged=False)
        else:
            verdict.update(label=state.label, rating=state.rating, note=state.note,
                           evidence_url=state.evidence_url, reviewer=state.reviewer,
                           flagged=state.flagged, created_at=state.created_at)

    return apply


def flagged(flag: bool) -> Apply:
    def apply(verdict: dict[str, Any], scale: Sequence[ScaleLabel]) -> None:
        verdict["flagged"] = flag

    return apply


def history(session: Session, claim_id: int) -> list[VerdictEventRow]:
    """Every change to the claim's verdict, oldest first."""
    events = session.exec(select(VerdictEvent).where(VerdictEvent.claim_id == claim_id).order_by(VerdictEvent.id))
    return [
        VerdictEventRow(e.id, e.claim_id, e.at, e.reviewer, verdict_from_json(e.before_json),
                        verdict_from_json(e.after_json))
        for e in events
    ]


def _keep_or_set(verdict: dict[str, Any], **given: Optional[str]) -> None:
    for name, value in given.items():
        if value is not None:
            verdict[name] = value


def _scale_step(scale: Sequence[ScaleLabel], label: str) -> ScaleLabel:
    wanted = (label or "").strip().casefold()
    for step in scale:
        if step.label.casefold() == wanted:
            return step
    names = ", ".join(s.label for s in scale)
    raise InputError(f"unknown verdict label {label!r}: this case's scale has {names}")
