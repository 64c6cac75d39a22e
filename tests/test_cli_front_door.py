"""The front door of `fact-review`: the window by default, `open`, `--version`, help that documents every
option, and '-' for standard input wherever an article is read."""
from __future__ import annotations

import argparse
import io
import json
import sys

import pytest

from fact_review import __version__
from fact_review.cli import COMMAND_MODULES, build_parser, main

ARTICLE = "Rescuers found 12 survivors on Monday, officials said. Five boats searched the bay.\n"
PAGE = ("<!DOCTYPE html><html><head><title>Flood update</title></head><body><article>"
        "<h1>Flood update</h1><p>Rescuers found 12 survivors on Monday, officials said.</p>"
        "<p>Five boats searched the bay for another 3 hours.</p></article></body></html>")


@pytest.fixture
def standard_input(monkeypatch):
    def feed(text: str) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))
    return feed


@pytest.fixture
def window_calls(monkeypatch):
    """What the window would have been opened on (the window itself is tested in test_ui_import)."""
    import ui.app

    calls = []
    monkeypatch.setattr(ui.app, "open_window", lambda db, case, files: calls.append((db, case, files)) or 0)
    return calls


def test_no_arguments_opens_the_window_on_the_default_database(window_calls):
    assert main([]) == 0
    assert window_calls == [(None, None, [])]


def test_open_takes_a_database_a_case_and_files(window_calls, tmp_path):
    assert main(["open", "--db", str(tmp_path / "desk.db"), "--case", "Flood", "a.html", "-"]) == 0
    assert window_calls == [(str(tmp_path / "desk.db"), "Flood", ["a.html", "-"])]
    server = "postgresql+psycopg://ana@db.example.org/desk"
    assert main(["open", "--db", server]) == 0
    assert window_calls[-1] == (server, None, [])  # a URL is handed on as it is, never made a file name


def test_open_refuses_standard_input_twice(window_calls, capsys):
    assert main(["open", "-", "-"]) == 2
    assert "standard input" in capsys.readouterr().err and window_calls == []


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"fact-review {__version__}"


def test_help_says_the_window_is_the_default_and_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert "opens the desktop window" in text
    for command in COMMAND_MODULES:
        assert command in text


def _subcommand_parsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (subparsers,) = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    return dict(subparsers.choices)


@pytest.mark.parametrize("command", list(COMMAND_MODULES))
def test_every_option_of_every_command_is_documented(command):
    parser = _subcommand_parsers()[command]
    undocumented = [action.dest for action in parser._actions if not action.help]
    assert undocumented == []
    assert parser.format_help()  # renders


def test_claims_reads_an_article_from_standard_input(standard_input, capsys):
    standard_input(ARTICLE)
    assert main(["claims", "-", "--json"]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    assert result["path"] is None
    assert [claim["text"] for claim in result["claims"]][:1] == ["12 survivors"]


def test_a_web_page_on_standard_input_is_read_as_html(standard_input, capsys):
    standard_input(PAGE)
    assert main(["claims", "-", "--json"]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    assert result["title"] == "Flood update" and "<p>" not in json.dumps(result)


def test_empty_standard_input_is_bad_input_named_as_such(standard_input, capsys):
    standard_input("")
    assert main(["claims", "-"]) == 2
    assert "standard input: is empty" in capsys.readouterr().err


def test_match_and_import_take_standard_input_beside_files(standard_input, tmp_path, capsys):
    other = tmp_path / "other.txt"
    other.write_text("Officials said 14 survivors were found on Monday. Five boats took part.\n", encoding="utf-8")
    standard_input(ARTICLE)
    assert main(["match", "-", str(other), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["articles"]) == 2

    standard_input(ARTICLE)
    db = str(tmp_path / "desk.db")
    assert main(["import", "--db", db, "--case", "Flood", "-", str(other), "--json"]) == 0
    imported = json.loads(capsys.readouterr().out)
    assert len(imported["added"]) == 2
    assert sorted(str(a["path"]) for a in imported["articles"]) == sorted(["None", str(other)])


def test_report_writes_to_standard_output_for_dash(tmp_path, capsys):
    db = tmp_path / "desk.db"
    note = tmp_path / "a.txt"
    note.write_text(ARTICLE, encoding="utf-8")
    assert main(["import", "--db", str(db), "--case", "Flood", str(note)]) == 0
    capsys.readouterr()
    assert main(["report", "--db", str(db), "--case", "Flood", "--format", "md", "-o", "-"]) == 0
    assert "Flood" in capsys.readouterr().out
