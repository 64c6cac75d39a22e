"""`fact-review verdict --db DB --case NAME --claim ID --label LABEL [--note TEXT] [--reviewer NAME]`."""
from __future__ import annotations

import argparse


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("verdict", help="set one claim's verdict")
    parser.add_argument("--db", metavar="DB")
    parser.add_argument("--case", required=True, metavar="NAME")
    parser.add_argument("--claim", required=True, metavar="ID")
    parser.add_argument("--label", required=True, metavar="LABEL")
    parser.add_argument("--note", metavar="TEXT")
    parser.add_argument("--reviewer", metavar="NAME")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError("verdict: being written")
