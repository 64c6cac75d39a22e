"""`fact-review verdict --db DB --case NAME --claim ID --label LABEL [--note TEXT] [--reviewer NAME]`."""
from __future__ import annotations

import argparse

from fact_review.cli.store_access import add_case_option, add_db_option, describe_verdict, open_existing
from fact_review.cli.text_args import utf8_text
from fact_review.errors import InputError


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("verdict", help="set one claim's verdict")
    add_db_option(parser)
    add_case_option(parser)
    parser.add_argument("--claim", required=True, metavar="ID", help="the claim's id (see `fact-review verdicts`)")
    parser.add_argument("--label", required=True, type=utf8_text, metavar="LABEL",
                        help="a label of the case's verdict scale")
    parser.add_argument("--note", type=utf8_text, metavar="TEXT", help="the reviewer's note (why this verdict)")
    parser.add_argument("--reviewer", type=utf8_text, metavar="NAME",
                        help="who gives the verdict (default: FACT_REVIEW_REVIEWER, else your login name); each "
                             "reviewer's verdict is their own and never overwrites another's")
    parser.add_argument("--final", action="store_true",
                        help="record the adjudicator's final verdict (what reports publish where reviewers differ)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        claim_id = int(args.claim)
    except ValueError:
        raise InputError(f"--claim {args.claim!r}: a claim id is a number (see `fact-review verdicts`)") from None
    with open_existing(args) as service:
        case = service.find_case(args.case)
        if claim_id not in {c.id for c in service.claims(case.id, include_dismissed=True)}:
            raise InputError(f"no claim {claim_id} in case {case.name!r} (see `fact-review verdicts`)")
        service.set_verdict(claim_id, args.label, note=args.note, reviewer=args.reviewer, final=args.final)
        claim = service.claim(claim_id)  # read back: what is printed is what was committed
    print(f"claim {claim.id} {claim.text!r}: {describe_verdict(claim)}")
    return 0
