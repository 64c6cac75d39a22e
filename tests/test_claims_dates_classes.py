"""Dates by classes of language, in sentences of our own: which way an open date points, the grain of
"N years ago", deictic words, business periods, spans of time, and composed dates."""
from __future__ import annotations

import re
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fact_review.claims import extract_claims

REF = datetime(2024, 3, 13, 10)  # a Wednesday


def _dates(text, reference=REF):
    return [(c.text, c.kind, c.date if c.kind == "date" else (c.value, c.unit)) for c in extract_claims(text, reference)
            if c.kind in ("date", "duration")]


def _one(text, quote, reference=REF):
    found = [c for c in extract_claims(text, reference) if c.text == quote]
    assert len(found) == 1, _dates(text, reference)
    return found[0]


@pytest.mark.parametrize("text, quote, date", [
    ("The minister said on Tuesday that talks had failed.", "Tuesday", "2024-03-12"),
    ("The committee will meet on Tuesday.", "Tuesday", "2024-03-19"),
    ("Talks resumed on Friday.", "Friday", "2024-03-08"),
    ("Friday at 9am", "Friday at 9am", "2024-03-15T09"),  # standing alone, as in a schedule: the coming one
    ("on 3 October", "3 October", "2024-10-03"),
    ("The deadline is April 2.", "April 2", "2024-04-02"),  # a deadline weeks after the report: same year
    ("The ship sank on November 30.", "November 30", "2023-11-30"),
])
def test_an_open_date_points_the_way_its_sentence_does(text, quote, date):
    assert _one(text, quote).date == date


def test_a_weekday_with_its_date_tells_the_year():
    assert _one("The vote took place on Sunday, March 12.", "Sunday, March 12", datetime(2024, 1, 5)).date == \
        "2023-03-12"  # 12 March 2023 was a Sunday; in 2024 it is a Tuesday
    assert _one("Polls open Tuesday, March 12.", "Tuesday, March 12", datetime(2024, 1, 5)).date == "2024-03-12"


@pytest.mark.parametrize("text, quote, date", [
    ("The plant closed two years ago.", "two years ago", "2022"),
    ("A decade earlier, the town had no bridge.", "A decade earlier", "2014"),
    ("It opened three days ago.", "three days ago", "2024-03-10"),
    ("The loan is due three years from today.", "three years from today", "2027-03-13"),
])
def test_n_units_ago_at_the_grain_of_its_unit(text, quote, date):
    assert _one(text, quote).date == date


EARNINGS = datetime(1989, 10, 25)  # a report in the fourth quarter, on third-quarter results


@pytest.mark.parametrize("text, quote, date", [
    ("Third-quarter profit fell 5%.", "Third-quarter", "1989-Q3"),
    ("Profit fell in the third quarter.", "the third quarter", "1989-Q3"),
    ("Fourth-quarter sales will rise.", "Fourth-quarter", "1989-Q4"),
    ("First-quarter profit rose sharply.", "First-quarter", "1989-Q1"),  # reported: the latest first quarter
    ("The company expects first-quarter profit to double.", "first-quarter", "1990-Q1"),  # a forecast
    ("Net income rose 12% in the quarter.", "the quarter", "1989-Q3"),  # the quarter just reported
    ("Sales in the quarter will exceed forecasts.", "the quarter", "1989-Q4"),
    ("Revenue grew in the latest quarter.", "the latest quarter", "1989-Q3"),
    ("Revenue grew from the year-earlier quarter.", "year-earlier quarter", "1988-Q3"),
    ("Profit was below year-earlier levels.", "year-earlier", "1988"),
    ("It expects a loss for fiscal 1990.", "fiscal 1990", "1990"),
    ("The FY89 budget was cut.", "FY89", "1989"),
    ("Sales will rise in next year's fourth quarter.", "next year's fourth quarter", "1990-Q4"),
    ("Orders for the 4th qtr 2018 rose.", "the 4th qtr 2018", "2018-Q4"),
    ("Results for 88q4 are due.", "88q4", "1988-Q4"),  # two digits: the century nearest the report
])
def test_business_periods(text, quote, date):
    assert _one(text, quote, EARNINGS).date == date


@pytest.mark.parametrize("text, quote, value, unit", [
    ("Prices doubled in the past three years.", "the past three years", 3, "year"),
    ("The fund will grow over the next five years.", "over the next five years", 5, "year"),
    ("Output fell in the past year.", "the past year", 1, "year"),
    ("Rents rose in the last decade.", "the last decade", 1, "decade"),
    ("The plant will close within 18 months.", "18 months", 18, "month"),
    ("Storms hit the coast in the last 24 hours.", "the last 24 hours", 24, "hour"),
])
def test_the_past_and_next_n_units_measure_time(text, quote, value, unit):
    claim = _one(text, quote)
    assert (claim.kind, claim.value, claim.unit) == ("duration", value, unit)


@pytest.mark.parametrize("text, quote, date", [
    ("Show me sales for past 2 days", "past 2 days", "2024-03-11/2024-03-12"),
    ("I am out next 3 days", "next 3 days", "2024-03-14/2024-03-16"),
    ("bookings for last 2 weeks", "last 2 weeks", "2024-W09/2024-W10"),  # whole weeks before this one
    ("plans for next 3 months", "next 3 months", "2024-04/2024-06"),
    ("figures for last 2 years", "last 2 years", "2022/2023"),
])
def test_bare_periods_are_on_the_calendar(text, quote, date):
    claim = _one(text, quote)
    assert (claim.kind, claim.date) == ("date", date)


def test_the_last_week_of_a_month_is_a_date_not_a_duration():
    claims = extract_claims("Polls close in the last week of September.", REF)
    assert not [c for c in claims if c.kind == "duration"]


@pytest.mark.parametrize("text, quote, date", [
    ("Prices rose recently.", "recently", "PAST_REF"),
    ("In the past, the river flooded every spring.", "the past", "PAST_REF"),
    ("The plant will close soon.", "soon", "FUTURE_REF"),
    ("More cuts are likely in the near future.", "the near future", "FUTURE_REF"),
    ("It is currently closed.", "currently", "PRESENT_REF"),
    ("At the present time, nobody knows.", "At the present time", "PRESENT_REF"),
])
def test_deictic_time_words(text, quote, date):
    assert _one(text, quote, None).date == date
    if date == "PRESENT_REF":
        assert _one(text, quote).date == "2024-03-13"  # the report's day


@pytest.mark.parametrize("text", [
    "They met as soon as possible.", "The future president spoke.", "The future of the plant is unclear.",
    "The files are up to date.",
])
def test_words_that_only_look_deictic(text):
    assert [c for c in extract_claims(text, REF) if c.kind == "date"] == []


@pytest.mark.parametrize("text, quote, unit, qualifier", [
    ("Rents have risen in recent years.", "recent years", "year", None),
    ("The siege went on for months.", "months", "month", None),
    ("The ceasefire collapsed within weeks.", "weeks", "week", None),
    ("A deal came after years of talks.", "years", "year", None),
    ("Prices will stay high in the coming months.", "the coming months", "month", None),
    ("It rained for several days.", "several days", "day", "several"),
])
def test_vague_durations_have_a_unit_and_no_value(text, quote, unit, qualifier):
    claim = _one(text, quote)
    assert (claim.kind, claim.value, claim.unit, claim.qualifier) == ("duration", None, unit, qualifier)


def test_plural_units_after_a_number_or_an_age_are_not_vague():
    assert [(c.text, c.value) for c in extract_claims("She is 30 years old and worked 12 years.", REF)] == [
        ("30 years old", 30), ("12 years", 12)]


@pytest.mark.parametrize("text, quote, date", [
    ("She was born in nineteen ninety-eight.", "nineteen ninety-eight", "1998"),
    ("The mill opened in nineteen oh five.", "nineteen oh five", "1905"),
    ("The law dates from two thousand and eighteen.", "two thousand and eighteen", "2018"),
    ("The games come back in twenty twenty-eight.", "twenty twenty-eight", "2028"),
    ("He was born on twenty five January nineteen eighty six.", "twenty five January nineteen eighty six",
     "1986-01-25"),
    ("They left in October two thousand.", "October two thousand", "2000-10"),
    ("We met on May twenty nine.", "May twenty nine", "2023-05-29"),
    ("Music changed in the nineties.", "the nineties", "199X"),
    ("Phones spread in the two thousands.", "the two thousands", "200X"),
    ("Prices fell in the twenty-tens.", "the twenty-tens", "201X"),
    ("She left on 2 to 7 Feb, two thousand and eighteen.", "2 to 7 Feb, two thousand and eighteen",
     "2018-02-02/2018-02-07"),
])
def test_dates_in_words(text, quote, date):
    assert _one(text, quote).date == date


@pytest.mark.parametrize("text, quote, value", [
    ("Twenty five people came.", "Twenty five people", 25),
    ("It cost two hundred and two thousand dollars.", "two hundred and two thousand dollars", 202000),
    ("Two thousand protesters marched.", "Two thousand protesters", 2000),
])
def test_amounts_in_words_are_not_years(text, quote, value):
    claim = _one(text, quote)
    assert claim.kind in ("number", "money") and claim.value == value


_DATE_WORDS = ["nineteen", "ninety-eight", "oh", "five", "two", "thousand", "and", "eighteen", "twenty", "tens",
               "the", "in", "October", "May", "January", "third", "fourth-quarter", "quarter", "qtr", "18q4",
               "fiscal", "1989", "year-earlier", "latest", "past", "next", "last", "3", "weeks", "months",
               "years", "within", "recent", "recently", "soon", "future", "now", "currently", "ago", "for",
               "several", "days", "coming", ",", ".", "will", "said", "profit", "rose"]
_DATE_FORM = re.compile(r"^(?:[\dX]{4}(?:-[\dX]{2}(?:-[\dX]{2})?|-Q[1-4X]|-H[12X]|-W\d\d(?:-WE)?)?(?:T\S+)?|\d{3}X|"
                        r"\d{2}XX|PRESENT_REF|PAST_REF|FUTURE_REF|T\S+|XXXX-WXX-\d\S*|P\S+|FY\S+|SY\S+)$")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_DATE_WORDS), max_size=30).map(" ".join), st.sampled_from([None, REF, EARNINGS]))
def test_new_date_forms_on_random_word_soup(text, reference):
    for claim in extract_claims(text, reference):
        assert text[claim.start:claim.end] == claim.text
        if claim.kind == "date":
            assert all(_DATE_FORM.match(part) for part in claim.date.split("/")), claim


@pytest.mark.parametrize("text, quote, date", [
    ("Bids close on the last day of October 2015.", "the last day of October 2015", "2015-10-31"),
    ("Talks resume in the first week of October 2014.", "the first week of October 2014", "2014-W40"),
    ("It peaked in the last week of September 2014.", "the last week of September 2014", "2014-W39"),
    ("They leave in the third month of 2021.", "the third month of 2021", "2021-03"),
    ("Rooms are booked for the first 2 weeks of 2021.", "the first 2 weeks of 2021", "2021-W01/2021-W02"),
    ("Sales peak in the last 10 days of May.", "the last 10 days of May", "2024-05-22/2024-05-31"),
    ("Fans meet on the last weekend of October 2017.", "the last weekend of October 2017", "2017-W43-WE"),
    ("The board meets on the first Monday of next month.", "the first Monday of next month", "2024-04-01"),
])
def test_parts_of_a_period(text, quote, date):
    assert _one(text, quote).date == date


@pytest.mark.parametrize("text, quote, date", [
    ("Trading resumes at 1030 GMT.", "1030 GMT", "2024-03-13T10:30"),
    ("The curfew starts at 2200 local time.", "2200 local time", "2024-03-13T22:00"),
    ("The shop opens at ten thirty am.", "ten thirty am", "2024-03-13T10:30"),
    ("Reports are due by EOD.", "by EOD", "2024-03-13"),
    ("Sales will recover by EOY.", "by EOY", "2024-03-13/2024-12-31"),  # a deadline: from the report on
    ("Markets stay shut for the rest of the week.", "the rest of the week", "2024-03-13/2024-03-17"),
    ("The deal closed last month and 3 weeks later it collapsed.", "3 weeks later", "2024-04-03"),
    ("He hopes to repay the loan in 3 years.", "in 3 years", "2027-03-13"),
    ("Fees are reviewed each quarter.", "each quarter", "P3M"),
    ("Guards patrol every morning.", "every morning", "XXXX-XX-XXTMO"),
])
def test_times_abbreviations_and_recurrences(text, quote, date):
    assert _one(text, quote).date == date


@pytest.mark.parametrize("text", [
    "Protesters gathered at 1600 Pennsylvania Avenue.", "The plane flew at 1200 feet.", "The boy ran home.",
    "The vote was 1030 to 20.",
])
def test_numbers_that_only_look_like_times(text):
    assert not [c for c in extract_claims(text, REF) if c.kind == "date" and "T" in (c.date or "")]


@pytest.mark.parametrize("text, quote, date", [
    ("Profits will rise this yr.", "this yr", "2024"),
    ("Crops failed this season.", "this season", "2024-SP"),  # mid-March: meteorological spring
    ("Snow fell heavily last season.", "last season", "2023-WI"),
    ("Sales slowed at the end of past week.", "the end of past week", "2024-03-08/2024-03-10"),
    ("The talks resume at 15h.", "15h", "2024-03-13T15:00"),
    ("The ferry leaves at 330 p.m.", "330 p.m.", "2024-03-13T15:30"),
    ("The board met on 14 nov, officials said.", "14 nov", "2023-11-14"),
    ("Help will arrive in about half an hour.", "in about half an hour", "2024-03-13T10:30"),
])
def test_abbreviated_and_compact_dates(text, quote, date):
    assert _one(text, quote).date == date


def test_a_flight_of_15h_is_a_duration():
    (claim,) = extract_claims("It was a 15h flight.", REF)
    assert (claim.kind, claim.value, claim.unit) == ("duration", 15, "hour")


@pytest.mark.parametrize("text, quote, date", [
    ("The hearing runs from 2pm for 2 hours.", "from 2pm for 2 hours", "2024-03-13T14/2024-03-13T16:00"),
    ("It lasts for 2.5 hours from 9.", "for 2.5 hours from 9", "2024-03-13T09/2024-03-13T11:30"),
    ("Shops close for Lunar New Year 2024.", "Lunar New Year 2024", "2024-02-10"),
    ("Sales dipped over the last Chinese New Year.", "last Chinese New Year", "2024-02-10"),
])
def test_spans_from_a_time_and_lunar_new_year(text, quote, date):
    assert _one(text, quote).date == date


@pytest.mark.parametrize("text, quote, kind, value", [
    ("He will retire in 15 years.", "in 15 years", "date", "2039-03-13"),
    ("Prices are the highest in 15 years.", "15 years", "duration", 15),
    ("It was the first time in 15 years that prices fell.", "15 years", "duration", 15),
])
def test_in_n_years_is_a_date_or_a_duration_by_its_sentence(text, quote, kind, value):
    claim = _one(text, quote)
    assert claim.kind == kind and (claim.date if kind == "date" else claim.value) == value


def test_a_temperature_below_zero_is_negative():
    (claim,) = extract_claims("It was 2 degrees below zero.", REF)
    assert (claim.text, claim.value) == ("2 degrees below zero", -2)


@pytest.mark.parametrize("text, quote, date", [
    ("The vote is at the end of April.", "the end of April", "2024-04-21/2024-04-30"),
    ("Prices peaked in mid-March.", "mid-March", "2024-03-11/2024-03-20"),
    ("Work starts at the beginning of next month.", "the beginning of next month", "2024-04-01/2024-04-10"),
    ("Talks stalled at the end of last week.", "the end of last week", "2024-03-08/2024-03-10"),
    ("Sales rose at the beginning of the year.", "the beginning of the year", "2024-01/2024-03"),
    ("Pay the bill by the end of the month.", "by the end of the month", "2024-03-13/2024-03-31"),
    ("The range is from the end of March to the middle of September.",
     "the end of March to the middle of September", "2024-03-21/2024-09-20"),
    ("Prices rose late last year.", "late last year", "2023"),  # "late" keeps the whole year, as news annotation does
])
def test_parts_named_by_beginning_middle_and_end(text, quote, date):
    assert _one(text, quote).date == date
