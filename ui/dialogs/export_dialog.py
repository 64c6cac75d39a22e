"""Export a report: pick a format and a path (a safe default name from the case title), Enter writes it."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fact_review.reports.naming import default_report_filename
from fact_review.store import CaseRow

FORMATS = (("HTML", "html"), ("PDF", "pdf"), ("Markdown", "md"), ("CSV", "csv"), ("JSON", "json"),
           ("ClaimReview JSON-LD", "claimreview"))
LAST_FOLDER = "export/folder"
LAST_FORMAT = "export/format"

Writer = Callable[[str, Path], None]  # (format, path): writes the report atomically


class ExportDialog(QDialog):
    exported = Signal(str)
    failed = Signal(str)

    def __init__(self, case: CaseRow, write: Writer, settings: QSettings, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("export-dialog")
        self.setWindowTitle("Export report")
        self.setMinimumWidth(520)
        self._case = case
        self._write = write
        self._settings = settings
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.format = QComboBox(self)
        self.format.setObjectName("format")
        for text, _fmt in FORMATS:
            self.format.addItem(text)
        last = str(settings.value(LAST_FORMAT, "html"))
        self.format.setCurrentIndex(next((i for i, (_t, f) in enumerate(FORMATS) if f == last), 0))
        form.addRow("&Format", self.format)
        row = QHBoxLayout()
        self.path = QLineEdit(self)
        self.path.setObjectName("path")
        row.addWidget(self.path, 1)
        browse = QPushButton("&Browse…", self)
        browse.clicked.connect(self._browse)
        row.addWidget(browse)
        save_as = QLabel("&Save as", self)
        save_as.setBuddy(self.path)  # a label made by addRow for a layout has no buddy: its "&" would show
        form.addRow(save_as, row)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   parent=self)
        buttons.accepted.connect(self._export)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.format.currentIndexChanged.connect(self._suggest_path)
        self._suggest_path()
        self.format.setFocus()

    def selected_format(self) -> str:
        return FORMATS[self.format.currentIndex()][1]

    def _folder(self) -> Path:
        current = self.path.text().strip()
        if current:
            return Path(current).expanduser().parent
        return Path(str(self._settings.value(LAST_FOLDER, str(Path.home()))))

    def _suggest_path(self) -> None:
        name = default_report_filename(self._case.name, self.selected_format())
        self.path.setText(str(self._folder() / name))

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(self, "Save report as", self.path.text())
        if chosen:
            self.path.setText(chosen)

    def _export(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.failed.emit("Choose where to save the report")
            return
        path = Path(text).expanduser()
        fmt = self.selected_format()
        try:
            self._write(fmt, path)
        except Exception as error:  # noqa: BLE001 - shown in the window; the old file is left as it was
            self.failed.emit(f"The report was not written: {error}")
            return
        self._settings.setValue(LAST_FOLDER, str(path.parent))
        self._settings.setValue(LAST_FORMAT, fmt)
        self.exported.emit(str(path))
        self.accept()
