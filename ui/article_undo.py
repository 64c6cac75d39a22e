"""Undoable changes to the case's articles: a metadata correction and a removal.

Both re-match the case, which gives the matcher's matches new ids, so the window clears the older undo
steps before it pushes one of these (as an import does); these two then undo and redo on their own.
"""
from __future__ import annotations

from typing import Callable

from fact_review.store import ArticleEdit, RemovedArticle
from fact_review.store.article_edits import ARTICLE_METADATA
from ui.case_state import CaseState
from ui.undo import ServiceCommand


class ArticleEditCommand(ServiceCommand):
    def __init__(self, text: str, state: CaseState, edit: ArticleEdit, on_error: Callable[[Exception], None]) -> None:
        super().__init__(text, state, on_error)
        self.edit = edit

    def _set(self, row) -> None:
        self.state.service.edit_article(self.edit.article_id, **{name: getattr(row, name) for name in ARTICLE_METADATA})
        self.state.reload()

    def _redo(self) -> None:
        self._set(self.edit.after)

    def _undo(self) -> None:
        self._set(self.edit.before)


class RemoveArticleCommand(ServiceCommand):
    def __init__(self, text: str, state: CaseState, removed: RemovedArticle,
                 on_error: Callable[[Exception], None]) -> None:
        super().__init__(text, state, on_error)
        self.removed = removed

    def _redo(self) -> None:
        self.removed = self.state.service.remove_article(self.removed.article_id)
        self.state.reload()

    def _undo(self) -> None:
        self.state.service.restore_article(self.removed)
        self.state.reload()
