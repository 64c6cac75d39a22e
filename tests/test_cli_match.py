"""`fact-review match` per the contract (ARCHITECTURE.md §4)."""
from __future__ import annotations

import json

import pytest

from fact_review.cli import main

FIRST = "Rebels fired 70 rockets at the port of Varna overnight.\nThe harbour master said two ships burned.\n"
SECOND = "Rebels fired 69 rockets at the port of Varna overnight, officials said.\nTraffic was halted.\n"


@pytest.fixture
def articles(tmp_path):
    paths = []
    for name, text in (("a.txt", FIRST), ("b.txt", SECOND)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_match_json_has_articles_matches_and_checks(articles, capsys):
    assert main(["match", *articles, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert [a["index"] for a in result["articles"]] == [0, 1]
    assert result["articles"][0]["path"] == articles[0]
    match = result["matches"][0]
    assert {match["a"]["article"], match["b"]["article"]} == {0, 1}
    assert FIRST[match["a"]["start"]:match["a"]["end"]].startswith("Rebels fired 70")
    assert 0 <= match["score"] <= 1 and match["tier"] in ("confident", "suggested")
    assert match["numeric"] == "conflict"
    (check,) = [c for c in result["checks"] if c["kind"] == "value"]
    assert check["status"] == "conflict"
    assert {c["article"] for c in check["claims"]} == {0, 1}
    assert {"start", "end", "text", "kind", "value"} <= set(check["claims"][0])


def test_match_json_has_facts_with_their_claims_per_article(articles, capsys):
    assert main(["match", *articles, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    (fact,) = result["facts"]
    assert set(fact) == {"id", "label", "kind", "status", "claims", "explanation", "earliest", "latest"}
    assert fact["kind"] == "quantity" and fact["status"] == "conflict" and fact["label"].startswith("rockets")
    assert sorted((c["article"], c["text"]) for c in fact["claims"]) == [(0, "70 rockets"), (1, "69 rockets")]
    assert {"start", "end", "value", "earliest", "latest", "superseded"} <= set(fact["claims"][0])
    assert "70" in fact["explanation"] and "69" in fact["explanation"]


def test_match_without_json_prints_a_readable_summary(articles, capsys):
    assert main(["match", *articles]) == 0
    out = capsys.readouterr().out
    assert "[conflict] value" in out and "Rebels fired" in out
    assert 'F1 [conflict] quantity rockets' in out and '#1 "70 rockets"; #2 "69 rockets"' in out


def test_pairs_batch_writes_one_line_per_pair(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "p1", "a": FIRST.split("\n")[0], "b": SECOND.split("\n")[0]}) + "\n\n"
                      + json.dumps({"id": 7, "a": "Traffic was halted.", "b": "Two ships burned."})
                      + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["match", "--pairs", str(source), "--out", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["p1", 7]
    assert lines[0]["score"] > lines[1]["score"]
    assert lines[0]["equivalent"] is True and lines[1]["equivalent"] is False
    assert main(["match", "--pairs", str(source)]) == 0
    assert [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()] == ["p1", 7]


@pytest.mark.parametrize(
    "argv_tail, message",
    [
        (["one.txt"], "at least two"),
        ([], "at least two"),
    ],
)
def test_too_few_articles_is_bad_input(tmp_path, capsys, argv_tail, message):
    paths = []
    for name in argv_tail:
        (tmp_path / name).write_text(FIRST, encoding="utf-8")
        paths.append(str(tmp_path / name))
    assert main(["match", *paths, "--json"]) == 2
    assert message in capsys.readouterr().err


def test_missing_and_empty_files_are_bad_input(tmp_path, articles, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["match", articles[0], str(empty), "--json"]) == 2
    assert "empty" in capsys.readouterr().err
    assert main(["match", articles[0], str(tmp_path / "absent.txt")]) == 2
    assert "absent.txt" in capsys.readouterr().err


@pytest.mark.parametrize("content", ["not json\n", json.dumps({"id": 1, "a": "x"}) + "\n", "[1, 2]\n"])
def test_malformed_pairs_lines_are_bad_input_naming_the_line(tmp_path, capsys, content):
    source = tmp_path / "in.jsonl"
    source.write_text(content, encoding="utf-8")
    assert main(["match", "--pairs", str(source)]) == 2
    assert f"{source}:1" in capsys.readouterr().err


def test_pairs_and_files_together_are_refused(articles, capsys):
    assert main(["match", *articles, "--pairs", "in.jsonl"]) == 2
    assert "not both" in capsys.readouterr().err
