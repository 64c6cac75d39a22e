"""Context claims (not worth checking: a dateline, "now", the report's own night) in the real window: shown
quietly in the panes, left out of the review queue until a filter brings them back, not counted as work
left, and explained in the inspector."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication

from fact_review.articles import article_from_text
from fact_review.store import open_service
from test_ui_support import Ctrl, Key, Shift, make_settings, open_window, press
from ui import palette
from ui.queue_model import QueueFilter
from ui.sidebar import QUEUE_STATUSES

DOCKS = """Harbour fire closes Varna docks

VARNA, May 25 (Reuters) - A fire destroyed 14 warehouses at the Varna docks overnight, the port authority said.
Firefighters are now working to cool 3 fuel tanks, officials said.
"""
QUAY = """Varna port shut after warehouse blaze

VARNA, May 25 (Reuters) - Fire destroyed 12 warehouses at the Varna docks overnight, the port authority said.
"""


@pytest.fixture
def docks(qtbot, tmp_path):
    service = open_service(tmp_path / "docks.db")
    case = service.create_case("Varna fire")
    service.import_articles(case.id, [article_from_text(DOCKS, "docks.txt"), article_from_text(QUAY, "quay.txt")])
    window = open_window(qtbot, service, case, make_settings(tmp_path))
    yield window, service, case
    window.close()
    service.close()


def by_text(window, text: str):
    return next(c for c in window.state.claims.values() if c.text == text)


def queue_texts(window) -> list[str]:
    return [window.state.claims[i].text for i in window.queue.ids()]


def choose_filter(qtbot, window, text: str) -> None:
    """Ctrl+Shift+F to the filter, then the arrow keys to ``text`` (as a reviewer would)."""
    press(qtbot, Key.Key_F, Ctrl | Shift)
    assert QApplication.focusWidget() is window.filter_status
    wanted = [t for t, *_ in QUEUE_STATUSES].index(text)
    step = Key.Key_Down if wanted > window.filter_status.currentIndex() else Key.Key_Up
    while window.filter_status.currentIndex() != wanted:
        press(qtbot, step)
    press(qtbot, Key.Key_Escape)


def test_the_fixture_has_context_claims_and_claims_worth_checking(docks):
    window, *_ = docks
    worth = {c.text: c.check_worthy for c in window.state.claims.values()}
    assert worth["14 warehouses"] and worth["3 fuel tanks"]
    assert not worth["now"] and not worth["overnight"] and not worth["May 25"]


def test_a_context_claim_is_drawn_without_fill_under_a_faint_dotted_line(docks):
    window, *_ = docks
    pane = next(p for p in window.panes if p.text.startswith("Harbour fire"))
    now, tanks = by_text(window, "now"), by_text(window, "3 fuel tanks")
    block = pane.document().findBlock(now.start).blockNumber()
    statuses = {start: status for start, _length, status in pane.block_statuses(block)}
    line_start = pane.document().findBlockByNumber(block).position()
    assert statuses[now.start - line_start] == palette.CONTEXT
    assert statuses[tanks.start - line_start] == "unreviewed"
    quiet = pane.status_formats()[palette.CONTEXT]
    assert quiet.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    assert quiet.background().style() == Qt.BrushStyle.NoBrush  # no fill that asks for a verdict
    assert pane.status_formats()["unreviewed"].background().style() != Qt.BrushStyle.NoBrush


def test_the_queue_leaves_context_claims_out_until_a_filter_brings_them_back(docks, qtbot):
    window, *_ = docks
    assert window.filter_status.currentText() == "Check-worthy claims"
    assert set(queue_texts(window)) == {"14 warehouses", "3 fuel tanks", "12 warehouses"}
    choose_filter(qtbot, window, "Context claims")
    assert set(queue_texts(window)) >= {"now", "overnight", "May 25"}
    assert all(not window.state.claims[i].check_worthy for i in window.queue.ids())
    choose_filter(qtbot, window, "All claims")
    assert set(queue_texts(window)) == {c.text for c in window.state.claims.values()}
    worthy = [window.state.claims[i].check_worthy for i in window.queue.ids()]
    assert worthy == sorted(worthy, reverse=True)  # the claims worth checking first


def test_verdict_keys_walk_the_claims_worth_checking_and_the_progress_counts_only_them(docks, qtbot):
    window, *_ = docks
    worth = [c for c in window.state.claims.values() if c.check_worthy]
    assert window.review_progress.format() == f"0 of {len(worth)} reviewed"
    press(qtbot, Key.Key_J)
    seen = []
    for _ in worth:
        seen.append(window.current_claim)
        press(qtbot, Key.Key_1)
    assert sorted(seen) == sorted(c.id for c in worth)  # no context claim came up for a verdict
    assert window.review_progress.format() == f"{len(worth)} of {len(worth)} reviewed"
    assert window.review_state.isVisible() and "case is reviewed" in window.status_message.text()


def test_the_inspector_says_why_a_claim_is_context(docks, qtbot):
    window, *_ = docks
    now = by_text(window, "now")
    window.set_current_claim(now.id)
    qtbot.waitUntil(lambda: "Context, not worth checking" in window.inspector.details.toPlainText())
    text = window.inspector.details.toPlainText()
    assert now.why in text and "Context claims" in text
    window.set_current_claim(by_text(window, "3 fuel tanks").id)
    qtbot.waitUntil(lambda: "Worth checking" in window.inspector.details.toPlainText())


def test_the_queue_model_passes_qtmodeltester_with_context_claims_shown(docks, qtmodeltester):
    window, *_ = docks
    for worthy in (False, None):
        window.queue.set_filter(QueueFilter(check_worthy=worthy))
        qtmodeltester.check(window.queue, force_py=True)
        context = next(i for i in window.queue.ids() if not window.state.claims[i].check_worthy)
        index = window.queue.index(window.queue.row_of(context), 1)
        assert index.data(Qt.ItemDataRole.BackgroundRole) is None  # quiet in the queue too
        assert "context" in index.data(Qt.ItemDataRole.ToolTipRole)
