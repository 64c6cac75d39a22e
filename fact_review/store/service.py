"""The review service: the one place that persists analysis results and reviewer decisions.

The UI and the CLI share it. Every public method is one unit of work in its own session and returns
frozen rows (``rows.py``), never live ORM objects. Writes run in ``BEGIN IMMEDIATE`` transactions.
This module opens the database and holds the units of work; what each one does lives in its own
module: ``cases``, ``importing`` (with ``analysis``), ``reads``, ``verdicts``, ``claims_edit``,
``matches``, ``queue`` and ``settings``.
"""
from __future__ import annotations

import getpass
import logging
import os
import random
import sqlite3
import time
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Optional, Sequence, TypeVar, Union

import platformdirs
from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlmodel import Session

from fact_review.errors import ExplainedError, InputError
from fact_review.matching import match_case
from fact_review.model import Article
from fact_review.pipeline import analyse_article
from fact_review.store import (article_edits, cases, changes, claims_edit, fact_verdicts, facts, importing, matches,
                               migrate, queue, reads, settings, transfer, verdicts)
from fact_review.store.article_edits import ArticleEdit, RemovedArticle
from fact_review.store.db import MEMORY
from fact_review.store.engines import NEWER_VERSION, Backend, FileTarget, parse_target
from fact_review.store.engines.postgres import connection_error, is_connection_error, open_server
from fact_review.store.engines.sqlite import open_file, open_memory
from fact_review.store.facts import FactRow
from fact_review.store.models import utcnow
from fact_review.store.importing import Analyse, MatchCase
from fact_review.store.matches import ArticleSpan
from fact_review.store.settings import CaseSettings, DeskSettings
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
from fact_review.store.errors import ReadOnlyError, UnwritableError
from fact_review.store.file_errors import file_error, in_words, is_damage, sqlite_cause

if TYPE_CHECKING:
    from fact_review.agreement import CaseAgreement

log = logging.getLogger(__name__)
T = TypeVar("T")
REVIEWER_VARIABLE = "FACT_REVIEW_REVIEWER"
WRITE_ATTEMPTS = 8  # a unit of work that lost a serialisation conflict runs again on a fresh snapshot


def default_db_path() -> Path:
    """``fact-review.db`` in the user data folder (platformdirs), created on first use."""
    folder = Path(platformdirs.user_data_dir("fact-review", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "fact-review.db"


def open_service(
    db: Union[Path, str],
    *,
    read_only: bool = False,
    recover: bool = True,
    create: bool = True,
    reviewer: Optional[str] = None,
    analyse: Optional[Analyse] = None,
    match: Optional[MatchCase] = None,
    window: bool = False,
) -> "ReviewService":
    """Open (creating or migrating as needed) the database ``db``: a file path (SQLite) or a
    ``postgresql+psycopg://`` URL (a shared server); a URL is never taken for a file name.

    SQLite: takes the single-writer lock; when another process holds it the service is read-only and
    ``read_only_reason`` says "open in another window". ``":memory:"`` gives an in-memory database
    (tests). A damaged file is moved aside and the newest verified backup restored when ``recover``
    (``service.recovery`` says what happened); otherwise ``CorruptDatabaseError`` is raised.
    PostgreSQL: many writers; a server that cannot be reached raises ``ServerUnavailableError``, a wrong
    address or credentials ``InputError``. Either engine: a database made by a newer version opens
    read-only; ``create`` False refuses a database that does not exist yet (commands that only read or
    change an existing case must not make one by mistake). ``reviewer``: who this service writes as
    when a call names nobody (default: ``default_reviewer()``). ``analyse``/``match`` replace the pipeline.
    ``window``: the caller is a window, which holds a file for its whole session (a second window on it
    is read-only); a command instead waits for another command to finish writing.
    """
    if str(db) == MEMORY:
        backend = open_memory()
    else:
        target = parse_target(db)
        if isinstance(target, FileTarget):
            if not create and not target.path.is_file():
                raise InputError(f"{target.path}: no such database")
            backend = open_file(target.path, read_only=read_only, recover=recover, window=window)
        else:
            backend = open_server(target, read_only=read_only, create=create)
    return ReviewService(backend, analyse or analyse_article, match or match_case, reviewer or default_reviewer())


def default_reviewer() -> str:
    """Who gives verdicts when nobody is named: ``FACT_REVIEW_REVIEWER``, else the login name (as the
    window does when no name is set in its settings)."""
    named = os.environ.get(REVIEWER_VARIABLE, "").strip()
    if named:
        return named
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a bare container): still one consistent reviewer
        return "reviewer"


class ReviewService:
    def __init__(self, backend: Backend, analyse: Analyse, match: MatchCase, reviewer: str):
        self._backend = backend
        self.reviewer = reviewer
        # the SQLite file (None on a server); ``location`` names either for people
        self.path: Optional[Path] = backend.target.path if isinstance(backend.target, FileTarget) else None
        self.location = backend.location
        self.is_server = backend.is_server
        self.read_only = backend.write is None
        self.read_only_reason = backend.read_only_reason
        self.recovery = backend.recovery
        self._write_engine = backend.write
        self._read_engine = backend.read
        self._analyse = analyse
        self._match = match

    def close(self) -> None:
        self._backend.close()

    def __enter__(self) -> "ReviewService":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_writable(self) -> None:
        if self._write_engine is None:
            refusal = UnwritableError if self._backend.read_only_failure else ReadOnlyError
            raise refusal(f"{self.location}: {self.read_only_reason}")

    def _write(self, unit: Callable[[Session], T]) -> T:
        """Run ``unit`` in one write transaction (an ORM session), again if it lost a conflict."""
        def attempt() -> T:
            with Session(self._write_engine, expire_on_commit=False) as session, session.begin():
                return unit(session)
        return self._committed(attempt)

    def _write_connection(self, unit: Callable[[Connection], T]) -> T:
        """The same with a Core connection, for the hot path (verdicts), without the ORM's unit of work."""
        def attempt() -> T:
            with self._write_engine.begin() as connection:
                return unit(connection)
        return self._committed(attempt)

    def _committed(self, attempt: Callable[[], T]) -> T:
        self._check_writable()
        for tries in range(1, WRITE_ATTEMPTS + 1):
            try:
                with self._server_errors():
                    result = attempt()
                break
            except DBAPIError as error:
                if tries == WRITE_ATTEMPTS or not self._backend.retryable(error):
                    raise
                time.sleep(random.uniform(0, 0.005 * 2 ** tries))  # jitter: the two sides do not collide again
        try:
            self._backend.after_write()
        except Exception as error:  # noqa: BLE001 - the write is committed: a failed backup after it must not
            # make it look failed (a full disk reported a saved verdict as not saved)
            cause = sqlite_cause(error)
            said = in_words(Path(self.location), cause) if cause else " ".join(str(error).split())
            log.warning("%s: the periodic backup could not be made (%s); the change itself is saved",
                        self.location, said)
        return result

    @contextmanager
    def _server_errors(self) -> Iterator[None]:
        """A server lost mid-way is said in words (``ServerUnavailableError``), not as a driver error; so
        is a file that cannot be read or written (a full disk, a read-only file), without the SQL."""
        try:
            yield
        except OperationalError as error:
            if self.is_server and is_connection_error(error):
                raise connection_error(self.location, error) from None
            if not self.is_server and isinstance(error.orig, sqlite3.Error) and not is_damage(error.orig):
                raise self._file_error(error.orig) from None
            raise

    def _file_error(self, error: sqlite3.Error) -> Exception:
        if "no such" in str(error) and self._made_by_a_newer_version():  # a table or column it renamed
            return ExplainedError(f"{self.location}: made by a newer version of Fact Review, whose tables this "
                                  f"version cannot read ({error}): open it with that version")
        return file_error(Path(self.location), error)

    def _made_by_a_newer_version(self) -> bool:
        if self.read_only_reason == NEWER_VERSION:
            return True
        try:
            revision = migrate.current_revision(self._read_engine)
        except DBAPIError:
            return False
        return revision is not None and not migrate.is_known(revision)

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with self._server_errors(), Session(self._read_engine) as session, session.begin():
            yield session

    @contextmanager
    def _read_connection(self) -> Iterator[Connection]:
        with self._server_errors(), self._read_engine.begin() as connection:
            yield connection

    # cases
    def create_case(self, name: str, scale: Optional[Sequence[ScaleLabel]] = None) -> CaseRow:
        """A new case with ``scale`` (default: False .. True, 1..5, plus Unverifiable); name must be new."""
        scale = tuple(scale) if scale is not None else DEFAULT_SCALE
        cases.check_new_case(name, scale)
        return self._write(lambda session: cases.create_case(session, name, scale))

    def get_case(self, name: str) -> Optional[CaseRow]:
        with self._read() as session:
            return reads.case_named(session, name)

    def find_case(self, name: str) -> CaseRow:
        """The case called ``name``; ``InputError`` naming the cases there are when there is none."""
        with self._read() as session:
            found = reads.case_named(session, name)
            if found is None:
                known = ", ".join(repr(c.name) for c in reads.cases(session)) or "none yet"
                raise InputError(f"no case named {name!r} in {self.location} (cases: {known})")
            return found

    def get_or_create_case(self, name: str) -> CaseRow:
        return self.get_case(name) or self.create_case(name)

    def list_cases(self) -> list[CaseRow]:
        with self._read() as session:
            return reads.cases(session)

    def scale(self, case_id: int) -> list[ScaleLabel]:
        with self._read() as session:
            return list(reads.case_by_id(session, case_id).scale)

    # settings: the desk's (who publishes) and each case's (where and whether it is published)
    def desk_settings(self) -> DeskSettings:
        with self._read() as session:
            return settings.desk_settings(session)

    def set_desk_settings(self, desk: DeskSettings) -> DeskSettings:
        """Replace the desk's settings (None or blank unsets one); ``InputError`` for a url that is not http(s)."""
        return self._write(lambda session: settings.save_desk_settings(session, desk))

    def case_settings(self, case_id: int) -> CaseSettings:
        with self._read() as session:
            return settings.case_settings(session, case_id)

    def set_case_settings(self, case_id: int, case: CaseSettings) -> CaseSettings:
        """Replace a case's settings; ``InputError`` for a url that is not http(s) or an unknown report state."""
        def save(session: Session) -> CaseSettings:
            reads.case_by_id(session, case_id)  # an unknown case is an error, not orphan rows
            return settings.save_case_settings(session, case_id, case)
        return self._write(save)

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
        return self._import(case_id, articles, progress, cancelled)

    def import_into_new_case(
        self,
        name: str,
        articles: Sequence[Article],
        scale: Optional[Sequence[ScaleLabel]] = None,
        *,
        progress: Optional[Callable[[int, int], None]] = None,
        cancelled: Optional[Callable[[], bool]] = None,
    ) -> ImportResult:
        """A new case named ``name`` (as ``create_case``) with ``articles``, made in the transaction that
        stores them: when none can be stored, or the import fails or is killed, no empty case is left.
        The result's ``case_id`` is None when the case was not made."""
        scale = tuple(scale) if scale is not None else DEFAULT_SCALE
        cases.check_new_case(name, scale)
        return self._import(importing.NewCase(name, scale), articles, progress, cancelled)

    def _import(self, case, articles, progress, cancelled) -> ImportResult:
        self._check_writable()
        result = importing.import_articles(self._read, self._write, self._analyse, self._match, case, articles,
                                           progress, cancelled, self.reviewer)
        if result.added or result.updated:
            self._backend.after_bulk_write()
        return result

    def articles(self, case_id: int) -> list[ArticleRow]:
        """The case's articles in import order, with their full text."""
        with self._read() as session:
            return reads.articles(session, case_id)

    def edit_article(self, article_id: int, *, expected_version: Optional[int] = None, **fields: Optional[str]
                     ) -> ArticleEdit:
        """Correct title, outlet, url, author or published ("" removes one); the case is re-matched, and a
        new published date re-reads the article's dates (its claims keep their verdicts).

        ``expected_version``: the article's version as the reader saw it; details changed since by
        someone else are not overwritten (``StaleError`` with the article as it is now)."""
        clean = article_edits.clean_metadata(fields)
        self._check_writable()
        return article_edits.edit_article(self._read, self._write, self._analyse, self._match, article_id, clean,
                                          self.reviewer, expected_version)

    def remove_article(self, article_id: int) -> RemovedArticle:
        """Delete an article with its claims, verdicts and matches; ``restore_article`` puts it back."""
        self._check_writable()
        return article_edits.remove_article(self._read, self._write, self._match, article_id, self.reviewer)

    def restore_article(self, removed: RemovedArticle) -> ArticleRow:
        """Undo ``remove_article``: the article, its claims and verdicts come back under their old ids."""
        self._check_writable()
        return article_edits.restore_article(self._read, self._write, self._match, removed, self.reviewer)

    def sentences(self, article_id: int) -> list[SentenceRow]:
        with self._read() as session:
            return reads.sentences(session, article_id)

    # claims and verdicts
    def claims(
        self, case_id: int, article_id: Optional[int] = None, *, include_dismissed: bool = False,
        viewer: Optional[str] = None,
    ) -> list[ClaimRow]:
        """Claims ordered by article then start offset, with every reviewer's verdict and the final one.

        ``viewer``: the reviewer reading; on a blind-review case the others' verdicts on a claim stay
        hidden from them until they have given their own. None (reports, the desk): everything.
        """
        with self._read() as session:
            return reads.claim_rows(session, case_id, article_id, include_dismissed, viewer=viewer)

    def claim(self, claim_id: int, *, viewer: Optional[str] = None) -> ClaimRow:
        with self._read() as session:
            return reads.one_claim_row(session, claim_id, viewer)

    def set_verdict(
        self,
        claim_id: int,
        label: str,
        *,
        note: Optional[str] = None,
        evidence_url: Optional[str] = None,
        reviewer: Optional[str] = None,
        final: bool = False,
    ) -> VerdictChange:
        """Give a claim ``reviewer``'s verdict (default: the service's reviewer), or with ``final`` the
        adjudicator's final verdict; ``label`` must be on the case's scale (matched case-insensitively).

        ``note`` and ``evidence_url`` left as None keep their current values ("" clears). Setting a
        verdict also settles ``anchor_changed``: the reviewer has judged the new text.
        """
        return self._change_verdict(claim_id, reviewer, verdicts.labelled(label, note, evidence_url),
                                    final=final, settles_anchor=True)

    def annotate(
        self,
        claim_id: int,
        *,
        note: Optional[str] = None,
        evidence_url: Optional[str] = None,
        reviewer: Optional[str] = None,
        final: bool = False,
    ) -> VerdictChange:
        """Save a note and/or an evidence url on a claim, with or without a verdict (the label is kept).

        None keeps the current value, "" clears it. A note written before any verdict is stored at
        once and the claim stays unreviewed until it gets a label.
        """
        return self._change_verdict(claim_id, reviewer, verdicts.annotated(note, evidence_url), final=final,
                                    create=bool(note or evidence_url))

    def clear_verdict(self, claim_id: int, *, reviewer: Optional[str] = None, final: bool = False) -> VerdictChange:
        """Remove ``reviewer``'s verdict on the claim (a "flag for later" mark stays), or the final one."""
        return self._change_verdict(claim_id, reviewer, verdicts.cleared(), final=final, create=False)

    def restore_verdict(
        self, claim_id: int, state: Optional[VerdictRow], *, reviewer: Optional[str] = None, final: bool = False,
        expected_version: Optional[int] = None,
    ) -> VerdictChange:
        """Put back a verdict state (undo/redo) in ``reviewer``'s row or the final one; the version still
        rises. ``expected_version``: the row's version after the change being undone (0: no row then);
        if someone changed the row since, ``StaleError`` and nothing is changed."""
        return self._change_verdict(claim_id, reviewer, verdicts.restored(state), final=final,
                                    create=state is not None, expected_version=expected_version)

    def set_flag(self, claim_id: int, flagged: bool, *, reviewer: Optional[str] = None) -> VerdictChange:
        """Flag a claim for later in ``reviewer``'s own row (a mark that needs no verdict)."""
        return self._change_verdict(claim_id, reviewer, verdicts.flagged(flagged), create=flagged)

    def _change_verdict(self, claim_id: int, reviewer: Optional[str], apply: verdicts.Apply, **options: object
                        ) -> VerdictChange:
        who = self.who(reviewer)
        return self._write_connection(
            lambda connection: verdicts.change_verdict(connection, claim_id, who, apply, **options))

    def who(self, reviewer: Optional[str]) -> str:
        """``reviewer``, or the service's reviewer when none is named."""
        return (reviewer or "").strip() or self.reviewer

    def verdict_history(self, claim_id: int, *, viewer: Optional[str] = None) -> list[VerdictEventRow]:
        """Every change to the claim's verdicts, oldest first (append-only); on a blind-review case a
        ``viewer`` who has not rated the claim sees only their own changes."""
        with self._read() as session:
            only = None
            if viewer is not None and not reads.may_see_others(session, claim_id, viewer):
                only = viewer
            return verdicts.history(session, claim_id, only)

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
        return self._write(lambda session: claims_edit.add_claim(session, article_id, start, end, fields,
                                                                 self.reviewer))

    def edit_claim(self, claim_id: int, *, expected_version: Optional[int] = None, **fields: object) -> ClaimEdit:
        """Correct kind/value/unit/noun/qualifier/low/high/date, or say whether the claim is worth checking
        (check_worthy/why); kept apart from the machine's values.

        ``expected_version``: the claim's version as the reader saw it; a claim changed since by someone
        else is not corrected (``StaleError`` with the claim as it is now)."""
        changes = claims_edit.clean_fields(fields)
        return self._edit_claim(claim_id, claims_edit.corrected(changes), expected_version)

    def dismiss_claim(self, claim_id: int, dismissed: bool = True, *, expected_version: Optional[int] = None
                      ) -> ClaimEdit:
        return self._edit_claim(claim_id, claims_edit.dismissed(dismissed), expected_version)

    def restore_claim(self, claim_id: int, state: ClaimRow, *, expected_version: Optional[int] = None) -> ClaimEdit:
        """Put back the reviewer corrections and dismissal of ``state`` (undo of an edit or dismiss)."""
        return self._edit_claim(claim_id, claims_edit.restored(state), expected_version)

    def _edit_claim(self, claim_id: int, change: claims_edit.Edit, expected_version: Optional[int]) -> ClaimEdit:
        return self._write(lambda session: claims_edit.edit(session, claim_id, change, self.reviewer, expected_version))

    def delete_claim(self, claim_id: int, *, expected_version: Optional[int] = None) -> None:
        """Remove a reviewer-added claim (undo of ``add_claim``); machine claims are dismissed instead."""
        return self._write(lambda session: claims_edit.delete_claim(session, claim_id, self.reviewer,
                                                                    expected_version))

    # matches and checks
    def matches(self, case_id: int) -> list[MatchRow]:
        with self._read() as session:
            return reads.matches(session, case_id)

    def set_match_status(self, match_id: int, status: str, *, expected_version: Optional[int] = None
                         ) -> MatchChange:
        """``status`` is "suggested", "confirmed" or "rejected"; kept across re-imports.

        ``expected_version``: the match's version as the reader saw it; a decision made on a stale copy
        is refused (``StaleError`` with the match as it is now), never silently applied."""
        matches.check_status(status)
        return self._write(lambda session: matches.set_status(session, match_id, status, self.reviewer,
                                                              expected_version))

    def add_match(self, case_id: int, a: ArticleSpan, b: ArticleSpan) -> MatchRow:
        """A match made by hand (method "manual", status "confirmed")."""
        return self._write(lambda session: matches.add_match(session, case_id, a, b, self.reviewer))

    def delete_match(self, match_id: int, *, expected_version: Optional[int] = None) -> None:
        """Remove a hand-made match (undo of ``add_match``)."""
        return self._write(lambda session: matches.delete_match(session, match_id, self.reviewer, expected_version))

    def checks(self, case_id: int) -> list[CheckRow]:
        with self._read() as session:
            return reads.checks(session, case_id)

    # facts (fact_review.events; store/facts.py) and their verdicts (store/fact_verdicts.py)
    def facts(self, case_id: int, *, viewer: Optional[str] = None) -> list[FactRow]:
        """The case's facts, the reviewer's splits and merges applied, each with its verdicts (every
        reviewer's, the final one and the current one, as a claim's); ``viewer`` as for ``claims``."""
        with self._read() as session:
            return fact_verdicts.facts_with_verdicts(session, case_id, viewer)

    def set_fact_verdict(
        self,
        case_id: int,
        fact_key: str,
        label: str,
        *,
        note: Optional[str] = None,
        evidence_url: Optional[str] = None,
        reviewer: Optional[str] = None,
        final: bool = False,
    ) -> VerdictChange:
        """Give the fact ``fact_key`` (``FactRow.key``) ``reviewer``'s verdict, or with ``final`` the
        adjudicator's, as ``set_verdict`` does for a claim. The change names the rated fact (``fact_id``)
        that keeps the fact's verdicts across re-analysis, splits and merges (``store.fact_verdicts``)."""
        return self._change_fact_verdict(case_id, fact_key, reviewer, verdicts.labelled(label, note, evidence_url),
                                         final=final)

    def annotate_fact(self, case_id: int, fact_key: str, *, note: Optional[str] = None,
                      evidence_url: Optional[str] = None, reviewer: Optional[str] = None, final: bool = False
                      ) -> VerdictChange:
        """A note and/or an evidence url on a fact, with or without a verdict, as ``annotate`` for a claim."""
        return self._change_fact_verdict(case_id, fact_key, reviewer, verdicts.annotated(note, evidence_url),
                                         final=final, create=bool(note or evidence_url))

    def set_fact_flag(self, case_id: int, fact_key: str, flagged: bool, *, reviewer: Optional[str] = None
                      ) -> VerdictChange:
        """Flag a fact for later in ``reviewer``'s own row, as ``set_flag`` for a claim."""
        return self._change_fact_verdict(case_id, fact_key, reviewer, verdicts.flagged(flagged), final=False,
                                         create=flagged)

    def clear_fact_verdict(self, case_id: int, fact_key: str, *, reviewer: Optional[str] = None,
                           final: bool = False) -> VerdictChange:
        """Remove ``reviewer``'s verdict on the fact, or the final one."""
        return self._change_fact_verdict(case_id, fact_key, reviewer, verdicts.cleared(), final=final, create=False)

    def restore_fact_verdict(
        self, fact_id: int, state: Optional[VerdictRow], *, reviewer: Optional[str] = None, final: bool = False,
        expected_version: Optional[int] = None,
    ) -> VerdictChange:
        """Undo/redo of a fact's verdict change: as ``restore_verdict``, on the rated fact ``fact_id`` (the
        change's ``fact_id``; a fact's key may change meanwhile, the rated fact does not)."""
        who = self.who(reviewer)
        return self._write_connection(lambda connection: verdicts.change_verdict(
            connection, None, who, verdicts.restored(state), final=final, create=state is not None,
            expected_version=expected_version, fact_id=fact_id))

    def _change_fact_verdict(self, case_id: int, fact_key: str, reviewer: Optional[str], apply: verdicts.Apply,
                             *, final: bool, create: bool = True) -> VerdictChange:
        who = self.who(reviewer)

        def change(session: Session) -> VerdictChange:
            fact_id = fact_verdicts.rated_fact_for(session, case_id, fact_key, create=create)
            if fact_id is None:
                return VerdictChange(None, None, None, who, final)
            return verdicts.change_verdict(session.connection(), None, who, apply, final=final, create=create,
                                           fact_id=fact_id)
        return self._write(change)

    def fact_verdict_history(self, fact_id: int, *, viewer: Optional[str] = None) -> list[VerdictEventRow]:
        """Every change to a rated fact's verdicts (``FactRow.rated_id``), oldest first; blind review as for
        ``verdict_history``."""
        with self._read() as session:
            only = None
            if viewer is not None and not fact_verdicts.may_see_others(session, fact_id, viewer):
                only = viewer
            return verdicts.history(session, None, only, fact_id=fact_id)

    def split_fact(self, case_id: int, fact_key: str, claim_ids: Sequence[int], *,
                   reviewer: Optional[str] = None) -> int:
        """Take some claims out of a fact as a fact of their own (kept across re-imports); the decision id."""
        return self._write(lambda session: self._fact_decided(session, case_id, facts.split_fact(
            session, case_id, fact_key, claim_ids, reviewer or self.reviewer)))

    def merge_facts(self, case_id: int, fact_keys: Sequence[str], *, reviewer: Optional[str] = None) -> int:
        """Make one fact of several (kept across re-imports); the decision id."""
        return self._write(lambda session: self._fact_decided(session, case_id, facts.merge_facts(
            session, case_id, fact_keys, reviewer or self.reviewer)))

    def undo_fact_decision(self, case_id: int, decision_id: int) -> None:
        self._write(lambda session: self._fact_decided(session, case_id, facts.undo_decision(
            session, case_id, decision_id)))

    def _fact_decided(self, session: Session, case_id: int, result: T) -> T:
        """Other windows on the case refresh it (the change log) once a fact decision is written."""
        changes.record(session.connection(), case_id, changes.CASE, None, self.reviewer, utcnow())
        return result

    # review
    def review_queue(
        self,
        case_id: int,
        *,
        status: Optional[str] = None,
        kind: Optional[str] = None,
        label: Optional[str] = None,
        reviewer: Optional[str] = None,
        check_worthy: Optional[bool] = None,
    ) -> list[int]:
        """Claim ids to review (dismissed left out), claims in conflict first, then in reading order.

        ``status``: "unreviewed" | "conflicts" | "reviewed" | "flagged" | None (all), and ``label``, as
        ``reviewer``'s own verdicts have them (default: the service's reviewer); ``check_worthy``: True for
        the claims worth checking only, False for context claims only, None for both.
        """
        with self._read_connection() as connection:
            return queue.review_queue(connection, case_id, status, kind, label, self.who(reviewer), check_worthy)

    def progress(self, case_id: int, *, reviewer: Optional[str] = None) -> Progress:
        """Counts over the claims not dismissed, by ``reviewer``'s own verdicts."""
        with self._read_connection() as connection:
            return queue.progress(connection, case_id, self.who(reviewer))

    # team review
    def set_blind_review(self, case_id: int, blind: bool) -> CaseRow:
        """Blind review: a reviewer sees the others' verdicts on a claim only once they have given their own."""
        return self._write(lambda session: cases.set_blind(session, case_id, blind, self.reviewer))

    def agreement(self, case_id: int) -> "CaseAgreement":
        """How often the case's reviewers agree (``fact_review.agreement``), over the claims not dismissed
        and the facts."""
        from fact_review.agreement import case_agreement  # the statistics load only when asked for

        with self._read() as session:
            scale = reads.case_by_id(session, case_id).scale
            return case_agreement(reads.claim_rows(session, case_id, None, False), scale,
                                  fact_verdicts.facts_with_verdicts(session, case_id))

    def change_feed(self, case_id: int) -> changes.ChangeFeed:
        """A reader of the case's changes from now on (see ``poll_changes``)."""
        with self._read_connection() as connection:
            return changes.ChangeFeed(case_id, changes.newest_id(connection))

    def poll_changes(self, feed: changes.ChangeFeed) -> list[changes.ChangeRow]:
        """What changed in the feed's case since the last poll (made by anyone, this service included)."""
        with self._read_connection() as connection:
            return feed.take(changes.read_after(connection, feed.low))

    # moving a case between databases
    def dump_case(self, case_id: int) -> transfer.CaseDump:
        """Everything in a case (every reviewer's verdicts and history included), read in one snapshot."""
        with self._read_connection() as connection:
            return transfer.dump(connection, case_id)

    def load_case(self, copied: transfer.CaseDump, name: str) -> CaseRow:
        """Store a case dumped from this or another database as the new case ``name``."""
        return self._write_connection(lambda connection: transfer.load(connection, copied, name))

    def backup(self) -> Path:
        """A verified copy (sqlite backup API + integrity_check) next to the database; old ones thinned.

        SQLite files only: a server database is backed up by its administrator (``pg_dump``)."""
        if self._backend.backup is None:
            raise InputError(f"{self.location}: " + ("backed up on the server (pg_dump), not by the app"
                                                     if self.is_server else "an in-memory database has no file to back up"))
        return self._backend.backup()
