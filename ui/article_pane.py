"""One article, read-only, with every claim highlighted by review status.

Claim highlights are kept per block in a QSyntaxHighlighter (fast and lazy on long articles, and a change
to one claim re-highlights one block); the transient marks (the current claim, the statements linked to
it) are ExtraSelections, so they never touch the document.
"""
from __future__ import annotations

from bisect import bisect_right
from html import escape
from typing import Callable, Iterable, Optional, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QWidget

from ui import palette
from ui.text_index import TextIndex


def status_formats() -> dict[str, QTextCharFormat]:
    """One text format per claim status key (``palette.claim_status``)."""
    formats = {}
    for status, _text, _colour in palette.STATUSES:
        for key in (status, f"{status} {palette.CONFLICT_MARK}"):
            fmt = QTextCharFormat()
            fmt.setBackground(palette.background(key))
            fmt.setForeground(palette.CLAIM_TEXT)
            if palette.is_conflict(key):
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(palette.CONFLICT_UNDERLINE)
                fmt.setFontUnderline(True)
            formats[key] = fmt
    quiet = QTextCharFormat()  # a context claim: findable, but no fill that asks for a verdict
    quiet.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    quiet.setUnderlineColor(palette.CONTEXT_UNDERLINE)
    formats[palette.CONTEXT] = quiet
    return formats


class ClaimHighlighter(QSyntaxHighlighter):
    def __init__(self, document) -> None:
        super().__init__(document)
        self.formats = status_formats()
        self._spans: dict[int, list[tuple[int, int, str]]] = {}

    def set_spans(self, spans: dict[int, list[tuple[int, int, str]]]) -> None:
        """Spans per block: (start in block, length, status). Takes effect at the next (re)highlight."""
        self._spans = spans

    def set_block_spans(self, block: int, spans: list[tuple[int, int, str]]) -> None:
        self._spans[block] = spans
        self.rehighlightBlock(self.document().findBlockByNumber(block))

    def block_spans(self, block: int) -> list[tuple[int, int, str]]:
        return self._spans.get(block, [])

    def highlightBlock(self, _text: str) -> None:  # noqa: N802 - Qt's name
        for start, length, status in self._spans.get(self.currentBlock().blockNumber(), ()):
            self.setFormat(start, length, self.formats[status])


class ArticlePane(QPlainTextEdit):
    """Shows one article. Claims are any rows with ``id, start, end``; ``status_of(claim)`` gives the
    status key that colours each (``palette.claim_status``).

    Moving the text cursor never changes the current claim (the next verdict key must rate the claim the
    reviewer chose): a click on a claim chooses it, and from the keyboard the window's Enter command does.
    """

    claimActivated = Signal(int)  # the reviewer clicked a claim

    def __init__(self, side: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"pane-{side}")
        self.side = side
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAcceptDrops(False)  # dropped files go to the window, which imports them
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setCenterOnScroll(False)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.setFont(font)
        self._highlighter = ClaimHighlighter(self.document())
        self.status_of: Callable[[object], str] = lambda claim: palette.claim_status(claim, False)
        self.article_id: Optional[int] = None
        self.text = ""
        self._index = TextIndex("")
        self._claims: dict[int, object] = {}
        self._pieces: dict[int, list[tuple[int, int, int]]] = {}  # claim id -> (block, start, length)
        self._by_block: dict[int, set[int]] = {}  # block -> ids of the claims in it
        self._starts: list[int] = []  # claim starts in order, for finding the claim under the cursor
        self._ids: list[int] = []
        self._current: Optional[int] = None
        self._linked: list[tuple[int, int]] = []

    # --- content -------------------------------------------------------------------------------------
    def show_article(self, article_id: Optional[int], text: str, claims: Iterable) -> None:
        self.article_id = article_id
        self.text = text
        self._index = TextIndex(text)
        self._claims = {c.id: c for c in claims}
        self._reindex()
        self._pieces = {c.id: self._index.block_pieces(c.start, c.end) for c in self._claims.values()}
        self._by_block = {}
        spans: dict[int, list[tuple[int, int, str]]] = {}
        for claim in self._claims.values():
            status = self.status_of(claim)
            for block, start, length in self._pieces[claim.id]:
                spans.setdefault(block, []).append((start, length, status))
                self._by_block.setdefault(block, set()).add(claim.id)
        self._highlighter.set_spans(spans)
        self._current, self._linked = None, []
        self.setPlainText(text)  # highlights every block once, with the spans above
        self.setExtraSelections([])

    def _reindex(self) -> None:
        ordered = sorted(self._claims.values(), key=lambda c: (c.start, c.end))
        self._starts = [c.start for c in ordered]
        self._ids = [c.id for c in ordered]

    def claim_ids(self) -> list[int]:
        return list(self._ids)

    def update_claim(self, claim) -> None:
        """A claim changed (verdict, kind, span) or came in: re-highlight the blocks it touches, nothing else."""
        old = self._claims.get(claim.id)
        blocks = self._forget(claim.id)
        self._claims[claim.id] = claim
        self._pieces[claim.id] = self._index.block_pieces(claim.start, claim.end)
        for block, _start, _length in self._pieces[claim.id]:
            self._by_block.setdefault(block, set()).add(claim.id)
            blocks.add(block)
        if old is None or (old.start, old.end) != (claim.start, claim.end):
            self._reindex()
        self._rehighlight(blocks)

    def remove_claim(self, claim_id: int) -> None:
        if claim_id in self._claims:
            blocks = self._forget(claim_id)
            del self._claims[claim_id]
            self._reindex()
            self._rehighlight(blocks)

    def _forget(self, claim_id: int) -> set[int]:
        blocks = {block for block, _s, _l in self._pieces.pop(claim_id, ())}
        for block in blocks:
            self._by_block[block].discard(claim_id)
        return blocks

    def _rehighlight(self, blocks: Iterable[int]) -> None:
        for block in sorted(blocks):
            spans = []
            for claim_id in self._by_block.get(block, ()):
                status = self.status_of(self._claims[claim_id])
                spans.extend((start, length, status) for b, start, length in self._pieces[claim_id] if b == block)
            self._highlighter.set_block_spans(block, sorted(spans))

    def block_statuses(self, block: int) -> list[tuple[int, int, str]]:
        return self._highlighter.block_spans(block)

    # --- positions -----------------------------------------------------------------------------------
    def claim_at(self, offset: int) -> Optional[int]:
        i = bisect_right(self._starts, offset) - 1
        while i >= 0:
            claim = self._claims[self._ids[i]]
            if claim.start <= offset < claim.end:
                return claim.id
            if self._starts[i] < offset - 200:  # claims are short; stop looking far back
                break
            i -= 1
        return None

    def cursor_offset(self) -> int:
        return self._index.from_qt(self.textCursor().position())

    def selection(self) -> Optional[tuple[int, int]]:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._index.from_qt(cursor.selectionStart()), self._index.from_qt(cursor.selectionEnd())

    def move_cursor_to(self, offset: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._index.to_qt(offset))
        self.setTextCursor(cursor)
        self.centerCursor()

    def select_span(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (a found word, say) and bring it into view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._index.to_qt(start))
        cursor.setPosition(self._index.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def scroll_to(self, offset: int) -> None:
        """Bring ``offset`` into view without moving this pane's cursor when it is already visible."""
        block = self.document().findBlock(self._index.to_qt(offset))
        if not block.isValid():
            return
        rect = self.blockBoundingGeometry(block).translated(self.contentOffset())
        if rect.top() < 0 or rect.bottom() > self.viewport().height():
            self.move_cursor_to(offset)

    # --- marks ---------------------------------------------------------------------------------------
    def mark(self, current: Optional[int], linked: Sequence[tuple[int, int]] = ()) -> None:
        """Mark the current claim and the statements linked to it (transient: ExtraSelections)."""
        if (current, list(linked)) == (self._current, self._linked):
            return  # unchanged: no repaint
        self._current = current
        self._linked = list(linked)
        selections = []
        for start, end in self._linked:
            for piece_start, piece_end in self._outside_claims(start, end):
                linked = self._selection(piece_start, piece_end, palette.LINKED_STATEMENT)
                linked.format.setForeground(palette.CLAIM_TEXT)  # light background: dark text, in either theme
                selections.append(linked)
        claim = self._claims.get(current) if current is not None else None
        if claim is not None:
            sel = self._selection(claim.start, claim.end, palette.CURRENT_CLAIM)
            sel.format.setForeground(palette.CURRENT_CLAIM_TEXT)
            sel.format.setFontWeight(QFont.Weight.Bold)
            selections.append(sel)
        self.setExtraSelections(selections)

    def marks(self) -> tuple[Optional[int], list[tuple[int, int]]]:
        return self._current, list(self._linked)

    def _outside_claims(self, start: int, end: int) -> list[tuple[int, int]]:
        """Parts of ``[start, end)`` not covered by a coloured claim, so a linked sentence keeps its claim
        colours (a context claim has none: the sentence's colour runs through it)."""
        pieces, at = [], start
        coloured = (c for c in self._claims.values()
                    if c.end > start and c.start < end and not palette.is_quiet(self.status_of(c)))
        for claim in sorted(coloured, key=lambda c: c.start):
            if claim.start > at:
                pieces.append((at, claim.start))
            at = max(at, claim.end)
        if at < end:
            pieces.append((at, end))
        return pieces

    def _selection(self, start: int, end: int, colour) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._index.to_qt(start))
        cursor.setPosition(self._index.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format.setBackground(colour)
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
        return selection

    def status_formats(self) -> dict[str, QTextCharFormat]:
        return dict(self._highlighter.formats)

    # --- events --------------------------------------------------------------------------------------
    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            claim_id = self.claim_at(self.cursor_offset())
            if claim_id is not None and claim_id != self._current:
                self.claimActivated.emit(claim_id)


CONTEXT_CHIP = "Context (dotted: not worth checking)"


class Legend(QLabel):
    """The colour key under the panes: one line of chips, wrapping onto a second on a narrow window."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        text = palette.CLAIM_TEXT.name()
        chips = [(label, colour, text, "") for _status, label, colour in palette.STATUSES]
        chips.insert(3, ("Rated, in conflict", palette.BACKGROUND["rated"].name(), text,
                         f"text-decoration: underline; color: {palette.CONFLICT_UNDERLINE.name()};"))
        chips += [("Current claim", palette.CURRENT_CLAIM.name(), palette.CURRENT_CLAIM_TEXT.name(),
                   "font-weight: bold;"),
                  ("Matched statement", palette.LINKED_STATEMENT.name(), text, "")]
        self.chips = [label for label, *_ in chips] + [CONTEXT_CHIP]
        self.setText(" ".join(f"<span style='background: {colour}; color: {foreground}; {extra}'>&nbsp;{escape(label)}"
                              "&nbsp;</span>" for label, colour, foreground, extra in chips)
                     # rich text has no dotted underline: the chip says it in words
                     + f" <span style='text-decoration: underline; color: {palette.CONTEXT_UNDERLINE.name()}'>"
                       f"{escape(CONTEXT_CHIP)}</span>")
