"""A database file that is fine but out of reach: a full disk, a read-only folder or file, another command
writing, a newer version's tables. Nothing is lost, nothing is called damaged, what can be read is read,
a committed change is reported as committed, and every refusal says why (ARCHITECTURE.md §4-5)."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import fact_review.store.service as service_module
from fact_review.cli import main
from fact_review.model import Article
from fact_review.store import open_service
from mounts import fill, make_read_only, need_mounts, small_disk
from store_fakes import fake_analyse, fake_match

TEXT = "Officials said 120 homes were damaged. Later 17 schools closed."


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch):
    monkeypatch.setattr(service_module, "analyse_article", fake_analyse)
    monkeypatch.setattr(service_module, "match_case", fake_match)


def run(capsys, *argv):
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def make_database(path: Path) -> list[int]:
    """A database with one case 'Storm' of one article; its claims' ids."""
    with open_service(path, analyse=fake_analyse, match=fake_match) as service:
        case = service.create_case("Storm")
        service.import_articles(case.id, [Article(text=TEXT, path="s.txt").with_text(TEXT)])
        return [claim.id for claim in service.claims(case.id)]


def labels(capsys, db: Path) -> list:
    status, out, err = run(capsys, "verdicts", "--db", db, "--case", "Storm", "--json")
    assert status == 0, err
    return [claim["verdict"] and claim["verdict"]["label"] for claim in json.loads(out)["claims"]]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith((".tmp", "-wal", "-shm", "-journal")))


@need_mounts
def test_a_verdict_committed_before_the_disk_filled_is_reported_saved(tmp_path, capsys, caplog):
    with small_disk(tmp_path / "disk") as disk:
        db = disk / "v.db"
        claims = make_database(db)
        shutil.rmtree(disk / "v.db.backups")  # the next write is due a backup, which no longer fits
        fill(disk, leave=120 * 1024)  # room for the verdict's log, not for a 200 KB copy of the database
        status, out, err = run(capsys, "verdict", "--db", db, "--case", "Storm", "--claim", claims[0],
                               "--label", "False")
        assert status == 0 and "False" in out, err
        assert "the change itself is saved" in caplog.text and "disk is full" in caplog.text
        assert leftovers(disk / "v.db.backups") == []  # no half-made copy, nor its journal
        assert labels(capsys, db) == ["False", None]


@need_mounts
def test_a_full_disk_is_read_and_a_write_fails_saying_so(tmp_path, capsys):
    with small_disk(tmp_path / "disk") as disk:
        db = disk / "v.db"
        claims = make_database(db)
        fill(disk)
        assert labels(capsys, db) == [None, None]
        status, out, err = run(capsys, "report", "--db", db, "--case", "Storm", "--format", "md")
        assert status == 0 and out.startswith("# Storm")
        status, _, err = run(capsys, "verdict", "--db", db, "--case", "Storm", "--claim", claims[0], "--label", "True")
        assert status == 1 and "the disk is full" in err and "free some space" in err
        assert "INSERT" not in err and "damaged" not in err
        status, _, err = run(capsys, "report", "--db", db, "--case", "Storm", "--format", "html", "-o", disk / "r.html")
        assert status == 1 and f"{disk / 'r.html'}: cannot be written (No space left on device)" in err
        status, _, err = run(capsys, "import", "--db", disk / "new.db", "--case", "Storm", tmp_path / "none.txt")
        assert status == 2  # the missing article is said first
        (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
        status, _, err = run(capsys, "import", "--db", disk / "new.db", "--case", "Storm", tmp_path / "a.txt")
        assert status == 1 and "the disk is full" in err
        assert not (disk / "new.db").exists()  # no empty database left in its place
        assert not [p for p in disk.iterdir() if p.name.startswith((".r.html", "v.db.corrupt"))]


def read_only_copy(tmp_path: Path, source: Path) -> Path:
    """``source``'s folder copied to a tmpfs remounted read-only; the copy of ``source`` in it."""
    disk = tmp_path / "ro"
    disk.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(disk)], check=True)
    for item in source.parent.iterdir():
        if item.is_file():
            shutil.copy2(item, disk / item.name)
    make_read_only(disk)
    return disk / source.name


@need_mounts
@pytest.mark.parametrize("pending_log", [False, True], ids=["checkpointed", "log-left-by-a-crash"])
def test_a_read_only_folder_is_read_with_everything_in_it(tmp_path, capsys, monkeypatch, pending_log):
    db = tmp_path / "rw" / "v.db"
    db.parent.mkdir()
    claims = make_database(db)
    # pending_log: another connection stays open, so closing the service leaves the verdict in the
    # write-ahead log, as a process killed after its commit does
    writer = sqlite3.connect(db) if pending_log else None
    if writer is not None:
        writer.execute("SELECT count(*) FROM claim").fetchall()  # opens the log
    with open_service(db, analyse=fake_analyse, match=fake_match) as service:
        service.set_verdict(claims[1], "Mostly true")
    assert (db.parent / "v.db-wal").exists() == pending_log
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr("tempfile.tempdir", None)
    try:
        copy = read_only_copy(tmp_path, db)
        assert labels(capsys, copy) == [None, "Mostly true"]
        status, out, err = run(capsys, "report", "--db", copy, "--case", "Storm", "--format", "csv")
        assert status == 0 and "Mostly true" in out and "damaged" not in err
        status, _, err = run(capsys, "verdict", "--db", copy, "--case", "Storm", "--claim", claims[0],
                             "--label", "True")
        assert status == 2 and "its folder is read-only: nothing can be saved there" in err
        status, _, err = run(capsys, "import", "--db", copy.parent / "new.db", "--case", "S", tmp_path / "rw" / "v.db")
        assert status == 2
        assert sorted(p.name for p in copy.parent.iterdir()) == sorted(
            p.name for p in db.parent.iterdir() if p.is_file())  # nothing made there, not even a lock
        assert list(scratch.iterdir()) == []  # a private copy read from is removed when done
    finally:
        subprocess.run(["umount", "-l", str(tmp_path / "ro")], check=False)
        if writer is not None:
            writer.close()


FORBIDDEN = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def as_a_user(argv: list[str]) -> list[str]:
    """``argv`` run so that file permissions hold: root without the capabilities that override them."""
    if os.geteuid() != 0:
        return argv
    if shutil.which("setpriv") is None:
        pytest.skip("root ignores file permissions and setpriv is missing")
    return [*FORBIDDEN, *argv]


def cli(*argv) -> subprocess.CompletedProcess:
    return subprocess.run(as_a_user([sys.executable, "-m", "fact_review", *map(str, argv)]), capture_output=True,
                          text=True, timeout=120)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_read_only_file_is_read_and_writes_are_refused_without_sql(tmp_path):
    db = tmp_path / "v.db"
    claims = make_database(db)
    db.chmod(0o444)
    listed = cli("verdicts", "--db", db, "--case", "Storm")
    assert listed.returncode == 0 and "'120'" in listed.stdout, listed.stderr
    refused = cli("verdict", "--db", db, "--case", "Storm", "--claim", claims[0], "--label", "True")
    assert refused.returncode == 2, refused.stderr
    assert "the file is read-only (its permissions)" in refused.stderr and "INSERT" not in refused.stderr
    assert db.stat().st_mode & 0o777 == 0o444


def test_another_programs_sqlite_database_is_left_untouched(tmp_path, capsys):
    other = tmp_path / "places.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE bookmark (url TEXT)")
    connection.commit()
    connection.close()
    before = other.read_bytes()
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    status, _, err = run(capsys, "import", "--db", other, "--case", "S", tmp_path / "a.txt")
    assert status == 2 and "not a Fact Review database (left untouched)" in err
    assert other.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "places.sqlite"]


HOLD = textwrap.dedent("""
    import sys
    from fact_review.store import open_service
    service = open_service(sys.argv[1], window=sys.argv[2] == "window")
    print("holding", flush=True)
    sys.stdin.readline()
    service.close()
""")


def holder(db: Path, kind: str) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(db), kind], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline() == "holding\n"
    return process


def test_a_command_waits_for_another_command_to_finish_writing(tmp_path):
    db = tmp_path / "v.db"
    claims = make_database(db)
    other = holder(db, "command")
    try:
        waiting = subprocess.Popen([sys.executable, "-m", "fact_review", "verdict", "--db", str(db), "--case",
                                    "Storm", "--claim", str(claims[0]), "--label", "False"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        with pytest.raises(subprocess.TimeoutExpired):
            waiting.wait(timeout=1.5)  # still waiting its turn, not refused
        other.communicate("done\n", timeout=60)
        out, err = waiting.communicate(timeout=60)
        assert waiting.returncode == 0 and "False" in out, err
    finally:
        other.kill()


def test_a_command_finding_a_window_is_read_only_at_once(tmp_path):
    db = tmp_path / "v.db"
    claims = make_database(db)
    window = holder(db, "window")
    try:
        refused = subprocess.run([sys.executable, "-m", "fact_review", "verdict", "--db", str(db), "--case", "Storm",
                                  "--claim", str(claims[0]), "--label", "False"], capture_output=True, text=True,
                                 timeout=60)
        assert refused.returncode == 2 and "open in another window" in refused.stderr
        listed = subprocess.run([sys.executable, "-m", "fact_review", "verdicts", "--db", str(db), "--case", "Storm"],
                                capture_output=True, text=True, timeout=60)
        assert listed.returncode == 0 and "'120'" in listed.stdout
    finally:
        window.communicate("done\n", timeout=60)


def test_a_newer_versions_changed_tables_are_said_in_words(tmp_path, capsys):
    db = tmp_path / "v.db"
    make_database(db)
    connection = sqlite3.connect(db)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.execute("ALTER TABLE claim RENAME COLUMN noun TO counted_noun")
    connection.execute("ALTER TABLE review_case RENAME TO dossier")
    connection.commit()
    connection.close()
    for argv in (["verdicts"], ["verdicts", "--json"], ["report", "--format", "md"]):
        status, _, err = run(capsys, *argv, "--db", db, "--case", "Storm")
        assert status == 1 and "made by a newer version of Fact Review" in err, err
        assert "SELECT" not in err and "sqlalchemy" not in err.lower()
