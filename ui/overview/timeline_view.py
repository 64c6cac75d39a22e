"""The timeline page: a chart with a lane per source and a mark per dated statement, over the list of
those marks. Two marks that cannot both hold are drawn red and joined by a red line.

A mark spans the days its statement allows; an end left open ("no later than April 2024", "after 6+ months
of occupation") runs to the edge of the axis with an arrow. The axis spans the story's days
(``fact_review.overview.timeline``); a date far outside it ("built in 1871") sits in a margin before or
after the axis, beyond a break in the axis line, labelled with its own date: never on a day it does not
name. Left and Right step through the marks in date order (the list follows), Enter goes to the claim in
its pane.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from PySide6.QtCore import QItemSelectionModel, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QHeaderView, QSplitter, QTableView, QToolTip, QVBoxLayout, QWidget

from fact_review.claims.dates.words import MONTHS
from fact_review.overview.timeline import AFTER, BEFORE, ON, TimelineMark
from ui import palette
from ui.case_state import CaseState
from ui.overview.timeline_model import TimelineModel
from ui.table_model import table_style

LANE_HEIGHT = 34
AXIS_HEIGHT = 26
CONFLICT = QColor("#c62828")
OPEN_LEFT, OPEN_RIGHT = "◀ ", " ▶"  # an end the statement leaves open, or that lies beyond the axis


@dataclass(frozen=True)
class Zones:
    """Where things go across the chart: lane names, the margin before the axis, the axis, the margin after."""

    names: float  # the right edge of the lane names
    axis_left: float
    axis_right: float
    right: float  # the right edge of the margin after the axis

    def x_of(self, day: date, first: date, last: date, *, end: bool = False) -> float:
        """Where ``day`` begins on the axis (where it ends, with ``end``)."""
        days = max((last - first).days + 1, 1)
        share = min(max((day - first).days + end, 0), days) / days
        return self.axis_left + (self.axis_right - self.axis_left) * share


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
        self.zones = Zones(0, 0, 0, 0)
        model.modelReset.connect(self._reset)
        model.dataChanged.connect(lambda *_: self.update())
        self._reset()

    def _reset(self) -> None:
        self.current = 0 if self._model.rowCount() else None
        lanes = max(1, len(self._model.timeline.article_ids))
        self.setMinimumHeight(AXIS_HEIGHT + lanes * LANE_HEIGHT + 12)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(480, self.minimumHeight())  # as tall as its lanes: the list below takes the rest

    def set_current(self, row: Optional[int]) -> None:
        if row != self.current:
            self.current = row
            self.update()

    def axis(self) -> tuple[date, date]:
        """The first and last day the axis shows (both drawn)."""
        return self._model.timeline.first, self._model.timeline.last

    def box(self, row: int) -> Optional[QRectF]:
        """Where the mark of ``row`` was drawn last."""
        return self._boxes.get(row)

    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        names = [self._state.article_name(a) for a in self._model.timeline.article_ids]
        return min(max((metrics.horizontalAdvance(n) for n in names), default=60) + 16, max(120, self.width() // 4))

    def _off_label(self, mark: TimelineMark, place: str) -> str:
        """A mark beyond the axis, by its own date: "◀ 1871", "April 2024 ▶"."""
        words = self._model.when(mark).removeprefix("no later than ").removeprefix("no earlier than ")
        if mark.bounded and (mark.latest - mark.earliest).days >= 360:
            words = str(mark.earliest.year) if mark.earliest.year == mark.latest.year else words
        return OPEN_LEFT + words if place == BEFORE else words + OPEN_RIGHT

    def _zones(self, metrics: QFontMetrics) -> Zones:
        timeline = self._model.timeline
        names, right = self._label_width(), self.width() - 8
        widths = {BEFORE: 0.0, AFTER: 0.0}
        for mark in timeline.marks:
            place = timeline.place(mark)
            if place != ON:
                widths[place] = max(widths[place], metrics.horizontalAdvance(self._off_label(mark, place)) + 22)
        cap = max((right - names) / 5, 60)
        before, after = (min(widths[p], cap) for p in (BEFORE, AFTER))
        return Zones(names, names + before, right - after, right)

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
        metrics = QFontMetrics(self.font())
        self.zones = zones = self._zones(metrics)
        first, last = self.axis()
        placed, lane_tops = self._layout(first, last, zones, metrics)
        self._paint_margins(painter, zones, lane_tops[-1], colours)
        self._paint_axis(painter, first, last, zones, text)
        for lane, article_id in enumerate(timeline.article_ids):
            top, bottom = lane_tops[lane], lane_tops[lane + 1]
            painter.setPen(text)
            name = metrics.elidedText(self._state.article_name(article_id), Qt.TextElideMode.ElideRight,
                                      int(zones.names) - 12)
            painter.drawText(QRectF(4, top, zones.names - 8, LANE_HEIGHT), Qt.AlignmentFlag.AlignVCenter, name)
            painter.setPen(QPen(colours.color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(zones.names, bottom - 1), QPointF(zones.right, bottom - 1))
        self._boxes = {row: box for row, (box, *_rest) in placed.items()}
        self._paint_conflict_lines(painter)
        for row, (box, label, conflict, status) in placed.items():
            painter.setPen(QPen(CONFLICT if conflict else colours.color(QPalette.ColorRole.Mid), 2.5 if conflict else 1))
            fill = palette.background(status)
            painter.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(palette.foreground(status) or text)
            painter.drawText(box.adjusted(4, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter, label)
        self._paint_conflict_tags(painter, metrics)
        if self.current is not None and self.current in self._boxes:
            highlight = colours.color(QPalette.ColorRole.Highlight)
            painter.setPen(QPen(highlight, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self._boxes[self.current].adjusted(-3, -3, 3, 3), 4, 4)

    def _layout(self, first: date, last: date, zones: Zones, metrics: QFontMetrics):
        """Each mark's box, wide enough for its words, on the first free line of its source's lane (marks
        of one lane never overlap); and the top of each lane (one more entry: the bottom of the last)."""
        timeline = self._model.timeline
        lines: dict[int, list[list[tuple[float, float]]]] = {a: [] for a in timeline.article_ids}
        found = {}
        for row, mark in enumerate(timeline.marks):
            claim = self._state.claims.get(mark.claim_id)
            if claim is None:
                continue
            place = timeline.place(mark)
            if place == ON:
                label = self._model.words(mark)
                open_left = mark.earliest is None or mark.earliest < first
                open_right = mark.latest is None or mark.latest > last
                label = (OPEN_LEFT if open_left else "") + label + (OPEN_RIGHT if open_right else "")
                x0 = zones.axis_left if open_left else zones.x_of(mark.earliest, first, last)
                x1 = zones.axis_right if open_right else zones.x_of(mark.latest, first, last, end=True)
                width = metrics.horizontalAdvance(label) + 10
                if x1 - x0 < width:  # a short mark grows to hold its words, rightwards while there is room
                    x1 = min(x0 + width, zones.axis_right)
                    x0 = max(zones.axis_left, min(x0, x1 - width))
            else:  # beyond the axis: in its margin, by its own date
                label = self._off_label(mark, place)
                x0, x1 = (zones.names + 4, zones.axis_left - 8) if place == BEFORE else (
                    zones.axis_right + 8, zones.right - 2)
            taken = lines[mark.article_id]
            line = next((i for i, spans in enumerate(taken) if all(x1 + 4 <= a or x0 >= b + 4 for a, b in spans)),
                        len(taken))
            if line == len(taken):
                taken.append([])
            taken[line].append((x0, x1))
            found[row] = (mark.article_id, line, x0, x1,
                          metrics.elidedText(label, Qt.TextElideMode.ElideRight, max(int(x1 - x0) - 6, 0)),
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

    def _paint_margins(self, painter: QPainter, zones: Zones, bottom: float, colours: QPalette) -> None:
        """The margins before and after the axis, shaded, each under a word that says what lies there."""
        shade = colours.color(QPalette.ColorRole.AlternateBase)
        painter.setPen(colours.color(QPalette.ColorRole.PlaceholderText))
        for left, right, words in ((zones.names, zones.axis_left - 4, "earlier"),
                                   (zones.axis_right + 4, zones.right, "later")):
            if right - left < 20:
                continue
            painter.fillRect(QRectF(left, 2, right - left, bottom - 2), shade)
            painter.drawText(QRectF(left, 2, right - left, AXIS_HEIGHT - 6), Qt.AlignmentFlag.AlignCenter, words)

    def _paint_axis(self, painter: QPainter, first: date, last: date, zones: Zones, text: QColor) -> None:
        y = AXIS_HEIGHT - 4
        painter.setPen(text)
        painter.drawLine(QPointF(zones.axis_left, y), QPointF(zones.axis_right, y))
        for x, sign in ((zones.axis_left, -1), (zones.axis_right, 1)):
            if (sign < 0 and zones.axis_left > zones.names) or (sign > 0 and zones.axis_right < zones.right):
                for offset in (0, 4):  # a break in the axis: the margin's dates are not to scale
                    painter.drawLine(QPointF(x + sign * (2 + offset) - 3, y + 5), QPointF(x + sign * (2 + offset) + 3, y - 5))
        previous_end = -1.0
        for day, label in _ticks(first, last):
            x = zones.x_of(day, first, last)
            painter.drawLine(QPointF(x, y - 4), QPointF(x, y))
            width = painter.fontMetrics().horizontalAdvance(label)
            left = min(max(x - width / 2, zones.axis_left), zones.axis_right - width)
            if left > previous_end + 6:
                painter.drawText(QPointF(left, AXIS_HEIGHT - 11), label)
                previous_end = left + width

    def _conflict_boxes(self) -> list[list[QRectF]]:
        """The two boxes of each pair of marks that cannot both hold."""
        rows = {mark.claim_id: row for row, mark in enumerate(self._model.timeline.marks)}
        pairs = ([self._boxes.get(rows.get(c)) for c in pair] for pair in self._model.timeline.conflicts)
        return [boxes for boxes in pairs if None not in boxes]

    def _paint_conflict_lines(self, painter: QPainter) -> None:
        """Under the marks, so their words stay legible."""
        painter.setPen(QPen(CONFLICT, 2, Qt.PenStyle.DashLine))
        for one, two in self._conflict_boxes():
            painter.drawLine(one.center(), two.center())

    def _paint_conflict_tags(self, painter: QPainter, metrics: QFontMetrics) -> None:
        words = "cannot both hold"
        for boxes in self._conflict_boxes():
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
    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            hit = next((row for row, box in self._boxes.items() if box.contains(event.position())), None)
            mark = self._model.mark(hit) if hit is not None else None
            if mark is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPosition().toPoint(), f"{self._model.words(mark)}: {self._model.when(mark)}"
                                  f" ({self._state.article_name(mark.article_id)})", self)
            return True
        return super().event(event)

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
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # fixed shares: a long name is elided
        header.setStretchLastSection(True)
        em = self.list.fontMetrics().horizontalAdvance("M")
        for column, width in enumerate((15 * em, 12 * em, 14 * em)):
            header.resizeSection(column, width)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("timeline-splitter")
        splitter.addWidget(self.chart)
        splitter.addWidget(self.list)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
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


def _ticks(first: date, last: date) -> list[tuple[date, str]]:
    """Where the axis gets a tick and its words: days, weeks, months or years, as the span asks."""
    days = (last - first).days
    if days <= 120:
        step = 1 if days <= 21 else 7
        return [(first + timedelta(days=n), f"{(first + timedelta(days=n)).day} "
                 f"{MONTHS[(first + timedelta(days=n)).month - 1][:3]}") for n in range(0, days + 1, step)]
    if days <= 3 * 365:
        ticks, month = [], date(first.year, first.month, 1)
        while month <= last:
            if month >= first:
                name = MONTHS[month.month - 1][:3]
                ticks.append((month, f"{name} {month.year}" if month.month == 1 or not ticks else name))
            month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
        return ticks
    step = max(1, (last.year - first.year) // 12)
    return [(date(year, 1, 1), str(year)) for year in range(first.year + 1, last.year + 1, step)]
