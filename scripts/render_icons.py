"""Render resources/icons/fact-review.svg into the PNG sizes that desktops and the window use.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_icons.py

Run it after editing the SVG; the PNGs are committed so that installing needs no renderer.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fact_review.desktop.identity import ICON_SIZES, icon_png_name, ICON_SVG_NAME  # noqa: E402

ICONS = ROOT / "resources" / "icons"


def render(svg: Path, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def main() -> None:
    QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    svg = ICONS / ICON_SVG_NAME
    for size in ICON_SIZES:
        out = ICONS / icon_png_name(size)
        if not render(svg, size).save(str(out), "PNG"):
            raise SystemExit(f"render_icons: could not write {out}")
        print(out.relative_to(ROOT))


if __name__ == "__main__":
    main()
