"""The HTML report, read back with a parser: no script, no handlers, no dangerous links, payloads as text."""
from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from report_fixtures import (BAD_URLS, CLOSE_TITLE, GOOD_URL, RTL, SCRIPT, TEXT_PAYLOADS, hostile_report)

from fact_review.reports.data import Publisher, ReportData, Scale
from fact_review.reports.html import render_html


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.title = ""
        self.style = ""
        self.bdi_text: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._open.append(tag)

    def handle_endtag(self, tag):
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def handle_data(self, data):
        current = self._open[-1] if self._open else ""
        if current == "title":
            self.title += data
        elif current == "style":
            self.style += data
        else:
            self.text.append(data)
            if current == "bdi":
                self.bdi_text.append(data)


def _parse(data: ReportData, **options) -> _Page:
    page = _Page()
    page.feed(render_html(data, **options))
    page.close()
    return page


@pytest.fixture(params=[False, True], ids=["browser", "qt"])
def page(request) -> _Page:
    return _parse(hostile_report(), for_qt=request.param)


def test_no_script_element_and_no_event_handler(page):
    assert [tag for tag, _ in page.tags if tag in ("script", "iframe", "object", "embed", "form", "img")] == []
    handlers = [(tag, name) for tag, attrs in page.tags for name in attrs if name.lower().startswith("on")]
    assert handlers == []


def test_links_only_to_http_urls_and_bad_urls_stay_text(page):
    links = [attrs.get("href") or "" for tag, attrs in page.tags if tag == "a"]
    external = [href for href in links if not href.startswith("#")]
    assert external and all(href.startswith(("http://", "https://")) for href in external)
    assert GOOD_URL in external
    text = "".join(page.text)
    for url in BAD_URLS:
        assert url not in external
        assert url in text  # shown, as text


def test_nothing_is_fetched_and_scripts_are_forbidden_by_policy(page):
    assert not any(tag in ("link", "base") or "src" in attrs for tag, attrs in page.tags)
    assert "url(" not in page.style and "@import" not in page.style
    policies = [attrs["content"] for tag, attrs in page.tags
                if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy"]
    assert len(policies) == 1
    assert "default-src 'none'" in policies[0] and "script-src" not in policies[0]


def test_every_payload_reads_as_literal_text(page):
    text = "".join(page.text)
    for payload in TEXT_PAYLOADS:
        if payload.strip() != payload:  # leading tab or CR: HTML does not keep them apart from spaces
            payload = payload.strip()
        assert payload in text, payload
    assert CLOSE_TITLE in page.title and SCRIPT in page.title


def test_right_to_left_override_is_isolated():
    assert any(RTL in chunk for chunk in _parse(hostile_report()).bdi_text)
    # Qt has no <bdi>: the override is closed, and a left-to-right mark ends the text.
    assert RTL + "\u202c\u200e," in "".join(_parse(hostile_report(), for_qt=True).text)


def test_summary_counts_every_label_of_the_scale():
    data = hostile_report()
    text = " ".join(" ".join(_parse(data).text).split())
    for count in data.summary.by_label:
        assert f"{count.label} {count.count}" in text
    assert f"Claims found {len(data.entries)}" in text
    assert "Discrepancies resolved 1" in text


def test_history_only_when_asked():
    assert "History:" in "".join(_parse(hostile_report(with_history=True)).text)
    assert "History:" not in "".join(_parse(hostile_report(with_history=False)).text)


def test_an_empty_case_still_renders():
    data = ReportData.build("empty", Scale.of([]), (), ())
    assert "No claims in this case." in "".join(_parse(data).text)


TEMPLATE_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "table", "thead",
                 "tbody", "tr", "th", "td", "span", "bdi", "a", "div", "ul", "li", "blockquote", "strong", "br"}


@settings(max_examples=60, deadline=None)
@given(st.text(), st.text(), st.text())
def test_any_user_text_stays_text(title, note, url):
    data = hostile_report()
    first = data.entries[0]
    entry = replace(first, verdict=replace(first.verdict, note=note, evidence_url=url, reviewer=note))
    page = _parse(replace(data, title=title, entries=(entry,)))
    assert {tag for tag, _ in page.tags} <= TEMPLATE_TAGS
    assert all(not name.startswith("on") for _, attrs in page.tags for name in attrs)
    assert all((attrs.get("href") or "#").startswith(("#", "http://", "https://")) for _, attrs in page.tags)
    text = "".join(page.text).replace("\r\n", "\n").replace("\r", "\n")
    assert note.replace("\r\n", "\n").replace("\r", "\n") in text


def test_the_publisher_is_named_and_linked_only_when_http():
    data = replace(hostile_report(), publisher=Publisher(SCRIPT, "https://desk.example/"))
    page = _parse(data)
    assert f"Published by {SCRIPT} (desk.example)." in "".join(page.text)  # the address, as a link shows it
    assert ("a", {"href": "https://desk.example/", "rel": "noopener noreferrer"}) in page.tags
    page = _parse(replace(data, publisher=Publisher("Desk", "javascript:alert(1)")))
    assert "javascript:alert(1)" not in [attrs.get("href") for _, attrs in page.tags]
