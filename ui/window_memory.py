"""The window's size, place and pane layout, kept in the settings between sessions.

A first start sizes the window to the screen it opens on (at most 1500x920, never larger than the
screen's free area), so it fits a 1366x768 laptop as well as a large monitor.
"""
from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtWidgets import QMainWindow, QSplitter

GEOMETRY = "window/geometry"
SPLITTER = "window/splitter/{}"
PREFERRED = QSize(1500, 920)


def first_size(window: QMainWindow) -> QSize:
    """The size for a first start: the preferred one, cut to 96% of the screen's free area."""
    screen = window.screen() or window.windowHandle() and window.windowHandle().screen()
    if screen is None:
        return PREFERRED
    available = screen.availableGeometry().size()
    frame = window.frameGeometry().size() - window.geometry().size()  # title bar and borders
    return PREFERRED.boundedTo(QSize(int(available.width() * 0.96) - frame.width(),
                                     int(available.height() * 0.96) - frame.height()))


Layout = Sequence[tuple[QSplitter, Sequence[float]]]  # each splitter, with its panes' shares of the width


def restore(window: QMainWindow, splitters: Layout, settings: QSettings) -> Layout:
    """The saved geometry and splitter layouts; on a first start, the first size. Returns the splitters
    with no saved layout: ``share_out`` them once the window has its final width (when it is shown)."""
    geometry = settings.value(GEOMETRY)
    if not (isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)):
        window.resize(first_size(window))
    pending = []
    for splitter, shares in splitters:
        state = settings.value(SPLITTER.format(splitter.objectName()))
        if not (isinstance(state, QByteArray) and splitter.restoreState(state)):
            pending.append((splitter, shares))
    return pending


def share_out(window: QMainWindow, splitters: Layout) -> None:
    for splitter, shares in splitters:
        splitter.setSizes([int(window.width() * share) for share in shares])


def save(window: QMainWindow, splitters: Layout, settings: QSettings) -> None:
    settings.setValue(GEOMETRY, window.saveGeometry())
    for splitter, _shares in splitters:
        settings.setValue(SPLITTER.format(splitter.objectName()), splitter.saveState())
