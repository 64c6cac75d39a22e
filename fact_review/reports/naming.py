"""A safe default file name for a report, made from the case title (the window's Export dialog)."""
from __future__ import annotations

import re
import unicodedata

from fact_review.reports.formats import EXTENSIONS

MAX_NAME_BYTES = 200  # well under the 255-byte limit of common file systems, leaving room for ".tmp" names
# Characters Windows forbids in names, and path separators everywhere.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*]+')
_RESERVED = re.compile(r"(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(\..*)?", re.IGNORECASE)


def _visible(text: str) -> str:
    """Drop control and format characters (bidi overrides, zero-width joiners), whitespace as one space."""
    kept = "".join(" " if ch.isspace() else ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))
    return " ".join(kept.split())


def _truncate(text: str, limit: int) -> str:
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    return encoded[:limit].decode("utf-8", "ignore")


def default_report_filename(case_title: str, fmt: str) -> str:
    """``<case title>.<ext>`` with nothing a file system or a shell could misread.

    No path separators, control or bidi characters, no names Windows reserves (CON, NUL, COM1...), no
    leading dot or dash (hidden files, command options), no trailing dot or space; at most 200 bytes.
    """
    extension = EXTENSIONS[fmt]
    stem = _FORBIDDEN.sub("-", _visible(unicodedata.normalize("NFC", case_title or "")))
    stem = _truncate(stem.strip(" .-"), MAX_NAME_BYTES - len(extension)).rstrip(" .-")
    if not stem:
        stem = "report"
    if _RESERVED.fullmatch(stem):
        stem = f"{stem} report"
    return stem + extension
