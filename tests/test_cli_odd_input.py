"""Odd input on the command line is read or refused (exit 2), never an internal error: bytes that are not
UTF-8 in a file name or a text option, a folder given as the database, and an import that fails leaves no
empty case behind."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import fact_review.pipeline
from fact_review.cli import main
from fact_review.store import open_service

ARTICLE = "Rebels fired 300 drones at the port on Monday.\n"


@pytest.fixture
def odd_file(tmp_path) -> Path:
    name = os.fsdecode(b"report-\xff\xfe.txt")  # a name written in a legacy code page
    path = tmp_path / name
    path.write_text(ARTICLE)
    return path


def test_a_file_name_that_is_not_utf8_is_read_and_stored_readably(odd_file, tmp_path, capsys):
    assert main(["claims", "--json", str(odd_file)]) == 0
    [document] = json.loads(capsys.readouterr().out)
    assert document["path"].endswith("report-\ufffd\ufffd.txt")
    database = tmp_path / "review.db"
    assert main(["import", "--db", str(database), "--case", "odd", str(odd_file)]) == 0
    assert main(["report", "--db", str(database), "--case", "odd", "--format", "json"]) == 0
    assert "300 drones" in capsys.readouterr().out
    with open_service(database, read_only=True) as service:
        [article] = service.articles(service.get_case("odd").id)
        assert article.path.endswith("report-\ufffd\ufffd.txt")
    assert main(["import", "--db", str(database), "--case", "odd", str(odd_file)]) == 0  # found again
    assert "0 added, 0 updated, 1 unchanged" in capsys.readouterr().out


@pytest.mark.parametrize("option", ["--case", "--label", "--note", "--reviewer"])
def test_a_text_option_with_bytes_that_are_not_utf8_is_refused(option, odd_file, tmp_path, capsys):
    database = tmp_path / "review.db"
    assert main(["import", "--db", str(database), "--case", "c", str(odd_file)]) == 0
    arguments = {"--case": "c", "--label": "True", "--note": "checked", "--reviewer": "Ana"}
    arguments[option] = os.fsdecode(b"caf\xe9")
    with pytest.raises(SystemExit) as exit_:
        main(["verdict", "--db", str(database), "--claim", "1", *(x for pair in arguments.items() for x in pair)])
    assert exit_.value.code == 2
    assert f"argument {option}: b'caf\\xe9' holds bytes that are not UTF-8 text" in capsys.readouterr().err


def test_a_folder_given_as_the_database_is_refused(tmp_path, odd_file, capsys):
    assert main(["import", "--db", str(tmp_path), "--case", "c", str(odd_file)]) == 2
    assert "is a folder, not a database file" in capsys.readouterr().err
    assert main(["verdicts", "--db", str(tmp_path), "--case", "c"]) == 2


def _cases(database: Path) -> list[str]:
    with open_service(database, read_only=True) as service:
        return [case.name for case in service.list_cases()]


def test_an_import_that_fails_leaves_no_new_case(tmp_path, odd_file, monkeypatch, capsys):
    database = tmp_path / "review.db"
    assert main(["import", "--db", str(database), "--case", "kept", str(odd_file)]) == 0

    def broken(article):
        raise RuntimeError("analysis fell over")

    monkeypatch.setattr(fact_review.pipeline, "analyse_article", broken)
    monkeypatch.setattr("fact_review.store.service.analyse_article", broken)
    other = tmp_path / "other.txt"
    other.write_text("Officials counted 45 missiles.\n")
    assert main(["import", "--db", str(database), "--case", "new", str(other)]) == 1
    assert "case 'new' not created" in capsys.readouterr().err

    monkeypatch.undo()

    def crash(*args, **kwargs):
        raise OSError("database or disk is full")

    # the write fails after the new case's row is made, in the same transaction (as a kill would end it)
    monkeypatch.setattr("fact_review.store.importing.store_facts", crash)
    assert main(["import", "--db", str(database), "--case", "new", str(other)]) == 1
    assert _cases(database) == ["kept"]
    monkeypatch.undo()
    assert main(["import", "--db", str(database), "--case", "new", str(other)]) == 0
    assert _cases(database) == ["kept", "new"]


KILLED_WHILE_STORING = """
import os, sys
import fact_review.store.importing as importing
importing.store_facts = lambda *args: os._exit(9)  # as a kill -9 while the articles are being stored
from fact_review.cli import main
main(sys.argv[1:])
"""


def test_an_import_killed_while_storing_leaves_no_new_case(tmp_path, odd_file):
    database = tmp_path / "review.db"
    assert main(["import", "--db", str(database), "--case", "kept", str(odd_file)]) == 0
    killed = subprocess.run([sys.executable, "-c", KILLED_WHILE_STORING, "import", "--db", str(database), "--case",
                             "new", str(odd_file)], capture_output=True, timeout=120)
    assert killed.returncode == 9
    assert _cases(database) == ["kept"]  # the case was made in the transaction the kill ended
