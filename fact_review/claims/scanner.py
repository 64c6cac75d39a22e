"""Every non-date numeric claim of a text, left to right: number, ordinal, percent, money, quantity, duration.

For each token the scanner tries, in order: a currency before an amount ("$15.6bn", "EUR 50bn"), a
duration that starts with a word ("over the past week", "half an hour"), then a number with what follows it
(unit, range, qualifier, counted noun). The traps that other extractors fall into are refused here:
identifiers ("F-16", "S-400"), names with a number ("Russia 1"), pronoun "one" ("one of the"), clock times.
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Optional

from fact_review.claims import lexicon as lx
from fact_review.claims.counts import CUES as COUNT_CUES
from fact_review.claims.counts import STARTERS as COUNT_STARTERS
from fact_review.claims.counts import count_word_at
from fact_review.claims.durations import Duration, half_more, is_date_offset, wordless_duration
from fact_review.claims.names import age_in_passing, names_with_number, score_end, street_number
from fact_review.claims.nouns import counted_noun, is_plural
from fact_review.claims.numbers import Number, read_number, signed
from fact_review.claims.powers import power_after
from fact_review.claims.qualifiers import interval, qualifier_after, qualifier_at, qualifier_before, with_or_equal
from fact_review.claims.shares import share_at
from fact_review.claims.tokens import Token, tokenize
from fact_review.claims.units import Unit, currency_before, duration_unit_at, minor_amount, rate_after, unit_after
from fact_review.model import Claim

D = Decimal
_RANGE_DASHES = frozenset({"-", "–", "—", "~", "‐"})
# Words and signs that can begin a claim; any other token is passed over at once.
_STARTERS = frozenset(
    set(lx.UNITS) | set(lx.TENS) | set(lx.ORDINAL_WORDS) | set(lx.SCALES) | set(lx.VAGUE_SCALES)
    | set(lx.VAGUE_MULTIPLIERS) | set(lx.DOLLAR_PREFIXES) | {c.lower() for c in lx.ISO_CURRENCIES}
    | {p.lower() for p in lx.LETTER_PREFIXES} | {"â"}
    | {"a", "an", "half", "quarter", "another", "all", "the", "minus", "negative", "over", "during",
       "throughout", "couple", "pair", "full", "whole", "entire", "rs", "rs.", "mex", "penultimate", "antepenultimate", "last"} | COUNT_STARTERS
    | {"days", "weeks", "months", "years", "decades", "hours", "minutes", "centuries"})  # "for years"
_SYMBOLS = frozenset(set(lx.CURRENCY_SYMBOLS) | set(lx.VULGAR_FRACTIONS) | {"-", "−", "~", "<", ">", "≈", "–"})
_QUALIFIER_WORDS = frozenset(w for phrase in lx.LEFT_QUALIFIERS for w in phrase.split())
_SMALLER_UNITS = {"ft": ("in", 12), "m": ("cm", 100), "km": ("m", 1000), "lb": ("oz", 16), "kg": ("g", 1000)}
_RANGE_WORDS = frozenset({"to", "through", "thru", "till", "until"})
# Words that say "from X to Y" spans values whatever their order ("ranged from -18 to -34").
_SPREAD_WORDS = ("ranged", "ranging", "range", "ranges", "varied", "varying", "varies", "spanning")
_TIME_WORDS = frozenset({"am", "pm", "a.m", "p.m", "o'clock", "gmt", "utc", "cet", "est", "pst", "bst"})
# Words before "one" that make it a pronoun: "the one", "no one", "each one".
_PRONOUN_ONE_BEFORE = frozenset({"the", "this", "that", "each", "every", "any", "no", "which", "at", "last",
                                 "only", "someone", "anyone", "everyone", "little", "big", "another", "one"})
_PRONOUN_ONE_AFTER = frozenset({"of", "another", "who", "which", "that", "can", "could", "must", "should",
                                "would", "will", "may", "might", "another", "else", "'s", "thing", "way",
                                "point", "after", "by", "side"})


class _Scan:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.claims: list[Claim] = []
        self.floor = 0  # no claim may start before this token

    # ------------------------------------------------------------------------------------------ helpers
    def tok(self, j: int) -> Optional[Token]:
        return self.tokens[j] if 0 <= j < len(self.tokens) else None

    def claim(self, s: int, e: int, kind: str, value: Optional[Decimal], unit: Optional[str] = None,
              noun: Optional[str] = None, qualifier: Optional[str] = None, low: Optional[Decimal] = None,
              high: Optional[Decimal] = None) -> int:
        start, end = self.tokens[s].start, self.tokens[e - 1].end
        value, low, high = _tidy(value), _tidy(low), _tidy(high)
        self.claims.append(Claim(start, end, self.text[start:end], kind, value, unit, noun, qualifier, low, high))
        self.floor = e
        return e

    # ------------------------------------------------------------------------------------------- traps
    def is_name_number(self, number: Number) -> bool:
        """ "Russia 1", "Channel 4", "Boeing 777": a bare number right after a capitalised name."""
        if not number.digits_plain:
            return False
        prev = self.tok(number.start - 1)
        if prev is None or prev.kind != "word":
            return False
        if not prev.text[0].isupper() or prev.low in lx.NAME_RULE_EXCEPTIONS or prev.low in lx.NOUN_STOPWORDS \
                or prev.low in _QUALIFIER_WORDS or prev.text.isupper():
            return False
        nxt = self.tok(number.end)
        if nxt is not None and nxt.kind == "word" and (nxt.low in lx.SCALES or nxt.text[0].isupper()
                                                       and is_plural(nxt.text)):
            return False  # "Russia Launches 69 Missiles": a title-case headline counts
        return True

    def is_clock_time(self, number: Number) -> bool:
        """ "10:30", "2.13 am", "1pm": times of day are the date extractor's."""
        nxt, prev = self.tok(number.end), self.tok(number.start - 1)
        after = self.tok(number.end + 1)
        if nxt is not None and nxt.text == ":" and not nxt.gap and after is not None and after.kind == "num" \
                and not after.gap:
            return True
        if prev is not None and prev.text == ":" and not self.tokens[number.start].gap:
            return True
        if nxt is not None and nxt.low in ("a", "p") and self.tok(number.end + 2) is not None \
                and self.tok(number.end + 1).text == "." and self.tok(number.end + 2).low == "m":
            return True  # "7 p. m."
        return nxt is not None and nxt.low in _TIME_WORDS

    def is_exponent(self, number: Number) -> bool:
        """ "24/7", "2^n": digits after a sign glued to them belong to an expression (powers the scanner
        reads whole, ``powers``)."""
        prev = self.tok(number.start - 1)
        return prev is not None and prev.text in ("^", "/") and not self.tokens[number.start].gap

    def is_pronoun_one(self, number: Number) -> bool:
        t = self.tokens[number.start]
        if number.end - number.start != 1 or t.low != "one":
            return False
        prev, nxt = self.tok(number.start - 1), self.tok(number.end)
        if nxt is not None and unit_after(self.tokens, number.end) is not None:
            return False  # "that one mile", "the one hour"
        if prev is not None and prev.low in _PRONOUN_ONE_BEFORE:
            return True
        return nxt is None or nxt.low in _PRONOUN_ONE_AFTER or nxt.text in (",", ".", ";", ")", "!", "?")

    def is_one_compound(self, number: Number) -> bool:
        """ "one-sided", "one-off", "one-way": adjectives, not counts (a unit still counts: "one-hour")."""
        nxt, after = self.tok(number.end), self.tok(number.end + 1)
        return self.tokens[number.start].low == "one" and number.end - number.start == 1 and nxt is not None \
            and nxt.text == "-" and not nxt.gap and after is not None and not after.gap \
            and unit_after(self.tokens, number.end) is None

    def glued_letters(self, j: int) -> bool:
        """Letters glued to the end of a number that no unit claimed: "777F", "4k08"."""
        t = self.tok(j)
        return t is not None and not t.gap and t.kind in ("word", "num")

    # ---------------------------------------------------------------------------------------- scanning
    def run(self) -> list[Claim]:
        i = 0
        n = len(self.tokens)
        while i < n:
            t = self.tokens[i]
            if t.masked or (t.low not in _STARTERS if t.kind == "word" else t.kind == "sym" and t.text not in _SYMBOLS):
                i += 1
                continue
            end = self.try_money_prefix(i) or self.try_duration(i) or self.try_share(i) \
                or self.try_fraction_of_unit(i) or self.try_number(i) or self.try_relative_rank(i) or self.try_count_word(i)
            i = end if end and end > i else i + 1  # always forward, whatever a reader returned
        return self.claims

    def try_money_prefix(self, i: int) -> Optional[int]:
        found = currency_before(self.tokens, i)
        if found is None:
            return None
        iso, k = found
        number = read_number(self.tokens, k, money=True)
        if number is None or number.ordinal or number.value is None:
            return None
        value = number.value
        end = number.end
        if number.end - number.start == 1 and value == value.to_integral_value():
            extra, end = minor_amount(self.tokens, end)  # "$20 and 43 cents", "$20 43"
            value += extra
        kind, unit = "money", iso
        rate = rate_after(self.tokens, end)
        if rate is not None:
            kind, unit, end = "quantity", f"{iso}/{rate[0]}", rate[1]
        low = high = None
        qualifier = None
        rng = self.range_after(end, kind, unit, value, money_iso=iso)
        if rng is not None:
            end, low, high, _ = rng
            value = None
            qualifier = "between"
        start = i
        return self.finish(start, end, kind, value, unit, None, qualifier, low, high)

    def try_duration(self, i: int) -> Optional[int]:
        d: Optional[Duration] = wordless_duration(self.tokens, i, self.floor)
        if d is None:
            return None
        if is_date_offset(self.tokens, d.start, d.end):
            return d.end  # "a year earlier": the date extractor's
        if self.tokens[i].low in ("a", "an") and self.claims and i > 0 and self.floor == i \
                and self.claims[-1].end == self.tokens[i - 1].end:
            return i + 1  # "50,000 barrels a day", "$5 an hour": a rate of the claim before
        value, unit, end = d.value, d.unit, d.end
        if value is not None:
            value, unit, end = self.compound_duration(value, unit, end)  # "an hour and 45 minutes"
        return self.finish(d.start, end, "duration", value, unit, None, d.qualifier, d.low, None)

    def try_share(self, i: int) -> Optional[int]:
        """ "about a quarter of 8,000 homes" (about 2,000 homes), "one in five adults" (0.2 of them)."""
        share = share_at(self.tokens, i)
        if share is None:
            return None
        end, noun = share.end, None
        if unit_after(self.tokens, end) is not None:
            return None  # "half of the 300 km": a measure, read by the unit rules
        found = counted_noun(self.tokens, end, share.value if share.of_whole else None, False, self.text)
        if found is not None:
            noun, end = found
        return self.finish(i, end, "number", share.value, None, noun, None, None, None)

    def try_count_word(self, i: int) -> Optional[int]:
        """ "a drone", "no injuries", "a wave of drones", "all targets were hit" (see ``counts``)."""
        found = count_word_at(self.tokens, i, self.text)
        if found is None:
            return None
        return self.claim(found.start, found.end, "number", found.value, None, found.noun, found.qualifier,
                          found.low, None)

    def try_relative_rank(self, i: int) -> Optional[int]:
        """ "penultimate", "last but one", "the one before the last", "the last one": ordinals counted from the
        end (value null)."""
        t = self.tokens[i]
        words = [tok.low for tok in self.tokens[i:i + 6]]
        if t.low in ("penultimate", "antepenultimate"):
            return self.claim(i, i + 1, "ordinal", None)
        if words[:3] == ["last", "but", "one"]:
            return self.claim(i, i + 3, "ordinal", None)
        if words[:5] == ["the", "one", "before", "the", "last"]:
            return self.claim(i, i + (6 if words[5:6] == ["one"] else 5), "ordinal", None)
        if words[:3] == ["the", "last", "one"] and not (i + 3 < len(self.tokens) and self.tokens[i + 3].low == "of"):
            return self.claim(i, i + 3, "ordinal", None)  # not "the last one of them": a pronoun phrase
        return None

    def try_fraction_of_unit(self, i: int) -> Optional[int]:
        """ "half a liter", "half-litre", "quarter-litre", "a quarter of an hour", "three quarters of a mile"."""
        n = len(self.tokens)
        t = self.tokens[i]
        if t.low in ("half", "quarter"):
            value, k = Decimal(1) / lx.FRACTION_WORDS[t.low], i + 1
        elif t.low in ("a", "an") and i + 1 < n and self.tokens[i + 1].low in ("half", "quarter", "third"):
            value, k = Decimal(1) / lx.FRACTION_WORDS[self.tokens[i + 1].low], i + 2
            if self.tokens[i + 1].low == "third" and (k >= n or self.tokens[k].low != "of"):
                return None  # "a third straight day" is a rank; "a third of a mile" a fraction
        elif t.low in lx.UNITS and i + 2 < n and self.tokens[i + 1].low in lx.FRACTION_WORDS \
                and self.tokens[i + 2].low == "of":
            number = read_number(self.tokens, i)  # "three quarters"
            if number is None or number.value is None or number.value >= 1:
                return None
            value, k = number.value, number.end
        else:
            return None
        if k < n and self.tokens[k].text == "-" and not self.tokens[k].gap:
            k += 1
        else:
            if k < n and self.tokens[k].low == "of":
                k += 1
            if k < n and self.tokens[k].low in ("a", "an"):
                k += 1
        unit = unit_after(self.tokens, k) if k < n else None
        if unit is None or unit.kind not in ("quantity", "duration") or unit.age:
            return None
        return self.finish(i, unit.end, unit.kind, value, unit.unit, None, None, None, None)

    def try_number(self, i: int) -> Optional[int]:
        score = score_end(self.tokens, i) if self.tokens[i].kind == "num" else i
        if score > i:
            return score  # "won 3-1": a score is a result, not two figures
        number = read_number(self.tokens, i)
        if number is None:
            return None
        with_sign = signed(self.tokens, number)
        if with_sign.start >= self.floor:
            number = with_sign
        power = power_after(self.tokens, number)
        if power is not None:
            end, value = power
            if value is None:
                return end  # a power no claim can hold ("10^925"): neither its base nor its exponent is a figure
            number = replace(number, end=end, value=value, digits_plain=False, words=False)
        if self.is_clock_time(number) or self.is_pronoun_one(number) or self.is_exponent(number) \
                or self.is_one_compound(number):
            return i + 1  # only the refused token: what follows may be a claim of its own
        t = self.tokens[number.start]
        if number.ordinal:
            return self.ordinal(number)
        end = number.end
        plus = None
        if end < len(self.tokens) and self.tokens[end].text == "+" and not self.tokens[end].gap:
            plus = qualifier_after(self.tokens, end)
            end += 1
        unit = unit_after(self.tokens, end, vague=number.vague is not None)
        if unit is None and value_is_fraction(number) and end < len(self.tokens) and self.tokens[end].low == "of":
            k = end + 2 if end + 2 < len(self.tokens) and self.tokens[end + 1].low in ("a", "an") else end + 1
            unit = unit_after(self.tokens, k)  # "one and a half of an hour"
            if unit is not None and unit.kind not in ("duration", "quantity"):
                unit = None
        if unit is None and self.glued_letters(end) and not number.words:
            return self.skip_identifier(end)
        if unit is None and (self.is_name_number(number) or number.digits_plain
                             and (names_with_number(self.tokens, number.start)
                                  or street_number(self.tokens, number.start, number.end))):
            return i + 1  # "Russia 1", "S&P 500", "iPhone 15", "10 Downing Street"
        if unit is None and age_in_passing(self.tokens, number.start, number.end):
            return self.claim(number.start, number.end, "quantity", number.value, "year")  # "Smith, 45, said"
        if unit is None and t.kind == "word" and number.end - number.start == 1 and t.low == "second":
            return number.end
        value = number.value
        kind, unit_name = "number", None
        if unit is None and value is not None and [t.low for t in self.tokens[end:end + 2]] == ["below", "zero"]:
            kind, unit_name, value, end = "quantity", "°", -value, end + 2  # "it was 10 below zero"
        if unit is not None:
            kind, unit_name, end = unit.kind, unit.unit, unit.end
            if value is not None:
                value = value * unit.factor + unit.extra
            if kind == "money":
                rate = rate_after(self.tokens, end)
                if rate is not None:
                    kind, unit_name, end = "quantity", f"{unit_name}/{rate[0]}", rate[1]
            if kind == "duration" and value is not None:
                value, unit_name, end = self.compound_duration(value, unit_name, end)
            elif kind == "quantity" and value is not None:
                value, unit_name, end = self.compound_measure(value, unit_name, end)
                if unit_name in ("°", "°C", "°F") and [t.low for t in self.tokens[end:end + 2]] == ["below", "zero"]:
                    value, end = -value, end + 2  # "2 degrees below zero"
        low = high = None
        qualifier: Optional[str] = None
        if number.vague is not None:
            qualifier, low = number.vague, number.vague_low
            if unit is not None and unit.factor != 1 and low is not None:
                low = low * unit.factor
        rng = None if number.vague is not None else self.range_after(end, kind, unit_name, value)
        if rng is not None:
            end, low, high, second_unit = rng
            value, qualifier = None, "between"
            if second_unit is not None and kind == "number":
                kind, unit_name = second_unit.kind, second_unit.unit
                low = low * second_unit.factor
        elif plus is not None:
            qualifier = plus.name
            low, high = interval(plus.bound, value)
        if kind == "duration" and is_date_offset(self.tokens, number.start, end):
            return end  # the date extractor's
        noun = None
        if kind == "number":
            found = counted_noun(self.tokens, end, value, number.vague is not None, self.text)
            if found is not None:
                noun, end = found
        return self.finish(number.start, end, kind, value, unit_name, noun, qualifier, low, high)

    def finish(self, start: int, end: int, kind: str, value: Optional[Decimal], unit: Optional[str],
               noun: Optional[str], qualifier: Optional[str], low: Optional[Decimal],
               high: Optional[Decimal]) -> int:
        """Adds the qualifiers around the claim and records it."""
        before = qualifier_before(self.tokens, start, self.floor)
        if qualifier is None:
            after = qualifier_after(self.tokens, end)
            if after is not None and after.bound == "inclusive":  # "more than 5000 or equal to"
                inclusive = with_or_equal(before) if before is not None else None
                if inclusive is not None and value is not None:
                    qualifier, (low, high), end = inclusive[0], interval(inclusive[1], value), after.end
                    start, before = before.start, None
            elif after is not None and value is not None:
                qualifier = after.name
                low, high = interval(after.bound, value)
                end = after.end
        if before is not None and kind == "duration" and self.tokens[before.start].low == "over":
            before = None  # "over five years" spreads over them more often than it exceeds them
        if before is not None:
            if qualifier == "between" and self.tokens[before.start].low in ("between", "from"):
                start = before.start
            elif qualifier is None or qualifier in ("at least", "between") and before.name == "about":
                if qualifier is None:
                    qualifier = before.name
                    low, high = interval(before.bound, value)
                start = before.start
        elif qualifier == "between" and start > self.floor and self.tokens[start - 1].low in ("between", "from"):
            start -= 1
        if low is not None and high is None and value is not None:
            upper = self.upper_bound_after(end, value)  # "more than 30 and at most 40"
            if upper is not None:
                end, high = upper
                value, qualifier = None, "between"
        return self.claim(start, end, kind, value, unit, noun, qualifier, low, high)

    def upper_bound_after(self, j: int, low: Decimal) -> Optional[tuple[int, Decimal]]:
        if j + 2 >= len(self.tokens) or self.tokens[j].low != "and":
            return None
        q = qualifier_at(self.tokens, j + 1)
        if q is None or q.bound != "high" or q.end >= len(self.tokens):
            return None
        number = read_number(self.tokens, q.end)
        if number is None or number.value is None or number.ordinal or number.value <= low:
            return None
        return number.end, number.value

    def ordinal(self, number: Number) -> int:
        t = self.tokens[number.start]
        prev, nxt = self.tok(number.start - 1), self.tok(number.end)
        if prev is not None and prev.low in ("a", "one") and nxt is not None and nxt.low == "of" \
                and t.low in lx.FRACTION_WORDS and number.start - 1 >= self.floor:
            # "a fifth of the vote": a fraction, not a rank
            value = Decimal(1) / lx.FRACTION_WORDS[t.low]
            return self.finish(number.start - 1, number.end, "number", value, None, None, None, None, None)
        if t.low == "first" and (prev is not None and prev.low == "at" or nxt is not None and nxt.low == "of"
                                 and self.tok(number.end + 1) is not None and self.tok(number.end + 1).low == "all"):
            return number.end
        if t.low == "second" and prev is not None and prev.low in ("a", "one", "per", "split") \
                and (nxt is None or nxt.kind != "word"):
            return number.end  # "in a second": a moment, not a rank
        if self.glued_letters(number.end):
            return number.end
        end = number.end
        if end + 1 < len(self.tokens) and self.tokens[end].low == "to" and self.tokens[end + 1].low == "last":
            # "second to last": a rank counted from the end, no value of its own
            return self.claim(number.start, end + 2, "ordinal", None)
        return self.claim(number.start, end, "ordinal", number.value)

    def skip_identifier(self, j: int) -> int:
        while j < len(self.tokens) and not self.tokens[j].gap:
            j += 1
        return j

    def compound_duration(self, value: Decimal, unit: str, end: int) -> tuple[Decimal, str, int]:
        """ "an hour and a half", "1 hour thirty", "2 hours and 30 minutes"."""
        extra, k = half_more(self.tokens, end)
        if extra:
            return value + extra, unit, k
        k = end + 1 if end < len(self.tokens) and self.tokens[end].low in ("and", ",") else end
        number = read_number(self.tokens, k) if k < len(self.tokens) else None
        if number is None or number.value is None or number.ordinal:
            return value, unit, end
        found = duration_unit_at(self.tokens, number.end, False)
        smaller = {"hour": ("minute", 60), "minute": ("second", 60), "day": ("hour", 24),
                   "year": ("month", 12), "week": ("day", 7)}.get(unit)
        if smaller is None:
            return value, unit, end
        if found is not None and found[0] == smaller[0]:
            return value * smaller[1] + number.value, smaller[0], found[1]
        if found is None and unit == "hour" and 0 < number.value < 60 and number.end - number.start == 1:
            nxt = self.tok(number.end)
            if nxt is None or nxt.kind != "word":
                return value * 60 + number.value, "minute", number.end
        return value, unit, end

    def compound_measure(self, value: Decimal, unit: str, end: int) -> tuple[Decimal, str, int]:
        """ "7 feet 10 inches", "3m and 5cm": one length in the smaller unit."""
        smaller = _SMALLER_UNITS.get(unit)
        if smaller is None:
            return value, unit, end
        k = end + 1 if end < len(self.tokens) and self.tokens[end].low in ("and", ",") else end
        number = read_number(self.tokens, k) if k < len(self.tokens) else None
        if number is None or number.value is None or number.ordinal or self.tokens[k].kind != "num":
            return value, unit, end
        u = unit_after(self.tokens, number.end)
        if u is None or u.unit != smaller[0]:
            return value, unit, end
        return value * smaller[1] + number.value, smaller[0], u.end

    def range_after(self, j: int, kind: str, unit: Optional[str], low: Optional[Decimal],
                    money_iso: Optional[str] = None) -> Optional[tuple[int, Decimal, Decimal, Optional[Unit]]]:
        """ "X to Y", "X-Y", "X~Y", "X and Y" (after "between") -> (end, low, high, the unit written only
        after the second number: "between 20 and 30 km")."""
        n = len(self.tokens)
        if low is None or j >= n:
            return None
        k = j
        if self.tokens[k].text in _RANGE_DASHES and not self.tokens[k].gap and k + 1 < n \
                and self.tokens[k + 1].low in _RANGE_WORDS:
            k += 1  # "8- to 16-meter"
        c = self.tokens[k]
        between = self.preceded_by(j, ("between",))
        if c.text in _RANGE_DASHES and self.tokens[j - 1].kind != "num" and not money_iso:
            return None  # "three-nought-four": dashes join digits only
        if c.text in _RANGE_DASHES or c.low in _RANGE_WORDS:
            pass
        elif c.low == "and" and between:
            pass
        else:
            return None
        if c.low in _RANGE_WORDS and self.change_context(j):
            return None
        k += 1
        if k >= n:
            return None
        if money_iso is not None or kind == "money":
            found = currency_before(self.tokens, k)
            if found is not None:
                k = found[1]
        elif k < n and self.tokens[k].text in ("~", "≈") or self.tokens[k].low in ("about", "around"):
            k += 1
        if k >= n:
            return None
        second = read_number(self.tokens, k, money=money_iso is not None or kind == "money")
        if second is None and self.tokens[k].text in ("-", "−") and k + 1 < n and not self.tokens[k + 1].gap:
            inner = read_number(self.tokens, k + 1)  # "to -34 °C"
            second = signed(self.tokens, inner) if inner is not None else None
        if second is None or second.value is None or second.ordinal:
            return None
        high = second.value
        end = second.end
        u = unit_after(self.tokens, end)
        shared = None
        if u is not None:
            if kind == "number":
                shared = u
            elif u.unit != unit:
                return None
            high = high * u.factor + u.extra
            end = u.end
        if not low * (shared.factor if shared else 1) < high:
            if shared is not None or not (high < low and self.preceded_by(j, _SPREAD_WORDS)):
                return None
            low, high = high, low  # "temperatures ranged from -18 °C to -34 °C"
        if c.text in _RANGE_DASHES and self.is_year(low) and self.is_year(high):
            return None  # "2015-2020" is the date extractor's
        return end, low, high, shared

    def preceded_by(self, j: int, words: tuple[str, ...]) -> bool:
        """One of ``words`` in the few tokens before the claim that ends at j."""
        k = j - 1
        steps = 0
        while k >= self.floor and steps < 6:
            if self.tokens[k].low in words:
                return True
            k -= 1
            steps += 1
        return False

    def change_context(self, j: int) -> bool:
        k = j - 1
        steps = 0
        while k >= 0 and steps < 6:
            if self.tokens[k].low in lx.CHANGE_WORDS:
                return True
            k -= 1
            steps += 1
        return False

    @staticmethod
    def is_year(v: Decimal) -> bool:
        return v == v.to_integral_value() and 1800 <= v <= 2100


def value_is_fraction(number: Number) -> bool:
    return number.value is not None and number.value != number.value.to_integral_value()


def _tidy(value: Optional[Decimal]) -> Optional[Decimal]:
    """Whole numbers without the trailing zeros of their arithmetic ("500000.0" -> "500000")."""
    if value is None or value != value.to_integral_value():
        return value.normalize() if value is not None and value.as_tuple().exponent < -6 else value
    return Decimal(int(value))


# A claim needs a digit, a sign, or one of these words: a text with none of them is not tokenized at all.
_CUE_SIGNS = re.compile(r"[\d" + re.escape("".join(s for s in _SYMBOLS if len(s) == 1 and s not in "-−~<>≈–")) + "]")
# "a year", "all month", "over the past week", "a drone", "a wave of", "all targets were hit"
_CUE_WORDS = frozenset(_STARTERS - {"a", "an", "the", "over", "during", "throughout", "another", "not"}
                       | set(lx.DURATION_UNITS) | COUNT_CUES)
_WORDS = re.compile(r"[^\W\d_]+")


def _may_hold_a_claim(text: str) -> bool:
    if _CUE_SIGNS.search(text):
        return True
    return not _CUE_WORDS.isdisjoint(_WORDS.findall(text.lower()))


def find_numeric_claims(text: str) -> list[Claim]:
    """Every claim of ``text`` except dates, in order of position."""
    if not _may_hold_a_claim(text):
        return []
    return _Scan(text).run()
