"""The CSV report read back with the csv module: formulas neutralised, numbers still numbers."""
from __future__ import annotations

import csv
import io
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from report_fixtures import FORMULA_PAYLOADS, MINUS_SUM, RTL, SCRIPT, hostile_report

from fact_review.reports.csv_report import COLUMNS, cell_text, render_csv

NUMBER_COLUMNS = {"claim_id", "value", "low", "high", "rating", "best_rating"}
# What Excel, LibreOffice and Google Sheets treat as the start of a formula (OWASP's list, plus LF).
FORMULA_FIRST = set("=+-@\t\r\n") | set("\uff1d\uff0b\uff0d\uff20")


def _rows() -> list[dict[str, str]]:
    text = render_csv(hostile_report())
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_one_row_per_claim_with_every_column():
    rows = _rows()
    assert [int(row["claim_id"]) for row in rows] == [e.claim_id for e in hostile_report().entries]
    assert all(tuple(row) == COLUMNS for row in rows)


def test_no_text_cell_can_run_as_a_formula():
    for row in _rows():
        for column, cell in row.items():
            if column not in NUMBER_COLUMNS and cell:
                assert cell[0] not in FORMULA_FIRST and cell.lstrip()[:1] not in FORMULA_FIRST, (column, cell)


def test_formula_payloads_stay_readable_behind_an_apostrophe():
    cells = [cell for row in _rows() for cell in row.values()]
    for payload in FORMULA_PAYLOADS:
        assert any(cell.startswith("'" + payload) for cell in cells), payload
    assert any(cell.startswith("'" + MINUS_SUM) for cell in cells)
    assert any(SCRIPT in cell for cell in cells) and any(RTL in cell for cell in cells)


def test_numbers_stay_numbers_negative_ones_too():
    rows = {int(row["claim_id"]): row for row in _rows()}
    assert Decimal(rows[103]["value"]) == Decimal("-2")  # written bare, not neutralised
    assert rows[103]["value"] == "-2"
    assert rows[101]["value"] == "12500000" and rows[104]["low"] == "270"
    assert rows[104]["rating"] == "3" and rows[104]["best_rating"] == "5"
    assert rows[103]["rating"] == ""  # Unverifiable is off the scale
    for row in rows.values():
        for column in NUMBER_COLUMNS:
            if row[column]:
                Decimal(row[column])


@given(st.text())
def test_any_text_becomes_a_harmless_cell_that_keeps_its_text(text):
    cell = cell_text(text)
    assert cell[:1] not in FORMULA_FIRST
    assert cell in (text, "'" + text)


def test_dates_read_in_words_with_the_stored_form_beside_them():
    from dataclasses import replace

    from fact_review.reports.data import Figure

    data = hostile_report()
    weekend = Figure("last weekend", "date", date="2026-W10-WE")
    data = replace(data, entries=(*data.entries[:-1], replace(data.entries[-1], figure=weekend)))
    row = list(csv.DictReader(io.StringIO(render_csv(data), newline="")))[-1]
    assert row["date"] == "the weekend of 7–8 March 2026" == row["figure"]
    assert row["date_iso"] == "2026-W10-WE"
