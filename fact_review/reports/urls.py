"""Which urls a report may turn into links, and the one form every writer is given: http and https only,
every character outside a small safe set percent-encoded.

The safe set leaves out every character that closes a string or a tag in one of the formats a url is
written into: ``(``, ``)`` and ``\\`` (PDF strings, where ``)`` once let a page's canonical url end its
link and start a JavaScript action), quotes and ``<>`` (HTML attributes, Markdown autolinks), spaces,
backticks and braces. What is left of RFC 3986's reserved characters keeps its meaning, so the link
still leads where the page said.
"""
from __future__ import annotations

import re
from typing import Optional
from urllib.parse import quote, unquote, urlsplit, urlunsplit

# Browsers drop tabs and newlines inside urls ("java\tscript:" runs) and trim control characters and
# spaces, so a url holding any of them is never made a link, whatever its scheme looks like.
_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
# Kept as written in the path, query and fragment (besides letters, digits and "-._~", which quote keeps).
_SAFE_IN_PATH = "/:@!$&*+,;=?#%"
_SAFE_IN_USER = "!$&*+,;=%:"
_BARE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_HOST_NAME = re.compile(r"[A-Za-z0-9._-]+")
_IP_V6 = re.compile(r"[0-9A-Fa-f:.]+")
LABEL_WIDTH = 40  # characters of a link's visible text: fits the narrowest column a link is drawn in


def http_url(url: Optional[str]) -> Optional[str]:
    """``url`` as an absolute http(s) url with a host, percent-encoded for any writer; None if it is not one.

    A name written in another script becomes its IDNA (punycode) form; a host that cannot is refused.
    """
    if not url or _UNSAFE.search(url):
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = _ascii_host(parts.hostname)
    if scheme not in ("http", "https") or host is None:
        return None
    netloc = host if port is None else f"{host}:{port}"
    try:
        if parts.username is not None:
            user = _quoted(parts.username, _SAFE_IN_USER)
            if parts.password is not None:
                user += ":" + _quoted(parts.password, _SAFE_IN_USER)
            netloc = f"{user}@{netloc}"
        path, query, fragment = (_quoted(part, _SAFE_IN_PATH) for part in (parts.path, parts.query, parts.fragment))
    except UnicodeEncodeError:  # a lone surrogate (undecodable bytes of a file name) has no UTF-8 form
        return None
    return urlunsplit((scheme, netloc, path, query, fragment))


def _quoted(part: str, safe: str) -> str:
    """``part`` percent-encoded (UTF-8), its escapes kept and a ``%`` that starts none made one."""
    return quote(_BARE_PERCENT.sub("%25", part), safe=safe, errors="strict")


def _ascii_host(hostname: Optional[str]) -> Optional[str]:
    if not hostname:
        return None
    if ":" in hostname:  # urlsplit gives an IPv6 literal without its brackets
        return f"[{hostname}]" if _IP_V6.fullmatch(hostname) else None
    try:
        host = hostname.encode("idna").decode("ascii")
    except UnicodeError:  # an empty label, a label over 63 characters, a character IDNA forbids
        return None
    return host if _HOST_NAME.fullmatch(host) else None


def link_label(link: str, width: int = LABEL_WIDTH) -> str:
    """What a reader sees of a link made by :func:`http_url`: its address without the scheme, decoded where
    that reads better, cut in the middle to ``width`` characters so that it never wraps.

    A wrapped link is one PDF annotation per line, each holding the whole url: a 100 KB url made a 135 MB
    report. The full address stays in the link itself.
    """
    label = link.split("://", 1)[-1].rstrip("/")
    decoded = unquote(label, errors="replace")
    if not _UNSAFE.search(decoded):
        label = decoded
    if len(label) <= width:
        return label
    head = (width - 1) * 2 // 3
    return label[:head] + "…" + label[len(label) - (width - 1 - head):]
