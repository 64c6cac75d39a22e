"""The soak's workers: child processes forked from the soak that run one kind of writing work in a loop,
through the real command line (``fact_review.cli.main``) or the service, until they are killed.

After each command a child writes one JSON line to its pipe: what it asked and the exit status it got.
Only a line with status 0 is an acknowledgement (what a user was told is saved); a line with another
status is a refusal, whose change must *not* be in the database. A child's stdout goes nowhere and its
stderr to a log the soak reads for recovery notices.
"""
from __future__ import annotations

import contextlib
import json
import os
import random
from pathlib import Path
from typing import Callable

from fact_review.cli import main as cli

REPORT_FORMATS = ("html", "md", "csv", "json", "claimreview", "pdf")


def start(work: Callable[[random.Random, Callable[[dict], None]], None], seed: int, log: Path) -> tuple[int, int]:
    """Fork a child running ``work(rng, say)`` forever; returns (pid, read end of its pipe)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        try:
            quiet = os.open(os.devnull, os.O_WRONLY)
            os.dup2(quiet, 1)
            os.dup2(os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644), 2)

            def say(message: dict) -> None:
                os.write(write_end, (json.dumps(message) + "\n").encode())

            work(random.Random(seed), say)
        finally:
            os._exit(3)
    os.close(write_end)
    return pid, read_end


def _cli(argv: list[str]) -> int:
    with contextlib.suppress(SystemExit):
        return cli(argv)
    return 2


def verdicts(db: str, case: str, claims: list[int], labels: list[str], tag: str):
    """Verdicts on random claims, each note unique, by three reviewers in turn."""
    def work(rng: random.Random, say) -> None:
        n = 0
        while True:
            claim, note, reviewer = rng.choice(claims), f"{tag}-{n}", f"reviewer {n % 3}"
            status = _cli(["verdict", "--db", db, "--case", case, "--claim", str(claim), "--label",
                           rng.choice(labels), "--note", note, "--reviewer", reviewer])
            say({"verdict": note, "claim": claim, "reviewer": reviewer, "status": status})
            n += 1
    return work


def imports(db: str, articles: list[Path], tag: str):
    """Each article into a case of its own (a new case each time), or again into the last one."""
    def work(rng: random.Random, say) -> None:
        n = 0
        while True:
            case = f"{tag}-{n}"
            status = _cli(["import", "--db", db, "--case", case, str(rng.choice(articles))])
            say({"import": case, "status": status})
            n += 1
    return work


def reports(db: str, case: str, folder: Path):
    """Reports of the case in every format, over the same files again and again."""
    def work(rng: random.Random, say) -> None:
        while True:
            fmt = rng.choice(REPORT_FORMATS)
            out = folder / f"report.{fmt}"
            status = _cli(["report", "--db", db, "--case", case, "--format", fmt, "-o", str(out)])
            say({"report": str(out), "status": status})
    return work


def backups(db: str):
    """Verified backups, one after the other, through the service the window uses for 'back up now'."""
    def work(rng: random.Random, say) -> None:
        from fact_review.store import open_service

        with open_service(db) as service:
            while True:
                say({"backup": str(service.backup()), "status": 0})
    return work


def migration(db: str, case: str):
    """Open an old database (a backup, then the migration run) and list its case."""
    def work(rng: random.Random, say) -> None:
        status = _cli(["verdicts", "--db", db, "--case", case, "--json"])
        say({"migrated": db, "status": status})
        while True:
            os.pause()
    return work
