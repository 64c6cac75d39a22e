"""`fact-review import`, `verdicts` and `verdict` (ARCHITECTURE.md §4) over a database file and over a
PostgreSQL server."""
from __future__ import annotations

import json

import pytest

import fact_review.store.service as service_module
from fact_review.cli import main
from store_fakes import fake_analyse, fake_match


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch):
    monkeypatch.setattr(service_module, "analyse_article", fake_analyse)
    monkeypatch.setattr(service_module, "match_case", fake_match)


@pytest.fixture
def files(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Rescuers found 12 survivors on Monday. 5 boats searched the bay.\n", encoding="utf-8")
    b.write_text("Officials said 14 survivors were found. 5 boats took part.\n", encoding="utf-8")
    return a, b


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_import_then_list_then_set_a_verdict(any_db_file, files, capsys):
    db = any_db_file
    status, out, _ = run(capsys, "import", "--db", db, "--case", "Flood", *map(str, files), "--json")
    imported = json.loads(out)
    assert status == 0 and len(imported["added"]) == 2 and imported["claims"] == 4
    assert imported["discrepancies"] == 1

    status, out, _ = run(capsys, "verdicts", "--db", db, "--case", "Flood", "--json")
    listed = json.loads(out)["claims"]
    assert status == 0 and [c["text"] for c in listed] == ["12", "5", "14", "5"]
    first = listed[0]
    assert (first["article"], first["start"], first["end"], first["kind"], first["value"]) == (0, 15, 17, "number", 12)
    assert all(c["verdict"] is None for c in listed)

    status, out, _ = run(capsys, "verdict", "--db", db, "--case", "Flood", "--claim", str(first["id"]),
                         "--label", "mostly false", "--note", "the ministry says 14", "--reviewer", "ana")
    assert status == 0 and "Mostly false" in out and "by ana" in out and "version 1" in out

    status, out, _ = run(capsys, "verdicts", "--db", db, "--case", "Flood", "--json")
    verdict = json.loads(out)["claims"][0]["verdict"]
    assert (verdict["label"], verdict["rating"], verdict["note"], verdict["reviewer"]) == (
        "Mostly false", 2, "the ministry says 14", "ana")

    status, out, _ = run(capsys, "import", "--db", db, "--case", "Flood", *map(str, files))
    assert status == 0 and "0 added, 0 updated, 2 unchanged" in out
    status, out, _ = run(capsys, "verdicts", "--db", db, "--case", "Flood")
    assert status == 0 and out.splitlines()[0].endswith("version 1, note: the ministry says 14")


@pytest.mark.parametrize("argv, message", [
    (["verdicts", "--case", "Nope"], "no case named 'Nope'"),
    (["verdict", "--case", "Flood", "--claim", "999", "--label", "True"], "no claim 999 in case 'Flood'"),
    (["verdict", "--case", "Flood", "--claim", "abc", "--label", "True"], "a claim id is a number"),
    (["verdict", "--case", "Flood", "--claim", "1", "--label", "Pants on fire"], "unknown verdict label"),
])
def test_unknown_case_claim_or_label_exits_2_with_a_message(any_db_file, files, capsys, argv, message):
    db = any_db_file
    run(capsys, "import", "--db", db, "--case", "Flood", *map(str, files))
    status, out, err = run(capsys, argv[0], "--db", db, *argv[1:])
    assert status == 2 and message in err and "Traceback" not in err and out == ""


def test_missing_database_or_file_exits_2(tmp_path, capsys):
    status, _, err = run(capsys, "verdicts", "--db", str(tmp_path / "none.db"), "--case", "X")
    assert status == 2 and "no such database" in err
    status, _, err = run(capsys, "import", "--db", str(tmp_path / "r.db"), "--case", "X", str(tmp_path / "gone.txt"))
    assert status == 2 and "gone.txt" in err


def test_two_reviewers_an_adjudicator_and_the_json_rows(any_db_file, files, capsys):
    db = any_db_file
    run(capsys, "import", "--db", db, "--case", "Flood", *map(str, files))
    claim = json.loads(run(capsys, "verdicts", "--db", db, "--case", "Flood", "--json")[1])["claims"][0]["id"]
    for reviewer, label, note in (("ana", "False", "14 in the ministry's list"), ("ben", "True", "12 at first")):
        status, out, _ = run(capsys, "verdict", "--db", db, "--case", "Flood", "--claim", str(claim),
                             "--label", label, "--note", note, "--reviewer", reviewer)
        assert status == 0
    status, out, _ = run(capsys, "verdicts", "--db", db, "--case", "Flood")
    assert "reviewers differ (ana: False; ben: True), no final verdict yet" in out.splitlines()[0]
    row = json.loads(run(capsys, "verdicts", "--db", db, "--case", "Flood", "--json")[1])["claims"][0]
    assert row["verdict"] is None and row["final"] is None
    assert [(v["reviewer"], v["label"], v["note"]) for v in row["verdicts"]] == [
        ("ana", "False", "14 in the ministry's list"), ("ben", "True", "12 at first")]
    assert all(set(v) == {"reviewer", "label", "note", "at"} for v in row["verdicts"])

    status, out, _ = run(capsys, "verdict", "--db", db, "--case", "Flood", "--claim", str(claim), "--final",
                         "--label", "Mostly false", "--note", "survivors found later", "--reviewer", "cleo")
    assert status == 0 and "final: Mostly false (2), by cleo" in out
    row = json.loads(run(capsys, "verdicts", "--db", db, "--case", "Flood", "--json")[1])["claims"][0]
    assert (row["final"]["reviewer"], row["final"]["label"], row["final"]["note"]) == (
        "cleo", "Mostly false", "survivors found later")
    assert (row["verdict"]["label"], row["verdict"]["reviewer"]) == ("Mostly false", "cleo")
    assert [v["reviewer"] for v in row["verdicts"]] == ["ana", "ben"]  # the reviewers' own stay as they were


def test_two_agreeing_reviewers_publish_nothing_until_an_editor_confirms(any_db_file, files, capsys):
    db = any_db_file
    run(capsys, "import", "--db", db, "--case", "Flood", *map(str, files))
    claim = json.loads(run(capsys, "verdicts", "--db", db, "--case", "Flood", "--json")[1])["claims"][0]["id"]
    run(capsys, "verdict", "--db", db, "--case", "Flood", "--claim", str(claim), "--label", "True", "--reviewer", "ana")
    row = json.loads(run(capsys, "verdicts", "--db", db, "--case", "Flood", "--json")[1])["claims"][0]
    assert (row["verdict"]["label"], row["verdict"]["reviewer"], row["final"]) == ("True", "ana", None)
    status, out, _ = run(capsys, "verdict", "--db", db, "--case", "Flood", "--claim", str(claim), "--label", "true",
                         "--reviewer", "ben")
    assert status == 0 and "reviewers agree (ana: True; ben: True), no final verdict yet" in out
    row = json.loads(run(capsys, "verdicts", "--db", db, "--case", "Flood", "--json")[1])["claims"][0]
    assert row["verdict"] is None and row["final"] is None
    assert [(v["reviewer"], v["label"]) for v in row["verdicts"]] == [("ana", "True"), ("ben", "True")]
    run(capsys, "verdict", "--db", db, "--case", "Flood", "--claim", str(claim), "--label", "True", "--final",
        "--reviewer", "cleo")
    row = json.loads(run(capsys, "verdicts", "--db", db, "--case", "Flood", "--json")[1])["claims"][0]
    assert (row["verdict"]["label"], row["verdict"]["reviewer"]) == ("True", "cleo") == (
        row["final"]["label"], row["final"]["reviewer"])
