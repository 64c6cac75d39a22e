"""`fact-review verdicts --db DB --case NAME [--json]`."""
from __future__ import annotations

import argparse


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("verdicts", help="every claim of a case with its current verdict")
    parser.add_argument("--db", metavar="DB")
    parser.add_argument("--case", required=True, metavar="NAME")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError("verdicts: being written")
