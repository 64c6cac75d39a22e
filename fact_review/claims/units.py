"""What a number measures: currency before or after it, percent, duration unit, measurement unit.

``currency_before(tokens, i)`` reads "$", "US$", "C $", "€", "EUR", "Rs" at i and says where the amount
starts; ``unit_after(tokens, j, value)`` reads the unit that follows a number ending at token j.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional, Sequence

from fact_review.claims import lexicon as lx
from fact_review.claims.tokens import Token

D = Decimal
_HYPHENS = frozenset({"-", "‐", "‑", "–"})


@dataclass(frozen=True)
class Unit:
    kind: str  # percent | money | duration | quantity
    unit: Optional[str]
    end: int  # token index after the unit
    factor: Decimal = D(1)  # "75 USD million": the value is multiplied
    extra: Decimal = D(0)  # "15 dollars 50": added after the factor
    age: bool = False  # "five years old"


def _word(tokens: Sequence[Token], j: int) -> Optional[Token]:
    return tokens[j] if j < len(tokens) and tokens[j].kind == "word" and not tokens[j].masked else None


def _iso_code(tok: Optional[Token]) -> Optional[str]:
    if tok is None:
        return None
    upper = tok.text.upper()
    if upper not in lx.ISO_CURRENCIES:
        return None
    if tok.text != upper and tok.low in lx.ISO_CODES_THAT_ARE_WORDS:
        return None
    if tok.text != upper and tok.text != tok.low:  # "Eur", "Usd": not how codes are written
        return None
    return "CNY" if upper == "RMB" else upper


def currency_before(tokens: Sequence[Token], i: int) -> Optional[tuple[str, int]]:
    """A currency sign or code starting at token i, followed by an amount -> (ISO code, amount index)."""
    n = len(tokens)
    t = tokens[i]
    if t.masked:
        return None
    j = None
    iso = None
    if t.text == "$" and i + 2 < n and tokens[i + 1].text in lx.DOLLAR_SUFFIXES and not tokens[i + 1].gap \
            and tokens[i + 2].kind == "num":
        iso, j = lx.DOLLAR_SUFFIXES[tokens[i + 1].text], i + 2  # "$US5 million", "$A300"
    elif t.text == "$" or t.text in lx.CURRENCY_SYMBOLS and t.kind == "sym":
        iso, j = lx.CURRENCY_SYMBOLS[t.text], i + 1
    elif t.text == "â" and tuple(x.text for x in tokens[i:i + 3]) in lx.MOJIBAKE_SIGNS \
            and not tokens[i + 1].gap and not tokens[i + 2].gap:
        iso, j = lx.MOJIBAKE_SIGNS[tuple(x.text for x in tokens[i:i + 3])], i + 3  # "â‚¬50": "€50" misread
    elif t.kind == "word" and t.text in lx.LETTER_PREFIXES and i + 1 < n and tokens[i + 1].kind == "num" \
            and _prefix_reads_as_money(tokens, i):
        iso, j = lx.LETTER_PREFIXES[t.text], i + 1
    elif t.kind == "word" and i + 1 < n and tokens[i + 1].text == "$" and t.low in lx.DOLLAR_PREFIXES \
            and (not tokens[i + 1].gap or len(t.text) <= 2):
        iso, j = lx.DOLLAR_PREFIXES[t.low], i + 2
    elif t.kind == "word" and t.text in ("Rs", "Rs."):
        iso, j = "INR", i + 1
    elif t.kind == "word":
        iso = _iso_code(t)
        if iso is not None and t.text.isupper():
            j = i + 1
    if j is None or j >= n:
        return None
    if tokens[j].kind == "num" or (tokens[j].kind == "word" and tokens[j].gap and iso is not None
                                   and tokens[j].low in lx.UNITS | lx.TENS):
        return iso, j
    return None


def _prefix_reads_as_money(tokens: Sequence[Token], i: int) -> bool:
    """ "RM50 million", "KSh 200", "R2.5 billion", "R1,500": letters that name a currency. A lone "R" (also
    a grade, a road, a film rating) counts only glued to a large amount."""
    amount = tokens[i + 1]
    if tokens[i].text != "R":
        return not amount.gap or tokens[i].text != "Sh"
    if amount.gap:
        return False
    return "," in amount.text or _scale_word(tokens, i + 2) is not None \
        or i + 2 < len(tokens) and not tokens[i + 2].gap and tokens[i + 2].text in lx.SCALE_SUFFIXES


def _scale_word(tokens: Sequence[Token], j: int) -> Optional[Decimal]:
    w = _word(tokens, j)
    if w is None:
        return None
    s = lx.SCALES.get(w.low) or lx.SCALE_SUFFIXES.get(w.text)
    return s if s is not None and s >= 1000 else None


_MINOR_WORDS = frozenset({"cents", "cent", "pence", "penny", "c", "p", "¢"})


def minor_amount(tokens: Sequence[Token], j: int) -> tuple[Decimal, int]:
    """ "15 dollars 50", "17 USD 25", "13 dollars and 45", "and 43 cents": the minor amount after a currency
    word or an amount with its sign ("$20 and 43c") -> (fraction of the main unit, end)."""
    k = j + 1 if j < len(tokens) and tokens[j].low == "and" else j
    if k >= len(tokens):
        return D(0), j
    t = tokens[k]
    v: Optional[int] = None
    end = k + 1
    if t.kind == "num" and t.text.isdigit() and len(t.text) <= 2:
        v = int(t.text)
    elif t.kind == "word" and (t.low in lx.TENS or t.low in lx.UNITS):
        v = lx.TENS.get(t.low) or lx.UNITS.get(t.low)
        hyphen = end < len(tokens) and tokens[end].text == "-" and not tokens[end].gap
        if t.low in lx.TENS and end + hyphen < len(tokens) and tokens[end + hyphen].low in lx.UNITS:
            v += lx.UNITS[tokens[end + hyphen].low]  # "forty-two", "forty two"
            end += 1 + hyphen
    if v is None or not 0 < v < 100:
        return D(0), j
    after = tokens[end] if end < len(tokens) else None
    if after is not None and after.low in _MINOR_WORDS:
        return D(v) / 100, end + 1  # "3 dollars and 14 cents", "20 dollars 43 cents", "$20 and 43c"
    if after is not None and after.kind in ("word", "num") and after.low not in lx.NOUN_STOPWORDS:
        return D(0), j  # "$5 and 10 people": a number of its own
    return D(v) / 100, end


def _money_after(tokens: Sequence[Token], j: int) -> Optional[Unit]:
    n = len(tokens)
    t = _word(tokens, j)
    if t is None:
        return None
    # "120 MEUR", "twenty MUSD", "5 kUSD"
    if len(t.text) == 4 and t.text[0] in "Mk" and t.text[1:].isupper() and t.text[1:] in lx.ISO_CURRENCIES:
        return Unit("money", t.text[1:], j + 1, factor=D(10**6) if t.text[0] == "M" else D(1000))
    iso = _iso_code(t)
    if iso is not None:
        s = _scale_word(tokens, j + 1)
        if s is not None:  # "75 USD million"
            return Unit("money", iso, j + 2, factor=s)
        extra, end = minor_amount(tokens, j + 1)
        return Unit("money", iso, end, extra=extra)
    # "Lebanese pounds", "finnish markka", "Canadian dollars"
    adjective = None
    k = j
    nxt = _word(tokens, j + 1)
    if nxt is not None and nxt.low in lx.CURRENCY_WORDS and t.low not in lx.CURRENCY_WORDS:
        singular = nxt.low.rstrip("s") if nxt.low not in ("pence", "reais") else nxt.low
        adjective = lx.CURRENCY_ADJECTIVES.get((t.low, singular))
        if adjective is None and not (t.text[0].isupper() or t.low.endswith(("ese", "ian", "ish", "an", "i"))):
            return None
        k = j + 1
    cur = _word(tokens, k)
    if cur is None or cur.low not in lx.CURRENCY_WORDS:
        return None
    if cur.low in ("pound", "pounds") and adjective is None and _weighs(tokens, j, k):
        return None  # "two pounds of meat", "lost 25 pounds": a weight
    if cur.low in lx.AMBIGUOUS_CURRENCY_WORDS and adjective is None and _scale_word(tokens, j - 1) is None:
        return None  # ordinary words unless named ("Brazilian real") or after a scale ("5 billion won")
    iso = adjective or lx.CURRENCY_WORDS[cur.low] or cur.text
    if cur.low in lx.MINOR_CURRENCY_WORDS:  # the value stays as written: "56 cents" is 56 cents
        return Unit("money", lx.MINOR_CURRENCY_WORDS[cur.low], k + 1)
    extra, end = minor_amount(tokens, k + 1)
    return Unit("money", iso, end, extra=extra)


def _weighs(tokens: Sequence[Token], j: int, k: int) -> bool:
    """ "pounds" of a weight: "pounds of meat", or a word of weighing near it ("lost 25 pounds", "weighed 8
    pounds", "25 pounds heavier"), within its sentence."""
    n = len(tokens)
    if k + 1 < n and tokens[k + 1].low == "of":
        return True
    lo = j - 1
    while lo > 0 and j - lo < 8 and tokens[lo - 1].text not in ".;!?":
        lo -= 1
    window = tokens[lo:j - 1] + tokens[k + 1:min(n, k + 4)]
    return any(t.low in lx.WEIGHT_CUES for t in window)


def _percent_after(tokens: Sequence[Token], j: int) -> Optional[Unit]:
    n = len(tokens)
    if j >= n:
        return None
    t = tokens[j]
    if t.text in ("%", "％"):
        return Unit("percent", "%", j + 1)
    if t.kind != "word":
        return None
    if t.low == "per" and j + 1 < n and tokens[j + 1].low == "cent":
        return Unit("percent", "%", j + 2)
    if t.low in ("percent", "percents", "pct") or (t.low == "pc" and not t.gap):
        return Unit("percent", "%", j + 1)
    if t.low == "percentage" and j + 1 < n and tokens[j + 1].low in ("point", "points"):
        return Unit("percent", "percentage point", j + 2)
    return None


def duration_unit_at(tokens: Sequence[Token], j: int, attached: bool) -> Optional[tuple[str, int]]:
    """A duration unit at j (optionally after "business", "working") -> (canonical unit, end)."""
    t = _word(tokens, j)
    if t is None:
        return None
    k = j
    if t.low in lx.DURATION_MODIFIERS and _word(tokens, j + 1) is not None:
        k = j + 1
        t = tokens[k]
    unit = lx.DURATION_UNITS.get(t.low)
    if unit is None:
        return None
    if t.low in lx.DURATION_ABBREVIATIONS_ATTACHED_ONLY and not attached and t.low not in ("min", "h"):
        return None
    if t.low == "h" and not (attached or t.text == "h"):
        return None
    return unit, k + 1


def _duration_after(tokens: Sequence[Token], j: int, attached: bool) -> Optional[Unit]:
    found = duration_unit_at(tokens, j, attached)
    if found is None:
        return None
    unit, end = found
    n = len(tokens)
    if tokens[end - 1].low == "night" and end < n and tokens[end].kind == "word" and tokens[end].gap \
            and tokens[end].low not in lx.NOUN_STOPWORDS:
        return None  # "three night markets"
    # "-long", "-old", "years old", "years of age", "year-old"
    k = end
    if k + 1 < n and tokens[k].text in _HYPHENS and not tokens[k].gap and tokens[k + 1].low in ("long", "old"):
        return Unit("quantity" if tokens[k + 1].low == "old" else "duration", unit, k + 2,
                    age=tokens[k + 1].low == "old")
    if k < n and tokens[k].low == "old":
        return Unit("quantity", unit, k + 1, age=True)
    if k + 1 < n and tokens[k].low == "of" and tokens[k + 1].low == "age":
        return Unit("quantity", unit, k + 2, age=True)
    return Unit("duration", unit, end)


_WEATHER_WORDS = frozenset("temperature temperatures temp degrees heat heatwave hot warm warmer cold colder freezing "
                           "frost weather forecast mercury high highs low lows hit reached topped soared plunged "
                           "dropped fell climbed record thermometer".split())
_WARM_LIMITS = {"C": 60, "F": 140}


def _glued_temperature(tokens: Sequence[Token], j: int) -> bool:
    """ "30C", "-10C", "70F" glued to their number: a temperature when the number is signed or in range and
    the sentence speaks of weather ("temperatures hit 30C")."""
    number = tokens[j - 1] if j > 0 else None
    if number is None or number.kind != "num" or tokens[j].gap:
        return False
    try:
        value = abs(float(number.text.replace(",", "")))
    except ValueError:
        return False
    if value > _WARM_LIMITS[tokens[j].text]:
        return False
    signed = j > 1 and tokens[j - 2].text in ("-", "−", "+") and not number.gap
    lo = j - 1
    while lo > 0 and j - lo < 10 and tokens[lo - 1].text not in ".;!?":
        lo -= 1
    return signed or any(w.low in _WEATHER_WORDS for w in tokens[lo:j - 1])


def _measure_after(tokens: Sequence[Token], j: int, attached: bool) -> Optional[Unit]:
    n = len(tokens)
    t = tokens[j] if j < n else None
    if t is None or t.masked:
        return None
    if t.text == "°":
        k = j + 1
        if k < n and not tokens[k].gap and tokens[k].text in ("C", "F", "K"):
            return Unit("quantity", "°" + tokens[k].text, k + 1)
        return Unit("quantity", "°", j + 1)
    if t.kind != "word":
        return None
    if t.low in ("degree", "degrees", "deg.", "deg"):
        k = j + 1
        scale = _word(tokens, k)
        if scale is not None and scale.low in ("celsius", "centigrade", "c"):
            return Unit("quantity", "°C", k + 1)
        if scale is not None and scale.low in ("fahrenheit", "f"):
            return Unit("quantity", "°F", k + 1)
        return Unit("quantity", "°", j + 1)
    if t.low in lx.AREA_PREFIXES and j + 1 < n:
        inner = _measure_after(tokens, j + 1, False)
        if inner is not None and inner.kind == "quantity":
            suffix = "³" if t.low == "cubic" else "²"
            return Unit("quantity", inner.unit + suffix, inner.end)
        return None
    if t.low in lx.METRIC_PREFIX_WORDS and j + 1 < n:
        inner = _word(tokens, j + 1)
        if inner is not None and inner.low in ("ton", "tons", "tonne", "tonnes", "mile", "miles", "year",
                                               "years"):
            return Unit("quantity", f"{t.low} {lx.UNIT_WORDS[inner.low]}", j + 2)
    unit = lx.UNIT_WORDS.get(t.low)
    if unit is None and t.text in lx.UNIT_ABBREVIATIONS:
        if t.text in lx.AMBIGUOUS_ABBREVIATIONS:
            after = tokens[j + 1] if j + 1 < n else None
            if t.text in ("C", "F", "W", "V", "J", "t") and not attached:
                return None
            if t.text in ("C", "F"):  # "777F", "F-Series" are names; "hit 30C", "-10C" temperatures
                return Unit("quantity", "°" + t.text, j + 1) if _glued_temperature(tokens, j) else None
            if not attached and after is not None and after.kind == "word" and not after.gap:
                return None
        unit = lx.UNIT_ABBREVIATIONS[t.text]
    if unit is None:
        return None
    end = j + 1
    # rates: "km/h", "l/km", "W/min", "km per hour"
    if end + 1 < n and tokens[end].text == "/" and not tokens[end].gap and tokens[end + 1].kind == "word":
        den = tokens[end + 1]
        den_unit = lx.UNIT_ABBREVIATIONS.get(den.text) or lx.UNIT_WORDS.get(den.low) \
            or lx.DURATION_UNITS.get(den.low)
        if den_unit:
            return Unit("quantity", f"{unit}/{den_unit}", end + 2)
    return Unit("quantity", unit, end)


def unit_after(tokens: Sequence[Token], j: int, vague: bool = False) -> Optional[Unit]:
    """The unit of the number that ends at token j: percent, money, duration or a measure."""
    n = len(tokens)
    if j >= n:
        return None
    attached = not tokens[j].gap
    k = j
    # "six-mile", "15-minute", "three-years-long", "half-litre"
    if tokens[j].text in _HYPHENS and attached and j + 1 < n and tokens[j + 1].kind == "word" \
            and not tokens[j + 1].gap:
        k = j + 1
        attached = False
    # "hundreds of millions of dollars", "thousands of tonnes"
    if vague and tokens[k].low == "of":
        k += 1
    if k >= n or tokens[k].masked:  # "hundreds of" at the very end of the text
        return None
    return (_percent_after(tokens, k) or _money_after(tokens, k) or _symbol_after(tokens, k)
            or _duration_after(tokens, k, attached) or _measure_after(tokens, k, attached))


def _symbol_after(tokens: Sequence[Token], j: int) -> Optional[Unit]:
    """ "5 €", "10$", "100元", "20Rs", "10¢": a currency sign written after the amount (and not before the
    next one); a sign made of letters ("Rs", "元") only glued to the amount."""
    t = tokens[j]
    if t.text not in lx.CURRENCY_SYMBOLS or not (t.kind == "sym" or t.kind == "word" and not t.gap):
        return None
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if nxt is not None and nxt.kind == "num" and not nxt.gap:
        return None
    return Unit("money", lx.MINOR_CURRENCY_WORDS.get(t.text) or lx.CURRENCY_SYMBOLS[t.text], j + 1)


def rate_after(tokens: Sequence[Token], j: int) -> Optional[tuple[str, int]]:
    """ "/hour" after an amount of money: the claim is a rate ("$15.4/hour")."""
    if j + 1 < len(tokens) and tokens[j].text == "/" and not tokens[j].gap and tokens[j + 1].kind == "word":
        den = tokens[j + 1]
        den_unit = lx.DURATION_UNITS.get(den.low) or lx.UNIT_WORDS.get(den.low) \
            or lx.UNIT_ABBREVIATIONS.get(den.text)
        if den_unit:
            return den_unit, j + 2
    return None
