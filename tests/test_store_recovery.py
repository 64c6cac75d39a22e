"""A damaged database is never replaced silently: restoring a backup says what happened, what was restored
and from when, and keeps the damaged file; with no backup the file is left as it is and the command says
so, instead of a new empty database answering "no case named ..."."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from fact_review.cli import main
from fact_review.store import list_backups, open_service

ARTICLE = "Rebels fired 300 drones at the port on Monday. Officials said 12 people were hurt.\n"


@pytest.fixture
def database(tmp_path) -> Path:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    path = tmp_path / "review.db"
    assert main(["import", "--db", str(path), "--case", "c", str(article)]) == 0
    return path


def _damage(path: Path) -> bytes:
    with open(path, "r+b") as file:
        file.seek(8192)
        file.write(b"\xde\xad" * 2048)
    return path.read_bytes()


def test_a_restored_backup_is_said_with_its_time_and_the_damaged_file_kept(database, capsys):
    with open_service(database) as service:
        claim = service.claims(service.get_case("c").id)[0]
        service.set_verdict(claim.id, "True", note="before the backup")
        backup = service.backup()
        service.set_verdict(claim.id, "False", note="after the backup")
    damaged = _damage(database)
    capsys.readouterr()
    assert main(["verdicts", "--db", str(database), "--case", "c"]) == 0
    out, err = capsys.readouterr()
    assert "was damaged" in err and "moved aside to review.db.corrupt-" in err
    assert f"restored from {backup}" in err and "anything saved after that time is not in the database" in err
    assert "before the backup" in out and "after the backup" not in out
    [kept] = database.parent.glob("review.db.corrupt-*[0-9]Z")
    assert kept.read_bytes() == damaged
    assert main(["verdicts", "--db", str(database), "--case", "c"]) == 0
    assert "damaged" not in capsys.readouterr().err  # said once, when it happened


def test_with_no_backup_the_damaged_file_is_left_and_the_command_says_why(database, capsys):
    for backup in list_backups(database):
        backup.unlink()
    damaged = _damage(database)
    capsys.readouterr()
    assert main(["verdicts", "--db", str(database), "--case", "c"]) == 1
    err = capsys.readouterr().err
    assert "is damaged" in err and "left as it is; it has no backup" in err and ".recover" in err
    assert "no case named" not in err
    assert database.read_bytes() == damaged
    assert not list(database.parent.glob("review.db.corrupt-*"))
    assert main(["import", "--db", str(database), "--case", "c", os.devnull]) == 2  # nothing written over it
    assert database.read_bytes() == damaged
