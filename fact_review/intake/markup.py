"""HTML -> the article's text and metadata.

trafilatura takes the article body (no navigation, scripts, styles, comments or cookie banners); the
metadata comes from the page's own declarations (Open Graph, ``article:*`` meta, JSON-LD, canonical link,
``<time datetime>``), with trafilatura's findings (htmldate for the date) as the fallback. Pages that
trafilatura cannot read (too deeply nested, too many elements, nothing found) fall back to the plain text
of every element outside scripts and styles, so odd HTML is never a crash or a hang. lxml keeps its
default depth limit (255): past it, it silently drops the rest of the page, so such pages get the
fallback too (with the metadata of their head).
"""
from __future__ import annotations

import json
import logging
import re
from datetime import date, datetime
from html.parser import HTMLParser
from typing import Any, Iterator, Optional
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import trafilatura

from fact_review.intake.fields import shortened
from fact_review.model import Article

# trafilatura and friends log their own failures; without a handler Python prints them on our stderr.
for _logger in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_logger).addHandler(logging.NullHandler())
    logging.getLogger(_logger).propagate = False

# A news page has a few thousand elements; trafilatura needs ~0.2 ms per element and more on huge pages
# (20,000 paragraphs: 4 s), so bigger documents get the plain text fallback (15 MB in ~2 s).
MAX_ELEMENTS_FOR_TRAFILATURA = 20_000
_BOILERPLATE = (  # removed before extraction, in case a banner sits inside the article's container
    "//*[contains(translate(@id, 'COKIESNT', 'cokiesnt'), 'cookie')"
    " or contains(translate(@class, 'COKIESNT', 'cokiesnt'), 'cookie')"
    " or contains(translate(@id, 'COKIESNT', 'cokiesnt'), 'consent')"
    " or contains(translate(@class, 'COKIESNT', 'cokiesnt'), 'consent')]"
)
_ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
                  "Report", "LiveBlogPosting", "OpinionNewsArticle", "WebPage"}
_SPACES = re.compile(r"\s+")
# htmldate reads the date the page's markup gives (meta, <time>, its URL), not any date written in its text:
# that "extensive" search sent every paragraph to dateparser, which tried its 200 locales on each (a page of
# 600 short dated paragraphs took 26 s), and took a date the article mentions for the day it was published.
# An article without a date in its markup gets the one of its dateline (fact_review.articles).
_DATE_SEARCH = {"extensive_search": False, "original_date": True}
# trafilatura's clean-up of an author's name is quadratic in its length (40 KB of "(" took 10 s); what the
# page declares in <meta> is cut to this many characters before anyone reads it (a URL this long is no
# address a browser keeps, and every field shown is cut to MAX_FIELD_CHARS anyway).
MAX_META_CHARS = 2_048


def read_html(markup: str) -> Article:
    """The article in ``markup``: its paragraphs separated by blank lines (as a text file would be, and
    readable as such in the panes), headed by the title."""
    tree, complete = _parse(markup)
    _bound_meta_values(tree)
    page = _PageMetadata(tree)
    found = _trafilatura(tree) if complete else None
    body = (found.text or "").strip() if found is not None else ""
    if not body:
        body = _plain_text(markup)
    title = shortened(_first(page.title(), found and found.title, page.title_element(), page.first_h1()))
    url = _first(page.url(), found and _absolute_url(found.url))
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    if title and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)
    text = "\n\n".join(paragraphs)
    return Article(
        text=text,
        title=title,
        outlet=shortened(_first(page.outlet(), found and found.sitename, _domain(url))),
        url=url,
        author=shortened(_first(page.author(), found and found.author)),
        published=_first(page.published(), found and _iso_date_time(found.date), page.time_element()),
    )


def _parse(markup: str) -> tuple[lxml.html.HtmlElement, bool]:
    """The element tree, and whether it holds the whole page (lxml silently drops what lies past its
    depth limit, and gives nothing for a page without elements)."""
    parser = lxml.html.HTMLParser(encoding="utf-8")
    try:
        tree = lxml.html.document_fromstring(markup.encode("utf-8", "surrogatepass"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return lxml.html.document_fromstring("<html></html>"), False
    return tree, not any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log)


def _bound_meta_values(tree: lxml.html.HtmlElement) -> None:
    for element in tree.iterfind(".//meta"):
        content = element.get("content")
        if content is not None and len(content) > MAX_META_CHARS:
            element.set("content", content[:MAX_META_CHARS])


def _trafilatura(tree: lxml.html.HtmlElement) -> Optional[Any]:
    if any(count > MAX_ELEMENTS_FOR_TRAFILATURA for count, _ in enumerate(tree.iter())):
        return None
    try:
        return trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            prune_xpath=_BOILERPLATE,
            date_extraction_params=_DATE_SEARCH,
        )
    except RecursionError:
        return None  # nested deeper than Python's stack allows: the plain text fallback reads it


class _PageMetadata:
    """What the page declares about itself, each value cleaned of surrounding white space."""

    def __init__(self, tree: lxml.html.HtmlElement) -> None:
        self._tree = tree
        self._linked_data = list(_linked_data(tree))

    def _meta(self, *keys: str) -> Optional[str]:
        for key in keys:
            for element in self._tree.iterfind(".//meta"):
                names = (element.get("property"), element.get("name"), element.get("itemprop"))
                if key in {(n or "").strip().lower() for n in names}:
                    value = _clean(element.get("content"))
                    if value:
                        return value
        return None

    def _ld(self, key: str) -> Iterator[Any]:
        for item in self._linked_data:
            if key in item:
                yield item[key]

    def title(self) -> Optional[str]:
        return _first(self._meta("og:title", "twitter:title"), *map(_ld_text, self._ld("headline")))

    def title_element(self) -> Optional[str]:
        element = self._tree.find(".//title")
        return None if element is None else _clean(element.text_content())

    def first_h1(self) -> Optional[str]:
        element = self._tree.find(".//h1")
        return None if element is None else _clean(element.text_content())

    def url(self) -> Optional[str]:
        canonical = [link.get("href") for link in self._tree.iterfind(".//link")
                     if "canonical" in (link.get("rel") or "").lower().split()]
        return _first(*map(_absolute_url, canonical), _absolute_url(self._meta("og:url")))

    def outlet(self) -> Optional[str]:
        publishers = (_ld_name(p) for p in self._ld("publisher"))
        return _first(self._meta("og:site_name", "application-name"), *publishers)

    def author(self) -> Optional[str]:
        declared = self._meta("author", "article:author", "byl", "dc.creator")
        if declared and not declared.startswith(("http://", "https://")):
            return declared.removeprefix("By ").removeprefix("by ")
        return _first(*(_ld_name(a) for a in self._ld("author")))

    def published(self) -> Optional[str]:
        declared = self._meta("article:published_time", "og:article:published_time", "datepublished",
                              "pubdate", "publishdate", "dc.date.issued", "dc.date", "date")
        return _first(_iso_date_time(declared), *map(_iso_date_time, self._ld("datePublished")))

    def time_element(self) -> Optional[str]:
        element = self._tree.find(".//time[@datetime]")
        return None if element is None else _iso_date_time(element.get("datetime"))


def _linked_data(tree: lxml.html.HtmlElement) -> Iterator[dict[str, Any]]:
    """The JSON-LD objects that describe an article, outermost first."""
    for script in tree.iterfind(".//script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        pending = [data]
        while pending:  # a loop, not recursion: the JSON may nest deeply
            item = pending.pop(0)
            if isinstance(item, list):
                pending.extend(item)
            elif isinstance(item, dict):
                types = item.get("@type")
                types = set(types) if isinstance(types, list) else {types}
                if types & _ARTICLE_TYPES:
                    yield item
                pending.extend(v for k, v in item.items() if k == "@graph" or k == "mainEntity")


def _ld_text(value: Any) -> Optional[str]:
    return _clean(value) if isinstance(value, str) else None


def _ld_name(value: Any) -> Optional[str]:
    """A schema.org Person/Organization (or a list of them, or a bare name) as display text."""
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, dict):
        return _ld_text(value.get("name"))
    if isinstance(value, list):
        names = [n for n in map(_ld_name, value) if n]
        return ", ".join(names) or None
    return None


def _iso_date_time(value: Any) -> Optional[str]:
    """An ISO 8601 date ("2025-05-25") or date-time with its offset, when ``value`` is one."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        return None


def _absolute_url(value: Optional[str]) -> Optional[str]:
    value = _clean(value)
    if value and urlsplit(value).scheme in ("http", "https") and urlsplit(value).netloc:
        return value
    return None


def _domain(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _clean(value: Optional[str]) -> Optional[str]:
    return (_SPACES.sub(" ", value).strip() or None) if value else None


def _first(*values: Optional[str]) -> Optional[str]:
    return next((v for v in values if v), None)


_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul".split()
)
_HIDDEN_TAGS = frozenset("script style noscript template head title svg".split())


class _TextCollector(HTMLParser):
    """The visible text of a page, one line per block element; a stream parser, so depth costs nothing."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._line: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden += 1
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: Any) -> None:
        if tag in _BLOCK_TAGS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._line.append(data)

    def _break(self) -> None:
        line = _clean("".join(self._line))
        if line:
            self.lines.append(line)
        self._line = []

    def text(self) -> str:
        self._break()
        return "\n".join(self.lines)


def _plain_text(markup: str) -> str:
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    return collector.text()
