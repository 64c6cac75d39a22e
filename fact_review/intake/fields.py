"""Metadata fields as an article keeps them: a title, outlet or author of a sane length."""
from __future__ import annotations

from typing import Optional

# Longer than any real headline: a page's 10 MB og:title became the first paragraph of its article (and
# 450,000 claims). A longer value is cut at a word and ends with "…", so the cut shows.
MAX_FIELD_CHARS = 300


def shortened(value: Optional[str], limit: int = MAX_FIELD_CHARS) -> Optional[str]:
    if value is None or len(value) <= limit:
        return value
    cut = value[:limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"
