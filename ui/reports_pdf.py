"""The PDF report: the HTML report (in its Qt variant) laid out by QTextDocument and printed to a QPdfWriter.

Nothing is fetched: the document's ``loadResource`` refuses every resource it is asked for (images,
style sheets) and records the request, so a report can never reach the network or the disk.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QUrl
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from fact_review.reports.data import ReportData
from fact_review.reports.html import render_html
from fact_review.reports.write import atomic_path

_offscreen_app: QGuiApplication | None = None  # made here when the caller has none (command line)


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
    """The running QGuiApplication, or an offscreen one for a process without a window."""
    global _offscreen_app
    app = QGuiApplication.instance()
    if app is None:
        _offscreen_app = app = QGuiApplication(["fact-review", "-platform", "offscreen"])
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("PDF reports need a QGuiApplication; this process runs a QCoreApplication")
    return app


def render_pdf(report_data: ReportData, path: Path | str) -> PdfReport:
    """Write the report as an A4 PDF with page numbers, atomically."""
    ensure_gui_application()
    document = OfflineTextDocument()
    document.setHtml(render_html(report_data, for_qt=True))
    with atomic_path(path) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
        writer.setResolution(300)
        writer.setTitle(report_data.title)
        writer.setCreator("Fact Review")
        # With no page size of its own, the document is paginated for the writer's pages and
        # QTextDocument.print_ numbers them at the foot of each page.
        document.print_(writer)
        del writer  # closes the file before it is renamed into place
    return PdfReport(Path(path), tuple(document.refused))
