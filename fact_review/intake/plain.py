"""Plain text and Markdown: the text stays as it is; metadata is read from its first lines (the title here,
the published date from the dateline in ``articles``)."""
from __future__ import annotations

import re
from typing import Optional

from fact_review.claims.datelines import find_dateline
from fact_review.intake.fields import shortened
from fact_review.model import Article

HEADLINE_MAX_CHARS = 200
HEADLINE_MAX_WORDS = 30

_FIRST_LINE = re.compile(r"\A\s*([^\n]*)")
_MARKDOWN_HEADING = re.compile(r"#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*")


def read_plain(text: str, markdown: bool = False) -> Article:
    """The article of a text (or Markdown) file: title from its first line."""
    return Article(text=text, title=_title(text, markdown))


def _title(text: str, markdown: bool) -> Optional[str]:
    line = _FIRST_LINE.match(text)
    first = line.group(1).strip()
    if markdown:
        heading = _MARKDOWN_HEADING.fullmatch(first)
        if heading:
            return shortened(heading.group(1).strip())
    return first if _reads_as_headline(first) and text[line.end():].strip() else None


def _reads_as_headline(line: str) -> bool:
    """Short, without a final period (or comma, colon, semicolon), and not a dateline."""
    return (
        0 < len(line) <= HEADLINE_MAX_CHARS
        and len(line.split()) <= HEADLINE_MAX_WORDS
        and line[-1] not in ".,;:"
        and find_dateline(line) is None
    )
