"""The machine's side of a case in the database: reading the articles back as the pipeline left them,
and replacing the matcher's matches and checks while keeping the reviewer's decisions on them."""
from __future__ import annotations

from itertools import islice
from typing import Any, Iterable, Iterator, Sequence, TypeVar

from sqlalchemy import delete, insert
from sqlmodel import Session, col, select

from fact_review.model import AnalysedArticle, CaseAnalysis
from fact_review.model import Claim as ClaimData
from fact_review.model import Sentence as SentenceData
from fact_review.store.convert import article_data, machine_claim
from fact_review.store.models import Article as ArticleTable
from fact_review.store.models import Check, CheckClaim, Claim, Match, Sentence

MatchKey = tuple[tuple[int, str], ...]


BATCH_ROWS = 2_000  # rows built and sent at a time: an article of 200,000 claims held them all at once
_Item = TypeVar("_Item")


def batches(items: Iterable[_Item], size: int = BATCH_ROWS) -> Iterator[list[_Item]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def insert_many(session: Session, table: Any, rows: Iterable[dict[str, Any]]) -> None:
    """Executemany INSERTs of ``BATCH_ROWS`` rows: thousands of matches are stored in milliseconds, not ORM
    object by object, and the rows are made as they are sent."""
    for batch in batches(rows):
        session.execute(insert(table), batch)


def article_versions(session: Session, case_id: int) -> list[tuple[int, str]]:
    """(id, content hash) of the case's articles in import order."""
    return [tuple(row) for row in session.exec(
        select(ArticleTable.id, ArticleTable.content_hash)
        .where(ArticleTable.case_id == case_id).order_by(ArticleTable.position)
    )]


def stored_analyses(session: Session, case_id: int) -> list[tuple[int, str, AnalysedArticle]]:
    """The case's articles as the pipeline left them (machine claims only), in import order."""
    sentences: dict[int, list[SentenceData]] = {}
    for s in session.exec(
        select(Sentence).join(ArticleTable, col(ArticleTable.id) == Sentence.article_id)
        .where(ArticleTable.case_id == case_id).order_by(Sentence.start)
    ):
        sentences.setdefault(s.article_id, []).append(SentenceData(s.start, s.end))
    claims: dict[int, list[ClaimData]] = {}
    for c in session.exec(
        select(Claim).join(ArticleTable, col(ArticleTable.id) == Claim.article_id)
        .where(ArticleTable.case_id == case_id, Claim.origin == "machine").order_by(Claim.start)
    ):
        claims.setdefault(c.article_id, []).append(machine_claim(c))
    return [
        (a.id, a.content_hash, AnalysedArticle(article_data(a), tuple(sentences.get(a.id, ())),
                                               tuple(claims.get(a.id, ()))))
        for a in session.exec(
            select(ArticleTable).where(ArticleTable.case_id == case_id).order_by(ArticleTable.position)
        )
    ]


def reviewed_match_statuses(session: Session, case_id: int) -> dict[MatchKey, str]:
    """The reviewer's decisions on machine matches, keyed so that they survive re-matching."""
    texts = _texts(session, case_id)
    return {
        _match_key(texts, m.a_article_id, m.a_start, m.a_end, m.b_article_id, m.b_start, m.b_end): m.status
        for m in session.exec(select(Match).where(
            Match.case_id == case_id, Match.method == "auto", Match.status != "suggested"
        ))
    }


def store_analysis(
    session: Session, case_id: int, ids: list[int], analysis: CaseAnalysis, kept_statuses: dict[MatchKey, str]
) -> None:
    """Replace the case's machine matches and checks; ``ids[i]`` is the article the analysis calls i."""
    texts = _texts(session, case_id)
    session.exec(delete(Match).where(Match.case_id == case_id, Match.method == "auto"))
    insert_many(session, Match, (
        dict(case_id=case_id, a_article_id=ids[m.a.article], a_start=m.a.start, a_end=m.a.end,
             b_article_id=ids[m.b.article], b_start=m.b.start, b_end=m.b.end, score=m.score, tier=m.tier,
             numeric=m.numeric, method="auto", status=kept_statuses.get(_match_key(
                 texts, ids[m.a.article], m.a.start, m.a.end, ids[m.b.article], m.b.start, m.b.end), "suggested"))
        for m in analysis.matches
    ))
    session.exec(delete(Check).where(Check.case_id == case_id))
    if not analysis.checks:
        return
    claim_ids = machine_claim_ids(session, case_id)
    for checks in batches(analysis.checks):
        check_ids = session.execute(
            insert(Check).returning(Check.id, sort_by_parameter_order=True),
            [dict(case_id=case_id, kind=c.kind, status=c.status, explanation=c.explanation) for c in checks],
        ).scalars().all()
        insert_many(session, CheckClaim, _check_links(check_ids, checks, claim_ids, ids))


def _check_links(check_ids: Sequence[int], checks: Sequence[Any], claim_ids: dict[tuple[int, int, int], int],
                 ids: list[int]) -> Iterator[dict[str, int]]:
    for check_id, check in zip(check_ids, checks):
        members = (claim_ids.get((ids[c.article], c.claim.start, c.claim.end)) for c in check.claims)
        for position, claim_id in enumerate(dict.fromkeys(m for m in members if m is not None)):
            yield dict(check_id=check_id, claim_id=claim_id, position=position)


def machine_claim_ids(session: Session, case_id: int) -> dict[tuple[int, int, int], int]:
    """The ids of the case's machine claims by (article id, start, end): how analysis results find them."""
    return {
        (article_id, start, end): claim_id
        for claim_id, article_id, start, end in session.exec(
            select(Claim.id, Claim.article_id, Claim.start, Claim.end)
            .join(ArticleTable, col(ArticleTable.id) == Claim.article_id)
            .where(ArticleTable.case_id == case_id, Claim.origin == "machine")
        )
    }


def _texts(session: Session, case_id: int) -> dict[int, str]:
    return {a.id: a.text for a in session.exec(select(ArticleTable).where(ArticleTable.case_id == case_id))}


def _match_key(texts: dict[int, str], a_id: int, a_start: int, a_end: int, b_id: int, b_start: int,
               b_end: int) -> MatchKey:
    """A match's identity across re-imports: the two articles and the two sentences' text."""
    return tuple(sorted([(a_id, texts[a_id][a_start:a_end]), (b_id, texts[b_id][b_start:b_end])]))
