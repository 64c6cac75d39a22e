"""Runs every benchmark module ``bench/bench_*.py`` (its ``main()``), in name order, each in a process of
its own: one benchmark's Qt application, memory or failure never stops or skews the next ones (a bare
QGuiApplication made for a PDF left bench_ui unable to make its window, and the run stopped there)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# The module's name is taken off the command line first: a benchmark's argparse reads sys.argv itself.
RUN_ONE = "import sys, importlib; name = sys.argv.pop(1); sys.exit(int(importlib.import_module(name).main() or 0))"


def run_one(module: str) -> int:
    """Runs ``module.main()`` in a fresh Python process, as if started on its own; returns its exit status."""
    return subprocess.run([sys.executable, "-c", RUN_ONE, module]).returncode


def main() -> int:
    failed = []
    for path in sorted(Path(__file__).resolve().parent.glob("bench_*.py")):
        print(f"== {path.stem}", flush=True)
        status = run_one(f"bench.{path.stem}")
        if status != 0:
            failed.append(f"{path.stem} (exit status {status})")
    print("== every benchmark ran to the end" + (f"; failed: {', '.join(failed)}" if failed else ""), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
