"""The desk's agreement on the case (percent agreement, Cohen's kappa, Krippendorff's alpha, per claim
kind) and the queues an editor works through: the disagreements to adjudicate (those waiting for a final
verdict first; V gives it) and the claims the reviewers agree on, awaiting confirmation (Shift+V confirms
the agreed label as final in one key). Enter goes to the claim; Esc closes."""
from __future__ import annotations

from html import escape
from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from fact_review.agreement import Agreement, CaseAgreement, RatedItem
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
        # the claims; facts are rated in the figure table, and count in the figures above (kind "fact")
        differing = [d for d in agreement.disagreements if d.claim_id is not None]
        agreed = [d for d in agreement.awaiting_confirmation if d.claim_id is not None]
        waiting = sum(1 for d in differing if d.final is None)
        self.list = self._queue(
            layout, "disagreements",
            f"&Disagreements: {len(differing)}, {waiting} waiting for a final verdict "
            "(Enter goes to the claim, then V settles it)",
            [(f"[{f'final {d.final}' if d.final else 'waiting'}] “{d.text}” ({d.kind}) — {_said(d)}", d.claim_id)
             for d in differing])
        self.agreed = self._queue(
            layout, "agreed",
            f"A&greed, awaiting a final verdict: {len(agreed)} "
            "(Enter goes to the claim, then Shift+V confirms it and goes on to the next)",
            [(f"“{d.text}” ({d.kind}) — {d.labels[0][1]} by {', '.join(r for r, _ in d.labels)}", d.claim_id)
             for d in agreed])
        answer_buttons(self, layout, accept=self._go_to_current)
        (self.list if self.list.count() or not self.agreed.count() else self.agreed).setFocus()

    def _queue(self, layout: QVBoxLayout, name: str, title: str, rows: list[tuple[str, int]]) -> QListWidget:
        label = QLabel(title, self)
        layout.addWidget(label)
        queue = QListWidget(self)
        queue.setObjectName(name)
        label.setBuddy(queue)
        for text, claim_id in rows:
            item = QListWidgetItem(text)
            item.setData(CLAIM_ROLE, claim_id)
            queue.addItem(item)
        queue.setCurrentRow(0)
        queue.itemActivated.connect(self._go)
        layout.addWidget(queue, 1)
        return queue

    def _go_to_current(self) -> None:
        queue = self.agreed if self.agreed.hasFocus() else self.list
        item = queue.currentItem()
        if item is None:
            self.reject()
            return
        self._go(item)

    def _go(self, item: QListWidgetItem) -> None:
        self.accept()
        self.chosen.emit(int(item.data(CLAIM_ROLE)))


def _said(item: RatedItem) -> str:
    return "; ".join(f"{reviewer}: {label}" for reviewer, label in item.labels)
