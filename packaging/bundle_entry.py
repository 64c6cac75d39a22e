"""The bundle's program: the `fact-review` front door (no arguments: the window)."""
import sys

from fact_review.cli import main

if __name__ == "__main__":
    sys.exit(main())
