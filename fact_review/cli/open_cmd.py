"""`fact-review open [--db DB] [--case NAME] [FILE...]`: the desktop window (also `fact-review` alone)."""
from __future__ import annotations

import argparse

from fact_review.cli.file_args import add_article_files, article_files
from fact_review.cli.store_access import add_db_option
from fact_review.cli.text_args import utf8_text

DESCRIPTION = """Open the Fact Review window. The first start creates a database in the user data folder with
a demo case in it; later starts reopen the last case. Files given are imported into the case shown."""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("open", help="open the desktop window (the default with no command)",
                                   description=DESCRIPTION)
    add_db_option(parser)
    parser.add_argument("--case", type=utf8_text, metavar="NAME",
                        help="case to show (created when new; default: the last one)")
    add_article_files(parser, "*", "articles to import into the case")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    files = article_files(args.files)
    from ui.app import open_window  # Qt is loaded only when the window is asked for

    return open_window(args.db, args.case, files)  # a URL stays a string, never a file name
