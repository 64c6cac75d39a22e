"""The desk's agreement on the case (percent agreement, Cohen's kappa, Krippendorff's alpha, per claim
kind) and the queue of disagreements to adjudicate: those waiting for a final verdict first. Enter on a
disagreement goes to its claim (then V gives the final verdict); Esc closes."""
from __future__ import annotations

from html import escape
from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from fact_review.agreement import Agreement, CaseAgreement
from ui.dialogs.parts import answer_buttons

CLAIM_ROLE = Qt.ItemDataRole.UserRole


def _figure(value: Optional[float], digits: int = 2, suffix: str = "") -> str:
    return "—" if value is None else f"{value:.{digits}f}{suffix}"


def _row(name: str, figures: Agreement) -> str:
    return (f"<tr><td>{escape(name)}</td><td align='right'>{figures.items}</td>"
            f"<td align='right'>{_figure(figures.percent_agreement, 1, '%')}</td>"
            f"<td align='right'>{_figure(figures.cohen_kappa)}</td>"
            f"<td align='right'>{_figure(figures.krippendorff_alpha)}</td></tr>")


def figures_html(agreement: CaseAgreement) -> str:
    if not agreement.reviewers:
        return "<p>No reviewer has rated a claim of this case yet.</p>"
    head = ("<tr><th align='left'></th><th>rated by two or more</th><th>agreement</th><th>Cohen's κ</th>"
            "<th>Krippendorff's α</th></tr>")
    rows = [_row("whole case", agreement), *(_row(kind, figures) for kind, figures in agreement.by_kind.items())]
    pairs = "".join(f"<li>{escape(' & '.join(p.reviewers))}: {p.items} claims, {_figure(p.percent_agreement, 1, '%')}"
                    f" agreement, κ {_figure(p.cohen_kappa)}</li>" for p in agreement.pairs)
    return (f"<p><b>Reviewers</b>: {escape(', '.join(agreement.reviewers))}</p>"
            f"<table cellspacing='6'>{head}{''.join(rows)}</table>"
            + (f"<p>Pairs:</p><ul>{pairs}</ul>" if len(agreement.reviewers) > 2 else "")
            + "<p><small>α is ordinal on the case's scale; labels off the scale count as missing.</small></p>")


class AgreementDialog(QDialog):
    chosen = Signal(int)  # a claim to go to

    def __init__(self, agreement: CaseAgreement, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreement-dialog")
        self.setWindowTitle("Agreement and disagreements")
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        figures = QLabel(figures_html(agreement), self)
        figures.setObjectName("agreement-figures")
        figures.setTextFormat(Qt.TextFormat.RichText)
        figures.setWordWrap(True)
        layout.addWidget(figures)
        waiting = sum(1 for d in agreement.disagreements if d.final is None)
        title = QLabel(f"&Disagreements: {len(agreement.disagreements)}, {waiting} waiting for a final verdict "
                       "(Enter goes to the claim, then V settles it)", self)
        layout.addWidget(title)
        self.list = QListWidget(self)
        self.list.setObjectName("disagreements")
        title.setBuddy(self.list)
        for d in agreement.disagreements:
            said = "; ".join(f"{reviewer}: {label}" for reviewer, label in d.labels)
            settled = f"final {d.final}" if d.final else "waiting"
            item = QListWidgetItem(f"[{settled}] “{d.text}” ({d.kind}) — {said}")
            item.setData(CLAIM_ROLE, d.claim_id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda item: self._go(item))
        layout.addWidget(self.list, 1)
        answer_buttons(self, layout, accept=self._go_to_current)
        self.list.setFocus()

    def _go_to_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            self.reject()
            return
        self._go(item)

    def _go(self, item: QListWidgetItem) -> None:
        self.accept()
        self.chosen.emit(int(item.data(CLAIM_ROLE)))
