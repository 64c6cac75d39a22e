"""Correcting an article's metadata, removing an article and putting it back (the window's undo), on a real
database with the real pipeline."""
from __future__ import annotations

import pytest

from fact_review.articles import article_from_text
from fact_review.errors import InputError
from fact_review.store import open_service

HARBOUR = "Harbour fire\n\nFirefighters said 40 boats burned at the harbour on Tuesday.\nSome 12 crews worked all night.\n"
PORT = "Port blaze\n\nOfficials said 46 boats burned at the harbour on Tuesday.\nSome 12 crews worked all night.\n"
QUAY = "Quay news\n\nThe quay reopened after the fire, and 3 ferries sailed.\n"


@pytest.fixture
def case(tmp_path):
    service = open_service(tmp_path / "edits.db")
    case = service.create_case("Harbour")
    result = service.import_articles(case.id, [article_from_text(text, f"{name}.txt") for name, text in
                                               (("harbour", HARBOUR), ("port", PORT), ("quay", QUAY))])
    assert not result.errors
    yield service, case
    service.close()


def _boats(service, case, article_id):
    return next(c for c in service.claims(case.id, article_id) if c.noun == "boats")


def test_metadata_is_corrected_and_the_checks_name_the_article_anew(case):
    service, case = case
    first, second, _ = service.articles(case.id)
    claim = _boats(service, case, first.id)
    service.set_verdict(claim.id, "False", reviewer="Ana")
    assert any("Harbour fire" in c.explanation for c in service.checks(case.id))
    edit = service.edit_article(first.id, outlet=" Harbour  Herald ", url="https://herald.example/fire")
    assert (edit.before.outlet, edit.after.outlet, edit.after.url) == (None, "Harbour Herald",
                                                                       "https://herald.example/fire")
    assert service.articles(case.id)[0].outlet == "Harbour Herald"
    crews = next(c for c in service.checks(case.id) if "crews" in c.explanation)
    assert "Harbour Herald" in crews.explanation and "Harbour fire" not in crews.explanation
    assert service.claim(claim.id).verdict.label == "False"
    undone = service.edit_article(first.id, outlet=edit.before.outlet, url=edit.before.url)
    assert (undone.after.outlet, undone.after.url) == (None, None)


@pytest.mark.parametrize("fields, problem", [({"url": "javascript:alert(1)"}, "web address"),
                                             ({"published": "last Tuesday"}, "2025-05-25"),
                                             ({"colour": "red"}, "no field")])
def test_bad_metadata_is_refused_and_nothing_changes(case, fields, problem):
    service, case = case
    before = service.articles(case.id)
    with pytest.raises(InputError, match=problem):
        service.edit_article(before[0].id, **fields)
    assert service.articles(case.id) == before


def test_a_new_published_date_rereads_the_articles_dates_and_keeps_verdicts(case):
    service, case = case
    first = service.articles(case.id)[0]
    tuesday = next(c for c in service.claims(case.id, first.id) if c.kind == "date")
    assert tuesday.date == "XXXX-WXX-2"
    service.set_verdict(tuesday.id, "True", note="checked the log")
    service.edit_article(first.id, published="2026-03-05")
    reread = service.claim(tuesday.id)
    assert reread.date == "2026-03-03"
    assert (reread.verdict.label, reread.verdict.note) == ("True", "checked the log")
    assert service.articles(case.id)[0].published == "2026-03-05"


def test_a_removed_article_comes_back_whole(case):
    service, case = case
    first, second, third = service.articles(case.id)
    boats = _boats(service, case, second.id)
    service.set_verdict(boats.id, "Mostly false", note="46 is the council's count", reviewer="Ana")
    marked = service.add_claim(second.id, 0, 4, "number", noun="blaze")
    auto = next(m for m in service.matches(case.id) if second.id in (m.a_article_id, m.b_article_id))
    service.set_match_status(auto.id, "rejected")
    manual = service.add_match(case.id, (second.id, 0, 10), (third.id, 0, 9))
    claims_before = {c.id: c for c in service.claims(case.id)}
    checks_before = sorted((c.kind, c.status, c.explanation) for c in service.checks(case.id))
    history_before = service.verdict_history(boats.id)

    removed = service.remove_article(second.id)
    assert [(a.id, a.position) for a in service.articles(case.id)] == [(first.id, 0), (third.id, 1)]
    assert all(c.article_id != second.id for c in service.claims(case.id))
    assert all(second.id not in (m.a_article_id, m.b_article_id) for m in service.matches(case.id))
    assert not service.checks(case.id)  # every check compared the removed article with the first
    assert service.verdict_history(boats.id) == history_before  # the history is append-only

    back = service.restore_article(removed)
    assert (back.id, back.position) == (second.id, 1)
    assert [a.id for a in service.articles(case.id)] == [first.id, second.id, third.id]
    assert {c.id: c for c in service.claims(case.id)} == claims_before
    assert service.claim(marked.id).origin == "reviewer"
    assert sorted((c.kind, c.status, c.explanation) for c in service.checks(case.id)) == checks_before
    statuses = {(m.a_article_id, m.a_start, m.b_article_id, m.b_start): m.status for m in service.matches(case.id)}
    assert statuses[(auto.a_article_id, auto.a_start, auto.b_article_id, auto.b_start)] == "rejected"
    assert any(m.id == manual.id and m.method == "manual" for m in service.matches(case.id))
    assert service.verdict_history(boats.id) == history_before


def test_a_removed_article_does_not_come_back_over_rows_that_took_its_ids(case):
    service, case = case
    last = service.articles(case.id)[-1]
    removed = service.remove_article(last.id)
    first = service.articles(case.id)[0]
    taken = service.add_claim(first.id, 0, 6, "number")  # the database hands out the freed id again
    assert taken.id in {c["id"] for c in removed.claims}
    with pytest.raises(InputError, match="cannot come back"):
        service.restore_article(removed)
    assert [a.id for a in service.articles(case.id)] == [first.id, service.articles(case.id)[1].id]
