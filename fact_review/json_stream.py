"""JSON written as it is encoded: a long list is never held whole as dicts, nor the finished text as one string.

``json.dumps(..., indent=2)`` of 37,000 claims built a 19 MB string from a million small pieces and took
130 MB at its peak; written piece by piece to the stream, the text costs nothing to hold.
"""
from __future__ import annotations

import json
from typing import Any, Callable, Iterator, Sequence, TextIO


class LazyList(list):
    """A list whose items are converted one at a time, as the encoder reaches them (the pure-Python
    encoder, which ``indent`` selects, reads a list only through ``len`` and iteration)."""

    def __init__(self, items: Sequence[Any], convert: Callable[[Any], Any]) -> None:
        super().__init__()
        self._items, self._convert = items, convert

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)

    def __iter__(self) -> Iterator[Any]:
        return (self._convert(item) for item in self._items)


def write_json(document: Any, out: TextIO, *, indent: int | None = 2) -> None:
    """``document`` written to ``out`` piece by piece, as UTF-8-ready text, then a new line."""
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=indent).iterencode(document):
        out.write(chunk)
    out.write("\n")

