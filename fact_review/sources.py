"""How an article is named to a reviewer: one rule for the window, the checks' explanations and the reports.

A reviewer thinks of a source by who published it ("the Courier says 1,200"), so the outlet comes first;
without one, the headline, then the file it came from, then the site of its url, and last its place in the
case ("Source 3"). Every view calls :func:`source_name`, so an article never has two names.
"""
from __future__ import annotations

from pathlib import PurePath
from typing import Optional, Protocol
from urllib.parse import urlsplit


class Named(Protocol):
    """What naming reads: the metadata every article row (stored, analysed or reported) carries; a ``path``
    (the file it came from) and a ``position`` are read too when the row has them."""

    title: Optional[str]
    outlet: Optional[str]
    url: Optional[str]


def source_name(article: Named, position: Optional[int] = None) -> str:
    """The article's name: outlet, else title, else file name, else url host, else "Source N".

    ``position`` (from 0) is the article's place in its case; it defaults to the article's own
    ``position`` field, which stored and reported articles have.
    """
    for known in (article.outlet, article.title, _file_name(getattr(article, "path", None)), _host(article.url)):
        if known and known.strip():
            return " ".join(known.split())
    if position is None:
        position = getattr(article, "position", None)
    return f"Source {position + 1}" if position is not None else "Source"


def _file_name(path: Optional[str]) -> Optional[str]:
    return PurePath(path).name if path else None


def _host(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None
