"""`fact-review install-desktop [--uninstall]`: menu entry, icon, metainfo and article types, for this user."""
from __future__ import annotations

import argparse

from fact_review.desktop.install import Outcome, install, uninstall

DESCRIPTION = """Add Fact Review to this user's desktop: a menu entry that opens the window, the icon,
the AppStream metainfo, and "Open with Fact Review" for web pages, text and Markdown files.
Files go under $XDG_DATA_HOME (default ~/.local/share); nothing needs root."""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("install-desktop", help="add the app to this user's desktop menus and file types",
                                   description=DESCRIPTION)
    parser.add_argument("--uninstall", action="store_true", help="remove what install-desktop added")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.uninstall:
        outcome = uninstall()
        print(f"Removed {len(outcome.files)} desktop files from {outcome.data_home}" if outcome.files
              else f"No Fact Review desktop files in {outcome.data_home}: nothing to remove")
    else:
        outcome = install()
        print(f"Installed {len(outcome.files)} desktop files in {outcome.data_home}:")
        print(f"  {outcome.files[0]}")
        print("  the icon in every size, and the AppStream metainfo")
    _say_refresh(outcome)
    return 0


def _say_refresh(outcome: Outcome) -> None:
    if outcome.missing_tools:
        print(f"({', '.join(outcome.missing_tools)} not found: menus and file types update at the next login)")
