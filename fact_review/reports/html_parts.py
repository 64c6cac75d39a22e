"""A long HTML report cut into parts that are each a whole page, for a renderer that must not hold it all.

Qt's rich-text engine (the PDF) holds about 60 bytes for every character of HTML: a case of 37,000 claims
made a 5 MB page and a 560 MB process. The template marks where it may be cut (``cut()`` between two
claims, two discrepancies, or two rows of a table, given the table's opening tags), and ``split_parts``
cuts the rendered text there about every ``part_chars``: each part gets the page's head, a table cut in
two is closed at the end of one part and opened again, header row included, at the start of the next.

The marks carry a random token, so no text of the case can pass for one; a renderer that draws the page
whole gets no marks at all (``Cuts(active=False)``).
"""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from markupsafe import Markup

PART_CHARS = 200_000  # of HTML: about 12 MB in Qt's document, and a few pages of PDF
_END = "\ue001"  # private-use characters: escaped text keeps them, but only a mark has the token too
BODY = "<body>"


class Cuts:
    """The template's ``cut(table_open=None)``: a mark where the page may be cut, naming the table the cut
    is inside (its opening tags, to open it again in the next part)."""

    def __init__(self, active: bool = True) -> None:
        self.active = active
        self.prefix = f"\ue000{secrets.token_hex(8)}:"
        self._tables: list[str] = []
        self._numbers: dict[str, int] = {}
        self._pattern = re.compile(re.escape(self.prefix) + f"[0-9-]*{_END}")

    def __call__(self, table_open: Optional[str] = None) -> Markup:
        if not self.active:
            return Markup("")
        number = -1
        if table_open is not None:
            number = self._numbers.setdefault(table_open, len(self._tables))
            if number == len(self._tables):
                self._tables.append(str(table_open))
        return Markup(f"{self.prefix}{number}{_END}")

    def table(self, mark: str) -> Optional[str]:
        """The opening tags of the table a mark (what follows the prefix) is inside, or None."""
        number = int(mark[len(self.prefix):-len(_END)])
        return self._tables[number] if number >= 0 else None

    def unmarked(self, text: str) -> str:
        return self._pattern.sub("", text)


@dataclass(frozen=True)
class Part:
    """A run of the page: its ``body``, after the page's ``head`` (empty for the first part, whose body
    has it) and inside ``table`` (the opening tags of the table a cut left open, or None)."""

    head: str
    table: Optional[str]
    body: str

    def html(self, spacer: str = "") -> str:
        """The part as a whole page, ``spacer`` first: a part that goes on below the one before on the
        same page opens its table again without the header row (only the columns' widths)."""
        table = self.table or ""
        if table and spacer:
            table = _HEADER.sub(lambda header: "<tr>" + _HEADER_CELL.sub(r"<td\1></td>", header[1]) + "</tr>", table)
        if not self.head:
            at = self.body.index(BODY) + len(BODY)
            return self.body[:at] + spacer + self.body[at:]
        return self.head + spacer + table + self.body


_HEADER = re.compile(r"<thead>\s*<tr>(.*?)</tr>\s*</thead>", re.DOTALL)  # the template's: user text is escaped
_HEADER_CELL = re.compile(r"<th([^>]*)>.*?</th>", re.DOTALL)


def split_parts(chunks: Iterable[str], cuts: Cuts, part_chars: int = PART_CHARS) -> Iterator[Part]:
    """The page ``chunks`` make, in parts of about ``part_chars`` each (a part runs on to the next mark,
    so one long claim is never cut); the chunks are read as they come, never joined whole."""
    pending: list[str] = []
    size, threshold = 0, part_chars
    head, table = "", None
    for chunk in chunks:
        pending.append(chunk)
        size += len(chunk)
        if size < threshold:
            continue
        text = "".join(pending)
        at = text.rfind(cuts.prefix)
        if at < 0:  # no mark yet: read on, and look again only when twice as much has come
            pending, threshold = [text], 2 * size
            continue
        end = text.index(_END, at) + len(_END)
        cut_in = cuts.table(text[at:end])
        yield Part(head, table, cuts.unmarked(text[:at]) + _close(cut_in))
        if not head:
            head = text[:text.index(BODY) + len(BODY)]
        table = cut_in
        pending, size, threshold = [text[end:]], len(text) - end, part_chars
    yield Part(head, table, cuts.unmarked("".join(pending)))


def _close(table: Optional[str]) -> str:
    return ("</tbody></table>" if table else "") + "</body></html>"
