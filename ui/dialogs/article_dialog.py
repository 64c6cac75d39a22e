"""An article's metadata: title, outlet, url, author and published date, asked for when text is pasted and
when the reviewer corrects an imported article (F2). Enter saves once the fields are valid; a problem is
said inside the dialog, which stays open; Esc cancels."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from fact_review.errors import InputError
from fact_review.store.article_edits import ARTICLE_METADATA, clean_metadata
from ui.dialogs.parts import ProblemLabel, answer_buttons

FIELDS = (("title", "&Title", "the headline"), ("outlet", "&Outlet", "who published it, e.g. Northern Wire"),
          ("url", "&Url", "https://…"), ("author", "&Author", ""),
          ("published", "&Published", "2025-05-25, or 2025-05-25 14:30 (dates in the text are read against it)"))


class ArticleDialog(QDialog):
    answered = Signal(dict)  # the cleaned metadata: {field: text or None}

    def __init__(self, title: str, intro: str, values: dict[str, Optional[str]],
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("article-dialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        about = QLabel(intro, self)
        about.setWordWrap(True)
        about.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(about)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for name, label, hint in FIELDS:
            field = QLineEdit(values.get(name) or "", self)
            field.setObjectName(name)
            field.setPlaceholderText(hint)
            self.fields[name] = field
            form.addRow(label, field)
        layout.addLayout(form)
        self.problem = ProblemLabel(self)
        layout.addWidget(self.problem)
        answer_buttons(self, layout, ok=QDialogButtonBox.StandardButton.Save)
        self.fields["title"].setFocus()
        self.fields["title"].selectAll()

    def values(self) -> dict[str, str]:
        return {name: self.fields[name].text() for name in ARTICLE_METADATA}

    def accept(self) -> None:
        try:
            clean = clean_metadata(self.values())
        except InputError as error:
            self.problem.say(str(error))
            return
        super().accept()
        self.answered.emit(clean)
