"""Crash test: a child process saves verdicts in a loop and is killed with SIGKILL at random moments.

After every kill, each verdict the child reported as committed must be in the database, no row may be
half-written (every verdict row equals the last event of its history) and integrity_check must pass.
"""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
from pathlib import Path

from fact_review.model import Article
from fact_review.store import open_service
from store_fakes import fake_analyse, fake_match

KILLS = 60
TEXT = " ".join(f"Item {n}: {n * 11} crates arrived." for n in range(1, 13))


def save_verdicts_forever(path: Path, seed: int, report_fd: int) -> None:
    """The child: save random verdicts and report each one only after ``set_verdict`` returned."""
    service = open_service(path, analyse=fake_analyse, match=fake_match)
    rng = random.Random(seed)
    case = service.list_cases()[0]
    claims = [c.id for c in service.claims(case.id)]
    labels = [s.label for s in service.scale(case.id)]
    n = 0
    while True:
        claim_id, note = rng.choice(claims), f"{seed}-{n}"
        change = service.set_verdict(claim_id, rng.choice(labels), note=note, reviewer=f"child {seed}")
        os.write(report_fd, f"{claim_id} {change.after.version} {note}\n".encode())
        n += 1


def run_and_kill(path: Path, seed: int, reports_before_kill: int) -> list[tuple[int, int, str]]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        try:
            save_verdicts_forever(path, seed, write_end)
        finally:
            os._exit(3)
    os.close(write_end)
    reported = []
    with os.fdopen(read_end) as reader:
        for line in reader:
            claim_id, version, note = line.split()
            reported.append((int(claim_id), int(version), note))
            if len(reported) >= reports_before_kill:
                os.kill(pid, signal.SIGKILL)
                break
    os.waitpid(pid, 0)
    return reported


def verify(path: Path, reported: list[tuple[int, int, str]], labels: dict[str, int | None]) -> int:
    """Check the database after a kill; returns how many reported verdicts were missing."""
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        history: dict[int, list[dict]] = {}
        for claim_id, after in connection.execute("SELECT claim_id, after_json FROM verdict_event ORDER BY id"):
            history.setdefault(claim_id, []).append(json.loads(after))
        lost = sum(
            1 for claim_id, version, note in reported
            if not any(e["version"] == version and e["note"] == note for e in history.get(claim_id, []))
        )
        for claim_id, label, rating, note, version in connection.execute(
            "SELECT claim_id, label, rating, note, version FROM verdict"
        ):
            last = history[claim_id][-1]
            assert (label, rating, note, version) == (last["label"], last["rating"], last["note"], last["version"])
            assert labels[label] == rating and version == len(history[claim_id])
    finally:
        connection.close()
    return lost


def test_sigkill_while_saving_loses_no_acknowledged_verdict(tmp_path):
    path = tmp_path / "crash.db"
    with open_service(path, analyse=fake_analyse, match=fake_match) as service:
        case = service.create_case("Crates")
        service.import_articles(case.id, [Article(text=TEXT, path="c.txt").with_text(TEXT)])
        labels = {s.label: s.rating for s in service.scale(case.id)}
    rng = random.Random(20261121)
    checked = lost = 0
    for kill in range(KILLS):
        reported = run_and_kill(path, seed=kill, reports_before_kill=rng.randint(1, 20))
        assert reported, "the child reported nothing before it was killed"
        lost += verify(path, reported, labels)
        checked += len(reported)
    with open_service(path, analyse=fake_analyse, match=fake_match) as service:
        assert not service.read_only  # every killed writer let go of the lock
        assert service.progress(case.id).reviewed > 0
    summary = f"crash test: kills={KILLS} verdicts checked={checked} lost={lost}"
    print(summary)
    (tmp_path / "crash-summary.txt").write_text(summary + "\n")
    assert (tmp_path / "crash-summary.txt").read_text() == f"crash test: kills={KILLS} verdicts checked={checked} lost=0\n"
    assert lost == 0 and checked >= KILLS
