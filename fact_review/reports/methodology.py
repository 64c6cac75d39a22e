"""The report's methodology paragraph and its lead sentence: how the claims were found, linked and
reviewed, in the case's own numbers, so a reader can judge what the report does and does not cover."""
from __future__ import annotations

from fact_review import __version__
from fact_review.reports.data import ReportData

# Figure kinds (the Claim contract) as a reader names them.
_KIND_WORDS = {"number": "counts", "ordinal": "ranks", "percent": "percentages", "money": "sums of money",
               "date": "dates", "duration": "durations", "quantity": "quantities"}


def _count(number: int, singular: str, plural: str = "") -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def _listed(words: list[str]) -> str:
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else "".join(words)


def lead(data: ReportData) -> str:
    """One sentence that says what the report holds: ``3 sources, 24 claims, 5 reviewed, 2 discrepancies.``"""
    summary = data.summary
    parts = [_count(len(data.articles), "source"), _count(summary.claims_found, "claim"),
             f"{summary.reviewed} reviewed"]
    if summary.discrepancies:
        parts.append(f"{_count(summary.discrepancies, 'discrepancy', 'discrepancies')} between sources"
                     f" ({summary.discrepancies_resolved} resolved)")
    return ", ".join(parts) + "."


def methodology(data: ReportData) -> str:
    """How the report was made, as one paragraph of plain text."""
    entries = data.entries
    kinds = [words for kind, words in _KIND_WORDS.items() if any(e.figure.kind == kind for e in entries)]
    added = sum(1 for e in entries if e.origin == "reviewer")
    links = {(min(e.article.id, m.article.id), max(e.article.id, m.article.id), m.text): m.status
             for e in entries for m in e.matches}
    confirmed = sum(1 for status in links.values() if status == "confirmed")
    reviewers = sorted({e.verdict.reviewer for e in data.reviewed_entries if e.verdict.reviewer})
    sentences = [
        f"Fact Review {__version__} found the numeric claims in {_count(len(data.articles), 'source article')}"
        + (f" automatically: {_listed(kinds)}, each with its qualifier (such as “about” or “more than”)"
           " and the range of values it allows" if kinds else " automatically")
        + (f"; reviewers added {_count(added, 'claim')} the software missed" if added else "") + ".",
        "Statements in different sources were linked when their wording and their figures say the same thing"
        + (f": {_count(len(links), 'link')}, {confirmed} confirmed by a reviewer and {len(links) - confirmed}"
           " suggested by the software" if links else "; none were found") + ".",
        "A discrepancy is a pair of linked figures that cannot both hold once their qualifiers are taken into"
        " account, or a total and its parts (or dates) that do not agree"
        + f"; {_count(len(data.discrepancies), 'discrepancy', 'discrepancies')} "
        + ("was" if len(data.discrepancies) == 1 else "were") + " found.",
        f"{data.summary.reviewed} of {_count(len(entries), 'claim')} received a verdict on the case's scale"
        + (f" ({_listed([label.label for label in data.scale.labels])})" if data.scale.labels else "")
        + (f" from {_listed(reviewers)}" if reviewers else "")
        + (", and the others are listed as not reviewed" if data.unreviewed_entries else "") + ".",
    ]
    return " ".join(sentences)
