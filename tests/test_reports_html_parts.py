"""A long report cut into whole pages for Qt (the PDF): nothing lost, nothing twice, every table closed and
opened again with its header, and no text of the case taken for a cut."""
from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st
from report_fixtures import SCALE, hostile_report, verdict

from fact_review.reports.data import (Discrepancy, DiscrepancyClaim, FigureCell, FigureRow, ReportData,
                                      ReportEntry)
from fact_review.reports.html import render_html, render_html_parts
from fact_review.reports.html_parts import Cuts, split_parts

FAKE_MARK = "\ue000" + "0" * 16 + ":0\ue001"  # what a mark looks like, without its random token
REAL_MARK = re.compile("\ue000[0-9a-f]{16}:")


class _Tags(HTMLParser):
    """The open/close balance of the tags a part must close itself, and the claim anchors it holds."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = {"table": 0, "tbody": 0, "body": 0, "html": 0}
        self.claims: list[str] = []
        self.header_rows = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.depth:
            self.depth[tag] += 1
        if tag == "thead":
            self.header_rows += 1
        ident = dict(attrs).get("id") or ""
        if ident.startswith("claim-"):
            self.claims.append(ident)

    def handle_endtag(self, tag):
        if tag in self.depth:
            self.depth[tag] -= 1


def _parsed(html: str) -> _Tags:
    tags = _Tags()
    tags.feed(html)
    tags.close()
    return tags


def _long_report(claims: int) -> ReportData:
    """A report of ``claims`` claims (every third one reviewed), as many discrepancies and figure rows."""
    base = hostile_report()
    template = base.entries[0]
    entries = tuple(
        replace(template, claim_id=n, quote=replace(template.quote, text=f"{n} boats {FAKE_MARK}"),
                verdict=verdict("True", note=f"checked {n}") if n % 3 == 0 else None, history=())
        for n in range(1, claims + 1))
    discrepancies = tuple(
        Discrepancy("value", f"Boats {n} and {n + 1} {FAKE_MARK}", (
            DiscrepancyClaim(n, template.article, template.figure, None),)) for n in range(1, claims + 1))
    figures = tuple(FigureRow(f"boats {n}", "conflict", tuple(FigureCell(f"{n} {FAKE_MARK}") for _ in base.articles))
                    for n in range(claims))
    return ReportData.build(base.case_name, SCALE, base.articles, entries, discrepancies, title=base.title,
                            generated_at=base.generated_at, figures=figures)


def test_the_parts_hold_every_claim_once_and_close_every_table():
    data = _long_report(600)
    parts = [part.html() for part in render_html_parts(data, part_chars=20_000)]
    assert len(parts) > 10
    claims = []
    for html in parts:
        tags = _parsed(html)
        assert all(depth == 0 for depth in tags.depth.values()), tags.depth
        assert html.startswith("<!DOCTYPE html>") and "<style>" in html
        assert not REAL_MARK.search(html.replace(FAKE_MARK, ""))
        claims += tags.claims
    assert claims == [f"claim-{e.claim_id}" for e in data.reviewed_entries + data.unreviewed_entries]
    whole = _parsed(render_html(data, for_qt=True))
    assert whole.claims == claims


def test_a_part_that_starts_inside_a_table_opens_it_with_its_header():
    parts = list(render_html_parts(_long_report(600), part_chars=20_000))
    inside = [part for part in parts if part.table]
    assert inside and all("<thead>" in part.table for part in inside)
    for part in inside:
        assert _parsed(part.html()).header_rows >= 1
        # below another part on the same page, the header is not repeated: only the columns' widths stay
        below = part.html("<p>&nbsp;</p>")
        assert "<thead>" not in below[:len(below) - len(part.body)] and 'width="' in below


def test_the_page_drawn_whole_has_no_marks():
    html = render_html(_long_report(50), for_qt=True) + render_html(_long_report(50))
    assert "\ue000" + "0" * 16 in html  # the case's own look-alike text is kept as text
    assert not REAL_MARK.search(html.replace(FAKE_MARK, ""))


@st.composite
def _pages(draw):
    """A page of paragraphs and table rows as the template writes them: marks between items."""
    items = draw(st.lists(st.tuples(st.booleans(), st.text(st.characters(blacklist_characters='<>&#'), max_size=40)), min_size=1, max_size=60))
    return items, draw(st.integers(min_value=1, max_value=400))


@settings(max_examples=150, deadline=None)
@given(_pages())
def test_splitting_keeps_the_items_in_order_whatever_the_part_size(page):
    items, part_chars = page
    cuts = Cuts()
    table_open = "<table><thead><tr><th>n</th></tr></thead><tbody>"

    def chunks():
        yield "<!DOCTYPE html><html><head><style></style></head><body>"
        in_table = False
        for number, (row, text) in enumerate(items):
            if row and not in_table:
                yield table_open
            elif not row and in_table:
                yield "</tbody></table>"
            in_table = row
            yield cuts(table_open if row else None)
            yield f"<tr><td>#{number}#{text}</td></tr>" if row else f"<p>#{number}#{text}</p>"
        if in_table:
            yield "</tbody></table>"
        yield "</body></html>"

    parts = [part.html() for part in split_parts(chunks(), cuts, part_chars)]
    numbers = [int(found) for html in parts for found in re.findall(r"#(\d+)#", html)]
    assert numbers == list(range(len(items)))
    for html in parts:
        assert all(depth == 0 for depth in _parsed(html).depth.values())
    if sum(map(len, chunks())) < part_chars:
        assert len(parts) == 1
