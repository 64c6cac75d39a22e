"""`fact-review report --db DB --case NAME --format html|pdf|md|csv|json|claimreview [-o OUT]`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fact_review.cli.store_access import db_path
from fact_review.errors import InputError
from fact_review.reports.data import load_report_data
from fact_review.reports.formats import FORMATS, WANTS_HISTORY, render_bytes
from fact_review.reports.write import write_atomic
from fact_review.store import open_service


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report", help="export a case's verdicts as a report")
    parser.add_argument("--db", metavar="DB", help="database file (default: in the user data folder)")
    parser.add_argument("--case", required=True, metavar="NAME")
    parser.add_argument("--format", required=True, choices=FORMATS)
    parser.add_argument("-o", "--out", metavar="OUT", help="output file (default: standard output)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.format == "pdf" and not args.out:
        raise InputError("a PDF report is a binary file: name it with -o OUT")
    database = db_path(args)
    if not database.is_file():
        raise InputError(f"{database}: no such database")
    # Read-only: a report can be made while the window holds the database open for writing.
    with open_service(database, read_only=True) as service:
        data = load_report_data(service, args.case, with_history=args.format in WANTS_HISTORY)
    if args.format == "pdf":
        from ui.reports_pdf import render_pdf  # Qt draws PDFs; loaded only when one is asked for

        render_pdf(data, Path(args.out))
    elif args.out:
        write_atomic(Path(args.out), render_bytes(data, args.format))
    else:
        sys.stdout.buffer.write(render_bytes(data, args.format))
        sys.stdout.buffer.flush()
    return 0
