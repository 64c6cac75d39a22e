"""Report export speed for a case of 1,000 verdicts: HTML (target < 1 s) and PDF (target < 5 s), with the
other formats, against a baseline in the same run: ``json.dumps`` of the same report already turned into
plain dicts (serialisation alone).

The case is made up here (three sources, 1,000 claims each with a verdict, a note, an evidence url and a
matched statement in another source; one discrepancy per 20 claims).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.bench_reports [--runs 5]
"""
from __future__ import annotations

import argparse
import json
import tempfile
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from bench.common import median_seconds
from fact_review.reports.data import (
    Discrepancy,
    DiscrepancyClaim,
    Figure,
    MatchedStatement,
    Quote,
    ReportArticle,
    ReportData,
    ReportEntry,
    Verdict,
)
from fact_review.reports.formats import TEXT_RENDERERS
from fact_review.reports.json_report import plain
from tests.report_fixtures import SCALE  # the renderer tests' verdict scale

VERDICTS = 1_000
TARGETS = {"html": 1.0, "pdf": 5.0}


def synthetic_report(verdicts: int = VERDICTS) -> ReportData:
    start = datetime(2025, 5, 26, 9, 0, tzinfo=timezone.utc)
    articles = tuple(
        ReportArticle(i + 1, i, f"Storm damage report number {i + 1}", f"Outlet {i + 1}",
                      f"https://news{i + 1}.example/storm", f"Reporter {i + 1}", f"2025-05-2{i + 3}")
        for i in range(3)
    )
    entries = []
    for n in range(verdicts):
        article, other = articles[n % 3], articles[(n + 1) % 3]
        value = Decimal(100 + n)
        figure = Figure(f"about {value} homes", "number", value, None, "homes", "about", value - 10, value + 10)
        label = SCALE.labels[n % len(SCALE.labels)]
        at = start + timedelta(minutes=n)
        entries.append(ReportEntry(
            claim_id=n + 1,
            article=article,
            quote=Quote("Officials said on Tuesday that ", figure.text, " had lost power after the storm."),
            sentence=f"Officials said on Tuesday that {figure.text} had lost power after the storm.",
            figure=figure,
            in_conflict=n % 20 == 0,
            matches=(MatchedStatement(other, f"Some {value + 5} homes were without power, the utility said.",
                                      0.8, "compatible", "confirmed",
                                      (Figure(f"{value + 5} homes", "number", value + 5, None, "homes"),)),),
            verdict=Verdict(label.label, label.rating, f"Checked against the utility's outage map, entry {n}.",
                            f"https://utility.example/outages?day=26&n={n}", "Reviewer A", at, at),
        ))
    discrepancies = tuple(
        Discrepancy("value", "The sources disagree on the number of homes.", (
            DiscrepancyClaim(e.claim_id, e.article, e.figure, e.verdict),
            DiscrepancyClaim(e.claim_id, e.matches[0].article, e.matches[0].figures[0], None),
        ))
        for e in entries if e.in_conflict
    )
    return ReportData.build("storm", SCALE, articles, tuple(entries), discrepancies, title="Storm damage")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    from ui.reports_pdf import render_pdf  # Qt, offscreen when there is no window

    data = synthetic_report()
    as_plain_data = plain(data)
    baseline = median_seconds(lambda: json.dumps(as_plain_data), args.runs)
    print(f"{VERDICTS} verdicts, median of {args.runs} runs")
    print(f"  baseline: json.dumps of the report as plain dicts {baseline * 1000:.1f} ms")
    status = 0
    with tempfile.TemporaryDirectory() as folder:
        timings = {fmt: median_seconds(lambda fmt=fmt: render(data), args.runs) for fmt, render in TEXT_RENDERERS.items()}
        timings["pdf"] = median_seconds(lambda: render_pdf(data, Path(folder) / "report.pdf"), max(1, args.runs // 2))
        pages = _pages(Path(folder) / "report.pdf")
    for fmt, seconds in timings.items():
        target = TARGETS.get(fmt)
        verdict = "" if target is None else ("  ok" if seconds < target else "  TOO SLOW") + f" (target < {target:g} s)"
        print(f"  {fmt:<11} {seconds * 1000:8.1f} ms  {seconds / baseline:6.1f}x baseline{verdict}")
        if target is not None and seconds >= target:
            status = 1
    if pages:
        print(f"  pdf pages: {pages}")
    return status


def _pages(pdf: Path) -> int | None:
    try:
        from pypdf import PdfReader  # a test dependency; the page count is only informative
    except ImportError:
        return None
    return len(PdfReader(pdf).pages)


if __name__ == "__main__":
    raise SystemExit(main())
