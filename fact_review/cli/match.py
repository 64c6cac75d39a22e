"""`fact-review match FILE FILE [FILE...] --json` and `fact-review match --pairs IN [--out OUT]`."""
from __future__ import annotations

import argparse


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("match", help="link statements across articles and check their numbers")
    parser.add_argument("files", nargs="*", metavar="FILE", help="two or more articles of one story")
    parser.add_argument("--json", action="store_true", help="print JSON (matches and checks)")
    parser.add_argument("--pairs", metavar="IN", help='batch: lines {"id", "a", "b"}')
    parser.add_argument("--out", metavar="OUT", help="with --pairs: write the result lines here")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError("match: being written")
