"""Plain text and Markdown: the text stays as it is; metadata is read from its first lines."""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Optional

from fact_review.intake.fields import shortened
from fact_review.model import Article

HEADLINE_MAX_CHARS = 200
HEADLINE_MAX_WORDS = 30

# "date 2025-05-25" (or "Date: 2025-05-25 10:00") at the very start of the text gives the published date.
_DATE_MARKER = re.compile(
    r"\A\s*date:?[ \t]+(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?))?(?!\S)",
    re.IGNORECASE,
)
_FIRST_LINE = re.compile(r"\A\s*([^\n]*)")
_MARKDOWN_HEADING = re.compile(r"#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*")


def read_plain(text: str, markdown: bool = False) -> Article:
    """The article of a text (or Markdown) file: title from its first line, published from a date marker."""
    return Article(text=text, title=_title(text, markdown), published=_published(text))


def _title(text: str, markdown: bool) -> Optional[str]:
    line = _FIRST_LINE.match(text)
    first = line.group(1).strip()
    if markdown:
        heading = _MARKDOWN_HEADING.fullmatch(first)
        if heading:
            return shortened(heading.group(1).strip())
    return first if _reads_as_headline(first) and text[line.end():].strip() else None


def _reads_as_headline(line: str) -> bool:
    """Short, without a final period (or comma, colon, semicolon), and not a date marker."""
    return (
        0 < len(line) <= HEADLINE_MAX_CHARS
        and len(line.split()) <= HEADLINE_MAX_WORDS
        and line[-1] not in ".,;:"
        and not _DATE_MARKER.match(line)
    )


def _published(text: str) -> Optional[str]:
    marker = _DATE_MARKER.match(text)
    if not marker:
        return None
    day, time = marker.groups()
    try:
        if time:
            return datetime.fromisoformat(f"{day}T{time}").isoformat()
        return date.fromisoformat(day).isoformat()
    except ValueError:
        return None
