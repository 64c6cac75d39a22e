"""Importing articles into a case: analyse what is new or changed, match the whole case, store it.

An article with the same source and new text is updated in place: its claims re-attach through the
quote + prefix + suffix anchor, keeping verdicts and reviewer edits, and those whose text changed get
``anchor_changed``; hand-made matches follow their sentences.
"""
from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Callable, Optional, Sequence, Union

from sqlalchemy import delete, func, update
from sqlmodel import Session, col, select

from fact_review.errors import InputError
from fact_review.model import AnalysedArticle, Article, CaseAnalysis
from fact_review.model import Claim as ClaimData
from fact_review.store import cases, changes
from fact_review.store.analysis import (
    article_versions,
    insert_many,
    reviewed_match_statuses,
    store_analysis,
    stored_analyses,
)
from fact_review.store.anchors import anchor, locate
from fact_review.store.convert import NO_OVERRIDES
from fact_review.store.facts import store_facts
from fact_review.store.models import Article as ArticleTable
from fact_review.store.models import Case, Claim, Match, Sentence, Verdict, utcnow
from fact_review.store.reads import articles as article_rows
from fact_review.store.reads import get_case
from fact_review.store.rows import CLAIM_VALUE_FIELDS, ArticleRow, ImportResult

Analyse = Callable[[Article], AnalysedArticle]
MatchCase = Callable[[Sequence[AnalysedArticle]], CaseAnalysis]
ReadUnit = Callable[[], AbstractContextManager[Session]]
WriteUnit = Callable[[Callable[[Session], Any]], Any]  # runs a function in one write transaction
Plan = list[tuple[Article, Optional[int]]]  # each article to analyse, with the stored one it replaces


@dataclass(frozen=True)
class NewCase:
    """A case made in the same transaction as its first articles: an import that fails, or is killed,
    leaves no empty case behind."""
    name: str
    scale: tuple


def import_articles(
    read: ReadUnit,
    write: WriteUnit,
    analyse: Analyse,
    match: MatchCase,
    case: Union[int, NewCase],
    articles: Sequence[Article],
    progress: Optional[Callable[[int, int], None]],
    cancelled: Optional[Callable[[], bool]],
    actor: Optional[str],
) -> ImportResult:
    """Analysis runs outside any transaction; ``write`` is taken only to store the results. ``case`` is a
    stored case's id, or a ``NewCase`` made only when an article is stored (its id is the result's)."""
    case_id = case if isinstance(case, int) else None
    existing: Sequence[ArticleRow] = []
    if case_id is not None:
        with read() as session:
            get_case(session, case_id)
            existing = article_rows(session, case_id)
    unchanged, plan = _plan(existing, articles)
    analysed, errors = _analyse_all(plan, analyse, progress, cancelled)
    if not analysed:
        return ImportResult(case_id, [], unchanged, [], errors, [])
    # Match the case as it will be before taking the write lock: matching a large case takes
    # seconds, and verdicts given meanwhile must not wait for it.
    stored = []
    if case_id is not None:
        with read() as session:
            stored = stored_analyses(session, case_id)
    replaced = {target: result for result, target in analysed if target is not None}
    case_articles = [replaced.get(article_id, result) for article_id, _, result in stored]
    case_articles += [result for result, target in analysed if target is None]
    analysis = match(case_articles)
    versions = [(article_id, content_hash) for article_id, content_hash, _ in stored]

    def store(session: Session) -> tuple[int, list[int], list[int], list[int]]:
        """The write phase; run again from scratch if it loses a conflict on a server."""
        added, updated, changed_claims = [], [], []
        if isinstance(case, NewCase):
            into = cases.create_case(session, case.name, case.scale).id
        else:
            into = case
            _serialise_imports(session, into)
            if article_versions(session, into) != versions:
                raise InputError("the case changed while these articles were analysed: import them again")
        kept_statuses = reviewed_match_statuses(session, into)
        for result, target in analysed:
            if target is None:
                added.append(_insert_article(session, into, len(versions) + len(added), result))
            else:
                changed_claims += _update_article(session, target, result)
                updated.append(target)
        session.flush()
        ids = [article_id for article_id, _ in versions] + added
        store_analysis(session, into, ids, analysis, kept_statuses)
        store_facts(session, into, ids, analysis)
        changes.record(session.connection(), into, changes.ARTICLES, None, actor, utcnow())
        return into, added, updated, changed_claims

    case_id, added, updated, changed_claims = write(store)
    return ImportResult(case_id, added, unchanged, updated, errors, changed_claims)


def _serialise_imports(session: Session, case_id: int) -> None:
    """One import at a time per case. On a server, writing the case row (a no-op UPDATE) makes a
    concurrent import into the same case fail its serialisation check and run again on a snapshot that
    holds the other's articles (and so refuse, below); SQLite's writes are serial already."""
    get_case(session, case_id)
    session.execute(update(Case).where(Case.id == case_id).values(name=Case.name))


def _plan(existing: Sequence[ArticleRow], articles: Sequence[Article]) -> tuple[list[int], Plan]:
    """Stored articles given again unchanged, and what is left to analyse (same text twice goes in once)."""
    unchanged: list[int] = []
    plan: Plan = []
    by_hash: dict[str, Optional[int]] = {a.content_hash: a.id for a in existing}
    for article in articles:
        if not article.content_hash:
            article = article.with_text(article.text)
        if article.content_hash in by_hash:
            if by_hash[article.content_hash] is not None and by_hash[article.content_hash] not in unchanged:
                unchanged.append(by_hash[article.content_hash])
            continue
        by_hash[article.content_hash] = None
        targets = {t for _, t in plan}
        plan.append((article, _same_source(article, [a for a in existing if a.id not in targets])))
    return unchanged, plan


def _analyse_all(
    plan: Plan,
    analyse: Analyse,
    progress: Optional[Callable[[int, int], None]],
    cancelled: Optional[Callable[[], bool]],
) -> tuple[list[tuple[AnalysedArticle, Optional[int]]], list[str]]:
    analysed: list[tuple[AnalysedArticle, Optional[int]]] = []
    errors: list[str] = []
    for done, (article, target) in enumerate(plan):
        if cancelled is not None and cancelled():
            errors.append(f"cancelled: {len(plan) - done} article(s) not imported")
            break
        try:
            analysed.append((analyse(article), target))
        except Exception as error:  # noqa: BLE001 - one bad article must not sink the others
            errors.append(f"{_article_name(article)}: analysis failed: {error}")
        if progress is not None:
            progress(done + 1, len(plan))
    return analysed, errors


def _article_name(article: Article) -> str:
    return article.path or article.url or article.title or f"article {article.content_hash[:8]}"


def _same_source(article: Article, existing: Sequence[ArticleRow]) -> Optional[int]:
    """The stored article that ``article`` is a new version of: same path, else url, else title+outlet."""
    for same in (
        lambda a: article.path is not None and a.path == article.path,
        lambda a: article.url is not None and a.url == article.url,
        lambda a: bool(article.title) and a.title == article.title and a.outlet == article.outlet,
    ):
        found = [a.id for a in existing if same(a)]
        if found:
            return found[-1]
    return None


def _insert_article(session: Session, case_id: int, position: int, result: AnalysedArticle) -> int:
    a = result.article
    row = ArticleTable(case_id=case_id, position=position, title=a.title, outlet=a.outlet, url=a.url,
                       author=a.author, published=a.published, content_hash=a.content_hash, path=a.path,
                       text=a.text, imported_at=utcnow())
    session.add(row)
    session.flush()
    _store_sentences(session, row.id, result)
    insert_many(session, Claim, (_machine_claim_values(row.id, a.text, claim) for claim in result.claims))
    return row.id


def _store_sentences(session: Session, article_id: int, result: AnalysedArticle) -> None:
    session.exec(delete(Sentence).where(Sentence.article_id == article_id))
    insert_many(session, Sentence, (dict(article_id=article_id, start=s.start, end=s.end) for s in result.sentences))


def _machine_claim_values(article_id: int, text: str, claim: ClaimData) -> dict[str, Any]:
    quote, prefix, suffix = anchor(text, claim.start, claim.end)
    return dict(article_id=article_id, start=claim.start, end=claim.end, text=quote, quote=quote, prefix=prefix,
                suffix=suffix, origin="machine", overrides=NO_OVERRIDES, dismissed=False, anchor_changed=False,
                **{name: getattr(claim, name) for name in CLAIM_VALUE_FIELDS})


def _take_machine_values(row: Claim, text: str, claim: ClaimData) -> None:
    """Re-analysis writes only the machine's columns and the anchor, never ``overrides``/``dismissed``."""
    row.start, row.end = claim.start, claim.end
    row.text = text[claim.start:claim.end]
    row.quote, row.prefix, row.suffix = anchor(text, claim.start, claim.end)
    for name in CLAIM_VALUE_FIELDS:
        setattr(row, name, getattr(claim, name))


def _update_article(session: Session, article_id: int, result: AnalysedArticle) -> list[int]:
    """Store a new version of an article; returns ids of reviewed claims whose text changed."""
    a = result.article
    row = session.get(ArticleTable, article_id)
    old_text = row.text
    for name in ("title", "outlet", "url", "author", "published", "content_hash", "path", "text"):
        setattr(row, name, getattr(a, name))
    row.imported_at = utcnow()
    session.add(row)
    _store_sentences(session, article_id, result)
    _reanchor_manual_matches(session, article_id, old_text, a.text)

    reviewed = set(session.exec(
        select(Verdict.claim_id).join(Claim, col(Claim.id) == Verdict.claim_id)
        .where(Claim.article_id == article_id)
        .where(col(Verdict.label).is_not(None) | col(Verdict.flagged).is_(True)
               | (func.coalesce(Verdict.note, "") != "") | (func.coalesce(Verdict.evidence_url, "") != ""))
    ))
    fresh = list(result.claims)
    taken: set[int] = set()
    changed: list[int] = []
    for old in session.exec(select(Claim).where(Claim.article_id == article_id).order_by(Claim.start)).all():
        worth_keeping = (old.origin == "reviewer" or old.id in reviewed or old.dismissed
                         or old.overrides != NO_OVERRIDES)
        place = locate(a.text, old.quote, old.prefix, old.suffix, old.start)
        partner = None
        if place is not None and old.origin == "machine":
            partner = _best_overlap(fresh, taken, place[0], place[1])
        if partner is not None:
            taken.add(partner)
            text_changed = a.text[fresh[partner].start:fresh[partner].end] != old.quote
            _take_machine_values(old, a.text, fresh[partner])
        elif worth_keeping:
            start, end = (place[0], place[1]) if place else (min(old.start, len(a.text)), min(old.end, len(a.text)))
            text_changed = place is None or not place[2]
            if place is not None:
                old.start, old.end = start, end
                old.text = a.text[start:end]
                old.quote, old.prefix, old.suffix = anchor(a.text, start, end)
        else:
            session.delete(old)
            continue
        if worth_keeping and text_changed:
            old.anchor_changed = True
            changed.append(old.id)
        session.add(old)
    insert_many(session, Claim, (
        _machine_claim_values(article_id, a.text, claim) for index, claim in enumerate(fresh) if index not in taken
    ))
    return changed


def _best_overlap(fresh: Sequence[ClaimData], taken: set[int], start: int, end: int) -> Optional[int]:
    best, best_overlap = None, 0
    for index, claim in enumerate(fresh):
        if index in taken:
            continue
        overlap = min(end, claim.end) - max(start, claim.start)
        if claim.start == start and claim.end == end:
            return index
        if overlap > best_overlap:
            best, best_overlap = index, overlap
    return best


def _reanchor_manual_matches(session: Session, article_id: int, old_text: str, new_text: str) -> None:
    """Hand-made matches follow their sentence into the new text, or go when it is gone."""
    for match in session.exec(select(Match).where(
        Match.method == "manual", (Match.a_article_id == article_id) | (Match.b_article_id == article_id)
    )).all():
        for side in ("a", "b"):
            if getattr(match, f"{side}_article_id") != article_id:
                continue
            start, end = getattr(match, f"{side}_start"), getattr(match, f"{side}_end")
            place = locate(new_text, *anchor(old_text, start, end), start)
            if place is None or not place[2]:
                session.delete(match)
                break
            setattr(match, f"{side}_start", place[0])
            setattr(match, f"{side}_end", place[1])
        else:
            session.add(match)
