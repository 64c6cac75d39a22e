"""Parts told with their whole (fact_review.matching.wholes) and reports compared through them."""
from __future__ import annotations

from hypothesis import given, strategies as st

from fact_review.claims import extract_claims
from fact_review.matching.wholes import parts_of_wholes
from fact_review.model import Article
from fact_review.pipeline import analyse_case


def parts(text: str) -> dict[str, str]:
    claims = extract_claims(text)
    return {claims[part].text: claims[whole].text for part, whole in parts_of_wholes(text, 0, claims).items()}


def test_a_part_before_its_whole_and_a_whole_opening_its_clause():
    assert parts("Fishermen rescued 31 of the 40 passengers on board.") == {"31": "40 passengers"}
    assert parts("Of the 40 passengers on board, 25 were rescued by fishermen.") == {"25": "40 passengers"}
    assert parts("Manning completed 29 of 34 passes for 364 yards.") == {"29": "34 passes"}
    assert parts("Police arrested 12 people and 40 passengers were rescued.") == {}


@given(part=st.integers(0, 10_000), whole=st.integers(1, 10_000))
def test_any_part_of_any_whole_is_found(part, whole):
    assert parts(f"Crews rescued {part:,} of the {whole:,} passengers on board.") == {f"{part:,}": f"{whole:,} passengers"}


def checks(first: str, second: str) -> list[tuple[str, list[str]]]:
    case = analyse_case([Article(text=first, published="2025-06-02"), Article(text=second, published="2025-06-02")])
    return [(c.status, [x.claim.text for x in c.claims]) for c in case.checks if c.kind == "value"]


def test_two_reports_of_one_whole_are_compared_through_its_parts():
    told = "Of the 40 passengers on board, 25 were rescued by fishermen off the coast of Pellan."
    assert ("conflict", ["25", "31"]) in checks(told, "Fishermen rescued 31 of the 40 passengers on board off the coast of Pellan.")
    assert ("agree", ["25", "25"]) in checks(told, "Fishermen rescued 25 of the 40 passengers on board off the coast of Pellan.")


def test_parts_of_different_wholes_are_not_compared():
    found = checks("Manning completed 29 of 34 passes for 364 yards in the win over Jacksonville.",
                   "Garrard completed 28 of 41 passes for 329 yards in the loss to Indianapolis.")
    assert not [claims for _, claims in found if "29" in claims or "28" in claims]
