"""The figure table as a Qt model: a row per fact (``fact_review.overview.figure_table``), then its status
and its verdict, then a column per source whose cell is the figures as that source states them (several
joined by " / ", a sum's parts by " + "). Conflicting figures are coloured, superseded ones struck through,
rated ones ticked; ``UserRole`` gives the claim to jump to."""
from __future__ import annotations

from html import escape
from typing import Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont

from fact_review.overview.figure_table import FigureRow, FigureTable, figure_table
from fact_review.reports.figures import date_text, value_text
from fact_review.store import FactRow
from ui import palette
from ui.case_state import CaseState
from ui.team.panel import team_verdicts_html

FIXED_COLUMNS = ("Fact", "Status", "Verdict")
VERDICT_COLUMN = FIXED_COLUMNS.index("Verdict")
EXPLANATION_SHOWN = 600  # characters: a fact stated by fifty sources has an explanation of a hundred thousand
STATUS_WORDS = {"conflict": "conflict", "superseded": "updated later", "compatible": "compatible", "agree": "agree"}


class FigureTableModel(QAbstractTableModel):
    def __init__(self, state: CaseState, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self._state = state
        self.table = FigureTable((), ())
        self._places: dict[int, tuple[int, int]] = {}  # claim id -> (row, column)
        self._names: list[str] = []
        state.reloaded.connect(self.refresh)
        state.factsChanged.connect(self.refresh)
        state.claimRemoved.connect(lambda _id: self.refresh())
        state.claimAdded.connect(lambda _id: self.refresh())
        state.claimChanged.connect(self._on_claim_changed)
        state.factVerdictChanged.connect(self._on_fact_verdict)
        self.refresh()

    def refresh(self) -> None:
        state = self._state
        self.beginResetModel()
        self.table = figure_table(state.articles, state.claims, state.facts, state.checks)
        self._names = [state.article_name(article_id) for article_id in self.table.article_ids]
        self._places = {}
        for row, fact in enumerate(self.table.rows):
            for column, cell in enumerate(fact.cells):
                for entry in cell:
                    for claim_id in entry:
                        self._places.setdefault(claim_id, (row, len(FIXED_COLUMNS) + column))
        self.endResetModel()

    def _on_claim_changed(self, claim_id: int) -> None:
        place = self._places.get(claim_id)
        if place is not None:
            index = self.index(*place)
            self.dataChanged.emit(index, index)

    def _on_fact_verdict(self, key: str) -> None:
        row = self.table.row_of_fact(key)
        if row is not None:
            index = self.index(row, VERDICT_COLUMN)
            self.dataChanged.emit(index, index)

    def fact(self, row: int) -> Optional[FactRow]:
        """The fact of a row (its verdicts); None for a row of sums only, which is no fact."""
        figures = self.row(row)
        return self._state.fact(figures.key) if figures is not None and figures.is_fact else None

    def place_of(self, claim_id: int) -> Optional[QModelIndex]:
        place = self._places.get(claim_id)
        return self.index(*place) if place is not None else None

    def row(self, row: int) -> Optional[FigureRow]:
        return self.table.rows[row] if 0 <= row < len(self.table.rows) else None

    def source_of(self, index: QModelIndex) -> Optional[int]:
        """The article of a source's column; None for the Fact and Status columns."""
        column = index.column() - len(FIXED_COLUMNS)
        return self.table.article_ids[column] if 0 <= column < len(self.table.article_ids) else None

    # --- Qt ------------------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(FIXED_COLUMNS) + len(self.table.article_ids)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return FIXED_COLUMNS[section] if section < len(FIXED_COLUMNS) else self._names[section - len(FIXED_COLUMNS)]
        return None

    def entries(self, index: QModelIndex) -> tuple[tuple[int, ...], ...]:
        """A source's cell: its figures (a claim each, or the parts of a sum)."""
        fact = self.row(index.row())
        column = index.column() - len(FIXED_COLUMNS)
        return fact.cells[column] if fact is not None and 0 <= column < len(fact.cells) else ()

    def claim_at(self, index: QModelIndex) -> Optional[int]:
        """The claim a cell jumps to: its own first figure, or the fact's first for the Fact and Status cells."""
        fact = self.row(index.row()) if index.isValid() else None
        if fact is None:
            return None
        cell = [c for entry in self.entries(index) for c in entry] or fact.claim_ids()[:1]
        return cell[0] if cell else None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        fact = self.row(index.row()) if index.isValid() else None
        if fact is None:
            return None
        claims = self._state.claims
        entries = [[claims[c] for c in entry if c in claims] for entry in self.entries(index)]
        entries = [entry for entry in entries if entry]
        if index.column() == VERDICT_COLUMN and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._verdict_data(self.fact(index.row()), role)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return fact.label
            if index.column() == 1:
                return STATUS_WORDS.get(fact.status, fact.status) + (" ✎" if fact.by_reviewer else "")
            return " / ".join(" + ".join(_shown(c) for c in entry) for entry in entries)
        if role == Qt.ItemDataRole.UserRole:
            return self.claim_at(index)
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() < len(FIXED_COLUMNS):
                made = "Made by the reviewer (split or merge). " if fact.by_reviewer else ""
                return escape(made + explanation_text(fact)) or None
            return "<br>".join(self._claim_tip(c, fact) for entry in entries for c in entry) or None
        members = [c for entry in entries for c in entry]
        if not members:
            return None
        conflicting = any(c.id in fact.conflicting for c in members)
        superseded = all(c.id in fact.superseded for c in members)
        if role == Qt.ItemDataRole.BackgroundRole:
            return palette.BACKGROUND["conflict"] if conflicting else (
                palette.BACKGROUND["rated"] if superseded else None)
        if role == Qt.ItemDataRole.ForegroundRole and (conflicting or superseded):
            return palette.CLAIM_TEXT
        if role == Qt.ItemDataRole.FontRole and superseded:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def _verdict_data(self, fact: Optional[FactRow], role) -> Optional[str]:
        if role == Qt.ItemDataRole.DisplayRole:
            return verdict_words(fact, self._state.service.reviewer) if fact is not None else ""
        if fact is None:
            return "A total and the sums that add up to it: its figures are rated as claims"
        state = self._state
        return team_verdicts_html(fact, state.service.reviewer, state.case.blind, "fact")

    def _claim_tip(self, claim, fact: FigureRow) -> str:
        reading = date_text(claim.date) if claim.kind == "date" else (
            value_text(claim.value, claim.kind, claim.unit) if claim.value is not None else "")
        notes = [n for n in (reading if reading and reading != claim.text else "",
                             "cannot hold with another figure of this fact" if claim.id in fact.conflicting else "",
                             "updated by a later report" if claim.id in fact.superseded else "",
                             f"rated {claim.verdict.label}" if claim.verdict and claim.verdict.label else "") if n]
        return f"“{escape(claim.text)}”" + (f" — {escape('; '.join(notes))}" if notes else "")


def explanation_text(row: FigureRow, limit: int = EXPLANATION_SHOWN) -> str:
    """A row's explanation as far as a reader takes it in: whole sentences up to ``limit`` characters, and
    how much more there is."""
    text = row.explanation
    if len(text) <= limit:
        return text
    cut = text.rfind(". ", 0, limit)
    shown = text[:cut + 1] if cut > 0 else text[:limit].rsplit(" ", 1)[0] + "…"
    return f"{shown} (and more: {len(text) - len(shown):,} characters)"


def verdict_words(fact: FactRow, me: str) -> str:
    """The Verdict column: the reviewer's own label and flag, then the desk's word where there is one: the
    final verdict, that the reviewers differ, or agree and await an editor's confirmation, or (before one's
    own) what the others gave, as far as blind review shows it."""
    own = fact.verdict
    mine = " ".join(p for p in (own.label if own and own.label else "", "⚑" if own and own.flagged else "") if p)
    final = fact.final
    others = [v for v in fact.verdicts if v.label and v.reviewer != me]
    desk = (f"final: {final.label}" if final is not None and final.label else
            "reviewers differ" if fact.disputed else "agreed, to confirm" if fact.concurring else
            ", ".join(f"{v.reviewer or 'unnamed'}: {v.label}" for v in others) if not mine else "")
    return " · ".join(p for p in (mine, desk) if p)


def _shown(claim) -> str:
    return claim.text + (" ✓" if claim.verdict and claim.verdict.label else "")
