"""Verdicts on facts, on both engines: each reviewer's own row, history, the final verdict, blind review and
agreement as for claims; the verdicts stay with their fact when a source is added, an article is
re-imported, removed and put back, or the fact is split or merged (the real pipeline)."""
from __future__ import annotations

import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fact_review.errors import InputError
from fact_review.model import Article
from fact_review.store import FactRow, StaleError, open_service
from fact_review.store.fact_verdicts import assign

FIRST = ("Rebels fired 70 rockets at the port of Varna overnight, the harbour master said. Two ships burned. "
         "The attack killed 12 sailors on Monday.")
SECOND = ("Rebels fired 69 rockets at the port of Varna overnight, officials said. The attack killed 14 sailors on "
          "Monday. Traffic was halted.")
THIRD = "About 70 rockets hit the port of Varna overnight. The attack killed 12 sailors, the navy said."


def article(text: str, path: str) -> Article:
    return Article(text=text, path=path, published="2024-06-01").with_text(text)


@pytest.fixture
def desk(any_db):
    with open_service(any_db) as service:
        case = service.create_case("Varna")
        service.import_articles(case.id, [article(FIRST, "a.txt"), article(SECOND, "b.txt")])
        yield service, case


def fact_on(service, case, noun: str, viewer=None) -> FactRow:
    return next(f for f in service.facts(case.id, viewer=viewer) if noun in f.label)


def test_reviewers_rate_a_fact_as_they_rate_a_claim(desk):
    service, case = desk
    sailors = fact_on(service, case, "sailors")
    assert sailors.rated_id is None and sailors.verdict is None and sailors.verdicts == ()
    ana = service.set_fact_verdict(case.id, sailors.key, "False", note="the navy lists 12", reviewer="ana")
    assert (ana.claim_id, ana.fact_id, ana.after.label, ana.after.fact_id) == (None, ana.fact_id, "False", ana.fact_id)
    single = fact_on(service, case, "sailors")
    assert single.rated_id == ana.fact_id and single.verdict.label == "False"  # one reviewer: theirs
    service.set_fact_verdict(case.id, sailors.key, "half true", reviewer="ben")
    differing = fact_on(service, case, "sailors")
    assert [(v.reviewer, v.label) for v in differing.verdicts] == [("ana", "False"), ("ben", "Half true")]
    assert differing.verdict is None and differing.disputed
    assert all(c.verdicts == () for c in service.claims(case.id))  # a fact's verdict is no claim's

    figures = service.agreement(case.id)
    assert list(figures.by_kind) == ["fact"] and figures.by_kind["fact"].items == 1
    [item] = figures.disagreements
    assert (item.fact, item.claim_id, item.kind, item.claim_ids) == (sailors.key, None, "fact", sailors.claim_ids)

    service.set_fact_verdict(case.id, sailors.key, "Mostly false", note="12 found, 2 missing", reviewer="cleo",
                             final=True)
    settled = fact_on(service, case, "sailors")
    assert (settled.verdict.label, settled.verdict.final, settled.final.reviewer) == ("Mostly false", True, "cleo")
    assert not settled.disputed and service.agreement(case.id).disagreements[0].final == "Mostly false"
    history = service.fact_verdict_history(settled.rated_id)
    assert [(e.reviewer, e.after.label, e.fact_id, e.claim_id) for e in history] == [
        ("ana", "False", settled.rated_id, None), ("ben", "Half true", settled.rated_id, None),
        ("cleo", "Mostly false", settled.rated_id, None)]
    rockets = fact_on(service, case, "rockets")
    assert rockets.rated_id is None and rockets.verdicts == ()  # the other facts are not touched


def test_undo_of_a_fact_verdict_never_undoes_another_reviewers_work(desk):
    service, case = desk
    key = fact_on(service, case, "rockets").key
    mine = service.set_fact_verdict(case.id, key, "True", reviewer="cleo", final=True)
    service.set_fact_verdict(case.id, key, "False", reviewer="dan", final=True)
    with pytest.raises(StaleError, match="final verdict on this fact was changed elsewhere.*'False' by dan"):
        service.restore_fact_verdict(mine.fact_id, mine.before, reviewer="cleo", final=True,
                                     expected_version=mine.version)
    own = service.set_fact_verdict(case.id, key, "True", reviewer="ana")
    undone = service.restore_fact_verdict(own.fact_id, own.before, reviewer="ana", expected_version=own.version)
    assert undone.after is None and fact_on(service, case, "rockets").own("ana") is None
    assert service.clear_fact_verdict(case.id, fact_on(service, case, "attack").key, reviewer="ana").after is None
    assert fact_on(service, case, "attack").rated_id is None  # clearing what was never rated makes nothing


def test_bad_input_names_the_fact_or_the_label_and_changes_nothing(desk):
    service, case = desk
    with pytest.raises(InputError, match=r"no fact 'F99' in this case \(facts: F1, F2, F3\)"):
        service.set_fact_verdict(case.id, "F99", "True", reviewer="ana")
    key = fact_on(service, case, "rockets").key
    with pytest.raises(InputError, match="unknown verdict label 'Pants on fire'"):
        service.set_fact_verdict(case.id, key, "Pants on fire", reviewer="ana")
    assert fact_on(service, case, "rockets").rated_id is None  # the refused verdict left no rated fact behind


def test_blind_review_hides_the_others_verdicts_on_a_fact_until_ones_own(desk):
    service, case = desk
    key = fact_on(service, case, "sailors").key
    service.set_fact_verdict(case.id, key, "False", reviewer="ana")
    service.set_blind_review(case.id, True)
    hidden = fact_on(service, case, "sailors", viewer="ben")
    assert hidden.verdicts == () and hidden.verdict is None
    assert service.fact_verdict_history(hidden.rated_id, viewer="ben") == []
    service.set_fact_verdict(case.id, key, "True", reviewer="ben")
    seen = fact_on(service, case, "sailors", viewer="ben")
    assert [v.reviewer for v in seen.verdicts] == ["ana", "ben"]
    assert len(service.fact_verdict_history(seen.rated_id, viewer="ben")) == 2


def test_a_facts_verdicts_stay_with_it_across_new_sources_and_reimports(desk):
    service, case = desk
    rated = service.set_fact_verdict(case.id, fact_on(service, case, "sailors").key, "Mostly false", reviewer="ana")
    service.import_articles(case.id, [article(THIRD, "c.txt")])  # a third source joins the fact
    grown = fact_on(service, case, "sailors")
    assert len(grown.claim_ids) == 3 and grown.rated_id == rated.fact_id
    assert grown.verdict.label == "Mostly false"
    # an edited first report: the rockets' fact loses a claim and the facts are analysed afresh
    service.import_articles(case.id, [article(FIRST.replace("fired 70 rockets", "fired rockets"), "a.txt")])
    again = fact_on(service, case, "sailors")
    assert again.verdict.label == "Mostly false" and again.rated_id == rated.fact_id
    assert fact_on(service, case, "rockets").verdicts == ()


def test_a_split_leaves_the_verdicts_with_the_larger_part_and_an_undo_brings_the_whole_back(desk):
    service, case = desk
    service.import_articles(case.id, [article(THIRD, "c.txt")])
    rockets = fact_on(service, case, "rockets")
    service.set_fact_verdict(case.id, rockets.key, "Half true", reviewer="ana")
    lone = rockets.claim_ids[-1]
    decision = service.split_fact(case.id, rockets.key, [lone], reviewer="ana")
    parts = [f for f in service.facts(case.id) if set(f.claim_ids) <= set(rockets.claim_ids)]
    larger = next(f for f in parts if len(f.claim_ids) == 2)
    split_off = next(f for f in parts if f.claim_ids == (lone,))
    assert larger.verdict.label == "Half true" and split_off.verdicts == ()
    ben = service.set_fact_verdict(case.id, split_off.key, "False", reviewer="ben")
    assert ben.fact_id != larger.rated_id
    service.undo_fact_decision(case.id, decision)
    whole = fact_on(service, case, "rockets")
    assert set(whole.claim_ids) == set(rockets.claim_ids)
    # the whole fact shows the verdicts rated on most of its claims; ben's stay stored for a split again
    assert [(v.reviewer, v.label) for v in whole.verdicts] == [("ana", "Half true")]
    assert [e.reviewer for e in service.fact_verdict_history(ben.fact_id)] == ["ben"]


def test_merged_facts_show_the_verdicts_of_the_part_sharing_most_claims(desk):
    service, case = desk
    rockets, attack = fact_on(service, case, "rockets"), fact_on(service, case, "attack")
    service.import_articles(case.id, [article(THIRD, "c.txt")])
    rockets = fact_on(service, case, "rockets")  # three claims now, the attack's day two
    service.set_fact_verdict(case.id, rockets.key, "True", reviewer="ana")
    service.set_fact_verdict(case.id, attack.key, "False", reviewer="ana")
    decision = service.merge_facts(case.id, [rockets.key, attack.key], reviewer="ana")
    merged = next(f for f in service.facts(case.id) if f.by_reviewer)
    assert [(v.reviewer, v.label) for v in merged.verdicts] == [("ana", "True")]
    service.undo_fact_decision(case.id, decision)
    assert fact_on(service, case, "attack").verdict.label == "False"  # both come back as they were


def test_a_removed_article_comes_back_with_its_place_in_a_rated_fact(desk):
    service, case = desk
    sailors = fact_on(service, case, "sailors")
    rated = service.set_fact_verdict(case.id, sailors.key, "False", reviewer="ana")

    def rated_with() -> set[int]:
        return {row["claim_id"] for row in service.dump_case(case.id).tables["rated_fact_claim"]
                if row["rated_fact_id"] == rated.fact_id}

    assert rated_with() == set(sailors.claim_ids)
    second = next(a for a in service.articles(case.id) if a.path == "b.txt")
    removed = service.remove_article(second.id)
    assert len(rated_with()) == 1  # the removed article's claim went with it
    service.restore_article(removed)
    assert rated_with() == set(sailors.claim_ids)
    back = fact_on(service, case, "sailors")
    assert back.rated_id == rated.fact_id and back.verdict.label == "False"


def test_a_copied_case_keeps_every_reviewers_verdicts_on_its_facts_and_their_history(desk):
    service, case = desk
    key = fact_on(service, case, "sailors").key
    service.set_fact_verdict(case.id, key, "True", note="first look", reviewer="ana")
    service.set_fact_verdict(case.id, key, "False", note="the navy's list", reviewer="ana")
    service.set_fact_verdict(case.id, key, "Half true", reviewer="ben")
    service.set_fact_verdict(case.id, key, "Mostly false", note="settled", reviewer="cleo", final=True)
    source = fact_on(service, case, "sailors")

    def seen(fact, history):
        def plain(v):
            return None if v is None else (v.reviewer, v.label, v.note, v.version, v.final, v.created_at)
        return ([plain(v) for v in fact.verdicts], plain(fact.final),
                [(e.reviewer, e.at, plain(e.before), plain(e.after)) for e in history])

    with open_service(":memory:") as other:  # the other engine when the desk is on the server
        other.create_case("Other")  # ids differ between the two databases
        copy = other.load_case(service.dump_case(case.id), "Varna copy")
        copied = fact_on(other, copy, "sailors")
        history = other.fact_verdict_history(copied.rated_id)
        assert seen(copied, history) == seen(source, service.fact_verdict_history(source.rated_id))
        assert all(e.after.fact_id == copied.rated_id for e in history)  # the history names the copy's fact
        again = other.set_fact_verdict(copy.id, copied.key, "True", reviewer="ana")  # the work goes on there
        assert (again.before.note, again.after.version) == ("the navy's list", 3)


def test_reviewers_rating_a_new_fact_at_once_share_one_rated_fact(pg_db):
    with open_service(pg_db) as first:
        case = first.create_case("Varna")
        first.import_articles(case.id, [article(FIRST, "a.txt"), article(SECOND, "b.txt")])
        key = fact_on(first, case, "sailors").key
    reviewers = ["ana", "ben", "cleo", "dan"]
    ready = threading.Barrier(len(reviewers))
    changes, errors = {}, []

    def rate(name: str) -> None:
        try:
            with open_service(pg_db) as service:
                ready.wait()
                changes[name] = service.set_fact_verdict(case.id, key, "False", note=f"{name}'s note", reviewer=name)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=rate, args=(name,)) for name in reviewers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert len({change.fact_id for change in changes.values()}) == 1
    with open_service(pg_db) as service:
        fact = fact_on(service, case, "sailors")
        assert [(v.reviewer, v.note) for v in fact.verdicts] == [(n, f"{n}'s note") for n in reviewers]


def _fact(key: str, *claims: int) -> FactRow:
    return FactRow(key, 1, "quantity", "agree", key, "", tuple(claims))


def test_rated_facts_go_to_the_facts_sharing_most_claims_one_to_one():
    facts = [_fact("F1", 1, 2), _fact("F2", 3, 4, 5), _fact("F3", 9)]
    rated = {10: frozenset({1, 2, 3}), 11: frozenset({3, 4}), 12: frozenset({7}), 13: frozenset({2})}
    # 11 shares two with F2, 10 two with F1 (and one with F2, taken); 13 shares with F1 only, which 10 has
    assert assign(facts, rated) == {"F2": 11, "F1": 10}
    assert assign(facts, {20: frozenset({1, 3}), 21: frozenset({1, 3})}) == {"F1": 20, "F2": 21}  # older first


@given(st.lists(st.frozensets(st.integers(0, 12), min_size=1, max_size=5), max_size=6),
       st.lists(st.frozensets(st.integers(0, 12), min_size=1, max_size=5), max_size=6))
def test_an_assignment_is_one_to_one_and_only_between_facts_that_share_claims(fact_claims, rated_claims):
    facts = [_fact(f"F{i}", *sorted(claims)) for i, claims in enumerate(fact_claims)]
    rated = dict(enumerate(rated_claims, start=100))
    given_ = assign(facts, rated)
    assert len(set(given_.values())) == len(given_)
    by_key = {f.key: f for f in facts}
    assert all(rated[r] & set(by_key[k].claim_ids) for k, r in given_.items())
    # nothing left unassigned that could still meet: a free rated fact shares no claim with a free fact
    free = [f for f in facts if f.key not in given_]
    assert not any(rated[r] & set(f.claim_ids) for r in set(rated) - set(given_.values()) for f in free)
