"""Python ``str`` offsets (what the core speaks) <-> Qt document positions and blocks.

Qt counts UTF-16 code units and starts a new block at every ``\\n``; a character outside the Basic
Multilingual Plane (an emoji) is one Python character but two Qt positions.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class TextIndex:
    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []

    def to_qt(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset) if self._astral else offset

    def from_qt(self, position: int) -> int:
        if not self._astral:
            return position
        offset = position
        while offset > 0 and self.to_qt(offset) > position:
            offset -= 1
        return offset

    def block_of(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset) - 1

    def block_pieces(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """``[start, end)`` cut at line breaks, as (block, start in block, length) in Qt units."""
        pieces = []
        block = self.block_of(start)
        while start < end:
            line_start = self.line_starts[block]
            line_end = self.line_starts[block + 1] - 1 if block + 1 < len(self.line_starts) else self.length
            piece_end = min(end, line_end)
            if piece_end > start:
                qt_line = self.to_qt(line_start)
                pieces.append((block, self.to_qt(start) - qt_line, self.to_qt(piece_end) - self.to_qt(start)))
            block += 1
            if block >= len(self.line_starts):
                break
            start = max(start, self.line_starts[block])
        return pieces
