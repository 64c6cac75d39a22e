"""The PDF report: the HTML report (in its Qt variant) laid out by QTextDocument and printed to a QPdfWriter.

Nothing is fetched: the document's ``loadResource`` refuses every resource it is asked for (images,
style sheets) and records the request, so a report can never reach the network or the disk.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextBlockFormat,
                           QTextCursor, QTextDocument)
from PySide6.QtWidgets import QApplication

from fact_review.reports.data import ReportData
from fact_review.reports.html import render_html_parts
from fact_review.reports.html_parts import PART_CHARS
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


def render_pdf(report_data: ReportData, path: Path | str, part_chars: int = PART_CHARS) -> PdfReport:
    """Write the report as an A4 PDF with page numbers, atomically.

    The report is laid out part by part (``render_html_parts``), each part going on where the one before
    ended on its page: Qt's document of a whole long report would take about 60 bytes per character.
    """
    ensure_gui_application()
    refused: list[str] = []
    with atomic_path(path) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
        writer.setResolution(300)
        writer.setTitle(report_data.title)
        writer.setCreator("Fact Review")
        pages = _Pages(writer)
        try:
            for part in render_html_parts(report_data, part_chars):
                document = OfflineTextDocument()
                document.setDefaultFont(QFont(FONT_FAMILY, FONT_POINTS))
                document.setHtml(part.html(_SPACER if pages.used else ""))
                pages.draw(document)
                refused += document.refused
        finally:
            pages.end()
        del writer  # closes the file before it is renamed into place
    return PdfReport(Path(path), tuple(refused))


class _Pages:
    """The writer's pages, each with its number at the foot, filled by one document after another.

    QTextDocument.print_ would draw one document, and first clone it, a third of the time for a long
    report. A document that goes on where the previous one stopped starts with an empty paragraph as
    tall as the part of the page already used (``_SPACER``, ``draw``).
    """

    def __init__(self, writer: QPdfWriter) -> None:
        self.writer = writer
        area = writer.pageLayout().paintRectPixels(writer.resolution())
        self.footer = FOOTER_MM / 25.4 * writer.resolution()
        self.page = QSizeF(area.width(), area.height() - self.footer)
        self.painter = QPainter(writer)
        self.painter.setFont(QFont(FONT_FAMILY, FONT_POINTS - 1))
        self.number = 0  # pages begun
        self.used = 0.0  # height of the last page already drawn on

    def draw(self, document: QTextDocument) -> None:
        document.documentLayout().setPaintDevice(self.writer)
        document.setPageSize(self.page)
        if self.used:
            self._hold_place(document)
        height = self.page.height()
        for index in range(document.pageCount()):
            if index or not self.used:
                self._new_page()
            top = index * height
            self.painter.save()
            self.painter.translate(0, -top)
            document.drawContents(self.painter, QRectF(0, top, self.page.width(), height))
            self.painter.restore()
        last_page = document.documentLayout().documentSize().height() - (document.pageCount() - 1) * height
        self.used = last_page if last_page < height * 0.95 else 0.0

    def _hold_place(self, document: QTextDocument) -> None:
        """Make the document's first paragraph (``_SPACER``) as tall as the page's used part; format
        lengths are in pixels of 96 dpi, scaled to the writer's."""
        spacer = document.firstBlock()
        style = QTextBlockFormat(spacer.blockFormat())
        style.setTopMargin(0)
        style.setBottomMargin(0)
        scale = self.writer.logicalDpiY() / 96
        height = self.used / scale - document.documentMargin()  # the margin stands above the spacer
        style.setLineHeight(max(height, 1), QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        QTextCursor(spacer).setBlockFormat(style)

    def _new_page(self) -> None:
        if self.number:
            self._number_page()
            self.writer.newPage()
        self.number += 1

    def _number_page(self) -> None:
        """The page's number at its foot, drawn after its text (a PDF reader's text comes in drawing order)."""
        self.painter.drawText(QRectF(0, self.page.height(), self.page.width(), self.footer),
                              Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, str(self.number))

    def end(self) -> None:
        if not self.number:
            self.number = 1
        self._number_page()
        self.painter.end()


_SPACER = "<p>&nbsp;</p>"
