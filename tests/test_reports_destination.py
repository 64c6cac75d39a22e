"""`report -o OUT` writes a new file or replaces a plain one, and refuses everything else untouched: the
case's database and its files, any other database, devices, pipes, links and folders."""
from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest
from report_fixtures import open_seeded_database

from fact_review.cli import main
from fact_review.store import list_backups, open_service
from fact_review.store.db import integrity_ok


@pytest.fixture
def database(tmp_path) -> Path:
    path = tmp_path / "review.db"
    with open_seeded_database(path) as service:
        service.backup()
        claim = service.claims(service.get_case("budget").id)[0]
        service.set_verdict(claim.id, "False", note="given after the backup", reviewer="Ana")
    return path


def _report(database: Path, out: Path | str, fmt: str = "html") -> int:
    return main(["report", "--db", str(database), "--case", "budget", "--format", fmt, "-o", str(out)])


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _notes(database: Path) -> list[str]:
    with open_service(database, read_only=True) as service:
        return [c.verdict.note for c in service.claims(service.get_case("budget").id) if c.verdict]


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_the_database_itself_is_refused_and_keeps_its_verdicts(database, fmt, capsys, qapp):
    before = _digest(database)
    assert _report(database, database, fmt) == 2
    assert "is a database" in capsys.readouterr().err
    assert _digest(database) == before and _notes(database) == ["given after the backup"]


def test_its_backups_and_companion_files_are_refused(database, capsys):
    backups = list_backups(database)
    backup = backups[0]
    hard_link = database.with_name("alias.db")
    os.link(database, hard_link)
    for out in (backup, backup.with_name("report.html"), database.with_name("review.db-wal"),
                database.with_name("review.db.lock"), hard_link):
        existed = out.exists()
        assert _report(database, out) == 2, out
        assert str(out) in capsys.readouterr().err
        assert out.exists() == existed
    assert list_backups(database) == backups and all(integrity_ok(b) for b in backups)


def test_another_database_is_refused(database, tmp_path, capsys):
    other = tmp_path / "other.sqlite"
    with open_service(other):
        pass
    before = _digest(other)
    assert _report(database, other) == 2 and "is a database" in capsys.readouterr().err
    assert _digest(other) == before


def test_special_files_and_links_are_refused_and_stay_what_they_were(database, tmp_path, capsys):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    target = tmp_path / "target.html"
    target.write_text("kept")
    link = tmp_path / "link.html"
    link.symlink_to(target)
    folder = tmp_path / "folder"
    folder.mkdir()
    cases = [(pipe, stat.S_ISFIFO, "named pipe"), (link, stat.S_ISLNK, "symbolic link"),
             (folder, stat.S_ISDIR, "folder")]
    if os.geteuid() == 0:  # only root may make a device node
        device = tmp_path / "null"
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        cases.append((device, stat.S_ISCHR, "device"))
    for path, is_kind, word in cases:
        assert _report(database, path) == 2
        assert word in capsys.readouterr().err
        assert is_kind(path.lstat().st_mode), path
    assert target.read_text() == "kept"


def test_a_new_name_or_an_old_report_is_written(database, tmp_path):
    new = tmp_path / "new.html"
    assert _report(database, new) == 0 and "given after the backup" in new.read_text()
    new.write_text("old report")
    assert _report(database, new, "md") == 0 and "given after the backup" in new.read_text()


def test_match_pairs_out_refuses_a_pipe(tmp_path, capsys):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text('{"id": 1, "a": "300 drones", "b": "almost 300 drones"}\n')
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert main(["match", "--pairs", str(pairs), "--out", str(pipe)]) == 2
    assert "named pipe" in capsys.readouterr().err and stat.S_ISFIFO(pipe.lstat().st_mode)
