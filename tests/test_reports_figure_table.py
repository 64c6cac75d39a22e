"""The figure table in the reports: who says what, a row per fact and a column per source, with each
fact's verdict (HTML, PDF and Markdown parsed from the real output)."""
from __future__ import annotations

import json
import unicodedata
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from fact_review.reports.data import load_report_data
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
    assert [text for text, _ in header] == ["Fact", "Status", "Verdict", "The Harwick Courier (source 1)",
                                            "Northern Wire (source 2)", "Valley Radio News (source 3)"]
    residents = next(row for row in rows if row[0][0] == "residents moved out")
    assert residents[1][0] == "conflict" and residents[2] == ("", "verdict")  # not rated
    assert residents[3:] == [("About 1,200 residents", "conflict"), ("1,400 residents", "conflict"),
                             ("About 1,250 residents", "")]
    treated = next(row for row in rows if row[0][0] == "people treated")  # a sum beside its total
    assert treated[1][0] == "conflict" and treated[3] == ("46 people / 31 + 12", "conflict")
    dates = next(row for row in rows if row[0][0] == "date residents were moved out")
    assert [text for text, _ in dates[3:]] == ["Tuesday, March 3", "Monday, March 2", ""]


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


@pytest.fixture(scope="module")
def rated(tmp_path_factory):
    """The demo case with verdicts on three of its facts: one reviewer's with a note, two reviewers who
    differ (nothing published yet), and an editor's final verdict over two reviewers."""
    service = open_service(tmp_path_factory.mktemp("rated") / "demo.db")
    case = import_demo_case(service)
    key = {fact.label: fact.key for fact in service.facts(case.id)}
    service.set_fact_verdict(case.id, key["residents moved out"], "Mostly false",
                             note="the council's list counts 1,212 | not 1,400", reviewer="ana")
    for reviewer, label in (("ana", "True"), ("ben", "False")):
        service.set_fact_verdict(case.id, key["cost of repairs"], label, reviewer=reviewer)
        service.set_fact_verdict(case.id, key["people treated"], label, reviewer=reviewer)
    service.set_fact_verdict(case.id, key["people treated"], "Half true", note="31 + 12 is 43, not 46",
                             reviewer="cleo", final=True)
    yield service, case
    service.close()


def _row(rows, label):
    return next(row for row in rows if row[0][0] == label)


def test_the_html_report_shows_each_facts_verdict_in_the_figure_table(rated):
    service, case = rated
    parser = _Cells()
    parser.feed(report_bytes(service, case.name, "html").decode())
    _header, *rows = parser.rows
    text, kind = _row(rows, "residents moved out")[2]
    assert kind == "verdict" and " ".join(text.split()) == "Mostly false the council's list counts 1,212 | not 1,400"
    assert " ".join(_row(rows, "people treated")[2][0].split()) == "Half true 31 + 12 is 43, not 46"
    assert " ".join(_row(rows, "cost of repairs")[2][0].split()) == "awaiting a final verdict"
    assert _row(rows, "claims received")[2][0] == ""


def test_the_markdown_report_shows_each_facts_verdict_in_the_figure_table(rated):
    service, case = rated
    markdown = report_bytes(service, case.name, "md").decode()
    section = markdown[markdown.index("## Figures by source"):]
    section = section[:section.index("\n## ")]
    html = MarkdownIt("commonmark").enable("table").render(section)
    parser = _Cells()
    parser.feed(html.replace("<table>", '<table class="figures">'))
    header, *rows = parser.rows
    assert [text for text, _ in header][:3] == ["Fact", "Status", "Verdict"]
    assert _row(rows, "residents moved out")[2][0] == "Mostly false — the council's list counts 1,212 | not 1,400"
    assert _row(rows, "people treated")[2][0] == "Half true — 31 + 12 is 43, not 46"
    assert _row(rows, "cost of repairs")[2][0] == "awaiting a final verdict"
    assert len(_row(rows, "residents moved out")) == len(header)  # the note's "|" ended no cell


def test_the_pdf_report_shows_each_facts_verdict_in_the_figure_table(rated, qapp, tmp_path):
    from ui.reports_pdf import render_pdf

    service, case = rated
    result = render_pdf(load_report_data(service, case.name), tmp_path / "report.pdf")
    text = "".join(page.extract_text() for page in PdfReader(result.path).pages)

    def squeezed(words: str) -> str:  # PDF text loses the spaces; ligatures unfold
        return "".join(unicodedata.normalize("NFKC", words).split())

    table = squeezed(text)
    table = table[table.index("Figuresbysource"):table.index("Reviewedclaims")
                  if "Reviewedclaims" in table else None]
    assert squeezed("Fact Status Verdict") in table
    assert squeezed("residents moved out conflict Mostly false the council's list counts 1,212 | not 1,400") in table
    assert squeezed("people treated conflict Half true 31 + 12 is 43, not 46") in table
    assert squeezed("cost of repairs conflict awaiting a final verdict") in table


def test_the_json_reports_figure_rows_name_their_fact_and_its_verdict(rated):
    service, case = rated
    report = json.loads(report_bytes(service, case.name, "json"))
    rows = {row["label"]: row for row in report["figures"]}
    facts = {fact["key"]: fact for fact in report["facts"]}
    residents = rows["residents moved out"]
    assert facts[residents["fact"]]["label"] == "residents moved out"
    assert (residents["verdict"]["label"], residents["verdict"]["reviewer"]) == ("Mostly false", "ana")
    treated = rows["people treated"]
    assert (treated["verdict"]["label"], treated["verdict"]["final"], treated["awaiting_final"]) == (
        "Half true", True, False)
    assert rows["cost of repairs"]["verdict"] is None and rows["cost of repairs"]["awaiting_final"]
