"""The two real sample reports (read from ../shared at test time, never copied): linked statements and
the overnight-strike figures of the second report checked against each other."""
from __future__ import annotations

from pathlib import Path

import pytest

from fact_review.articles import read_article
from fact_review.model import CaseAnalysis
from fact_review.pipeline import analyse_case

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
FIRST, SECOND = SAMPLES / "000_1fbdd9b1a59a0ed6.txt", SAMPLES / "004_3d51d1e124bc594f.txt"

pytestmark = pytest.mark.skipif(not (FIRST.exists() and SECOND.exists()), reason="../shared/samples is absent")


@pytest.fixture(scope="module")
def case() -> CaseAnalysis:
    return analyse_case([read_article(FIRST), read_article(SECOND)])


def linked_texts(case: CaseAnalysis) -> list[tuple[str, str]]:
    texts = [a.article.text for a in case.articles]
    return [(texts[m.a.article][m.a.start:m.a.end], texts[m.b.article][m.b.start:m.b.end]) for m in case.matches]


def test_the_drone_attack_on_the_helicopter_is_linked_across_the_reports(case):
    assert any("helicopter" in a and "drone" in b.lower() for a, b in linked_texts(case))


def test_russia_declaring_control_over_kursk_is_linked_across_the_reports(case):
    assert any(("control over Kursk" in a or "pushed back" in a) and "liberation" in b for a, b in linked_texts(case))


def checks_with(case: CaseAnalysis, kind: str, *quotes: str):
    return [c for c in case.checks if c.kind == kind and all(any(q in x.claim.text for x in c.claims) for q in quotes)]


def test_parts_of_the_overnight_strike_add_up_to_the_stated_total(case):
    (check,) = checks_with(case, "sum", "367", "69", "298")
    assert check.status == "agree"
    assert {c.article for c in check.claims} == {1}


def test_almost_300_drones_is_compatible_with_298(case):
    (check,) = checks_with(case, "value", "300", "298")
    assert check.status == "compatible"


def test_70_missiles_against_69_is_a_near_disagreement_with_its_relative_difference(case):
    (check,) = checks_with(case, "value", "70 missiles", "69 missiles")
    assert check.status == "conflict"
    assert "1.4%" in check.explanation
