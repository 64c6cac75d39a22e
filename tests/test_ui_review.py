"""A whole review from the keyboard, in the real window on a real database (offscreen)."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fact_review.store import open_service
from ui.dialogs.claim_dialog import ClaimDialog
from ui.dialogs.line_dialog import LineDialog
from test_ui_support import Ctrl, Key, Shift, make_case, make_settings, open_window, press, type_text
from test_ui_support import wait_for_dialog, window_on_case


@pytest.fixture
def review(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "review.db") as (window, service, case):
        yield window, service, case, tmp_path


def label(service, claim_id):
    verdict = service.claim(claim_id).verdict
    return verdict.label if verdict else None


def test_the_window_shows_both_articles_with_every_claim_highlighted(review):
    window, service, case, _ = review
    left, right = window.panes
    articles = service.articles(case.id)
    assert (left.article_id, right.article_id) == (articles[0].id, articles[1].id)
    for pane in window.panes:
        claims = service.claims(case.id, pane.article_id)
        assert claims and sorted(pane.claim_ids()) == sorted(c.id for c in claims)
        highlighted = sum(len(pane.block_statuses(b)) for b in range(pane.document().blockCount()))
        assert highlighted >= len(claims)
    progress = service.progress(case.id)
    assert window.review_progress.text().startswith(f"0 of {progress.total} reviewed")
    assert QApplication.focusWidget() is left


def test_claim_keys_step_through_the_queue(review, qtbot):
    window, service, case, _ = review
    queue = service.review_queue(case.id)
    assert window.current_claim == queue[0]
    press(qtbot, Key.Key_J)
    assert window.current_claim == queue[1]
    press(qtbot, Key.Key_J)
    press(qtbot, Key.Key_K)
    assert window.current_claim == queue[1]
    claim = service.claim(queue[1])
    pane = window.panes[window.active]
    assert pane.article_id == claim.article_id and pane.cursor_offset() == claim.start
    assert pane.marks()[0] == claim.id
    assert claim.text in window.inspector.details.toPlainText()


def test_a_claim_leads_to_its_matched_statement_in_the_other_pane(review, qtbot):
    window, service, case, _ = review
    left, right = window.panes
    matched = [m for m in service.matches(case.id) if m.status != "rejected"]
    assert matched, "the two test articles share sentences"
    press(qtbot, Key.Key_BracketRight)  # next matched statement, as Meld's next difference
    match = service.matches(case.id)
    current = next(m for m in match if m.id == window.current_match)
    own = (current.a_start, current.a_end) if current.a_article_id == left.article_id else (current.b_start, current.b_end)
    other = (current.b_start, current.b_end) if current.a_article_id == left.article_id else (current.a_start, current.a_end)
    assert own[0] <= left.cursor_offset() < own[1]
    assert other in right.marks()[1]  # the statement is marked in the other pane
    press(qtbot, Key.Key_Tab)  # jump there
    assert QApplication.focusWidget() is right
    assert other[0] <= right.cursor_offset() < other[1]
    press(qtbot, Key.Key_A)
    assert next(m for m in service.matches(case.id) if m.id == current.id).status == "confirmed"
    press(qtbot, Key.Key_X)
    assert next(m for m in service.matches(case.id) if m.id == current.id).status == "rejected"
    press(qtbot, Key.Key_Z, Ctrl)
    assert next(m for m in service.matches(case.id) if m.id == current.id).status == "confirmed"


def test_verdict_keys_save_and_advance_and_typing_a_note_triggers_nothing(review, qtbot):
    window, service, case, _ = review
    queue = service.review_queue(case.id)
    scale = {s.rating: s.label for s in case.scale}
    press(qtbot, Key.Key_1)
    assert label(service, queue[0]) == scale[1]
    assert window.current_claim == queue[1]
    press(qtbot, Key.Key_5)
    assert label(service, queue[1]) == scale[5]
    press(qtbot, Key.Key_0)
    assert label(service, queue[2]) == scale[None]
    assert window.current_claim == queue[3]
    assert window.review_progress.text().startswith("3 of ")

    press(qtbot, Key.Key_K)  # back to queue[2], rated: its note is saved at once
    press(qtbot, Key.Key_E)
    assert QApplication.focusWidget() is window.inspector.note
    type_text(qtbot, "Council figure 1 J K 5")
    assert window.current_claim == queue[2] and label(service, queue[2]) == scale[None]
    press(qtbot, Key.Key_Escape)
    assert QApplication.focusWidget() is window.active_pane
    assert service.claim(queue[2]).verdict.note == "Council figure 1 J K 5"

    press(qtbot, Key.Key_J)  # queue[3] has no verdict yet: the note is saved on its own, then kept
    press(qtbot, Key.Key_E)
    type_text(qtbot, "ask the hospital")
    press(qtbot, Key.Key_Escape)
    assert (label(service, queue[3]), service.claim(queue[3]).verdict.note) == (None, "ask the hospital")
    press(qtbot, Key.Key_2)
    verdict = service.claim(queue[3]).verdict
    assert (verdict.label, verdict.note) == (scale[2], "ask the hospital")


def test_a_note_without_a_verdict_is_stored_undoable_and_survives_closing(qtbot, tmp_path):
    service, case = make_case(tmp_path / "review.db")
    settings = make_settings(tmp_path)
    window = open_window(qtbot, service, case, settings)
    queue = service.review_queue(case.id)
    press(qtbot, Key.Key_E)
    type_text(qtbot, "ask the hospital")
    press(qtbot, Key.Key_Escape)  # leaving the editor saves the note, no verdict needed
    assert service.claim(queue[0]).verdict.note == "ask the hospital"
    assert window.review_progress.text().startswith("0 of ")  # a note is not a verdict
    press(qtbot, Key.Key_Z, Ctrl)
    assert service.claim(queue[0]).verdict is None
    qtbot.waitUntil(lambda: window.inspector.note.toPlainText() == "")  # the inspector refreshes next turn
    press(qtbot, Key.Key_Z, Ctrl | Shift)
    assert service.claim(queue[0]).verdict.note == "ask the hospital"

    press(qtbot, Key.Key_J)
    press(qtbot, Key.Key_E)
    type_text(qtbot, "count the beds")
    window.close()  # straight from the editor: closing the window saves the note
    service.close()

    reopened = open_service(tmp_path / "review.db")
    try:
        assert reopened.claim(queue[0]).verdict.note == "ask the hospital"
        second = reopened.claim(queue[1]).verdict
        assert (second.label, second.note) == (None, "count the beds")
        assert reopened.progress(case.id).reviewed == 0
        again = open_window(qtbot, reopened, case, settings)
        assert again.inspector.note.toPlainText() == "ask the hospital"
        again.close()
    finally:
        reopened.close()


def test_an_evidence_url_is_checked_saved_and_undoable(review, qtbot):
    window, service, case, _ = review
    claim_id = window.current_claim
    press(qtbot, Key.Key_U)
    dialog = wait_for_dialog(qtbot, window, LineDialog, "evidence-dialog")
    type_text(qtbot, "javascript:alert(1)")
    press(qtbot, Key.Key_Return)
    assert dialog.isVisible() and "http://" in dialog.problem.text()  # said in the dialog, which stays open
    assert service.claim(claim_id).verdict is None
    dialog.field.clear()
    type_text(qtbot, "https://race.example/results")
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    saved = service.claim(claim_id).verdict
    assert (saved.label, saved.evidence_url) == (None, "https://race.example/results")
    qtbot.waitUntil(lambda: "https://race.example/results" in window.inspector.details.toPlainText())
    press(qtbot, Key.Key_3)  # a verdict keeps the url
    rated = service.claim(claim_id).verdict
    assert (rated.rating, rated.evidence_url) == (3, "https://race.example/results")
    press(qtbot, Key.Key_Z, Ctrl, times=2)
    assert service.claim(claim_id).verdict is None


def test_the_reviewer_name_is_set_from_the_keyboard_and_kept_in_the_settings(review, qtbot):
    window, service, case, _ = review
    press(qtbot, Key.Key_R, Ctrl | Shift)
    dialog = wait_for_dialog(qtbot, window, LineDialog, "reviewer-dialog")
    dialog.field.clear()
    press(qtbot, Key.Key_Return)
    assert dialog.isVisible() and dialog.problem.isVisible()  # a name is needed
    type_text(qtbot, "Bo Reviewer")
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.settings.value("reviewer/name") == "Bo Reviewer"
    claim_id = window.current_claim
    press(qtbot, Key.Key_1)
    assert service.claim(claim_id).verdict.reviewer == "Bo Reviewer"


def test_verdict_keys_do_not_auto_repeat(review):
    window, *_ = review
    assert all(not action.autoRepeat() for action in window.actions.values())


def test_flag_skip_and_next_unreviewed(review, qtbot):
    window, service, case, _ = review
    queue = service.review_queue(case.id)
    press(qtbot, Key.Key_F)
    assert service.claim(queue[0]).verdict.flagged
    assert window.current_claim == queue[0]  # flagging stays on the claim
    press(qtbot, Key.Key_Space)
    assert window.current_claim == queue[1] and service.claim(queue[0]).verdict.label is None
    press(qtbot, Key.Key_3)  # rates queue[1]
    press(qtbot, Key.Key_K, times=2)  # back to queue[0]
    press(qtbot, Key.Key_N)
    assert window.current_claim == queue[2]  # queue[1] is rated, so it is passed over


def test_a_skipped_claim_stays_unreviewed_and_comes_back_at_the_end_of_the_pass(review, qtbot):
    window, service, case, _ = review
    queue = service.review_queue(case.id)
    assert len(queue) >= 5
    press(qtbot, Key.Key_Space)
    assert window.current_claim == queue[1] and service.claim(queue[0]).verdict is None
    press(qtbot, Key.Key_1)  # rates queue[1] and goes on to queue[2]
    assert window.current_claim == queue[2]
    for expected in queue[3:]:
        press(qtbot, Key.Key_Space)
        assert window.current_claim == expected
    press(qtbot, Key.Key_Space)  # every other claim is rated or skipped: the first one skipped is back
    assert window.current_claim == queue[0]
    press(qtbot, Key.Key_Space)
    assert window.current_claim == queue[2]  # then the others, in the order they were skipped
    press(qtbot, Key.Key_N)
    assert window.current_claim == queue[3]
    assert window.review_progress.text().startswith("1 of ")
    assert [c.id for c in service.claims(case.id) if c.verdict is not None] == [queue[1]]


def _select_with_keys(qtbot, window, words_before: int, characters: int) -> None:
    press(qtbot, Key.Key_Home, Ctrl)
    press(qtbot, Key.Key_Right, Ctrl, times=words_before)
    press(qtbot, Key.Key_Right, Shift, times=characters)


def test_mark_a_missed_claim_correct_one_and_dismiss_a_false_one_then_undo_redo(review, qtbot):
    window, service, case, _ = review
    left = window.panes[0]
    before = {c.id for c in service.claims(case.id)}
    # "record field" in the headline: words 3 and 4 of "City marathon draws record field"
    _select_with_keys(qtbot, window, 3, len("record field"))
    assert left.selection() == (20, 32)
    press(qtbot, Key.Key_M)
    dialog = wait_for_dialog(qtbot, window, ClaimDialog, "claim-dialog")
    assert dialog.kind.hasFocus()
    press(qtbot, Key.Key_Q)  # the kind, by its first letter
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, "12000")
    press(qtbot, Key.Key_Return)
    added = [c for c in service.claims(case.id) if c.id not in before]
    assert len(added) == 1
    mark = added[0]
    assert (mark.start, mark.end, mark.text, mark.kind, mark.value, mark.origin) == (
        20, 32, "record field", "quantity", Decimal("12000"), "reviewer")
    assert window.current_claim == mark.id
    assert any(status == "unreviewed" for _s, _l, status in left.block_statuses(0))

    press(qtbot, Key.Key_C)  # correct the noun of the marked claim
    wait_for_dialog(qtbot, window, ClaimDialog, "claim-dialog")
    press(qtbot, Key.Key_Tab, times=3)  # kind -> value -> unit -> noun
    type_text(qtbot, "runners")
    press(qtbot, Key.Key_Return)
    assert service.claim(mark.id).noun == "runners"

    press(qtbot, Key.Key_J)
    false_claim = window.current_claim
    press(qtbot, Key.Key_D)
    assert service.claim(false_claim).dismissed
    assert false_claim not in left.claim_ids() + window.panes[1].claim_ids()
    assert window.current_claim not in (None, false_claim)

    press(qtbot, Key.Key_Z, Ctrl)  # undo the dismissal
    assert not service.claim(false_claim).dismissed
    assert window.current_claim == false_claim
    press(qtbot, Key.Key_Backspace)  # undo the correction (Prodigy's undo key)
    assert service.claim(mark.id).noun is None
    press(qtbot, Key.Key_Backspace)  # undo the mark
    assert mark.id not in {c.id for c in service.claims(case.id)}
    press(qtbot, Key.Key_Z, Ctrl | Shift)  # redo the mark: a new row, later steps still find it
    press(qtbot, Key.Key_Y, Ctrl)  # redo the correction
    press(qtbot, Key.Key_Y, Ctrl)  # redo the dismissal
    marks = [c for c in service.claims(case.id) if c.origin == "reviewer"]
    assert [(c.text, c.noun) for c in marks] == [("record field", "runners")]
    assert service.claim(false_claim).dismissed


def test_link_two_statements_by_hand(review, qtbot):
    window, service, case, _ = review
    left, right = window.panes
    before = {m.id for m in service.matches(case.id)}
    press(qtbot, Key.Key_Home, Ctrl)
    press(qtbot, Key.Key_L)  # the headline of the left article
    press(qtbot, Key.Key_Tab)
    press(qtbot, Key.Key_Home, Ctrl)
    press(qtbot, Key.Key_L)  # ... with the headline of the right one
    added = [m for m in service.matches(case.id) if m.id not in before]
    assert len(added) == 1
    assert (added[0].method, added[0].status) == ("manual", "confirmed")
    assert {added[0].a_article_id, added[0].b_article_id} == {left.article_id, right.article_id}
    press(qtbot, Key.Key_Z, Ctrl)
    assert {m.id for m in service.matches(case.id)} == before


def test_panes_swap_and_pick_articles(review, qtbot):
    window, service, case, _ = review
    left, right = window.panes
    a, b = left.article_id, right.article_id
    press(qtbot, Key.Key_S)
    assert (left.article_id, right.article_id) == (b, a)
    press(qtbot, Key.Key_1, Qt.KeyboardModifier.AltModifier)  # only two articles: nothing else to show
    assert (left.article_id, right.article_id) == (b, a)
    assert "S swaps" in window.statusBar().currentMessage()


def test_verdicts_notes_and_claim_edits_survive_closing_and_reopening(qtbot, tmp_path):
    service, case = make_case(tmp_path / "review.db")
    settings = make_settings(tmp_path)
    settings.setValue("reviewer/name", "Ana Checker")
    window = open_window(qtbot, service, case, settings)
    queue = service.review_queue(case.id)
    press(qtbot, Key.Key_4)  # queue[0]
    press(qtbot, Key.Key_K)
    press(qtbot, Key.Key_E)
    type_text(qtbot, "Checked against the organisers' release")
    press(qtbot, Key.Key_Escape)
    press(qtbot, Key.Key_J, times=2)  # queue[2]
    press(qtbot, Key.Key_D)
    _select_with_keys(qtbot, window, 3, len("record field"))
    press(qtbot, Key.Key_M)
    wait_for_dialog(qtbot, window, ClaimDialog, "claim-dialog")
    press(qtbot, Key.Key_N)
    press(qtbot, Key.Key_Return)
    window.close()
    service.close()

    reopened = open_service(tmp_path / "review.db")
    try:
        first = reopened.claim(queue[0])
        assert (first.verdict.label, first.verdict.note, first.verdict.reviewer) == (
            next(s.label for s in case.scale if s.rating == 4), "Checked against the organisers' release",
            "Ana Checker")
        assert reopened.claim(queue[2]).dismissed
        assert [(c.text, c.kind) for c in reopened.claims(case.id) if c.origin == "reviewer"] == [
            ("record field", "number")]
        again = open_window(qtbot, reopened, case, settings)
        assert again.current_claim == reopened.review_queue(case.id)[0]
        assert again.inspector.note.toPlainText() == "Checked against the organisers' release"
        again.close()
    finally:
        reopened.close()


def test_switching_pane_brings_in_the_article_of_a_statement_neither_pane_shows(qtbot, tmp_path):
    from fact_review.articles import article_from_text

    service, case = make_case(tmp_path / "three.db")
    # matches a sentence of the first article only
    third = "Ana Brook wins the Lakeside Marathon\n\nThe winner, Ana Brook, finished in 2 hours 9 minutes.\n"
    service.import_articles(case.id, [article_from_text(third, "third.txt")])
    window = open_window(qtbot, service, case, make_settings(tmp_path))
    try:
        first, second, third_article = service.articles(case.id)
        left, right = window.panes
        press(qtbot, Key.Key_1, Qt.KeyboardModifier.AltModifier)  # left: the third article, right: the second
        assert (left.article_id, right.article_id) == (third_article.id, second.id)
        sentence = third.index("The winner")
        claim = next(c for c in service.claims(case.id, third_article.id) if c.start > sentence)
        window.set_current_claim(claim.id)
        assert first.id not in [p.article_id for p in window.panes]  # its match is in an article not shown
        press(qtbot, Key.Key_Tab)
        assert QApplication.focusWidget() is right and right.article_id == first.id
        match = next(m for m in service.matches(case.id) if m.id == window.current_match)
        start, end = (match.a_start, match.a_end) if match.a_article_id == first.id else (match.b_start, match.b_end)
        assert first.text[start:end].startswith("The winner, Ana Brook")
        assert start <= right.cursor_offset() < end
    finally:
        window.close()
        service.close()
