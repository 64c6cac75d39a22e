"""The two sample reports: every numeric statement a fact-checker would check is found with its value,
counted noun and qualifier, and the traps in them give no claim. The text is read at test time."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from fact_review.claims import extract_claims

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is absent")


def _claims(prefix: str):
    path = next(SAMPLES.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    return text, extract_claims(text, datetime(2025, 5, 25))


def _found(claims, kind, value, noun=None, qualifier=None, unit=None):
    want = None if value is None else Decimal(value)
    return [c for c in claims if c.kind == kind and c.value == want and c.noun == noun
            and c.qualifier == qualifier and (unit is None or c.unit == unit)]


@pytest.mark.parametrize("kind,value,noun,qualifier,unit", [
    ("number", 12, "people", None, None),
    ("number", 3, "children", None, None),
    ("number", 60, None, "more than", None),
    ("number", 69, "missiles", None, None),
    ("number", 298, "drones", None, None),
    ("number", 45, "cruise missiles", None, None),
    ("number", 266, "drones", None, None),
    ("number", 22, "locations", None, None),
    ("number", 300, "Shahed drones", "almost", None),
    ("number", 70, "missiles", None, None),
    ("number", 367, "drones and missiles", None, None),
    ("number", 2, "settlements", None, None),
    ("number", 3, "settlements", None, None),
    ("duration", 3, None, "more than", "year"),
    ("duration", 6, None, "at least", "month"),
    ("duration", 1, None, None, "week"),
    ("ordinal", 1, None, None, None),
    ("ordinal", 2, None, None, None),
])
def test_zerohedge_report_statements(kind, value, noun, qualifier, unit):
    _, claims = _claims("004")
    assert _found(claims, kind, value, noun, qualifier, unit), [c.text for c in claims]


def test_vague_amount_has_no_value_but_a_lower_bound():
    _, claims = _claims("004")
    vague = [c for c in claims if c.qualifier == "multiple hundreds"]
    assert len(vague) == 1 and vague[0].value is None and vague[0].low == 200


def test_intervals_of_qualified_counts():
    _, claims = _claims("004")
    (almost,) = _found(claims, "number", 300, "Shahed drones", "almost")
    assert (almost.low, almost.high) == (Decimal(270), Decimal(300))
    (more,) = _found(claims, "number", 60, None, "more than")
    assert (more.low, more.high) == (Decimal(60), None)


def test_traps_give_no_claim():
    text, claims = _claims("004")
    for trap in ("Russia 1", "pic.twitter.com", "one of the", "a direct strike"):
        at = text.index(trap)
        inside = [c for c in claims if c.start < at + len(trap) and at < c.end and c.kind != "date"]
        assert not inside, (trap, inside)
    assert not [c for c in claims if c.kind == "duration" and c.value == 1 and c.unit == "second"]


def test_spans_are_exact_slices_and_dates_own_their_digits():
    for prefix in ("000", "004"):
        text, claims = _claims(prefix)
        for c in claims:
            assert text[c.start:c.end] == c.text
        dates = [c for c in claims if c.kind == "date"]
        for c in claims:
            if c.kind != "date":
                assert not [d for d in dates if d.start < c.end and c.start < d.end], c


def test_putin_report_first_visit():
    _, claims = _claims("000")
    assert _found(claims, "ordinal", 1)
    assert not [c for c in claims if c.kind == "number"], [c.text for c in claims if c.kind == "number"]
