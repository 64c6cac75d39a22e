"""The report formats, their file extensions, and the text renderers behind them (PDF is drawn by Qt in ui/)."""
from __future__ import annotations

from typing import Callable

from fact_review.reports import csv_report
from fact_review.reports.claimreview import render_claimreview
from fact_review.reports.csv_report import render_csv
from fact_review.reports.data import ReportData
from fact_review.reports.html import render_html
from fact_review.reports.json_report import render_json
from fact_review.reports.markdown import render_markdown

FORMATS: tuple[str, ...] = ("html", "pdf", "md", "csv", "json", "claimreview")
EXTENSIONS: dict[str, str] = {
    "html": ".html", "pdf": ".pdf", "md": ".md", "csv": ".csv", "json": ".json", "claimreview": ".jsonld",
}
TEXT_RENDERERS: dict[str, Callable[[ReportData], str]] = {
    "html": render_html,
    "md": render_markdown,
    "csv": render_csv,
    "json": render_json,
    "claimreview": render_claimreview,
}
ENCODINGS: dict[str, str] = {"csv": csv_report.ENCODING}  # the others: UTF-8 without a byte-order mark
WANTS_HISTORY: frozenset[str] = frozenset({"json"})  # the JSON report holds everything, history too


def render_bytes(data: ReportData, fmt: str) -> bytes:
    """The report in a text format, encoded as its file is written."""
    return TEXT_RENDERERS[fmt](data).encode(ENCODINGS.get(fmt, "utf-8"))
