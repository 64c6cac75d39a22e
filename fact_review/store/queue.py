"""The review queue and progress counts, answered by SQL over the claims not dismissed (no claim rows
are built: a window asks for them after every verdict)."""
from __future__ import annotations

from typing import Any, Optional

from sqlalchemy import Connection, and_, case, exists, func, select

from fact_review.errors import InputError
from fact_review.store.models import Article, Check, CheckClaim, Claim, Verdict
from fact_review.store.rows import QUEUE_STATUSES, Progress

CLAIM, ARTICLE, VERDICT = Claim.__table__, Article.__table__, Verdict.__table__
CHECK, MEMBER = Check.__table__, CheckClaim.__table__
_CLAIMS = CLAIM.join(ARTICLE, ARTICLE.c.id == CLAIM.c.article_id).outerjoin(VERDICT, VERDICT.c.claim_id == CLAIM.c.id)
_READING_ORDER = (ARTICLE.c.position, CLAIM.c.start, CLAIM.c.id)
_LABELLED = VERDICT.c.label.is_not(None)
_FLAGGED = VERDICT.c.flagged.is_(True)
# the kind the reviewer sees: a correction in ``overrides`` wins over the machine's
_KIND = func.coalesce(func.json_extract(CLAIM.c.overrides, "$.kind"), CLAIM.c.kind)
# context claims (the report's dateline, "now" ...) come after the claims worth checking, unless the reviewer
# said otherwise
_CHECK_WORTHY = func.coalesce(func.json_extract(CLAIM.c.overrides, "$.check_worthy"), CLAIM.c.check_worthy)


def review_queue(
    connection: Connection, case_id: int, status: Optional[str], kind: Optional[str], label: Optional[str]
) -> list[int]:
    """Claim ids: claims worth checking before context, within each claims in conflict first, then in
    reading order."""
    if status is not None and status not in QUEUE_STATUSES:
        raise InputError(f"unknown queue status {status!r}: use one of {', '.join(QUEUE_STATUSES)}")
    conflict = _in_conflict(case_id)
    query = select(CLAIM.c.id).select_from(_CLAIMS).where(*_case_claims(case_id))
    wanted = {
        None: None, "unreviewed": ~_LABELLED, "conflicts": conflict, "reviewed": _LABELLED, "flagged": _FLAGGED,
    }[status]
    if wanted is not None:
        query = query.where(wanted)
    if kind is not None:
        query = query.where(_KIND == kind)
    if label is not None:
        query = query.where(VERDICT.c.label == label)
    query = query.order_by(case((_CHECK_WORTHY.is_(True), 0), else_=1), case((conflict, 0), else_=1),
                           *_READING_ORDER)
    return list(connection.execute(query).scalars())


def progress(connection: Connection, case_id: int) -> Progress:
    total, flagged, conflicts = connection.execute(
        select(func.count(), _count(_FLAGGED), _count(_in_conflict(case_id)))
        .select_from(_CLAIMS).where(*_case_claims(case_id))
    ).one()
    # labels in the order the reading first meets them
    rank = func.row_number().over(order_by=_READING_ORDER).label("rank")
    labelled = (
        select(VERDICT.c.label, rank).select_from(_CLAIMS).where(*_case_claims(case_id), _LABELLED).subquery()
    )
    by_label = dict(connection.execute(
        select(labelled.c.label, func.count()).group_by(labelled.c.label).order_by(func.min(labelled.c.rank))
    ).all())
    return Progress(total=total, reviewed=sum(by_label.values()), flagged=flagged, conflicts=conflicts,
                    by_label=by_label)


def _case_claims(case_id: int) -> tuple[Any, ...]:
    return ARTICLE.c.case_id == case_id, CLAIM.c.dismissed.is_(False)


def _in_conflict(case_id: int) -> Any:
    return exists().where(and_(
        MEMBER.c.claim_id == CLAIM.c.id, CHECK.c.id == MEMBER.c.check_id,
        CHECK.c.case_id == case_id, CHECK.c.status == "conflict",
    ))


def _count(condition: Any) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)
