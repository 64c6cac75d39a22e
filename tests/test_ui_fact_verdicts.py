"""Verdicts on facts from the figure table, in the real window: the claims' verdict keys rate the current
fact there (and the claim in the panes), one key rates and goes on to the next unrated fact, skipped facts
come back last, a note and a final verdict on the fact, undo and redo through the window's stack, the
inspector showing the fact's figures, verdicts and history, blind review, an editor's walk through the
facts reviewers differ or agree on, a row of sums that is no fact, and the current fact kept across a
renumbering."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from fact_review.articles import article_from_text
from fact_review.overview.figure_table import FigureRow
from fact_review.store import open_service
from test_ui_support import (Ctrl, Key, Shift, make_settings, open_window, press, type_text, wait_for_dialog,
                             window_on_case)
from ui.case_state import CaseState
from ui.dialogs.line_dialog import LineDialog
from ui.overview.figure_model import EXPLANATION_SHOWN, VERDICT_COLUMN, FigureTableModel, explanation_text
from ui.team.final_dialog import FinalVerdictDialog

SOURCE = 3  # the first source's column in the figure table


def open_figures(qtbot, window):
    """Ctrl+2: the figure table, with the keyboard."""
    press(qtbot, Key.Key_2, Ctrl)
    page = window.center.figures
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)
    return page, page.model


def row_of(model, label: str) -> int:
    return next(r for r in range(model.rowCount()) if model.index(r, 0).data() == label)


def fact_named(service, case, label: str):
    return next(f for f in service.facts(case.id) if f.label == label)


def verdict_cell(model, row: int) -> str:
    return model.index(row, VERDICT_COLUMN).data()


def inspector_says(qtbot, window, *texts: str) -> None:
    qtbot.waitUntil(lambda: all(t in window.inspector.details.toPlainText() for t in texts))


def test_a_verdict_key_rates_the_current_fact_and_goes_on_to_the_next_unrated_one(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "rate.db") as (window, service, case):
        page, model = open_figures(qtbot, window)
        treated = row_of(model, "runners treated")
        page.table.setCurrentIndex(model.index(treated, SOURCE + 1))
        press(qtbot, Key.Key_1)
        assert fact_named(service, case, "runners treated").own(window.reviewer).label == "False"
        assert all(c.verdict is None for c in service.claims(case.id))  # the fact was rated, no claim
        assert verdict_cell(model, treated) == "False"
        here = page.current_row()
        assert here != treated and model.fact(here).verdict is None  # on to a fact waiting for a verdict
        assert page.table.currentIndex().column() == SOURCE + 1  # in the column the reviewer was in
        assert window.undo_stack.undoText() == "Rate “runners treated” False"

        for _ in range(model.rowCount() - 1):
            press(qtbot, Key.Key_5)
        assert "Every fact in the figure table has your verdict" in window.status_message.text()
        assert all(fact.own(window.reviewer).label for fact in service.facts(case.id))
        last = page.current_row()

        press(qtbot, Key.Key_K)  # away from it: an undo goes back to the fact it changes
        press(qtbot, Key.Key_Backspace)
        assert page.current_row() == last and verdict_cell(model, last) == ""
        assert fact_named(service, case, model.index(last, 0).data()).own(window.reviewer) is None
        press(qtbot, Key.Key_Z, Ctrl | Shift)
        assert verdict_cell(model, last) == "True" and "Redone: Rate" in window.status_message.text()
        assert QApplication.focusWidget() is page.table


def test_the_same_key_rates_the_claim_in_the_panes_and_its_fact_in_the_figure_table(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "focus.db") as (window, service, case):
        fifty_eight = next(c.id for c in window.state.claims.values() if c.text == "58 runners")
        window.set_current_claim(fifty_eight)
        press(qtbot, Key.Key_2)
        assert service.claim(fifty_eight).verdict.label == "Mostly false"
        assert window.inspector_title.text() == "Claim"
        window.set_current_claim(fifty_eight)  # the key went on to the next claim: back

        page, model = open_figures(qtbot, window)  # at the current claim's figure
        assert page.current_row() == row_of(model, "runners treated")
        qtbot.waitUntil(lambda: window.inspector_title.text() == "Fact")
        assert "V final" in window.hints.full_text() and "next match" not in window.hints.full_text()
        inspector_says(qtbot, window, "runners treated", "Figures by source", "85 runners", "58 runners")
        press(qtbot, Key.Key_4)
        assert fact_named(service, case, "runners treated").own(window.reviewer).label == "Mostly true"
        assert service.claim(fifty_eight).verdict.label == "Mostly false"  # the claim keeps its own

        page.table.setCurrentIndex(model.index(row_of(model, "runners treated"), SOURCE + 1))
        press(qtbot, Key.Key_Return)  # to the figure in its pane: the keys rate claims again
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.active_pane)
        qtbot.waitUntil(lambda: window.inspector_title.text() == "Claim")
        assert "next match" in window.hints.full_text()
        assert window.current_claim == fifty_eight
        press(qtbot, Key.Key_3)
        assert service.claim(fifty_eight).verdict.label == "Half true"
        assert fact_named(service, case, "runners treated").own(window.reviewer).label == "Mostly true"


def test_claim_keys_that_do_not_apply_to_a_fact_stay_quiet_in_the_figure_table(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "quiet.db") as (window, service, case):
        claim = window.current_claim
        page, model = open_figures(qtbot, window)
        for key in (Key.Key_D, Key.Key_M, Key.Key_C, Key.Key_A, Key.Key_X):  # dismiss, mark, correct, accept, reject
            press(qtbot, key)
        assert not service.claim(claim).dismissed
        assert QApplication.activeModalWidget() is None and QApplication.focusWidget() is page.table
        assert not window.undo_stack.canUndo()  # nothing was changed


def test_a_note_on_a_fact_is_saved_undoable_and_typing_it_rates_nothing(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "note.db") as (window, service, case):
        page, model = open_figures(qtbot, window)
        page.table.setCurrentIndex(model.index(row_of(model, "runners treated"), SOURCE))
        press(qtbot, Key.Key_E)
        note = window.inspector.note
        assert QApplication.focusWidget() is note and "fact" in note.placeholderText()
        type_text(qtbot, "85 or 58: 1 J 5 ask the medics")
        press(qtbot, Key.Key_Escape)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)  # back where the note was asked for
        own = fact_named(service, case, "runners treated").own(window.reviewer)
        assert (own.label, own.note) == (None, "85 or 58: 1 J 5 ask the medics")
        assert all(c.verdict is None for c in service.claims(case.id))
        assert page.current_row() == row_of(model, "runners treated")  # the note moved nothing

        press(qtbot, Key.Key_3)  # a verdict keeps the note
        rated = fact_named(service, case, "runners treated").own(window.reviewer)
        assert (rated.label, rated.note) == ("Half true", "85 or 58: 1 J 5 ask the medics")
        press(qtbot, Key.Key_Z, Ctrl, times=2)
        assert fact_named(service, case, "runners treated").own(window.reviewer) is None


def test_the_inspector_shows_the_facts_verdict_flag_and_history(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "history.db") as (window, service, case):
        page, model = open_figures(qtbot, window)
        treated = row_of(model, "runners treated")
        page.table.setCurrentIndex(model.index(treated, SOURCE))
        press(qtbot, Key.Key_1)
        press(qtbot, Key.Key_K)  # back to it
        assert page.current_row() == treated
        press(qtbot, Key.Key_3)
        press(qtbot, Key.Key_K)
        press(qtbot, Key.Key_F)
        assert "⚑" in verdict_cell(model, treated)
        inspector_says(qtbot, window, "Verdict: Half true", "flagged", "in conflict", "History", "— → False",
                       "False → Half true")
        names = [window.state.article_name(a.id) for a in window.state.articles]
        inspector_says(qtbot, window, f"{names[0]}: 85 runners", f"{names[1]}: 58 runners")
        assert window.reviewer in window.team_panel.text() and "Half true" in window.team_panel.text()


def test_skipped_facts_come_back_after_the_others_and_j_k_step_through_the_rows(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "skip.db") as (window, service, case):
        page, model = open_figures(qtbot, window)
        page.table.setCurrentIndex(model.index(0, SOURCE))
        press(qtbot, Key.Key_Space)
        assert page.current_row() == 1
        for row in range(1, model.rowCount()):
            assert page.current_row() == row
            press(qtbot, Key.Key_1)
        assert page.current_row() == 0 and verdict_cell(model, 0) == ""  # the skipped fact, last
        press(qtbot, Key.Key_K)
        assert "This is the first fact" in window.status_message.text() and page.current_row() == 0
        press(qtbot, Key.Key_J, times=2)
        assert page.current_row() == 2
        press(qtbot, Key.Key_N)
        assert page.current_row() == 0


def test_the_final_verdict_key_adjudicates_the_fact(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "final.db") as (window, service, case):
        key = fact_named(service, case, "runners treated").key
        service.set_fact_verdict(case.id, key, "False", reviewer="ana")
        service.set_fact_verdict(case.id, key, "True", reviewer="ben")
        window.live.poll()
        page, model = open_figures(qtbot, window)
        treated = row_of(model, "runners treated")
        assert verdict_cell(model, treated) == "reviewers differ"
        page.table.setCurrentIndex(model.index(treated, SOURCE))
        press(qtbot, Key.Key_V)
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), FinalVerdictDialog))
        dialog = QApplication.activeModalWidget()
        assert dialog.windowTitle() == "Final verdict on the fact"
        said = dialog.findChild(QLabel, "reviewers-verdicts").text()
        assert "ana" in said and "ben" in said and "runners treated" in said
        dialog.label.setCurrentText("Half true")
        dialog.note.setText("the two reports count different tents")
        dialog.accept()
        final = fact_named(service, case, "runners treated").final
        assert (final.label, final.reviewer, final.note) == ("Half true", window.reviewer,
                                                             "the two reports count different tents")
        assert verdict_cell(model, treated) == "final: Half true"
        qtbot.waitUntil(lambda: "Final</b>: Half true" in window.team_panel.text())
        press(qtbot, Key.Key_Z, Ctrl)
        assert fact_named(service, case, "runners treated").final is None
        assert verdict_cell(model, treated) == "reviewers differ"


def test_blind_review_hides_the_others_verdicts_on_a_fact_until_ones_own(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "blind.db") as (window, service, case):
        page, model = open_figures(qtbot, window)
        treated = row_of(model, "runners treated")
        service.set_fact_verdict(case.id, fact_named(service, case, "runners treated").key, "True", reviewer="ben")
        window.live.poll()
        assert verdict_cell(model, treated) == "ben: True"  # open review: seen before one's own
        service.set_blind_review(case.id, True)
        window.live.poll()
        qtbot.waitUntil(lambda: verdict_cell(model, treated) == "")
        assert "Blind review" in model.index(treated, VERDICT_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
        page.setFocus()
        page.table.setCurrentIndex(model.index(treated, SOURCE))
        qtbot.waitUntil(lambda: "Blind review" in window.team_panel.text())
        press(qtbot, Key.Key_1)
        assert verdict_cell(model, treated) == "False · reviewers differ"  # one's own given: the others' show
        assert "ben" in model.index(treated, VERDICT_COLUMN).data(Qt.ItemDataRole.ToolTipRole)


TOTALS = ("Storm hits the coast\n\nThe storm damaged 120 buildings in all: 80 houses and 40 shops, the mayor said "
          "on Monday.\n", "Coast counts the damage\n\nOfficials said 80 houses and 40 shops were damaged by the storm "
          "on Monday.\n")


def test_a_row_of_sums_is_no_fact_and_its_verdict_keys_say_so(qtbot, tmp_path):
    service = open_service(tmp_path / "totals.db")
    case = service.create_case("Storm")
    service.import_articles(case.id, [article_from_text(text, f"{n}.txt") for n, text in enumerate(TOTALS)])
    window = open_window(qtbot, service, case, make_settings(tmp_path))
    try:
        page, model = open_figures(qtbot, window)
        total = row_of(model, "buildings in all")
        page.table.setCurrentIndex(model.index(total, SOURCE))
        press(qtbot, Key.Key_1)
        assert "is a total" in window.status_message.text()
        assert all(f.rated_id is None for f in service.facts(case.id))
        assert page.current_row() == total and verdict_cell(model, total) == ""
        inspector_says(qtbot, window, "not a fact")
        press(qtbot, Key.Key_E)
        assert QApplication.focusWidget() is page.table  # no note to write on a total
    finally:
        window.close()
        service.close()


def test_the_figure_model_passes_qtmodeltester_through_fact_verdicts(qtmodeltester, qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "model.db") as (window, service, case):
        state = CaseState(service, case)
        model = FigureTableModel(state)
        qtmodeltester.check(model)
        fact = state.facts[0]
        state.apply_fact_verdict(service.set_fact_verdict(case.id, fact.key, "True"), fact.key)
        qtmodeltester.check(model)
        state.apply_fact_verdict(service.set_fact_verdict(case.id, fact.key, "False", reviewer="ben", final=True))
        assert model.index(model.table.row_of_fact(fact.key), VERDICT_COLUMN).data() == "True · final: False"
        qtmodeltester.check(model)
        service.set_blind_review(case.id, True)
        state.case = service.find_case(case.name)
        state.refresh_fact_verdicts()
        qtmodeltester.check(model)



def test_a_fact_stated_by_many_sources_reads_in_the_inspector_conflicts_first_and_cut_short(qtbot, tmp_path):
    service = open_service(tmp_path / "many.db")
    case = service.create_case("Ferry")
    figures = ["about 410"] * 12 + ["410", "412"]  # the last two cannot both hold, "about 410" holds with each
    texts = [f"Ferry report {n}\n\nThe ferry carried {figure} passengers on Friday, the port said.\n"
             for n, figure in enumerate(figures)]
    service.import_articles(case.id, [article_from_text(text, f"{n}.txt") for n, text in enumerate(texts)])
    window = open_window(qtbot, service, case, make_settings(tmp_path))
    try:
        page, model = open_figures(qtbot, window)
        page.go_to_row(row_of(model, next(f.label for f in service.facts(case.id) if len(f.claim_ids) == 14)))
        inspector_says(qtbot, window, "and 2 more sources (the table shows them all)")
        listed = [line for line in window.inspector.details.toPlainText().splitlines()
                  if line.startswith("Ferry report")]
        assert len(listed) == 12
        assert listed[:2] == ["Ferry report 12: 410 passengers", "Ferry report 13: 412 passengers"]  # conflicts first
    finally:
        window.close()
        service.close()


def test_a_long_explanation_is_cut_after_a_whole_sentence_and_says_how_much_more_there_is():
    sentence = '"3,755 residents" (report 1) and "3,760 residents" (report 2) cannot both hold. '
    long = FigureRow("F1", "residents", "quantity", "conflict", (), (), frozenset(), frozenset(), sentence * 40)
    shown = explanation_text(long)
    kept = shown.split(" (and more: ")[0]
    assert len(kept) <= EXPLANATION_SHOWN and kept.endswith("cannot both hold.") and long.explanation.startswith(kept)
    assert shown.endswith(f"(and more: {len(long.explanation) - len(kept):,} characters)")
    short = FigureRow("F2", "homes", "quantity", "agree", (), (), frozenset(), frozenset(), sentence)
    assert explanation_text(short) == sentence


def test_an_editor_walks_the_facts_reviewers_differ_on_and_confirms_those_they_agree_on(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "editor.db") as (window, service, case):
        key = {fact.label: fact.key for fact in service.facts(case.id)}
        for reviewer, labels in (("ana", ("False", "True", "True")), ("ben", ("True", "True", "True"))):
            for label, fact in zip(labels, ("runners treated", "bottles handed out", "amount raised")):
                service.set_fact_verdict(case.id, key[fact], label, reviewer=reviewer)
        window.live.poll()
        page, model = open_figures(qtbot, window)
        page.go_to_row(row_of(model, "runners started"))
        press(qtbot, Key.Key_G)  # the next fact the reviewers differ on
        assert page.current_row() == row_of(model, "runners treated")
        assert "1 fact(s) where the reviewers differ" in window.status_message.text()
        press(qtbot, Key.Key_V, Shift)  # not agreed here: to the first fact they agree on
        agreed = {row_of(model, "bottles handed out"), row_of(model, "amount raised")}
        first = page.current_row()
        assert first in agreed and fact_named(service, case, "bottles handed out").final is None
        press(qtbot, Key.Key_V, Shift)  # confirms it, shows the other
        assert page.current_row() in agreed - {first}
        press(qtbot, Key.Key_V, Shift)
        assert "nothing more to confirm" in window.status_message.text()
        for label in ("bottles handed out", "amount raised"):
            final = fact_named(service, case, label).final
            assert (final.label, final.reviewer) == ("True", window.reviewer)
            assert verdict_cell(model, row_of(model, label)) == "final: True"
        assert fact_named(service, case, "runners treated").final is None  # a disagreement is never confirmed


def test_an_evidence_url_on_a_fact_is_saved_and_undoable(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "evidence.db") as (window, service, case):
        page, model = open_figures(qtbot, window)
        page.go_to_row(row_of(model, "amount raised"))
        press(qtbot, Key.Key_U)
        dialog = wait_for_dialog(qtbot, window, LineDialog, "evidence-dialog")
        assert any("“amount raised”" in label.text() for label in dialog.findChildren(QLabel))
        type_text(qtbot, "https://charity.example/total")
        press(qtbot, Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        own = fact_named(service, case, "amount raised").own(window.reviewer)
        assert (own.label, own.evidence_url) == (None, "https://charity.example/total")
        inspector_says(qtbot, window, "Evidence: https://charity.example/total")
        qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)
        press(qtbot, Key.Key_Z, Ctrl)
        assert fact_named(service, case, "amount raised").own(window.reviewer) is None


def test_the_current_fact_and_its_note_follow_the_fact_when_the_facts_are_renumbered(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "renumbered.db") as (window, service, case):
        page, model = open_figures(qtbot, window)
        raised = fact_named(service, case, "amount raised")
        page.go_to_row(row_of(model, "amount raised"))
        # a re-analysis (another reviewer's import, say) gives the facts new keys in another order
        state = window.state
        renumbered = [replace(fact, key=f"F{len(state.facts) - n}") for n, fact in enumerate(state.facts)]
        state._set_facts(renumbered)
        state.factsChanged.emit()
        assert model.index(page.current_row(), 0).data() == "amount raised"  # the table stays on the fact
        assert state.fact_known_as(raised.key, raised.claim_ids).claim_ids == raised.claim_ids
        assert state.fact(raised.key).claim_ids != raised.claim_ids  # its old key names another fact now
        assert state.fact_known_as("F99", (-1,)) is None
