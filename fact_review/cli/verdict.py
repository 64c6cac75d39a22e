"""`fact-review verdict --db DB --case NAME (--claim ID | --fact KEY) --label LABEL [--note TEXT] [--reviewer NAME]
[--final]`."""
from __future__ import annotations

import argparse

from fact_review.cli.store_access import add_case_option, add_db_option, describe_verdict, open_existing
from fact_review.cli.text_args import utf8_text
from fact_review.errors import InputError


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("verdict", help="set one claim's (or fact's) verdict")
    add_db_option(parser)
    add_case_option(parser)
    subject = parser.add_mutually_exclusive_group(required=True)
    subject.add_argument("--claim", metavar="ID", help="the claim's id (see `fact-review verdicts`)")
    subject.add_argument("--fact", type=utf8_text, metavar="KEY",
                         help="a fact's key, such as F3 (see `fact-review verdicts`): its verdict stays with it "
                              "across re-imports, splits and merges")
    parser.add_argument("--label", required=True, type=utf8_text, metavar="LABEL",
                        help="a label of the case's verdict scale")
    parser.add_argument("--note", type=utf8_text, metavar="TEXT", help="the reviewer's note (why this verdict)")
    parser.add_argument("--reviewer", type=utf8_text, metavar="NAME",
                        help="who gives the verdict (default: FACT_REVIEW_REVIEWER, else your login name); each "
                             "reviewer's verdict is their own and never overwrites another's")
    parser.add_argument("--final", action="store_true",
                        help="record the adjudicator's final verdict (what reports publish once two reviewers or "
                             "more have rated it)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.fact is not None:
        return _on_fact(args)
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


def _on_fact(args: argparse.Namespace) -> int:
    key = args.fact.strip()
    with open_existing(args) as service:
        case = service.find_case(args.case)
        change = service.set_fact_verdict(case.id, key, args.label, note=args.note, reviewer=args.reviewer,
                                          final=args.final)
        fact = next(f for f in service.facts(case.id) if f.rated_id == change.fact_id)  # read back
    print(f"fact {fact.key} {fact.label!r}: {describe_verdict(fact)}")
    return 0
