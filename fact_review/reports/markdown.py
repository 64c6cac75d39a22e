"""The Markdown report: user text is escaped so it can never become a link, an image, HTML or a heading."""
from __future__ import annotations

import re
from typing import Optional

from fact_review.reports.data import Figure, ReportData, ReportEntry, Verdict
from fact_review.reports.figures import figure_gloss, figure_reading, moment_text, published_text
from fact_review.reports.text import close_bidi, history_text, in_whole_words, match_text, rating_text
from fact_review.reports.urls import http_url

# Every ASCII punctuation character that CommonMark or its common extensions (tables, strikethrough,
# math, highlight) give a meaning to; a backslash makes each one literal.
_METACHARACTERS = re.compile(r"""([\\`*_{}\[\]()#+\-.!|<>~&:@^$=])""")
_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")


def md_text(text: Optional[str], *, strip: bool = True) -> str:
    """User text as literal inline Markdown: one line, every metacharacter escaped.

    ``strip=False`` keeps the spaces at its ends (a quote's context runs on into the quote).
    """
    if not text:
        return ""
    line = _LINE_BREAKS.sub(" ", text)
    return close_bidi(_METACHARACTERS.sub(r"\\\1", line.strip() if strip else line))


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
    line = f"**{md_text(verdict.label)}**" + (f" \\(rated {rating}\\)" if rating else "")
    if verdict.reviewer:
        line += f", by {md_text(verdict.reviewer)}"
    return line + f", {moment_text(verdict.updated_at)}"


def _figure(figure: Figure) -> str:
    return md_text(figure_reading(figure))


def _entry(entry: ReportEntry, data: ReportData) -> list[str]:
    badge = f"**{md_text(entry.verdict.label)}**" if entry.verdict else "not reviewed"
    conflict = " · in conflict" if entry.in_conflict else ""
    quote = in_whole_words(entry.quote)
    lines = [
        f"### Claim {entry.claim_id} · {md_text(entry.article.short_name)} · {badge}{conflict}",
        "",
        f"> …{md_text(quote.prefix, strip=False)}**{md_text(quote.text)}**{md_text(quote.suffix, strip=False)}…",
        "",
        f"- **Figure:** {md_text(entry.figure.kind)}: {_figure(entry.figure)}"
        + (" (added by the reviewer)" if entry.origin == "reviewer" else ""),
    ]
    if entry.verdict:
        lines.append(f"- **Verdict:** {_verdict_line(entry.verdict, data.scale.best)}")
        if entry.verdict.note:
            lines.append(f"- **Note:** {md_text(entry.verdict.note)}")
        if entry.verdict.evidence_url:
            lines.append(f"- **Evidence:** {md_url(entry.verdict.evidence_url)}")
    if entry.matches:
        lines.append("- **In other sources:**")
        for match in entry.matches:
            figures = "; ".join(_figure(f) for f in match.figures)
            lines.append(
                f"  - {md_text(match.article.short_name)}: “{md_text(match.text)}” \\({md_text(match_text(match))}"
                + (f"; its figures: {figures}" if figures else "") + "\\)"
            )
    if data.with_history and entry.history:
        lines.append("- **History:**")
        for event in entry.history:
            who = f", {md_text(event.reviewer)}" if event.reviewer else ""
            note = f": {md_text(event.after.note)}" if event.after and event.after.note else ""
            lines.append(f"  - {moment_text(event.at)}{who}: {md_text(history_text(event.before, event.after))}{note}")
    return lines + [""]


def _published_by(data: ReportData) -> str:
    if not data.publisher:
        return ""
    url = f" \\({md_url(data.publisher.url)}\\)" if data.publisher.url else ""
    return f" Published by {md_text(data.publisher.name)}{url}\\."


def render_markdown(data: ReportData) -> str:
    summary = data.summary
    case = f" for the case {md_text(data.case_name)}" if data.title != data.case_name else ""
    lines = [
        f"# {md_text(data.title)}",
        "",
        f"Fact\\-check report{case}, generated {moment_text(data.generated_at)}\\.{_published_by(data)}",
        "",
        "## Summary",
        "",
        "| | Claims |",
        "|---|---:|",
        f"| Claims found | {summary.claims_found} |",
        f"| Reviewed | {summary.reviewed} |",
        *(f"| {md_text(count.label)} | {count.count} |" for count in summary.by_label),
        f"| Not reviewed | {summary.claims_found - summary.reviewed} |",
        f"| Discrepancies | {summary.discrepancies} |",
        f"| Discrepancies resolved | {summary.discrepancies_resolved} |",
        "",
    ]
    if data.scale.labels:
        steps = ", ".join(
            md_text(label.label) + (f" {label.rating}" if label.rating is not None else "") for label in data.scale.labels
        )
        lines += [f"Scale: {steps}\\.", ""]
    authors = any(article.author for article in data.articles)  # no empty Author column
    lines += ["## Sources", "", "| # | Title | Outlet | Published |" + (" Author |" if authors else "") + " Address |",
              "|---:|---|---|---|" + ("---|" if authors else "") + "---|"]
    for article in data.articles:
        cells = (md_text(article.title), md_text(article.outlet), md_text(published_text(article.published)),
                 *((md_text(article.author),) if authors else ()), md_url(article.url).replace("|", "\\|"))
        lines.append(f"| {article.position + 1} | " + " | ".join(cells) + " |")
    lines.append("")
    if data.discrepancies:
        lines += ["## Discrepancies", ""]
        for number, discrepancy in enumerate(data.discrepancies, 1):
            lines += [
                f"### {number}\\. {md_text(discrepancy.kind.capitalize())} discrepancy: "
                + ("resolved" if discrepancy.resolved else "open"),
                "",
                md_text(discrepancy.explanation),
                "",
            ]
            for claim in discrepancy.claims:
                verdict = f"**{md_text(claim.verdict.label)}**" if claim.verdict else "not reviewed"
                gloss = figure_gloss(claim.figure)
                lines.append(f"- claim {claim.claim_id} in {md_text(claim.article.short_name)}: “{md_text(claim.figure.text)}”"
                             + (f" \\({md_text(gloss)}\\)" if gloss else "") + f": {verdict}")
            lines.append("")
    lines += ["## Claims", ""]
    for entry in data.entries:
        lines += _entry(entry, data)
    if not data.entries:
        lines += ["No claims in this case\\.", ""]
    return "\n".join(lines)
