"""The JSON report: everything in the report, under the field names of ``fact_review.reports.data``.

Decimals are JSON numbers, times ISO 8601 strings; each figure also carries its ``reading`` in words. ``FORMAT_VERSION`` changes when a field is renamed
or removed (adding one does not).
"""
from __future__ import annotations

import io
from dataclasses import fields, is_dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, TextIO

from fact_review.json_stream import LazyList, write_json as write_document
from fact_review.model import json_number
from fact_review.reports.data import Discrepancy, Figure, ReportData
from fact_review.reports.figures import figure_reading
from fact_review.reports.methodology import methodology

FORMAT = "fact-review-report"
FORMAT_VERSION = 1


def plain(value: Any) -> Any:
    """Report data as JSON-ready dicts, lists, numbers and strings."""
    if is_dataclass(value):
        out = {field.name: plain(getattr(value, field.name)) for field in fields(value)}
        if isinstance(value, Discrepancy):
            out["resolved"] = value.resolved
        if isinstance(value, Figure):  # beside the stored values (a date's ISO/TIMEX form), how it reads
            out["reading"] = figure_reading(value)
        return out
    if isinstance(value, Decimal):
        return json_number(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    return value


def _document(data: ReportData) -> dict[str, Any]:
    top = {field.name: getattr(data, field.name) for field in fields(data)}
    top = {name: LazyList(value, plain) if isinstance(value, (tuple, list)) else plain(value)
           for name, value in top.items()}
    return {"format": FORMAT, "version": FORMAT_VERSION, **top, "methodology": methodology(data)}


def write_json(data: ReportData, out: TextIO) -> None:
    """The JSON report written to ``out`` piece by piece: its memory grows with the case, not with the
    size of the finished text."""
    write_document(_document(data), out)


def render_json(data: ReportData) -> str:
    out = io.StringIO()
    write_json(data, out)
    return out.getvalue()
