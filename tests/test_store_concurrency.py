"""Concurrency on a shared server: four reviewer processes write verdicts to one case at once (200 each,
within a bounded time); every acknowledged verdict must be there with its note, each reviewer's rows must
hold their own last verdicts, and no reviewer's verdict may overwrite another's."""
from __future__ import annotations

import multiprocessing
import random
import time

from sqlalchemy import create_engine, text

from fact_review.model import Article
from fact_review.store import open_service
from store_fakes import fake_analyse, fake_match

PROCESSES, VERDICTS = 4, 200
TIME_LIMIT_SECONDS = 240
TEXT = " ".join(f"Item {n}: {n * 11} crates arrived." for n in range(1, 9))  # 16 claims: writers meet often


def reviewer_writes(db: str, reviewer: str, seed: int, start, acknowledged) -> None:
    """One reviewer's process: wait for the others, then give verdicts as fast as the server takes them,
    reporting each one after ``set_verdict`` returned (committed)."""
    service = open_service(db, reviewer=reviewer, analyse=fake_analyse, match=fake_match)
    case = service.find_case("Crates")
    claims = [c.id for c in service.claims(case.id)]
    labels = [s.label for s in service.scale(case.id)]
    rng = random.Random(seed)
    start.wait()
    for n in range(VERDICTS):
        claim_id, label, note = rng.choice(claims), rng.choice(labels), f"{reviewer} #{n}"
        change = service.set_verdict(claim_id, label, note=note)
        acknowledged.put((reviewer, claim_id, change.after.version, label, note))
    service.close()


def test_four_reviewers_at_once_lose_nothing_and_overwrite_nobody(pg_db, figure):
    with open_service(pg_db, analyse=fake_analyse, match=fake_match) as service:
        case = service.create_case("Crates")
        service.import_articles(case.id, [Article(text=TEXT, path="c.txt").with_text(TEXT)])
    context = multiprocessing.get_context("spawn")
    start, acknowledged = context.Event(), context.Queue()
    reviewers = [f"reviewer {n}" for n in range(PROCESSES)]
    workers = [context.Process(target=reviewer_writes, args=(pg_db, r, n, start, acknowledged))
               for n, r in enumerate(reviewers)]
    for worker in workers:
        worker.start()
    started = time.monotonic()
    start.set()
    received = []
    while len(received) < PROCESSES * VERDICTS and time.monotonic() - started < TIME_LIMIT_SECONDS:
        if not any(w.is_alive() for w in workers) and acknowledged.empty():
            break
        try:
            received.append(acknowledged.get(timeout=1))
        except Exception:  # queue.Empty: poll the workers again
            continue
    seconds = time.monotonic() - started
    for worker in workers:
        worker.join(timeout=30)
    assert all(w.exitcode == 0 for w in workers), [w.exitcode for w in workers]
    assert len(received) == PROCESSES * VERDICTS, f"{len(received)} acknowledged in {seconds:.0f} s"

    engine = create_engine(pg_db)
    with engine.connect() as connection:
        events = {(reviewer, claim_id, version, note) for reviewer, claim_id, version, note in connection.execute(text(
            "SELECT reviewer, claim_id, CAST(after_json AS jsonb) ->> 'version', "
            "CAST(after_json AS jsonb) ->> 'note' FROM verdict_event"))}
        rows = {(reviewer, claim_id): (label, note, version) for reviewer, claim_id, label, note, version in
                connection.execute(text("SELECT reviewer, claim_id, label, note, version FROM verdict"))}
    engine.dispose()
    lost = sum(1 for reviewer, claim_id, version, _label, note in received
               if (reviewer, claim_id, str(version), note) not in events)
    last: dict[tuple[str, int], tuple[str, str, int]] = {}
    for reviewer, claim_id, version, label, note in received:  # each process's own order is its commit order
        last[(reviewer, claim_id)] = (label, note, version)
    overwritten = sum(1 for (reviewer, _claim), (_label, note, _version) in rows.items()
                      if not note.startswith(f"{reviewer} #"))
    assert rows == last  # each reviewer's row is their own last acknowledged verdict, version counting them all
    figure(f"concurrency test (postgresql): processes={PROCESSES} verdicts={len(received)} in {seconds:.1f} s "
           f"lost={lost} overwritten={overwritten}")
    assert lost == 0 and overwritten == 0


def test_conflicting_writes_to_one_row_are_run_again_not_lost(pg_db, figure):
    """The same reviewer in two windows, changing one claim at the same moments: one of each pair of
    transactions loses the serialisation check and the service runs it again, so every write counts."""
    with open_service(pg_db, analyse=fake_analyse, match=fake_match) as service:
        case = service.create_case("Crates")
        service.import_articles(case.id, [Article(text=TEXT, path="c.txt").with_text(TEXT)])
        claim_id = service.claims(case.id)[0].id
    context = multiprocessing.get_context("spawn")
    start, acknowledged = context.Event(), context.Queue()
    workers = [context.Process(target=same_claim_writes, args=(pg_db, claim_id, n, start, acknowledged))
               for n in range(2)]
    for worker in workers:
        worker.start()
    start.set()
    versions = sorted(acknowledged.get(timeout=TIME_LIMIT_SECONDS) for _ in range(2 * SAME_ROW_WRITES))
    for worker in workers:
        worker.join(timeout=30)
    assert all(w.exitcode == 0 for w in workers)
    assert versions == list(range(1, 2 * SAME_ROW_WRITES + 1))  # each write its own version: none lost
    with open_service(pg_db) as service:
        assert service.claim(claim_id).own("ana").version == 2 * SAME_ROW_WRITES
        assert len(service.verdict_history(claim_id)) == 2 * SAME_ROW_WRITES
    figure(f"same-row test (postgresql): writes={len(versions)} lost=0")


SAME_ROW_WRITES = 60


def same_claim_writes(db: str, claim_id: int, seed: int, start, acknowledged) -> None:
    service = open_service(db, reviewer="ana")
    start.wait()
    for n in range(SAME_ROW_WRITES):
        acknowledged.put(service.set_verdict(claim_id, "True", note=f"window {seed} #{n}").after.version)
    service.close()
