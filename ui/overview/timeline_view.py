"""The timeline page: a chart with a lane per source and a mark per dated claim, over the list of those
claims. Two dates that cannot both hold are drawn red and joined by a red line.

The chart's axis spans the days the case's events fall on (marks of a day, a week or a month); a year or
a decade said in passing ("built in 1871") sits at the edge with its year, so it does not squash the
days of the story. Left and Right step through the marks in date order (the list follows), Enter goes
to the claim in its pane.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Optional

from PySide6.QtCore import QItemSelectionModel, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QHeaderView, QSplitter, QTableView, QVBoxLayout, QWidget

from fact_review.claims.dates.words import MONTHS
from ui import palette
from ui.case_state import CaseState
from ui.overview.timeline_model import TimelineModel
from ui.table_model import table_style

FOCUS_SPAN_DAYS = 62  # marks this long or shorter set the axis; longer ones (years) sit at its edges
LANE_HEIGHT = 34
AXIS_HEIGHT = 26
CONFLICT = QColor("#c62828")


class TimelineChart(QWidget):
    chosen = Signal(int)  # the row of the mark the reviewer picked (click or arrow keys)
    activated = Signal(int)  # Enter on a mark: its row

    def __init__(self, model: TimelineModel, state: CaseState, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline-chart")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._model = model
        self._state = state
        self.current: Optional[int] = None
        self._boxes: dict[int, QRectF] = {}
        model.modelReset.connect(self._reset)
        model.dataChanged.connect(lambda *_: self.update())
        self._reset()

    def _reset(self) -> None:
        self.current = 0 if self._model.rowCount() else None
        lanes = max(1, len(self._model.timeline.article_ids))
        self.setMinimumHeight(AXIS_HEIGHT + lanes * LANE_HEIGHT + 12)
        self.update()

    def set_current(self, row: Optional[int]) -> None:
        if row != self.current:
            self.current = row
            self.update()

    def axis(self) -> tuple[date, date]:
        """The first and last day the axis shows (the last exclusive)."""
        marks = self._model.timeline.marks
        focus = [m for m in marks if (m.end - m.start).days <= FOCUS_SPAN_DAYS] or list(marks)
        if not focus:
            today = date.today()
            return today, today + timedelta(days=1)
        return min(m.start for m in focus) - timedelta(days=1), max(m.end for m in focus) + timedelta(days=1)

    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        names = [self._state.article_name(a) for a in self._model.timeline.article_ids]
        return min(max((metrics.horizontalAdvance(n) for n in names), default=60) + 16, max(120, self.width() // 4))

    # --- painting ------------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = self.palette()
        painter.fillRect(self.rect(), colours.color(QPalette.ColorRole.Base))
        text = colours.color(QPalette.ColorRole.Text)
        timeline = self._model.timeline
        if not timeline.marks:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             "No dated claims yet: the case's dates appear here, a lane per source")
            return
        first, last = self.axis()
        left, right = self._label_width(), self.width() - 12
        days = max((last - first).days, 1)

        def x_of(day: date) -> float:
            return left + (right - left) * min(max((day - first).days, 0), days) / days

        self._paint_axis(painter, first, last, x_of, text)
        metrics = QFontMetrics(self.font())
        placed, lane_tops = self._layout(first, last, x_of, left, right, metrics)
        for lane, article_id in enumerate(timeline.article_ids):
            top, bottom = lane_tops[lane], lane_tops[lane + 1]
            painter.setPen(text)
            name = metrics.elidedText(self._state.article_name(article_id), Qt.TextElideMode.ElideRight, left - 12)
            painter.drawText(QRectF(4, top, left - 8, LANE_HEIGHT), Qt.AlignmentFlag.AlignVCenter, name)
            painter.setPen(QPen(colours.color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(left, bottom - 1), QPointF(right, bottom - 1))
        self._boxes = {}
        for row, (box, label, conflict, status) in placed.items():
            self._boxes[row] = box
            painter.setPen(QPen(CONFLICT if conflict else colours.color(QPalette.ColorRole.Mid), 2.5 if conflict else 1))
            painter.setBrush(palette.background(status))
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(palette.CLAIM_TEXT)
            painter.drawText(box.adjusted(4, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter, label)
        self._paint_conflicts(painter, metrics)
        if self.current is not None and self.current in self._boxes:
            highlight = colours.color(QPalette.ColorRole.Highlight)
            painter.setPen(QPen(highlight, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self._boxes[self.current].adjusted(-3, -3, 3, 3), 4, 4)

    def _layout(self, first: date, last: date, x_of, left: float, right: float, metrics: QFontMetrics):
        """Each mark's box, wide enough for its words, on the first free line of its source's lane (marks
        of one lane never overlap); and the top of each lane (one more entry: the bottom of the last)."""
        timeline = self._model.timeline
        lines: dict[int, list[list[tuple[float, float]]]] = {a: [] for a in timeline.article_ids}
        found = {}
        for row, mark in enumerate(timeline.marks):
            claim = self._state.claims.get(mark.claim_id)
            if claim is None:
                continue
            beyond = mark.end <= first or mark.start >= last or (mark.end - mark.start).days > FOCUS_SPAN_DAYS
            label = str(mark.start.year) if beyond else claim.text
            width = min(metrics.horizontalAdvance(label) + 10, (right - left) / 2)
            if beyond:  # a year said in passing: a small tag at the edge it lies beyond
                x0 = left if mark.start < first else right - width
            else:
                x0 = x_of(mark.start)
            x1 = max(x_of(mark.end), x0 + width)
            taken = lines[mark.article_id]
            line = next((i for i, spans in enumerate(taken) if all(x1 + 4 <= a or x0 >= b + 4 for a, b in spans)),
                        len(taken))
            if line == len(taken):
                taken.append([])
            taken[line].append((x0, x1))
            found[row] = (mark.article_id, line, x0, x1,
                          metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(x1 - x0) - 6),
                          mark.conflict, self._state.status_of(claim))
        tops = [AXIS_HEIGHT]
        for article_id in timeline.article_ids:
            tops.append(tops[-1] + LANE_HEIGHT + (max(len(lines[article_id]), 1) - 1) * (LANE_HEIGHT - 8))
        lane_of = {article_id: i for i, article_id in enumerate(timeline.article_ids)}
        placed = {}
        for row, (article_id, line, x0, x1, label, conflict, status) in found.items():
            y = tops[lane_of[article_id]] + 5 + line * (LANE_HEIGHT - 8)
            placed[row] = (QRectF(x0, y, x1 - x0, LANE_HEIGHT - 12), label, conflict, status)
        if self.minimumHeight() < tops[-1] + 12:  # stacked lines need more room: grow, only when they do
            self.setMinimumHeight(tops[-1] + 12)
        return placed, tops

    def _paint_axis(self, painter: QPainter, first: date, last: date, x_of, text: QColor) -> None:
        days = (last - first).days
        step = 1 if days <= 21 else 7 if days <= 120 else 30
        painter.setPen(text)
        painter.drawLine(QPointF(x_of(first), AXIS_HEIGHT - 4), QPointF(x_of(last), AXIS_HEIGHT - 4))
        day, previous_end = first, -1.0
        while day <= last:
            x = x_of(day)
            painter.drawLine(QPointF(x, AXIS_HEIGHT - 8), QPointF(x, AXIS_HEIGHT - 4))
            label = f"{day.day} {MONTHS[day.month - 1][:3]}"
            width = painter.fontMetrics().horizontalAdvance(label)
            if x - width / 2 > previous_end + 6:
                painter.drawText(QPointF(x - width / 2, AXIS_HEIGHT - 11), label)
                previous_end = x + width / 2
            day += timedelta(days=step)

    def _paint_conflicts(self, painter: QPainter, metrics: QFontMetrics) -> None:
        rows = {mark.claim_id: row for row, mark in enumerate(self._model.timeline.marks)}
        for a, b in self._model.timeline.conflicts:
            boxes = [self._boxes.get(rows.get(c)) for c in (a, b)]
            if None in boxes:
                continue
            one, two = (box.center() for box in boxes)
            painter.setPen(QPen(CONFLICT, 2, Qt.PenStyle.DashLine))
            painter.drawLine(one, two)
            words = "cannot both hold"
            tag = self._free_place(metrics.horizontalAdvance(words) + 8, metrics.height() + 2, boxes)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(CONFLICT)
            painter.drawRoundedRect(tag, 3, 3)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, words)

    def _free_place(self, width: float, height: float, boxes: list[QRectF]) -> QRectF:
        """Where a conflict's tag covers no mark: level with its line, or under or over its marks, as near
        the line's middle as there is room; at the middle when there is none."""
        one, two = (box.center() for box in boxes)
        middle = QPointF((one.x() + two.x()) / 2, (one.y() + two.y()) / 2)
        rows = (middle.y() - height / 2, max(b.bottom() for b in boxes) + 3, min(b.top() for b in boxes) - height - 3)
        left = self._label_width()
        shifts = sorted(range(-int(self.width()), int(self.width()), 12), key=abs)
        for shift in shifts:
            for top in rows:
                tag = QRectF(middle.x() - width / 2 + shift, top, width, height)
                inside = tag.left() >= left and tag.right() <= self.width() - 4 and tag.top() >= AXIS_HEIGHT
                if inside and not any(tag.intersects(box) for box in self._boxes.values()):
                    return tag
        return QRectF(middle.x() - width / 2, middle.y() - height / 2, width, height)

    # --- input ---------------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        count = self._model.rowCount()
        steps = {Qt.Key.Key_Right: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Home: -count, Qt.Key.Key_End: count}
        if event.key() in steps and count:
            row = self.current if self.current is not None else 0
            self.set_current(max(0, min(count - 1, row + steps[event.key()])))
            self.chosen.emit(self.current)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current is not None:
            self.activated.emit(self.current)
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        hit = next((row for row, box in self._boxes.items() if box.contains(event.position())), None)
        if hit is not None:
            self.set_current(hit)
            self.chosen.emit(hit)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.current is not None and self.current in self._boxes \
                and self._boxes[self.current].contains(event.position()):
            self.activated.emit(self.current)


class TimelinePage(QWidget):
    """The chart over the list of the same marks; either one chooses, Enter goes to the claim."""

    claimChosen = Signal(int)

    def __init__(self, state: CaseState, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.model = TimelineModel(state, self)
        self.chart = TimelineChart(self.model, state, self)
        self.list = QTableView(self)
        self.list.setObjectName("timeline-list")
        table_style(self.list)
        self.list.setModel(self.model)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("timeline-splitter")
        splitter.addWidget(self.chart)
        splitter.addWidget(self.list)
        splitter.setStretchFactor(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.chart.chosen.connect(self._select_row)
        self.chart.activated.connect(self._activate_row)
        self.list.selectionModel().currentRowChanged.connect(lambda current, _old: self.chart.set_current(
            current.row() if current.isValid() else None))
        self.list.activated.connect(lambda index: self._activate_row(index.row()))
        self.setFocusProxy(self.chart)

    def _select_row(self, row: int) -> None:
        self.list.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _activate_row(self, row: int) -> None:
        mark = self.model.mark(row)
        if mark is not None:
            self.claimChosen.emit(mark.claim_id)

    def show_claim(self, claim_id: int) -> None:
        row = self.model.row_of(claim_id)
        if row is not None:
            self.chart.set_current(row)
            self._select_row(row)
