"""File arguments as the commands take them: a path, or ``-`` for standard input (read once)."""
from __future__ import annotations

import argparse
from typing import Sequence

from fact_review.articles import STANDARD_INPUT
from fact_review.errors import InputError

STDIN_HELP = f"'{STANDARD_INPUT}' reads standard input"


def add_article_files(parser: argparse.ArgumentParser, nargs: str, what: str) -> None:
    parser.add_argument("files", nargs=nargs, metavar="FILE",
                        help=f"{what}: .html, .htm, .txt or .md files ({STDIN_HELP})")


def article_files(values: Sequence[str]) -> list[str]:
    """The files as given, refusing standard input twice (the second read would find nothing)."""
    if sum(1 for value in values if value == STANDARD_INPUT) > 1:
        raise InputError(f"standard input ({STANDARD_INPUT}) can be read only once; name the other files")
    return list(values)
