"""The `fact-review` command line (ARCHITECTURE.md §4).

Each sub-command lives in its own module with ``add_parser(subparsers)`` and ``run(args) -> int``.
Bad input exits 2 with a message on stderr, anything else that fails exits 1; never a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import sys
from typing import Optional, Sequence

from fact_review import __version__
from fact_review.errors import ExplainedError, InputError

# sub-command -> module; only the module of the command being run is imported, so that `claims` and
# `match` (run once per item by batch scorers) do not pay for the database and report code at start-up.
COMMAND_MODULES = {
    "open": "open_cmd",
    "claims": "claims",
    "match": "match",
    "import": "import_cmd",
    "verdicts": "verdicts",
    "verdict": "verdict",
    "report": "report",
    "agreement": "agreement",
    "copy": "copy_cmd",
    "case-settings": "case_settings",
    "desk-settings": "desk_settings",
    "install-desktop": "desktop",
}
WINDOW_COMMAND = "open"

DESCRIPTION = """Review the numeric claims of several news reports side by side.

With no command, fact-review opens the desktop window (the same as `fact-review open`).
The commands below work without a window; `fact-review COMMAND --help` describes each one.
Wherever a command reads an article or a batch file, '-' reads standard input."""
EPILOG = """DB is a database file (SQLite) or a desk's server (postgresql+psycopg://user@host:port/dbname);
without --db the file in the user data folder is used.
Exit status: 0 done, 2 bad input (the message names it), 1 anything else."""

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's default exit status is also 2; keep the text short
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def build_parser(command: Optional[str] = None) -> argparse.ArgumentParser:
    """The parser for ``command`` alone when it names one, else for every command (help, typos)."""
    parser = _Parser(prog="fact-review", description=DESCRIPTION, epilog=EPILOG,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser, title="commands", metavar="COMMAND")
    names = [command] if command in COMMAND_MODULES else list(COMMAND_MODULES)
    for name in names:
        module = importlib.import_module(f"fact_review.cli.{COMMAND_MODULES[name]}")
        module.add_parser(subparsers)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv) or [WINDOW_COMMAND]
    parser = build_parser(argv[0])
    args = parser.parse_args(argv)
    if argv[0] != WINDOW_COMMAND:  # the window logs to its own file
        logging.basicConfig(format="fact-review: %(message)s", level=logging.WARNING)
    try:
        return args.run(args)
    except InputError as error:
        print(f"fact-review: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ExplainedError as error:  # a server out of reach, a change refused: said in words
        print(f"fact-review: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("fact-review: interrupted", file=sys.stderr)
        return EXIT_FAILURE
    except BrokenPipeError:
        return EXIT_FAILURE
    except Exception as error:  # noqa: BLE001 - the contract: a message, never a traceback
        print(f"fact-review: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_FAILURE


def window_main() -> int:
    """The GUI entry point (`fact-review-window [--db DB] [--case NAME] [FILE...]`): always the window."""
    return main([WINDOW_COMMAND, *sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())
