"""The two sample reports, read as the app reads them (the dateline dates the report): every claim a
fact-checker would check, with its value, counted noun, qualifier, interval or resolved date, and every
context claim (dateline, the report's own day, "now", idioms, streaks, tweet timestamps) found but not worth
checking. Nothing else is highlighted. The text is read at test time."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from fact_review.articles import read_article
from fact_review.claims import extract_claims
from fact_review.pipeline import reference_time

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is absent")

# (quote, kind, value, noun, qualifier, low, high, date) of the claims worth checking, in reading order
PUTIN_REPORT = [
    ("a Ukrainian drone", "number", 1, "Ukrainian drone", None, None, None, None),
    ("first", "ordinal", 1, None, None, None, None, None),  # "his first [visit] since ..."
    ("April 2024", "date", None, None, None, None, None, "2024-04"),
    ("A drone", "number", 1, "drone", None, None, None, None),
    ("No injuries or damages", "number", 0, "injuries or damages", None, None, None, None),
    ("August 2024", "date", None, None, None, None, None, "2024-08"),
    ("April 26", "date", None, None, None, None, None, "XXXX-04-26"),  # the report has no date
]
STRIKES_REPORT = [
    ("last week", "date", None, None, None, None, None, "2025-W20"),
    ("6+ months", "duration", 6, None, "at least", 6, None, None),
    ("a wave of drones", "number", None, "drones", "many", 2, None, None),
    ("Tuesday", "date", None, None, None, None, None, "2025-05-20"),
    ("last August", "date", None, None, None, None, None, "2024-08"),
    ("all aerial targets", "number", None, "aerial targets", "all", 1, None, None),
    ("multiple hundreds", "number", None, None, "multiple hundreds", 200, None, None),
    ("over the past week", "duration", 1, None, None, None, None, None),
    ("May 25", "date", None, None, None, None, None, "2025-05-25"),
    ("12 people", "number", 12, "people", None, None, None, None),
    ("three children", "number", 3, "children", None, None, None, None),
    ("more than 60", "number", 60, None, "more than", 60, None, None),
    ("69 missiles", "number", 69, "missiles", None, None, None, None),
    ("298 drones", "number", 298, "drones", None, None, None, None),
    ("45 cruise missiles", "number", 45, "cruise missiles", None, None, None, None),
    ("266 drones", "number", 266, "drones", None, None, None, None),
    ("22 locations", "number", 22, "locations", None, None, None, None),
    ("one night", "duration", 1, None, None, None, None, None),
    ("the last Sunday in May", "date", None, None, None, None, None, "2025-05-25"),
    ("Almost 300 Shahed drones", "number", 300, "Shahed drones", "almost", 270, 300, None),
    ("70 missiles", "number", 70, "missiles", None, None, None, None),
    ("367 drones and missiles", "number", 367, "drones and missiles", None, None, None, None),
    ("more than three-years-long", "duration", 3, None, "more than", 3, None, None),
    ("2022", "date", None, None, None, None, None, "2022"),
    ("a week ago", "date", None, None, None, None, None, "2025-05-18"),
    ("two settlements", "number", 2, "settlements", None, None, None, None),
    ("one", "number", 1, None, None, None, None, None),  # "as well as one [settlement] in ... Sumy"
    ("Saturday", "date", None, None, None, None, None, "2025-05-24"),
    ("three more settlements", "number", 3, "settlements", None, None, None, None),
]
# (quote, why) of the context claims, in reading order
PUTIN_CONTEXT = [("now", "the time of writing")]
STRIKES_CONTEXT = [
    ("2025-05-25", "the report's dateline"),
    ("Sunday", "the report's own day"),
    ("first", "an idiom"),  # "for the first time since ..."
    ("Sunday", "the report's own day"),
    ("Sunday", "the report's own day"),
    ("May 25, 2025", "timestamp of an embedded post"),
    ("overnight", "the report's own day"),
    ("second", "a streak, not a count"),  # "a second straight night"
    ("overnight", "the report's own day"),
    ("overnight", "the report's own day"),
    ("overnight", "the report's own day"),
    ("May 25, 2025", "timestamp of an embedded post"),
]


def _claims(prefix: str):
    article = read_article(next(SAMPLES.glob(f"{prefix}_*.txt")))
    return article, extract_claims(article.text, reference_time(article))


def _row(claim):
    return (claim.text, claim.kind, claim.value, claim.noun, claim.qualifier, claim.low, claim.high, claim.date)


def _expected(rows):
    def dec(x):
        return None if x is None else Decimal(x)

    return [(q, k, dec(v), n, ql, dec(lo), dec(hi), d) for q, k, v, n, ql, lo, hi, d in rows]


@pytest.mark.parametrize("prefix, worth, context", [
    ("000", PUTIN_REPORT, PUTIN_CONTEXT),
    ("004", STRIKES_REPORT, STRIKES_CONTEXT),
])
def test_every_claim_of_the_samples(prefix, worth, context):
    _, claims = _claims(prefix)
    assert [_row(c) for c in claims if c.check_worthy] == _expected(worth)
    assert [(c.text, c.why) for c in claims if not c.check_worthy] == context


def test_the_strikes_report_is_dated_by_its_dateline():
    article, _ = _claims("004")
    assert article.published == "2025-05-25"


def test_count_words_of_the_samples():
    """The reports disagree on how many drones went for the helicopter: one against a wave."""
    _, putin = _claims("000")
    _, strikes = _claims("004")
    drones = [c for c in putin if c.noun in ("drone", "Ukrainian drone")]
    assert [(c.value, c.low, c.high) for c in drones] == [(1, None, None), (1, None, None)]
    (wave,) = [c for c in strikes if c.text == "a wave of drones"]
    assert (wave.value, wave.low, wave.high, wave.qualifier) == (None, 2, None, "many")
    (injuries,) = [c for c in putin if c.text.startswith("No injuries")]
    assert (injuries.value, injuries.low, injuries.high) == (0, None, None)


def test_traps_give_no_claim():
    article, claims = _claims("004")
    for trap in ("Russia 1", "pic.twitter.com", "one of the", "a direct strike", "a massive Ukrainian drone attack",
                 "By all appearances", "largest single attack"):
        at = article.text.index(trap)
        inside = [c for c in claims if c.start < at + len(trap) and at < c.end and c.kind != "date"]
        assert not inside, (trap, inside)


def test_spans_are_exact_slices_and_dates_own_their_digits():
    for prefix in ("000", "004"):
        article, claims = _claims(prefix)
        for c in claims:
            assert article.text[c.start:c.end] == c.text
        dates = [c for c in claims if c.kind == "date"]
        for c in claims:
            if c.kind != "date":
                assert not [d for d in dates if d.start < c.end and c.start < d.end], c

