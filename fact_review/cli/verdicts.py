"""`fact-review verdicts --db DB --case NAME [--json]`: every claim with its verdicts (the contract's rows), then
every fact with its own (``"facts"``: key, kind, status, label, its claims' ids, and the claims' verdict fields)."""
from __future__ import annotations

import argparse
import sys

from fact_review.cli.store_access import (add_case_option, add_db_option, claim_json, describe_verdict, fact_json,
                                          open_existing)
from fact_review.json_stream import LazyList, write_json


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("verdicts", help="every claim and fact of a case with its current verdict")
    add_db_option(parser)
    add_case_option(parser)
    parser.add_argument("--json", action="store_true", help="print JSON, each reviewer's verdicts included")
    parser.add_argument("--reviewer", metavar="NAME",
                        help="show the case as this reviewer sees it (under blind review, others' verdicts "
                             "stay hidden on the claims they have not rated)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_existing(args) as service:
        case = service.find_case(args.case)
        positions = {a.id: a.position for a in service.articles(case.id)}
        claims = service.claims(case.id, include_dismissed=True, viewer=args.reviewer)
        facts = service.facts(case.id, viewer=args.reviewer)
    if args.json:
        write_json({"case": case.name, "claims": LazyList(claims, lambda c: claim_json(c, positions[c.article_id])),
                    "facts": LazyList(facts, fact_json)}, sys.stdout)
        return 0
    for c in claims:
        mark = " (dismissed)" if c.dismissed else ""
        print(f"{c.id}\tarticle {positions[c.article_id]}\t[{c.start}, {c.end})\t{c.kind}\t{c.text!r}{mark}"
              f"\t{describe_verdict(c)}")
    for f in facts:
        print(f"fact {f.key}\t{f.kind}, {f.status}\tclaims {', '.join(map(str, f.claim_ids))}\t{f.label!r}"
              f"\t{describe_verdict(f)}")
    return 0
