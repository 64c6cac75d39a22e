"""`fact-review case-settings --db DB --case NAME [--review-url URL] [--final | --draft] [--blind | --open]`."""
from __future__ import annotations

import argparse
from dataclasses import replace

from fact_review.cli.store_access import add_case_option, add_db_option, open_existing

DESCRIPTION = """Show or change how a case is reviewed and published. The review URL is the page where the
case's fact-check is published: ClaimReview points at it, one anchor per claim (#claim-ID, as in the HTML
report). The report says "Draft" until the case is marked final. Blind review hides the other reviewers'
verdicts on a claim (and the final one) from a reviewer until they have given their own; open review
shows them at once. Without options, prints the settings."""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("case-settings", help="show or set a case's review URL, draft/final state "
                                   "and blind review", description=DESCRIPTION)
    add_db_option(parser)
    add_case_option(parser)
    parser.add_argument("--review-url", metavar="URL",
                        help="https:// address where the fact-check is published ('' removes it)")
    state = parser.add_mutually_exclusive_group()
    state.add_argument("--final", dest="state", action="store_const", const="final",
                       help="reports say they are final")
    state.add_argument("--draft", dest="state", action="store_const", const="draft",
                       help="reports say they are a draft (the default)")
    review = parser.add_mutually_exclusive_group()
    review.add_argument("--blind", dest="blind", action="store_const", const=True,
                        help="blind review: each reviewer sees the others' verdicts on a claim once they gave theirs")
    review.add_argument("--open", dest="blind", action="store_const", const=False,
                        help="open review: every reviewer sees every verdict (the default)")
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
        if args.blind is not None and args.blind != case.blind:
            case = service.set_blind_review(case.id, args.blind)
    print(f"case {case.name!r}")
    print(f"  review URL: {settings.review_url or '(not set: ClaimReview has no url)'}")
    print(f"  report:     {settings.report_state}")
    print(f"  review:     {'blind (others’ verdicts show once one’s own is given)' if case.blind else 'open'}")
    return 0
