"""The figure table and the timeline in the real window: who says what, dates that cannot both hold, and
Enter to go from either to the claim in its pane."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from ui.case_state import CaseState
from ui.demo import import_demo_case
from ui.overview.figure_model import FigureTableModel
from ui.overview.timeline_model import TimelineModel
from test_ui_support import Ctrl, Key, make_settings, open_window, press, window_on_case
from fact_review.store import open_service


@pytest.fixture
def demo(qtbot, tmp_path):
    service = open_service(tmp_path / "demo.db")
    case = import_demo_case(service)
    window = open_window(qtbot, service, case, make_settings(tmp_path))
    yield window, service, case
    window.close()
    service.close()


def test_the_models_pass_qtmodeltester(qtmodeltester, demo):
    window, service, case = demo
    state = CaseState(service, case)
    for model in (FigureTableModel(state), TimelineModel(state)):
        qtmodeltester.check(model)
        claim = next(iter(state.claims.values()))
        state.apply_verdict(service.set_verdict(claim.id, "True"))
        state.reload()
        qtmodeltester.check(model)


def test_the_figure_table_shows_each_sources_figure_and_enter_goes_to_it(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "figures.db") as (window, service, case):
        press(qtbot, Key.Key_2, Ctrl)
        page = window.center.figures
        assert window.center.currentWidget() is page and QApplication.focusWidget() is page.table
        model = page.model
        names = [model.headerData(c, page.table.horizontalHeader().orientation()) for c in range(model.columnCount())]
        assert names[2:] == [window.state.article_name(a.id) for a in service.articles(case.id)]
        runners = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "runners"
                       and model.index(r, 1).data() == "conflict")
        assert [model.index(runners, c).data() for c in (2, 3)] == ["85 runners", "58 runners"]
        page.table.setCurrentIndex(model.index(runners, 2))
        press(qtbot, Key.Key_Right)
        target = model.claim_at(page.table.currentIndex())
        assert service.claim(target).text == "58 runners"
        press(qtbot, Key.Key_Return)
        assert window.current_claim == target
        assert window.center.currentWidget() is window.center.side_by_side
        assert QApplication.focusWidget() is window.active_pane
        assert window.active_pane.cursor_offset() == service.claim(target).start
        press(qtbot, Key.Key_1)  # rate it, then the table shows it rated
        assert model.index(runners, 3).data().endswith("✓")
        press(qtbot, Key.Key_Escape)


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
    first, last = page.chart.axis()
    assert (last - first).days < 30  # the story's days, not 1871 to 2026
    image = page.chart.grab().toImage()
    red = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
              if image.pixelColor(x, y).name() == "#c62828")
    assert red > 20  # the two marks and the line that joins them are drawn red
    press(qtbot, Key.Key_Home)
    for _ in range(model.rowCount()):
        if page.chart.current == conflict_rows[0]:
            break
        press(qtbot, Key.Key_Right)
    assert page.list.currentIndex().row() == conflict_rows[0]
    press(qtbot, Key.Key_Return)
    assert window.current_claim == model.mark(conflict_rows[0]).claim_id
    assert window.center.currentWidget() is window.center.side_by_side
