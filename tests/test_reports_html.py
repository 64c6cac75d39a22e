"""The HTML report, read back with a parser: no script that runs, no handlers, no dangerous links, payloads as
text; the ClaimReview JSON-LD as a data block that no user text can break out of."""
from __future__ import annotations

import json
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from report_fixtures import (BAD_URLS, CLOSE_TITLE, GOOD_URL, RTL, SCRIPT, TEXT_PAYLOADS, hostile_report)

from fact_review.reports.claimreview import claim_reviews
from fact_review.reports.data import Publisher, ReportData, Scale
from fact_review.reports.html import render_html


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.title = ""
        self.style = ""
        self.scripts: list[str] = []
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
        elif current == "script":
            self.scripts.append(data)
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


def test_no_script_that_runs_and_no_event_handler(page):
    assert [tag for tag, _ in page.tags if tag in ("iframe", "object", "embed", "form", "img")] == []
    assert all(attrs == {"type": "application/ld+json"} for tag, attrs in page.tags if tag == "script")
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


TEMPLATE_TAGS = {"html", "head", "meta", "title", "style", "script", "body", "h1", "h2", "h3", "p", "table", "thead",
                 "tbody", "tr", "th", "td", "span", "bdi", "a", "div", "ul", "li", "blockquote", "strong", "br"}


@settings(max_examples=60, deadline=None)
@given(st.text(), st.text(), st.text())
def test_any_user_text_stays_text(title, note, url):
    data = hostile_report()
    first = data.entries[0]
    entry = replace(first, verdict=replace(first.verdict, note=note, evidence_url=url, reviewer=note))
    data = replace(data, title=title, entries=(entry,))
    page = _parse(data)
    assert {tag for tag, _ in page.tags} <= TEMPLATE_TAGS
    assert [json.loads(script) for script in page.scripts] == [claim_reviews(data)]  # the block held, whole
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


def test_the_claimreview_json_ld_is_embedded_for_browsers_and_left_out_of_the_pdf():
    data = replace(hostile_report(), case_url="https://desk.example/checks/budget",
                   publisher=Publisher("Desk", "https://desk.example/"))
    browser, qt = _parse(data), _parse(data, for_qt=True)
    (block,) = browser.scripts
    assert json.loads(block) == claim_reviews(data)
    assert "</" not in block and "<" not in block  # a hostile title cannot end the block
    assert qt.scripts == [] and "ClaimReview" not in "".join(qt.text)


def test_a_report_without_verdicts_has_no_json_ld():
    data = hostile_report()
    data = replace(data, entries=tuple(replace(e, verdict=None) for e in data.entries))
    assert _parse(data).scripts == []


def test_the_report_leads_with_the_summary_then_discrepancies_reviewed_and_unreviewed_claims():
    page = render_html(hostile_report())
    order = [page.index(f'id="{section}"') for section in
             ("summary", "discrepancies", "claims", "not-reviewed", "sources", "methodology")]
    assert order == sorted(order)
    unreviewed = page[page.index('id="not-reviewed"'):page.index('id="sources"')]
    assert 'id="claim-105"' in unreviewed and 'id="claim-101"' not in unreviewed


def test_draft_or_final_is_said_at_the_top():
    draft = "".join(_parse(hostile_report()).text)
    final = "".join(_parse(replace(hostile_report(), state="final")).text)
    assert "Draft" in draft[:draft.index("Summary")] and "Final report" not in draft
    assert "Final report" in final[:final.index("Summary")] and "Draft" not in final


@pytest.mark.parametrize("for_qt", [False, True], ids=["browser", "qt"])
def test_the_page_parses_as_html5_without_a_single_error(for_qt):
    import html5lib

    data = replace(hostile_report(), case_url="https://desk.example/checks/budget", publisher=Publisher("Desk"))
    parser = html5lib.HTMLParser()
    document = parser.parse(render_html(data, for_qt=for_qt))
    assert parser.errors == []
    scripts = document.findall(".//{http://www.w3.org/1999/xhtml}script")
    assert [json.loads(script.text) for script in scripts] == ([] if for_qt else [claim_reviews(data)])
