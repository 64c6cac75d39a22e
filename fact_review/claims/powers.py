"""Powers written out: "10^6 tonnes", "2.5^-1", "3 x 10^8 m/s", "5 × 10^12 cells".

A power is one figure: its base or mantissa alone is a number the text never states ("10^925 units" is
not 10), so the scanner reads the whole expression, or leaves all of it alone when its value lies beyond
what a claim can hold.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation, localcontext
from typing import Optional, Sequence

from fact_review.claims.numbers import MAX_MAGNITUDE, Number, sensible
from fact_review.claims.tokens import Token

_TIMES = frozenset({"x", "×", "*", "·"})
_SIGNS = {"-": -1, "−": -1, "+": 1}


def power_after(tokens: Sequence[Token], number: Number) -> Optional[tuple[int, Optional[Decimal]]]:
    """The power that ``number`` begins: (the token index after its exponent, its value), the value None when
    it cannot be held (beyond 10^±27, a negative power of zero, an exponent in letters or such as "--23"); None when
    no power starts here."""
    j = number.end
    if _is(tokens, j, "^", glued=True):
        base, mantissa, k = number.value, Decimal(1), j + 1
    elif j < len(tokens) and tokens[j].low in _TIMES and _is(tokens, j + 1, "10") and _is(tokens, j + 2, "^", glued=True):
        base, mantissa, k = Decimal(10), number.value, j + 3  # "3 x 10^8": a mantissa times a power of ten
    else:
        return None
    sign = 1
    if k < len(tokens) and tokens[k].text in _SIGNS and not tokens[k].gap:
        sign, k = _SIGNS[tokens[k].text], k + 1
    if k >= len(tokens) or tokens[k].kind != "num" or tokens[k].gap:
        return k, None  # "2^n": an expression, not a figure
    exponent = tokens[k].text.replace(",", "")
    if not exponent.isdigit() or base is None or mantissa is None:
        return k + 1, None
    return k + 1, _power(mantissa, base, sign * int(exponent[:6]))


def _power(mantissa: Decimal, base: Decimal, exponent: int) -> Optional[Decimal]:
    if base.is_zero():
        return Decimal(0) if exponent > 0 else None
    magnitude = abs(base.adjusted() + 1) * abs(exponent)  # a bound on the power's digits, before computing it
    if magnitude > 2 * MAX_MAGNITUDE + 2:
        return None
    with localcontext() as context:
        context.prec = 28
        try:
            value = mantissa.copy_sign(1) * abs(base) ** exponent  # "-2^2" is -(2^2), as written in maths
        except (InvalidOperation, ZeroDivisionError, OverflowError):
            return None
    value = value.copy_negate() if (mantissa < 0) != (base < 0) else value
    return value if sensible(value) else None


def _is(tokens: Sequence[Token], j: int, text: str, glued: bool = False) -> bool:
    return j < len(tokens) and tokens[j].text == text and not (glued and tokens[j].gap)
