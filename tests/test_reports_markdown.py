"""The Markdown report, rendered with CommonMark (raw HTML allowed, the worst case) and read back."""
from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from report_fixtures import BAD_URLS, GOOD_URL, TEXT_PAYLOADS, hostile_report

from fact_review.reports.data import Publisher
from fact_review.reports.markdown import md_text, md_url, render_markdown

OUR_TAGS = {"h1", "h2", "h3", "p", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "strong",
            "blockquote", "code", "a"}


def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table")


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def rendered():
    source = render_markdown(hostile_report())
    tokens = _markdown().parse(source)
    page = _Html()
    page.feed(_markdown().render(source))
    return source, tokens, page


def _inline_children(tokens):
    for token in tokens:
        yield token
        yield from token.children or ()


def test_no_live_html(rendered):
    _, tokens, page = rendered
    assert [t.type for t in _inline_children(tokens) if t.type in ("html_block", "html_inline", "image")] == []
    assert {tag for tag, _ in page.tags} <= OUR_TAGS


def test_links_only_to_http_urls(rendered):
    _, _, page = rendered
    hrefs = [attrs["href"] for tag, attrs in page.tags if tag == "a"]
    assert GOOD_URL in hrefs
    assert all(href.startswith(("http://", "https://")) for href in hrefs)


def test_user_text_makes_no_heading(rendered):
    _, tokens, _ = rendered
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert all(re.match(r"(Claim \d+ |Summary$|Sources$|Discrepancies$|Reviewed claims$|Claims not reviewed$"
                        r"|Methodology$|\d+\. )", h) for h in headings[1:])
    assert sum(1 for t in tokens if t.type == "heading_open" and t.tag == "h1") == 1


def test_every_payload_and_bad_url_reads_as_literal_text(rendered):
    _, _, page = rendered
    text = "".join(page.text)
    for payload in (*TEXT_PAYLOADS, *BAD_URLS):
        assert payload.strip() in text, payload


def _rendered_item(text: str) -> _Html:
    page = _Html()
    page.feed(_markdown().render("- " + md_text(text)))
    return page


# Control characters aside (CommonMark turns NUL into U+FFFD), on one line.
_ONE_LINE = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")))


@given(_ONE_LINE)
def test_any_text_renders_as_itself(text):
    page = _rendered_item(text)
    assert [tag for tag, _ in page.tags] == ["ul", "li"]
    bidi_closers = "\u202c\u2069\u200e"  # added to end what the text's bidi overrides open
    assert "".join(page.text).strip().rstrip(bidi_closers) == text.strip().rstrip(bidi_closers)


def test_line_breaks_cannot_start_a_block():
    page = _rendered_item("first\n# heading\r\n- item\n\n<script>x</script>")
    assert [tag for tag, _ in page.tags] == ["ul", "li"]
    assert "".join(page.text).strip() == "first # heading - item <script>x</script>"


@given(st.text())
def test_any_url_is_a_safe_link_or_code(url):
    html = _markdown().render(md_url(url))
    page = _Html()
    page.feed(html)
    for tag, attrs in page.tags:
        assert tag in ("p", "code", "a")
        if tag == "a":
            assert attrs["href"].startswith(("http://", "https://"))


def test_the_publisher_line():
    data = replace(hostile_report(), publisher=Publisher("Desk [x](javascript:y)", "https://desk.example/"))
    page = _Html()
    page.feed(_markdown().render(render_markdown(data)))
    assert "Published by Desk [x](javascript:y) (https://desk.example/)." in "".join(page.text)
    assert "Published by Desk [x\\](javascript:y) (<https://desk.example/>)." in render_markdown(data)
    assert [attrs["href"] for tag, attrs in page.tags if tag == "a"][0] == "https://desk.example/"


@pytest.mark.parametrize("text", [
    "Fact-check: about 1,200 residents (40%) left; the county says 1,250.",
    "It cost $14 million + VAT, said O'Neill — or was it £12m? #flood",
    "snake_case names, a 3-day week, 24/7 cover, e-mail: desk@example.org",
    "He said [sic] that 2 + 2 = 4!",
])
def test_ordinary_text_stays_as_written(text):
    assert md_text(text) == text


@pytest.mark.parametrize("text, escaped", [
    ("*bold* and _em_", "\\*bold\\* and \\_em\\_"),
    ("[link](javascript:x)", "\\[link\\](javascript:x)"),
    ("a <b>tag</b> &amp; more", "a \\<b>tag\\</b> \\&amp; more"),
    ("# not a heading", "\\# not a heading"),
    ("2026. A year", "2026\\. A year"),
    ("- not a list", "\\- not a list"),
    ("`code`", "\\`code\\`"),
])
def test_what_would_change_the_rendering_is_escaped(text, escaped):
    assert md_text(text) == escaped
