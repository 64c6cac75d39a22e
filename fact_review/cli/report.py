"""`fact-review report --db DB --case NAME --format html|pdf|md|csv|json|claimreview [-o OUT]`."""
from __future__ import annotations

import argparse

FORMATS = ("html", "pdf", "md", "csv", "json", "claimreview")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report", help="export a case's verdicts as a report")
    parser.add_argument("--db", metavar="DB")
    parser.add_argument("--case", required=True, metavar="NAME")
    parser.add_argument("--format", required=True, choices=FORMATS)
    parser.add_argument("-o", "--out", metavar="OUT", help="output file (default: standard output)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError("report: being written")
