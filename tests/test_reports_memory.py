"""A report's memory grows in proportion to its case: a case four times larger may take at most about four
times the memory above a tiny case's, and the JSON report is written as a stream, never held whole
(a 25 KB page of 628 dated paragraphs made an 8.8 MB report whose process peaked at 175 MB, 108 MB streamed).

The PDF is laid out part by part: Qt's document holds about 60 bytes per character of the page, and the
same 600 paragraphs laid out whole added 140 MB (a 37,000-claim case 560 MB).

Each figure is the peak resident memory (maxrss) of a real ``fact-review report`` process."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import pytest


def _page(paragraphs: int) -> str:
    rng = random.Random(paragraphs)
    return "\n\n".join(f"{rng.randint(0, 10**6)} people were hurt on {rng.randint(1, 31)} May."
                       for _ in range(paragraphs))


def _run(argv: list[str], home) -> float:
    """Run the command line; its peak resident memory in MB."""
    environment = dict(os.environ, HOME=str(home))
    process = subprocess.Popen([sys.executable, "-m", "fact_review", *argv], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env=environment)
    _, status, usage = os.wait4(process.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, process.stderr.read().decode()
    process.stderr.close()
    return usage.ru_maxrss / 1024


@pytest.mark.skipif(not hasattr(os, "wait4"), reason="maxrss of a child needs os.wait4 (POSIX)")
def test_the_json_report_memory_grows_linearly_with_the_case(tmp_path):
    peaks, entries = {}, {}
    for paragraphs in (4, 150, 600):
        page, db, out = tmp_path / f"page{paragraphs}.txt", tmp_path / f"c{paragraphs}.db", tmp_path / f"r{paragraphs}.json"
        page.write_text(_page(paragraphs), encoding="utf-8")
        _run(["import", "--db", str(db), "--case", "Storm", str(page)], tmp_path)
        peaks[paragraphs] = _run(["report", "--db", str(db), "--case", "Storm", "--format", "json", "-o", str(out)],
                                 tmp_path)
        report = json.loads(out.read_text(encoding="utf-8"))
        entries[paragraphs] = len(report["entries"])
    assert entries[600] == 4 * entries[150] >= 600  # the report is whole: every claim is in it
    small, large = peaks[150] - peaks[4], peaks[600] - peaks[4]
    assert large <= 5 * max(small, 3.0), peaks  # linear, with room for a few MB of noise
    assert large < 25, peaks  # before the stream: 42 MB (6 MB after)


@pytest.mark.skipif(not hasattr(os, "wait4"), reason="maxrss of a child needs os.wait4 (POSIX)")
def test_the_pdf_report_memory_stays_bounded_as_the_case_grows(tmp_path):
    peaks, sizes = {}, {}
    for paragraphs in (4, 600):
        page, db, out = tmp_path / f"page{paragraphs}.txt", tmp_path / f"c{paragraphs}.db", tmp_path / f"r{paragraphs}.pdf"
        page.write_text(_page(paragraphs), encoding="utf-8")
        _run(["import", "--db", str(db), "--case", "Storm", str(page)], tmp_path)
        peaks[paragraphs] = _run(["report", "--db", str(db), "--case", "Storm", "--format", "pdf", "-o", str(out)],
                                 tmp_path)
        sizes[paragraphs] = out.stat().st_size
    assert sizes[600] > 50 * sizes[4]  # the long report is there: over a hundred pages
    assert peaks[600] - peaks[4] < 50, peaks  # laid out whole: 140 MB more (17 MB in parts)
