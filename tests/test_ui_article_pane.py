"""The article pane: claim highlights per block at the right Qt positions, whatever the characters."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from hypothesis import given
from hypothesis import strategies as st

from ui.article_pane import ArticlePane
from ui.text_index import TextIndex


@dataclass(frozen=True)
class FakeVerdict:
    label: Optional[str]


@dataclass(frozen=True)
class Row:
    """The fields the pane reads from a ClaimRow."""

    id: int
    start: int
    end: int
    verdict: Optional[FakeVerdict] = None
    in_conflict: bool = False
    agreed: bool = False
    check_worthy: bool = True


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60), st.data())
def test_text_index_counts_qt_positions_and_blocks(text, data):
    index = TextIndex(text)
    offset = data.draw(st.integers(0, len(text)))
    assert index.to_qt(offset) == _utf16(text[:offset])
    assert index.from_qt(index.to_qt(offset)) == offset
    assert index.block_of(offset) == text[:offset].count("\n")


@given(st.text(alphabet="ab\n😀é", max_size=40), st.data())
def test_block_pieces_cover_the_span_without_line_breaks(text, data):
    index = TextIndex(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    lines = text.split("\n")
    covered = "".join(
        lines[block].encode("utf-16-le")[2 * s: 2 * (s + n)].decode("utf-16-le")
        for block, s, n in index.block_pieces(start, end))
    assert covered == text[start:end].replace("\n", "")


def test_claims_are_highlighted_by_status_in_their_blocks(qtbot):
    text = "Headline 😀 with 12 cats\nSecond line says 40 per cent.\n"
    claims = [
        Row(1, text.index("12 cats"), text.index("12 cats") + 7),
        Row(2, text.index("40 per cent"), text.index("40 per cent") + 11, in_conflict=True),
    ]
    pane = ArticlePane("left")
    qtbot.addWidget(pane)
    pane.show_article(7, text, claims)
    first_block = pane.document().findBlockByNumber(0).text().encode("utf-16-le")
    (start, length, status), = pane.block_statuses(0)  # in Qt's UTF-16 positions: the emoji counts twice
    assert (first_block[2 * start: 2 * (start + length)].decode("utf-16-le"), status) == ("12 cats", "unreviewed")
    assert [s for _a, _b, s in pane.block_statuses(1)] == ["conflict"]
    formats = pane.document().findBlockByNumber(0).layout().formats()
    assert any(f.start == start and f.length == length for f in formats)

    pane.update_claim(Row(1, claims[0].start, claims[0].end, verdict=FakeVerdict("True")))
    assert [s for _a, _b, s in pane.block_statuses(0)] == ["rated"]
    assert [s for _a, _b, s in pane.block_statuses(1)] == ["conflict"]

    assert pane.claim_at(text.index("cats")) == 1 and pane.claim_at(0) is None
    pane.remove_claim(1)
    assert pane.block_statuses(0) == [] and pane.claim_ids() == [2]


def test_current_claim_and_linked_statement_marks(qtbot):
    text = "One sentence with 3 numbers. Another one."
    pane = ArticlePane("right")
    qtbot.addWidget(pane)
    pane.show_article(1, text, [Row(5, 18, 19)])
    pane.mark(5, [(0, 28)])
    selections = pane.extraSelections()
    marked = sorted((s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in selections)
    # the linked sentence is marked around the claim, which keeps its own colour under the current mark
    assert marked == [(0, 18), (18, 19), (19, 28)]
    assert pane.marks() == (5, [(0, 28)])
