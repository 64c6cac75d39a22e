"""Atomic report writes: an existing report is never left truncated, a failed write leaves no debris."""
from __future__ import annotations

import os
import stat

import pytest

from fact_review.errors import InputError
from fact_review.reports.write import atomic_path, write_atomic


def test_a_failure_mid_write_leaves_the_old_file_intact(tmp_path):
    report = tmp_path / "report.html"
    report.write_bytes(b"old report")
    with pytest.raises(RuntimeError):
        with atomic_path(report) as temporary:
            with open(temporary, "wb") as out:
                out.write(b"half of the new rep")
                raise RuntimeError("disk full")
    assert report.read_bytes() == b"old report"
    assert os.listdir(tmp_path) == ["report.html"]


def test_a_failed_rename_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    report = tmp_path / "report.csv"
    report.write_bytes(b"old")

    def refuse(*_):
        raise PermissionError("locked by a spreadsheet")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(InputError, match=r"report.csv: cannot be written \(locked by a spreadsheet\)"):
        write_atomic(report, b"new")
    assert report.read_bytes() == b"old" and os.listdir(tmp_path) == ["report.csv"]


def test_a_write_replaces_the_report_and_keeps_its_permissions(tmp_path):
    report = tmp_path / "report.md"
    report.write_bytes(b"old")
    report.chmod(0o640)
    write_atomic(report, b"new report")
    assert report.read_bytes() == b"new report"
    assert stat.S_IMODE(report.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["report.md"]


def test_a_new_report_gets_ordinary_permissions(tmp_path):
    write_atomic(tmp_path / "new.json", b"{}")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o666 & ~umask


def test_bad_destinations_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="is a folder"):
        write_atomic(tmp_path, b"x")
    with pytest.raises(InputError, match="does not exist"):
        write_atomic(tmp_path / "missing" / "r.html", b"x")
