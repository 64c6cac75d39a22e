"""Searching many regexes over one text only where each can start: ``StartIndex(regexes).matches(text, wanted)``.

Scanning a news article once per date pattern costs the regex engine a try at every character, and there are
dozens of patterns. Most of them start at a word boundary with one of a few words ("last", "May", a digit),
so their first characters are known from the pattern itself. ``StartIndex`` reads those from each
regex's parse tree, finds the word starts of a text in one pass and tries each regex (``match``, in the full
text, so look-behinds and ``\\b`` see what they always saw) only at the word starts whose first ``_HEAD`` characters
it can begin with. The matches are exactly those of ``regex.finditer(text)``: the candidates are a superset of
the positions where a match can start, taken in order from where the previous match ended. A regex whose
start cannot be read that way (it may begin anywhere, or with any letter) is scanned whole. Words starting
with other scripts' characters are tried by every regex: their case folding is the engine's business.
"""
from __future__ import annotations

import functools
import re
from typing import Callable, Iterator, NamedTuple, Optional

from re import _constants as sre  # the parse tree's opcodes
from re import _parser as sre_parse

_WILD = None  # a character position that may hold anything
_SPACE_CHARS = frozenset(" \t\n\r\f\v\x1c\x1d\x1e\x1f")
_HEAD = 4  # characters of a word told apart
_MAX_KEYS = 50_000  # distinct word beginnings remembered; news text uses far fewer


class _Unreadable(Exception):
    """The start of a regex cannot be narrowed down."""


class StartIndex:
    """The possible starts of each of ``regexes`` (see the module docstring)."""

    def __init__(self, regexes: list[re.Pattern]) -> None:
        self._regexes = regexes
        self._heads = [_head(r) for r in regexes]
        self._everyone = tuple(i for i, head in enumerate(self._heads) if head is not None)
        # a word's first character -> the regexes that may start with it; its first characters -> the same
        self._by_first = {chr(c): tuple(i for i in self._everyone if chr(c) in self._heads[i].first)
                          for c in range(128)}
        self._by_key: dict[str, tuple[int, ...]] = {}
        signs = {c for head in self._heads if head is not None for c in head.first if not _is_word_char(ord(c))}
        sign_starts = "|[" + "".join(map(re.escape, sorted(signs))) + "]" if signs else ""
        # every word start, and every sign a regex may start with, with the characters from there
        self._start = re.compile(rf"(?=(.{{1,{_HEAD}}}))(?:\w+{sign_starts})", re.DOTALL)

    def matches(self, text: str, wanted: Callable[[int], bool]) -> Iterator[tuple[int, re.Match]]:
        """``(i, match)`` for the matches of every regex ``i`` in turn, as ``finditer`` gives them, skipping the
        regexes that cannot start anywhere in ``text`` and those ``wanted(i)`` refuses."""
        starts = self._starts(text)
        for i, regex in enumerate(self._regexes):
            if self._heads[i] is None:
                if wanted(i):
                    for m in regex.finditer(text):
                        yield i, m
            elif starts[i] and wanted(i):
                for m in _matches_from(regex, text, starts[i]):
                    yield i, m

    def _starts(self, text: str) -> list[list[int]]:
        """For every regex, the places in ``text`` where it may match (unused for whole-scan regexes)."""
        starts: list[list[int]] = [[] for _ in self._regexes]
        by_key = self._by_key
        if len(by_key) > _MAX_KEYS:
            by_key.clear()
        for m in self._start.finditer(text):
            key = m.group(1)
            regexes = by_key.get(key)
            if regexes is None:
                regexes = by_key[key] = self._starting_with(key)
            s = m.start()
            for i in regexes:
                starts[i].append(s)
        return starts

    def _starting_with(self, key: str) -> tuple[int, ...]:
        if not key.isascii():  # other scripts fold case their own way ("K" is "k"): anyone may start there
            return self._everyone
        key = key.lower()
        heads = self._heads
        return tuple(i for i in self._by_first[key[0]] if heads[i].regex.match(key))


def _matches_from(regex: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    """What ``regex.finditer(text)`` gives when ``starts`` holds every position where a match can start."""
    match = regex.match
    resume = 0
    for s in starts:
        if s >= resume:
            m = match(text, s)
            if m is not None:
                yield m
                resume = m.end()


class _Head(NamedTuple):
    regex: re.Pattern  # over a word's first ``_HEAD`` characters, lower case
    first: frozenset[str]  # its first character


def _head(regex: re.Pattern) -> Optional[_Head]:
    """A regex over the first ``_HEAD`` characters (lower case ASCII) of a word that holds for every word
    where ``regex`` can match, when every match starts at a word start; None when that cannot be shown."""
    if regex.flags & re.ASCII:
        return None
    try:
        prefixes = _prefixes(list(sre_parse.parse(regex.pattern, regex.flags)), _HEAD, False)
    except (_Unreadable, RecursionError):
        return None
    branches = set()
    first: set[str] = set()
    for prefix in prefixes:
        if not prefix or prefix[0] is _WILD:
            return None  # an empty match, or one that may start anywhere
        known = prefix[:prefix.index(_WILD)] if _WILD in prefix else prefix
        if not all(known):
            continue  # only other scripts' characters there: such words are anyone's (``_starting_with``)
        first |= known[0]
        branches.add("".join("[" + "".join(map(re.escape, sorted(chars))) + "]" for chars in known))
    return _Head(re.compile("|".join(sorted(branches)) or "(?!)"), frozenset(first))


def _prefixes(items: list, k: int, anchored: bool) -> set[tuple]:
    """The possible first ``k`` consumed characters of ``items`` as tuples of character sets (``_WILD`` for
    any); a shorter tuple where a match can end sooner. ``anchored``: a word start is asserted before the
    first character; a first character without that counts as any."""
    if k == 0 or not items:
        return {()}
    (op, av), rest = items[0], items[1:]
    if op is sre.AT or op is sre.ASSERT or op is sre.ASSERT_NOT:
        return _prefixes(rest, k, anchored or _asserts_word_start(op, av))
    if op is sre.LITERAL or op is sre.IN:
        chars = _fold(av) if op is sre.LITERAL else _charset(av)
        if k == _HEAD and chars is not _WILD:  # the first character: one that ``StartIndex`` looks for?
            signs = _start_signs(op, av, anchored)
            chars = _WILD if signs is None else chars | signs
        if chars is _WILD:
            return {(_WILD,)}
        return {(chars,) + tail for tail in _prefixes(rest, k - 1, True)}
    if op is sre.SUBPATTERN:
        return _prefixes(list(av[3]) + rest, k, anchored)
    if op is sre.ATOMIC_GROUP:
        return _prefixes(list(av) + rest, k, anchored)
    if op is sre.BRANCH:
        return set().union(*(_prefixes(list(branch) + rest, k, anchored) for branch in av[1]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        lo, hi, body = av
        body = list(body)
        if not body or _can_be_empty(body):
            raise _Unreadable
        found = _prefixes(rest, k, anchored) if lo == 0 else set()
        if hi != 0:
            again = (op, (max(lo - 1, 0), hi if hi is sre.MAXREPEAT else hi - 1, av[2]))
            found |= _prefixes(body + [again] + rest, k, anchored)
        return found
    if op in (sre.NOT_LITERAL, sre.ANY, sre.GROUPREF, sre.GROUPREF_EXISTS):
        return {(_WILD,)}
    raise _Unreadable


def _asserts_word_start(op: int, av) -> bool:
    """Whether a zero-width item puts a following word character at a word start: ``\\b``, a look-behind
    refusing word characters (``(?<![\\w.])``) or requiring a non-word one (``(?<=[-–])``)."""
    if op is sre.AT:
        return av is sre.AT_BOUNDARY
    direction, body = av
    body = list(body)
    if direction != -1 or len(body) != 1:
        return False
    kind, chars = body[0]
    if op is sre.ASSERT_NOT:
        return kind is sre.IN and (sre.CATEGORY, sre.CATEGORY_WORD) in chars and (sre.NEGATE, None) not in chars
    if kind is sre.LITERAL:
        return not _is_word_char(chars)
    return kind is sre.IN and all(o is sre.LITERAL and not _is_word_char(c) for o, c in chars)


def _start_signs(op: int, av, anchored: bool) -> Optional[frozenset[str]]:
    """The signs (caseless non-word characters, as written) that a first LITERAL or IN item matches, when
    ``StartIndex`` finds every place the item can match: a sign wherever it stands, a word character where a
    word start is asserted (``anchored``). None when it cannot."""
    signs: set[str] = set()
    for kind, value in [(op, av)] if op is sre.LITERAL else av:
        if kind is sre.LITERAL and not _is_word_char(value):
            if chr(value).lower() != chr(value).upper():
                return None
            signs.add(chr(value))
        elif not anchored:
            return None
        elif kind is sre.LITERAL or kind is sre.CATEGORY and value in (sre.CATEGORY_DIGIT, sre.CATEGORY_WORD):
            continue
        elif not (kind is sre.RANGE and value[1] - value[0] < 1000
                  and all(map(_is_word_char, range(value[0], value[1] + 1)))):
            return None
    return frozenset(signs)


def _is_word_char(code: int) -> bool:
    return re.match(r"\w", chr(code)) is not None


def _can_be_empty(items: list) -> bool:
    return () in _prefixes(items, 1, True)


def _fold(code: int) -> frozenset[str]:
    """The lower-case ASCII characters that ``chr(code)`` matches ignoring case (the text's other characters
    always count as possible starts)."""
    ch = chr(code)
    return frozenset({ch.lower()}) if ch.isascii() else _ascii_matching(re.escape(ch))


@functools.lru_cache(maxsize=None)
def _ascii_matching(regex: str) -> frozenset[str]:
    matches = re.compile(regex, re.IGNORECASE).fullmatch
    return frozenset(c.lower() for c in map(chr, range(128)) if matches(c))


def _charset(items: list) -> Optional[frozenset[str]]:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars |= _fold(av)
        elif op is sre.RANGE:
            chars |= _ascii_matching(f"[{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}]")
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            chars |= set("0123456789")
        elif op is sre.CATEGORY and av is sre.CATEGORY_SPACE:
            chars |= _SPACE_CHARS
        else:
            return _WILD  # negations, \w and the like
    return frozenset(chars)
