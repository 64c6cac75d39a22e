"""Reading a case's contents as frozen rows, and the lookups that turn an unknown id into a clear error.

Every function takes the session of the unit of work the service opened.
"""
from __future__ import annotations

from dataclasses import fields
from typing import Any, Optional

from sqlalchemy import func
from sqlalchemy import select as select_core
from sqlmodel import Session, col, select

from fact_review.errors import InputError
from fact_review.store.convert import VERDICT_FIELDS, article_row, case_row, claim_row, verdict_state
from fact_review.store.models import Article as ArticleTable
from fact_review.store.models import Case, Check, CheckClaim, Claim, Match, Sentence, Verdict
from fact_review.store.rows import ArticleRow, CaseRow, CheckRow, ClaimRow, MatchRow, SentenceRow, VerdictRow

# Long lists are read as plain rows (Core), not ORM objects: a case has thousands of matches and claims.
CLAIM, VERDICT, MATCH, SENTENCE = Claim.__table__, Verdict.__table__, Match.__table__, Sentence.__table__
CHECK = Check.__table__
_VERDICT_COLUMNS = [VERDICT.c[name] for name in VERDICT_FIELDS]
# reviewers' rows by name, then the final one: the order ``ClaimRow.verdicts`` (and a fact's) lists them in
VERDICT_ORDER = (VERDICT.c.final, func.coalesce(VERDICT.c.reviewer, ""), VERDICT.c.id)
_MATCH_ROW_COLUMNS = [MATCH.c[f.name] for f in fields(MatchRow)]


def get(session: Session, table: Any, row_id: int, what: str) -> Any:
    row = session.get(table, row_id)
    if row is None:
        raise InputError(f"no {what} with id {row_id}")
    return row


def get_case(session: Session, case_id: int) -> Case:
    return get(session, Case, case_id, "case")


def claim_and_case(session: Session, claim_id: int) -> tuple[Claim, Case]:
    found = session.exec(
        select(Claim, Case)
        .join(ArticleTable, col(ArticleTable.id) == Claim.article_id)
        .join(Case, col(Case.id) == ArticleTable.case_id)
        .where(Claim.id == claim_id)
    ).first()
    if found is None:
        raise InputError(f"no claim with id {claim_id}")
    return found[0], found[1]


def case_by_id(session: Session, case_id: int) -> CaseRow:
    return case_row(get_case(session, case_id))


def case_named(session: Session, name: str) -> Optional[CaseRow]:
    case = session.exec(select(Case).where(Case.name == name)).first()
    return case_row(case) if case else None


def cases(session: Session) -> list[CaseRow]:
    return [case_row(c) for c in session.exec(select(Case).order_by(Case.name))]


def articles(session: Session, case_id: int) -> list[ArticleRow]:
    """The case's articles in import order, with their full text."""
    return [article_row(a) for a in session.exec(
        select(ArticleTable).where(ArticleTable.case_id == case_id).order_by(ArticleTable.position)
    )]


def sentences(session: Session, article_id: int) -> list[SentenceRow]:
    return [SentenceRow(s.id, s.article_id, s.start, s.end) for s in session.execute(
        select_core(SENTENCE).where(SENTENCE.c.article_id == article_id).order_by(SENTENCE.c.start)
    )]


def claim_rows(
    session: Session, case_id: int, article_id: Optional[int], include_dismissed: bool,
    claim_id: Optional[int] = None, viewer: Optional[str] = None,
) -> list[ClaimRow]:
    """Claims with their verdicts, ordered by article then start offset.

    ``viewer``: the reviewer reading, on a blind-review case: on the claims they have not rated yet they
    see their own row only (others' verdicts and the final one stay hidden). None: everything.
    """
    query = (
        select_core(CLAIM)
        .join(ArticleTable, col(ArticleTable.id) == Claim.article_id)
        .where(ArticleTable.case_id == case_id)
        .order_by(ArticleTable.position, Claim.start, Claim.id)
    )
    verdict_query = (
        select_core(VERDICT.c.claim_id, *_VERDICT_COLUMNS)
        .join(CLAIM, CLAIM.c.id == VERDICT.c.claim_id)
        .join(ArticleTable, col(ArticleTable.id) == Claim.article_id)
        .where(ArticleTable.case_id == case_id)
        .order_by(*VERDICT_ORDER)
    )
    status_query = (
        select(CheckClaim.claim_id, Check.status)
        .join(Check, col(Check.id) == CheckClaim.check_id)
        .where(Check.case_id == case_id)
    )
    if article_id is not None:
        query = query.where(Claim.article_id == article_id)
        verdict_query = verdict_query.where(Claim.article_id == article_id)
    if claim_id is not None:
        query = query.where(Claim.id == claim_id)
        verdict_query = verdict_query.where(VERDICT.c.claim_id == claim_id)
        status_query = status_query.where(CheckClaim.claim_id == claim_id)
    if not include_dismissed:
        query = query.where(col(Claim.dismissed).is_(False))
    statuses: dict[int, set[str]] = {}
    for member, status in session.exec(status_query):
        statuses.setdefault(member, set()).add(status)
    verdicts: dict[int, list[VerdictRow]] = {}
    for row in session.execute(verdict_query):
        shown = verdict_state(row.claim_id, dict(zip(VERDICT_FIELDS, row[1:])))
        if shown is not None:
            verdicts.setdefault(row.claim_id, []).append(shown)
    if viewer is not None and get_case(session, case_id).blind:
        verdicts = {claim: blind_view(rows, viewer) for claim, rows in verdicts.items()}
    return [
        claim_row(c, verdicts.get(c.id, ()), "conflict" in statuses.get(c.id, ()), "agree" in statuses.get(c.id, ()))
        for c in session.execute(query)
    ]


def may_see_others(session: Session, claim_id: int, viewer: str) -> bool:
    """Whether ``viewer`` may see the other reviewers' verdicts on a claim: always, unless its case is
    under blind review and ``viewer`` has not given a verdict of their own on it yet."""
    _, case = claim_and_case(session, claim_id)
    return not case.blind or has_rated(session, VERDICT.c.claim_id == claim_id, viewer, unnamed_too=True)


def has_rated(session: Session, subject: Any, viewer: str, *, unnamed_too: bool = False) -> bool:
    """Whether ``viewer`` has a verdict of their own (a label) on ``subject`` (a condition on the verdict
    table); ``unnamed_too``: a row from before team review, which has no reviewer, counts as anyone's."""
    mine = VERDICT.c.reviewer == viewer
    return session.execute(select_core(VERDICT.c.id).where(
        subject, ~VERDICT.c.final, VERDICT.c.label.is_not(None), (mine | VERDICT.c.reviewer.is_(None)) if unnamed_too
        else mine,
    )).first() is not None


def blind_view(verdicts: list[VerdictRow], viewer: str) -> list[VerdictRow]:
    """What ``viewer`` may see of a claim's verdicts under blind review: all of them once their own has
    a label, else their own row alone."""
    own = [v for v in verdicts if not v.final and v.reviewer in (viewer, None)]
    return verdicts if any(v.label is not None for v in own) else own


def one_claim_row(session: Session, claim_id: int, viewer: Optional[str] = None) -> ClaimRow:
    _, case = claim_and_case(session, claim_id)
    return claim_rows(session, case.id, None, True, claim_id=claim_id, viewer=viewer)[0]


def matches(session: Session, case_id: int) -> list[MatchRow]:
    return [MatchRow(*m) for m in session.execute(
        select_core(*_MATCH_ROW_COLUMNS).where(MATCH.c.case_id == case_id).order_by(MATCH.c.id)
    )]


def checks(session: Session, case_id: int) -> list[CheckRow]:
    members: dict[int, list[int]] = {}
    for check_id, claim_id in session.exec(
        select(CheckClaim.check_id, CheckClaim.claim_id)
        .join(Check, col(Check.id) == CheckClaim.check_id)
        .where(Check.case_id == case_id)
        .order_by(CheckClaim.check_id, CheckClaim.position)
    ):
        members.setdefault(check_id, []).append(claim_id)
    return [
        CheckRow(c.id, c.case_id, c.kind, c.status, c.explanation, tuple(members.get(c.id, ())))
        for c in session.execute(select_core(CHECK).where(CHECK.c.case_id == case_id).order_by(CHECK.c.id))
    ]
