"""`fact-review case-settings --db DB --case NAME [--review-url URL] [--final | --draft]`."""
from __future__ import annotations

import argparse
from dataclasses import replace

from fact_review.cli.store_access import add_case_option, add_db_option, open_existing

DESCRIPTION = """Show or change how a case is published. The review URL is the page where the case's
fact-check is published: ClaimReview points at it, one anchor per claim (#claim-ID, as in the HTML report).
The report says "Draft" until the case is marked final. Without options, prints the settings."""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("case-settings", help="show or set a case's review URL and draft/final state",
                                   description=DESCRIPTION)
    add_db_option(parser)
    add_case_option(parser)
    parser.add_argument("--review-url", metavar="URL",
                        help="https:// address where the fact-check is published ('' removes it)")
    state = parser.add_mutually_exclusive_group()
    state.add_argument("--final", dest="state", action="store_const", const="final",
                       help="reports say they are final")
    state.add_argument("--draft", dest="state", action="store_const", const="draft",
                       help="reports say they are a draft (the default)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_existing(args) as service:
        case = service.find_case(args.case)
        settings = service.case_settings(case.id)
        if args.review_url is not None or args.state is not None:
            changed = replace(settings, **{key: value for key, value in
                                            (("review_url", args.review_url), ("report_state", args.state))
                                            if value is not None})
            settings = service.set_case_settings(case.id, changed)
    print(f"case {case.name!r}")
    print(f"  review URL: {settings.review_url or '(not set: ClaimReview has no url)'}")
    print(f"  report:     {settings.report_state}")
    return 0
