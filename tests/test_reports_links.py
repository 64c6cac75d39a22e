"""Links in reports: one safe form for every writer, and a PDF whose only actions are its URI links."""
from __future__ import annotations

import re
import string
from decimal import Decimal
from urllib.parse import unquote

import pytest
from hypothesis import example, given, strategies as st
from pypdf import PdfReader
from report_fixtures import SCALE, T0, verdict

from fact_review.reports.data import Figure, Quote, ReportArticle, ReportData, ReportEntry
from fact_review.reports.markdown import md_url
from fact_review.reports.urls import LABEL_WIDTH, http_url, link_label

# A page's canonical url that closed the PDF string of its link and opened a JavaScript action.
PDF_BREAKOUT = "http://x/x)>>/AA<</E<</S/JavaScript/JS(app.alert(1))>>>>/Z<</Y("
URL_CHARACTERS = set(string.ascii_letters + string.digits + "-._~:/?#[]@!$&*+,;=%")


@given(st.text())
@example(PDF_BREAKOUT)
@example("http://h/\udcff")  # undecodable bytes of a file name
@example("https://h/a%zz%4")
def test_a_link_is_http_and_holds_only_characters_no_writer_treats_specially(url):
    link = http_url(url)
    if link is not None:
        assert link.startswith(("http://", "https://"))
        assert set(link) <= URL_CHARACTERS
        assert re.search(r"%(?![0-9A-F]{2}|[0-9a-f]{2})", link) is None
        assert http_url(link) == link  # already safe: given again, unchanged


@given(st.from_regex(r"https?://[a-z]{1,10}\.example/[a-zA-Z0-9/()'<>\"\\ä ]{0,30}", fullmatch=True))
def test_a_link_leads_where_the_page_said(url):
    link = http_url(url.replace(" ", "_"))
    assert link is not None
    assert unquote(link) == url.replace(" ", "_")


def test_the_pdf_breakout_is_encoded_and_other_schemes_refused():
    assert http_url(PDF_BREAKOUT) == ("http://x/x%29%3E%3E/AA%3C%3C/E%3C%3C/S/JavaScript/JS%28app.alert%281%29%29"
                                      "%3E%3E%3E%3E/Z%3C%3C/Y%28")
    assert http_url("https://ü.example/ä?q=(1)") == "https://xn--tda.example/%C3%A4?q=%281%29"
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "http://" + "a" * 64 + ".example/", "http:///x",
                "http://h:99999/", 'http://"x/'):
        assert http_url(bad) is None


def test_markdown_autolinks_the_encoded_form():
    assert md_url(PDF_BREAKOUT) == f"<{http_url(PDF_BREAKOUT)}>"
    assert md_url("https://h.example/a>b") == "<https://h.example/a%3Eb>"


def test_a_label_is_short_and_readable():
    assert link_label("https://news.example/2025/05/%D0%B4%D1%80%D0%BE%D0%BD%D1%8B/") == "news.example/2025/05/дроны"
    long_label = link_label("https://news.example/" + "a" * 500 + "/story-end")
    assert len(long_label) == LABEL_WIDTH and long_label.startswith("news.example/aaa") and long_label.endswith("end")
    assert link_label("http://h/%0Aline") == "h/%0Aline"  # a decoded control character would not be shown


def _report(url: str) -> ReportData:
    """One source at ``url`` and one verdict citing it as evidence: two links."""
    article = ReportArticle(1, 0, "Title", "Outlet", url, None, None)
    figure = Figure("300 people", "number", Decimal("300"), None, "people")
    entry = ReportEntry(1, article, Quote("Police said ", "300 people", " came."), "Police said 300 people came.",
                        figure, verdict=verdict("True", note="Checked.", evidence_url=url, reviewer="Ana"))
    return ReportData.build("links", SCALE, (article,), (entry,), (), title="Links", generated_at=T0)


def _annotations(path) -> list[dict]:
    reader = PdfReader(path)
    assert "/OpenAction" not in reader.trailer["/Root"] and "/AA" not in reader.trailer["/Root"]
    names = reader.trailer["/Root"].get("/Names")
    assert names is None or "/JavaScript" not in names.get_object()  # where document scripts would be named
    return [annotation.get_object() for page in reader.pages for annotation in page.get("/Annots") or []]


@pytest.fixture
def pdf_of(qapp, tmp_path):
    from ui.reports_pdf import render_pdf

    def render(url: str):
        path = tmp_path / f"{len(url)}.pdf"
        render_pdf(_report(url), path)
        return path
    return render


def test_a_hostile_url_is_one_uri_link_and_nothing_else(pdf_of):
    path = pdf_of(PDF_BREAKOUT + "a/" * 300)
    annotations = _annotations(path)
    assert len(annotations) == 2  # one per link, however long the address
    for annotation in annotations:
        assert annotation["/Subtype"] == "/Link" and "/AA" not in annotation
        assert dict(annotation["/A"]) == {"/S": "/URI", "/URI": http_url(PDF_BREAKOUT + "a/" * 300)} | (
            {"/Type": "/Action"} if "/Type" in annotation["/A"] else {})
    assert b"/JavaScript" not in path.read_bytes().replace(b"/JavaScript/JS%28", b"")


def test_the_pdf_grows_linearly_with_url_length(pdf_of):
    sizes = {n: pdf_of("https://news.example/" + "a/" * n).stat().st_size for n in (0, 10_000, 40_000)}
    small, large = sizes[10_000] - sizes[0], sizes[40_000] - sizes[0]
    assert large <= 4.5 * small  # 4x the url, about 4x the growth
    assert large <= 2 * 80_000 * 2  # each of the two links holds its url about once
