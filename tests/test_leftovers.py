"""Half-made files of a killed writer (a backup, a report) are removed by the next writer, never those of
a writer still running."""
from __future__ import annotations

import os
import subprocess
import sys

from fact_review.leftovers import remove_abandoned, temporary_name
from fact_review.reports.write import write_atomic
from fact_review.store import backup as backups
from fact_review.store import open_service


def a_finished_pid() -> int:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(child.stdout)


def test_only_the_files_of_writers_that_are_gone_are_removed(tmp_path):
    gone = tmp_path / f"report.pdf.pid{a_finished_pid()}-ab12.tmp"
    mine = tmp_path / temporary_name("report.pdf", "cd34")
    unrelated = tmp_path / "notes.tmp"
    for path in (gone, mine, unrelated):
        path.write_bytes(b"half")
    assert remove_abandoned(tmp_path, "*.tmp") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([mine.name, unrelated.name])


def test_a_backup_removes_the_copy_a_killed_backup_left(tmp_path):
    db = tmp_path / "v.db"
    with open_service(db) as service:
        service.create_case("Storm")
        first = service.backup()
    left = first.with_name(f"{first.name}.pid{a_finished_pid()}.tmp")
    left.write_bytes(b"half a copy")
    left.with_name(left.name + "-journal").write_bytes(b"its journal")
    second = backups.make_backup(db)
    assert second.exists() and not left.exists()
    assert [p.name for p in first.parent.iterdir() if not p.name.endswith(".db")] == []


def test_a_report_removes_what_a_killed_report_left(tmp_path):
    left = tmp_path / f".report.html.pid{a_finished_pid()}-0a0b.tmp"
    left.write_bytes(b"<html><body>half")
    other = tmp_path / f".summary.pdf.pid{a_finished_pid()}-1c2d.tmp"  # a report of another name and kind
    other.write_bytes(b"%PDF-1.4 half")
    write_atomic(tmp_path / "report.html", b"<html>whole</html>")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
