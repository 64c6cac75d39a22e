"""Holidays of the lunar and lunisolar calendars and the Orthodox Church, in sentences of our own: the day a
report names by a festival ("shops shut for Diwali 2023") is the day the almanacs give."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fact_review.claims import extract_claims
from fact_review.claims.dates.hindu import FESTIVALS, festival

REF = datetime(2024, 3, 13, 10)


def _date_of(text: str, quote: str, reference=REF) -> str:
    found = [c for c in extract_claims(text, reference) if c.text == quote and c.kind == "date"]
    assert len(found) == 1, [(c.text, c.date) for c in extract_claims(text, reference)]
    return found[0].date


@pytest.mark.parametrize("text, quote, day", [
    ("Gold sales peaked before Diwali 2023, jewellers said.", "Diwali 2023", "2023-11-12"),
    ("Colour powder sold out ahead of Holi 2024.", "Holi 2024", "2024-03-25"),
    ("Buyers queued on Dhanteras 2022 for utensils.", "Dhanteras 2022", "2022-10-22"),  # two days before Diwali
    ("Bonfires were lit for Holika Dahan in 2024.", "Holika Dahan in 2024", "2024-03-24"),  # the eve of Holi
    ("Kerala's boat races returned for Onam 2023.", "Onam 2023", "2023-08-29"),
    ("Idols were immersed after Ganesh Chaturthi 2023.", "Ganesh Chaturthi 2023", "2023-09-19"),
    ("Cattle were washed on Mattu Pongal 2024.", "Mattu Pongal 2024", "2024-01-16"),  # the day after Pongal
    ("The gurdwara was lit for Guru Nanak Jayanti 2023.", "Guru Nanak Jayanti 2023", "2023-11-27"),
    ("Pandals opened for Navratri 2023.", "Navratri 2023", "2023-10-15/2023-10-23"),  # nine nights
])
def test_hindu_sikh_and_jain_festivals_fall_on_their_panchang_day(text, quote, day):
    assert _date_of(text, quote) == day


@pytest.mark.parametrize("text, quote, day", [
    ("Prices rose before Eid al-Fitr 2024.", "Eid al-Fitr 2024", "2024-04-10"),  # Umm al-Qura, as announced
    ("Pilgrims gathered for Eid ul-Adha 2023.", "Eid ul-Adha 2023", "2023-06-28"),
    ("Markets closed for Id-ul-Zuha 2023.", "Id-ul-Zuha 2023", "2023-06-28"),
    ("Families met for the Feast of the Sacrifice 2023.", "Feast of the Sacrifice 2023", "2023-06-28"),
    ("Sirens sounded on Yom HaShoah 2024.", "Yom HaShoah 2024", "2024-05-05/2024-05-06"),  # 27 Nisan was a Sunday
    ("Kites flew on Clean Monday 2024.", "Clean Monday 2024", "2024-03-18"),  # 48 days before Orthodox Easter
    ("Churches in Athens were full for Orthodox Easter 2025.", "Orthodox Easter 2025", "2025-04-20"),
    ("Offices shut on Civil Rights Day 2024.", "Civil Rights Day 2024", "2024-01-15"),  # MLK Day's other name
    ("Pancakes sold out on Shrove Tuesday 2024.", "Shrove Tuesday 2024", "2024-02-13"),
])
def test_islamic_jewish_and_orthodox_holidays_and_other_names(text, quote, day):
    assert _date_of(text, quote) == day


def test_a_festival_without_its_year_is_the_one_of_the_reports_year():
    assert _date_of("Shops will stay open late for Diwali.", "Diwali") == "2024-10-31"


def test_a_festival_outside_the_almanacs_years_has_no_day():
    claims = extract_claims("The town's Diwali in 1975 was quiet.", REF)
    assert [c.date for c in claims if c.kind == "date"] == ["1975"]  # the year, not an invented day


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(FESTIVALS)), st.integers(1990, 2045))
def test_every_festival_name_gives_a_day_in_its_year_or_none(name, year):
    value = festival(name, year)
    if 2001 <= year <= 2035:
        assert value is not None
    if value is not None:
        day = date(value.year, value.month, value.day)
        assert abs(day.year - year) <= 1 and day.month in range(1, 13)
    # and the finder reads the name as written, in any case, with its year
    found = [c.date for c in extract_claims(f"They met on {name.title()} {year}.", REF) if c.kind == "date"]
    assert found and all(d.startswith(str(year)) for d in found)


@pytest.mark.parametrize("text, quote, day", [
    ("Lamps were lit on Choti Diwali two thousand nineteen.", "Choti Diwali two thousand nineteen", "2019-10-26"),
    ("The fast began with Ramadan nineteen seventy-seven.", "Ramadan nineteen seventy-seven", "1977-08-15/1977-09-13"),
    ("Snow fell on Christmas, 2010.", "Christmas, 2010", "2010-12-25"),
])
def test_a_holiday_takes_the_year_written_after_it(text, quote, day):
    assert _date_of(text, quote) == day
