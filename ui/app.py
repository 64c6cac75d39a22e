"""Start the desktop app."""
from __future__ import annotations

import sys
from typing import Sequence


def run(argv: Sequence[str]) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    label = QLabel("Fact Review")
    label.show()
    return app.exec()
