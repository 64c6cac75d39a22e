"""`fact-review report`: every format to a file or standard output, and clear errors for bad input."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from report_fixtures import open_seeded_database

from fact_review.cli import main
from fact_review.reports.formats import FORMATS
from fact_review.store import open_service


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("db") / "review.db"
    with open_seeded_database(path) as service:
        claim = next(c for c in service.claims(service.get_case("budget").id) if c.text == "12")
        service.set_verdict(claim.id, "False", note="The minutes say 14 million.", reviewer="Ana")
    return path


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "pdf"])
def test_text_formats_to_stdout_and_to_a_file_say_the_same(database, fmt, tmp_path, capsysbinary):
    assert main(["report", "--db", str(database), "--case", "budget", "--format", fmt]) == 0
    printed = capsysbinary.readouterr().out
    out = tmp_path / f"report.{fmt}"
    assert main(["report", "--db", str(database), "--case", "budget", "--format", fmt, "-o", str(out)]) == 0
    assert _without_generation_time(out.read_bytes()) == _without_generation_time(printed)
    assert "minutes say 14 million" in printed.decode("utf-8-sig")


def _without_generation_time(report: bytes) -> bytes:
    return b"\n".join(line for line in report.split(b"\n") if b"generated" not in line)


def test_each_format_holds_the_verdict(database, capsysbinary):
    def report(fmt: str) -> str:
        assert main(["report", "--db", str(database), "--case", "budget", "--format", fmt]) == 0
        return capsysbinary.readouterr().out.decode("utf-8-sig")

    rows = list(csv.DictReader(io.StringIO(report("csv"))))
    assert [row["verdict"] for row in rows if row["verdict"]] == ["False"]
    document = json.loads(report("json"))
    assert [e["verdict"]["label"] for e in document["entries"] if e["verdict"]] == ["False"]
    assert [h["after"]["label"] for e in document["entries"] for h in e["history"]] == ["False"]  # JSON: all
    [review] = json.loads(report("claimreview"))
    assert review["reviewRating"]["alternateName"] == "False" and review["reviewRating"]["ratingValue"] == 1
    assert "<!DOCTYPE html>" in report("html") and report("md").startswith("# budget")


def test_csv_starts_with_a_byte_order_mark(database, capsysbinary):
    main(["report", "--db", str(database), "--case", "budget", "--format", "csv"])
    assert capsysbinary.readouterr().out.startswith(b"\xef\xbb\xbfclaim_id,")


def test_pdf_from_the_command_line(database, tmp_path):
    """In a process of its own, as a reviewer runs it: no window, Qt offscreen made by the command."""
    out = tmp_path / "report.pdf"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    done = subprocess.run([sys.executable, "-m", "fact_review", "report", "--db", str(database), "--case", "budget",
                           "--format", "pdf", "-o", str(out)], capture_output=True, text=True, env=env, timeout=120)
    assert (done.returncode, done.stderr) == (0, "")
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "budget" in text and "False" in text


@pytest.mark.parametrize("args, message", [
    (["--case", "budget", "--format", "pdf"], "name it with -o OUT"),
    (["--case", "nope", "--format", "html"], "no case named 'nope'"),
])
def test_bad_input_exits_2_with_a_message(database, args, message, capsys):
    assert main(["report", "--db", str(database), *args]) == 2
    assert message in capsys.readouterr().err


def test_a_missing_database_or_folder_exits_2(tmp_path, database, capsys):
    assert main(["report", "--db", str(tmp_path / "none.db"), "--case", "x", "--format", "md"]) == 2
    assert "no such database" in capsys.readouterr().err
    out = tmp_path / "missing" / "r.md"
    assert main(["report", "--db", str(database), "--case", "budget", "--format", "md", "-o", str(out)]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_a_report_while_the_window_has_the_database_open(database, capsysbinary):
    with open_service(database):  # holds the single-writer lock, as the app does
        assert main(["report", "--db", str(database), "--case", "budget", "--format", "csv"]) == 0
    assert capsysbinary.readouterr().out.count(b"\r\n") == 5  # header and four claims


def test_the_window_and_the_command_line_write_the_same_file(database, tmp_path):
    """Both go through fact_review.reports.export.write_report; the window passes Qt's PDF renderer."""
    from fact_review.reports.export import write_report

    with open_service(database, read_only=True) as service:
        write_report(service, "budget", "md", tmp_path / "window.md")
        with pytest.raises(ValueError, match="renderer"):
            write_report(service, "budget", "pdf", tmp_path / "window.pdf")
    assert main(["report", "--db", str(database), "--case", "budget", "--format", "md",
                 "-o", str(tmp_path / "cli.md")]) == 0
    assert _without_generation_time((tmp_path / "window.md").read_bytes()) == _without_generation_time(
        (tmp_path / "cli.md").read_bytes())
    assert not (tmp_path / "window.pdf").exists()
