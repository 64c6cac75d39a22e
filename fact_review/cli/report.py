"""`fact-review report --db DB --case NAME --format html|pdf|md|csv|json|claimreview [-o OUT]`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fact_review.cli.store_access import add_case_option, add_db_option, open_existing
from fact_review.errors import InputError
from fact_review.reports.claimreview import missing_settings
from fact_review.reports.data import load_report_data
from fact_review.reports.export import PdfRenderer, stream_report, write_report
from fact_review.reports.formats import FORMATS


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report", help="export a case's verdicts as a report")
    add_db_option(parser)
    add_case_option(parser)
    parser.add_argument("--format", required=True, choices=FORMATS,
                        help="html, pdf, md (Markdown), csv, json (everything, with history) or claimreview "
                             "(schema.org JSON-LD)")
    parser.add_argument("-o", "--out", metavar="OUT",
                        help="output file, written whole or not at all (default or '-': standard output)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.out == "-":
        args.out = None
    if args.format == "pdf" and not args.out:
        raise InputError("a PDF report is a binary file: name it with -o OUT")
    # Read-only: a report can be made while the window holds the database open for writing.
    with open_existing(args, read_only=True) as service:
        if args.format == "claimreview":
            _say_missing_settings(service, args.case)
        if args.out:
            write_report(service, args.case, args.format, Path(args.out), render_pdf=_pdf_renderer(args.format))
        else:
            stream_report(service, args.case, args.format, sys.stdout.buffer)
            sys.stdout.buffer.flush()
    return 0


def _pdf_renderer(fmt: str) -> PdfRenderer | None:
    if fmt != "pdf":
        return None
    from ui.reports_pdf import render_pdf  # Qt draws PDFs; loaded only when one is asked for

    return render_pdf


def _say_missing_settings(service, case_name: str) -> None:
    """ClaimReview without a review URL or publisher is not publishable: say what to set, and how."""
    missing = missing_settings(load_report_data(service, case_name))
    if missing:
        print(f"fact-review: note: the ClaimReview lacks {' and '.join(missing)}; set them with "
              "`fact-review case-settings --review-url URL` and `fact-review desk-settings --publisher NAME`",
              file=sys.stderr)
