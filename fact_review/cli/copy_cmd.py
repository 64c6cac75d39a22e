"""`fact-review copy --from DB --to DB --case NAME [--as NEW]`: move a case between a local file and a
shared server (either way, or between two of either), with everything in it."""
from __future__ import annotations

import argparse

from fact_review.cli.store_access import DB_HELP, said_recovery
from fact_review.store import open_service, transfer

DESCRIPTION = """Copy a case, with its articles, claims, matches, checks and every reviewer's verdicts and
their history, from one database to another: a local file to a desk's server or back. The source is only
read; the copy is written in one transaction (all of it or nothing)."""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("copy", help="copy a case between a file and a server", description=DESCRIPTION)
    parser.add_argument("--from", dest="source", required=True, metavar="DB", help="where the case is: " + DB_HELP)
    parser.add_argument("--to", dest="target", required=True, metavar="DB",
                        help="where to copy it (a new file is created; a server database is set up)")
    parser.add_argument("--case", required=True, metavar="NAME", help="the case to copy")
    parser.add_argument("--as", dest="new_name", metavar="NEW", help="its name in the target (default: the same)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with said_recovery(open_service(args.source, read_only=True, create=False)) as source:
        case = source.find_case(args.case)
        copied = source.dump_case(case.id)
    with said_recovery(open_service(args.target)) as target:
        made = target.load_case(copied, args.new_name or case.name)
        location = target.location
    counts = ", ".join(f"{copied.count(table)} {label}" for table, label in (
        (transfer.ARTICLE, "articles"), (transfer.CLAIM, "claims"), (transfer.MATCH, "matches"),
        (transfer.VERDICT, "verdicts"), (transfer.EVENT, "history events")))
    print(f"case {case.name!r} copied to {location} as {made.name!r}: {counts}")
    return 0
