"""Take the README's screenshots: the review window, the figure table (two facts rated) and the timeline on
the demo case, in the light and the dark appearance, driven by keys as a reviewer would.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot.py [--size 1366x768] [--out docs]
    xvfb-run -s '-screen 0 1920x1080x24' .venv/bin/python scripts/screenshot.py --size 1920x1080 --out /tmp/big

Writes window-light.png, window-dark.png, figures-light.png, figures-dark.png, timeline-light.png and
timeline-dark.png into the output folder and prints their paths.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ui.app import open_database  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.theme import apply_appearance  # noqa: E402

Key = Qt.Key
Ctrl = Qt.KeyboardModifier.ControlModifier
Alt = Qt.KeyboardModifier.AltModifier


def press(window: MainWindow, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(QApplication.focusWidget() or window, key, modifier)
    QApplication.processEvents()


def review_a_little(window: MainWindow) -> None:
    """A few verdicts (each saved and on to the next), a flag, then the first discrepancy and its match."""
    for key in (Key.Key_2, Key.Key_3, Key.Key_4):
        press(window, key)
    press(window, Key.Key_F)
    press(window, Key.Key_Down, Alt)
    press(window, Key.Key_BracketRight)


def rate_two_facts(window: MainWindow) -> None:
    """In the figure table, the first fact rated Mostly false and the next True (each key goes on)."""
    window.center.figures.go_to_row(0)
    for key in (Key.Key_2, Key.Key_5):
        press(window, key)


def shoot(window: MainWindow, out: Path) -> Path:
    QApplication.processEvents()
    QTest.qWait(50)  # the inspector refreshes on the next turn of the event loop
    window.grab().save(str(out))
    return out


def main(size: QSize, folder: Path) -> list[Path]:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setStyle("Fusion")  # the same look on every machine the screenshots are retaken on
    folder.mkdir(parents=True, exist_ok=True)
    taken = []
    for appearance in ("light", "dark"):
        apply_appearance(app, appearance)
        with tempfile.TemporaryDirectory() as scratch:
            settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
            settings.setValue("reviewer/name", "Ana Reviewer")
            service, case = open_database(Path(scratch) / "demo.db", None)
            try:
                window = MainWindow(service, case, settings=settings)
                window.resize(size)
                window.show()
                QTest.qWaitForWindowExposed(window)
                window.activateWindow()  # window shortcuts fire in the active window only
                QTest.qWaitForWindowActive(window, 5000)
                review_a_little(window)
                taken.append(shoot(window, folder / f"window-{appearance}.png"))
                press(window, Key.Key_2, Ctrl)
                rate_two_facts(window)
                taken.append(shoot(window, folder / f"figures-{appearance}.png"))
                press(window, Key.Key_3, Ctrl)
                for _ in range(3):
                    press(window, Key.Key_Right)
                taken.append(shoot(window, folder / f"timeline-{appearance}.png"))
                window.close()
            finally:
                service.close()
    return taken


def _size(text: str) -> QSize:
    width, _, height = text.partition("x")
    return QSize(int(width), int(height))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=_size, default=QSize(1366, 740), help="window size, e.g. 1366x768")
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for the PNG files")
    arguments = parser.parse_args()
    for path in main(arguments.size, arguments.out):
        print(path)
