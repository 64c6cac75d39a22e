"""A fuzz worker: runs the command line in-process on one input after another, as its parent asks.

Reads one JSON job a line on standard input, ``{"path", "case", "format"}``, and for each step (``claims``,
``import``, ``verdicts``, ``report``) writes a line when it starts and one when it ends, with the exit
status, the first line of what it said on stderr, its seconds and the memory it added at its peak (the
kernel's high-water mark, reset before the step, less the resident size then). The parent kills a worker whose step outlives its
timeout and starts another. Each input runs in a child forked from a warmed-up worker: a Python start per
input would cost more than most inputs do (40,000 steps on two shared cores).

    python -m stress.worker DB OUT_FOLDER MEMORY_LIMIT_MB
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import shutil
import sys
import time
from pathlib import Path

from fact_review.cli import main as cli

MB = 1024 * 1024


def _status_mb(field: str) -> float:
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith(field))
    return int(line.split()[1]) / 1024


def reset_peak() -> None:
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")  # the peak resident set size starts again from the current one


def run_step(argv: list[str]) -> dict:
    said = io.StringIO()
    with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink), contextlib.redirect_stderr(said):
        reset_peak()
        before = _status_mb("VmRSS")
        began = time.perf_counter()
        try:
            status = cli(argv)
            escaped = None
        except BaseException as error:  # noqa: BLE001 - anything leaving main() is a crash to report
            status, escaped = 1, f"escaped main(): {type(error).__name__}: {error}"
        seconds = time.perf_counter() - began
        added = _status_mb("VmHWM") - before
    message = escaped or next((line for line in said.getvalue().splitlines() if line.strip()), "")
    return {"status": status, "message": message[:500], "seconds": seconds, "added_mb": max(added, 0.0),
            "escaped": escaped is not None}


def steps(job: dict, db: str, out: Path) -> list[tuple[str, list[str]]]:
    report = out / f"report.{job['format']}"
    return [
        ("claims", ["claims", job["path"], "--json"]),
        ("import", ["import", "--db", db, "--case", job["case"], job["path"], "--json"]),
        ("verdicts", ["verdicts", "--db", db, "--case", job["case"], "--json"]),
        ("report", ["report", "--db", db, "--case", job["case"], "--format", job["format"], "-o", str(report)]),
    ]


def serve(db: str, out: Path, limit_mb: int) -> None:
    """Warm up once, then fork a child per job: every input starts from the same warm process (as a new
    command would, without paying Python's start each time), and no input's memory is left to the next."""
    warm_up(out, db)
    for line in sys.stdin:
        job = json.loads(line)
        child = os.fork()
        if child == 0:
            try:
                resource.setrlimit(resource.RLIMIT_AS, (limit_mb * MB, limit_mb * MB))
                for name, argv in steps(job, db, out):
                    _say({"start": name})
                    _say({"step": name, **run_step(argv)})
            finally:
                os._exit(0)
        _, status = os.waitpid(child, 0)
        for leftover in out.iterdir():
            leftover.unlink()
        if status != 0:
            _say({"died": os.waitstatus_to_exitcode(status)})
        _say({"finished": job["path"]})


def warm_up(out: Path, db: str) -> None:
    """Load what every step loads (the pipeline, HTML reading, the store, the reports and Qt's libraries
    for the PDF) before the first fork: the figures are each input's own work, not a new process's
    one-time loading; the database is made (migrated) here too. No Qt application is made: a process
    with Qt's threads must not fork."""
    scratch = out / "warm-up"
    scratch.mkdir()
    page = scratch / "page.html"
    # a date only in the text sends htmldate to dateparser, whose first call loads its languages (~2 s)
    page.write_text("<html><body><article><p>542158 people were hurt on 10 May.</p><p>596820 people were hurt on "
                    "27 May.</p></article></body></html>", encoding="utf-8")
    for argv in (["claims", str(page)], ["import", "--db", db, "--case", "warm-up", str(page)],
                 ["report", "--db", db, "--case", "warm-up", "--format", "html", "-o", str(scratch / "r.html")]):
        run_step(argv)
    shutil.rmtree(scratch)
    import ui.reports_pdf  # noqa: F401 - loaded, not run


def _say(message: dict) -> None:
    sys.__stdout__.write(json.dumps(message) + "\n")
    sys.__stdout__.flush()


if __name__ == "__main__":
    serve(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]))
