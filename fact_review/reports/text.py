"""Report values as plain text shared by the formats; human readings of figures and times are in ``figures``."""
from __future__ import annotations

from decimal import Decimal
from typing import Callable, Optional

from fact_review.model import match_words
from fact_review.reports.data import Figure, MatchedStatement, Quote, Verdict


def decimal_text(value: Optional[Decimal]) -> str:
    """A Decimal in plain notation as written (``1E+3`` reads ``1000``), "" for None."""
    if value is None:
        return ""
    return format(value, "f")


def stored_amount(value: Decimal, figure: Figure) -> str:
    """A value with its unit in stored terms: ``5400000 GBP``."""
    return f"{decimal_text(value)} {figure.unit}" if figure.unit else decimal_text(value)


def stored_date(figure: Figure) -> str:
    return f"date {figure.date}" if figure.date else "date"


def figure_text(
    figure: Figure,
    amount: Callable[[Decimal, Figure], str] = stored_amount,
    day: Callable[[Figure], str] = stored_date,
) -> str:
    """What a figure says: qualifier, value (written by ``amount``), noun and interval; ``day`` writes a date.

    In stored terms by default, e.g. ``almost 300 drones (270–300)`` or ``date 2025-05-25``.
    """
    if figure.kind == "date":
        return day(figure)
    value = amount(figure.value, figure) if figure.value is not None else figure.unit
    text = " ".join(word for word in (figure.qualifier, value, figure.noun) if word) or figure.text
    if figure.low is not None or figure.high is not None:
        low, high = (amount(bound, figure) if bound is not None else None for bound in (figure.low, figure.high))
        text += f" ({interval_text(low, high)})"
    return text


def interval_text(low: Optional[str], high: Optional[str]) -> str:
    """An interval's written bounds in words: ``270–300``, ``200 or more``, ``up to 300``; "" for none."""
    if low is not None and high is not None:
        return low if low == high else f"{low}–{high}"
    if low is not None:
        return f"{low} or more"
    return f"up to {high}" if high is not None else ""


def in_whole_words(quote: Quote) -> Quote:
    """The quote with its context cut back to whole words: ``oods Harwick, Tuesday. `` -> ``Harwick, Tuesday. ``.

    The stored context is cut at a character count; a word cut in half reads as a typo. A context of one
    word (or none) is kept as it is. Space at the outer ends goes: the report adds ellipses there.
    """
    prefix, suffix = quote.prefix, quote.suffix
    if prefix and not prefix[0].isspace() and len(cut := prefix.split(maxsplit=1)) == 2:
        prefix = prefix[prefix.index(cut[1]):]
    if suffix and not suffix[-1].isspace() and len(cut := suffix.rsplit(maxsplit=1)) == 2:
        suffix = suffix[:suffix.rindex(cut[0]) + len(cut[0])]
    return Quote(prefix.lstrip(), quote.text, suffix.rstrip())




def match_text(match: MatchedStatement) -> str:
    """How a matched statement relates to the claim's: ``numbers conflict, 68% similar, suggested match``."""
    return match_words(match.score, match.relation, match.status, match.method)


def rating_text(verdict: Verdict, best: Optional[int]) -> str:
    """``3/5`` for a rated verdict, "" for a label off the scale."""
    if verdict.rating is None:
        return ""
    return f"{verdict.rating}/{best}" if best is not None else str(verdict.rating)


def history_text(before: Optional[Verdict], after: Optional[Verdict]) -> str:
    """A change in words: ``False → Half true``, ``set to True``, ``cleared (was False)``."""
    if before is None and after is not None:
        return f"set to {after.label}"
    if after is None:
        return f"cleared (was {before.label})" if before is not None else "cleared"
    if before.label != after.label:
        return f"{before.label} → {after.label}"
    return f"{after.label} (note or evidence changed)"


_EMBEDDINGS = "\u202a\u202b\u202d\u202e"  # LRE RLE LRO RLO, closed by PDF
_ISOLATES = "\u2066\u2067\u2068"  # LRI RLI FSI, closed by PDI
_PDF, _PDI, _LRM = "\u202c", "\u2069", "\u200e"


def close_bidi(text: str) -> str:
    """``text`` with every bidi embedding, override and isolate it opens closed at its end.

    A right-to-left override in an article title must not reverse the words that follow it in a report
    line (``<bdi>`` does this in browsers; Qt and Markdown renderers have no such element). A final
    left-to-right mark stops digits after the text from joining the right-to-left run.
    """
    if not any("\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069" for ch in text):
        return text
    open_: list[str] = []
    for ch in text:
        if ch in _EMBEDDINGS or ch in _ISOLATES:
            open_.append(ch)
        elif ch == _PDF and open_ and open_[-1] in _EMBEDDINGS:
            open_.pop()
        elif ch == _PDI and any(c in _ISOLATES for c in open_):
            while open_.pop() not in _ISOLATES:
                pass
    return text + "".join(_PDF if ch in _EMBEDDINGS else _PDI for ch in reversed(open_)) + _LRM
