"""Take docs/screenshot.png: the window on the demo case, mid-review, driven by keys as a reviewer would.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot.py [OUT.png]

(or under Xvfb: `xvfb-run -s '-screen 0 1600x1000x24' .venv/bin/python scripts/screenshot.py`).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ui.app import open_database  # noqa: E402
from ui.theme import apply_style  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


def main(out: Path) -> None:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    apply_style(app)
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        service, case = open_database(Path(folder) / "demo.db", None)
        try:
            window = MainWindow(service, case, settings=settings)
            window.resize(1366, 740)
            window.show()
            QTest.qWaitForWindowExposed(window)
            for key in (Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4):  # a few verdicts: saved, and on to the next
                QTest.keyClick(window.focusWidget() or window, key)
            QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
            app.processEvents()
            window.grab().save(str(out))
            window.close()
        finally:
            service.close()
    print(out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshot.png")
