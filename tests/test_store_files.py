"""The database file's safety rules (ARCHITECTURE.md §5): pragmas, BEGIN IMMEDIATE, single writer,
newer versions, damaged files, backups, migrations killed half-way, hostile text."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, event
from sqlmodel import SQLModel

from fact_review.errors import InputError
from fact_review.model import Article
from fact_review.store import CorruptDatabaseError, ReadOnlyError, open_service
from fact_review.store import backup as backups
from fact_review.store import migrate
from fact_review.store.db import make_engine
from fact_review.store.engines import NEWER_VERSION
from fact_review.store.engines.sqlite import OTHER_WINDOW, restore_backup
from store_fakes import fake_analyse, fake_match
from stress.old_database import OLD_NOTE, old_database

TEXT = "Officials said 120 homes were damaged. Later 7 schools closed."


def open_db(path: Path, **kwargs):
    return open_service(path, analyse=fake_analyse, match=fake_match, **kwargs)


def seeded(path: Path):
    service = open_db(path)
    case = service.create_case("Storm")
    service.import_articles(case.id, [Article(text=TEXT, path="s.txt").with_text(TEXT)])
    return service, case


def test_every_connection_is_wal_full_with_foreign_keys(tmp_path):
    with open_db(tmp_path / "r.db") as service:
        with service._write_engine.connect() as connection:
            pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 2  # FULL
            assert pragma("foreign_keys") == 1
            assert pragma("busy_timeout") >= 5000


def test_writes_begin_immediate(tmp_path):
    service, case = seeded(tmp_path / "r.db")
    statements: list[str] = []
    event.listen(service._write_engine, "before_cursor_execute",
                 lambda conn, cursor, statement, *rest: statements.append(statement))
    service.set_verdict(service.claims(case.id)[0].id, "True")
    service.close()
    assert statements[0] == "BEGIN IMMEDIATE"


def test_schema_from_migrations_equals_the_models(tmp_path):
    engine = make_engine(tmp_path / "m.db", writes=True)
    migrate.upgrade(engine)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), SQLModel.metadata) == []
    engine.dispose()


SECOND_WINDOW = textwrap.dedent("""
    import sys
    from fact_review.store import ReadOnlyError, open_service
    service = open_service(sys.argv[1], window=True)
    print(service.read_only, service.read_only_reason, sep="|")
    print(len(service.list_cases()))
    try:
        service.create_case("From the second window")
    except ReadOnlyError as error:
        print("refused:", error)
    with service._read_engine.connect() as connection:
        try:
            connection.exec_driver_sql("DELETE FROM review_case")
        except Exception as error:
            print("sqlite refused:", error)
""")


def test_second_process_gets_read_only_with_a_clear_message(tmp_path):
    path = tmp_path / "r.db"
    service = open_db(path, window=True)
    service.create_case("Storm")
    try:
        child = subprocess.run([sys.executable, "-c", SECOND_WINDOW, str(path)], capture_output=True,
                               text=True, timeout=60)
        lines = child.stdout.splitlines()
        assert child.returncode == 0, child.stderr
        assert lines[0] == f"True|{OTHER_WINDOW}" and "open in another window" in lines[0]
        assert lines[1] == "1"  # it can read
        assert lines[2].startswith("refused:") and "open in another window" in lines[2]
        assert "attempt to write a readonly database" in lines[3]
        assert [c.name for c in service.list_cases()] == ["Storm"]
        service.create_case("Still writable here")
    finally:
        service.close()
    with open_db(path) as reopened:  # the lock goes with the window
        assert not reopened.read_only


def test_database_from_a_newer_version_is_refused_for_writing(tmp_path):
    path = tmp_path / "r.db"
    service, _ = seeded(path)
    service.close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    with open_db(path) as newer:
        assert newer.read_only and newer.read_only_reason == NEWER_VERSION
        assert [c.name for c in newer.list_cases()] == ["Storm"]
        with pytest.raises(ReadOnlyError, match="newer version"):
            newer.create_case("Nope")
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "9999_from_the_future"


def test_damaged_file_is_moved_aside_and_newest_good_backup_restored(tmp_path):
    path = tmp_path / "r.db"
    service, case = seeded(path)
    claim = service.claims(case.id)[0]
    service.set_verdict(claim.id, "True")
    made = service.backup()
    service.close()
    damaged = bytearray(path.read_bytes())
    damaged[:100] = b"\x00garbage" * 12 + b"\x00" * 4
    path.write_bytes(bytes(damaged))
    with pytest.raises(CorruptDatabaseError) as refused:
        open_db(path, recover=False)
    assert refused.value.backups[0] == made and path.read_bytes() == bytes(damaged)
    with open_db(path) as recovered:
        assert recovered.recovery.restored_from == made
        assert recovered.recovery.moved_to.read_bytes() == bytes(damaged)  # kept, never deleted
        assert recovered.claim(claim.id).verdict.label == "True"


def test_backups_are_verified_copies_and_restorable(tmp_path):
    path = tmp_path / "r.db"
    service, case = seeded(path)
    claim = service.claims(case.id)[0]
    service.set_verdict(claim.id, "False")
    made = service.backup()
    assert backups.integrity_ok(made) and made.parent == tmp_path / "r.db.backups"
    service.set_verdict(claim.id, "True")
    with pytest.raises(Exception, match="another window"):
        restore_backup(path, made)
    service.close()
    moved_to = restore_backup(path, made)
    assert moved_to.exists()
    with open_db(path) as restored:
        assert restored.claim(claim.id).verdict.label == "False"


def test_backups_are_thinned_dense_recently_sparse_later(tmp_path):
    now = datetime(2026, 6, 1, 12, tzinfo=timezone.utc)
    times = [now - timedelta(hours=6 * i) for i in range(400)]  # four a day for 100 days
    names = [tmp_path / f"r-{t.strftime(backups.STAMP)}.db" for t in times]
    gone = set(backups.backups_to_delete(names, now))
    kept = [t for t, name in zip(times, names) if name not in gone]
    assert times[:backups.KEEP_LAST] == kept[:backups.KEEP_LAST]
    recent_days = {t.date() for t in times if now - t <= timedelta(days=backups.KEEP_DAYS)}
    assert recent_days <= {t.date() for t in kept}
    older = [t for t in kept if now - t > timedelta(days=backups.KEEP_DAYS)]
    assert len({t.isocalendar()[:2] for t in older}) == len(older)  # at most one a week
    assert all(now - t <= timedelta(weeks=backups.KEEP_WEEKS) for t in older)
    assert len(kept) < 40


HALFWAY = "halfway\n"


def test_migration_killed_half_way_leaves_the_old_version(tmp_path):
    path = tmp_path / "old.db"
    old_database(path)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: migrate, and stop for good right after the first schema change
        os.close(read_end)

        def stop_half_way(conn, cursor, statement, *rest):
            if "_alembic_tmp_verdict" in statement or statement.lstrip().upper().startswith("ALTER TABLE"):
                os.write(write_end, HALFWAY.encode())
                os.read(os.open(os.devnull, os.O_RDONLY), 1) or signal.pause()

        event.listen(Engine, "after_cursor_execute", stop_half_way)
        try:
            open_service(path)
        finally:
            os._exit(3)
    os.close(write_end)
    with os.fdopen(read_end) as reader:
        reached = reader.readline()
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    assert reached == HALFWAY

    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        columns = [row[1] for row in connection.execute("PRAGMA table_info(verdict)")]
        assert "flagged" not in columns
        assert connection.execute("SELECT note FROM verdict").fetchone() == (OLD_NOTE,)
    assert len(backups.list_backups(path)) == 1  # taken before the migration started

    with open_service(path) as migrated:
        [claim] = migrated.claims(1)
        assert migrated.read_only is False
        assert (claim.value, claim.verdict.note, claim.verdict.flagged) == (claim.value, OLD_NOTE, False)
        assert str(claim.value) == "5.00"
    engine = make_engine(path, writes=False)
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


HOSTILE = [
    "'); DROP TABLE verdict; --",
    "Robert'); DELETE FROM claim WHERE ('1'='1",
    "\x00\x01\x02\x07\x08\x0b\x0c\x1b[31mred\x1b[0m\x7f",
    "\u202eevil\u202c \u2066isolate\u2069 \u200f\u200e\ufeff zero\u200bwidth",
    "line\r\nbreaks\rold\u2028sep\u2029para",
    "emoji \U0001f4a3 and combining e\u0301",
]


def test_hostile_text_round_trips_byte_for_byte(tmp_path):
    path = tmp_path / "r.db"
    megabyte_note = ("x\u202e'\x00\"; " * 150_000)[: 1024 * 1024]
    article_text = " ".join(HOSTILE) + " 42 items."
    with open_db(path) as service:
        case = service.create_case(HOSTILE[0] + HOSTILE[3])
        service.import_articles(case.id, [Article(text=article_text, title=HOSTILE[1], url=HOSTILE[4])
                                          .with_text(article_text)])
        claim = service.claims(case.id)[0]
        notes = HOSTILE + [megabyte_note]
        for note in notes:
            service.set_verdict(claim.id, "True", note=note, evidence_url=note[:200], reviewer=note[:50])
    with open_db(path) as reopened:
        [case] = reopened.list_cases()
        assert case.name == HOSTILE[0] + HOSTILE[3]
        [stored] = reopened.articles(case.id)
        assert (stored.text, stored.title, stored.url) == (article_text, HOSTILE[1], HOSTILE[4])
        history = reopened.verdict_history(claim.id)
        assert [e.after.note for e in history] == notes
        verdict = reopened.claim(claim.id).own(megabyte_note[:50])  # each hostile name is a reviewer of its own
        assert verdict.note.encode("utf-8") == megabyte_note.encode("utf-8")
        assert verdict.reviewer == megabyte_note[:50]
        assert len(reopened.list_cases()) == 1  # nothing was dropped or deleted


def test_matching_runs_before_the_write_lock_is_taken(tmp_path):
    """Verdicts given while a large case is being re-matched must not wait for the matcher."""
    path = tmp_path / "r.db"
    writable_while_matching = []

    def match_and_probe(articles):
        probe = sqlite3.connect(path, timeout=0)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
            writable_while_matching.append(True)
        except sqlite3.OperationalError:
            writable_while_matching.append(False)
        finally:
            probe.close()
        return fake_match(articles)

    with open_service(path, analyse=fake_analyse, match=match_and_probe) as service:
        case = service.create_case("Storm")
        service.import_articles(case.id, [Article(text=TEXT, path="s.txt").with_text(TEXT)])
        service.import_articles(case.id, [Article(text=TEXT + " 9 roads shut.", path="s.txt")
                                          .with_text(TEXT + " 9 roads shut.")])
        assert len(service.claims(case.id)) == 3
    assert writable_while_matching == [True, True]


def test_a_document_passed_as_the_database_is_left_alone(tmp_path):
    document = tmp_path / "article.txt"
    document.write_text("Not a database: 300 drones.", encoding="utf-8")
    with pytest.raises(InputError, match="not a Fact Review database"):
        open_db(document)
    assert document.read_text(encoding="utf-8") == "Not a database: 300 drones."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt"]  # not even a lock file beside it
