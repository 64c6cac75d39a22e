"""The PDF report: the HTML report (in its Qt variant) laid out by QTextDocument and printed to a QPdfWriter.

Nothing is fetched: the document's ``loadResource`` refuses every resource it is asked for (images,
style sheets) and records the request, so a report can never reach the network or the disk.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from fact_review.reports.data import ReportData
from fact_review.reports.html import render_html
from fact_review.reports.write import atomic_path

_offscreen_app: QGuiApplication | None = None  # made here when the caller has none (command line)
MARGIN_MM = 15
FOOTER_MM = 8  # room for the page number under the text
FONT_FAMILY, FONT_POINTS = "DejaVu Sans", 9  # installed with Qt's system libraries (scripts/setup.sh)


@dataclass(frozen=True)
class PdfReport:
    path: Path
    refused_resources: tuple[str, ...]  # every resource the document asked for; none was loaded


class OfflineTextDocument(QTextDocument):
    """A QTextDocument that loads no resource at all, and remembers which ones it was asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.refused: list[str] = []

    def loadResource(self, kind: int, name: QUrl) -> None:  # noqa: N802 - Qt's name
        self.refused.append(name.toString())
        return None


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or an offscreen one for a process without a window: a QApplication,
    so that widgets can still be made after the report in the same process (a bare QGuiApplication
    would forbid them for the life of the process)."""
    global _offscreen_app
    app = QGuiApplication.instance()
    if app is None:
        _offscreen_app = app = QApplication(["fact-review", "-platform", "offscreen"])
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("PDF reports need a QGuiApplication; this process runs a QCoreApplication")
    return app


def render_pdf(report_data: ReportData, path: Path | str) -> PdfReport:
    """Write the report as an A4 PDF with page numbers, atomically."""
    ensure_gui_application()
    document = OfflineTextDocument()
    document.setDefaultFont(QFont(FONT_FAMILY, FONT_POINTS))
    document.setHtml(render_html(report_data, for_qt=True))
    with atomic_path(path) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
        writer.setResolution(300)
        writer.setTitle(report_data.title)
        writer.setCreator("Fact Review")
        _print_numbered(document, writer)
        del writer  # closes the file before it is renamed into place
    return PdfReport(Path(path), tuple(document.refused))


def _print_numbered(document: QTextDocument, writer: QPdfWriter) -> None:
    """Lay the document out on the writer's pages and draw them with a page number at the foot.

    QTextDocument.print_ would do the same but first clones the whole document, a third of the time
    for a long report.
    """
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    footer = FOOTER_MM / 25.4 * writer.resolution()
    page = QSizeF(area.width(), area.height() - footer)
    document.documentLayout().setPaintDevice(writer)
    document.setPageSize(page)
    painter = QPainter(writer)
    try:
        painter.setFont(QFont(FONT_FAMILY, FONT_POINTS - 1))
        for number in range(document.pageCount()):
            if number:
                writer.newPage()
            top = number * page.height()
            painter.save()
            painter.translate(0, -top)
            document.drawContents(painter, QRectF(0, top, page.width(), page.height()))
            painter.restore()
            painter.drawText(QRectF(0, page.height(), page.width(), footer),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, str(number + 1))
    finally:
        painter.end()
