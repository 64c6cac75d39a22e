"""Runs every benchmark module ``bench/bench_*.py`` (its ``main()``), in name order, each in a process of its
own: one benchmark's leftovers (a QGuiApplication made for PDF output, warm caches, memory) must neither
break the next one (QWidgets need a QApplication) nor flatter its figures."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def main() -> int:
    status = 0
    for path in sorted(Path(__file__).resolve().parent.glob("bench_*.py")):
        print(f"== {path.stem}", flush=True)
        status = max(status, subprocess.run([sys.executable, "-m", f"bench.{path.stem}"]).returncode)
    return status


if __name__ == "__main__":
    sys.exit(main())
