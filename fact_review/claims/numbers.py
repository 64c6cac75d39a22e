"""Finding and parsing one number at a token position: digits, number words, scales, fractions, ordinals
and vague amounts ("hundreds", "multiple hundreds", "tens of thousands").

``read_number(tokens, i)`` returns a ``Number`` covering tokens ``[i, end)`` or None. It knows nothing of
units or qualifiers; it refuses the digits of identifiers ("F-16", "S-400", "Boeing 777F", "G7").
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Optional, Sequence

from fact_review.claims import lexicon as lx
from fact_review.claims.tokens import Token

D = Decimal
_HYPHENS = frozenset({"-", "‐", "‑", "–"})
_MINUS = frozenset({"-", "−", "–"})
# Denominators of written fractions ("1/2", "3/4"); "9/11" and "5/25" are dates or names, not fractions.
_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 100})
# A figure beyond a thousand trillion trillion, or written finer than that, is no statement a report makes
# but noise ("1e999999", "a hundred hundred hundred ..."): it is left alone. Decimal reads such numbers
# exactly but writing one out in full takes time and memory in proportion to its exponent.
MAX_MAGNITUDE = 27
MAX_POINT_DIGITS = 30  # digits read after "point" ("nine point nought four")


# Currencies that "a" counts as one ("a dollar"); "a pound" is as often a weight, "a real" or "a won" no money.
_ONE_OF_A_CURRENCY = frozenset({"dollar", "euro", "rupee", "ruble", "rouble", "hryvnia", "franc", "yen", "yuan",
                                "shekel", "peso", "dinar", "riyal", "dirham", "lira", "ringgit", "rand", "naira"})


@dataclass(frozen=True)
class Number:
    start: int  # token index
    end: int  # token index, exclusive
    value: Optional[Decimal]  # None for vague amounts
    ordinal: bool = False
    vague: Optional[str] = None  # "hundreds", "multiple hundreds" ...
    vague_low: Optional[Decimal] = None
    words: bool = False  # written in words only ("twelve", "a dozen")
    digits_plain: bool = False  # a bare digit run without separators, decimals or scale ("1", "2022")


def parse_digits(text: str) -> Decimal:
    """The number written in ``text``; InvalidOperation when it is not one or is beyond ``MAX_MAGNITUDE``."""
    value = D(text.replace(",", ""))
    if not sensible(value):
        raise InvalidOperation(f"{text[:20]}: beyond 10^{MAX_MAGNITUDE}")
    return value


def sensible(value: Optional[Decimal]) -> bool:
    """Whether ``value`` (None: a vague amount) is within ``MAX_MAGNITUDE`` orders of magnitude of one."""
    return value is None or (value.is_finite() and (value.is_zero() or abs(value.adjusted()) <= MAX_MAGNITUDE))


def _attached(tokens: Sequence[Token], j: int) -> bool:
    """Token j follows token j-1 with no space between."""
    return 0 < j < len(tokens) and not tokens[j].gap


def is_identifier_digits(tokens: Sequence[Token], i: int) -> bool:
    """Digits glued to letters before them: "F-16", "S-400", "G7", "COVID-19", "scp-173"."""
    if not _attached(tokens, i):
        return False
    prev = tokens[i - 1]
    if prev.kind == "word":
        return prev.text.upper() not in lx.ISO_CURRENCIES and prev.text not in lx.CURRENCY_SYMBOLS
    if prev.text in _HYPHENS and _attached(tokens, i - 1):
        # the glued run before the hyphen holds letters: "S-400", "scp2-173", but not "2-7" or "mid-2025"
        k = i - 2
        while k > 0 and _attached(tokens, k) and tokens[k - 1].kind in ("word", "num"):
            k -= 1
        run = tokens[k:i - 1]
        return any(t.kind == "word" for t in run) and tokens[i - 2].low not in lx.TENS \
            and tokens[i - 2].low not in ("mid", "pre", "post", "early", "late")
    return False


def _small_word(tokens: Sequence[Token], j: int) -> tuple[Optional[int], int]:
    """A number word below 100 at j ("seven", "twenty", "twenty-five", "fifty - two") -> (value, end)."""
    if j >= len(tokens) or tokens[j].kind != "word":
        return None, j
    w = tokens[j].low
    if w in lx.UNITS:
        return lx.UNITS[w], j + 1
    if w in lx.TENS:
        v = lx.TENS[w]
        k = j + 1
        if k < len(tokens) and tokens[k].text in _HYPHENS:
            k += 1
        if k < len(tokens) and tokens[k].kind == "word" and 1 <= lx.UNITS.get(tokens[k].low, 0) <= 9:
            return v + lx.UNITS[tokens[k].low], k + 1
        return v, j + 1
    return None, j


def _ordinal_word(tokens: Sequence[Token], j: int) -> tuple[Optional[int], int]:
    """An ordinal word at j, including "twenty-first"."""
    if j >= len(tokens) or tokens[j].kind != "word":
        return None, j
    w = tokens[j].low
    if w in lx.TENS:
        k = j + 1
        if k < len(tokens) and tokens[k].text in _HYPHENS:
            k += 1
        if k < len(tokens) and tokens[k].kind == "word" and lx.ORDINAL_WORDS.get(tokens[k].low, 100) < 10:
            return lx.TENS[w] + lx.ORDINAL_WORDS[tokens[k].low], k + 1
        return None, j
    if w in lx.ORDINAL_WORDS:
        return lx.ORDINAL_WORDS[w], j + 1
    return None, j


def _skip_and(tokens: Sequence[Token], j: int) -> int:
    return j + 1 if j < len(tokens) and tokens[j].low == "and" else j


class _Accumulator:
    """total + current, as in "three thousand two hundred and five"."""

    def __init__(self) -> None:
        self.total = D(0)
        self.current = D(0)
        self.last_scale = D(1)

    def small(self, v: Decimal) -> None:
        self.current += v

    def scale(self, s: Decimal) -> None:
        if s < 1000:  # hundred, dozen: multiplies the current group only
            self.current = (self.current or D(1)) * s
        else:
            self.total += (self.current or D(1)) * s
            self.current = D(0)
        self.last_scale = s

    @property
    def value(self) -> Decimal:
        return self.total + self.current


def _fraction_after(tokens: Sequence[Token], j: int) -> tuple[Optional[Decimal], int]:
    """ "and a half", "and half", "and three quarters", "and three fifths" after a number."""
    if j + 1 >= len(tokens) or tokens[j].low != "and":
        return None, j
    k = j + 1
    numerator = 1
    if tokens[k].low in ("a", "an"):
        k += 1
    else:
        v, k2 = _small_word(tokens, k)
        if v is not None and v >= 1:
            numerator, k = v, k2
    if k < len(tokens) and tokens[k].low in lx.FRACTION_WORDS:
        plural = tokens[k].low.endswith("s") or tokens[k].low == "halves"
        if plural and numerator == 1:
            return None, j  # "one and a quarters" is no fraction; "and two quarter" is read leniently
        return D(numerator) / D(lx.FRACTION_WORDS[tokens[k].low]), k + 1
    return None, j


def _plus_fraction(acc: "_Accumulator", frac: Decimal) -> Decimal:
    """ "three million and a half" is 3.5 million; "twenty and three fifths" is 20.6."""
    return acc.value + frac * (acc.last_scale if acc.last_scale >= 1000 else 1)


def _scale_at(tokens: Sequence[Token], j: int) -> Optional[Decimal]:
    if j < len(tokens) and tokens[j].kind == "word":
        return lx.SCALES.get(tokens[j].low)
    return None


def _digit_group(tokens: Sequence[Token], k: int, after_and: bool) -> bool:
    """Digits that continue a number after a scale word: "4 thousand 3 hundred and 21"."""
    if k >= len(tokens) or tokens[k].kind != "num" or not tokens[k].gap or not tokens[k].text.isdigit():
        return False
    return after_and or _scale_at(tokens, k + 1) is not None


def _read_scales(tokens: Sequence[Token], j: int, acc: _Accumulator, allow_digits: bool) -> int:
    """After a first amount: scale words and further groups ("4 thousand 3 hundred and 21")."""
    while j < len(tokens) and sensible(acc.value):
        s = _scale_at(tokens, j)
        if s is not None:
            if s == 12 and acc.last_scale != 1 and acc.current == 0:
                break
            acc.scale(s)
            j += 1
            continue
        if acc.last_scale == 1:
            break
        # another group after a scale word: "thousand two hundred", "million and five"
        k = _skip_and(tokens, j)
        v, k2 = _small_word(tokens, k)
        if v is None and allow_digits and _digit_group(tokens, k, after_and=k > j and acc.last_scale == 100):
            v, k2 = int(tokens[k].text), k + 1
        if v is None or (v >= 100 and acc.current != 0) or D(v) >= acc.last_scale:
            break
        if k2 < len(tokens) and tokens[k2].low in lx.FRACTION_WORDS and v < lx.FRACTION_WORDS[tokens[k2].low]:
            break  # "five billion and three quarters": a proper fraction is read after
        if k + 1 < len(tokens) and tokens[k + 1].text in _HYPHENS and _denominator(tokens, k)[0] is not None:
            break  # "one hundred thirty-fifths": the tens word belongs to the denominator
        if acc.current and acc.current % 100 != 0:
            break
        acc.small(D(v))
        j = k2
    return j


def _denominator(tokens: Sequence[Token], j: int) -> tuple[Optional[int], int]:
    """A plural denominator after a numerator of any size: "fifths", "thirty-fifths", "twenty fifths" (not
    "quarters" or "halves", which also count coins and periods of play)."""
    if j >= len(tokens) or tokens[j].kind != "word":
        return None, j
    w = tokens[j].low
    if w in lx.FRACTION_WORDS and w.endswith("s") and w not in ("quarters", "halves"):
        return lx.FRACTION_WORDS[w], j + 1
    if w in lx.TENS:
        k = j + 2 if j + 1 < len(tokens) and tokens[j + 1].text in _HYPHENS else j + 1
        if k < len(tokens) and tokens[k].low.endswith("s") and lx.FRACTION_WORDS.get(tokens[k].low, 10) < 10:
            return lx.TENS[w] + lx.FRACTION_WORDS[tokens[k].low], k + 1
    return None, j


def _ordinal_after(tokens: Sequence[Token], j: int, value: Decimal) -> tuple[Optional[int], int]:
    """The ordinal that ends a number: "one hundred twenty fifth", "two thousand and first" (not
    "a hundred first-time buyers")."""
    k = _skip_and(tokens, j)
    o, end = _ordinal_word(tokens, k)
    if o is None or o >= 100 or (end < len(tokens) and tokens[end].text in _HYPHENS and not tokens[end].gap):
        return None, j
    if value % 100 == 0 or (value % 10 == 0 and o < 10):
        return int(value) + o, end
    return None, j


def _fraction_of_scale(tokens: Sequence[Token], i: int) -> Optional[Number]:
    """ "half a million", "half million", "quarter million", "half a dozen"."""
    k = i + 1
    if k + 1 < len(tokens) and tokens[k].low in ("a", "an"):
        k += 1
    s = _scale_at(tokens, k)
    if s is None or (s < 100 and s != 12):
        return None
    frac = D("0.5") if tokens[i].low == "half" else D("0.25")
    return Number(i, k + 1, frac * s, words=True)


def _first_amount(tokens: Sequence[Token], i: int) -> Optional[Number]:
    """The first group of a word number: "seven", "twenty-five", "nine point nought four", "three
    fifths", an ordinal ("twenty-first"), or "a"/"hundred" before a scale word (value 1, scale unread)."""
    n = len(tokens)
    w = tokens[i].low
    nxt = tokens[i + 1].low if i + 1 < n else ""
    if w in ("a", "an"):
        if nxt in ("couple", "pair"):
            return Number(i, i + 2, D(2), words=True)
        if nxt in lx.SCALES and nxt not in ("mn", "mln", "bn", "bln", "tn", "tln"):
            return Number(i, i + 1, D(1), words=True)
        if nxt in _ONE_OF_A_CURRENCY:
            return Number(i, i + 1, D(1), words=True)  # "less than a dollar a day", "a euro and 50 cents"
        return None
    if w in ("hundred", "thousand") and _scale_at(tokens, i + 1) is not None:
        return Number(i, i, D(1), words=True)  # "hundred thousand": the first scale counts one
    o, k = _ordinal_word(tokens, i)
    if o is not None:
        return Number(i, k, D(o), ordinal=True, words=True)
    v, j = _small_word(tokens, i)
    if v is None:
        return None
    if j < n and tokens[j].low == "point":
        digits = []
        k = j + 1
        while k < n and tokens[k].kind == "word" and lx.UNITS.get(tokens[k].low, 10) <= 9 \
                and len(digits) < MAX_POINT_DIGITS:
            digits.append(str(lx.UNITS[tokens[k].low]))
            k += 1
        if not digits:  # "point eleven", "point twenty five": the decimals said as one number
            d, k = _small_word(tokens, j + 1)
            digits = [str(d)] if d is not None and d >= 10 else []
        if digits:
            return Number(i, k, D(f"{v}.{''.join(digits)}"), words=True)
    k = j + 1 if j < n and tokens[j].text in _HYPHENS else j  # "three-fifths", "five - eighths"
    if k < n and tokens[k].low in lx.FRACTION_WORDS and 0 < v < 20:
        plural = tokens[k].low.endswith("s") or tokens[k].low == "halves"
        if plural == (v > 1):
            return Number(i, k + 1, D(v) / D(lx.FRACTION_WORDS[tokens[k].low]), words=True)
    return Number(i, j, D(v), words=True)


def _word_number(tokens: Sequence[Token], i: int) -> Optional[Number]:
    """Number words from i: "twelve", "a dozen", "half a million", "three hundred and five", "nine point
    nought four", "twenty-first", "three fifths", "five and a half million"."""
    if tokens[i].low in ("half", "quarter"):
        return _fraction_of_scale(tokens, i) if i + 1 < len(tokens) else None
    first = _first_amount(tokens, i)
    if first is None or first.ordinal or first.value != int(first.value):
        return first
    if first.end > first.start and tokens[first.end - 1].low in lx.FRACTION_WORDS:
        return first
    acc = _Accumulator()
    acc.small(first.value)
    j = _read_scales(tokens, first.end, acc, allow_digits=True)
    if j == first.end and tokens[i].low in ("a", "an") and first.value == 1 \
            and not (j < len(tokens) and tokens[j].low in _ONE_OF_A_CURRENCY):
        return None  # "a" without its scale; "a couple", "a pair" and "a dollar" stand alone
    # ordinal scale: "three trillionth"
    if j < len(tokens) and tokens[j].low in lx.ORDINAL_WORDS and lx.ORDINAL_WORDS[tokens[j].low] >= 100:
        return Number(i, j + 1, acc.value * lx.ORDINAL_WORDS[tokens[j].low], ordinal=True, words=True)
    if acc.value >= 20:
        den, k = _denominator(tokens, j)
        if den is not None:  # "twenty fifths", "one hundred and thirty-two fifths", "one hundred thirty-fifths"
            return Number(i, k, acc.value / D(den), words=True)
        if acc.last_scale > 1 or acc.value % 10 == 0:
            o, k = _ordinal_after(tokens, j, acc.value)
            if o is not None:  # "one hundred twenty fifth"
                return Number(i, k, D(o), ordinal=True, words=True)
    frac, k = _fraction_after(tokens, j)
    if frac is not None:
        value = _plus_fraction(acc, frac)
        j = k
        s = _scale_at(tokens, j)  # "five and a half million"
        if s is not None and s >= 1000 and acc.last_scale == 1:
            value *= s
            j += 1
        return Number(i, j, value, words=True)
    return Number(i, j, acc.value, words=True)


def _counts_after(tokens: Sequence[Token], j: int) -> bool:
    """A plural noun follows: "3m people" is three million of them, "3m tall" three metres."""
    if j >= len(tokens) or not tokens[j].gap or tokens[j].kind != "word":
        return False
    w = tokens[j].low
    return w in lx.IRREGULAR_PLURALS or (len(w) > 3 and w.endswith("s") and not w.endswith("ss"))


def _digit_number(tokens: Sequence[Token], i: int, money: bool) -> Optional[Number]:
    t = tokens[i]
    try:
        value = parse_digits(t.text)
    except InvalidOperation:
        return None
    j = i + 1
    plain = t.text.isdigit()
    # fractions: "1/2", "4/5", mixed "1 4/5", "2½"
    if j + 1 < len(tokens) and tokens[j].text == "/" and not tokens[j].gap and tokens[j + 1].kind == "num" \
            and not tokens[j + 1].gap and not tokens[j + 1].masked and t.text.isdigit() and tokens[j + 1].text.isdigit():
        num, den = int(t.text), int(tokens[j + 1].text)
        after = tokens[j + 2] if j + 2 < len(tokens) else None
        if 0 < num < den and den in _DENOMINATORS and not (after is not None and after.text == "/" and not after.gap):
            return Number(i, j + 2, D(num) / D(den))
        return None  # "5/25" reads as a date
    if j < len(tokens) and tokens[j].text in lx.VULGAR_FRACTIONS and not tokens[j].gap:
        return Number(i, j + 1, value + lx.VULGAR_FRACTIONS[tokens[j].text])
    if j + 3 < len(tokens) and tokens[j].kind == "num" and tokens[j].gap and tokens[j + 1].text == "/" \
            and t.text.isdigit() and not tokens[j + 1].gap and tokens[j + 2].text.isdigit() \
            and not tokens[j].masked and not tokens[j + 2].masked and not tokens[j + 2].gap and 0 < int(tokens[j].text) < int(tokens[j + 2].text) \
            and int(tokens[j + 2].text) in _DENOMINATORS:
        return Number(i, j + 3, value + D(int(tokens[j].text)) / D(int(tokens[j + 2].text)))
    # letters glued to the digits: ordinal suffix or scale; anything else is for units to judge
    if j < len(tokens) and not tokens[j].gap and tokens[j].kind == "word":
        suffix = tokens[j].text
        if suffix.lower() in lx.ORDINAL_SUFFIXES and plain:
            return Number(i, j + 1, value, ordinal=True)
        scales = lx.MONEY_SCALE_SUFFIXES if money or _counts_after(tokens, j + 1) else lx.SCALE_SUFFIXES
        if suffix in scales:
            return Number(i, j + 1, value * scales[suffix])
        if suffix.lower() in ("bn", "mn", "mln", "bln", "tn", "tln"):
            return Number(i, j + 1, value * lx.SCALE_SUFFIXES[suffix.lower()])
        return Number(i, j, value, digits_plain=plain)
    if j + 1 < len(tokens) and tokens[j].text in _HYPHENS and not tokens[j].gap and not tokens[j + 1].gap \
            and _scale_at(tokens, j + 1) is not None and lx.SCALES[tokens[j + 1].low] >= 1000:
        j += 1  # "$1.5-billion"
    acc = _Accumulator()
    acc.small(value)
    k = _read_scales(tokens, j, acc, allow_digits=True)
    if k > j:
        frac, k2 = _fraction_after(tokens, k)  # "3 million and a half"
        if frac is not None:
            return Number(i, k2, _plus_fraction(acc, frac))
        return Number(i, k, acc.value)
    frac, k2 = _fraction_after(tokens, j)  # "1 and a half"
    if frac is not None:
        value += frac
        s = _scale_at(tokens, k2)
        if s is not None and s >= 1000:
            return Number(i, k2 + 1, value * s)
        return Number(i, k2, value)
    return Number(i, j, value, digits_plain=plain)


def _vague(tokens: Sequence[Token], i: int) -> Optional[Number]:
    """ "hundreds", "tens of thousands", "multiple hundreds", "several thousand", "a few hundred"."""
    n = len(tokens)
    j = i
    words = []
    if tokens[j].low == "a" and j + 1 < n and tokens[j + 1].low == "few":
        words.append("a few")
        j += 2
    elif tokens[j].low in lx.VAGUE_MULTIPLIERS:
        words.append(tokens[j].low)
        j += 1
    if j >= n or tokens[j].kind != "word":
        return None
    w = tokens[j].low
    if w in lx.VAGUE_SCALES:
        scale = lx.VAGUE_SCALES[w]
        if w in ("tens", "scores") and not (j + 2 < n and tokens[j + 1].low == "of"):
            return None
        end = j + 1
        # "tens of thousands", "hundreds of millions"
        if end + 1 < n and tokens[end].low == "of" and tokens[end + 1].low in lx.VAGUE_SCALES \
                and lx.VAGUE_SCALES[tokens[end + 1].low] > scale:
            scale *= lx.VAGUE_SCALES[tokens[end + 1].low]
            end += 2
        phrase = " ".join(words + [tk.low for tk in tokens[j:end]])
        return Number(i, end, None, vague=phrase, vague_low=2 * scale, words=True)
    if words and w in lx.SCALES and lx.SCALES[w] >= 12 and w not in ("mn", "mln", "bn", "bln", "tn", "tln"):
        scale = lx.SCALES[w]
        return Number(i, j + 1, None, vague=f"{words[0]} {w}", vague_low=2 * scale, words=True)
    return None


def read_number(tokens: Sequence[Token], i: int, money: bool = False) -> Optional[Number]:
    """The number starting at token i, or None. ``money``: a currency stands before it ("$100m")."""
    number = _read_number(tokens, i, money)
    return number if number is None or sensible(number.value) else None


def _read_number(tokens: Sequence[Token], i: int, money: bool) -> Optional[Number]:
    t = tokens[i]
    if t.masked:
        return None
    if t.kind == "num":
        if is_identifier_digits(tokens, i) and not money:  # "F-16"; but "RM50" after a currency
            return None
        return _digit_number(tokens, i, money)
    if t.text in lx.VULGAR_FRACTIONS:
        return Number(i, i + 1, lx.VULGAR_FRACTIONS[t.text])
    if t.kind != "word":
        return None
    if t.low in lx.VAGUE_SCALES or t.low in lx.VAGUE_MULTIPLIERS or t.low == "a":
        vague = _vague(tokens, i)
        if vague is not None:
            return vague
    if t.low in ("minus", "negative") and i + 1 < len(tokens):
        inner = read_number(tokens, i + 1, money)
        if inner is not None and inner.value is not None and not inner.ordinal:
            return Number(i, inner.end, -inner.value, words=inner.words)
        return None
    return _word_number(tokens, i)


def signed(tokens: Sequence[Token], number: Number) -> Number:
    """A minus sign written straight before the digits, not as a hyphen after a word: "-9.23"."""
    i = number.start
    if i == 0 or tokens[i].kind != "num" or tokens[i - 1].text not in _MINUS or tokens[i].gap:
        return number
    if i >= 2 and not tokens[i - 1].gap and tokens[i - 2].kind in ("word", "num"):
        return number
    if number.value is None:
        return number
    return Number(i - 1, number.end, -number.value, number.ordinal, digits_plain=False)
