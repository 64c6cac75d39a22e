"""Text anchors that re-attach a claim after its article is edited (like W3C TextQuoteSelector).

A claim keeps its quote and up to ``CONTEXT`` characters either side. In the new text the quote is
looked for first (the occurrence whose surroundings agree best, then the nearest to the old offset);
when the quote itself was edited, the span between the surviving prefix and suffix is taken instead.
"""
from __future__ import annotations

from typing import Optional

CONTEXT = 32
SHORT_CONTEXT = 12  # context that still matches when an edit reaches into the full context
MAX_GROWTH = 64  # how much longer an edited quote may be than the old one


def anchor(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(quote, prefix, suffix) of ``text[start:end]``."""
    return text[start:end], text[max(0, start - CONTEXT):start], text[end:end + CONTEXT]


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _occurrences(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at != -1:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def locate(text: str, quote: str, prefix: str, suffix: str, hint: int) -> Optional[tuple[int, int, bool]]:
    """Where the anchored span is in ``text``: (start, end, same_quote), or None when it is gone."""
    if quote:
        spots = _occurrences(text, quote)
        if spots:
            def fit(at: int) -> tuple[int, int]:
                context = _common_suffix(text[max(0, at - len(prefix)):at], prefix) + _common_prefix(
                    text[at + len(quote):at + len(quote) + len(suffix)], suffix
                )
                return context, -abs(at - hint)

            best = max(spots, key=fit)
            return best, best + len(quote), True
    for size in (CONTEXT, SHORT_CONTEXT):
        span = _between(text, prefix[-size:], suffix[:size], len(quote), hint)
        if span is None:
            span = _beside(text, prefix[-size:], suffix[:size], len(quote.split()), hint)
        if span is not None:
            return span[0], span[1], text[span[0]:span[1]] == quote
    return None


def _beside(text: str, prefix: str, suffix: str, words: int, hint: int) -> Optional[tuple[int, int]]:
    """When only one side survived: as many words as the quote had, just before the suffix or just
    after the prefix (an edited number keeps its neighbours)."""
    spans = []
    if suffix:
        for end in _occurrences(text, suffix):
            start = end
            for _ in range(words):
                start = len(text[:start].rstrip())
                start = max(text.rfind(space, 0, start) for space in " \n\t") + 1
            spans.append((start, end))
    elif prefix:
        for start in (at + len(prefix) for at in _occurrences(text, prefix)):
            end = start
            for _ in range(words):
                end += len(text[end:]) - len(text[end:].lstrip())
                found = [at for at in (text.find(space, end) for space in " \n\t") if at != -1]
                end = min(found, default=len(text))
            spans.append((start, end))
    spans = [(start, end) for start, end in spans if start < end]
    return min(spans, key=lambda span: abs(span[0] - hint)) if spans else None


def _between(text: str, prefix: str, suffix: str, old_length: int, hint: int) -> Optional[tuple[int, int]]:
    """The span right after an occurrence of ``prefix`` and right before the next ``suffix``."""
    if not prefix and not suffix:
        return None
    starts = [at + len(prefix) for at in _occurrences(text, prefix)] if prefix else [0]
    spans = []
    for start in starts:
        end = text.find(suffix, start) if suffix else len(text)
        if end != -1 and start < end <= start + old_length + MAX_GROWTH:
            spans.append((start, end))
    return min(spans, key=lambda span: abs(span[0] - hint)) if spans else None
