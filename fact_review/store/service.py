"""The review service: the one place that persists analysis results and reviewer decisions.

The UI and the CLI share it. Every public method is one unit of work in its own session and returns
frozen rows (``rows.py``), never live ORM objects. Writes run in ``BEGIN IMMEDIATE`` transactions.
This module opens the database and holds the units of work; what each one does lives in its own
module: ``cases``, ``importing`` (with ``analysis``), ``reads``, ``verdicts``, ``claims_edit``,
``matches`` and ``queue``.
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence

import platformdirs
from sqlalchemy import Connection, Engine
from sqlmodel import Session

from fact_review.errors import InputError
from fact_review.matching import match_case
from fact_review.model import Article
from fact_review.pipeline import analyse_article
from fact_review.store import backup as backups
from fact_review.store import cases, claims_edit, importing, matches, migrate, queue, reads, verdicts
from fact_review.store.db import MEMORY, WriterLock, check_file, make_engine, move_aside
from fact_review.store.errors import CorruptDatabaseError, ReadOnlyError
from fact_review.store.importing import Analyse, MatchCase
from fact_review.store.matches import ArticleSpan
from fact_review.store.models import utcnow
from fact_review.store.rows import (
    DEFAULT_SCALE,
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

OTHER_WINDOW = "open in another window: this one is read-only until that one is closed"
NEWER_VERSION = "made by a newer version of Fact Review: read-only here"
ASKED_READ_ONLY = "opened read-only"
BACKUP_EVERY_SECONDS = 3600


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

    def _check_writable(self) -> None:
        if self._write_engine is None:
            raise ReadOnlyError(f"{self.path}: {self.read_only_reason}")

    @contextmanager
    def _write(self) -> Iterator[Session]:
        self._check_writable()
        with Session(self._write_engine, expire_on_commit=False) as session, session.begin():
            yield session
        self._backup_if_due()

    @contextmanager
    def _write_connection(self) -> Iterator[Connection]:
        """A Core connection for the hot path (verdicts), without the ORM's unit of work."""
        self._check_writable()
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

    @contextmanager
    def _read_connection(self) -> Iterator[Connection]:
        with self._read_engine.begin() as connection:
            yield connection

    # cases
    def create_case(self, name: str, scale: Optional[Sequence[ScaleLabel]] = None) -> CaseRow:
        """A new case with ``scale`` (default: False .. True, 1..5, plus Unverifiable); name must be new."""
        scale = tuple(scale) if scale is not None else DEFAULT_SCALE
        cases.check_new_case(name, scale)
        with self._write() as session:
            return cases.create_case(session, name, scale)

    def discard_empty_case(self, case_id: int) -> bool:
        """Remove the case if it holds no article: what a failed first import into a new case leaves."""
        with self._write() as session:
            return cases.discard_if_empty(session, case_id)

    def get_case(self, name: str) -> Optional[CaseRow]:
        with self._read() as session:
            return reads.case_named(session, name)

    def find_case(self, name: str) -> CaseRow:
        """The case called ``name``; ``InputError`` naming the cases there are when there is none."""
        with self._read() as session:
            found = reads.case_named(session, name)
            if found is None:
                known = ", ".join(repr(c.name) for c in reads.cases(session)) or "none yet"
                raise InputError(f"no case named {name!r} in {self.path} (cases: {known})")
            return found

    def get_or_create_case(self, name: str) -> CaseRow:
        return self.get_case(name) or self.create_case(name)

    def list_cases(self) -> list[CaseRow]:
        with self._read() as session:
            return reads.cases(session)

    def scale(self, case_id: int) -> list[ScaleLabel]:
        with self._read() as session:
            return list(reads.case_by_id(session, case_id).scale)

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
        self._check_writable()
        return importing.import_articles(self._read, self._write, self._analyse, self._match, case_id, articles,
                                         progress, cancelled)

    def articles(self, case_id: int) -> list[ArticleRow]:
        """The case's articles in import order, with their full text."""
        with self._read() as session:
            return reads.articles(session, case_id)

    def sentences(self, article_id: int) -> list[SentenceRow]:
        with self._read() as session:
            return reads.sentences(session, article_id)

    # claims and verdicts
    def claims(
        self, case_id: int, article_id: Optional[int] = None, *, include_dismissed: bool = False
    ) -> list[ClaimRow]:
        """Claims ordered by article then start offset."""
        with self._read() as session:
            return reads.claim_rows(session, case_id, article_id, include_dismissed)

    def claim(self, claim_id: int) -> ClaimRow:
        with self._read() as session:
            return reads.one_claim_row(session, claim_id)

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
        with self._write_connection() as connection:
            return verdicts.change_verdict(connection, claim_id, reviewer,
                                           verdicts.labelled(label, note, evidence_url, reviewer), settles_anchor=True)

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
        with self._write_connection() as connection:
            return verdicts.change_verdict(connection, claim_id, reviewer,
                                           verdicts.annotated(note, evidence_url, reviewer),
                                           create=bool(note or evidence_url))

    def clear_verdict(self, claim_id: int, *, reviewer: Optional[str] = None) -> VerdictChange:
        """Remove the claim's verdict (a "flag for later" mark stays)."""
        with self._write_connection() as connection:
            return verdicts.change_verdict(connection, claim_id, reviewer, verdicts.cleared(reviewer), create=False)

    def restore_verdict(
        self, claim_id: int, state: Optional[VerdictRow], *, reviewer: Optional[str] = None
    ) -> VerdictChange:
        """Put back a verdict state (undo/redo); the version still rises."""
        with self._write_connection() as connection:
            return verdicts.change_verdict(connection, claim_id, reviewer, verdicts.restored(state),
                                           create=state is not None)

    def set_flag(self, claim_id: int, flagged: bool) -> VerdictChange:
        """Flag a claim for later (a mark that needs no verdict)."""
        with self._write_connection() as connection:
            return verdicts.change_verdict(connection, claim_id, None, verdicts.flagged(flagged), create=flagged)

    def verdict_history(self, claim_id: int) -> list[VerdictEventRow]:
        """Every change to the claim's verdict, oldest first (append-only)."""
        with self._read() as session:
            return verdicts.history(session, claim_id)

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
        fields = claims_edit.clean_fields(dict(kind=kind, value=value, unit=unit, noun=noun, qualifier=qualifier,
                                               low=low, high=high, date=date))
        with self._write() as session:
            return claims_edit.add_claim(session, article_id, start, end, fields)

    def edit_claim(self, claim_id: int, **fields: object) -> ClaimEdit:
        """Correct kind/value/unit/noun/qualifier/low/high/date; kept apart from the machine's values."""
        changes = claims_edit.clean_fields(fields)
        with self._write() as session:
            return claims_edit.edit(session, claim_id, claims_edit.corrected(changes))

    def dismiss_claim(self, claim_id: int, dismissed: bool = True) -> ClaimEdit:
        with self._write() as session:
            return claims_edit.edit(session, claim_id, claims_edit.dismissed(dismissed))

    def restore_claim(self, claim_id: int, state: ClaimRow) -> ClaimEdit:
        """Put back the reviewer corrections and dismissal of ``state`` (undo of an edit or dismiss)."""
        with self._write() as session:
            return claims_edit.edit(session, claim_id, claims_edit.restored(state))

    def delete_claim(self, claim_id: int) -> None:
        """Remove a reviewer-added claim (undo of ``add_claim``); machine claims are dismissed instead."""
        with self._write() as session:
            claims_edit.delete_claim(session, claim_id)

    # matches and checks
    def matches(self, case_id: int) -> list[MatchRow]:
        with self._read() as session:
            return reads.matches(session, case_id)

    def set_match_status(self, match_id: int, status: str) -> MatchChange:
        """``status`` is "suggested", "confirmed" or "rejected"; kept across re-imports."""
        matches.check_status(status)
        with self._write() as session:
            return matches.set_status(session, match_id, status)

    def add_match(self, case_id: int, a: ArticleSpan, b: ArticleSpan) -> MatchRow:
        """A match made by hand (method "manual", status "confirmed")."""
        with self._write() as session:
            return matches.add_match(session, case_id, a, b)

    def delete_match(self, match_id: int) -> None:
        """Remove a hand-made match (undo of ``add_match``)."""
        with self._write() as session:
            matches.delete_match(session, match_id)

    def checks(self, case_id: int) -> list[CheckRow]:
        with self._read() as session:
            return reads.checks(session, case_id)

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
        with self._read_connection() as connection:
            return queue.review_queue(connection, case_id, status, kind, label)

    def progress(self, case_id: int) -> Progress:
        """Counts over the claims not dismissed."""
        with self._read_connection() as connection:
            return queue.progress(connection, case_id)

    def backup(self) -> Path:
        """A verified copy (sqlite backup API + integrity_check) next to the database; old ones thinned."""
        if str(self.path) == MEMORY:
            raise InputError("an in-memory database has no file to back up")
        made = backups.make_backup(self.path)
        self._last_backup = time.monotonic()
        return made
