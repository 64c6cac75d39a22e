"""``make bench`` starts each benchmark as if on its own: its argparse sees no stray arguments."""
from __future__ import annotations

import sys
import textwrap

from bench.__main__ import run_one


def test_a_benchmark_with_argparse_runs_with_its_defaults(tmp_path, monkeypatch):
    (tmp_path / "probe_bench.py").write_text(textwrap.dedent("""
        import argparse, sys
        def main():
            parser = argparse.ArgumentParser()
            parser.add_argument("--runs", type=int, default=3)
            args = parser.parse_args()
            return 0 if args.runs == 3 and sys.argv[1:] == [] else 7
    """))
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    assert run_one("probe_bench") == 0


def test_a_failing_benchmark_reports_its_status(tmp_path, monkeypatch):
    (tmp_path / "failing_bench.py").write_text("def main():\n    return 4\n")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    assert run_one("failing_bench") == 4
