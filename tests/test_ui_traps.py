"""The traps a careful reviewer fell into on a keyboard-only review (issue 11's list), each driven in the
real window: every test here failed on the window as it was before the fix."""
from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPalette, QTextFormat
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel, QWidget

from fact_review.articles import article_from_text
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.line_dialog import LineDialog
from test_ui_support import Ctrl, Key, Shift, make_case, make_settings, open_window, press, type_text
from test_ui_support import wait_for_dialog, window_on_case

Alt = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def review(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "traps.db") as (window, service, case):
        yield window, service, case


def _cursor_onto_another_claim(qtbot, window) -> int:
    """Move the text cursor with the arrow keys until it stands in a claim other than the current one."""
    pane = window.active_pane
    press(qtbot, Key.Key_Home, Ctrl)
    for _ in range(len(pane.text)):
        under = pane.claim_at(pane.cursor_offset())
        if under is not None and under != window.current_claim:
            return under
        press(qtbot, Key.Key_Right)
    raise AssertionError("no other claim in the pane")


def test_moving_the_text_cursor_never_changes_the_claim_a_verdict_key_rates(review, qtbot):
    window, service, case = review
    chosen = window.current_claim
    passed_over = _cursor_onto_another_claim(qtbot, window)
    assert window.current_claim == chosen
    press(qtbot, Key.Key_1)
    assert service.claim(chosen).verdict.rating == 1
    assert service.claim(passed_over).verdict is None


def test_enter_makes_the_claim_at_the_cursor_current(review, qtbot):
    window, service, case = review
    target = _cursor_onto_another_claim(qtbot, window)
    press(qtbot, Key.Key_Return)
    assert window.current_claim == target
    press(qtbot, Key.Key_2)
    assert service.claim(target).verdict.rating == 2


def _statement_matches(window, claim_id):
    claim = window.state.claims[claim_id]
    return [m.id for m in window.state.matches_at(claim.article_id, window.state.statement_of(claim))
            if m.status != "rejected"]


def test_match_keys_walk_the_current_claims_matches_not_the_whole_case(review, qtbot):
    window, service, case = review
    claim_id = window.current_claim
    own = _statement_matches(window, claim_id)
    assert own and len(own) < len(service.matches(case.id))
    seen = set()
    for _ in range(len(service.matches(case.id)) + 1):
        press(qtbot, Key.Key_BracketRight)
        seen.add(window.current_match)
    assert seen == set(own)
    assert window.current_claim == claim_id


def test_a_rejected_match_loses_its_mark_and_leaves_the_cycle(review, qtbot):
    window, service, case = review
    claim = service.claim(window.current_claim)
    press(qtbot, Key.Key_BracketRight)
    rejected = window.current_match
    match = next(m for m in service.matches(case.id) if m.id == rejected)
    own_side = match.a_article_id == claim.article_id
    other_span = (match.b_start, match.b_end) if own_side else (match.a_start, match.a_end)
    press(qtbot, Key.Key_X)
    assert next(m for m in service.matches(case.id) if m.id == rejected).status == "rejected"
    for pane in window.panes:
        assert other_span not in pane.marks()[1]
    for _ in range(3):
        press(qtbot, Key.Key_BracketRight)
        assert window.current_match != rejected


def test_a_hand_made_link_says_so_instead_of_a_score(review, qtbot):
    window, service, case = review
    press(qtbot, Key.Key_L)  # the current claim's sentence...
    press(qtbot, Key.Key_Tab)
    press(qtbot, Key.Key_Home, Ctrl)
    press(qtbot, Key.Key_L)  # ... linked with the other article's headline
    manual = next(m for m in service.matches(case.id) if m.method == "manual")
    qtbot.waitUntil(lambda: "linked by hand" in window.inspector.details.toPlainText())
    assert "1.00" not in window.inspector.details.toPlainText()
    for _ in range(len(window.statement_matches())):
        press(qtbot, Key.Key_BracketRight)
        if window.current_match == manual.id:
            break
    assert window.current_match == manual.id
    assert "linked by hand" in window.statusBar().currentMessage()
    assert "similar" not in window.statusBar().currentMessage()


def test_menus_open_with_f10_and_alt_mnemonics(review, qtbot):
    window, *_ = review
    titles = [a.text() for a in window.menuBar().actions()]
    letters = [t[t.index("&") + 1].lower() for t in titles if "&" in t]
    assert len(letters) == len(titles) == len(set(letters))
    press(qtbot, Key.Key_F10)
    qtbot.waitUntil(lambda: window.menuBar().activeAction() is not None)
    assert window.menuBar().activeAction() is window.menuBar().actions()[0]
    press(qtbot, Key.Key_Escape)
    case_menu = window.menuBar().actions()[0].menu()
    press(qtbot, Key.Key_C, Alt)
    qtbot.waitUntil(lambda: case_menu.isVisible())
    case_menu.close()


def test_every_queue_filter_is_reached_and_left_from_the_keyboard(review, qtbot):
    window, service, case = review
    press(qtbot, Key.Key_F, Ctrl | Shift)
    assert QApplication.focusWidget() is window.filter_status
    reached = [QApplication.focusWidget()]
    for _ in range(2):
        press(qtbot, Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached[1:] == [window.filter_kind, window.filter_label]
    press(qtbot, Key.Key_Down)  # "Any verdict" -> the scale's first label
    assert window.filter_label.currentIndex() == 1
    assert window.queue.ids() == service.review_queue(case.id, label=window.filter_label.currentText())
    press(qtbot, Key.Key_Escape)
    assert QApplication.focusWidget() is window.active_pane


def test_paste_asks_for_the_articles_metadata_and_shows_it(review, qtbot):
    from ui.dialogs.article_dialog import ArticleDialog

    window, service, case = review
    QApplication.clipboard().setText("Runners praise the course\n\nSome 300 volunteers worked on Sunday.\n")
    press(qtbot, Key.Key_V, Ctrl | Shift)
    dialog = wait_for_dialog(qtbot, window, ArticleDialog, "article-dialog")
    assert dialog.fields["title"].text() == "Runners praise the course"
    for name, text in (("outlet", "Lakeside Echo"), ("url", "https://echo.example/course"),
                       ("published", "2026-04-13")):
        dialog.fields[name].setFocus()
        type_text(qtbot, text)
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: len(service.articles(case.id)) == 3 and not window.runner.busy, timeout=20000)
    pasted = service.articles(case.id)[-1]
    assert (pasted.title, pasted.outlet, pasted.url, pasted.published) == (
        "Runners praise the course", "Lakeside Echo", "https://echo.example/course", "2026-04-13")
    assert pasted.id in [p.article_id for p in window.panes]


def test_an_imported_article_is_shown_in_a_pane(review, qtbot, tmp_path):
    window, service, case = review
    path = tmp_path / "third.txt"
    path.write_text("Runners praise the course\n\nSome 300 volunteers worked on Sunday.\n", encoding="utf-8")
    window.import_sources([path])
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20000)
    added = service.articles(case.id)[-1]
    assert added.id in [p.article_id for p in window.panes]


def test_an_article_is_deleted_and_the_delete_is_undone_with_its_verdicts(review, qtbot):
    window, service, case = review
    right = window.panes[1].article_id
    rated = next(c for c in service.claims(case.id, right))
    window.set_current_claim(rated.id)
    press(qtbot, Key.Key_4)
    window.articles_view.setFocus()
    window.articles_view.selectRow(1)
    press(qtbot, Key.Key_Delete, Ctrl)
    qtbot.waitUntil(lambda: [a.id for a in service.articles(case.id)] == [window.panes[0].article_id])
    assert right not in [p.article_id for p in window.panes]
    assert window.articles_model.rowCount() == 1
    assert all(c.article_id != right for c in window.state.claims.values())
    press(qtbot, Key.Key_Z, Ctrl)
    qtbot.waitUntil(lambda: len(service.articles(case.id)) == 2)
    assert service.claim(rated.id).verdict.rating == 4
    assert window.articles_model.rowCount() == 2


def test_an_article_has_one_name_everywhere(qtbot, tmp_path):
    from fact_review.reports.export import report_bytes
    from fact_review.sources import source_name

    service, case = make_case(tmp_path / "names.db")
    untitled = article_from_text("the clinic figures. Of the 52 people treated, 40 were adults and 12 were children "
                                 "and 85 runners were seen.\n", "notes.txt")
    service.import_articles(case.id, [replace(untitled, path=str(tmp_path / "notes.txt"))])
    window = open_window(qtbot, service, case, make_settings(tmp_path))
    try:
        article = service.articles(case.id)[-1]
        name = source_name(article)
        assert name == "notes.txt"
        window.panes[1].setFocus()
        press(qtbot, Key.Key_2, Alt)
        qtbot.waitUntil(lambda: window.panes[1].article_id == article.id)
        claim = service.claims(case.id, article.id)[0]
        window.set_current_claim(claim.id)
        row = [a.id for a in window.state.articles].index(article.id)
        assert window.articles_model.index(row, 0).data() == name
        assert window.pane_boxes[1].header.text().startswith(name)
        assert window.queue.index(window.queue.row_of(claim.id), 0).data() == name
        qtbot.waitUntil(lambda: claim.text in window.inspector.details.toPlainText())
        details = window.inspector.details.toPlainText()
        assert name in details and "article 3" not in details
        report = report_bytes(service, case.name, "md").decode().replace("\\", "")  # Markdown escapes
        assert f"{name} (source 3)" in report and "Source 3" not in report
    finally:
        window.close()
        service.close()


def test_skipped_claims_come_back_after_the_verdicts_and_the_end_is_announced(review, qtbot):
    window, service, case = review
    queue = service.review_queue(case.id)
    press(qtbot, Key.Key_Space)
    for _ in queue[1:]:
        press(qtbot, Key.Key_1)
    assert window.current_claim == queue[0]  # the skipped claim is back once the others are rated
    press(qtbot, Key.Key_5)
    assert service.progress(case.id).reviewed == len(queue)
    assert "reviewed" in window.review_state.text().lower() and window.review_state.isVisible()


def test_a_rated_conflict_keeps_its_conflict_mark(review, qtbot):
    window, service, case = review
    conflict = next(c for c in service.claims(case.id) if c.in_conflict)
    window.set_current_claim(conflict.id)
    press(qtbot, Key.Key_3)
    pane = window.panes[window.pane_of_article(conflict.article_id)]
    block = pane.document().findBlock(conflict.start)
    formats = [f for f in block.layout().formats() if f.start <= conflict.start - block.position() < f.start + f.length]
    assert any(f.format.underlineStyle() != f.format.UnderlineStyle.NoUnderline for f in formats)
    row = window.queue.row_of(conflict.id)
    assert "conflict" in (window.queue.index(row, 3).data() or "").lower()


def test_agreement_inside_one_article_is_not_called_agreement_across_sources(qtbot, tmp_path):
    from ui import palette

    service, case = make_case(tmp_path / "inside.db")
    clinic = article_from_text("Clinic busy\n\nOf the 52 people treated, 40 were adults and 12 were children.\n",
                               "clinic.txt")
    service.import_articles(case.id, [clinic])
    window = open_window(qtbot, service, case, make_settings(tmp_path))
    try:
        article = service.articles(case.id)[-1]
        parts = [c for c in service.claims(case.id, article.id) if c.agreed]
        assert parts, "the sum agrees inside the clinic article"
        for claim in parts:
            assert window.state.status_of(window.state.claims[claim.id]) != "agreed"
        across = next(c for c in service.claims(case.id) if c.text == "40,000 bottles")
        assert window.state.status_of(window.state.claims[across.id]) == "agreed"
        assert palette.claim_status is not None
    finally:
        window.close()
        service.close()


def _distance(a: QColor, b: QColor) -> float:
    return ((a.red() - b.red()) ** 2 + (a.green() - b.green()) ** 2 + (a.blue() - b.blue()) ** 2) ** 0.5


def test_the_selection_colour_is_far_from_rated(review):
    from ui import palette

    window, *_ = review
    selection = window.panes[0].palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    assert _distance(selection, palette.BACKGROUND["rated"]) > 120


def test_no_internal_notation_reaches_the_reviewer(qtbot, tmp_path):
    service, case = make_case(tmp_path / "notation.db")
    odd = article_from_text("Prices now\n\nPrices are rising now, traders said on April 26.\n"
                            "At least 6 stalls closed last week.\n", "odd.txt")
    service.import_articles(case.id, [replace(odd, published="2025-05-20")])
    undated = article_from_text("Market day\n\nTraders met on April 26 and at least 6 stalls closed.\n", "undated.txt")
    service.import_articles(case.id, [undated])
    window = open_window(qtbot, service, case, make_settings(tmp_path))
    try:
        shown = []
        for claim in service.claims(case.id):
            window.set_current_claim(claim.id)
            window._refresh_inspector()
            shown.append(window.inspector.details.toPlainText())
        text = "\n".join(shown)
        for notation in ("PRESENT_REF", "XXXX", "-W2", "W20", "12,000 –", "6 –"):
            assert notation not in text
        assert "26 April (year not given)" in text
        assert "the week of 12 May 2025" in text
    finally:
        window.close()
        service.close()


def _fully_shown(label: QLabel) -> bool:
    width = label.contentsRect().width()
    needed = label.heightForWidth(width) if label.wordWrap() else label.sizeHint().height()
    fits_width = label.wordWrap() or label.fontMetrics().horizontalAdvance(label.text()) <= width
    return fits_width and needed <= label.contentsRect().height() + 1


def test_the_linking_instructions_are_shown_whole(review, qtbot):
    window, *_ = review
    press(qtbot, Key.Key_L)
    label = window.status_message
    assert "Tab" in label.text() and label.isVisible()
    qtbot.waitUntil(lambda: _fully_shown(label))


def test_the_cheat_sheet_fits_the_screen(review, qtbot):
    from ui.dialogs.cheatsheet import CheatSheet

    window, *_ = review
    press(qtbot, Key.Key_F1)
    sheet = wait_for_dialog(qtbot, window, CheatSheet, "cheat-sheet")
    available = sheet.screen().availableGeometry()
    assert available.contains(sheet.frameGeometry()), (sheet.frameGeometry(), available)
    press(qtbot, Key.Key_Escape)


def test_the_evidence_url_problem_is_shown_whole(review, qtbot):
    window, *_ = review
    press(qtbot, Key.Key_U)
    dialog = wait_for_dialog(qtbot, window, LineDialog, "evidence-dialog")
    type_text(qtbot, "not a url")
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.problem.isVisible())
    qtbot.waitUntil(lambda: _fully_shown(dialog.problem))
    press(qtbot, Key.Key_Escape)


def test_the_export_dialog_shows_no_literal_ampersand(review, qtbot):
    window, *_ = review
    press(qtbot, Key.Key_E, Ctrl)
    dialog = wait_for_dialog(qtbot, window, ExportDialog, "export-dialog")
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert texts and not any("&" in t.replace("&&", "") and label_has_no_buddy(dialog, t) for t in texts)
    press(qtbot, Key.Key_Escape)


def label_has_no_buddy(dialog, text: str) -> bool:
    label = next(label for label in dialog.findChildren(QLabel) if label.text() == text)
    return label.buddy() is None


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _text_contrast(widget: QWidget) -> float:
    """The contrast between the colours a widget paints its text and its background with, once styled."""
    widget.ensurePolished()
    palette = widget.palette()
    scrolled = isinstance(widget, QAbstractScrollArea)
    background = palette.color(QPalette.ColorRole.Base if scrolled else QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.Text if scrolled else QPalette.ColorRole.WindowText)
    return _contrast(background, text)


@pytest.fixture
def dark_palette(qapp):
    old = qapp.palette()
    dark = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#eeeeee"),
                         (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.Text, "#eeeeee"),
                         (QPalette.ColorRole.Button, "#333333"), (QPalette.ColorRole.ButtonText, "#eeeeee"),
                         (QPalette.ColorRole.Highlight, "#3d6fb6"), (QPalette.ColorRole.HighlightedText, "#ffffff")):
        dark.setColor(role, QColor(colour))
    qapp.setPalette(dark)
    yield dark
    qapp.setPalette(old)


def test_under_a_dark_palette_text_stays_legible(dark_palette, qtbot, tmp_path):
    from ui.theme import apply_style

    apply_style(QApplication.instance())
    with window_on_case(qtbot, tmp_path, "dark.db") as (window, service, case):
        for widget in (window.panes[0], window.inspector.details, window.queue_view, window.pane_boxes[0].header,
                       window.inspector.note):
            assert _text_contrast(widget) >= 4.5, widget.objectName()
        for status, fmt in window.panes[0].status_formats().items():  # claim colours carry their own text colour
            if fmt.background().style() == Qt.BrushStyle.NoBrush:  # no fill (context): the pane's text, checked above
                assert not fmt.hasProperty(QTextFormat.Property.ForegroundBrush), status
                continue
            assert _contrast(fmt.background().color(), fmt.foreground().color()) >= 4.5, status


def test_the_window_fits_a_1366_by_768_screen_and_the_screen_it_opens_on(review):
    window, *_ = review
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 740
    available: QRect = window.screen().availableGeometry()
    assert window.frameGeometry().width() <= available.width()
    assert window.frameGeometry().height() <= available.height()


def test_case_properties_show_the_database_file_and_its_folder(review, qtbot, monkeypatch):
    from ui.dialogs.case_properties import CasePropertiesDialog

    window, service, case = review
    opened = []
    monkeypatch.setattr("ui.dialogs.case_properties.QDesktopServices.openUrl", lambda url: opened.append(url))
    press(qtbot, Key.Key_Return, Alt)
    dialog = wait_for_dialog(qtbot, window, CasePropertiesDialog, "case-properties")
    assert str(service.path) in dialog.database.text()
    dialog.show_folder.click()
    assert [u.toLocalFile() for u in opened] == [str(service.path.parent)]
    press(qtbot, Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_another_database_can_be_chosen(review, qtbot, tmp_path):
    window, service, case = review
    other = tmp_path / "other.db"
    other_service, other_case = make_case(other, "Other case")
    other_service.close()
    window.open_database(other)
    assert window.service.path == other
    assert window.state.case.name == "Other case"
    assert window.settings.value("database/path") == str(other)


def test_the_window_remembers_its_geometry_and_pane_layout(qtbot, tmp_path):
    service, case = make_case(tmp_path / "geometry.db")
    settings = make_settings(tmp_path)
    window = open_window(qtbot, service, case, settings)
    window.resize(700, 560)
    sizes = window.main_splitter.sizes()
    window.main_splitter.setSizes([sizes[0] + 40, sizes[1] - 40, sizes[2]])
    wanted = (window.size(), window.main_splitter.sizes())
    window.close()
    again = open_window(qtbot, service, case, settings)
    try:
        assert (again.size(), again.main_splitter.sizes()) == wanted
    finally:
        again.close()
        service.close()
