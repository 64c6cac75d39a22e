"""The review service: the one place that persists analysis results and reviewer decisions.

The UI and the CLI share it. Every public method is one unit of work in its own session and returns
frozen rows (``rows.py``), never live ORM objects. Writes run in ``BEGIN IMMEDIATE`` transactions.
"""
from __future__ import annotations

import json
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Sequence

import platformdirs
from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, update
from sqlalchemy import select as select_core
from sqlmodel import Session, col, select

from fact_review.errors import InputError
from fact_review.matching import match_case
from fact_review.model import CLAIM_KINDS, AnalysedArticle, Article, CaseAnalysis
from fact_review.model import Claim as ClaimData
from fact_review.model import Sentence as SentenceData
from fact_review.pipeline import analyse_article
from fact_review.store import backup as backups
from fact_review.store import migrate
from fact_review.store.anchors import anchor, locate
from fact_review.store.db import MEMORY, WriterLock, check_file, make_engine, move_aside
from fact_review.store.errors import CorruptDatabaseError, ReadOnlyError
from fact_review.store.models import (
    Article as ArticleTable,
    Case,
    Check,
    CheckClaim,
    Claim,
    Match,
    Sentence,
    Verdict,
    VerdictEvent,
    utcnow,
)
from fact_review.store.rows import (
    CLAIM_VALUE_FIELDS,
    DEFAULT_SCALE,
    MATCH_STATUSES,
    QUEUE_STATUSES,
    ArticleRow,
    CaseRow,
    CheckRow,
    ClaimEdit,
    ClaimRow,
    ImportResult,
    MatchChange,
    MatchRow,
    Progress,
    ScaleLabel,
    SentenceRow,
    VerdictChange,
    VerdictEventRow,
    VerdictRow,
)

ArticleSpan = tuple[int, int, int]  # (article_id, start, end)
Analyse = Callable[[Article], AnalysedArticle]
MatchCase = Callable[[Sequence[AnalysedArticle]], CaseAnalysis]

OTHER_WINDOW = "open in another window: this one is read-only until that one is closed"
NEWER_VERSION = "made by a newer version of Fact Review: read-only here"
ASKED_READ_ONLY = "opened read-only"
BACKUP_EVERY_SECONDS = 3600
DECIMAL_FIELDS = ("value", "low", "high")
VERDICT_FIELDS = ("label", "rating", "note", "evidence_url", "reviewer", "created_at", "updated_at", "version",
                  "flagged")
CLAIM, VERDICT, EVENT = Claim.__table__, Verdict.__table__, VerdictEvent.__table__
_VERDICT_SUBJECT = (
    select_core(CLAIM.c.anchor_changed, Case.__table__.c.scale_json, VERDICT.c.id.label("verdict_id"),
                *(VERDICT.c[name] for name in VERDICT_FIELDS))
    .select_from(
        CLAIM.join(ArticleTable.__table__, ArticleTable.__table__.c.id == CLAIM.c.article_id)
        .join(Case.__table__, Case.__table__.c.id == ArticleTable.__table__.c.case_id)
        .outerjoin(VERDICT, VERDICT.c.claim_id == CLAIM.c.id)
    )
    .where(CLAIM.c.id == bindparam("claim_id"))
)


def default_db_path() -> Path:
    """``fact-review.db`` in the user data folder (platformdirs), created on first use."""
    folder = Path(platformdirs.user_data_dir("fact-review", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "fact-review.db"


@dataclass(frozen=True)
class Recovery:
    """What opening a damaged database did: where the damaged file went and what replaced it."""

    detail: str
    moved_to: Path
    restored_from: Optional[Path]  # None: no good backup, a new empty database was made


def open_service(
    path: Path | str,
    *,
    read_only: bool = False,
    recover: bool = True,
    analyse: Optional[Analyse] = None,
    match: Optional[MatchCase] = None,
) -> "ReviewService":
    """Open (creating or migrating as needed) the database at ``path``.

    Takes the single-writer lock; when another process holds it the service is read-only and
    ``read_only_reason`` says "open in another window". ``":memory:"`` gives an in-memory database
    (tests). A damaged file is moved aside and the newest verified backup restored when ``recover``
    (``service.recovery`` says what happened); otherwise ``CorruptDatabaseError`` is raised. A database
    made by a newer version opens read-only. ``analyse``/``match`` replace the pipeline (tests).
    """
    analyse = analyse or analyse_article
    match = match or match_case
    if str(path) == MEMORY:
        engine = make_engine(MEMORY, writes=True)
        migrate.upgrade(engine)
        return ReviewService(Path(MEMORY), engine, engine, None, None, None, analyse, match)
    path = Path(path).expanduser().absolute()
    lock: Optional[WriterLock] = None
    reason: Optional[str] = ASKED_READ_ONLY if read_only else None
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = WriterLock(path)
        if not lock.acquire():
            lock, reason = None, OTHER_WINDOW
    if lock is None and not path.exists():
        raise InputError(f"{path}: no such database")
    try:
        recovery = _check_or_recover(path, lock, recover)
        read_engine = make_engine(path, writes=False)
        write_engine = make_engine(path, writes=True) if lock else None
        if write_engine is not None:
            revision = migrate.current_revision(write_engine)
            if revision is not None and not migrate.is_known(revision):
                write_engine.dispose()
                write_engine, reason = None, NEWER_VERSION
                lock.release()
                lock = None
            elif revision != migrate.head_revision():
                if revision is not None:
                    backups.make_backup(path)  # before every migration
                migrate.upgrade(write_engine)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return ReviewService(path, write_engine, read_engine, lock, reason, recovery, analyse, match)


def _check_or_recover(path: Path, lock: Optional[WriterLock], recover: bool) -> Optional[Recovery]:
    if not path.exists():
        return None
    problem = check_file(path)
    if problem is None:
        return None
    known = backups.list_backups(path)
    if not known and not _looks_like_sqlite(path):
        raise InputError(f"{path}: not a Fact Review database (left untouched)")
    if lock is None or not recover:
        raise CorruptDatabaseError(path, problem, known)
    moved_to = move_aside(path)
    good = backups.newest_good_backup(path)
    if good is not None:
        backups.copy_database(good, path)
    return Recovery(problem, moved_to, good)


def _looks_like_sqlite(path: Path) -> bool:
    """A damaged file we may move aside was an SQLite file or has backups; anything else (a document
    passed as ``--db`` by mistake) is left alone."""
    with open(path, "rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"


def restore_backup(db_path: Path | str, backup: Path | str) -> Path:
    """Replace the database with ``backup`` (the current file is moved aside, never deleted).

    The database must not be open for writing anywhere; returns where the replaced file went.
    """
    db_path, backup = Path(db_path).absolute(), Path(backup)
    if not backups.integrity_ok(backup):
        raise InputError(f"{backup}: not a good backup (integrity check failed)")
    lock = WriterLock(db_path)
    if not lock.acquire():
        raise InputError(f"{db_path}: {OTHER_WINDOW}")
    try:
        moved_to = move_aside(db_path)
        backups.copy_database(backup, db_path)
        return moved_to
    finally:
        lock.release()


class ReviewService:
    def __init__(
        self,
        path: Path,
        write_engine: Optional[Engine],
        read_engine: Engine,
        lock: Optional[WriterLock],
        read_only_reason: Optional[str],
        recovery: Optional[Recovery],
        analyse: Analyse,
        match: MatchCase,
    ):
        self.path = path
        self.read_only = write_engine is None
        self.read_only_reason = read_only_reason
        self.recovery = recovery
        self._write_engine = write_engine
        self._read_engine = read_engine
        self._lock = lock
        self._analyse = analyse
        self._match = match
        newest = next(iter(backups.list_backups(path)), None) if lock else None
        taken = backups.backup_time(newest) if newest else None
        age = (utcnow() - taken).total_seconds() if taken else None
        self._last_backup = time.monotonic() - (age if age is not None else BACKUP_EVERY_SECONDS)

    def close(self) -> None:
        for engine in {self._write_engine, self._read_engine} - {None}:
            engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> "ReviewService":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[Session]:
        if self._write_engine is None:
            raise ReadOnlyError(f"{self.path}: {self.read_only_reason}")
        with Session(self._write_engine, expire_on_commit=False) as session, session.begin():
            yield session
        self._backup_if_due()

    @contextmanager
    def _write_connection(self) -> Iterator[Connection]:
        if self._write_engine is None:
            raise ReadOnlyError(f"{self.path}: {self.read_only_reason}")
        with self._write_engine.begin() as connection:
            yield connection
        self._backup_if_due()

    def _backup_if_due(self) -> None:
        if self._lock is not None and time.monotonic() - self._last_backup >= BACKUP_EVERY_SECONDS:
            self.backup()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with Session(self._read_engine) as session, session.begin():
            yield session

    # cases
    def create_case(self, name: str, scale: Optional[Sequence[ScaleLabel]] = None) -> CaseRow:
        """A new case with ``scale`` (default: False .. True, 1..5, plus Unverifiable); name must be new."""
        name = _case_name(name)
        scale = tuple(scale) if scale is not None else DEFAULT_SCALE
        _check_scale(scale)
        with self._write() as session:
            if session.exec(select(Case.id).where(Case.name == name)).first() is not None:
                raise InputError(f"a case named {name!r} exists already")
            case = Case(name=name, created_at=utcnow(), scale_json=json.dumps([asdict(s) for s in scale]))
            session.add(case)
            session.flush()
            return _case_row(case)

    def get_case(self, name: str) -> Optional[CaseRow]:
        with self._read() as session:
            case = session.exec(select(Case).where(Case.name == name)).first()
            return _case_row(case) if case else None

    def get_or_create_case(self, name: str) -> CaseRow:
        return self.get_case(name) or self.create_case(name)

    def list_cases(self) -> list[CaseRow]:
        with self._read() as session:
            return [_case_row(c) for c in session.exec(select(Case).order_by(Case.name))]

    def scale(self, case_id: int) -> list[ScaleLabel]:
        with self._read() as session:
            return list(_case_row(_get_case(session, case_id)).scale)

    # articles
    def import_articles(
        self,
        case_id: int,
        articles: Sequence[Article],
        *,
        progress: Optional[Callable[[int, int], None]] = None,
        cancelled: Optional[Callable[[], bool]] = None,
    ) -> ImportResult:
        """Analyse and store new or changed articles, then re-match the whole case.

        The same content again is a no-op. An article with the same path (or url, or title and outlet)
        and new text is updated: its claims re-attach through quote + prefix + suffix, keeping verdicts
        and reviewer edits; those whose text changed get ``anchor_changed``. ``progress(done, total)``
        is called per article; ``cancelled()`` is checked between articles (what was analysed is kept).
        """
        if self._write_engine is None:
            raise ReadOnlyError(f"{self.path}: {self.read_only_reason}")
        with self._read() as session:
            _get_case(session, case_id)
            existing = [_article_row(a) for a in session.exec(
                select(ArticleTable).where(ArticleTable.case_id == case_id).order_by(ArticleTable.position)
            )]
        unchanged: list[int] = []
        errors: list[str] = []
        plan: list[tuple[Article, Optional[int]]] = []
        by_hash = {a.content_hash: a.id for a in existing}
        for article in articles:
            if not article.content_hash:
                article = article.with_text(article.text)
            if article.content_hash in by_hash:
                if by_hash[article.content_hash] is not None and by_hash[article.content_hash] not in unchanged:
                    unchanged.append(by_hash[article.content_hash])
                continue
            by_hash[article.content_hash] = None  # the same text twice in one import goes in once
            targets = {t for _, t in plan}
            plan.append((article, _same_source(article, [a for a in existing if a.id not in targets])))
        analysed: list[tuple[AnalysedArticle, Optional[int]]] = []
        for done, (article, target) in enumerate(plan):
            if cancelled is not None and cancelled():
                errors.append(f"cancelled: {len(plan) - done} article(s) not imported")
                break
            try:
                analysed.append((self._analyse(article), target))
            except Exception as error:  # noqa: BLE001 - one bad article must not sink the others
                errors.append(f"{_article_name(article)}: analysis failed: {error}")
            if progress is not None:
                progress(done + 1, len(plan))
        added: list[int] = []
        updated: list[int] = []
        changed_claims: list[int] = []
        if not analysed:
            return ImportResult(case_id, added, unchanged, updated, errors, changed_claims)
        # Match the case as it will be before taking the write lock: matching a large case takes
        # seconds, and verdicts given meanwhile must not wait for it.
        with self._read() as session:
            stored = _stored_analyses(session, case_id)
        replaced = {target: result for result, target in analysed if target is not None}
        case_articles = [replaced.get(article_id, result) for article_id, _, result in stored]
        case_articles += [result for result, target in analysed if target is None]
        analysis = self._match(case_articles)
        with self._write() as session:
            versions = [(article_id, content_hash) for article_id, content_hash, _ in stored]
            if _article_versions(session, case_id) != versions:
                raise InputError("the case changed while these articles were analysed: import them again")
            kept_statuses = _reviewed_match_statuses(session, case_id)
            for result, target in analysed:
                if target is None:
                    added.append(_insert_article(session, case_id, len(versions) + len(added), result))
                else:
                    changed_claims += _update_article(session, target, result)
                    updated.append(target)
            session.flush()
            ids = [article_id for article_id, _ in versions] + added
            _store_analysis(session, case_id, ids, analysis, kept_statuses)
        return ImportResult(case_id, added, unchanged, updated, errors, changed_claims)

    def articles(self, case_id: int) -> list[ArticleRow]:
        """The case's articles in import order, with their full text."""
        with self._read() as session:
            return [_article_row(a) for a in session.exec(
                select(ArticleTable).where(ArticleTable.case_id == case_id).order_by(ArticleTable.position)
            )]

    def sentences(self, article_id: int) -> list[SentenceRow]:
        with self._read() as session:
            return [SentenceRow(s.id, s.article_id, s.start, s.end) for s in session.exec(
                select(Sentence).where(Sentence.article_id == article_id).order_by(Sentence.start)
            )]

    # claims and verdicts
    def claims(
        self, case_id: int, article_id: Optional[int] = None, *, include_dismissed: bool = False
    ) -> list[ClaimRow]:
        """Claims ordered by article then start offset."""
        with self._read() as session:
            return _claim_rows(session, case_id, article_id, include_dismissed)

    def claim(self, claim_id: int) -> ClaimRow:
        with self._read() as session:
            return _one_claim_row(session, claim_id)

    def set_verdict(
        self,
        claim_id: int,
        label: str,
        *,
        note: Optional[str] = None,
        evidence_url: Optional[str] = None,
        reviewer: Optional[str] = None,
    ) -> VerdictChange:
        """Give a claim a verdict; ``label`` must be on the case's scale (matched case-insensitively).

        ``note``, ``evidence_url`` and ``reviewer`` left as None keep their current values ("" clears).
        Setting a verdict also settles ``anchor_changed``: the reviewer has judged the new text.
        """

        def apply(verdict: dict[str, Any], scale: Sequence[ScaleLabel]) -> None:
            step = _scale_step(scale, label)
            if verdict["label"] is None:
                verdict["created_at"] = verdict["updated_at"]
            verdict["label"], verdict["rating"] = step.label, step.rating
            for name, given in (("note", note), ("evidence_url", evidence_url), ("reviewer", reviewer)):
                if given is not None:
                    verdict[name] = given

        return self._change_verdict(claim_id, reviewer, apply, settles_anchor=True)

    def annotate(
        self,
        claim_id: int,
        *,
        note: Optional[str] = None,
        evidence_url: Optional[str] = None,
        reviewer: Optional[str] = None,
    ) -> VerdictChange:
        """Save a note and/or an evidence url on a claim, with or without a verdict (the label is kept).

        None keeps the current value, "" clears it. A note written before any verdict is stored at
        once and the claim stays unreviewed until it gets a label.
        """

        def apply(verdict: dict[str, Any], scale: Sequence[ScaleLabel]) -> None:
            for name, given in (("note", note), ("evidence_url", evidence_url), ("reviewer", reviewer)):
                if given is not None:
                    verdict[name] = given

        return self._change_verdict(claim_id, reviewer, apply, create=bool(note or evidence_url))

    def clear_verdict(self, claim_id: int, *, reviewer: Optional[str] = None) -> VerdictChange:
        """Remove the claim's verdict (a "flag for later" mark stays)."""

        def apply(verdict: dict[str, Any], scale: Sequence[ScaleLabel]) -> None:
            verdict.update(label=None, rating=None, note=None, evidence_url=None)
            if reviewer is not None:
                verdict["reviewer"] = reviewer

        return self._change_verdict(claim_id, reviewer, apply, create=False)

    def restore_verdict(
        self, claim_id: int, state: Optional[VerdictRow], *, reviewer: Optional[str] = None
    ) -> VerdictChange:
        """Put back a verdict state (undo/redo); the version still rises."""

        def apply(verdict: dict[str, Any], scale: Sequence[ScaleLabel]) -> None:
            if state is None:
                verdict.update(label=None, rating=None, note=None, evidence_url=None, flagged=False)
            else:
                verdict.update(label=state.label, rating=state.rating, note=state.note,
                               evidence_url=state.evidence_url, reviewer=state.reviewer,
                               flagged=state.flagged, created_at=state.created_at)

        return self._change_verdict(claim_id, reviewer, apply, create=state is not None)

    def set_flag(self, claim_id: int, flagged: bool) -> VerdictChange:
        """Flag a claim for later (a mark that needs no verdict)."""

        def apply(verdict: dict[str, Any], scale: Sequence[ScaleLabel]) -> None:
            verdict["flagged"] = flagged

        return self._change_verdict(claim_id, None, apply, create=flagged)

    def _change_verdict(
        self,
        claim_id: int,
        reviewer: Optional[str],
        apply: Callable[[dict[str, Any], Sequence[ScaleLabel]], None],
        *,
        create: bool = True,
        settles_anchor: bool = False,
    ) -> VerdictChange:
        """One change to a claim's verdict row: bump its version and append the history event.

        The hot path of a review (one key press, one commit), so it runs three Core statements rather
        than an ORM flush.
        """
        with self._write_connection() as connection:
            found = connection.execute(_VERDICT_SUBJECT, {"claim_id": claim_id}).first()
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
            apply(verdict, _scale_from_json(found.scale_json))
            if current is None:
                connection.execute(insert(VERDICT).values(claim_id=claim_id, **verdict))
            else:
                connection.execute(update(VERDICT).where(VERDICT.c.id == found.verdict_id).values(**verdict))
            if settles_anchor and found.anchor_changed:
                connection.execute(update(CLAIM).where(CLAIM.c.id == claim_id).values(anchor_changed=False))
            before, after = _verdict_state(claim_id, current), _verdict_state(claim_id, verdict)
            connection.execute(insert(EVENT).values(
                claim_id=claim_id, at=now, reviewer=reviewer,
                before_json=_verdict_json(before), after_json=_verdict_json(after),
            ))
        return VerdictChange(claim_id, before, after)

    def verdict_history(self, claim_id: int) -> list[VerdictEventRow]:
        """Every change to the claim's verdict, oldest first (append-only)."""
        with self._read() as session:
            events = session.exec(
                select(VerdictEvent).where(VerdictEvent.claim_id == claim_id).order_by(VerdictEvent.id)
            )
            return [
                VerdictEventRow(e.id, e.claim_id, e.at, e.reviewer, _verdict_from_json(e.before_json),
                                _verdict_from_json(e.after_json))
                for e in events
            ]

    def add_claim(
        self,
        article_id: int,
        start: int,
        end: int,
        kind: str,
        *,
        value: Optional[Decimal] = None,
        unit: Optional[str] = None,
        noun: Optional[str] = None,
        qualifier: Optional[str] = None,
        low: Optional[Decimal] = None,
        high: Optional[Decimal] = None,
        date: Optional[str] = None,
    ) -> ClaimRow:
        """A claim the extractor missed (origin "reviewer")."""
        fields = _clean_fields(dict(kind=kind, value=value, unit=unit, noun=noun, qualifier=qualifier,
                                    low=low, high=high, date=date))
        with self._write() as session:
            article = session.get(ArticleTable, article_id)
            if article is None:
                raise InputError(f"no article {article_id}")
            if not (0 <= start < end <= len(article.text)):
                raise InputError(f"span [{start}, {end}) is outside the article (0..{len(article.text)})")
            quote, prefix, suffix = anchor(article.text, start, end)
            claim = Claim(article_id=article_id, start=start, end=end, text=quote, quote=quote,
                          prefix=prefix, suffix=suffix, origin="reviewer", **fields)
            session.add(claim)
            session.flush()
            return _one_claim_row(session, claim.id)

    def edit_claim(self, claim_id: int, **fields: object) -> ClaimEdit:
        """Correct kind/value/unit/noun/qualifier/low/high/date; kept apart from the machine's values."""
        changes = _clean_fields(fields)

        def apply(claim: Claim) -> None:
            claim.overrides = _encode_overrides({**_decode_overrides(claim.overrides), **changes})

        return self._edit(claim_id, apply)

    def dismiss_claim(self, claim_id: int, dismissed: bool = True) -> ClaimEdit:
        def apply(claim: Claim) -> None:
            claim.dismissed = dismissed

        return self._edit(claim_id, apply)

    def restore_claim(self, claim_id: int, state: ClaimRow) -> ClaimEdit:
        """Put back the reviewer corrections and dismissal of ``state`` (undo of an edit or dismiss)."""
        overrides = {name: getattr(state, name) for name in state.overridden}

        def apply(claim: Claim) -> None:
            claim.overrides = _encode_overrides(overrides)
            claim.dismissed = state.dismissed

        return self._edit(claim_id, apply)

    def _edit(self, claim_id: int, apply: Callable[[Claim], None]) -> ClaimEdit:
        with self._write() as session:
            claim, _ = _claim_and_case(session, claim_id)
            before = _one_claim_row(session, claim_id)
            apply(claim)
            session.add(claim)
            session.flush()
            return ClaimEdit(claim_id, before, _one_claim_row(session, claim_id))

    def delete_claim(self, claim_id: int) -> None:
        """Remove a reviewer-added claim (undo of ``add_claim``); machine claims are dismissed instead."""
        with self._write() as session:
            claim, _ = _claim_and_case(session, claim_id)
            if claim.origin != "reviewer":
                raise InputError(f"claim {claim_id} was found by the extractor: dismiss it instead")
            session.delete(claim)

    # matches and checks
    def matches(self, case_id: int) -> list[MatchRow]:
        with self._read() as session:
            return [_match_row(m) for m in session.exec(
                select(Match).where(Match.case_id == case_id).order_by(Match.id)
            )]

    def set_match_status(self, match_id: int, status: str) -> MatchChange:
        """``status`` is "suggested", "confirmed" or "rejected"; kept across re-imports."""
        if status not in MATCH_STATUSES:
            raise InputError(f"unknown match status {status!r}: use one of {', '.join(MATCH_STATUSES)}")
        with self._write() as session:
            match = _get(session, Match, match_id, "match")
            before, match.status = match.status, status
            session.add(match)
            return MatchChange(match_id, before, status)

    def add_match(self, case_id: int, a: ArticleSpan, b: ArticleSpan) -> MatchRow:
        """A match made by hand (method "manual", status "confirmed")."""
        with self._write() as session:
            _get_case(session, case_id)
            for article_id, start, end in (a, b):
                article = session.get(ArticleTable, article_id)
                if article is None or article.case_id != case_id:
                    raise InputError(f"article {article_id} is not in case {case_id}")
                if not (0 <= start < end <= len(article.text)):
                    raise InputError(f"span [{start}, {end}) is outside article {article_id}")
            if a[0] == b[0]:
                raise InputError("a match links two different articles")
            match = Match(case_id=case_id, a_article_id=a[0], a_start=a[1], a_end=a[2], b_article_id=b[0],
                          b_start=b[1], b_end=b[2], score=1.0, tier="confident", numeric="none",
                          method="manual", status="confirmed")
            session.add(match)
            session.flush()
            return _match_row(match)

    def delete_match(self, match_id: int) -> None:
        """Remove a hand-made match (undo of ``add_match``)."""
        with self._write() as session:
            match = _get(session, Match, match_id, "match")
            if match.method != "manual":
                raise InputError(f"match {match_id} was found by the matcher: reject it instead")
            session.delete(match)

    def checks(self, case_id: int) -> list[CheckRow]:
        with self._read() as session:
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
                for c in session.exec(select(Check).where(Check.case_id == case_id).order_by(Check.id))
            ]

    # review
    def review_queue(
        self,
        case_id: int,
        *,
        status: Optional[str] = None,
        kind: Optional[str] = None,
        label: Optional[str] = None,
    ) -> list[int]:
        """Claim ids to review (dismissed left out), claims in conflict first, then in reading order.

        ``status``: "unreviewed" | "conflicts" | "reviewed" | "flagged" | None (all).
        """
        if status is not None and status not in QUEUE_STATUSES:
            raise InputError(f"unknown queue status {status!r}: use one of {', '.join(QUEUE_STATUSES)}")
        keep = {
            None: lambda c: True,
            "unreviewed": lambda c: c.verdict is None or c.verdict.label is None,
            "conflicts": lambda c: c.in_conflict,
            "reviewed": lambda c: c.verdict is not None and c.verdict.label is not None,
            "flagged": lambda c: c.verdict is not None and c.verdict.flagged,
        }[status]
        chosen = [
            c for c in self.claims(case_id)
            if keep(c) and (kind is None or c.kind == kind)
            and (label is None or (c.verdict is not None and c.verdict.label == label))
        ]
        return [c.id for c in sorted(chosen, key=lambda c: not c.in_conflict)]

    def progress(self, case_id: int) -> Progress:
        claims = self.claims(case_id)
        by_label: dict[str, int] = {}
        for c in claims:
            if c.verdict is not None and c.verdict.label is not None:
                by_label[c.verdict.label] = by_label.get(c.verdict.label, 0) + 1
        return Progress(
            total=len(claims),
            reviewed=sum(by_label.values()),
            flagged=sum(1 for c in claims if c.verdict is not None and c.verdict.flagged),
            conflicts=sum(1 for c in claims if c.in_conflict),
            by_label=by_label,
        )

    def backup(self) -> Path:
        """A verified copy (sqlite backup API + integrity_check) next to the database; old ones thinned."""
        if str(self.path) == MEMORY:
            raise InputError("an in-memory database has no file to back up")
        made = backups.make_backup(self.path)
        self._last_backup = time.monotonic()
        return made


# --- rows -----------------------------------------------------------------------------------------


def _scale_from_json(text: str) -> tuple[ScaleLabel, ...]:
    return tuple(ScaleLabel(**step) for step in json.loads(text))


def _case_row(case: Case) -> CaseRow:
    return CaseRow(case.id, case.name, case.created_at, _scale_from_json(case.scale_json))


def _article_row(a: ArticleTable) -> ArticleRow:
    return ArticleRow(a.id, a.case_id, a.position, a.title, a.outlet, a.url, a.author, a.published,
                      a.content_hash, a.path, a.text, a.imported_at)


def _article_data(a: ArticleTable) -> Article:
    return Article(text=a.text, title=a.title, outlet=a.outlet, url=a.url, author=a.author,
                   published=a.published, content_hash=a.content_hash, path=a.path)


def _verdict_row(verdict: Optional[Verdict]) -> Optional[VerdictRow]:
    if verdict is None:
        return None
    return _verdict_state(verdict.claim_id, {name: getattr(verdict, name) for name in VERDICT_FIELDS})


def _verdict_state(claim_id: int, fields: Optional[dict[str, Any]]) -> Optional[VerdictRow]:
    """None when there is nothing to show: no row, or a row with no label, flag, note or evidence url.

    A row with a note or an evidence url but no label is kept: the reviewer wrote it before deciding,
    and it counts as unreviewed everywhere (progress, queue, reports) because its label is None.
    """
    if fields is None or not (fields["label"] is not None or fields["flagged"] or fields["note"]
                              or fields["evidence_url"]):
        return None
    return VerdictRow(claim_id=claim_id, **{**fields, "flagged": bool(fields["flagged"])})


def _verdict_json(row: Optional[VerdictRow]) -> Optional[str]:
    if row is None:
        return None
    data = asdict(row)
    data["created_at"], data["updated_at"] = row.created_at.isoformat(), row.updated_at.isoformat()
    return json.dumps(data, ensure_ascii=False)


def _verdict_from_json(text: Optional[str]) -> Optional[VerdictRow]:
    if text is None:
        return None
    data = json.loads(text)
    data["created_at"] = datetime.fromisoformat(data["created_at"])
    data["updated_at"] = datetime.fromisoformat(data["updated_at"])
    return VerdictRow(**data)


def _match_row(m: Match) -> MatchRow:
    return MatchRow(m.id, m.case_id, m.a_article_id, m.a_start, m.a_end, m.b_article_id, m.b_start, m.b_end,
                    m.score, m.tier, m.numeric, m.method, m.status)


def _machine_claim(c: Claim) -> ClaimData:
    return ClaimData(c.start, c.end, c.text, c.kind, c.value, c.unit, c.noun, c.qualifier, c.low, c.high,
                     c.date)


def _claim_row(c: Claim, verdict: Optional[Verdict], in_conflict: bool, agreed: bool) -> ClaimRow:
    overrides = _decode_overrides(c.overrides)
    values = {name: overrides.get(name, getattr(c, name)) for name in CLAIM_VALUE_FIELDS}
    return ClaimRow(
        id=c.id, article_id=c.article_id, start=c.start, end=c.end, text=c.text, **values,
        quote=c.quote, prefix=c.prefix, suffix=c.suffix, origin=c.origin, edited=bool(overrides),
        dismissed=bool(c.dismissed), anchor_changed=bool(c.anchor_changed), verdict=_verdict_row(verdict),
        in_conflict=in_conflict, agreed=agreed, overridden=tuple(n for n in CLAIM_VALUE_FIELDS if n in overrides),
    )


def _claim_rows(
    session: Session, case_id: int, article_id: Optional[int], include_dismissed: bool,
    claim_id: Optional[int] = None,
) -> list[ClaimRow]:
    query = (
        select(Claim, Verdict)
        .join(ArticleTable, col(ArticleTable.id) == Claim.article_id)
        .outerjoin(Verdict, col(Verdict.claim_id) == Claim.id)
        .where(ArticleTable.case_id == case_id)
        .order_by(ArticleTable.position, Claim.start, Claim.id)
    )
    if article_id is not None:
        query = query.where(Claim.article_id == article_id)
    if claim_id is not None:
        query = query.where(Claim.id == claim_id)
    if not include_dismissed:
        query = query.where(col(Claim.dismissed).is_(False))
    statuses: dict[int, set[str]] = {}
    status_query = (
        select(CheckClaim.claim_id, Check.status)
        .join(Check, col(Check.id) == CheckClaim.check_id)
        .where(Check.case_id == case_id)
    )
    if claim_id is not None:
        status_query = status_query.where(CheckClaim.claim_id == claim_id)
    for member, status in session.exec(status_query):
        statuses.setdefault(member, set()).add(status)
    return [
        _claim_row(c, v, "conflict" in statuses.get(c.id, ()), "agree" in statuses.get(c.id, ()))
        for c, v in session.exec(query)
    ]


def _one_claim_row(session: Session, claim_id: int) -> ClaimRow:
    _, case = _claim_and_case(session, claim_id)
    return _claim_rows(session, case.id, None, True, claim_id=claim_id)[0]


# --- lookups and validation ------------------------------------------------------------------------


def _get(session: Session, table: Any, row_id: int, what: str) -> Any:
    row = session.get(table, row_id)
    if row is None:
        raise InputError(f"no {what} with id {row_id}")
    return row


def _get_case(session: Session, case_id: int) -> Case:
    return _get(session, Case, case_id, "case")


def _claim_and_case(session: Session, claim_id: int) -> tuple[Claim, Case]:
    found = session.exec(
        select(Claim, Case)
        .join(ArticleTable, col(ArticleTable.id) == Claim.article_id)
        .join(Case, col(Case.id) == ArticleTable.case_id)
        .where(Claim.id == claim_id)
    ).first()
    if found is None:
        raise InputError(f"no claim with id {claim_id}")
    return found[0], found[1]


def _case_name(name: str) -> str:
    if not isinstance(name, str) or not name.strip():
        raise InputError("a case needs a name")
    return name


def _check_scale(scale: Sequence[ScaleLabel]) -> None:
    labels = [s.label.casefold() for s in scale]
    if not scale or any(not s.label.strip() for s in scale):
        raise InputError("a verdict scale needs at least one label, and no empty labels")
    if len(set(labels)) != len(labels):
        raise InputError("a verdict scale cannot name the same label twice")


def _scale_step(scale: Sequence[ScaleLabel], label: str) -> ScaleLabel:
    wanted = (label or "").strip().casefold()
    for step in scale:
        if step.label.casefold() == wanted:
            return step
    names = ", ".join(s.label for s in scale)
    raise InputError(f"unknown verdict label {label!r}: this case's scale has {names}")


def _clean_fields(fields: dict[str, object]) -> dict[str, Any]:
    unknown = set(fields) - set(CLAIM_VALUE_FIELDS)
    if unknown:
        raise InputError(f"claims have no field(s) {', '.join(sorted(unknown))}")
    clean: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "kind" and value not in CLAIM_KINDS:
            raise InputError(f"unknown claim kind {value!r}: use one of {', '.join(CLAIM_KINDS)}")
        if name in DECIMAL_FIELDS and value is not None:
            if isinstance(value, float):
                raise InputError(f"{name}: give an exact number (a string or Decimal), not a float")
            try:
                value = Decimal(str(value))
            except InvalidOperation:
                raise InputError(f"{name}: {value!r} is not a number") from None
            if not value.is_finite():
                raise InputError(f"{name}: {value!r} is not a finite number")
        elif value is not None and not isinstance(value, str):
            raise InputError(f"{name}: expected text, got {type(value).__name__}")
        clean[name] = value
    return clean


def _encode_overrides(overrides: dict[str, Any]) -> str:
    return json.dumps(
        {k: (str(v) if isinstance(v, Decimal) else v) for k, v in overrides.items()}, ensure_ascii=False
    )


def _decode_overrides(text: str) -> dict[str, Any]:
    data = json.loads(text or "{}")
    return {k: (Decimal(v) if k in DECIMAL_FIELDS and v is not None else v) for k, v in data.items()}


# --- import ----------------------------------------------------------------------------------------


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
    _insert_many(session, Claim, [_machine_claim_values(row.id, a.text, claim) for claim in result.claims])
    return row.id


def _insert_many(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """One executemany INSERT: thousands of matches are stored in milliseconds, not ORM object by object."""
    if rows:
        session.execute(insert(table), rows)


def _store_sentences(session: Session, article_id: int, result: AnalysedArticle) -> None:
    session.exec(delete(Sentence).where(Sentence.article_id == article_id))
    _insert_many(session, Sentence, [dict(article_id=article_id, start=s.start, end=s.end) for s in result.sentences])


def _machine_claim_values(article_id: int, text: str, claim: ClaimData) -> dict[str, Any]:
    quote, prefix, suffix = anchor(text, claim.start, claim.end)
    return dict(article_id=article_id, start=claim.start, end=claim.end, text=quote, quote=quote, prefix=prefix,
                suffix=suffix, origin="machine", overrides="{}", dismissed=False, anchor_changed=False,
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
        worth_keeping = old.origin == "reviewer" or old.id in reviewed or old.dismissed or old.overrides != "{}"
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
    _insert_many(session, Claim, [
        _machine_claim_values(article_id, a.text, claim) for index, claim in enumerate(fresh) if index not in taken
    ])
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


def _match_key(a_id: int, a_text: str, b_id: int, b_text: str) -> tuple:
    """A match's identity across re-imports: the two articles and the two sentences' text."""
    return tuple(sorted([(a_id, a_text), (b_id, b_text)]))


def _reviewed_match_statuses(session: Session, case_id: int) -> dict[tuple, str]:
    """The reviewer's decisions on machine matches, keyed so that they survive re-matching."""
    texts = {a.id: a.text for a in session.exec(select(ArticleTable).where(ArticleTable.case_id == case_id))}
    return {
        _match_key(m.a_article_id, texts[m.a_article_id][m.a_start:m.a_end],
                   m.b_article_id, texts[m.b_article_id][m.b_start:m.b_end]): m.status
        for m in session.exec(select(Match).where(
            Match.case_id == case_id, Match.method == "auto", Match.status != "suggested"
        ))
    }


def _article_versions(session: Session, case_id: int) -> list[tuple[int, str]]:
    return [tuple(row) for row in session.exec(
        select(ArticleTable.id, ArticleTable.content_hash)
        .where(ArticleTable.case_id == case_id).order_by(ArticleTable.position)
    )]


def _stored_analyses(session: Session, case_id: int) -> list[tuple[int, str, AnalysedArticle]]:
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
        claims.setdefault(c.article_id, []).append(_machine_claim(c))
    return [
        (a.id, a.content_hash, AnalysedArticle(_article_data(a), tuple(sentences.get(a.id, ())),
                                               tuple(claims.get(a.id, ()))))
        for a in session.exec(
            select(ArticleTable).where(ArticleTable.case_id == case_id).order_by(ArticleTable.position)
        )
    ]


def _store_analysis(
    session: Session, case_id: int, ids: list[int], analysis: CaseAnalysis, kept_statuses: dict[tuple, str]
) -> None:
    """Replace the case's machine matches and checks; ``ids[i]`` is the article the analysis calls i."""
    texts = {a.id: a.text for a in session.exec(select(ArticleTable).where(ArticleTable.case_id == case_id))}
    session.exec(delete(Match).where(Match.case_id == case_id, Match.method == "auto"))
    _insert_many(session, Match, [
        dict(case_id=case_id, a_article_id=ids[m.a.article], a_start=m.a.start, a_end=m.a.end,
             b_article_id=ids[m.b.article], b_start=m.b.start, b_end=m.b.end, score=m.score, tier=m.tier,
             numeric=m.numeric, method="auto", status=kept_statuses.get(_match_key(
                 ids[m.a.article], texts[ids[m.a.article]][m.a.start:m.a.end],
                 ids[m.b.article], texts[ids[m.b.article]][m.b.start:m.b.end]), "suggested"))
        for m in analysis.matches
    ])
    session.exec(delete(Check).where(Check.case_id == case_id))
    if not analysis.checks:
        return
    claim_ids = {
        (article_id, start, end): claim_id
        for claim_id, article_id, start, end in session.exec(
            select(Claim.id, Claim.article_id, Claim.start, Claim.end)
            .join(ArticleTable, col(ArticleTable.id) == Claim.article_id)
            .where(ArticleTable.case_id == case_id, Claim.origin == "machine")
        )
    }
    check_ids = session.execute(
        insert(Check).returning(Check.id, sort_by_parameter_order=True),
        [dict(case_id=case_id, kind=c.kind, status=c.status, explanation=c.explanation) for c in analysis.checks],
    ).scalars().all()
    links = []
    for check_id, check in zip(check_ids, analysis.checks):
        members = (claim_ids.get((ids[c.article], c.claim.start, c.claim.end)) for c in check.claims)
        for position, claim_id in enumerate(dict.fromkeys(m for m in members if m is not None)):
            links.append(dict(check_id=check_id, claim_id=claim_id, position=position))
    _insert_many(session, CheckClaim, links)
