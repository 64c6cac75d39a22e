"""Facts in the database: stored with their claims and statuses at every import, and the reviewer's
splits and merges kept across re-imports (the real pipeline, an in-memory database)."""
from __future__ import annotations

import pytest

from fact_review.errors import InputError
from fact_review.model import Article
from fact_review.store import open_service

FIRST = "Rebels fired 70 rockets at the port of Varna overnight, the harbour master said.\nTwo ships burned."
SECOND = "Rebels fired 69 rockets at the port of Varna overnight, officials said.\nTraffic was halted."


def article(text: str, path: str) -> Article:
    return Article(text=text, path=path, published="2024-06-01").with_text(text)


@pytest.fixture
def service():
    with open_service(":memory:") as service:
        yield service


@pytest.fixture
def case(service):
    case = service.create_case("Varna")
    service.import_articles(case.id, [article(FIRST, "a.txt"), article(SECOND, "b.txt")])
    return case


def quantities(service, case):
    return [f for f in service.facts(case.id) if f.kind == "quantity"]


def texts(service, case, fact):
    by_id = {c.id: c.text for c in service.claims(case.id)}
    return sorted(by_id[c] for c in fact.claim_ids)


def test_an_import_stores_the_facts_with_their_claims_and_status(service, case):
    [fact] = quantities(service, case)
    assert (fact.key, fact.status) == ("F1", "conflict")
    assert texts(service, case, fact) == ["69 rockets", "70 rockets"]
    assert fact.label.startswith("rockets") and "cannot both hold" in fact.explanation and not fact.by_reviewer


def test_a_split_makes_a_fact_of_its_own_and_survives_a_reimport_of_an_edited_article(service, case):
    [fact] = quantities(service, case)
    seventy = next(c.id for c in service.claims(case.id) if c.text == "70 rockets")
    service.split_fact(case.id, fact.key, [seventy], reviewer="Ana")
    split = quantities(service, case)
    assert sorted((f.status, f.by_reviewer, len(f.claim_ids)) for f in split) == [("agree", False, 1), ("agree", True, 1)]
    edited = FIRST.replace("Two ships burned.", "Two ships burned and a crane fell.")
    service.import_articles(case.id, [article(edited, "a.txt")])
    again = quantities(service, case)
    assert len(again) == 2 and any(f.by_reviewer and f.claim_ids == (seventy,) for f in again)


def test_merging_facts_back_takes_the_status_of_the_checks_between_their_claims(service, case):
    [fact] = quantities(service, case)
    seventy = next(c.id for c in service.claims(case.id) if c.text == "70 rockets")
    decision = service.split_fact(case.id, fact.key, [seventy])
    keys = [f.key for f in quantities(service, case)]
    merged_decision = service.merge_facts(case.id, keys)
    [merged] = quantities(service, case)
    assert merged.status == "conflict" and merged.by_reviewer and texts(service, case, merged) == ["69 rockets", "70 rockets"]
    service.undo_fact_decision(case.id, merged_decision)
    service.undo_fact_decision(case.id, decision)
    assert [f.key for f in quantities(service, case)] == [fact.key]


def test_splits_and_merges_that_make_no_sense_are_refused_by_name(service, case):
    [fact] = quantities(service, case)
    with pytest.raises(InputError, match="some, not all"):
        service.split_fact(case.id, fact.key, list(fact.claim_ids))
    with pytest.raises(InputError, match="no fact F9"):
        service.split_fact(case.id, "F9", [1])
    with pytest.raises(InputError, match="two facts or more"):
        service.merge_facts(case.id, [fact.key, fact.key])


def test_a_copied_case_keeps_its_facts_and_the_reviewers_decisions(service, case):
    [fact] = quantities(service, case)
    seventy = next(c.id for c in service.claims(case.id) if c.text == "70 rockets")
    service.split_fact(case.id, fact.key, [seventy])
    with open_service(":memory:") as other:
        copy = other.load_case(service.dump_case(case.id), "Varna copy")
        copied = [f for f in other.facts(copy.id) if f.kind == "quantity"]
        texts_by_id = {c.id: c.text for c in other.claims(copy.id)}
        assert sorted((f.by_reviewer, [texts_by_id[c] for c in f.claim_ids]) for f in copied) == [
            (False, ["69 rockets"]), (True, ["70 rockets"])]
