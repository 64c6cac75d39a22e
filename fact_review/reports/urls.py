"""Which urls a report may turn into links: http and https only, written plainly."""
from __future__ import annotations

import re
from typing import Optional
from urllib.parse import urlsplit

# Browsers drop tabs and newlines inside urls ("java\tscript:" runs) and trim control characters and
# spaces, so a url holding any of them is never made a link, whatever its scheme looks like.
_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


def http_url(url: Optional[str]) -> Optional[str]:
    """``url`` if it is a plain absolute http(s) url with a host, else None."""
    if not url or _UNSAFE.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url
