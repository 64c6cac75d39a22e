"""`fact-review desk-settings [--db DB] [--publisher NAME] [--publisher-url URL] [--publisher-logo URL]`."""
from __future__ import annotations

import argparse
from dataclasses import replace

from fact_review.cli.store_access import add_db_option, open_existing

DESCRIPTION = """Show or change who publishes the fact-checks in this database: reports name the publisher,
and ClaimReview gives it as author and publisher (an Organization with its website and logo).
An empty value ('') removes a setting. Without options, prints the settings."""
NOT_SET = "(not set)"


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("desk-settings", help="show or set the publisher: name, website and logo",
                                   description=DESCRIPTION)
    add_db_option(parser)
    parser.add_argument("--publisher", metavar="NAME", dest="publisher_name",
                        help="the desk or organisation that publishes the fact-checks")
    parser.add_argument("--publisher-url", metavar="URL", help="its website (https://...)")
    parser.add_argument("--publisher-logo", metavar="URL", help="the address of its logo image (https://...)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    changes = {key: getattr(args, key) for key in ("publisher_name", "publisher_url", "publisher_logo")
               if getattr(args, key) is not None}
    with open_existing(args) as service:
        desk = service.desk_settings()
        if changes:
            desk = service.set_desk_settings(replace(desk, **changes))
    print(f"publisher:      {desk.publisher_name or NOT_SET}")
    print(f"publisher URL:  {desk.publisher_url or NOT_SET}")
    print(f"publisher logo: {desk.publisher_logo or NOT_SET}")
    return 0
