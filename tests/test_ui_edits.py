"""Reviewer edits: parsed by the extractor, undoable however often, kept across re-import; failures and a
read-only database are shown in the window, never raised; cases are opened and created by key."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication, QInputDialog

from fact_review.articles import article_from_text
from fact_review.store import open_service
from ui.dialogs.claim_dialog import ClaimDialog
from ui.undo import IdRenames
from test_ui_support import LEFT_TEXT, Ctrl, Key, Shift, make_settings, open_window, press, type_text
from test_ui_support import wait_for_dialog, window_on_case


@pytest.fixture
def opened(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "edits.db") as (window, service, case):
        yield window, service, case


def _select(qtbot, text: str, words_before: int) -> None:
    press(qtbot, Key.Key_Home, Ctrl)
    press(qtbot, Key.Key_Right, Ctrl, times=words_before)
    press(qtbot, Key.Key_Right, Shift, times=len(text))


def _mark(qtbot, window, text: str, words_before: int):
    _select(qtbot, text, words_before)
    press(qtbot, Key.Key_M)
    return wait_for_dialog(qtbot, window, ClaimDialog, "claim-dialog")


def test_the_marked_span_is_read_by_the_extractor_and_can_be_corrected(opened, qtbot):
    window, service, case = opened
    # "More than 12,000 runners" starts the second paragraph: the headline has 5 words
    dialog = _mark(qtbot, window, "More than 12,000 runners", 5)
    assert dialog.kind.currentText() == "number"
    assert (dialog.edits["value"].text(), dialog.edits["qualifier"].text()) == ("12000", "more than")
    press(qtbot, Key.Key_Tab)
    press(qtbot, Key.Key_A, Ctrl)
    type_text(qtbot, "twelve thousand")  # not a number: the dialog says so and stays open
    press(qtbot, Key.Key_Return)
    assert dialog.isVisible() and "Value must be a number" in dialog.error.text()
    press(qtbot, Key.Key_A, Ctrl)
    type_text(qtbot, "12500")
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    added = service.claim(window.current_claim)
    assert (added.origin, added.value, added.qualifier) == ("reviewer", Decimal("12500"), "more than")


def test_undo_and_redo_of_a_marked_claim_and_its_verdict_any_number_of_times(opened, qtbot):
    window, service, case = opened
    _mark(qtbot, window, "record field", 3)
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    marked = window.current_claim
    press(qtbot, Key.Key_K)  # away and back: the marked claim is current again
    window.set_current_claim(marked)
    press(qtbot, Key.Key_4)
    four = next(s.label for s in case.scale if s.rating == 4)

    def reviewer_claims():
        return [(c.text, c.verdict.label if c.verdict else None)
                for c in service.claims(case.id) if c.origin == "reviewer"]

    assert reviewer_claims() == [("record field", four)]
    for _ in range(3):
        press(qtbot, Key.Key_Z, Ctrl, times=2)
        assert reviewer_claims() == []
        press(qtbot, Key.Key_Y, Ctrl, times=2)
        assert reviewer_claims() == [("record field", four)]
    assert not window.banner.isVisible()


def test_reviewer_edits_survive_a_re_import_of_the_edited_article(opened, qtbot):
    window, service, case = opened
    _mark(qtbot, window, "record field", 3)
    press(qtbot, Key.Key_Return)
    press(qtbot, Key.Key_J)
    dismissed = window.current_claim
    press(qtbot, Key.Key_D)
    dismissed_text = service.claim(dismissed).text
    edited = LEFT_TEXT + "Organisers said next year's race will start an hour earlier.\n"
    window.import_sources([article_from_text(edited, "left.txt")])
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20000)
    assert not window.banner.isVisible(), window.banner.text()
    left = service.articles(case.id)[0]
    assert left.text == edited and len(service.articles(case.id)) == 2
    texts = [c.text for c in service.claims(case.id, left.id)]
    assert "record field" in texts and dismissed_text not in texts
    assert [c.text for c in window.state.claims_of(left.id) if c.origin == "reviewer"] == ["record field"]


def test_a_failing_command_is_shown_in_the_window_and_the_window_goes_on(opened, qtbot, monkeypatch):
    window, service, case = opened

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk unplugged")

    monkeypatch.setattr(service, "set_verdict", broken)
    first = window.current_claim
    press(qtbot, Key.Key_1)
    assert window.banner.isVisible() and "disk unplugged" in window.banner.text()
    assert window.current_claim == first  # nothing was saved, so it did not move on
    press(qtbot, Key.Key_J)
    assert window.current_claim != first and not window.banner.isVisible()


def test_a_second_window_on_the_same_database_is_read_only_and_says_so(opened, qtbot, tmp_path):
    window, service, case = opened
    second = open_service(tmp_path / "edits.db", window=True)  # the writer lock is held by the first window
    try:
        assert second.read_only
        other = open_window(qtbot, second, case, make_settings(tmp_path / "second"))
        assert other.banner.isVisible() and "Read-only" in other.banner.text()
        press(qtbot, Key.Key_1)
        assert other.banner.isVisible()
        assert service.claim(other.current_claim).verdict is None
        other.close()
    finally:
        second.close()


def test_a_new_case_is_created_and_opened_from_the_keyboard(opened, qtbot):
    window, service, case = opened
    press(qtbot, Key.Key_O, Ctrl)
    dialog = wait_for_dialog(qtbot, window, QInputDialog, "case-dialog")
    press(qtbot, Key.Key_A, Ctrl)
    type_text(qtbot, "Harbour fire")
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: window.state.case.name == "Harbour fire")
    assert not dialog.isVisible()
    assert sorted(c.name for c in service.list_cases()) == ["Harbour fire", "Lakeside Marathon"]
    assert window.review_progress.text().startswith("0 of 0")
    assert window.panes[0].article_id is None and "No article" in window.pane_boxes[0].header.text()
    press(qtbot, Key.Key_J)  # nothing to review: a message, no error
    assert not window.banner.isVisible()
    window.import_sources([article_from_text("Harbour fire\n\nCrews fought the fire for 9 hours.\n", "third.txt")])
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20000)
    assert window.panes[0].article_id is not None and window.current_claim is not None


def test_id_renames_follow_a_row_through_repeated_redos():
    ids = IdRenames()
    ids.renamed(60, 61)
    assert (ids(60), ids.first(61)) == (61, 60)
    ids.renamed(60, 62)
    assert (ids(60), ids.first(62), ids.first(61)) == (62, 60, 61)
    ids.renamed(60, 60)  # the database gave the old id back
    assert (ids(60), ids.first(62)) == (60, 62)
    ids.renamed(7, 8)
    ids.fresh(8)  # id 8 now belongs to a new row, not to the one first made as 7
    assert (ids(7), ids.first(8)) == (7, 8)



@settings(deadline=None, max_examples=60)
@given(st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-10**9, max_value=10**9),
       st.booleans())
def test_the_claim_dialog_reads_values_exactly_as_typed(qapp, value, grouped):
    dialog = ClaimDialog("Mark a claim", "quote", None)
    dialog.edits["value"].setText(format(value, ",f" if grouped else "f"))
    dialog.edits["noun"].setText("  runners ")
    fields = dialog.fields()
    assert fields["value"] == value and str(fields["value"]) == format(value, "f")
    assert (fields["noun"], fields["unit"], fields["low"]) == ("runners", None, None)
    dialog.deleteLater()
