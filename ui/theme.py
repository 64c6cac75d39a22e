"""The window's look: the system palette (light or dark) under a style sheet that names palette roles, never
fixed colours, so text stays legible on either; the reviewer may also choose light or dark in Settings.

Claim colours are the one fixed set (``ui.palette``): light in both themes, each with its own dark text.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from fact_review.resource_files import resource_path

STYLE_SHEET = resource_path("style.qss")
APPEARANCE_SETTING = "appearance/scheme"
APPEARANCES = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))

_DARK = {
    QPalette.ColorRole.Window: "#2b2d30", QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1f2023", QPalette.ColorRole.AlternateBase: "#292b2e",
    QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#35373b",
    QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Highlight: "#3d6fb6", QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#35373b", QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.PlaceholderText: "#9a9a9a", QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.Mid: "#4a4c50", QPalette.ColorRole.Dark: "#18191b", QPalette.ColorRole.Light: "#505257",
    QPalette.ColorRole.Midlight: "#3f4145", QPalette.ColorRole.Shadow: "#000000",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7d7d7d"))
    return palette


def apply_style(app: QApplication) -> None:
    app.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8"))


def apply_appearance(app: QApplication, scheme: str) -> None:
    """"system" follows the desktop's palette; "light" and "dark" set one whatever the desktop says."""
    hints = QGuiApplication.styleHints()
    if scheme == "dark":
        hints.setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(dark_palette())
    elif scheme == "light":
        hints.setColorScheme(Qt.ColorScheme.Light)
        app.setPalette(app.style().standardPalette())
    else:
        hints.unsetColorScheme()
        app.setPalette(QPalette())  # back to the platform's own palette
    apply_style(app)  # the style sheet reads palette roles: set again so it takes the new colours


def muted(palette: QPalette) -> QColor:
    """A secondary text colour for either theme: a third of the way from the text to its background."""
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    return QColor(*((2 * t + b) // 3 for t, b in ((text.red(), base.red()), (text.green(), base.green()),
                                                   (text.blue(), base.blue()))))
