"""Numeric claims on text written for these tests: values, kinds, units, nouns, qualifiers, intervals."""
from __future__ import annotations

from decimal import Decimal

import pytest

from fact_review.claims import extract_claims
from fact_review.claims.scanner import find_numeric_claims


def one(text: str):
    claims = find_numeric_claims(text)
    assert len(claims) == 1, [(c.text, c.kind) for c in claims]
    return claims[0]


@pytest.mark.parametrize("text,kind,value,unit", [
    ("The fund holds 1,200 shares.", "number", "1200", None),
    ("It grew 3.5 points.", "number", "3.5", None),
    ("A city of 1.5 million residents.", "number", "1500000", None),
    ("The deal is worth $15.6bn in total.", "money", "15600000000", "USD"),
    ("Brussels pledged €50bn.", "money", "50000000000", "EUR"),
    ("Brussels pledged EUR 50bn.", "money", "50000000000", "EUR"),
    ("They paid 20 million pounds for it.", "money", "20000000", "GBP"),
    ("A loan of 300 Canadian dollars.", "money", "300", "CAD"),
    ("Prices rose 7.2% last year.", "percent", "7.2", "%"),
    ("Turnout was 64 per cent.", "percent", "64", "%"),
    ("The march covered 12 km.", "quantity", "12", "km"),
    ("The tanker carried 16,000 metric tons.", "quantity", "16000", "metric ton"),
    ("It reached 40 degrees celsius.", "quantity", "40", "°C"),
    ("The talks lasted two hours.", "duration", "2", "hour"),
    ("They waited half an hour.", "duration", "0.5", "hour"),
    ("The siege lasted an hour and a half.", "duration", "1.5", "hour"),
    ("Jobs will go over the next two years.", "duration", "2", "year"),
    ("Talks ran over the past year and a half.", "duration", "1.5", "year"),
    ("A twelve-year-old boy.", "quantity", "12", "year"),
    ("She finished twenty-first.", "ordinal", "21", None),
    ("He came 3rd.", "ordinal", "3", None),
    ("Twelve were rescued.", "number", "12", None),
    ("They found a dozen.", "number", "12", None),
    ("Half a million fled.", "number", "500000", None),
    ("It cost a hundred thousand.", "number", "100000", None),
    ("The bid was $1.5-billion.", "money", "1500000000", "USD"),
    ("It costs 3 dollars and 14 cents.", "money", "3.14", "USD"),
    ("Bread rose 12 cents.", "money", "12", "cent"),
    ("Notes of 20 € were found.", "money", "20", "EUR"),
    ("Sales grew 5pc.", "percent", "5", "%"),
    ("A fifth of voters stayed home.", "number", "0.2", None),
    ("They waited three quarters of an hour.", "duration", "0.75", "hour"),
    ("The wall is 7 feet 10 inches tall.", "quantity", "94", "in"),
    ("Add ½ teaspoon of salt.", "quantity", "0.5", "tsp"),
    ("Some 3m people fled.", "number", "3000000", None),
    ("The wall is 3m tall.", "quantity", "3", "m"),
])
def test_kinds_values_units(text, kind, value, unit):
    c = one(text)
    assert (c.kind, c.value, c.unit) == (kind, Decimal(value), unit)
    assert text[c.start:c.end] == c.text


@pytest.mark.parametrize("text,qualifier,low,high", [
    ("Nearly 400 homes flooded.", "almost", "360", "400"),
    ("About 50 boats left.", "about", "45", "55"),
    ("Around 50 boats left.", "about", "45", "55"),
    ("More than 60 were hurt.", "more than", "60", None),
    ("Over 60 were hurt.", "more than", "60", None),
    ("At least 8 died.", "at least", "8", None),
    ("Up to 700 jobs go.", "up to", None, "700"),
    ("Fewer than 10 remain.", "fewer than", None, "10"),
    ("Under 10 remain.", "fewer than", None, "10"),
    ("Between 20 and 30 ships sailed.", "between", "20", "30"),
    ("Some 20 to 30 ships sailed.", "between", "20", "30"),
    ("The 5-8 crew members swam.", "between", "5", "8"),
    ("They stayed 6+ months.", "at least", "6", None),
    ("It drew 100 or more bids.", "at least", "100", None),
])
def test_qualifiers_and_intervals(text, qualifier, low, high):
    c = one(text)
    assert c.qualifier == qualifier
    assert c.low == (None if low is None else Decimal(low))
    assert c.high == (None if high is None else Decimal(high))


@pytest.mark.parametrize("text,noun", [
    ("Officials counted 45 cruise missiles overhead.", "cruise missiles"),
    ("Rescuers saved three children.", "children"),
    ("Rescuers saved 14 fishermen and sailors yesterday.", "fishermen and sailors"),
    ("The storm left 9 dead.", "dead"),
    ("Hundreds of volunteers came.", "volunteers"),
    ("Firms cut 300 more jobs.", "jobs"),
])
def test_counted_nouns(text, noun):
    assert one(text).noun == noun


@pytest.mark.parametrize("text,phrase,low", [
    ("Hundreds gathered outside.", "hundreds", "200"),
    ("Dozens were arrested.", "dozens", "24"),
    ("Tens of thousands marched.", "tens of thousands", "20000"),
    ("They fired multiple hundreds of shells.", "multiple hundreds", "200"),
    ("Several thousand fled.", "several thousand", "2000"),
])
def test_vague_amounts(text, phrase, low):
    c = one(text)
    assert (c.value, c.qualifier, c.low) == (None, phrase, Decimal(low))


@pytest.mark.parametrize("text", [
    "The pilots flew the F-16 and the S-400 stayed silent.",
    "He spoke to Channel 4 in an interview.",
    "It was one of the largest raids.",
    "The blast came as a direct strike on the port.",
    "Watch pic.twitter.com/Ab12Cd34 for the footage.",
    "Details at https://example.org/news/2025/05/25/item-42 today.",
    "She said no one would leave.",
    "Stay in a second.",
    "The Boeing 777F landed.",
    "The meeting starts at 10:30 sharp.",
    "Follow @user123 and #Day7 updates.",
])
def test_traps_give_no_claim(text):
    assert [c for c in find_numeric_claims(text)] == []


@pytest.mark.parametrize("text,expected", [
    ("The field pumps 50,000 barrels a day.", [("quantity", "bbl")]),
    ("She waited a year, then left.", [("duration", "year")]),
    ("Profits doubled a year earlier.", []),
    ("It opens 3 days from Tuesday.", []),
])
def test_rates_and_date_offsets_are_not_durations(text, expected):
    assert [(c.kind, c.unit) for c in find_numeric_claims(text)] == expected


@pytest.mark.parametrize("text", ["He was the penultimate speaker.", "She came second to last.",
                                  "It was the last but one."])
def test_ranks_from_the_end_are_ordinals_without_value(text):
    c = one(text)
    assert (c.kind, c.value) == ("ordinal", None)


def test_lower_and_upper_bound_make_one_interval():
    c = one("Sales were greater than 30 and less than or equal to 40.")
    assert (c.qualifier, c.low, c.high, c.value) == ("between", 30, 40, None)


def test_over_the_past_week_is_a_duration():
    c = one("Strikes came over the past week.")
    assert (c.kind, c.value, c.unit) == ("duration", Decimal(1), "week")


def test_three_years_long_with_qualifier():
    c = one("It was the more than three-years-long conflict.")
    assert (c.kind, c.value, c.unit, c.qualifier, c.low) == ("duration", 3, "year", "more than", 3)


def test_date_wins_over_the_digits_inside_it():
    text = "On March 3, 2024 the council met."
    claims = extract_claims(text)
    assert [c.kind for c in claims] == ["date"]


def test_values_are_exact_decimals():
    c = one("The grant was $0.1bn.")
    assert c.value == Decimal("100000000")
    c = one("It measured 0.3 m.")
    assert str(c.value) == "0.3"


@pytest.mark.parametrize("text, quote, value, noun, qualifier, low, high", [
    ("About a quarter of 8,000 homes were flooded.", "About a quarter of 8,000 homes", 2000, "homes", "about",
     1800, 2200),
    ("Half of the 300 drones were shot down.", "Half of the 300 drones", 150, "drones", None, None, None),
    ("Two-thirds of its 600 staff left.", "Two-thirds of its 600 staff", 400, "staff", None, None, None),
    ("More than half of the 40 villages lost power.", "More than half of the 40 villages", 20, "villages",
     "more than", 20, None),
    ("One in five adults smokes.", "One in five adults", Decimal("0.2"), "adults", None, None, None),
    ("1 in 10 children were hurt.", "1 in 10 children", Decimal("0.1"), "children", None, None, None),
])
def test_shares_of_a_whole_and_proportions(text, quote, value, noun, qualifier, low, high):
    (claim,) = [c for c in extract_claims(text) if c.text == quote]
    assert (claim.value, claim.noun, claim.qualifier, claim.low, claim.high) == (
        _dec(value), noun, qualifier, _dec(low), _dec(high))


def _dec(x):
    return None if x is None else Decimal(x)


@pytest.mark.parametrize("text", ["Half of 2024 was dry.", "One in Kyiv was hit.", "3 in 2024 died."])
def test_no_share_without_a_whole_count(text):
    assert not [c for c in extract_claims(text) if c.value is not None and c.value < 1]


def test_a_spread_written_from_high_to_low_is_one_interval():
    (claim,) = extract_claims("Temperatures ranged from -18 °C to -34 °C.")
    assert (claim.text, claim.low, claim.high, claim.unit) == ("from -18 °C to -34 °C", -34, -18, "°C")


def test_a_change_from_high_to_low_stays_two_figures():
    assert [c.text for c in extract_claims("Sales fell from 50 to 40 units.")] == ["50", "40 units"]


def test_a_duration_in_words_and_minutes():
    (claim,) = extract_claims("The flight took an hour and 45 minutes.")
    assert (claim.value, claim.unit) == (105, "minute")


@pytest.mark.parametrize("text, quote, kind, value, unit", [
    ("Temperatures hit 30C on Sunday.", "30C", "quantity", 30, "°C"),
    ("Overnight it fell to -10C.", "-10C", "quantity", -10, "°C"),
    ("A metric ton is 2,204.62 pounds.", "2,204.62 pounds", "quantity", Decimal("2204.62"), "lb"),
    ("The track runs for that one mile.", "one mile", "quantity", 1, "mile"),
    ("The course lasts three weekends.", "three weekends", "duration", 3, "weekend"),
    ("The plant shut for a full year.", "a full year", "duration", 1, "year"),
    ("She bought a pair of boots.", "a pair of boots", "number", 2, None),
])
def test_measures_counts_and_spans_of_time(text, quote, kind, value, unit):
    (claim,) = [c for c in extract_claims(text) if c.text == quote]
    assert (claim.kind, claim.value, claim.unit) == (kind, Decimal(value), unit)


def test_names_with_a_glued_letter_are_not_temperatures():
    assert not [c for c in extract_claims("The Boeing 777F and the F-16 flew.") if c.kind == "quantity"]


@pytest.mark.parametrize("text, quote", [
    ("I meant the one before the last.", "the one before the last"),
    ("Take the last one.", "the last one"),
])
def test_ranks_counted_from_the_end_are_context(text, quote):
    (claim,) = [c for c in extract_claims(text) if c.text == quote]
    assert (claim.kind, claim.value, claim.check_worthy) == ("ordinal", None, False)
