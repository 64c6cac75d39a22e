"""The review queue and progress counts of one reviewer (their own verdicts), answered by SQL over the
claims not dismissed (no claim rows are built: a window asks for them after every verdict)."""
from __future__ import annotations

from typing import Any, Optional

from sqlalchemy import Connection, and_, case, func, or_, select

from fact_review.errors import InputError
from fact_review.store.models import Article, Check, CheckClaim, Claim, Verdict
from fact_review.store.rows import QUEUE_STATUSES, Progress
from fact_review.store.sql import json_flag, json_text

CLAIM, ARTICLE, VERDICT = Claim.__table__, Article.__table__, Verdict.__table__
CHECK, MEMBER = Check.__table__, CheckClaim.__table__
_READING_ORDER = (ARTICLE.c.position, CLAIM.c.start, CLAIM.c.id)
_LABELLED = VERDICT.c.label.is_not(None)
_FLAGGED = VERDICT.c.flagged.is_(True)
# the kind the reviewer sees: a correction in ``overrides`` wins over the machine's
_KIND = func.coalesce(json_text(CLAIM.c.overrides, "kind"), CLAIM.c.kind)
# context claims (the report's dateline, "now" ...) come after the claims worth checking, unless the reviewer
# said otherwise
_CHECK_WORTHY = func.coalesce(json_flag(CLAIM.c.overrides, "check_worthy"), CLAIM.c.check_worthy)


def _claims(reviewer: str) -> Any:
    """Claims with ``reviewer``'s own verdict row (a row from before team review, with no reviewer,
    counts as anyone's until someone takes it: both never exist for one claim)."""
    own = and_(VERDICT.c.claim_id == CLAIM.c.id, ~VERDICT.c.final,
               or_(VERDICT.c.reviewer == reviewer, VERDICT.c.reviewer.is_(None)))
    return CLAIM.join(ARTICLE, ARTICLE.c.id == CLAIM.c.article_id).outerjoin(VERDICT, own)


def review_queue(
    connection: Connection, case_id: int, status: Optional[str], kind: Optional[str], label: Optional[str],
    reviewer: str, check_worthy: Optional[bool] = None,
) -> list[int]:
    """Claim ids: claims worth checking before context, within each claims in conflict first, then in
    reading order; statuses and labels are ``reviewer``'s. ``check_worthy``: only claims worth checking
    (True), only context claims (False), or both (None)."""
    if status is not None and status not in QUEUE_STATUSES:
        raise InputError(f"unknown queue status {status!r}: use one of {', '.join(QUEUE_STATUSES)}")
    conflict = _in_conflict(case_id)
    query = select(CLAIM.c.id).select_from(_claims(reviewer)).where(*_case_claims(case_id))
    wanted = {
        None: None, "unreviewed": ~_LABELLED, "conflicts": conflict, "reviewed": _LABELLED, "flagged": _FLAGGED,
    }[status]
    if wanted is not None:
        query = query.where(wanted)
    if kind is not None:
        query = query.where(_KIND == kind)
    if label is not None:
        query = query.where(VERDICT.c.label == label)
    if check_worthy is not None:
        query = query.where(_CHECK_WORTHY.is_(check_worthy))
    query = query.order_by(case((_CHECK_WORTHY.is_(True), 0), else_=1), case((conflict, 0), else_=1),
                           *_READING_ORDER)
    return list(connection.execute(query).scalars())


def progress(connection: Connection, case_id: int, reviewer: str) -> Progress:
    claims = _claims(reviewer)
    total, flagged, conflicts = connection.execute(
        select(func.count(), _count(_FLAGGED), _count(_in_conflict(case_id)))
        .select_from(claims).where(*_case_claims(case_id))
    ).one()
    # labels in the order the reading first meets them
    rank = func.row_number().over(order_by=_READING_ORDER).label("rank")
    labelled = (
        select(VERDICT.c.label, rank).select_from(claims).where(*_case_claims(case_id), _LABELLED).subquery()
    )
    by_label = dict(connection.execute(
        select(labelled.c.label, func.count()).group_by(labelled.c.label).order_by(func.min(labelled.c.rank))
    ).all())
    return Progress(total=total, reviewed=sum(by_label.values()), flagged=flagged, conflicts=conflicts,
                    by_label=by_label)


def _case_claims(case_id: int) -> tuple[Any, ...]:
    return ARTICLE.c.case_id == case_id, CLAIM.c.dismissed.is_(False)


def _in_conflict(case_id: int) -> Any:
    """The claim is in a conflicting check of the case. An uncorrelated IN: the set is computed once per
    query, whatever the planner believes about the tables' sizes (a correlated EXISTS ran per claim)."""
    return CLAIM.c.id.in_(
        select(MEMBER.c.claim_id).join(CHECK, CHECK.c.id == MEMBER.c.check_id)
        .where(CHECK.c.case_id == case_id, CHECK.c.status == "conflict")
    )


def _count(condition: Any) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)
