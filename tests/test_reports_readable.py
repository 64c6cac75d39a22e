"""The human formats (HTML, PDF's HTML, Markdown) read as an editor writes; CSV keeps the stored values."""
from __future__ import annotations

import re
from dataclasses import replace

import pytest
from markdown_it import MarkdownIt
from report_fixtures import hostile_report

from fact_review.reports.csv_report import render_csv
from fact_review.reports.data import ReportArticle
from fact_review.reports.html import render_html
from fact_review.reports.markdown import render_markdown


def _html_text(data, **options) -> str:
    """What a reader sees: the page without its tags and its JSON-LD data block (machine dates)."""
    page = re.sub(r"<script type=\"application/ld\+json\">.*?</script>", " ", render_html(data, **options), flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def _markdown_text(data) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", MarkdownIt("commonmark").enable("table").render(render_markdown(data))).split())


@pytest.fixture(params=["html", "qt", "markdown"])
def read(request):
    if request.param == "markdown":
        return _markdown_text
    return lambda data: _html_text(data, for_qt=request.param == "qt")


def test_figures_dates_and_times_read_in_words(read):
    text = read(hostile_report())
    assert "$12.5 million" in text and "12500000" not in text
    assert "-2%" in text
    assert "almost 300 people (270–300)" in text
    assert "25 May 2025" in text and "2025-05-25" not in text  # the date figure and the second source's date
    assert "25 May 2025, 08:00 UTC" in text  # the first source's publication time


def test_no_empty_author_column(read):
    data = hostile_report()
    assert "Author" in read(data)
    anonymous = replace(data, articles=tuple(replace(a, author=None) for a in data.articles))
    assert "Author" not in read(anonymous)


def test_csv_keeps_the_stored_values():
    rows = render_csv(hostile_report())
    assert "12500000" in rows and "2025-05-25" in rows and "$12.5 million" in rows  # the last is the quote


def test_after_the_sources_table_a_source_is_named_by_outlet_and_number():
    assert ReportArticle(1, 0, "Flood title", "The Courier", None, None, None).short_name == "The Courier (source 1)"
    assert ReportArticle(2, 1, "Flood title", None, None, None, None).short_name == "Flood title (source 2)"
    assert ReportArticle(3, 2, None, None, None, None, None).short_name == "Source 3"
