"""Numbers of any length are read or left alone, never raising, and reading them costs time in proportion
to the text: a figure beyond 10^27 ("1e999999", a page of digits) is no statement a report makes."""
from __future__ import annotations

import json
import time
from decimal import Decimal

import pytest
from hypothesis import example, given, settings, strategies as st

from fact_review.claims import extract_claims
from fact_review.claims.numbers import MAX_MAGNITUDE
from fact_review.model import json_number

_digits = st.text("0123456789", min_size=1, max_size=60)
_number = st.one_of(
    _digits,
    st.builds(lambda a, b: f"{a}e{b}", _digits, st.integers(-10**6, 10**6)),
    st.builds(lambda a, b: f"{a}/{b}", _digits, _digits),
    st.builds(lambda a, b: f"{a}.{b}", _digits, _digits),
    st.builds(lambda a, b: f"{a}^{b}", _digits, _digits),
    st.builds(lambda n: "1" + ",000" * n, st.integers(0, 30)),
)
_context = st.sampled_from(["{} people", "${}", "{}% of voters", "about {} km", "{} days ago", "{} years later",
                            "between 5 and {} drones", "minus {}", "{} million", "1 {} dollars 50", "{}th"])


@given(_number, _context)
@example("1e999999", "{} people")
@example("1e5000", "${}")
@example("7" * 5000, "1/{}")
@example("7" * 5000, "3 {}/8")
@settings(max_examples=300)
def test_any_number_is_read_within_bounds_or_left_alone(number, context):
    for claim in extract_claims(f"Officials said {context.format(number)} on Monday.", None):
        for value in (claim.value, claim.low, claim.high):
            assert value is None or value.is_zero() or abs(value.adjusted()) <= MAX_MAGNITUDE + 12
            json.dumps(json_number(value))


def test_figures_of_no_report_are_left_alone_and_ordinary_ones_read():
    assert extract_claims("The figure was 1e999999 people.") == []
    assert extract_claims("There were " + "7" * 100_000 + " drones.") == []
    [claim] = extract_claims("Almost 1.5e6 people fled.")
    assert claim.value == Decimal("1.5E+6")
    [claim] = extract_claims("The debt reached 27,000,000,000,000 dollars.")
    assert claim.value == Decimal("27000000000000") and claim.unit == "USD"


@pytest.mark.parametrize("text", ["Growth reached 10^925 units.", "The key has 2^128 values.",
                                  "Scientists counted 10^80 atoms.", "A dose of 7 x 10^-400 grams.",
                                  "The key space is 2^n for n bits."])
def test_a_power_beyond_what_a_claim_holds_is_left_alone_with_its_base(text):
    # "10^925" read as the figure 10 put a number in the report that the text never stated
    assert [claim.text for claim in extract_claims(text)] == []


@pytest.mark.parametrize("text, figure, value", [
    ("A dose of 5 x 10^12 cells.", "5 x 10^12 cells", Decimal("5E12")),
    ("It held 3×10^6 viruses.", "3×10^6 viruses", Decimal("3E6")),
    ("The plant burns 10^6 tonnes a year.", "10^6 tonnes", Decimal("1E6")),
    ("The odds fell to 2.5^-1 after the vote.", "2.5^-1", Decimal("0.4")),
    ("The reading was -2^2 on the dial.", "-2^2", Decimal("-4")),
    ("Losses of -1.5 x 10^3 dollars were booked.", "-1.5 x 10^3 dollars", Decimal("-1500")),
])
def test_a_power_written_out_is_one_figure_with_its_value(text, figure, value):
    [claim] = extract_claims(text)
    assert (claim.text, claim.value) == (figure, value)


@given(st.decimals(min_value=-999, max_value=999, places=2, allow_nan=False), st.integers(-40, 40))
def test_any_power_is_read_exactly_or_left_alone(base, exponent):
    text = f"The figure was {base}^{exponent} that day."
    claims = extract_claims(text)
    assert all(claim.value is None or abs(claim.value.adjusted()) <= 27 for claim in claims)
    whole = [c for c in claims if c.text.endswith(f"^{exponent}")]
    if whole and not base.is_zero():
        assert whole[0].value == (base.copy_sign(1) ** exponent).copy_sign(base)


@pytest.mark.parametrize("value, expected", [
    (Decimal("1E+5000"), None), (Decimal("-1E+400"), None), (Decimal("1E-400"), None), (Decimal("NaN"), None),
    (Decimal("12"), 12), (Decimal("0.5"), 0.5), (Decimal("1E+20"), 10**20),
])
def test_a_stored_value_is_a_json_number_or_null(value, expected):
    assert json_number(value) == expected


def _best_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        extract_claims(text)
        best = min(best, time.perf_counter() - began)
    return best


@pytest.mark.parametrize("run", ["hundred ", "four ", "7", ",000"])
def test_a_storm_of_one_number_word_or_digit_is_read_in_linear_time(run):
    # Read from every position to its end, a run of scale words ("one hundred hundred ...") or digit words
    # after "point" cost time with the square of its length.
    head = "nine point " if run == "four " else "one "
    small, large = head + run * 2_000, head + run * 20_000
    assert _best_seconds(large) < 30 * _best_seconds(small) + 0.05
