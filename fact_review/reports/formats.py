"""The report formats, their file extensions, and the text renderers behind them (PDF is drawn by Qt in ui/)."""
from __future__ import annotations

import io
from typing import BinaryIO, Callable, TextIO

from fact_review.reports import csv_report
from fact_review.reports.claimreview import render_claimreview
from fact_review.reports.csv_report import render_csv
from fact_review.reports.data import ReportData
from fact_review.reports.html import render_html, write_html
from fact_review.reports.json_report import render_json, write_json
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
# Formats written piece by piece, so that a large case's report is never held whole as text.
STREAM_WRITERS: dict[str, Callable[[ReportData, TextIO], None]] = {"json": write_json, "html": write_html}
WANTS_HISTORY: frozenset[str] = frozenset({"json"})  # the JSON report holds everything, history too


def render_bytes(data: ReportData, fmt: str) -> bytes:
    """The report in a text format, encoded as its file is written."""
    return TEXT_RENDERERS[fmt](data).encode(ENCODINGS.get(fmt, "utf-8"))


def write_text_report(data: ReportData, fmt: str, out: BinaryIO) -> None:
    """The report in a text format written to ``out``, encoded as its file is written."""
    if fmt not in STREAM_WRITERS:
        out.write(render_bytes(data, fmt))
        return
    text = io.TextIOWrapper(out, encoding=ENCODINGS.get(fmt, "utf-8"), newline="", write_through=False)
    try:
        STREAM_WRITERS[fmt](data, text)
        text.flush()
    finally:
        text.detach()  # ``out`` stays open: it belongs to the caller
