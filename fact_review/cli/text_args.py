"""Options that are text the database keeps (a case name, a label, a note, a reviewer): undecodable
bytes in them are refused as bad input. Python hands such bytes over as lone surrogates, which no UTF-8
database or report can hold; they made an internal error of the write."""
from __future__ import annotations

import argparse


def utf8_text(value: str) -> str:
    """An argparse ``type``: ``value`` when it is text, else a usage error naming the option."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise argparse.ArgumentTypeError(
            f"{value.encode('utf-8', 'surrogateescape')!r} holds bytes that are not UTF-8 text "
            f"(at character {error.start + 1})") from None
    return value
