"""Tokens with their offsets: digit runs, words and single symbols, and the stretches to leave alone.

Numbers are read from tokens rather than characters so that "twenty-five", "1.5 million" and "$15.6bn"
are parsed by the same small grammar. Links, handles and hashtags are masked: "pic.twitter.com/4k08CM3zM9"
holds digits, but no claim.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Digits with thousands separators (also the Indian 12,34,567), a decimal part and an exponent.
_DIGITS = (r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,2}(?:,\d{2})+,\d{3}(?!\d)|\d+)(?:\.\d+)?"
           r"(?:[eE][+-]?\d+(?![A-Za-z]))?|\.\d+")
# Vulgar fractions ("½") count as letters for \w, so they are matched first, as signs.
_TOKEN = re.compile(rf"(?P<num>{_DIGITS})|(?P<sym>[½¼¾⅐-⅞])|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*\.?)|(?P<sym2>\S)")
# Each alternative starts only where its run of name characters starts: tried inside a run as well, a run
# of 20,000 digits after a "/" cost 3 s (every start scanned to the run's end for the ".com/").
_MASK = re.compile(
    r"(?:https?://|www\.)\S+"  # links
    r"|(?<![\w.-])[\w.-]+\.(?:com|org|net|gov|edu|io|co|uk|ru|ua|de|fr|info|ly|me|tv)/\S*"  # pic.twitter.com/...
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+"  # e-mail addresses
    r"|(?<![\w@])[@#]\w+"  # handles and hashtags
)
# A digit run longer than this is no figure a report states (a serial number, a page of digits): it is
# left alone like a link, so no reader of numbers spends time on it or converts it.
MAX_NUMBER_CHARS = 40
# Words whose final period belongs to them ("approx.", "Rs."); other periods end a sentence.
_DIGIT_NEXT = re.compile(r"\s?\d")
_DOTTED_WORDS = frozenset({"approx.", "rs.", "c.", "u.s.", "no.", "deg.", "est."})


@dataclass(slots=True)  # not frozen: a frozen __init__ costs a third of the scan; nobody mutates tokens
class Token:
    text: str
    start: int
    end: int
    kind: str  # "num" | "word" | "sym"
    low: str  # lower case text
    gap: bool  # white space (or the start of the text) before it
    masked: bool  # inside a link, handle or hashtag
    newline: bool  # a line break before it


def tokenize(text: str) -> list[Token]:
    masks = [(m.start(), m.end()) for m in _MASK.finditer(text)] if ("/" in text or "@" in text or "#" in text
                                                                       or "www." in text) else []
    tokens: list[Token] = []
    append = tokens.append
    prev_end = 0
    mi = 0
    n_masks = len(masks)
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "sym2":
            kind = "sym"
        start, end = m.span()
        tok = m.group()
        if kind == "word" and tok[-1] == "." and "." not in tok[:-1] and (
                tok.lower() not in _DOTTED_WORDS or tok.lower() == "c." and not _DIGIT_NEXT.match(text, m.end())):
            tok = tok[:-1]  # a sentence-final period is punctuation of its own ("°C.", "43c."; "c. 1850" is circa)
            end -= 1
        masked = False
        if n_masks:
            while mi < n_masks and masks[mi][1] <= start:
                mi += 1
            masked = mi < n_masks and masks[mi][0] <= start
        if kind == "num" and end - start > MAX_NUMBER_CHARS:
            masked = True
        gap = start != prev_end or not tokens
        append(Token(tok, start, end, kind, tok.lower(), gap, masked, gap and "\n" in text[prev_end:start]))
        if end != m.end():  # the split-off period
            append(Token(".", end, m.end(), "sym", ".", False, masked, False))
        prev_end = m.end()
    return tokens
