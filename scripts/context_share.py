"""The share of context claims among all highlights, from `fact-review claims --json` on stdin.

Prints a line per article and the total, then how many context claims each reason gave.
"""
from __future__ import annotations

import json
import sys
from collections import Counter


def main() -> None:
    articles = json.load(sys.stdin)
    reasons: Counter[str] = Counter()
    total = context = 0
    for article in articles:
        claims = article["claims"]
        quiet = [c for c in claims if not c["check_worthy"]]
        reasons.update(c["why"] for c in quiet)
        total, context = total + len(claims), context + len(quiet)
        print(f"  {article['path']}: {len(quiet)} of {len(claims)} highlights are context")
    share = 100 * context / total if total else 0.0
    print(f"  all: {context} of {total} highlights are context ({share:.1f} %)")
    for why, count in reasons.most_common():
        print(f"    {count:3}  {why}")


if __name__ == "__main__":
    main()
