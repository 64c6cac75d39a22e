"""The CSV report: one row per claim, for spreadsheets.

Text a spreadsheet could run as a formula (a cell beginning with ``= + - @``, a tab, CR or LF, or their
full-width forms) gets a leading apostrophe; numbers are written as plain numbers and stay numeric.
The file is UTF-8 with a byte-order mark (``ENCODING``): Excel reads a CSV without one in the system's
legacy code page (so "Pérez" turns to mojibake), while LibreOffice and Python's ``utf-8-sig`` take the
mark in their stride. Rows end in CRLF as RFC 4180 says. Dates read as a person writes them ("the weekend
of 7–8 March 2026"); ``date_iso`` keeps the stored ISO 8601 / TIMEX form for sorting and tools.
"""
from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Optional

from fact_review.reports.data import ReportData, ReportEntry
from fact_review.claims.dates.words import date_words
from fact_review.reports.figures import figure_reading
from fact_review.reports.text import decimal_text

ENCODING = "utf-8-sig"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")

COLUMNS = (
    "claim_id", "source", "source_title", "outlet", "source_url", "published",
    "quote", "context", "kind", "value", "unit", "noun", "qualifier", "low", "high", "date", "date_iso", "figure",
    "verdict", "rating", "best_rating", "note", "evidence_url", "reviewer", "verdict_time",
    "in_conflict", "flagged", "matched_sources",
)


def cell_text(text: Optional[str]) -> str:
    """Text for a cell that a spreadsheet shows and never evaluates."""
    if not text:
        return ""
    if text.startswith(FORMULA_STARTS) or text.lstrip().startswith(FORMULA_STARTS):
        return "'" + text
    return text


def cell_number(value: Optional[Decimal | int]) -> str:
    """A number in plain notation (``-2``, ``12.5``), which spreadsheets read as a number."""
    if value is None:
        return ""
    return decimal_text(value) if isinstance(value, Decimal) else str(int(value))


def _row(entry: ReportEntry, data: ReportData) -> list[str]:
    article, figure, verdict = entry.article, entry.figure, entry.verdict
    quote = entry.quote
    texts = [
        article.name, article.title, article.outlet, article.url, article.published,
        quote.text, quote.prefix + quote.text + quote.suffix, figure.kind,
    ]
    return [
        cell_number(entry.claim_id),
        *map(cell_text, texts),
        cell_number(figure.value),
        cell_text(figure.unit),
        cell_text(figure.noun),
        cell_text(figure.qualifier),
        cell_number(figure.low),
        cell_number(figure.high),
        cell_text(date_words(figure.date) if figure.date else None),
        cell_text(figure.date),
        cell_text(figure_reading(figure)),
        cell_text(verdict.label if verdict else None),
        cell_number(verdict.rating if verdict else None),
        cell_number(data.scale.best if verdict and verdict.rating is not None else None),
        cell_text(verdict.note if verdict else None),
        cell_text(verdict.evidence_url if verdict else None),
        cell_text(verdict.reviewer if verdict else None),
        verdict.updated_at.isoformat() if verdict else "",
        "yes" if entry.in_conflict else "no",
        "yes" if entry.flagged else "no",
        cell_text("; ".join(dict.fromkeys(match.article.name for match in entry.matches))),
    ]


def render_csv(data: ReportData) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(_row(entry, data) for entry in data.entries)
    return out.getvalue()
