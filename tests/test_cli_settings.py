"""`fact-review case-settings` and `desk-settings`: what a desk sets before it publishes, and what the
reports then say (ClaimReview url and publisher, the HTML's draft/final marker)."""
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
def db(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Rescuers found 12 survivors on Monday. 5 boats searched the bay.\n", encoding="utf-8")
    path = str(tmp_path / "desk.db")
    assert main(["import", "--db", path, "--case", "Flood", str(article)]) == 0
    capsys.readouterr()
    claim = json.loads(_out(capsys, "verdicts", "--db", path, "--case", "Flood", "--json"))["claims"][0]["id"]
    assert main(["verdict", "--db", path, "--case", "Flood", "--claim", str(claim), "--label", "True"]) == 0
    capsys.readouterr()
    return path


def _out(capsys, *argv) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_settings_start_unset_and_the_claimreview_says_what_is_missing(db, capsys):
    assert "review URL: (not set" in _out(capsys, "case-settings", "--db", db, "--case", "Flood")
    assert "publisher:      (not set)" in _out(capsys, "desk-settings", "--db", db)
    assert main(["report", "--db", db, "--case", "Flood", "--format", "claimreview"]) == 0
    captured = capsys.readouterr()
    assert "url" not in json.loads(captured.out)[0]
    assert "lacks the review URL" in captured.err and "fact-review case-settings --review-url" in captured.err


def test_set_settings_reach_every_report(db, capsys, tmp_path):
    out = _out(capsys, "case-settings", "--db", db, "--case", "Flood", "--review-url",
               "https://facts.example/flood", "--final")
    assert "https://facts.example/flood" in out and "final" in out
    _out(capsys, "desk-settings", "--db", db, "--publisher", "Harwick Desk", "--publisher-url",
         "https://facts.example", "--publisher-logo", "https://facts.example/logo.png")

    assert main(["report", "--db", db, "--case", "Flood", "--format", "claimreview"]) == 0
    captured = capsys.readouterr()
    (review,) = json.loads(captured.out)
    assert captured.err == ""
    assert review["url"].startswith("https://facts.example/flood#claim-")
    assert review["publisher"]["name"] == review["author"]["name"] == "Harwick Desk"
    assert review["publisher"]["logo"]["url"] == "https://facts.example/logo.png"

    page = _out(capsys, "report", "--db", db, "--case", "Flood", "--format", "html")
    assert "Final report" in page and "Published by <bdi>Harwick Desk</bdi>" in page
    assert "Online at <a href=\"https://facts.example/flood\"" in page

    _out(capsys, "case-settings", "--db", db, "--case", "Flood", "--draft")
    assert "**Draft**" in _out(capsys, "report", "--db", db, "--case", "Flood", "--format", "md")


@pytest.mark.parametrize("argv, message", [
    (["case-settings", "--case", "Flood", "--review-url", "javascript:alert(1)"], "the review URL must be"),
    (["case-settings", "--case", "Nope"], "no case named 'Nope'"),
    (["desk-settings", "--publisher-logo", "logo.png"], "the publisher's logo must be"),
])
def test_bad_settings_exit_2_with_a_message(db, capsys, argv, message):
    assert main([argv[0], "--db", db, *argv[1:]]) == 2
    assert message in capsys.readouterr().err


def test_a_removed_setting_is_unset(db, capsys):
    _out(capsys, "desk-settings", "--db", db, "--publisher", "Desk", "--publisher-url", "https://d.example")
    assert "publisher URL:  (not set)" in _out(capsys, "desk-settings", "--db", db, "--publisher-url", "")


def test_blind_review_from_the_command_line(db, capsys):
    assert "review:     open" in _out(capsys, "case-settings", "--db", db, "--case", "Flood")
    claim = json.loads(_out(capsys, "verdicts", "--db", db, "--case", "Flood", "--json"))["claims"][0]["id"]
    out = _out(capsys, "case-settings", "--db", db, "--case", "Flood", "--blind")
    assert "review:     blind" in out and "report:     draft" in out  # the other settings stay as they were
    hidden = json.loads(_out(capsys, "verdicts", "--db", db, "--case", "Flood", "--json", "--reviewer", "ben"))
    assert hidden["claims"][0]["verdicts"] == []  # ben has not rated it: the others' verdicts stay hidden
    _out(capsys, "verdict", "--db", db, "--case", "Flood", "--claim", str(claim), "--label", "False",
         "--reviewer", "ben")
    seen = json.loads(_out(capsys, "verdicts", "--db", db, "--case", "Flood", "--json", "--reviewer", "ben"))
    assert len(seen["claims"][0]["verdicts"]) == 2
    assert "review:     open" in _out(capsys, "case-settings", "--db", db, "--case", "Flood", "--open")
    with pytest.raises(SystemExit) as refused:
        main(["case-settings", "--db", db, "--case", "Flood", "--blind", "--open"])
    assert refused.value.code == 2 and "not allowed with argument" in capsys.readouterr().err
