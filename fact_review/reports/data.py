"""What a report says, as plain frozen data: every renderer formats a ``ReportData`` and nothing else.

``load_report_data`` builds one from the review service's rows; tests build them by hand.
Values stay ``Decimal``; times are timezone-aware datetimes.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, fields
from datetime import datetime, timezone
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any, Optional, TypeVar

from fact_review.overview.figure_table import FigureTable, figure_table
from fact_review.sources import source_name

if TYPE_CHECKING:
    from fact_review.store import ClaimRow, MatchRow, ReviewService, SentenceRow, VerdictEventRow, VerdictRow


@dataclass(frozen=True, slots=True)
class RatingLabel:
    """One label of the case's verdict scale; ``rating`` is None for labels off the scale (Unverifiable)."""

    label: str
    rating: Optional[int] = None
    description: str = ""


@dataclass(frozen=True, slots=True)
class Scale:
    labels: tuple[RatingLabel, ...]
    best: Optional[int]  # the highest rating on the scale
    worst: Optional[int]  # the lowest

    @classmethod
    def of(cls, labels: tuple[RatingLabel, ...] | list[RatingLabel]) -> "Scale":
        ratings = [label.rating for label in labels if label.rating is not None]
        return cls(tuple(labels), max(ratings, default=None), min(ratings, default=None))

    def standing(self, rating: Optional[int]) -> str:
        """Where a rating sits on the scale: "low", "middle", "high", or "unrated" (for badges)."""
        if rating is None or self.best is None or self.worst is None:
            return "unrated"
        if self.best == self.worst:
            return "high"
        position = (rating - self.worst) / (self.best - self.worst)
        return "low" if position < 1 / 3 else "high" if position > 2 / 3 else "middle"


@dataclass(frozen=True, slots=True)
class ReportArticle:
    id: int
    position: int  # import order within the case, from 0
    title: Optional[str]
    outlet: Optional[str]
    url: Optional[str]
    author: Optional[str]
    published: Optional[str]  # ISO 8601 as stored ("2025-05-25" or a date-time)
    # The source's name as the window and the checks give it (``fact_review.sources``); the loader names
    # it from the stored article, file name included, so a report never carries the file's full path.
    name: str = ""

    def __post_init__(self) -> None:
        if not self.name:
            object.__setattr__(self, "name", source_name(self))

    @property
    def short_name(self) -> str:
        """How the report refers to the source after its Sources table: ``The Courier (source 1)``."""
        name, number = self.name, f"source {self.position + 1}"
        return name if name.casefold() == number else f"{name} ({number})"


@dataclass(frozen=True, slots=True)
class Figure:
    """A claim's figure: what it says, in the contract's Claim terms."""

    text: str
    kind: str
    value: Optional[Decimal] = None
    unit: Optional[str] = None
    noun: Optional[str] = None
    qualifier: Optional[str] = None
    low: Optional[Decimal] = None
    high: Optional[Decimal] = None
    date: Optional[str] = None


@dataclass(frozen=True, slots=True)
class Quote:
    """The claim's words with the text around them, as they appear in the article."""

    prefix: str
    text: str
    suffix: str


@dataclass(frozen=True, slots=True)
class MatchedStatement:
    """A sentence in another source that states the same thing as the claim's sentence."""

    article: ReportArticle
    text: str
    score: float  # 0..1
    relation: str  # numeric relation of the two sentences: agree | compatible | conflict | none
    status: str  # suggested | confirmed (rejected matches are left out)
    figures: tuple[Figure, ...]
    method: str = "auto"  # auto | manual (linked by the reviewer)


@dataclass(frozen=True, slots=True)
class Verdict:
    label: str
    rating: Optional[int]
    note: Optional[str]
    evidence_url: Optional[str]
    reviewer: Optional[str]
    created_at: datetime
    updated_at: datetime
    version: int = 1
    final: bool = False  # an adjudicator's final verdict, where reviewers differed


@dataclass(frozen=True, slots=True)
class HistoryEvent:
    """One change of a verdict; ``before``/``after`` are None when there was no verdict."""

    at: datetime
    reviewer: Optional[str]
    before: Optional[Verdict]
    after: Optional[Verdict]


@dataclass(frozen=True, slots=True)
class ReportEntry:
    """One claim of the case, with what the other sources say and its verdict: the published one
    (``verdict``: the final one, else the single reviewer's; None where two reviewers or more rated it and
    no editor gave the final verdict yet, even when they agree) and each reviewer's own
    (``reviewer_verdicts``, in the JSON report)."""

    claim_id: int
    article: ReportArticle
    quote: Quote
    sentence: str  # the whole sentence the claim is in
    figure: Figure
    origin: str = "machine"  # machine | reviewer
    in_conflict: bool = False
    flagged: bool = False
    matches: tuple[MatchedStatement, ...] = ()
    verdict: Optional[Verdict] = None
    history: tuple[HistoryEvent, ...] = ()
    reviewer_verdicts: tuple[Verdict, ...] = ()

    @property
    def awaiting_final(self) -> bool:
        """Rated by two reviewers or more, and nothing published until an editor gives the final verdict."""
        return self.verdict is None and len(self.reviewer_verdicts) >= 2


@dataclass(frozen=True, slots=True)
class ReportFact:
    """A fact of the case (claims across the sources that state one quantity or one time) with its verdict:
    the published one (as a claim's) and each reviewer's own."""

    key: str  # as `fact-review verdicts` names it
    kind: str  # quantity | time
    status: str  # agree | compatible | conflict | superseded
    label: str
    claim_ids: tuple[int, ...]
    verdict: Optional[Verdict] = None
    reviewer_verdicts: tuple[Verdict, ...] = ()
    history: tuple[HistoryEvent, ...] = ()

    @property
    def awaiting_final(self) -> bool:
        return self.verdict is None and len(self.reviewer_verdicts) >= 2


@dataclass(frozen=True, slots=True)
class DiscrepancyClaim:
    claim_id: int
    article: ReportArticle
    figure: Figure
    verdict: Optional[Verdict]


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """A check in conflict, and how the reviewer resolved it: the verdicts of its claims."""

    kind: str  # value | sum | share | date
    explanation: str
    claims: tuple[DiscrepancyClaim, ...]

    @property
    def resolved(self) -> bool:
        """Resolved once every claim in it has a verdict."""
        return all(claim.verdict is not None for claim in self.claims)


@dataclass(frozen=True, slots=True)
class LabelCount:
    label: str
    rating: Optional[int]
    count: int


@dataclass(frozen=True, slots=True)
class Summary:
    claims_found: int
    reviewed: int
    by_label: tuple[LabelCount, ...]  # every label of the scale, in scale order, then any label off it
    discrepancies: int
    discrepancies_resolved: int

    @classmethod
    def of(cls, scale: Scale, entries: tuple[ReportEntry, ...], discrepancies: tuple[Discrepancy, ...]) -> "Summary":
        counts: dict[str, int] = {label.label: 0 for label in scale.labels}
        ratings = {label.label: label.rating for label in scale.labels}
        for entry in entries:
            if entry.verdict is not None:
                counts[entry.verdict.label] = counts.get(entry.verdict.label, 0) + 1
                ratings.setdefault(entry.verdict.label, entry.verdict.rating)
        return cls(
            claims_found=len(entries),
            reviewed=sum(1 for entry in entries if entry.verdict is not None),
            by_label=tuple(LabelCount(label, ratings[label], count) for label, count in counts.items()),
            discrepancies=len(discrepancies),
            discrepancies_resolved=sum(1 for d in discrepancies if d.resolved),
        )


@dataclass(frozen=True, slots=True)
class FigureCell:
    """One source's figures for a fact, as written (several joined by " / "); empty when it gives none."""

    text: str
    conflict: bool = False  # a figure here cannot hold with another source's
    superseded: bool = False  # updated by a later report


@dataclass(frozen=True, slots=True)
class FigureRow:
    """A row of the figure table: one fact, its status, its verdict (the published one, as ``ReportFact``'s)
    and a cell per source in ``ReportData.articles`` order. ``fact`` is the fact's key in ``ReportData.facts``
    (None for a row of sums only, which is no fact and takes no verdict)."""

    label: str
    status: str
    cells: tuple[FigureCell, ...]
    fact: Optional[str] = None
    verdict: Optional[Verdict] = None
    awaiting_final: bool = False  # rated by two reviewers or more, nothing published before the final verdict


@dataclass(frozen=True, slots=True)
class Publisher:
    """Who publishes the fact-check (the desk or organisation from the app's settings)."""

    name: str
    url: Optional[str] = None
    logo: Optional[str] = None  # an image url


@dataclass(frozen=True, slots=True)
class ReportData:
    case_name: str
    title: str
    generated_at: datetime
    scale: Scale
    articles: tuple[ReportArticle, ...]
    summary: Summary
    entries: tuple[ReportEntry, ...]
    discrepancies: tuple[Discrepancy, ...]
    with_history: bool = False
    case_url: Optional[str] = None  # where the case's report is published, when it is
    publisher: Optional[Publisher] = None
    figures: tuple[FigureRow, ...] = ()  # who says what: the figure table
    state: str = "draft"  # draft | final: set by the desk (case settings) when the report is published
    facts: tuple[ReportFact, ...] = ()  # the case's facts with their verdicts (the JSON report carries them)

    @property
    def final(self) -> bool:
        return self.state == "final"

    @property
    def reviewed_entries(self) -> tuple[ReportEntry, ...]:
        return tuple(entry for entry in self.entries if entry.verdict is not None)

    @property
    def unreviewed_entries(self) -> tuple[ReportEntry, ...]:
        return tuple(entry for entry in self.entries if entry.verdict is None)

    @classmethod
    def build(
        cls,
        case_name: str,
        scale: Scale,
        articles: tuple[ReportArticle, ...],
        entries: tuple[ReportEntry, ...],
        discrepancies: tuple[Discrepancy, ...] = (),
        *,
        title: Optional[str] = None,
        generated_at: Optional[datetime] = None,
        with_history: bool = False,
        case_url: Optional[str] = None,
        publisher: Optional[Publisher] = None,
        figures: tuple[FigureRow, ...] = (),
        state: str = "draft",
        facts: tuple[ReportFact, ...] = (),
    ) -> "ReportData":
        """A report whose summary is computed from its entries, so the two cannot disagree."""
        return cls(
            case_name=case_name,
            title=title or case_name,
            generated_at=generated_at or datetime.now(timezone.utc),
            scale=scale,
            articles=tuple(articles),
            summary=Summary.of(scale, tuple(entries), tuple(discrepancies)),
            entries=tuple(entries),
            discrepancies=tuple(discrepancies),
            with_history=with_history,
            case_url=case_url,
            publisher=publisher,
            figures=tuple(figures),
            state=state,
            facts=tuple(facts),
        )


def load_report_data(service: "ReviewService", case_name: str, *, with_history: bool = False) -> ReportData:
    """The report of a stored case: every claim not dismissed, with its matches, verdict and checks, and
    the desk's and the case's publishing settings.

    Raises ``InputError`` when the database has no case of that name.
    """
    case = service.find_case(case_name)
    scale = Scale(tuple(_copied(RatingLabel, label) for label in case.scale), case.best_rating, case.worst_rating)
    rows = service.articles(case.id)
    articles = {row.id: _copied(ReportArticle, row, name=source_name(row)) for row in rows}
    texts = {row.id: row.text for row in rows}
    sentences = {row.id: service.sentences(row.id) for row in rows}
    claims = service.claims(case.id)
    figures = {claim.id: _copied(Figure, claim) for claim in claims}  # once each: a claim shows in many statements
    by_article: dict[int, list["ClaimRow"]] = {row.id: [] for row in rows}
    for claim in claims:
        by_article[claim.article_id].append(claim)
    sides = _match_sides([m for m in service.matches(case.id) if m.status != "rejected"])

    def statements(claim: "ClaimRow") -> tuple[MatchedStatement, ...]:
        found = []
        for start, end, other, match in sides.get(claim.article_id, ()):
            if start <= claim.start < end:
                other_id, other_start, other_end = other
                shown = tuple(figures[c.id] for c in by_article.get(other_id, ()) if other_start <= c.start < other_end)
                found.append(MatchedStatement(articles[other_id], texts[other_id][other_start:other_end],
                                              match.score, match.numeric, match.status, shown, match.method))
        return tuple(found)

    sentence = _Sentences(texts, sentences)

    def history(claim_id: int) -> tuple[HistoryEvent, ...]:
        return _history(service.verdict_history(claim_id))

    entries = tuple(
        ReportEntry(
            claim_id=claim.id,
            article=articles[claim.article_id],
            quote=Quote(claim.prefix, claim.quote, claim.suffix),
            sentence=sentence.of(claim),
            figure=figures[claim.id],
            origin=claim.origin,
            in_conflict=claim.in_conflict,
            flagged=any(v.flagged for v in claim.verdicts),
            matches=statements(claim),
            verdict=_verdict(claim.verdict),
            history=history(claim.id) if with_history else (),
            reviewer_verdicts=tuple(v for v in map(_verdict, claim.verdicts) if v is not None),
        )
        for claim in claims
    )
    claim_by_id = {claim.id: claim for claim in claims}
    discrepancies = []
    checks = service.checks(case.id)
    for check in checks:
        if check.is_discrepancy:
            members = [claim_by_id.get(claim_id) or service.claim(claim_id) for claim_id in check.claim_ids]
            discrepancies.append(Discrepancy(check.kind, check.explanation, tuple(
                DiscrepancyClaim(c.id, articles[c.article_id], _copied(Figure, c), _verdict(c.verdict)) for c in members
            )))
    stored_facts = service.facts(case.id)
    facts = tuple(
        ReportFact(f.key, f.kind, f.status, f.label, f.claim_ids, _verdict(f.verdict),
                   tuple(v for v in map(_verdict, f.verdicts) if v is not None),
                   _history(service.fact_verdict_history(f.rated_id)) if with_history and f.rated_id else ())
        for f in stored_facts
    )
    figures = _figure_rows(figure_table(rows, claim_by_id, stored_facts, checks), claim_by_id,
                           {fact.key: fact for fact in facts})
    desk, settings = service.desk_settings(), service.case_settings(case.id)
    publisher = Publisher(desk.publisher_name, desk.publisher_url, desk.publisher_logo) if desk.publisher_name else None
    return ReportData.build(case.name, scale, tuple(articles.values()), entries, tuple(discrepancies),
                            with_history=with_history, case_url=settings.review_url, publisher=publisher,
                            state=settings.report_state, figures=figures, facts=facts)


def _history(events: list["VerdictEventRow"]) -> tuple[HistoryEvent, ...]:
    shown = (HistoryEvent(e.at, e.reviewer, _verdict(e.before), _verdict(e.after)) for e in events)
    # a note or a flag still without a verdict is no change of verdict
    return tuple(e for e in shown if e.before is not None or e.after is not None)


def _figure_rows(table: FigureTable, claims: dict[int, "ClaimRow"], facts: dict[str, ReportFact]
                 ) -> tuple[FigureRow, ...]:
    def cell(row, entries) -> FigureCell:
        ids = [c for entry in entries for c in entry]
        return FigureCell(" / ".join(" + ".join(claims[c].text for c in entry) for entry in entries),
                          any(c in row.conflicting for c in ids), bool(ids) and all(c in row.superseded for c in ids))

    def figure_row(row) -> FigureRow:
        fact = facts.get(row.key) if row.is_fact else None
        cells = tuple(cell(row, entries) for entries in row.cells)
        if fact is None:
            return FigureRow(row.label, row.status, cells)
        return FigureRow(row.label, row.status, cells, fact.key, fact.verdict, fact.awaiting_final)

    return tuple(figure_row(row) for row in table.rows)


Report = TypeVar("Report")


@cache
def _field_names(report_type: type) -> tuple[str, ...]:
    return tuple(field.name for field in fields(report_type))


def _copied(report_type: type[Report], row: Any, **given: Any) -> Report:
    """A report value filled from the same-named fields of a store row (each report type names a subset),
    and from ``given`` for the fields a store row does not have."""
    return report_type(**{name: getattr(row, name) for name in _field_names(report_type) if name not in given},
                       **given)


def _verdict(row: Optional["VerdictRow"]) -> Optional[Verdict]:
    """A verdict as the report shows it; a flag, a note or an evidence url without a label is no verdict."""
    if row is None or row.label is None:
        return None
    return _copied(Verdict, row)


class _Sentences:
    """The sentence each claim is shown in, one string per stretch of text: the claims of one sentence (or
    of one stretch of a long one) share it, so a report holds about as much sentence text as its articles,
    however densely their claims sit."""

    def __init__(self, texts: dict[int, str], sentences: dict[int, list["SentenceRow"]]) -> None:
        self._texts, self._sentences = texts, sentences
        self._shown: dict[tuple[int, int, int], str] = {}

    def of(self, claim: "ClaimRow") -> str:
        """The text of the sentence the claim starts in (the claim's own text when no sentence holds it); a
        sentence longer than ``MAX_SENTENCE_CHARS`` (a page without full stops) is shown around the claim."""
        sentences, text = self._sentences[claim.article_id], self._texts[claim.article_id]
        index = bisect_right(sentences, claim.start, key=lambda sentence: sentence.start) - 1
        if index < 0 or claim.start >= sentences[index].end:
            return claim.text
        start, end = sentences[index].start, max(sentences[index].end, claim.end)
        left, right = _around_claim(text, start, end, claim)
        key = (claim.article_id, left, right)
        if key not in self._shown:
            self._shown[key] = ("…" if left > start else "") + text[left:right] + ("…" if right < end else "")
        return self._shown[key]


MAX_SENTENCE_CHARS = 1_000  # each entry carries its sentence: 2,000 claims in one 60 KB "sentence" made 146 MB
_CONTEXT_CHARS = 300  # of a longer sentence: at least this much on each side of the claim, cut between words


def _around_claim(text: str, start: int, end: int, claim: "ClaimRow") -> tuple[int, int]:
    """Where the sentence [start, end) is shown from and to for ``claim``: whole when it is short enough,
    else a window on a grid of ``_CONTEXT_CHARS`` (the same for every claim starting in one grid cell)."""
    if end - start <= MAX_SENTENCE_CHARS:
        return start, end
    cell = start + (claim.start - start) // _CONTEXT_CHARS * _CONTEXT_CHARS
    left = max(start, cell - _CONTEXT_CHARS)
    right = min(end, max(cell + 2 * _CONTEXT_CHARS, claim.end))
    if left > start:
        space = text.find(" ", left, min(claim.start, left + _CONTEXT_CHARS // 2))
        left = space + 1 if space >= 0 else left
    if right < end:
        space = text.rfind(" ", max(claim.end, right - _CONTEXT_CHARS // 2), right)
        right = space if space >= 0 else right
    return left, right


MatchSide = tuple[int, int, tuple[int, int, int], "MatchRow"]  # start, end, (other article, start, end), match


def _match_sides(matches: list["MatchRow"]) -> dict[int, list[MatchSide]]:
    """Each match seen from both of its articles."""
    sides: dict[int, list[MatchSide]] = {}
    for m in matches:
        sides.setdefault(m.a_article_id, []).append((m.a_start, m.a_end, (m.b_article_id, m.b_start, m.b_end), m))
        sides.setdefault(m.b_article_id, []).append((m.b_start, m.b_end, (m.a_article_id, m.a_start, m.a_end), m))
    return sides
