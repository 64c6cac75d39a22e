"""Team review in the window, two real windows on one PostgreSQL database: each sees the other's verdicts
within the refresh interval, a stale match decision is refused and explained, an undo never undoes the
other reviewer's work, blind review, the final verdict key and the agreement view with its queue."""
from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from fact_review.store import ServerUnavailableError
from test_ui_support import make_case, make_settings, open_window, press
from ui.team.agreement_dialog import AgreementDialog
from ui.team.final_dialog import FinalVerdictDialog
from ui.overview.figure_model import VERDICT_COLUMN
from ui.team.live import REFRESH_MS, describe

SEEN_WITHIN_MS = REFRESH_MS + 1500  # one refresh, and time for the poll itself on a loaded machine


@pytest.fixture
def desk(qtbot, tmp_path, pg_db):
    """Two reviewers, ana and ben, each with a window of their own on the same case of one server database."""
    first, case = make_case(pg_db)
    from fact_review.store import open_service

    second = open_service(pg_db)
    windows = []
    for name, service in (("ana", first), ("ben", second)):
        settings = make_settings(tmp_path / name)
        settings.setValue("reviewer/name", name)
        windows.append(open_window(qtbot, service, case, settings))
    yield windows[0], windows[1], case
    for window in windows:
        window.close()
    first.close()
    second.close()


def run(window, command_id: str) -> None:
    """A command as the reviewer gives it in that window (its key or menu item)."""
    window.activateWindow()
    window.actions[command_id].trigger()


def by(window, claim_id: int, reviewer: str):
    claim = window.state.claims.get(claim_id)
    return next((v for v in claim.verdicts if v.reviewer == reviewer), None) if claim else None


def test_two_windows_see_each_others_verdicts_within_the_refresh_interval(desk, qtbot):
    ana, ben, case = desk
    claim_id = ana.current_claim
    run(ana, "verdict-4")
    given = time.monotonic()
    qtbot.waitUntil(lambda: by(ben, claim_id, "ana") is not None, timeout=SEEN_WITHIN_MS)
    assert (time.monotonic() - given) * 1000 < SEEN_WITHIN_MS
    four = ana.state.label_for_rating(4).label
    assert by(ben, claim_id, "ana").label == four
    assert ben.state.claims[claim_id].verdict is None  # ben's own verdict: none yet

    ben.set_current_claim(claim_id)
    run(ben, "verdict-2")
    qtbot.waitUntil(lambda: by(ana, claim_id, "ben") is not None, timeout=SEEN_WITHIN_MS)
    ana.set_current_claim(claim_id)
    qtbot.waitUntil(lambda: "reviewers differ" in ana.team_panel.text())
    assert "ben" in ana.team_panel.text() and "ana" in ana.team_panel.text()

    run(ana, "verdict-final")  # ana adjudicates: V
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, FinalVerdictDialog) and w.isVisible())
    dialog.label.setCurrentText("Half true")
    dialog.note.setText("both figures were reported that day")
    dialog.accept()
    qtbot.waitUntil(lambda: ben.state.claims[claim_id].final is not None, timeout=SEEN_WITHIN_MS)
    final = ben.state.claims[claim_id].final
    assert (final.label, final.reviewer, final.note) == ("Half true", "ana", "both figures were reported that day")
    assert ben.service.claim(claim_id).verdict == final  # what reports publish


def _suggested_match(window):
    return next(m for m in window.state.matches.values() if m.status == "suggested")


def test_a_stale_match_decision_is_refused_and_explained(desk, qtbot):
    ana, ben, case = desk
    ana.live.stop()  # ana's window keeps the copy it has: stale once ben decides
    match = _suggested_match(ana)
    ben.current_match = match.id
    run(ben, "match-accept")
    assert next(m for m in ben.service.matches(case.id) if m.id == match.id).status == "confirmed"
    ana.current_match = match.id
    assert ana.state.matches[match.id].status == "suggested"  # the stale copy
    run(ana, "match-reject")
    assert ana.banner.isVisible()
    assert "changed by ben after you loaded it" in ana.banner.text() and "not applied" in ana.banner.text()
    assert ana.state.matches[match.id].status == "confirmed"  # the fresh state is shown
    assert next(m for m in ana.service.matches(case.id) if m.id == match.id).status == "confirmed"


def test_undo_never_undoes_the_other_reviewers_work(desk, qtbot):
    ana, ben, case = desk
    match = _suggested_match(ana)
    ana.current_match = match.id
    run(ana, "match-accept")
    qtbot.waitUntil(lambda: ben.state.matches[match.id].status == "confirmed", timeout=SEEN_WITHIN_MS)
    ben.current_match = match.id
    run(ben, "match-reject")  # on the fresh copy: accepted
    assert not ben.banner.isVisible()
    run(ana, "undo")  # ana takes back her confirmation: ben's rejection is not hers to undo
    assert "changed by ben" in ana.banner.text()
    assert next(m for m in ana.service.matches(case.id) if m.id == match.id).status == "rejected"
    assert ana.state.matches[match.id].status == "rejected"


def test_blind_review_hides_the_others_verdicts_until_ones_own(desk, qtbot):
    ana, ben, case = desk
    claim_id = ana.current_claim
    run(ana, "blind-review")
    assert ana.state.case.blind
    run(ana, "verdict-5")
    qtbot.waitUntil(lambda: ben.state.case.blind, timeout=SEEN_WITHIN_MS)
    ben.live.poll()
    assert by(ben, claim_id, "ana") is None
    ben.set_current_claim(claim_id)
    qtbot.waitUntil(lambda: "Blind review" in ben.team_panel.text())
    assert "ana" not in ben.team_panel.text()
    run(ben, "verdict-5")  # rates, and goes on to the next claim
    assert by(ben, claim_id, "ana") is not None  # one's own given: the others' show
    ben.set_current_claim(claim_id)
    qtbot.waitUntil(lambda: "ana" in ben.team_panel.text())


def test_the_agreement_view_and_its_queue_of_disagreements(desk, qtbot):
    ana, ben, case = desk
    first, second = ana.queue.ids()[:2]
    for window, ratings in ((ana, ("verdict-5", "verdict-1")), (ben, ("verdict-5", "verdict-3"))):
        for claim_id, rating in zip((first, second), ratings):
            window.set_current_claim(claim_id)
            run(window, rating)
    run(ana, "agreement-show")
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AgreementDialog) and w.isVisible())
    figures = dialog.findChild(QLabel, "agreement-figures").text()
    assert "ana, ben" in figures and "whole case" in figures
    assert dialog.list.count() == 1 and "waiting" in dialog.list.item(0).text()  # the first claim: they agree
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.list)
    press(qtbot, Qt.Key.Key_Return)  # Enter goes to the claim
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert ana.current_claim == second
    ana.set_current_claim(first)
    run(ana, "disagreement-next")  # G: the next claim waiting for a final verdict
    assert ana.current_claim == second


def test_an_editor_confirms_what_the_reviewers_agree_on_one_key_each(desk, qtbot):
    ana, ben, case = desk
    first, second, third = ana.queue.ids()[:3]
    for window, ratings in ((ana, ("verdict-5", "verdict-1", "verdict-2")), (ben, ("verdict-5", "verdict-1", "verdict-4"))):
        for claim_id, rating in zip((first, second, third), ratings):
            window.set_current_claim(claim_id)
            run(window, rating)
    qtbot.waitUntil(lambda: all(by(ana, c, "ben") for c in (first, second, third)), timeout=SEEN_WITHIN_MS)
    assert ana.service.claim(first).verdict is None  # they agree, but nothing is published before an editor says so
    ana.set_current_claim(first)
    qtbot.waitUntil(lambda: "reviewers agree, awaiting a final verdict" in ana.team_panel.text())
    run(ana, "agreement-show")
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AgreementDialog) and w.isVisible())
    assert [dialog.agreed.item(i).text().split(" — ")[1] for i in range(dialog.agreed.count())] == [
        f"{ana.state.label_for_rating(5).label} by ana, ben", f"{ana.state.label_for_rating(1).label} by ana, ben"]
    assert dialog.list.count() == 1  # the third: they differ
    dialog.reject()

    ana.set_current_claim(third)
    ana.activateWindow()
    ana.active_pane.setFocus()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is ana and QApplication.focusWidget() is ana.active_pane)
    press(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.ShiftModifier)  # not agreed here: goes to the first agreed claim
    assert ana.current_claim == first and ana.service.claim(first).final is None
    press(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.ShiftModifier)  # confirms it, shows the next
    assert ana.current_claim == second
    published = ana.service.claim(first).verdict
    assert (published.label, published.final, published.reviewer) == (ana.state.label_for_rating(5).label, True, "ana")
    press(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.ShiftModifier)
    assert ana.service.claim(second).final.label == ana.state.label_for_rating(1).label
    assert "nothing more to confirm" in ana.status.currentMessage()
    assert ana.service.claim(third).final is None  # a disagreement is never confirmed by this key
    qtbot.waitUntil(lambda: ben.state.claims[second].final is not None, timeout=SEEN_WITHIN_MS)
    run(ana, "undo")  # the confirmation is the editor's own change: undo takes it back
    assert ana.service.claim(second).final is None and ana.service.claim(second).concurring


def test_a_server_out_of_reach_during_work_is_said_in_a_dialog(desk, qtbot, monkeypatch):
    ana, _ben, case = desk

    def unreachable(*args, **kwargs):
        raise ServerUnavailableError("postgresql+psycopg://db.example.org/desk: cannot reach the database server: "
                                     "connection refused")

    monkeypatch.setattr(ana.service, "set_verdict", unreachable)
    run(ana, "verdict-3")
    assert "cannot reach the database server" in ana.banner.text() and "Traceback" not in ana.banner.text()
    box = ana.findChild(QMessageBox, "server-unavailable")
    assert box is not None and box.isVisible() and "Nothing was lost" in box.text()
    box.accept()


def test_the_status_line_names_whose_changes_arrived_and_what_they_were():
    from fact_review.store.changes import ChangeRow
    from fact_review.store.models import utcnow

    def change(number, reviewer, kind):
        return ChangeRow(number, 1, utcnow(), reviewer, kind, number)

    arrived = [change(1, "ben", "verdict"), change(2, "ben", "verdict"), change(3, "cleo", "fact_verdict"),
               change(4, "ana", "match")]
    assert describe(arrived, "ana") == "Updated from ben, cleo: 2 verdicts, 1 fact verdict"
    assert describe([change(5, "ana", "verdict")], "ana") is None  # one's own changes are no news


def _figure_table_of(window, qtbot):
    """The window's figure table with the keyboard in it: the verdict keys rate its facts."""
    run(window, "view-figures")
    qtbot.waitUntil(lambda: window.rating_facts and QApplication.focusWidget() is window.center.figures.table)
    return window.center.figures


def _final_verdict(window, qtbot, label: str, note: str) -> None:
    """V in the window, then ``label`` and ``note`` given in its dialog."""
    run(window, "verdict-final")
    qtbot.waitUntil(lambda: any(isinstance(w, FinalVerdictDialog) and w.isVisible() and w.parent() is window
                                for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, FinalVerdictDialog) and w.isVisible() and w.parent() is window)
    assert dialog.windowTitle() == "Final verdict on the fact"
    dialog.label.setCurrentText(label)
    dialog.note.setText(note)
    dialog.accept()


def test_two_windows_see_each_others_fact_verdicts_and_a_stale_final_verdict_is_refused(desk, qtbot):
    ana, ben, case = desk
    ana_table = _figure_table_of(ana, qtbot)
    ben_model = ben.center.figures.model

    def verdict_seen(table_model, label="runners treated") -> str:
        row = next(r for r in range(table_model.rowCount()) if table_model.index(r, 0).data() == label)
        return table_model.index(row, VERDICT_COLUMN).data()

    model = ana_table.model
    treated = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "runners treated")
    ana_table.go_to_row(treated)
    run(ana, "verdict-1")
    given = time.monotonic()
    qtbot.waitUntil(lambda: verdict_seen(ben_model) == "ana: False", timeout=SEEN_WITHIN_MS)
    assert (time.monotonic() - given) * 1000 < SEEN_WITHIN_MS
    assert "Updated from ana: 1 fact verdict" in ben.status_message.text()

    ben_table = _figure_table_of(ben, qtbot)
    ben_table.go_to_row(treated)
    run(ben, "verdict-5")
    qtbot.waitUntil(lambda: verdict_seen(ana_table.model) == "False · reviewers differ", timeout=SEEN_WITHIN_MS)

    ana.activateWindow()
    ana_table.go_to_row(treated)
    _final_verdict(ana, qtbot, "Half true", "the two reports count different tents")
    qtbot.waitUntil(lambda: verdict_seen(ben_model) == "True · final: Half true", timeout=SEEN_WITHIN_MS)
    ben.activateWindow()
    ben_table.go_to_row(treated)
    _final_verdict(ben, qtbot, "Mostly false", "the hospital's list settles it")  # on the fresh copy: taken
    assert not ben.banner.isVisible()

    run(ana, "undo")  # ana takes back her final verdict: ben's is not hers to undo
    assert ("The final verdict on this fact was changed elsewhere since (it is now 'Mostly false' by ben): "
            "not changed here") in ana.banner.text()
    assert verdict_seen(ana_table.model) == "False · final: Mostly false"  # the fresh state is shown
    final = next(f for f in ana.service.facts(case.id) if f.label == "runners treated").final
    assert (final.label, final.reviewer) == ("Mostly false", "ben")
