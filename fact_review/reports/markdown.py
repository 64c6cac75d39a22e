"""The Markdown report, readable as plain text: user text is escaped only where a character would change the
rendering, so it can never become a link, an image, HTML, emphasis or a heading."""
from __future__ import annotations

import re
from typing import Optional

from fact_review.reports.data import Figure, FigureRow, ReportData, ReportEntry, Verdict
from fact_review.reports.figures import figure_gloss, figure_reading, moment_text, published_text
from fact_review.reports.methodology import lead, methodology
from fact_review.reports.text import close_bidi, history_text, in_whole_words, match_text, rating_text
from fact_review.reports.urls import http_url

_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")
# Inline characters that change how CommonMark (and GitHub's strikethrough) renders text, each only where it
# does: emphasis and code always; "_" only at a word's edge; "]" where a link could follow; "<" before a tag
# or an autolink; "&" in an entity; "\" before punctuation or at the end (a hard line break).
_INLINE = re.compile(
    r"""[`*~]"""
    r"""|(?<![^\W_])_|_(?![^\W_])"""
    r"""|\](?=[(\[]|$)"""
    r"""|<(?=[A-Za-z/!?])"""
    r"""|&(?=#\d+;|#[xX][0-9A-Fa-f]+;|[A-Za-z][A-Za-z0-9]*;)"""
    r"""|\\(?=[!-/:-@\[-`{-~]|$)"""
)
# What makes a block when it starts a line: heading, quote, list item, thematic break, setext underline,
# link reference definition.
_BLOCK_START = re.compile(r"^(?:[#>+=\-\[]|\d{1,9}(?=[.)]))")


def md_text(text: Optional[str], *, strip: bool = True) -> str:
    """User text as literal inline Markdown on one line, readable raw: only the characters that would
    change the rendering where they stand are escaped (``Fact-check (2026): 1,200 people.`` stays as it is).

    ``strip=False`` keeps the spaces at its ends (a quote's context runs on into the quote).
    """
    if not text:
        return ""
    line = _LINE_BREAKS.sub(" ", text)
    line = line.strip() if strip else line
    line = _INLINE.sub(lambda found: "\\" + found.group(), line)
    line = _BLOCK_START.sub(lambda found: found.group() + "\\" if found.group()[0].isdigit()
                            else "\\" + found.group(), line)
    return close_bidi(line)


def md_cell(text: Optional[str]) -> str:
    """``md_text`` for a table cell, where "|" ends the cell."""
    return md_text(text).replace("|", "\\|")


def md_url(url: Optional[str]) -> str:
    """An http(s) url as an autolink; any other url as a code span, which is shown and never followed."""
    if not url:
        return ""
    link = http_url(url)  # percent-encoded: nothing in it can end the autolink early
    return f"<{link}>" if link else md_code(url)


def md_code(text: str) -> str:
    text = _LINE_BREAKS.sub(" ", text)
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith(("`", " ")) or text.endswith(("`", " ")) else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _verdict_line(verdict: Verdict, best: Optional[int]) -> str:
    rating = rating_text(verdict, best)
    line = f"**{md_text(verdict.label)}**" + (f" (rated {rating})" if rating else "")
    if verdict.reviewer:
        line += f", by {md_text(verdict.reviewer)}"
    return line + f", {moment_text(verdict.updated_at)}"


def _figure(figure: Figure) -> str:
    return md_text(figure_reading(figure))


def _entry(entry: ReportEntry, data: ReportData) -> list[str]:
    conflict = " · in conflict" if entry.in_conflict else ""
    quote = in_whole_words(entry.quote)
    lines = [
        f"### Claim {entry.claim_id} · {md_text(entry.article.short_name)} · **{md_text(entry.verdict.label)}**"
        f"{conflict}",
        "",
        f"> …{md_text(quote.prefix, strip=False)}**{md_text(quote.text)}**{md_text(quote.suffix, strip=False)}…",
        "",
        f"- **Figure:** {md_text(entry.figure.kind)}: {_figure(entry.figure)}"
        + (" (added by the reviewer)" if entry.origin == "reviewer" else ""),
        f"- **Verdict:** {_verdict_line(entry.verdict, data.scale.best)}",
    ]
    if entry.verdict.note:
        lines.append(f"- **Note:** {md_text(entry.verdict.note)}")
    if entry.verdict.evidence_url:
        lines.append(f"- **Evidence:** {md_url(entry.verdict.evidence_url)}")
    if entry.matches:
        lines.append("- **In other sources:**")
        for match in entry.matches:
            figures = "; ".join(_figure(f) for f in match.figures)
            lines.append(
                f"  - {md_text(match.article.short_name)}: “{md_text(match.text)}” ({md_text(match_text(match))}"
                + (f"; its figures: {figures}" if figures else "") + ")"
            )
    if data.with_history and entry.history:
        lines.append("- **History:**")
        for event in entry.history:
            who = f", {md_text(event.reviewer)}" if event.reviewer else ""
            note = f": {md_text(event.after.note)}" if event.after and event.after.note else ""
            lines.append(f"  - {moment_text(event.at)}{who}: {md_text(history_text(event.before, event.after))}{note}")
    return lines + [""]


FIGURE_STATUS = {"conflict": "conflict", "superseded": "updated later", "compatible": "compatible", "agree": "agree"}


def _figures(data: ReportData) -> list[str]:
    """The figure table: a row per fact, a column per source; ≠ marks a figure that cannot hold with
    another source's, struck through one a later report updated."""
    if not data.figures:
        return []
    lines = ["## Figures by source", "",
             "Each row is one fact, each column a source. ≠: cannot hold with another source's figure; struck "
             "through: updated by a later report. Verdict: the fact's, as a whole (where reviewers differed, the "
             "final one).", "",
             "| Fact | Status | Verdict | " + " | ".join(md_cell(a.short_name) for a in data.articles) + " |",
             "|---|---|---|" + "---|" * len(data.articles)]
    for row in data.figures:
        cells = []
        for cell in row.cells:
            text = md_cell(cell.text)
            text = f"~~{text}~~" if cell.superseded and text else text
            cells.append(f"{text} ≠" if cell.conflict else text)
        lines.append(f"| {md_cell(row.label)} | {FIGURE_STATUS.get(row.status, row.status)} | {_fact_verdict(row)} | "
                     + " | ".join(cells) + " |")
    return lines + [""]


def _fact_verdict(row: FigureRow) -> str:
    """A figure-table row's verdict cell: the label in bold and its note, or what it waits for."""
    verdict = row.verdict
    if verdict is not None:
        return f"**{md_cell(verdict.label)}**" + (f" — {md_cell(verdict.note)}" if verdict.note else "")
    return "awaiting a final verdict" if row.awaiting_final else ""


def _header(data: ReportData) -> list[str]:
    case = f" for the case {md_text(data.case_name)}" if data.title != data.case_name else ""
    meta = f"Fact-check report{case}, generated {moment_text(data.generated_at)}."
    if data.publisher:
        url = f" ({md_url(data.publisher.url)})" if data.publisher.url else ""
        meta += f" Published by {md_text(data.publisher.name)}{url}."
    if http_url(data.case_url):
        meta += f" Online at {md_url(data.case_url)}."
    state = "**Final report**" if data.final else "**Draft**: not yet published; verdicts may still change."
    return [f"# {md_text(data.title)}", "", state, "", meta, ""]


def _summary(data: ReportData) -> list[str]:
    summary = data.summary
    lines = [
        "## Summary", "", md_text(lead(data)), "",
        "| | Claims |",
        "|---|---:|",
        f"| Claims found | {summary.claims_found} |",
        f"| Reviewed | {summary.reviewed} |",
        *(f"| {md_cell(count.label)} | {count.count} |" for count in summary.by_label),
        f"| Not reviewed | {summary.claims_found - summary.reviewed} |",
        f"| Discrepancies | {summary.discrepancies} |",
        f"| Discrepancies resolved | {summary.discrepancies_resolved} |",
        "",
    ]
    if data.scale.labels:
        steps = ", ".join(
            md_text(label.label) + (f" {label.rating}" if label.rating is not None else "") for label in data.scale.labels
        )
        lines += [f"Scale: {steps}.", ""]
    return lines


def _discrepancies(data: ReportData) -> list[str]:
    if not data.discrepancies:
        return []
    lines = ["## Discrepancies", ""]
    for number, discrepancy in enumerate(data.discrepancies, 1):
        lines += [
            f"### {number}. {md_text(discrepancy.kind.capitalize())} discrepancy: "
            + ("resolved" if discrepancy.resolved else "open"),
            "",
            md_text(discrepancy.explanation),
            "",
        ]
        for claim in discrepancy.claims:
            verdict = f"**{md_text(claim.verdict.label)}**" if claim.verdict else "not reviewed"
            gloss = figure_gloss(claim.figure)
            lines.append(f"- claim {claim.claim_id} in {md_text(claim.article.short_name)}: “{md_text(claim.figure.text)}”"
                         + (f" ({md_text(gloss)})" if gloss else "") + f": {verdict}")
        lines.append("")
    return lines


def _unreviewed(data: ReportData) -> list[str]:
    entries = data.unreviewed_entries
    if not entries:
        return []
    lines = ["## Claims not reviewed", "", "| Claim | Source | Words | Read as |", "|---:|---|---|---|"]
    for entry in entries:
        words = (f"“{md_cell(entry.quote.text)}”" + (" · in conflict" if entry.in_conflict else "")
                 + (" · awaiting a final verdict" if entry.awaiting_final else ""))
        read_as = md_cell(figure_gloss(entry.figure)) + (" (added by the reviewer)" if entry.origin == "reviewer" else "")
        lines.append(f"| {entry.claim_id} | {md_cell(entry.article.short_name)} | {words} | {read_as} |")
    return lines + [""]


def _sources(data: ReportData) -> list[str]:
    authors = any(article.author for article in data.articles)  # no empty Author column
    lines = ["## Sources", "", "| # | Title | Outlet | Published |" + (" Author |" if authors else "") + " Address |",
             "|---:|---|---|---|" + ("---|" if authors else "") + "---|"]
    for article in data.articles:
        cells = (md_cell(article.title), md_cell(article.outlet), md_cell(published_text(article.published)),
                 *((md_cell(article.author),) if authors else ()), md_url(article.url).replace("|", "\\|"))
        lines.append(f"| {article.position + 1} | " + " | ".join(cells) + " |")
    return lines + [""]


def render_markdown(data: ReportData) -> str:
    """The report in the order a reader wants it: summary, discrepancies, the figures by source, reviewed claims, the claims not
    reviewed in a table, sources, methodology."""
    lines = [*_header(data), *_summary(data), *_discrepancies(data), *_figures(data)]
    if data.reviewed_entries:
        lines += ["## Reviewed claims", ""]
        for entry in data.reviewed_entries:
            lines += _entry(entry, data)
    lines += _unreviewed(data)
    if not data.entries:
        lines += ["No claims in this case.", ""]
    lines += _sources(data)
    lines += ["## Methodology", "", md_text(methodology(data)), ""]
    return "\n".join(lines)
