"""Commands on the case's articles: paste one (asking for its metadata), correct an article's metadata,
remove an article (undoable). A mixin of the main window (``self`` is the MainWindow)."""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from PySide6.QtGui import QGuiApplication

from fact_review.articles import article_from_text
from fact_review.store import ArticleRow
from fact_review.store.article_edits import ARTICLE_METADATA
from ui.article_undo import ArticleEditCommand, RemoveArticleCommand
from ui.commands import command
from ui.dialogs.article_dialog import ArticleDialog
from ui.review_commands import short


class ArticleCommands:
    @command("article-paste", title="Paste clipboard text as a new article…", category="Case")
    def article_paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.message("The clipboard holds no text")
            return
        article = article_from_text(text, "the pasted text")
        dialog = ArticleDialog("Paste an article",
                               "Who published the pasted text, and when? The date also dates the text's "
                               "own dates (\"on Tuesday\"). Every field can be left empty or changed later (F2).",
                               {"title": article.title, "published": article.published}, self)
        dialog.answered.connect(lambda fields: self.import_sources([replace(article, **fields)]))
        self._open_dialog(dialog)

    def _chosen_article(self) -> Optional[ArticleRow]:
        """The article the reviewer is on: the one selected in the list when the list has the focus, else
        the one in the active pane."""
        view = self.sidebar.articles_view
        if view.hasFocus() and view.currentIndex().isValid():
            article_id = self.articles_model.article_id(view.currentIndex().row())
        else:
            article_id = self.active_pane.article_id
        article = self.state.article(article_id) if article_id is not None else None
        if article is None:
            self.message("No article is shown: import one with Ctrl+I")
        return article

    @command("article-edit", title="Edit the article's title, outlet, url and date…", category="Case")
    def article_edit(self) -> None:
        article = self._chosen_article()
        if article is None:
            return
        dialog = ArticleDialog(f"Article: {self.state.article_name(article.id)}",
                               "Correct what the import found. A new published date re-reads the dates in "
                               "the text; verdicts stay.",
                               {name: getattr(article, name) for name in ARTICLE_METADATA}, self)
        dialog.answered.connect(lambda fields: self.guarded("Edit the article",
                                                            lambda: self._edit_article(article, fields)))
        self._open_dialog(dialog)

    def _edit_article(self, article: ArticleRow, fields: dict) -> None:
        edit = self.service.edit_article(article.id, **fields)
        if edit.before == edit.after:
            return
        self.undo_stack.clear()  # the case was re-matched: older steps may point at matches that are gone
        self.state.reload()
        self.undo_stack.push(ArticleEditCommand(f"Edit “{short(self.state.article_name(article.id))}”",
                                                self.state, edit, self._undo_error))
        self.message(f"Saved: {self.state.article_name(article.id)}")

    @command("article-delete", title="Remove the article from the case (undoable)", category="Case")
    def article_delete(self) -> None:
        article = self._chosen_article()
        if article is None:
            return
        name = self.state.article_name(article.id)
        removed = self.service.remove_article(article.id)
        self.undo_stack.clear()  # the case was re-matched: older steps may point at matches that are gone
        self.undo_stack.push(RemoveArticleCommand(f"Remove “{short(name)}”", self.state, removed,
                                                  self._undo_error))
        self.state.reload()
        undo = self.keymap.text("undo").split(" / ")[0]
        self.message(f"Removed {name} with its claims and verdicts ({undo} brings it back)")
