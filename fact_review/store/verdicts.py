"""Verdicts: each reviewer's own row per claim (or per rated fact), and the adjudicator's final one.
Every change is one versioned update of one row plus an append-only history event and a change-log entry,
in one short transaction (the hot path of a review: one key press, one commit). A reviewer's change never touches
another reviewer's row.

A change is described by an ``Apply`` function that edits the verdict's fields in place; the
``labelled``/``annotated``/``cleared``/``restored``/``flagged`` builders make the service's ones.
"""
from __future__ import annotations

from typing import Any, Callable, Optional, Sequence

from sqlalchemy import Connection, and_, bindparam, false, insert, or_, update
from sqlalchemy import select as select_core
from sqlmodel import Session, select

from fact_review.errors import InputError
from fact_review.store import changes
from fact_review.store.convert import (
    VERDICT_FIELDS,
    scale_from_json,
    verdict_from_json,
    verdict_state,
    verdict_to_json,
)
from fact_review.store.errors import StaleError
from fact_review.store.models import Article as ArticleTable
from fact_review.store.fact_models import RatedFact
from fact_review.store.models import Case, Claim, Verdict, VerdictEvent, utcnow
from fact_review.store.rows import ScaleLabel, VerdictChange, VerdictEventRow, VerdictRow

Apply = Callable[[dict[str, Any], Sequence[ScaleLabel]], None]

CLAIM, VERDICT, EVENT = Claim.__table__, Verdict.__table__, VerdictEvent.__table__
ARTICLE, CASE, RATED = ArticleTable.__table__, Case.__table__, RatedFact.__table__
_FINAL, _REVIEWER, _SUBJECT_ID = bindparam("final"), bindparam("reviewer"), bindparam("subject_id")
_VERDICT_COLUMNS = (VERDICT.c.id.label("verdict_id"), *(VERDICT.c[name] for name in VERDICT_FIELDS))


def _seat(subject: Any, *, legacy: bool) -> Any:
    """The row a change applies to: the final one, or the reviewer's; ``legacy``: or a row from before team
    review, which has no reviewer and goes to the first reviewer who changes it (claims only)."""
    mine = VERDICT.c.reviewer == _REVIEWER
    return and_(subject, VERDICT.c.final == _FINAL,
                or_(_FINAL, mine, VERDICT.c.reviewer.is_(None)) if legacy else or_(_FINAL, mine))


# what a change needs to know of its subject: its case and scale, and the row it changes (if any)
_CLAIM_SUBJECT = (
    select_core(CLAIM.c.anchor_changed, ARTICLE.c.case_id, CASE.c.scale_json, *_VERDICT_COLUMNS)
    .select_from(
        CLAIM.join(ARTICLE, ARTICLE.c.id == CLAIM.c.article_id)
        .join(CASE, CASE.c.id == ARTICLE.c.case_id)
        .outerjoin(VERDICT, _seat(VERDICT.c.claim_id == CLAIM.c.id, legacy=True))
    )
    .where(CLAIM.c.id == _SUBJECT_ID)
    .order_by(VERDICT.c.reviewer.is_(None))  # one's own row before an unclaimed one
)
_FACT_SUBJECT = (
    select_core(false().label("anchor_changed"), RATED.c.case_id, CASE.c.scale_json, *_VERDICT_COLUMNS)
    .select_from(
        RATED.join(CASE, CASE.c.id == RATED.c.case_id)
        .outerjoin(VERDICT, _seat(VERDICT.c.rated_fact_id == RATED.c.id, legacy=False))
    )
    .where(RATED.c.id == _SUBJECT_ID)
)


def change_verdict(
    connection: Connection,
    claim_id: int,
    reviewer: str,
    apply: Apply,
    *,
    final: bool = False,
    create: bool = True,
    settles_anchor: bool = False,
    expected_version: Optional[int] = None,
    fact_id: Optional[int] = None,
) -> VerdictChange:
    """One change to ``reviewer``'s verdict row on a claim (or, ``final``, to the claim's final row,
    which then names ``reviewer`` as its adjudicator): bump its version, append the history event and
    the change-log entry. With ``fact_id`` (and ``claim_id`` None) the same on a rated fact's verdicts.

    Core statements rather than an ORM flush. ``create`` False: no row is made where there is none.
    ``settles_anchor``: the reviewer has judged the claim's new text. ``expected_version`` (undo and
    redo): the version the row had when the change being undone was made; a row changed since by
    someone else is refused (``StaleError``), not overwritten. 0 means "there was no row".
    """
    on_fact = fact_id is not None
    query, subject_id = (_FACT_SUBJECT, fact_id) if on_fact else (_CLAIM_SUBJECT, claim_id)
    found = connection.execute(query, {"subject_id": subject_id, "final": final, "reviewer": reviewer}).first()
    if found is None:
        raise InputError(f"no {'rated fact' if on_fact else 'claim'} with id {subject_id}")
    current = None if found.verdict_id is None else {name: getattr(found, name) for name in VERDICT_FIELDS}
    if expected_version is not None and (current["version"] if current else 0) != expected_version:
        raise _stale(claim_id, fact_id, final, current)
    if current is None and not create:
        return VerdictChange(claim_id, None, None, reviewer, final, fact_id=fact_id)
    now = utcnow()
    verdict = dict(current) if current else dict(
        label=None, rating=None, note=None, evidence_url=None, created_at=now, version=0, flagged=False, final=final,
    )
    verdict["updated_at"], verdict["version"], verdict["reviewer"] = now, verdict["version"] + 1, reviewer
    apply(verdict, scale_from_json(found.scale_json))
    if current is None:
        connection.execute(insert(VERDICT).values(claim_id=claim_id, rated_fact_id=fact_id, **verdict))
    else:
        connection.execute(update(VERDICT).where(VERDICT.c.id == found.verdict_id).values(**verdict))
    if settles_anchor and found.anchor_changed:
        connection.execute(update(CLAIM).where(CLAIM.c.id == claim_id).values(anchor_changed=False))
    before, after = verdict_state(claim_id, current, fact_id), verdict_state(claim_id, verdict, fact_id)
    connection.execute(insert(EVENT).values(
        claim_id=claim_id, rated_fact_id=fact_id, case_id=found.case_id, at=now, reviewer=reviewer,
        before_json=verdict_to_json(before), after_json=verdict_to_json(after),
    ))
    changes.record(connection, found.case_id, changes.FACT_VERDICT if on_fact else changes.VERDICT, subject_id,
                   reviewer, now)
    return VerdictChange(claim_id, before, after, reviewer, final, verdict["version"], fact_id)


def _stale(claim_id: Optional[int], fact_id: Optional[int], final: bool, current: Optional[dict[str, Any]]
           ) -> StaleError:
    state = verdict_state(claim_id, current, fact_id)
    now = f"it is now {state.label!r} by {state.reviewer}" if state and state.label else "it has none now"
    whose = "The final verdict" if final else "Your verdict"
    subject = f"claim {claim_id}" if fact_id is None else "this fact"
    return StaleError(f"{whose} on {subject} was changed elsewhere since ({now}): not changed here", state)


def labelled(label: str, note: Optional[str], evidence_url: Optional[str]) -> Apply:
    """A verdict with ``label`` (matched case-insensitively on the case's scale); None keeps a field."""

    def apply(verdict: dict[str, Any], scale: Sequence[ScaleLabel]) -> None:
        step = _scale_step(scale, label)
        if verdict["label"] is None:
            verdict["created_at"] = verdict["updated_at"]
        verdict["label"], verdict["rating"] = step.label, step.rating
        _keep_or_set(verdict, note=note, evidence_url=evidence_url)

    return apply


def annotated(note: Optional[str], evidence_url: Optional[str]) -> Apply:
    """A note and/or evidence url, label kept; None keeps a field, "" clears it."""

    def apply(verdict: dict[str, Any], scale: Sequence[ScaleLabel]) -> None:
        _keep_or_set(verdict, note=note, evidence_url=evidence_url)

    return apply


def cleared() -> Apply:
    """No verdict (the flag stays)."""

    def apply(verdict: dict[str, Any], scale: Sequence[ScaleLabel]) -> None:
        verdict.update(label=None, rating=None, note=None, evidence_url=None)

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


def history(session: Session, claim_id: Optional[int], only: Optional[str] = None, *,
            fact_id: Optional[int] = None) -> list[VerdictEventRow]:
    """Every change to the claim's verdicts (every reviewer's and the final one), oldest first;
    ``only``: the changes that reviewer made (blind review before their own verdict). With ``fact_id``
    (``claim_id`` None): the changes to that rated fact's verdicts."""
    subject = VerdictEvent.claim_id == claim_id if fact_id is None else VerdictEvent.rated_fact_id == fact_id
    query = select(VerdictEvent).where(subject).order_by(VerdictEvent.id)
    if only is not None:
        query = query.where(VerdictEvent.reviewer == only)
    return [
        VerdictEventRow(e.id, e.claim_id, e.at, e.reviewer, verdict_from_json(e.before_json),
                        verdict_from_json(e.after_json), e.rated_fact_id)
        for e in session.exec(query)
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
