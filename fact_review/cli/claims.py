"""`fact-review claims FILE... [--json]` and `fact-review claims --jsonl IN [--out OUT]`."""
from __future__ import annotations

import argparse


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("claims", help="list the numeric claims of each file")
    parser.add_argument("files", nargs="*", metavar="FILE", help="articles: .txt, .md, .html")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--jsonl", metavar="IN", help='batch: lines {"id", "text", "reference_time"?}')
    parser.add_argument("--out", metavar="OUT", help="with --jsonl: write the result lines here")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError("claims: being written")
