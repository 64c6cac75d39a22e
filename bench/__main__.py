"""Runs every benchmark module ``bench/bench_*.py`` (its ``main()``), in name order."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path


def main() -> int:
    status = 0
    for path in sorted(Path(__file__).resolve().parent.glob("bench_*.py")):
        print(f"== {path.stem}", flush=True)
        module = importlib.import_module(f"bench.{path.stem}")
        status = max(status, int(module.main() or 0))
    return status


if __name__ == "__main__":
    sys.exit(main())
