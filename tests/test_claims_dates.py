"""Date claims: what ``find_dates`` finds, how it resolves against the article date, and the traps it avoids."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fact_review.claims.dates import find_dates

SUNDAY = datetime(2025, 5, 25, 9, 0)  # a Sunday
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def dates(text: str, reference: datetime | None = SUNDAY) -> dict[str, str]:
    return {c.text: c.date for c in find_dates(text, reference)}


@pytest.mark.parametrize("text, surface, expected", [
    ("The strike happened on May 25, 2025 in the city.", "May 25, 2025", "2025-05-25"),
    ("Officials met on 25 May 2025 to talk.", "25 May 2025", "2025-05-25"),
    ("The file is dated 2025-05-25.", "2025-05-25", "2025-05-25"),
    ("They left in April 2024 for good.", "April 2024", "2024-04"),
    ("The war began in 2022.", "2022", "2022"),
    ("Prices doubled in the 1990s.", "the 1990s", "199X"),
    ("Sales fell in the third quarter of 2023.", "the third quarter of 2023", "2023-Q3"),
    ("The report came out on 03/14/2021.", "03/14/2021", "2021-03-14"),
    ("The parade is on the fourth of July 1995.", "the fourth of July 1995", "1995-07-04"),
    ("The order is dated 2015/08/12.", "2015/08/12", "2015-08-12"),
    ("On May 25, 2025, officials said so.", "May 25, 2025", "2025-05-25"),
    ("In March 2020, schools closed.", "March 2020", "2020-03"),
    ("Music of the eighties returned.", "the eighties", "198X"),
])
def test_absolute_dates(text: str, surface: str, expected: str) -> None:
    assert dates(text, None)[surface] == expected
    assert dates(text)[surface] == expected


@pytest.mark.parametrize("text, surface, expected", [
    ("Russia took the town on April 26, officials said.", "April 26", "XXXX-04-26"),
    ("The talks were held on Tuesday.", "Tuesday", "XXXX-WXX-2"),
    ("It ended last week.", "last week", "XXXX-WXX"),
    ("He arrived yesterday.", "yesterday", "XXXX-XX-XX"),
])
def test_without_a_reference_unknown_parts_are_x(text: str, surface: str, expected: str) -> None:
    assert dates(text, None)[surface] == expected


@pytest.mark.parametrize("text, surface, expected", [
    ("He arrived yesterday.", "yesterday", "2025-05-24"),
    ("Markets are closed today.", "today", "2025-05-25"),
    ("The drones came overnight.", "overnight", "2025-05-25"),
    ("It ended last week.", "last week", "2025-W20"),
    ("Results are due next month.", "next month", "2025-06"),
    ("The deal was signed two days ago.", "two days ago", "2025-05-23"),
    ("Growth slowed this year.", "this year", "2025"),
    ("Fighting resumed earlier this month.", "earlier this month", "2025-05"),
    ("The incursion of last August failed.", "last August", "2024-08"),
    ("The attack was on Tuesday.", "Tuesday", "2025-05-20"),
    ("The summit will open on Tuesday.", "Tuesday", "2025-05-27"),
    ("The vote will be held on Tuesday, officials said.", "Tuesday", "2025-05-27"),
    ("The talks on Tuesday failed, officials said.", "Tuesday", "2025-05-20"),
    ("He told reporters on Monday that he will run.", "Monday", "2025-05-19"),
    ("The plan, announced in November, would take effect in April.", "April", "2026-04"),
    ("The plan, announced in November, would take effect in April.", "November", "2024-11"),
    ("Russia took the town on April 26, officials said.", "April 26", "2025-04-26"),
    ("Sirens sounded last night.", "last night", "2025-05-24TNI"),
    ("Talks resume next Monday.", "next Monday", "2025-05-26"),
    ("Profit fell from a year earlier.", "a year earlier", "2024"),  # at the grain of its unit
    ("Sales for the year rose.", "the year", "2025"),
    ("The deal closed over the weekend.", "over the weekend", "2025-W21-WE"),
    ("Third-quarter profit rose.", "Third-quarter", "2024-Q3"),  # reported in May 2025: the latest third quarter
    ("Sales will recover in the second half.", "the second half", "2025-H2"),
    ("Profit will recover by year-end.", "by year-end", "2025-05-25/2025-12-31"),  # a deadline
    ("He graduated in '87.", "'87", "1987"),
    ("We met at Christmas.", "Christmas", "2024-12-25"),
    ("Shops close three days before Christmas.", "three days before Christmas", "2025-12-22"),
    ("It ended two weeks after May 1, 2024.", "two weeks after May 1, 2024", "2024-05-15"),
    ("We will meet at Christmas.", "Christmas", "2025-12-25"),
    ("Christmas", "Christmas", "2025-12-25"),
    ("Fasting ends with Ramadan 2025.", "Ramadan 2025", "2025-03-01/2025-03-30"),
    ("The vote is on the last Sunday in May.", "the last Sunday in May", "2025-05-25"),
])
def test_relative_dates_resolve_against_the_reference(text: str, surface: str, expected: str) -> None:
    assert dates(text)[surface] == expected


@pytest.mark.parametrize("text, surface, expected", [
    ("The blast came at 3pm on Monday.", "3pm on Monday", "2025-05-19T15"),
    ("Polls close at 15:30.", "15:30", "2025-05-25T15:30"),
    ("The council meets at noon.", "noon", "2025-05-25T12"),
    ("Sirens sounded on Monday morning.", "Monday morning", "2025-05-19TMO"),
    ("He speaks tomorrow at 7.", "tomorrow at 7", "2025-05-26T07"),
    ("Missiles hit at 2:30 a.m. local time.", "2:30 a.m.", "2025-05-25T02:30"),
    ("The curfew starts at midnight.", "midnight", "2025-05-25T24"),
    ("Last modified on 25 May 2025 14.03 BST.", "25 May 2025 14.03", "2025-05-25T14:03"),
])
def test_times_of_day(text: str, surface: str, expected: str) -> None:
    assert dates(text)[surface] == expected


@pytest.mark.parametrize("text, surface, expected", [
    ("The festival runs July 13-15.", "July 13-15", "2025-07-13/2025-07-15"),
    ("Shops open from Monday to Friday.", "Monday to Friday", "2025-05-19/2025-05-23"),
    ("The meeting is 1pm-2pm tomorrow.", "1pm-2pm tomorrow", "2025-05-26T13/2025-05-26T14"),
    ("The project ran 2010-2015.", "2010-2015", "2010/2015"),
    ("Talks ran May 20–25.", "May 20–25", "2025-05-20/2025-05-25"),
    ("Leave runs 10/1-11/7.", "10/1-11/7", "2025-10-01/2025-11-07"),
    ("It closed between May 20 and 25.", "May 20 and 25", "2025-05-20/2025-05-25"),
])
def test_ranges(text: str, surface: str, expected: str) -> None:
    assert dates(text)[surface] == expected


@pytest.mark.parametrize("text", [
    "Prices may rise again, and they may fall.",
    "Thousands march through the capital.",
    "Wait a second, he said.",
    "The regiment lost 60 soldiers.",
    "He told Russia 1 in an interview.",
    "The factory makes 2000 pieces a day.",
    "Version 1.2.34 fixed it.",
    "Release 2020.1.1 fixed it.",
    "Shares rose 14.03 percent.",
    "They had to march 10 miles.",
    "It won 3/4-2/3 of the votes.",
    "I will be back in a second.",
    "A town with a population of 2021 people.",
    "The ratio is 4:3 on the screen.",
    "He was named person of the year.",
    "Daily life goes on.",
    "June Carter sang. April Ryan asked.",
    "He scored in the second half of the match.",
])
def test_traps_are_not_dates(text: str) -> None:
    assert dates(text) == {}


def test_recurrences_keep_their_pattern() -> None:
    assert dates("Shops close on Sundays and open each Monday at 4pm.") == {
        "Sundays": "XXXX-WXX-7", "each Monday at 4pm": "XXXX-WXX-1T16"}
    assert dates("The paper appears weekly.") == {"weekly": "P1W"}
    assert dates("The market opens Sunday mornings.") == {"Sunday mornings": "XXXX-WXX-7TMO"}


def test_newspaper_names_are_not_weekdays() -> None:
    found = dates("The Sunday Times reported it on Sunday.")
    assert list(found.values()) == ["2025-05-25"]
    assert [c.start for c in find_dates("The Sunday Times reported it on Sunday.", SUNDAY)] == [32]


def test_an_ordinal_before_a_noun_is_no_day_of_the_month() -> None:
    assert dates("He won on Tuesday the second round.") == {"Tuesday": "2025-05-20"}
    assert dates("They meet on Tuesday the 3rd at noon.") == {"Tuesday the 3rd at noon": "2025-05-03T12"}


def test_a_modal_may_next_to_a_date_is_ignored() -> None:
    assert dates("Rates may rise in May 2026.") == {"May 2026": "2026-05"}


def test_durations_are_left_to_the_duration_finder() -> None:
    assert dates("Fighting went on for three years and over the past week.") == {}


_WORDS = ["May", "may", "March", "march", "Tuesday", "last", "next", "week", "month", "year", "ago", "two", "days",
          "in", "on", "at", "3pm", "15:30", "2024", "2025-05-25", "25", "April", "the", "1990s", "overnight",
          "tonight", "yesterday", "morning", "-", "to", "from", "between", "and", ",", "12/31/2024", "Q3", "noon",
          "summer", "this", "earlier", "of", "a", "second", "60", "Russia", "1", "Sunday", "Times"]


_UNKNOWN = re.compile(r"XXXX|-XX|WXX")  # a decade "199X" is a precision, not an unknown part


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14))
def test_spans_are_exact_and_a_reference_leaves_nothing_unknown(words: list[str]) -> None:
    text = " ".join(words)
    for claim in find_dates(text, SUNDAY):
        assert text[claim.start:claim.end] == claim.text
        assert claim.kind == "date" and claim.value is None
        assert claim.date and not _UNKNOWN.search(claim.date), (text, claim)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_random_text_never_crashes(text: str) -> None:
    for claim in find_dates(text, SUNDAY) + find_dates(text, None):
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start:claim.end] == claim.text


@pytest.mark.parametrize("text", [
    "On Tuesday, May 25, 2025 at 3pm, 1,200 people met; " * 400 + "9" * 5000 + " may " * 2000,
    " " * 20000 + "May",  # whitespace runs once made a prefilter quadratic
    "2 days, " * 3000,
    "-".join(["12"] * 3000),
    "at 5 " * 3000,
])
def test_long_and_repetitive_input_is_handled(text: str) -> None:
    for claim in find_dates(text, SUNDAY):
        assert text[claim.start:claim.end] == claim.text


@pytest.mark.parametrize("text", [
    "Christmas 0000 came 9999 decades ago.",
    "They met in week 53 of 2021 on Monday.",
    "99999 years from now, in fiscal 0000.",
])
@pytest.mark.parametrize("reference", [None, SUNDAY, datetime(1, 1, 1), datetime(9999, 12, 31)])
def test_dates_off_the_calendar_are_skipped_not_raised(text: str, reference: datetime | None) -> None:
    for claim in find_dates(text, reference):
        assert text[claim.start:claim.end] == claim.text


def test_a_reference_with_a_time_zone_works() -> None:
    aware = datetime(2025, 5, 25, 10, 0, tzinfo=timezone(timedelta(hours=-2)))
    assert dates("It happened two days ago, on Friday.", aware) == {"two days ago": "2025-05-23", "Friday": "2025-05-23"}


def _sample_with_date_marker() -> tuple[str, datetime] | None:
    samples = SHARED / "samples"
    if not samples.is_dir():
        return None
    for path in sorted(samples.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        marker = re.match(r"\s*date (\d{4})-(\d{2})-(\d{2})", text)
        if marker:
            return text, datetime(*map(int, marker.groups()))
    return None


def test_sample_dates_resolve_against_the_article_date() -> None:
    found = _sample_with_date_marker()
    if found is None:
        pytest.skip("../shared/samples is not available")
    text, published = found
    assert published == datetime(2025, 5, 25)
    resolved: dict[str, set[str]] = {}
    for claim in find_dates(text, published):
        resolved.setdefault(claim.text, set()).add(claim.date)
    assert resolved["May 25, 2025"] == {"2025-05-25"}
    assert resolved["Tuesday"] == {"2025-05-20"}
    assert resolved["last week"] == {"2025-W20"}
    assert resolved["last August"] == {"2024-08"}
    assert resolved["overnight"] == {"2025-05-25"}
    assert resolved["Sunday"] == {"2025-05-25"}


def test_sample_without_a_date_keeps_unknown_years_open() -> None:
    samples = SHARED / "samples"
    if not samples.is_dir():
        pytest.skip("../shared/samples is not available")
    undated = [p.read_text(encoding="utf-8") for p in sorted(samples.glob("*.txt"))]
    undated = [t for t in undated if not re.match(r"\s*date \d{4}-", t)]
    if not undated:
        pytest.skip("no undated sample")
    resolved = {c.text: c.date for text in undated for c in find_dates(text, None)}
    assert resolved.get("April 26") == "XXXX-04-26"
    assert resolved.get("April 2024") == "2024-04"
    assert resolved.get("August 2024") == "2024-08"
