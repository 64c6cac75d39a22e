"""The open case as the window sees it: frozen rows from the review service, kept by id.

Every change goes through the service first; the service's answer (what changed) is applied here and
announced with a signal, so each view refreshes only what changed (Anki's habit). Nothing here decides
anything about the review: the rows are the service's.

The rows are the window's reviewer's view (the service's ``reviewer``): a claim's ``verdict`` is their
own verdict, the one their keys change; ``verdicts`` and ``final`` hold the desk's, as blind review lets
them see. Other reviewers' changes arrive through ``refresh_claim`` and ``refresh_matches``
(``ui.team.live``).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import Optional, TypeVar

from PySide6.QtCore import QObject, Signal

from fact_review.errors import InputError
from fact_review.sources import source_name
from fact_review.store.reads import blind_view
from fact_review.store import (
    ArticleRow,
    CaseRow,
    CheckRow,
    ClaimRow,
    FactRow,
    MatchRow,
    ReviewService,
    ScaleLabel,
    VerdictChange,
    VerdictRow,
)
from ui import palette

Span = tuple[int, int]
Rated = TypeVar("Rated", ClaimRow, FactRow)


def match_sides(match: MatchRow, article_id: int) -> Optional[tuple[Span, int, Span]]:
    """(own span, other article id, other span) of a match seen from ``article_id``; None if not a side."""
    if match.a_article_id == article_id:
        return (match.a_start, match.a_end), match.b_article_id, (match.b_start, match.b_end)
    if match.b_article_id == article_id:
        return (match.b_start, match.b_end), match.a_article_id, (match.a_start, match.a_end)
    return None


def with_change(row: Rated, change: VerdictChange) -> Rated:
    """A claim's or a fact's row after ``change`` to its verdicts (``verdict`` being the window's reviewer's)."""
    if change.final:
        return replace(row, final=change.after)
    others = tuple(v for v in row.verdicts if v.reviewer not in (change.reviewer, None))
    mine = (change.after,) if change.after is not None else ()
    return replace(row, verdict=change.after, verdicts=tuple(sorted(others + mine, key=lambda v: v.reviewer or "")))


def _without_verdicts(fact: FactRow) -> FactRow:
    return replace(fact, rated_id=None, verdicts=(), final=None, verdict=None)


class CaseState(QObject):
    claimChanged = Signal(int)
    claimAdded = Signal(int)
    claimRemoved = Signal(int)
    matchesChanged = Signal()
    factsChanged = Signal()
    factVerdictChanged = Signal(str)  # a fact's key: its verdicts changed, the fact itself did not
    reloaded = Signal()

    def __init__(self, service: ReviewService, case: CaseRow, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.service = service
        self.case = case
        self.articles: list[ArticleRow] = []
        self.claims: dict[int, ClaimRow] = {}
        self.matches: dict[int, MatchRow] = {}
        self.checks: list[CheckRow] = []
        # the engine's facts, the reviewer's splits and merges applied; ``verdict`` the reviewer's own, as claims'
        self.facts: list[FactRow] = []
        self._facts_by_key: dict[str, FactRow] = {}
        self._checks_by_claim: dict[int, list[CheckRow]] = {}
        self._agreed_across: set[int] = set()  # claims in a check that agrees across two or more articles
        self._sentences: dict[int, tuple[list[int], list[int]]] = {}
        # each row's version after this window's last write to it (ui.undo: undo writes over nothing else)
        self.written: dict[tuple, Optional[int]] = {}
        self.reload()

    # --- loading -------------------------------------------------------------------------------------
    def reload(self) -> None:
        case_id = self.case.id
        self.articles = self.service.articles(case_id)
        self.claims = {c.id: self._personal(c) for c in self.service.claims(case_id, viewer=self.service.reviewer)}
        self.matches = {m.id: m for m in self.service.matches(case_id)}
        self._set_checks(self.service.checks(case_id))
        self._set_facts(self._read_facts())
        self._sentences.clear()
        self.reloaded.emit()

    def refresh_facts(self) -> None:
        """Read the facts again (after a split or a merge: only they change)."""
        self._set_facts(self._read_facts())
        self.factsChanged.emit()

    def refresh_fact_verdicts(self) -> None:
        """Read the facts again for their verdicts (another reviewer's, or the others' that blind review
        shows once one's own is given): only the facts whose verdicts changed are announced, unless the
        facts themselves changed meanwhile."""
        fresh = self._read_facts()
        if [_without_verdicts(f) for f in fresh] != [_without_verdicts(f) for f in self.facts]:
            self.refresh_facts()
            return
        changed = [new.key for new, old in zip(fresh, self.facts) if new != old]
        self._set_facts(fresh)
        for key in changed:
            self.factVerdictChanged.emit(key)

    def _read_facts(self) -> list[FactRow]:
        me = self.service.reviewer
        return [replace(fact, verdict=fact.own(me)) for fact in self.service.facts(self.case.id, viewer=me)]

    def _set_facts(self, facts: list[FactRow]) -> None:
        self.facts = facts
        self._facts_by_key = {fact.key: fact for fact in facts}

    def _set_checks(self, checks: list[CheckRow]) -> None:
        self.checks = checks
        self._checks_by_claim = {}
        self._agreed_across = set()
        for check in checks:
            for claim_id in check.claim_ids:
                self._checks_by_claim.setdefault(claim_id, []).append(check)
            articles = {self.claims[c].article_id for c in check.claim_ids if c in self.claims}
            if check.status == "agree" and len(articles) > 1:
                self._agreed_across.update(check.claim_ids)

    @property
    def scale(self) -> tuple[ScaleLabel, ...]:
        return self.case.scale

    def label_for_rating(self, rating: Optional[int]) -> Optional[ScaleLabel]:
        return next((s for s in self.case.scale if s.rating == rating), None)

    # --- lookups -------------------------------------------------------------------------------------
    def fact(self, key: str) -> Optional[FactRow]:
        return self._facts_by_key.get(key)

    def fact_known_as(self, key: str, claim_ids: tuple[int, ...]) -> Optional[FactRow]:
        """The fact the window showed as ``key`` with ``claim_ids``: that key while it holds those claims, else
        (the facts were analysed again meanwhile and renumbered) the fact sharing most of them, if any."""
        same = self.fact(key)
        if same is not None and same.claim_ids == claim_ids:
            return same
        shared = max(self.facts, key=lambda f: len(set(f.claim_ids) & set(claim_ids)), default=None)
        return shared if shared is not None and set(shared.claim_ids) & set(claim_ids) else None

    def article(self, article_id: int) -> Optional[ArticleRow]:
        return next((a for a in self.articles if a.id == article_id), None)

    def article_name(self, article_id: int) -> str:
        """The article's one name (``fact_review.sources``), as every view shows it."""
        article = self.article(article_id)
        return source_name(article) if article is not None else ""

    def status_of(self, claim: ClaimRow) -> str:
        """The status key that colours a claim (``palette.claim_status``)."""
        return palette.claim_status(claim, claim.id in self._agreed_across)

    def claims_of(self, article_id: int) -> list[ClaimRow]:
        return sorted((c for c in self.claims.values() if c.article_id == article_id), key=lambda c: c.start)

    def checks_of(self, claim_id: int) -> list[CheckRow]:
        return self._checks_by_claim.get(claim_id, [])

    def sentence_at(self, article_id: int, offset: int) -> Optional[Span]:
        if article_id not in self._sentences:
            rows = self.service.sentences(article_id)
            self._sentences[article_id] = ([s.start for s in rows], [s.end for s in rows])
        starts, ends = self._sentences[article_id]
        i = bisect_right(starts, offset) - 1
        if i >= 0 and offset < ends[i]:
            return starts[i], ends[i]
        return None

    def statement_of(self, claim: ClaimRow) -> Span:
        """The sentence a claim stands in (the claim itself if the sentence is unknown)."""
        return self.sentence_at(claim.article_id, claim.start) or (claim.start, claim.end)

    def matches_at(self, article_id: int, span: Span, other: Optional[int] = None) -> list[MatchRow]:
        """Matches with a side overlapping ``span`` in ``article_id`` (to ``other`` only), best first."""
        found = []
        for match in self.matches.values():
            sides = match_sides(match, article_id)
            if sides is None or (other is not None and sides[1] != other):
                continue
            (start, end), _other, _span = sides
            if start < span[1] and span[0] < end:
                found.append(match)
        return sorted(found, key=lambda m: (m.status == "rejected", -m.score))

    def matches_between(self, article_id: int, other: int) -> list[MatchRow]:
        """Matches between two articles, in reading order of ``article_id``."""
        pairs = [(match_sides(m, article_id), m) for m in self.matches.values()]
        return [m for sides, m in sorted(((s, m) for s, m in pairs if s and s[1] == other),
                                         key=lambda p: (p[0][0], p[0][2]))]

    # --- changes (the service's answers) -------------------------------------------------------------
    def _personal(self, row: ClaimRow) -> ClaimRow:
        """The claim with ``verdict`` as this window's reviewer's own, and under blind review only the
        verdicts they may see yet."""
        me = self.service.reviewer
        if self.case.blind:
            seen = blind_view([*row.verdicts, *([row.final] if row.final else [])], me)
            row = replace(row, verdicts=tuple(v for v in seen if not v.final),
                          final=next((v for v in seen if v.final), None))
        return replace(row, verdict=row.own(me))

    def apply_verdict(self, change: VerdictChange) -> None:
        claim = self.claims.get(change.claim_id)
        if claim is None:
            return
        if self.case.blind and not change.final:
            self.refresh_claim(claim.id)  # a first verdict of one's own shows the others'
            return
        self.claims[claim.id] = with_change(claim, change)
        self.claimChanged.emit(claim.id)

    def apply_fact_verdict(self, change: VerdictChange, key: Optional[str] = None) -> None:
        """A change to a fact's verdicts: the fact whose rated fact it names, or (its first verdict, which
        made the rated fact) the fact ``key``."""
        if change.fact_id is None:
            return  # nothing was written (a note cleared on a fact never rated)
        fact = next((f for f in self.facts if f.rated_id == change.fact_id), None) or (
            self.fact(key) if key is not None else None)
        if fact is None or (self.case.blind and not change.final):
            self.refresh_fact_verdicts()  # a first verdict of one's own shows the others'
            return
        changed = replace(with_change(fact, change), rated_id=change.fact_id)
        self.facts = [changed if f.key == fact.key else f for f in self.facts]
        self._facts_by_key[fact.key] = changed
        self.factVerdictChanged.emit(fact.key)

    def refresh_claim(self, claim_id: int) -> None:
        """Read one claim again (another reviewer changed it); gone or dismissed, it leaves the view."""
        try:
            row = self.service.claim(claim_id, viewer=self.service.reviewer)
        except InputError:  # removed meanwhile
            self.remove_claim(claim_id)
            return
        if row.article_id in {a.id for a in self.articles}:
            self.apply_claim(row)

    def refresh_matches(self) -> None:
        self.matches = {m.id: m for m in self.service.matches(self.case.id)}
        self.matchesChanged.emit()

    def apply_fresh(self, current: object) -> None:
        """Show the state a refused (stale) change found: the row that someone else changed."""
        if isinstance(current, MatchRow):
            self.apply_match(current)
        elif isinstance(current, ClaimRow):
            self.apply_claim(current)
        elif isinstance(current, VerdictRow) and current.claim_id is None:
            self.refresh_fact_verdicts()
        elif isinstance(current, VerdictRow):
            self.refresh_claim(current.claim_id)
        else:
            self.reload()

    def apply_claim(self, row: ClaimRow) -> None:
        row = self._personal(row)
        if row.dismissed:
            self.remove_claim(row.id)
        elif row.id in self.claims:
            self.claims[row.id] = row
            self.claimChanged.emit(row.id)
        else:
            self.claims[row.id] = row
            self.claimAdded.emit(row.id)

    def remove_claim(self, claim_id: int) -> None:
        if self.claims.pop(claim_id, None) is not None:
            self.claimRemoved.emit(claim_id)

    def apply_match(self, row: MatchRow) -> None:
        self.matches[row.id] = row
        self.matchesChanged.emit()

    def set_match_status(self, match_id: int, status: str, version: Optional[int] = None) -> None:
        match = self.matches.get(match_id)
        if match is not None:
            self.apply_match(replace(match, status=status, version=match.version if version is None else version))

    def remove_match(self, match_id: int) -> None:
        if self.matches.pop(match_id, None) is not None:
            self.matchesChanged.emit()

    def reviewed_count(self) -> tuple[int, int, int]:
        """(reviewed, total, flagged): the check-worthy claims shown and how many have a verdict, and the
        flags on any claim. Context claims (the report's own timing, "now" ...) are no work left to do.

        Counted from the rows in hand: asking the service would reload every claim on every keypress.
        """
        reviewed = total = flagged = 0
        for claim in self.claims.values():
            verdict = claim.verdict
            if claim.check_worthy:
                total += 1
                reviewed += verdict is not None and verdict.label is not None
            flagged += verdict is not None and verdict.flagged
        return reviewed, total, flagged
