"""Sentence spans: exact, trimmed ``[start, end)`` slices of the text, never across a line break.

Each line is split on its own, so that a headline without a final period stays a sentence of its own.
Inside a line a small set of rules settles the common cases at regex speed ("It rose. Then", "Why?" she
asked, "Gen. Smith", "Russia 1", "3.5", "pic.twitter.com/x. It"); only a stretch of text whose period may
or may not end a sentence ("in the U.S. The", "Smith Jr. He", "waited... Then") goes to pysbd, which
knows those cases best but is about 20 times slower (ARCHITECTURE.md §3).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

import pysbd

from fact_review.model import Sentence

_LINE = re.compile(r"[^\n]+")
# A sentence can end at . ! ? or an ellipsis, with closing quotes or brackets, when white space follows.
_TERMINATOR = re.compile(r"""(?:[.!?]+|…)["'”’»)\]]*(?=\s)""")
_OPENERS = "\"'“‘«(["
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")  # U.S, a.m, e.g (the final period is the candidate)

# Words that stand before a name or a number and so never end a sentence: "Gen. Smith", "No. 5".
# Case matters: "She said no. Then" ends a sentence.
_PREFIX_ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Dr Prof Gen Lt Col Maj Capt Cpt Sgt Cmdr Adm Sen Rep Gov Pres Rev Hon St Mt Ft No Nos Vol "
    "Fig pp vs Vs approx Approx Messrs".split()
)
# Abbreviations that can also end a sentence: "in the U.S. The" splits, "the U.S. Army" does not.
_AMBIGUOUS_ABBREVIATIONS = frozenset(
    "jr sr inc ltd co corp bros etc jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

_CUT, _KEEP, _ASK = range(3)


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(text: str) -> list[Sentence]:
    """Sentence spans of ``text`` in order, trimmed of surrounding white space; blank lines give none."""
    sentences: list[Sentence] = []
    for line in _LINE.finditer(text):
        start, end = line.span()
        sentences.extend(_trimmed_spans(text, [start, *_cuts_in_line(text, start, end), end]))
    return sentences


def _cuts_in_line(text: str, start: int, end: int) -> Iterator[int]:
    """Offsets inside the line where one sentence ends and the next begins (white space may follow)."""
    settled = start  # text before this offset is decided
    pending = False  # whether an ambiguous period lies between ``settled`` and the next certain cut
    for match in _TERMINATOR.finditer(text, start, end):
        decision = _decide(text, match.start(), match.end(), end)
        if decision == _KEEP:
            continue
        if decision == _ASK:
            pending = True
            continue
        if pending:
            yield from _pysbd_cuts(text, settled, match.end())
            pending = False
        yield match.end()
        settled = match.end()
    if pending:
        yield from _pysbd_cuts(text, settled, end)


def _decide(text: str, stop: int, after: int, line_end: int) -> int:
    """Whether the terminator ``text[stop:after]`` ends a sentence: _CUT, _KEEP or _ASK (pysbd decides)."""
    following = _next_word_start(text, after, line_end)
    if following is None or not (text[following].isupper() or text[following].isdigit()):
        return _KEEP  # "Why?" she asked; the U.S. economy; nothing but quotes after it
    marks = text[stop:after]
    if "!" in marks or "?" in marks:
        return _CUT
    if "…" in marks or ".." in marks:
        return _ASK
    word = _word_before(text, stop)
    if not word:
        return _CUT
    if word in _PREFIX_ABBREVIATIONS:
        return _KEEP
    if len(word) == 1 and word.isalpha():
        return _KEEP  # an initial: "J. Smith"
    if word.lower() in _AMBIGUOUS_ABBREVIATIONS or _DOTTED_ACRONYM.fullmatch(word):
        return _KEEP if text[following].isdigit() else _ASK  # "Nov. 8", "Oct. 2011"
    return _CUT


def _next_word_start(text: str, position: int, line_end: int) -> int | None:
    while position < line_end and (text[position].isspace() or text[position] in _OPENERS):
        position += 1
    return position if position < line_end else None


def _word_before(text: str, stop: int) -> str:
    begin = stop
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:stop].lstrip(_OPENERS)


def _pysbd_cuts(text: str, start: int, end: int) -> Iterator[int]:
    """pysbd's sentence ends inside ``text[start:end]``, as offsets into ``text``."""
    piece = text[start:end]
    cursor = 0
    for segment in _segmenter().segment(piece):
        segment = segment.strip()
        found = piece.find(segment, cursor) if segment else -1
        if found < 0:  # pysbd changed the text: keep the rest as one sentence
            return
        cursor = found + len(segment)
        if cursor < len(piece.rstrip()):
            yield start + cursor


def _trimmed_spans(text: str, cuts: list[int]) -> Iterator[Sentence]:
    for begin, finish in zip(cuts, cuts[1:]):
        while begin < finish and text[begin].isspace():
            begin += 1
        while finish > begin and text[finish - 1].isspace():
            finish -= 1
        if begin < finish:
            yield Sentence(begin, finish)
