"""The HTML report: self-contained (inline CSS, nothing to fetch), no script that runs, links only to http(s).

The ClaimReview JSON-LD sits in a ``<script type="application/ld+json">`` data block: browsers never run
it, the Content-Security-Policy stays ``default-src 'none'``, and the JSON escapes ``<`` so no title or
note can close the block early."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator, TextIO

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from fact_review.reports.claimreview import render_claimreview
from fact_review.reports.data import ReportData
from fact_review.reports.figures import figure_gloss, figure_reading, moment_text, published_text
from fact_review.reports.html_parts import PART_CHARS, Cuts, Part, split_parts
from fact_review.reports.methodology import lead, methodology
from fact_review.reports.text import close_bidi, history_text, in_whole_words, match_text, rating_text
from fact_review.reports.urls import http_url, link_label
from fact_review.resource_files import resource_path

TEMPLATES = resource_path("reports")


def _closed_bidi(value: object) -> object:
    """Every value printed ends its own bidi overrides (Qt, which draws the PDF, ignores <bdi>)."""
    return close_bidi(value) if isinstance(value, str) and not isinstance(value, Markup) else value


@lru_cache(maxsize=1)
def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,  # every template, whatever its name: report values are text, never markup
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_closed_bidi,
    )
    environment.filters.update(
        http_url=http_url, link_label=link_label, figure_reading=figure_reading, figure_gloss=figure_gloss, moment_text=moment_text,
        published_text=published_text,
    )
    environment.globals.update(rating_text=rating_text, history_text=history_text, in_whole_words=in_whole_words,
                               match_text=match_text)
    return environment


def render_html(data: ReportData, *, for_qt: bool = False) -> str:
    """The report as an HTML page; ``for_qt`` swaps in the CSS subset Qt's rich-text engine draws (PDF)."""
    return "".join(_page(data, for_qt, Cuts(active=False)))


def write_html(data: ReportData, out: TextIO) -> None:
    """The HTML report written to ``out`` as the template makes it: never held whole as one string."""
    for chunk in _page(data, False, Cuts(active=False)):
        out.write(chunk)


def render_html_parts(data: ReportData, part_chars: int = PART_CHARS) -> Iterator[Part]:
    """The report for Qt's rich-text engine (the PDF) as whole pages of about ``part_chars`` each, made
    as they are asked for: the renderer draws one and lets it go before the next is made."""
    cuts = Cuts()
    return split_parts(_page(data, True, cuts), cuts, part_chars)


def _page(data: ReportData, for_qt: bool, cuts: Cuts) -> Iterator[str]:
    template = _environment().get_template("report.html.j2")
    # Qt's rich text would print a script block's text, and a PDF has no use for it.
    jsonld = Markup(render_claimreview(data)) if data.reviewed_entries and not for_qt else None
    chunks = template.generate(data=data, style="qt.css" if for_qt else "screen.css", standing=data.scale.standing,
                               jsonld=jsonld, lead=lead(data), methodology=methodology(data), cut=cuts,
                               width=_column_width if for_qt else _no_width)
    if not for_qt:
        return chunks
    # Qt's rich text ignores <bdi> (close_bidi isolates user text there) and parses a long report
    # a quarter faster without it. User text is escaped, so these tags can only be the template's.
    return (chunk.replace("<bdi>", "").replace("</bdi>", "") for chunk in chunks)


def _column_width(percent: float) -> Markup:
    """A table column's share of the page, for Qt: the parts of a long table cut into several pages
    (``html_parts``) are laid out apart, and would otherwise each size their columns to their own rows."""
    return Markup(f' width="{percent}%"')


def _no_width(percent: float) -> str:
    return ""
