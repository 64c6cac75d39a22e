"""The review service on both engines: an in-memory SQLite database and a PostgreSQL database
(durability of the SQLite file is tested in test_store_files.py)."""
from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy.exc import IntegrityError

from fact_review.errors import InputError
from fact_review.model import Article
from fact_review.store import DEFAULT_SCALE, ScaleLabel, open_service
from store_fakes import fake_analyse, fake_match

FIRST = "Almost 300 drones were launched on Sunday. 40 missiles followed. Power failed in 12 towns."
SECOND = "Some 290 drones came in one night. Then 40 missiles hit. Nobody counted."


def article(text: str, path: str) -> Article:
    return Article(text=text, title=path.upper(), path=path).with_text(text)


@pytest.fixture
def service(any_db):
    with open_service(any_db, analyse=fake_analyse, match=fake_match) as service:
        yield service


@pytest.fixture
def case(service):
    case = service.create_case("Night attack")
    service.import_articles(case.id, [article(FIRST, "a.txt"), article(SECOND, "b.txt")])
    return case


def claim_by_text(service, case, text, article_id=None):
    return next(c for c in service.claims(case.id, article_id) if c.text == text)


def test_default_scale_maps_to_ratings(service):
    case = service.create_case("Scale")
    assert [s.label for s in case.scale] == ["False", "Mostly false", "Half true", "Mostly true", "True",
                                             "Unverifiable"]
    assert (case.worst_rating, case.best_rating) == (1, 5)
    assert service.scale(case.id)[-1].rating is None


def test_case_names_are_unique_and_custom_scales_kept(service):
    own = (ScaleLabel("Wrong", 0), ScaleLabel("Right", 1))
    case = service.create_case("Own", own)
    assert service.get_case("Own").scale == own
    with pytest.raises(InputError, match="exists already"):
        service.create_case("Own")
    with pytest.raises(InputError, match="same label twice"):
        service.create_case("Twice", (ScaleLabel("A", 1), ScaleLabel("a", 2)))
    assert service.get_or_create_case("Own").id == case.id
    assert [c.name for c in service.list_cases()] == ["Own"]
    assert service.find_case("Own") == case
    with pytest.raises(InputError) as refused:
        service.find_case("own")
    assert str(refused.value) == f"no case named 'own' in {service.location} (cases: 'Own')"


def test_import_stores_articles_claims_matches_and_checks(service, case):
    articles = service.articles(case.id)
    assert [a.path for a in articles] == ["a.txt", "b.txt"]
    assert articles[0].text == FIRST and articles[1].position == 1
    claims = service.claims(case.id)
    assert [c.text for c in claims] == ["300", "40", "12", "290", "40"]
    for c in claims:
        text = next(a.text for a in articles if a.id == c.article_id)
        assert text[c.start:c.end] == c.text == c.quote
        assert isinstance(c.value, Decimal) and c.origin == "machine"
    drones = claim_by_text(service, case, "300")
    assert drones.in_conflict and not drones.agreed
    assert claim_by_text(service, case, "40", articles[0].id).agreed
    [conflict] = [c for c in service.checks(case.id) if c.is_discrepancy]
    assert set(conflict.claim_ids) == {drones.id, claim_by_text(service, case, "290").id}
    assert {m.numeric for m in service.matches(case.id)} == {"conflict", "agree"}
    assert len(service.sentences(articles[0].id)) == 3


def test_reimporting_the_same_content_is_a_no_op(service, case):
    before = (service.articles(case.id), service.claims(case.id), service.matches(case.id))
    result = service.import_articles(case.id, [article(FIRST, "a.txt"), article(SECOND, "elsewhere.txt")])
    assert result.added == [] and result.updated == [] and len(result.unchanged) == 2
    assert (service.articles(case.id), service.claims(case.id), service.matches(case.id)) == before


def test_verdicts_set_clear_and_undo_in_one_call(service, case):
    claim = claim_by_text(service, case, "300")
    first = service.set_verdict(claim.id, "mostly TRUE", note="checked", reviewer="ana")
    assert first.before is None
    assert (first.after.label, first.after.rating, first.after.version) == ("Mostly true", 4, 1)
    second = service.set_verdict(claim.id, "False", reviewer="ana")
    assert second.before == first.after
    assert (second.after.note, second.after.version) == ("checked", 2)  # None keeps the note
    undo = service.restore_verdict(claim.id, second.before, reviewer="ana")
    assert undo.after.label == "Mostly true" and undo.after.version == 3
    cleared = service.clear_verdict(claim.id, reviewer="ana")
    assert cleared.after is None and service.claim(claim.id).verdict is None
    service.restore_verdict(claim.id, cleared.before, reviewer="ana")
    assert service.claim(claim.id).verdict.label == "Mostly true"
    history = service.verdict_history(claim.id)
    assert [e.after.version if e.after else None for e in history] == [1, 2, 3, None, 5]
    assert history[1].before == first.after


def test_unknown_labels_and_claims_are_refused(service, case):
    claim = claim_by_text(service, case, "300")
    with pytest.raises(InputError, match="unknown verdict label 'Pants on fire'.*Mostly false"):
        service.set_verdict(claim.id, "Pants on fire")
    with pytest.raises(InputError, match="no claim with id 999"):
        service.set_verdict(999, "True")
    assert service.claim(claim.id).verdict is None
    assert service.verdict_history(claim.id) == []


def test_flag_for_later_is_not_a_verdict(service, case):
    claim = claim_by_text(service, case, "12")
    change = service.set_flag(claim.id, True)
    assert change.after.flagged and change.after.label is None
    assert service.review_queue(case.id, status="flagged") == [claim.id]
    assert claim.id in service.review_queue(case.id, status="unreviewed")
    service.set_verdict(claim.id, "True")
    assert service.claim(claim.id).verdict.flagged
    progress = service.progress(case.id)
    assert (progress.total, progress.reviewed, progress.flagged, progress.by_label) == (5, 1, 1, {"True": 1})


def test_a_note_before_any_verdict_is_kept_and_counts_as_unreviewed(service, case):
    claim = claim_by_text(service, case, "12")
    change = service.annotate(claim.id, note="ask the grid operator", reviewer="ana")
    assert change.before is None
    assert (change.after.label, change.after.note, change.after.reviewer) == (None, "ask the grid operator", "ana")
    assert service.claim(claim.id).verdict == change.after
    assert next(c for c in service.claims(case.id) if c.id == claim.id).verdict.note == "ask the grid operator"
    assert service.verdict_history(claim.id)[-1].after == change.after
    assert claim.id in service.review_queue(case.id, status="unreviewed", reviewer="ana")
    assert claim.id not in service.review_queue(case.id, status="reviewed", reviewer="ana")
    assert service.progress(case.id, reviewer="ana").reviewed == 0

    evidence = service.annotate(claim.id, evidence_url="https://grid.example/outages", reviewer="ana")
    assert (evidence.after.note, evidence.after.evidence_url) == ("ask the grid operator",
                                                                  "https://grid.example/outages")
    rated = service.set_verdict(claim.id, "True", reviewer="ana")  # the verdict keeps the note and the url
    assert (rated.after.label, rated.after.note, rated.after.evidence_url) == (
        "True", "ask the grid operator", "https://grid.example/outages")
    service.restore_verdict(claim.id, evidence.before, reviewer="ana")  # undo back to the note alone
    assert service.claim(claim.id).verdict.label is None and service.progress(case.id, reviewer="ana").reviewed == 0
    service.restore_verdict(claim.id, change.before, reviewer="ana")  # undo of the first note: nothing left
    assert service.claim(claim.id).verdict is None
    assert service.annotate(claim.id, note="", reviewer="ana").after is None  # clearing nothing writes nothing


def test_a_note_alone_keeps_its_claim_through_an_edited_article(service, case):
    a_id = service.articles(case.id)[0].id
    noted = claim_by_text(service, case, "12", a_id)
    service.annotate(noted.id, note="which towns?")
    edited = "Almost 300 drones were launched on Sunday. 40 missiles followed. Power failed."
    service.import_articles(case.id, [article(edited, "a.txt")])
    kept = service.claim(noted.id)  # the extractor no longer finds it; the reviewer's note stays
    assert kept.verdict.note == "which towns?" and kept.anchor_changed


def test_review_queue_puts_conflicts_first_and_filters(service, case):
    queue = service.review_queue(case.id)
    in_conflict = {c.id for c in service.claims(case.id) if c.in_conflict}
    assert set(queue[:2]) == in_conflict and len(queue) == 5
    service.set_verdict(queue[0], "False")
    assert queue[0] not in service.review_queue(case.id, status="unreviewed")
    assert service.review_queue(case.id, status="reviewed", label="False") == [queue[0]]
    assert service.review_queue(case.id, kind="money") == []
    assert service.review_queue(case.id, status="conflicts") == [i for i in queue if i in in_conflict]
    with pytest.raises(InputError):
        service.review_queue(case.id, status="done")


def test_reviewer_edits_stay_apart_and_survive_reimport(service, case):
    claim = claim_by_text(service, case, "12")
    edit = service.edit_claim(claim.id, value="12.5", noun="villages")
    assert edit.after.value == Decimal("12.5") and edit.after.overridden == ("value", "noun")
    assert edit.before.value == Decimal("12") and not edit.before.edited
    dismissed = service.dismiss_claim(claim_by_text(service, case, "290").id)
    assert dismissed.after.dismissed
    changed = "A new first line. " + FIRST
    service.import_articles(case.id, [article(changed, "a.txt"), article(SECOND, "b.txt")])
    again = service.claim(claim.id)
    assert (again.value, again.noun, again.edited) == (Decimal("12.5"), "villages", True)
    assert changed[again.start:again.end] == "12"
    assert service.claim(dismissed.claim_id).dismissed
    assert dismissed.claim_id not in [c.id for c in service.claims(case.id)]
    service.restore_claim(claim.id, edit.before)
    assert service.claim(claim.id).value == Decimal("12") and not service.claim(claim.id).edited
    with pytest.raises(InputError, match="not a number"):
        service.edit_claim(claim.id, value="twelve")
    with pytest.raises(InputError, match="no field"):
        service.edit_claim(claim.id, colour="red")


def test_edited_article_keeps_verdicts_and_marks_changed_claims(service, case):
    a_id = service.articles(case.id)[0].id
    kept = claim_by_text(service, case, "40", a_id)
    changed = claim_by_text(service, case, "300")
    service.set_verdict(kept.id, "True", note="matches the ministry")
    service.set_verdict(changed.id, "Mostly true")
    edited = "Breaking: almost 310 drones were launched on Sunday. 40 missiles followed. Power failed."
    result = service.import_articles(case.id, [article(edited, "a.txt")])
    assert result.updated == [a_id] and result.anchor_changed == [changed.id]
    now_kept, now_changed = service.claim(kept.id), service.claim(changed.id)
    assert edited[now_kept.start:now_kept.end] == "40" and not now_kept.anchor_changed
    assert now_kept.verdict.note == "matches the ministry"
    assert now_changed.text == "310" and now_changed.anchor_changed
    assert now_changed.verdict.label == "Mostly true"
    assert "12" not in [c.text for c in service.claims(case.id, a_id)]  # unreviewed and gone
    service.set_verdict(changed.id, "False")
    assert not service.claim(changed.id).anchor_changed


def test_reviewer_claims_and_matches(service, case):
    a, b = service.articles(case.id)
    added = service.add_claim(a.id, 0, 6, "number", noun="drones", qualifier="almost")
    assert (added.text, added.origin, added.value) == ("Almost", "reviewer", None)
    with pytest.raises(InputError, match="outside"):
        service.add_claim(a.id, 5, 5000, "number")
    with pytest.raises(InputError, match="unknown claim kind"):
        service.add_claim(a.id, 0, 6, "weight")
    machine = claim_by_text(service, case, "300")
    with pytest.raises(InputError, match="dismiss it instead"):
        service.delete_claim(machine.id)
    service.delete_claim(added.id)
    with pytest.raises(InputError):
        service.claim(added.id)

    auto = service.matches(case.id)[0]
    change = service.set_match_status(auto.id, "rejected")
    assert (change.before, change.after) == ("suggested", "rejected")
    service.import_articles(case.id, [article(FIRST + " More later.", "a.txt")])
    assert [m.status for m in service.matches(case.id) if m.method == "auto"].count("rejected") == 1
    manual = service.add_match(case.id, (a.id, 0, 10), (b.id, 0, 10))
    assert (manual.method, manual.status) == ("manual", "confirmed")
    with pytest.raises(InputError, match="two different articles"):
        service.add_match(case.id, (a.id, 0, 10), (a.id, 20, 30))
    found_by_matcher = next(m for m in service.matches(case.id) if m.method == "auto")
    with pytest.raises(InputError, match="reject it instead"):
        service.delete_match(found_by_matcher.id)
    service.delete_match(manual.id)
    assert manual.id not in [m.id for m in service.matches(case.id)]


def test_import_reports_progress_and_stops_when_cancelled(service):
    case = service.create_case("Many")
    texts = [f"Report {i}: {i * 10} drones." for i in range(4)]
    seen = []
    result = service.import_articles(case.id, [article(t, f"{i}.txt") for i, t in enumerate(texts)],
                                     progress=lambda done, total: seen.append((done, total)),
                                     cancelled=lambda: len(seen) >= 2)
    assert seen == [(1, 4), (2, 4)]
    assert len(result.added) == 2 and result.errors == ["cancelled: 2 article(s) not imported"]


def test_verdict_history_is_append_only(service, case):
    claim = claim_by_text(service, case, "300")
    service.set_verdict(claim.id, "True")
    for statement in ("DELETE FROM verdict_event", "UPDATE verdict_event SET reviewer = 'someone else'"):
        with pytest.raises(Exception, match="append-only"):
            service._write(lambda session: session.connection().exec_driver_sql(statement))
    assert len(service.verdict_history(claim.id)) == 1


def test_foreign_keys_are_enforced(service, case):
    with pytest.raises(IntegrityError):
        service._write(lambda session: session.connection().exec_driver_sql(
            "INSERT INTO sentence (article_id, start, \"end\") VALUES (9999, 0, 1)"))


def test_default_scale_is_the_documented_one():
    assert [(s.label, s.rating) for s in DEFAULT_SCALE] == [
        ("False", 1), ("Mostly false", 2), ("Half true", 3), ("Mostly true", 4), ("True", 5),
        ("Unverifiable", None)]
