"""The HTML report: self-contained (inline CSS, nothing to fetch), no script that runs, links only to http(s).

The ClaimReview JSON-LD sits in a ``<script type="application/ld+json">`` data block: browsers never run
it, the Content-Security-Policy stays ``default-src 'none'``, and the JSON escapes ``<`` so no title or
note can close the block early."""
from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from fact_review.reports.claimreview import render_claimreview
from fact_review.reports.data import ReportData
from fact_review.reports.figures import figure_gloss, figure_reading, moment_text, published_text
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
    template = _environment().get_template("report.html.j2")
    # Qt's rich text would print a script block's text, and a PDF has no use for it.
    jsonld = Markup(render_claimreview(data)) if data.reviewed_entries and not for_qt else None
    page = template.render(data=data, style="qt.css" if for_qt else "screen.css", standing=data.scale.standing,
                           jsonld=jsonld, lead=lead(data), methodology=methodology(data))
    if for_qt:
        # Qt's rich text ignores <bdi> (close_bidi isolates user text there) and parses a long report
        # a quarter faster without it. User text is escaped, so these tags can only be the template's.
        page = page.replace("<bdi>", "").replace("</bdi>", "")
    return page
