"""Publishing settings: who publishes (the desk: name, website, logo, shared by every case in the database)
and where this case's fact-check is published, draft or final. Reports and ClaimReview read them.

Saving goes through the review service, which checks the addresses; a problem is said inside the dialog,
next to the fields, and nothing is saved until every field is right."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fact_review.errors import InputError
from fact_review.store import CaseRow, CaseSettings, DeskSettings, ReviewService
from fact_review.store.settings import checked


class PublishingDialog(QDialog):
    saved = Signal()

    def __init__(self, service: ReviewService, case: CaseRow, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("publishing-dialog")
        self.setWindowTitle("Publishing settings")
        self.setMinimumWidth(560)
        self._service, self._case = service, case
        desk, settings = service.desk_settings(), service.case_settings(case.id)
        layout = QVBoxLayout(self)

        desk_box = QGroupBox("The desk (every case)", self)
        desk_form = QFormLayout(desk_box)
        self.publisher_name = self._field("publisher-name", desk.publisher_name, "Harwick Fact Desk")
        self.publisher_url = self._field("publisher-url", desk.publisher_url, "https://")
        self.publisher_logo = self._field("publisher-logo", desk.publisher_logo, "https:// address of an image")
        desk_form.addRow("&Publisher", self.publisher_name)
        desk_form.addRow("&Website", self.publisher_url)
        desk_form.addRow("&Logo", self.publisher_logo)
        layout.addWidget(desk_box)

        case_box = QGroupBox(f"This case: {case.name}", self)
        case_form = QFormLayout(case_box)
        self.review_url = self._field("review-url", settings.review_url, "https:// page of the published fact-check")
        self.final = QCheckBox("&Final: reports no longer say \u201cDraft\u201d", self)
        self.final.setObjectName("final")
        self.final.setChecked(settings.report_state == "final")
        case_form.addRow("&Review URL", self.review_url)
        case_form.addRow("", self.final)
        layout.addWidget(case_box)

        self.problem = QLabel("", self)
        self.problem.setObjectName("error-banner")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setVisible(service.read_only)
        if service.read_only:
            self.problem.setText(f"Read-only: {service.read_only_reason or 'settings cannot be saved'}")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not service.read_only)
        layout.addWidget(buttons)
        self.publisher_name.setFocus()

    def _field(self, name: str, value: Optional[str], placeholder: str) -> QLineEdit:
        field = QLineEdit(value or "", self)
        field.setObjectName(name)
        field.setPlaceholderText(placeholder)
        return field

    def accept(self) -> None:
        if self._service.read_only:
            return
        desk = DeskSettings(self.publisher_name.text(), self.publisher_url.text(), self.publisher_logo.text())
        case = CaseSettings(self.review_url.text(), "final" if self.final.isChecked() else "draft")
        try:
            checked(desk), checked(case)  # both checked before either is written
            self._service.set_desk_settings(desk)
            self._service.set_case_settings(self._case.id, case)
        except InputError as error:
            self.problem.setText(str(error)[:1].upper() + str(error)[1:])
            self.problem.show()
            return
        super().accept()
        self.saved.emit()
