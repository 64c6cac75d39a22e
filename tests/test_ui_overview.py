"""The figure table and the timeline in the real window, on the engine's stored facts: who says what, sums
beside their totals, split and merge from the keyboard (undone and redone through the window's undo
stack), dates that cannot both hold, far dates off the axis, and Enter to go to the claim in its pane."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fact_review.overview.timeline import BEFORE
from fact_review.store import open_service
from overview_support import SAMPLES, import_samples
from test_ui_support import Ctrl, Key, Shift, make_settings, open_window, press, window_on_case
from ui.case_state import CaseState
from ui.demo import import_demo_case
from ui.overview.figure_model import FigureTableModel
from ui.overview.timeline_model import TimelineModel

RED = "#c62828"


@pytest.fixture
def demo(qtbot, tmp_path):
    service = open_service(tmp_path / "demo.db")
    case = import_demo_case(service)
    window = open_window(qtbot, service, case, make_settings(tmp_path))
    yield window, service, case
    window.close()
    service.close()


@pytest.fixture
def samples(qtbot, tmp_path):
    if not SAMPLES.is_dir():
        pytest.skip("../shared/samples is absent")
    service = open_service(tmp_path / "samples.db")
    case = import_samples(service)
    window = open_window(qtbot, service, case, make_settings(tmp_path))
    yield window, service, case
    window.close()
    service.close()


def row_of(model, label: str) -> int:
    return next(r for r in range(model.rowCount()) if model.index(r, 0).data() == label)


def split_dialog(qtbot):
    """The split dialog, once it is open and has the keyboard."""
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    dialog = QApplication.activeModalWidget()
    assert dialog.objectName() == "split-fact"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.figures)
    return dialog


def labels(model) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def red_pixels(widget) -> int:
    image = widget.grab().toImage()
    return sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if image.pixelColor(x, y).name() == RED)


def test_the_models_pass_qtmodeltester_through_verdicts_and_a_split(qtmodeltester, demo):
    window, service, case = demo
    state = CaseState(service, case)
    models = (FigureTableModel(state), TimelineModel(state))
    for model in models:
        qtmodeltester.check(model)
    claim = next(iter(state.claims.values()))
    state.apply_verdict(service.set_verdict(claim.id, "True"))
    fact = next(f for f in state.facts if f.kind == "quantity" and len(f.claim_ids) > 2)
    service.split_fact(case.id, fact.key, fact.claim_ids[:1])
    state.refresh_facts()
    for model in models:
        qtmodeltester.check(model)
    state.reload()
    for model in models:
        qtmodeltester.check(model)


def test_the_figure_table_shows_each_sources_figure_and_enter_goes_to_it(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "figures.db") as (window, service, case):
        press(qtbot, Key.Key_2, Ctrl)
        page = window.center.figures
        assert window.center.currentWidget() is page and QApplication.focusWidget() is page.table
        model = page.model
        names = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        assert names[:3] == ["Fact", "Status", "Verdict"]
        assert names[3:] == [window.state.article_name(a.id) for a in service.articles(case.id)]
        treated = row_of(model, "runners treated")
        assert [model.index(treated, c).data() for c in (1, 3, 4)] == ["conflict", "85 runners", "58 runners"]
        assert model.index(treated, 3).data(Qt.ItemDataRole.BackgroundRole) is not None  # marked in conflict
        page.table.setCurrentIndex(model.index(treated, 3))
        press(qtbot, Key.Key_Right)
        target = model.claim_at(page.table.currentIndex())
        assert service.claim(target).text == "58 runners"
        press(qtbot, Key.Key_Return)
        assert window.current_claim == target
        assert window.center.currentWidget() is window.center.side_by_side
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.active_pane)
        assert window.active_pane.cursor_offset() == service.claim(target).start
        press(qtbot, Key.Key_1)  # rate it, then the table shows it rated
        assert model.index(treated, 4).data().endswith("✓")


def test_split_a_figure_off_its_fact_from_the_keyboard_then_undo_and_redo(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "split.db") as (window, service, case):
        press(qtbot, Key.Key_2, Ctrl)
        page = window.center.figures
        model = page.model
        treated = row_of(model, "runners treated")
        page.table.setCurrentIndex(model.index(treated, 4))  # the right source's "58 runners"
        fifty_eight = model.claim_at(model.index(treated, 4))
        press(qtbot, Key.Key_S, Ctrl | Shift)
        dialog = split_dialog(qtbot)
        figures = dialog.figures
        assert [figures.item(i).text().split(" — ")[0] for i in range(figures.count())] == ["“85 runners”",
                                                                                            "“58 runners”"]
        assert dialog.ticked() == [fifty_eight]  # the current cell's figure, ticked for the reviewer
        press(qtbot, Key.Key_Return)
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
        assert labels(model).count("runners treated") == 2  # the split-off figure is a fact of its own
        split = [f for f in service.facts(case.id) if f.by_reviewer]
        assert [[service.claim(c).text for c in f.claim_ids] for f in split] == [["58 runners"]]
        assert all(model.index(r, 1).data() != "conflict" for r in range(model.rowCount())
                   if model.index(r, 0).data() == "runners treated")  # neither holds two figures now
        qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)  # the keyboard is back in the table
        assert model.claim_at(page.table.currentIndex()) == fifty_eight  # the new row is current
        press(qtbot, Key.Key_Z, Ctrl)
        assert labels(model).count("runners treated") == 1 and not any(f.by_reviewer for f in service.facts(case.id))
        assert model.index(row_of(model, "runners treated"), 1).data() == "conflict"
        press(qtbot, Key.Key_Z, Ctrl | Shift)
        assert labels(model).count("runners treated") == 2
        assert [f.by_reviewer for f in service.facts(case.id)].count(True) == 1


def test_the_split_dialog_refuses_all_or_none_and_esc_changes_nothing(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "refuse.db") as (window, service, case):
        press(qtbot, Key.Key_2, Ctrl)
        page = window.center.figures
        page.table.setCurrentIndex(page.model.index(row_of(page.model, "runners treated"), 0))
        press(qtbot, Key.Key_S, Ctrl | Shift)
        dialog = split_dialog(qtbot)
        assert dialog.ticked() == []  # the Fact column names no figure: nothing is ticked for the reviewer
        press(qtbot, Key.Key_Return)
        assert dialog.isVisible() and dialog.problem.isVisible()
        press(qtbot, Key.Key_Space)  # tick the current figure
        press(qtbot, Key.Key_Down)
        press(qtbot, Key.Key_Space)
        press(qtbot, Key.Key_Return)
        assert dialog.isVisible()  # all of them: still no split
        press(qtbot, Key.Key_Escape)
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
        assert not any(f.by_reviewer for f in service.facts(case.id)) and window.undo_stack.count() == 0


def test_merge_the_selected_facts_from_the_keyboard_then_undo(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "merge.db") as (window, service, case):
        press(qtbot, Key.Key_2, Ctrl)
        page = window.center.figures
        model = page.model
        before = model.rowCount()
        page.table.setCurrentIndex(model.index(row_of(model, "runners treated"), 3))
        press(qtbot, Key.Key_M, Ctrl | Shift)
        assert "Select two facts or more" in window.status_message.text() and model.rowCount() == before
        press(qtbot, Key.Key_Down, Shift)
        merged = {model.index(r, 0).data() for r in (page.table.currentIndex().row() - 1,
                                                     page.table.currentIndex().row())}
        press(qtbot, Key.Key_M, Ctrl | Shift)
        assert model.rowCount() == before - 1
        [fact] = [f for f in service.facts(case.id) if f.by_reviewer]
        assert fact.label == " / ".join(sorted(merged, key=lambda m: m != "runners treated"))
        assert len(fact.claim_ids) == 4
        press(qtbot, Key.Key_Z, Ctrl)
        assert model.rowCount() == before and not any(f.by_reviewer for f in service.facts(case.id))


def test_split_the_current_claims_fact_from_the_panes(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "pane-split.db") as (window, service, case):
        target = next(c.id for c in window.state.claims.values() if c.text == "58 runners")
        window.set_current_claim(target)
        press(qtbot, Key.Key_S, Ctrl | Shift)
        dialog = split_dialog(qtbot)
        assert dialog.ticked() == [target]
        press(qtbot, Key.Key_Return)
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
        assert [f.claim_ids for f in service.facts(case.id) if f.by_reviewer] == [(target,)]
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.active_pane)


def test_the_timeline_shows_the_two_dates_that_cannot_both_hold(demo, qtbot):
    window, service, case = demo
    press(qtbot, Key.Key_3, Ctrl)
    page = window.center.timeline
    assert window.center.currentWidget() is page and QApplication.focusWidget() is page.chart
    model = page.model
    [(a, b)] = model.timeline.conflicts
    texts = {service.claim(a).text, service.claim(b).text}
    assert texts == {"Tuesday, March 3", "Monday, March 2"}
    conflict_rows = [r for r in range(model.rowCount()) if model.index(r, 3).data().startswith("cannot both hold")]
    assert sorted(model.index(r, 2).data() for r in conflict_rows) == sorted(texts)
    assert red_pixels(page.chart) > 20  # the two marks and the line that joins them are drawn red
    press(qtbot, Key.Key_Home)
    for _ in range(model.rowCount()):
        if page.chart.current == conflict_rows[0]:
            break
        press(qtbot, Key.Key_Right)
    assert page.list.currentIndex().row() == conflict_rows[0]
    press(qtbot, Key.Key_Return)
    assert window.current_claim == model.mark(conflict_rows[0]).claim_id
    assert window.center.currentWidget() is window.center.side_by_side


def test_far_dates_sit_off_the_axis_in_a_margin_labelled_with_their_year(demo, qtbot):
    window, service, case = demo
    press(qtbot, Key.Key_3, Ctrl)
    chart = window.center.timeline.chart
    model = window.center.timeline.model
    chart.repaint()
    first, last = chart.axis()
    assert (last - first).days < 30  # the story's days, not 1871 to 2026
    old = {model.words(m): row for row, m in enumerate(model.timeline.marks) if model.timeline.place(m) == BEFORE}
    assert set(old) == {"1871", "1998"}
    axis_start = chart.zones.axis_left
    for row in old.values():
        assert chart.box(row).right() < axis_start  # in the margin before the axis, not on 1 March
    on_axis = [row for row, m in enumerate(model.timeline.marks) if model.timeline.place(m) != BEFORE]
    assert all(chart.box(row).left() >= axis_start for row in on_axis)
    assert "1871" in model.index(old["1871"], 0).data()


def test_the_samples_figure_table_shows_69_70_almost_300_plus_70_and_367_on_screen(samples, qtbot):
    window, service, case = samples
    window.resize(1366, 768)
    press(qtbot, Key.Key_2, Ctrl)
    page = window.center.figures
    model = page.model
    missiles, total = row_of(model, "missiles launched"), row_of(model, "drones and missiles in all")
    assert model.index(missiles, 4).data() == "69 missiles / 70 missiles"
    assert model.index(total, 4).data() == ("298 drones + 69 missiles / Almost 300 Shahed drones + 70 missiles / "
                                            "367 drones and missiles")
    viewport = page.table.viewport().rect()
    for row in (missiles, total):  # at once: both rows in view, neither cut
        assert viewport.contains(page.table.visualRect(model.index(row, 4)))


def test_the_samples_timeline_shows_april_2024_against_august_2024_plus_six_months(samples, qtbot):
    window, service, case = samples
    press(qtbot, Key.Key_3, Ctrl)
    page = window.center.timeline
    model = page.model
    words = {model.words(m): m for m in model.timeline.marks}
    assert words["April 2024"].conflict and words["August 2024 + 6+ months"].conflict
    rows = [r for r in range(model.rowCount()) if model.index(r, 2).data() == "August 2024 + 6+ months"]
    assert model.index(rows[0], 0).data().startswith("no earlier than")
    assert "“April 2024”" in model.index(rows[0], 3).data()
    assert red_pixels(page.chart) > 20
