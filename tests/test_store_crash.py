"""Crash test: a child process saves verdicts in a loop and is killed with SIGKILL at random moments,
on a SQLite file and on a PostgreSQL server.

After every kill, each verdict the child reported as committed must be in the database, no row may be
half-written (every reviewer's verdict row equals the last event of that reviewer's history on the
claim, its version the number of those events) and, on SQLite, integrity_check must pass.
"""
from __future__ import annotations

import json
import os
import random
import signal

from sqlalchemy import create_engine, text

from fact_review.model import Article
from fact_review.store import is_url, open_service
from store_fakes import fake_analyse, fake_match

KILLS = {"sqlite": 60, "postgresql": 30}
REVIEWERS = 3  # children take turns as three reviewers, so a reviewer's row is written across kills
TEXT = " ".join(f"Item {n}: {n * 11} crates arrived." for n in range(1, 13))


def save_verdicts_forever(db: str, seed: int, report_fd: int) -> None:
    """The child: save random verdicts and report each one only after ``set_verdict`` returned."""
    service = open_service(db, analyse=fake_analyse, match=fake_match)
    rng = random.Random(seed)
    case = service.list_cases()[0]
    claims = [c.id for c in service.claims(case.id)]
    labels = [s.label for s in service.scale(case.id)]
    reviewer = f"child {seed % REVIEWERS}"
    n = 0
    while True:
        claim_id, note = rng.choice(claims), f"{seed}-{n}"
        change = service.set_verdict(claim_id, rng.choice(labels), note=note, reviewer=reviewer)
        os.write(report_fd, f"{claim_id} {change.after.version} {note}\n".encode())
        n += 1


def run_and_kill(db: str, seed: int, reports_before_kill: int) -> list[tuple[int, str, int, str]]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        try:
            save_verdicts_forever(db, seed, write_end)
        finally:
            os._exit(3)
    os.close(write_end)
    reported = []
    with os.fdopen(read_end) as reader:
        for line in reader:
            claim_id, version, note = line.split()
            reported.append((int(claim_id), f"child {seed % REVIEWERS}", int(version), note))
            if len(reported) >= reports_before_kill:
                os.kill(pid, signal.SIGKILL)
                break
    os.waitpid(pid, 0)
    return reported


def verify(db: str, reported: list[tuple[int, str, int, str]], labels: dict[str, int | None]) -> int:
    """Check the database after a kill; returns how many reported verdicts were missing."""
    engine = create_engine(db if is_url(db) else f"sqlite:///{db}")
    try:
        with engine.connect() as connection:
            if not is_url(db):
                assert connection.exec_driver_sql("PRAGMA integrity_check").fetchall() == [("ok",)]
            history: dict[tuple[int, str], list[dict]] = {}
            for claim_id, reviewer, after in connection.execute(
                text("SELECT claim_id, reviewer, after_json FROM verdict_event ORDER BY id")
            ):
                history.setdefault((claim_id, reviewer), []).append(json.loads(after))
            lost = sum(
                1 for claim_id, reviewer, version, note in reported
                if not any(e["version"] == version and e["note"] == note for e in history.get((claim_id, reviewer), []))
            )
            for claim_id, reviewer, label, rating, note, version in connection.execute(
                text("SELECT claim_id, reviewer, label, rating, note, version FROM verdict")
            ):
                events = history[(claim_id, reviewer)]
                last = events[-1]
                assert (label, rating, note, version) == (last["label"], last["rating"], last["note"], last["version"])
                assert labels[label] == rating and version == len(events)
    finally:
        engine.dispose()
    return lost


def test_sigkill_while_saving_loses_no_acknowledged_verdict(any_db_file, figure):
    db = any_db_file
    engine_name = "postgresql" if is_url(db) else "sqlite"
    with open_service(db, analyse=fake_analyse, match=fake_match) as service:
        case = service.create_case("Crates")
        service.import_articles(case.id, [Article(text=TEXT, path="c.txt").with_text(TEXT)])
        labels = {s.label: s.rating for s in service.scale(case.id)}
    rng = random.Random(20261121)
    checked = lost = 0
    kills = KILLS[engine_name]
    for kill in range(kills):
        reported = run_and_kill(db, seed=kill, reports_before_kill=rng.randint(1, 20))
        assert reported, "the child reported nothing before it was killed"
        lost += verify(db, reported, labels)
        checked += len(reported)
    with open_service(db, analyse=fake_analyse, match=fake_match) as service:
        assert not service.read_only  # every killed writer let go of the lock
        assert service.progress(case.id, reviewer="child 0").reviewed > 0
    figure(f"crash test ({engine_name}): kills={kills} verdicts checked={checked} lost={lost}")
    assert lost == 0 and checked >= kills
