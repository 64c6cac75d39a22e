"""`fact-review import --db DB --case NAME FILE... [--json]`."""
from __future__ import annotations

import argparse


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("import", help="import articles into a case (analysis included)")
    parser.add_argument("--db", metavar="DB", help="database file (default: in the user data folder)")
    parser.add_argument("--case", required=True, metavar="NAME", help="case name (created when new)")
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError("import: being written")
