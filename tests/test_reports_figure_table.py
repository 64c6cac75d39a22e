"""The figure table in the reports: who says what, a row per fact and a column per source."""
from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from fact_review.reports.export import report_bytes
from fact_review.store import open_service
from ui.demo import import_demo_case


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    service = open_service(tmp_path_factory.mktemp("figures") / "demo.db")
    case = import_demo_case(service)
    yield service, case
    service.close()


class _Cells(HTMLParser):
    """The cells of the figures table: (text, class) per cell, a list per row."""

    def __init__(self) -> None:
        super().__init__()
        self.rows, self._in_table, self._cell = [], False, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("class") == "figures":
            self._in_table = True
        elif self._in_table and tag == "tr":
            self.rows.append([])
        elif self._in_table and tag in ("td", "th"):
            self._cell = ["", attrs.get("class") or ""]

    def handle_data(self, data):
        if self._cell is not None:
            self._cell[0] += data

    def handle_endtag(self, tag):
        if tag == "table":
            self._in_table = False
        elif tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append((self._cell[0].strip(), self._cell[1].strip()))
            self._cell = None


def test_the_html_report_has_the_figure_table_with_conflicts_marked(demo):
    service, case = demo
    parser = _Cells()
    parser.feed(report_bytes(service, case.name, "html").decode())
    header, *rows = parser.rows
    assert [text for text, _ in header][2:] == ["The Harwick Courier (source 1)", "Northern Wire (source 2)",
                                                "Valley Radio News (source 3)"]
    residents = next(row for row in rows if row[0][0] == "residents moved out")
    assert residents[1][0] == "conflict"
    assert residents[2:] == [("About 1,200 residents", "conflict"), ("1,400 residents", "conflict"),
                             ("About 1,250 residents", "")]
    treated = next(row for row in rows if row[0][0] == "people treated")  # a sum beside its total
    assert treated[1][0] == "conflict" and treated[2] == ("46 people / 31 + 12", "conflict")
    dates = next(row for row in rows if row[0][0] == "date residents were moved out")
    assert [text for text, _ in dates[2:]] == ["Tuesday, March 3", "Monday, March 2", ""]


def test_the_markdown_report_renders_the_figure_table(demo):
    service, case = demo
    text = report_bytes(service, case.name, "md").decode()
    html = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(text)
    assert "<h2>Figures by source</h2>" in html
    assert "About 1,200 residents ≠" in html and "About 1,250 residents</td>" in html


def test_the_json_report_carries_the_figure_table(demo):
    service, case = demo
    report = json.loads(report_bytes(service, case.name, "json"))
    money = next(row for row in report["figures"] if row["label"] == "cost of repairs")
    assert [cell["text"] for cell in money["cells"]] == ["£4.5 million", "£5.4 million", "£4.5 million"]
    # the Courier's £4.5 million and the Wire's £5.4 million are one statement with other figures: a conflict too
    assert [cell["conflict"] for cell in money["cells"]] == [True, True, True]
