"""Verdicts on facts from the command line, on both engines: `verdict --fact KEY`, the facts in `verdicts`
(the claim rows unchanged), the facts in `agreement`, and the JSON report carrying them (the real pipeline)."""
from __future__ import annotations

import json

import pytest

from fact_review.cli import main

FIRST = "Rebels fired 70 rockets at the port of Varna overnight. The attack killed 12 sailors on Monday."
SECOND = "Rebels fired 69 rockets at the port of Varna overnight. The attack killed 14 sailors on Monday."


@pytest.fixture
def db(any_db_file, tmp_path, capsys):
    files = []
    for name, text in (("a.txt", FIRST), ("b.txt", SECOND)):
        path = tmp_path / name
        path.write_text(text + "\n", encoding="utf-8")
        files.append(str(path))
    assert main(["import", "--db", any_db_file, "--case", "Varna", *files]) == 0
    capsys.readouterr()
    return any_db_file


def run(capsys, *argv) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def listed(capsys, db, *extra) -> dict:
    return json.loads(run(capsys, "verdicts", "--db", db, "--case", "Varna", "--json", *extra)[1])


def test_reviewers_rate_a_fact_and_an_editor_settles_it(db, capsys):
    before = listed(capsys, db)
    sailors = next(f for f in before["facts"] if "sailors" in f["label"])
    assert set(sailors) == {"id", "kind", "status", "label", "claims", "verdict", "verdicts", "final"}
    assert (sailors["kind"], sailors["status"], sailors["verdict"], sailors["verdicts"]) == (
        "quantity", "conflict", None, [])
    texts = {c["id"]: c["text"] for c in before["claims"]}
    assert sorted(texts[c] for c in sailors["claims"]) == ["12 sailors", "14 sailors"]

    status, out, _ = run(capsys, "verdict", "--db", db, "--case", "Varna", "--fact", sailors["id"], "--label",
                         "Mostly false", "--note", "the navy lists 12", "--reviewer", "ana")
    assert status == 0 and out.startswith(f"fact {sailors['id']} ") and "Mostly false (2), by ana" in out
    run(capsys, "verdict", "--db", db, "--case", "Varna", "--fact", sailors["id"], "--label", "Mostly false",
        "--reviewer", "ben")
    after = listed(capsys, db)
    assert after["claims"] == before["claims"]  # the claim rows as they were
    fact = next(f for f in after["facts"] if f["id"] == sailors["id"])
    assert fact["verdict"] is None and fact["final"] is None  # two reviewers: an editor confirms first
    assert [(v["reviewer"], v["label"], v["note"]) for v in fact["verdicts"]] == [
        ("ana", "Mostly false", "the navy lists 12"), ("ben", "Mostly false", None)]
    out = run(capsys, "verdicts", "--db", db, "--case", "Varna")[1]
    assert f"fact {sailors['id']}\tquantity, conflict" in out and "reviewers agree (ana: Mostly false" in out

    document = json.loads(run(capsys, "agreement", "--db", db, "--case", "Varna", "--json")[1])
    assert document["by_kind"]["fact"]["items"] == 1 and document["by_kind"]["fact"]["percent_agreement"] == 100.0
    assert [(d["fact"], d["claims"], d["kind"], d["verdicts"]) for d in document["awaiting_confirmation"]] == [
        (sailors["id"], sailors["claims"], "fact", {"ana": "Mostly false", "ben": "Mostly false"})]

    run(capsys, "verdict", "--db", db, "--case", "Varna", "--fact", sailors["id"], "--label", "Mostly false",
        "--note", "12 found, 2 missing", "--reviewer", "cleo", "--final")
    fact = next(f for f in listed(capsys, db)["facts"] if f["id"] == sailors["id"])
    assert (fact["verdict"]["label"], fact["verdict"]["reviewer"], fact["final"]["note"]) == (
        "Mostly false", "cleo", "12 found, 2 missing")

    report = json.loads(run(capsys, "report", "--db", db, "--case", "Varna", "--format", "json")[1])
    reported = next(f for f in report["facts"] if f["key"] == sailors["id"])
    assert (reported["verdict"]["label"], reported["verdict"]["final"], reported["claim_ids"]) == (
        "Mostly false", True, sailors["claims"])
    assert [v["reviewer"] for v in reported["reviewer_verdicts"]] == ["ana", "ben"]


def test_a_blind_reviewer_sees_no_other_verdict_on_a_fact(db, capsys):
    key = next(f["id"] for f in listed(capsys, db)["facts"] if "rockets" in f["label"])
    run(capsys, "verdict", "--db", db, "--case", "Varna", "--fact", key, "--label", "True", "--reviewer", "ana")
    run(capsys, "case-settings", "--db", db, "--case", "Varna", "--blind")
    hidden = next(f for f in listed(capsys, db, "--reviewer", "ben")["facts"] if f["id"] == key)
    assert hidden["verdicts"] == [] and hidden["verdict"] is None


@pytest.mark.parametrize("argv, message", [
    (["--fact", "F99", "--label", "True"], "no fact 'F99' in this case"),
    (["--fact", "F1", "--label", "Pants on fire"], "unknown verdict label 'Pants on fire'"),
])
def test_bad_fact_verdicts_exit_2_with_a_message(db, capsys, argv, message):
    status, _, err = run(capsys, "verdict", "--db", db, "--case", "Varna", *argv)
    assert status == 2 and message in err and "Traceback" not in err


def test_a_verdict_names_a_claim_or_a_fact_not_both(db, capsys):
    with pytest.raises(SystemExit) as refused:
        main(["verdict", "--db", db, "--case", "Varna", "--claim", "1", "--fact", "F1", "--label", "True"])
    assert refused.value.code == 2 and "not allowed with argument" in capsys.readouterr().err
