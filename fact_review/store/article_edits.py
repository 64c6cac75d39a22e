"""The reviewer's changes to a case's articles: correct an article's metadata, remove an article, and put a
removed article back exactly as it was (the window's undo).

Each change re-matches the case, as an import does: the matcher's checks name their articles and read
dates against the published date, so a renamed, re-dated or removed article changes them. Matching runs
before the write transaction (it takes seconds on a large case); the write refuses when the case changed
in between. A removed article is kept whole in a :class:`RemovedArticle` (its rows, verdicts, reviewer
claims and match decisions) and restored under the same ids, so the verdict history and every undo step
pushed before the removal still point at the right rows.
"""
from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Callable, Optional, Sequence

from sqlalchemy import insert, update
from sqlmodel import Session, select

from fact_review.errors import InputError
from fact_review.model import AnalysedArticle, Article, CaseAnalysis
from fact_review.model import Sentence as SentenceData
from fact_review.reports.urls import http_url
from fact_review.store import changes
from fact_review.store.analysis import _match_key, article_versions, reviewed_match_statuses, store_analysis
from fact_review.store.analysis import stored_analyses
from fact_review.store.convert import article_row, machine_claim
from fact_review.store.fact_models import RatedFactClaim
from fact_review.store.importing import _update_article
from fact_review.store.models import Article as ArticleTable
from fact_review.store.models import Claim, Match, Sentence, Verdict, utcnow
from fact_review.store.reads import get
from fact_review.store.rows import ArticleRow

Analyse = Callable[[Article], AnalysedArticle]
MatchCase = Callable[[Sequence[AnalysedArticle]], CaseAnalysis]
UnitOfWork = Callable[[], AbstractContextManager[Session]]
WriteUnit = Callable[[Callable[[Session], Any]], Any]  # runs a function in one write transaction

ARTICLE_METADATA = ("title", "outlet", "url", "author", "published")


@dataclass(frozen=True)
class ArticleEdit:
    """What a metadata edit changed: give ``before``'s metadata to ``edit_article`` to undo it."""

    article_id: int
    before: ArticleRow
    after: ArticleRow


@dataclass(frozen=True)
class RemovedArticle:
    """Everything a removal took out of the database, as column values, to put back with ``restore``."""

    case_id: int
    article: dict[str, Any]
    sentences: tuple[dict[str, Any], ...]
    claims: tuple[dict[str, Any], ...]
    verdicts: tuple[dict[str, Any], ...]
    matches: tuple[dict[str, Any], ...]
    rated_fact_claims: tuple[dict[str, Any], ...] = ()  # its claims' places in rated facts (fact verdicts)

    @property
    def article_id(self) -> int:
        return self.article["id"]


def clean_metadata(fields: dict[str, object]) -> dict[str, Optional[str]]:
    """Metadata as typed, checked: text without outer spaces ("" removes it), an http(s) url, and a
    published date in ISO 8601 ("2025-05-25" or "2025-05-25 14:30")."""
    unknown = set(fields) - set(ARTICLE_METADATA)
    if unknown:
        raise InputError(f"articles have no field(s) {', '.join(sorted(unknown))}")
    clean: dict[str, Optional[str]] = {}
    for name, value in fields.items():
        if value is not None and not isinstance(value, str):
            raise InputError(f"{name}: expected text, got {type(value).__name__}")
        text = " ".join(value.split()) if value else None
        if text and name == "url" and http_url(text) is None:
            raise InputError(f"url: {text!r} is not a web address (http:// or https://, without spaces)")
        if text and name == "published":
            text = published_iso(text)
        clean[name] = text or None
    return clean


def published_iso(text: str) -> str:
    """A publication date or time as stored: "2025-05-25", "2025-05-25T14:30:00" (with its zone if given)."""
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        raise InputError(f"published: {text!r} is not a date: write it as 2025-05-25, or 2025-05-25 14:30 "
                         "with a time") from None


# --- metadata -------------------------------------------------------------------------------------------
def edit_article(read: UnitOfWork, write: WriteUnit, analyse: Analyse, match: MatchCase, article_id: int,
                 fields: dict[str, Optional[str]], actor: Optional[str],
                 expected_version: Optional[int] = None) -> ArticleEdit:
    """Set the article's metadata (``fields`` from ``clean_metadata``). A new published date re-reads the
    article's dates against it (its claims re-attach and keep their verdicts); every change re-matches.
    Metadata is shared by the desk: an edit made on a copy older than ``expected_version`` is refused."""
    with read() as session:
        row = get(session, ArticleTable, article_id, "article")
        before, case_id = article_row(row), row.case_id
        stored = stored_analyses(session, case_id)
    if all(getattr(before, name) == value for name, value in fields.items()):
        return ArticleEdit(article_id, before, before)
    index = next(i for i, (stored_id, _, _) in enumerate(stored) if stored_id == article_id)
    old = stored[index][2]
    edited = replace(old.article, **fields)
    redated = "published" in fields and fields["published"] != before.published
    fresh = analyse(edited) if redated else replace(old, article=edited)
    analysis = match([fresh if i == index else result for i, (_, _, result) in enumerate(stored)])
    def store(session: Session) -> ArticleEdit:
        row = get(session, ArticleTable, article_id, "article")
        changes.refuse_if_stale(session.connection(), changes.ARTICLE, article_id,
                                f"The details of article {row.title or article_id!r}", row.version, expected_version,
                                article_row(row))
        _refuse_if_changed(session, case_id, stored)
        kept = reviewed_match_statuses(session, case_id)
        if redated:
            _update_article(session, article_id, fresh)  # an ORM update: the version rises
        else:
            session.execute(update(ArticleTable).where(ArticleTable.id == article_id)
                            .values(**fields, version=ArticleTable.version + 1))
        session.flush()
        store_analysis(session, case_id, [stored_id for stored_id, _, _ in stored], analysis, kept)
        changes.record(session.connection(), case_id, changes.ARTICLE, article_id, actor, utcnow())
        session.expire_all()
        return ArticleEdit(article_id, before, article_row(get(session, ArticleTable, article_id, "article")))

    return write(store)


# --- removal and restoring ------------------------------------------------------------------------------
def remove_article(read: UnitOfWork, write: WriteUnit, match: MatchCase, article_id: int,
                   actor: Optional[str]) -> RemovedArticle:
    """Delete an article with its sentences, claims, verdicts and matches; the articles after it move up."""
    with read() as session:
        case_id = get(session, ArticleTable, article_id, "article").case_id
        stored = stored_analyses(session, case_id)
    remaining = [(stored_id, result) for stored_id, _, result in stored if stored_id != article_id]
    analysis = match([result for _, result in remaining])
    def store(session: Session) -> RemovedArticle:
        _refuse_if_changed(session, case_id, stored)
        removed = _snapshot(session, case_id, article_id)
        kept = reviewed_match_statuses(session, case_id)
        session.delete(session.get(ArticleTable, article_id))  # its rows go with it (ON DELETE CASCADE)
        session.flush()
        session.execute(update(ArticleTable).where(ArticleTable.case_id == case_id,
                                                   ArticleTable.position > removed.article["position"])
                        .values(position=ArticleTable.position - 1))
        store_analysis(session, case_id, [stored_id for stored_id, _ in remaining], analysis, kept)
        changes.record(session.connection(), case_id, changes.ARTICLES, None, actor, utcnow())
        return removed

    return write(store)


def restore_article(read: UnitOfWork, write: WriteUnit, match: MatchCase, removed: RemovedArticle,
                    actor: Optional[str]) -> ArticleRow:
    """Put a removed article back in its place, under its old ids, with its verdicts and match decisions."""
    case_id, position = removed.case_id, removed.article["position"]
    with read() as session:
        stored = stored_analyses(session, case_id)
    restored = _analysed(removed)
    results = [result for _, _, result in stored]
    ids = [stored_id for stored_id, _, _ in stored]
    results.insert(position, restored)
    ids.insert(position, removed.article_id)
    analysis = match(results)

    def store(session: Session) -> ArticleRow:
        _refuse_if_changed(session, case_id, stored)
        _refuse_taken_ids(session, removed)
        kept = reviewed_match_statuses(session, case_id)
        session.execute(update(ArticleTable).where(ArticleTable.case_id == case_id,
                                                   ArticleTable.position >= position)
                        .values(position=ArticleTable.position + 1))
        for table, rows in ((ArticleTable, (removed.article,)), (Sentence, removed.sentences),
                            (Claim, removed.claims), (Verdict, removed.verdicts),
                            (RatedFactClaim, removed.rated_fact_claims),
                            (Match, tuple(m for m in removed.matches if m["method"] == "manual"))):
            if rows:
                session.execute(insert(table), list(rows))
        session.flush()
        kept.update(_removed_decisions(session, case_id, removed))
        store_analysis(session, case_id, ids, analysis, kept)
        changes.record(session.connection(), case_id, changes.ARTICLES, None, actor, utcnow())
        return article_row(get(session, ArticleTable, removed.article_id, "article"))

    return write(store)


def _snapshot(session: Session, case_id: int, article_id: int) -> RemovedArticle:
    def rows(table: Any, *where: Any) -> tuple[dict[str, Any], ...]:
        return tuple(dict(row._mapping) for row in session.execute(select(*table.__table__.c).where(*where)))

    claims = rows(Claim, Claim.article_id == article_id)
    claim_ids = [c["id"] for c in claims]
    return RemovedArticle(
        case_id=case_id,
        article=rows(ArticleTable, ArticleTable.id == article_id)[0],
        sentences=rows(Sentence, Sentence.article_id == article_id),
        claims=claims,
        verdicts=rows(Verdict, Verdict.claim_id.in_(claim_ids)) if claim_ids else (),
        matches=rows(Match, (Match.a_article_id == article_id) | (Match.b_article_id == article_id)),
        rated_fact_claims=rows(RatedFactClaim, RatedFactClaim.claim_id.in_(claim_ids)) if claim_ids else (),
    )


def _analysed(removed: RemovedArticle) -> AnalysedArticle:
    """The removed article as the pipeline left it (its machine claims), for re-matching the case."""
    a = removed.article
    article = Article(text=a["text"], title=a["title"], outlet=a["outlet"], url=a["url"], author=a["author"],
                      published=a["published"], content_hash=a["content_hash"], path=a["path"])
    sentences = tuple(SentenceData(s["start"], s["end"]) for s in sorted(removed.sentences, key=lambda s: s["start"]))
    claims = tuple(machine_claim(Claim(**c)) for c in sorted(removed.claims, key=lambda c: c["start"])
                   if c["origin"] == "machine")
    return AnalysedArticle(article, sentences, claims)


def _removed_decisions(session: Session, case_id: int, removed: RemovedArticle) -> dict:
    """The reviewer's decisions on the matcher's matches of the removed article, keyed to survive re-matching."""
    texts = {a.id: a.text for a in session.exec(select(ArticleTable).where(ArticleTable.case_id == case_id))}
    return {
        _match_key(texts, m["a_article_id"], m["a_start"], m["a_end"], m["b_article_id"], m["b_start"], m["b_end"]):
        m["status"]
        for m in removed.matches if m["method"] == "auto" and m["status"] != "suggested"
        and m["a_article_id"] in texts and m["b_article_id"] in texts
    }


def _refuse_if_changed(session: Session, case_id: int, stored: list[tuple[int, str, AnalysedArticle]]) -> None:
    if article_versions(session, case_id) != [(stored_id, content_hash) for stored_id, content_hash, _ in stored]:
        raise InputError("the case changed meanwhile: try again")


def _refuse_taken_ids(session: Session, removed: RemovedArticle) -> None:
    for table, rows, what in ((ArticleTable, (removed.article,), "article"), (Claim, removed.claims, "claim"),
                              (Verdict, removed.verdicts, "verdict")):
        ids = [row["id"] for row in rows]
        if ids and session.exec(select(table.id).where(table.id.in_(ids))).first() is not None:
            raise InputError(f"the removed article cannot come back: a new {what} took its place")
