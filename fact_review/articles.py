"""Reading articles: a file or bytes or text -> ``Article`` (text exactly as imported, plus metadata).

The suffix decides the format: ``.txt``, ``.md``/``.markdown``, ``.html``/``.htm``; anything else is
read as HTML when it looks like HTML, else as text. The path ``-`` is standard input (the command-line
convention), read as HTML when it looks like HTML, else as text. Offsets everywhere refer to ``Article.text``:
the decoded text with newlines normalised to ``\\n`` (for HTML, the extracted article body).
Every refusal is an ``InputError`` whose message names the input and says what is wrong.
"""
from __future__ import annotations

import os
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Optional, Union

from fact_review.claims.datelines import find_dateline
from fact_review.errors import InputError, reading_file
from fact_review.file_kinds import special_kind
from fact_review.intake.decoding import decode, normalise_newlines
from fact_review.intake.plain import read_plain
from fact_review.model import Article

MAX_INPUT_BYTES = 20_000_000  # a news article is a few KB; more is a mistake, not an article
MAX_TEXT_CHARS = 20_000_000

TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
STANDARD_INPUT = "-"  # as a file name: read standard input

_LOOKS_LIKE_HTML = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b",
                              re.IGNORECASE | re.DOTALL)
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_article(path: Union[str, Path]) -> Article:
    """The article in the file at ``path``, or on standard input when ``path`` is ``-``."""
    if str(path) == STANDARD_INPUT:
        return article_from_bytes(sys.stdin.buffer.read(MAX_INPUT_BYTES + 1), "standard input")
    path = Path(path)
    expected = "an article file"
    with reading_file(path, expected):
        if path.is_dir():  # opening one is a PermissionError, not an IsADirectoryError, on Windows
            raise InputError(f"{path}: is a directory, not {expected}")
        # Opened without waiting: opening a named pipe otherwise blocks until something writes to it.
        with os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as file:
            status = os.fstat(file.fileno())
            kind = special_kind(status.st_mode)
            if kind is not None:
                raise InputError(f"{path}: is {kind}, not {expected}"
                                 + ("; give - to read standard input" if kind == "a named pipe" else ""))
            if status.st_size > MAX_INPUT_BYTES:
                raise InputError(f"{path}: {_too_large(status.st_size)}")
            data = file.read(MAX_INPUT_BYTES + 1)
    article = article_from_bytes(data, str(path))
    return replace(article, path=readable_name(path))


def article_from_bytes(data: bytes, name: str) -> Article:
    """The article in ``data``; ``name`` (a file name) gives the format by its suffix and names the input
    in error messages."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{name}: {_too_large(len(data))}")
    if not data.strip():
        raise InputError(f"{name}: is empty")
    suffix = Path(name).suffix.lower()
    declared = None
    if suffix in HTML_SUFFIXES or suffix not in TEXT_SUFFIXES | MARKDOWN_SUFFIXES:
        charset = _HTML_CHARSET.search(data[:4096])
        declared = charset.group(1).decode("ascii") if charset else None
    text = normalise_newlines(decode(data, name, declared))
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES | MARKDOWN_SUFFIXES and _LOOKS_LIKE_HTML.match(text)):
        from fact_review.intake.markup import read_html  # trafilatura costs ~0.3 s to import: HTML only

        return _finished(read_html(text), name, what="has no article text")
    return _finished(read_plain(text, markdown=suffix in MARKDOWN_SUFFIXES), name)


def article_from_text(text: str, name: Optional[str] = None) -> Article:
    """The article whose text is ``text`` (plain text; newlines are normalised)."""
    return _finished(read_plain(normalise_newlines(text)), name or "text")


def _finished(article: Article, name: str, what: str = "is empty") -> Article:
    """``article`` checked (not empty, not too long, valid Unicode) and with its content hash; a page or file
    that does not say when it was published is dated by its dateline ("KYIV, May 25, 2025 (Reuters) -")."""
    text = article.text
    if not text.strip():
        raise InputError(f"{name}: {what}")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"{name}: has {len(text):,} characters of text, more than the limit of {MAX_TEXT_CHARS:,}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InputError(f"{name}: contains an invalid character (an unpaired surrogate at offset {error.start})") from None
    if article.published is None:
        dateline = find_dateline(text)
        if dateline is not None and dateline.published is not None:
            article = replace(article, published=dateline.published)
    return article.with_text(text)


def readable_name(path: Union[str, Path]) -> str:
    """A file name as text: bytes that are not UTF-8 (Python keeps them as lone surrogates, which no
    database or report can hold) become U+FFFD, the same for the same name."""
    return os.fsencode(path).decode("utf-8", errors="replace")


def _too_large(size: int) -> str:
    """How much larger than the limit ``size`` is, in MB, or in bytes where MB would read the same
    ("20.0 MB, larger than the limit of 20.0 MB")."""
    said, limit = f"{size / 1_000_000:.1f} MB", f"{MAX_INPUT_BYTES / 1_000_000:.1f} MB"
    if said == limit:
        said, limit = f"{size:,} bytes", f"{MAX_INPUT_BYTES:,} bytes"
    return f"is {said}, larger than the limit of {limit}"
