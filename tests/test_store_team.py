"""Team review in the store, on both engines: each reviewer's verdicts in rows of their own, the final
verdict of an adjudicator, blind review, stale changes to shared objects refused (and undo that never
undoes another reviewer's work), and the change log other windows poll."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, text

from fact_review.model import Article
from fact_review.store import StaleError, is_url, open_service
from fact_review.store import migrate
from fact_review.store.changes import GAP_SECONDS, ChangeFeed, ChangeRow
from fact_review.store.models import utcnow
from store_fakes import fake_analyse, fake_match

FIRST = "Almost 300 drones were launched on Sunday. 40 missiles followed. Power failed in 12 towns."
SECOND = "Some 290 drones came in one night. Then 40 missiles hit. Nobody counted."


def article(text_: str, path: str) -> Article:
    return Article(text=text_, title=path.upper(), path=path).with_text(text_)


def seeded(db: str, **options):
    service = open_service(db, analyse=fake_analyse, match=fake_match, **options)
    case = service.get_case("Night") or service.create_case("Night")
    if not service.articles(case.id):
        service.import_articles(case.id, [article(FIRST, "a.txt"), article(SECOND, "b.txt")])
    return service, case


@pytest.fixture
def desk(any_db):
    service, case = seeded(any_db)
    yield service, case
    service.close()


def claim_by_text(service, case, wanted):
    return next(c for c in service.claims(case.id) if c.text == wanted)


def test_each_reviewer_has_a_verdict_of_their_own(desk):
    service, case = desk
    claim = claim_by_text(service, case, "300")
    ana = service.set_verdict(claim.id, "True", note="the ministry says so", reviewer="ana")
    ben = service.set_verdict(claim.id, "Mostly true", note="almost 300, not 300", reviewer="ben")
    assert ben.before is None  # ben's first verdict: ana's is not his to overwrite
    again = service.set_verdict(claim.id, "Half true", reviewer="ana")
    assert again.before == ana.after and again.after.note == "the ministry says so"
    row = service.claim(claim.id)
    assert [(v.reviewer, v.label, v.note, v.version) for v in row.verdicts] == [
        ("ana", "Half true", "the ministry says so", 2), ("ben", "Mostly true", "almost 300, not 300", 1)]
    assert row.disputed and row.verdict is None and row.final is None
    assert row.own("ben") == ben.after and row.own("cleo") is None

    history = service.verdict_history(claim.id)
    assert [(e.reviewer, e.before and e.before.label, e.after.label) for e in history] == [
        ("ana", None, "True"), ("ben", None, "Mostly true"), ("ana", "True", "Half true")]
    assert service.progress(case.id, reviewer="ben").by_label == {"Mostly true": 1}
    assert service.review_queue(case.id, status="reviewed", reviewer="ana") == [claim.id]
    assert service.review_queue(case.id, status="reviewed", reviewer="cleo") == []


def test_the_current_verdict_is_the_final_else_the_single_reviewers_else_none(desk):
    service, case = desk
    claim = claim_by_text(service, case, "300")
    service.set_flag(claim.id, True, reviewer="ben")  # a flag is no verdict: ana stays the single reviewer
    service.set_verdict(claim.id, "True", reviewer="ana")
    single = service.claim(claim.id)
    assert single.verdict.label == "True" and single.verdict.reviewer == "ana"
    assert not single.concurring and not single.disputed
    service.set_verdict(claim.id, "True", reviewer="ben")
    agreed = service.claim(claim.id)
    assert agreed.verdict is None  # two reviewers: only an editor's final verdict is published, even when they agree
    assert agreed.concurring and not agreed.disputed and agreed.agreed_label == "True"
    service.set_verdict(claim.id, "False", reviewer="ben")
    differing = service.claim(claim.id)
    assert differing.verdict is None and differing.disputed and not differing.concurring
    assert differing.agreed_label is None
    final = service.set_verdict(claim.id, "mostly false", note="both half right", reviewer="cleo", final=True)
    assert (final.after.label, final.after.final, final.after.reviewer, final.final) == (
        "Mostly false", True, "cleo", True)
    settled = service.claim(claim.id)
    assert settled.verdict == settled.final == final.after and not settled.disputed and not settled.concurring
    assert [v.reviewer for v in settled.verdicts] == ["ana", "ben"]  # the final one is not a reviewer's
    assert service.progress(case.id, reviewer="cleo").reviewed == 0  # adjudicating is not reviewing
    service.set_verdict(claim.id, "False", reviewer="dan", final=True)  # another adjudicator revises it
    assert [(v.reviewer, v.label) for v in [service.claim(claim.id).final]] == [("dan", "False")]
    service.clear_verdict(claim.id, reviewer="dan", final=True)  # a final verdict taken back: none published
    assert service.claim(claim.id).verdict is None and service.claim(claim.id).disputed


def test_an_undo_never_undoes_another_reviewers_work(desk):
    service, case = desk
    claim = claim_by_text(service, case, "300")
    mine = service.set_verdict(claim.id, "True", reviewer="cleo", final=True)
    service.set_verdict(claim.id, "False", reviewer="dan", final=True)
    with pytest.raises(StaleError, match="final verdict.*changed elsewhere.*'False' by dan") as refused:
        service.restore_verdict(claim.id, mine.before, reviewer="cleo", final=True, expected_version=mine.version)
    assert refused.value.current.label == "False"
    assert service.claim(claim.id).final.label == "False"
    own = service.set_verdict(claim.id, "True", reviewer="ana")
    undone = service.restore_verdict(claim.id, own.before, reviewer="ana", expected_version=own.version)
    assert undone.after is None and service.claim(claim.id).own("ana") is None


def test_blind_review_hides_the_others_until_ones_own_is_given(desk):
    service, case = desk
    claim = claim_by_text(service, case, "300")
    service.set_verdict(claim.id, "True", note="ana's reasons", reviewer="ana")
    service.set_verdict(claim.id, "False", reviewer="cleo", final=True)
    assert not service.get_case("Night").blind
    assert service.set_blind_review(case.id, True).blind
    seen_by_ben = service.claim(claim.id, viewer="ben")
    assert seen_by_ben.verdicts == () and seen_by_ben.final is None and seen_by_ben.verdict is None
    assert service.verdict_history(claim.id, viewer="ben") == []
    service.annotate(claim.id, note="checking the count", reviewer="ben")  # a note is not a verdict
    assert [v.reviewer for v in service.claim(claim.id, viewer="ben").verdicts] == ["ben"]
    service.set_verdict(claim.id, "Mostly true", reviewer="ben")
    after = service.claim(claim.id, viewer="ben")
    assert [v.reviewer for v in after.verdicts] == ["ana", "ben"] and after.final.label == "False"
    assert len(service.verdict_history(claim.id, viewer="ben")) == 4
    assert len(service.claim(claim.id).verdicts) == 2  # the desk (no viewer) sees everything


def test_a_stale_match_decision_is_refused_and_says_who(desk):
    service, case = desk
    match = service.matches(case.id)[0]
    mine = service.set_match_status(match.id, "confirmed", expected_version=match.version)
    assert mine.version == match.version + 1
    reviewer, service.reviewer = service.reviewer, "ben"  # another reviewer decides meanwhile
    service.set_match_status(match.id, "rejected", expected_version=mine.version)
    service.reviewer = reviewer
    with pytest.raises(StaleError, match="This match \\(now rejected\\) was changed by ben after you loaded it"
                       ) as refused:
        service.set_match_status(match.id, "confirmed", expected_version=mine.version)
    assert refused.value.current.status == "rejected" and refused.value.current.version == mine.version + 1
    assert next(m for m in service.matches(case.id) if m.id == match.id).status == "rejected"


def test_stale_claim_corrections_and_article_details_are_refused(desk):
    service, case = desk
    claim = claim_by_text(service, case, "300")
    first = service.edit_claim(claim.id, expected_version=claim.version, noun="drones launched")
    assert first.after.version == claim.version + 1
    with pytest.raises(StaleError, match="Claim .*300.* was changed") as refused:
        service.edit_claim(claim.id, expected_version=claim.version, noun="aircraft")
    assert refused.value.current.noun == "drones launched"
    with pytest.raises(StaleError):  # undo of an edit someone corrected since: refused
        service.restore_claim(claim.id, claim, expected_version=claim.version)
    assert service.restore_claim(claim.id, claim, expected_version=first.after.version).after.noun == "drones"

    a = service.articles(case.id)[0]
    renamed = service.edit_article(a.id, expected_version=a.version, title="Drone night", outlet="Courier").after
    assert (renamed.title, renamed.outlet, renamed.version) == ("Drone night", "Courier", a.version + 1)
    with pytest.raises(StaleError, match="details of article"):
        service.edit_article(a.id, expected_version=a.version, title="Something else")
    assert service.articles(case.id)[0].title == "Drone night"


def test_the_change_log_tells_another_reader_what_changed(any_db_file):
    writer, case = seeded(any_db_file)
    reader = open_service(any_db_file, read_only=True)  # another window (on SQLite: a read-only one)
    try:
        feed = reader.change_feed(case.id)
        assert reader.poll_changes(feed) == []
        claim = claim_by_text(writer, case, "300")
        match = writer.matches(case.id)[0]
        writer.set_verdict(claim.id, "True", reviewer="ana")
        writer.set_match_status(match.id, "rejected")
        writer.edit_claim(claim.id, noun="aircraft")
        writer.import_articles(case.id, [article("Later 7 drones fell.", "c.txt")])
        other = writer.create_case("Elsewhere")
        writer.set_blind_review(other.id, True)  # another case: not in this feed
        seen = reader.poll_changes(feed)
        assert [(c.kind, c.subject_id) for c in seen] == [
            ("verdict", claim.id), ("match", match.id), ("claim", claim.id), ("articles", None)]
        assert seen[0].reviewer == "ana" and seen[1].reviewer == writer.reviewer
        assert reader.poll_changes(feed) == []  # each change once
    finally:
        reader.close()
        writer.close()


def _row(change_id: int, case_id: int = 1) -> ChangeRow:
    return ChangeRow(change_id, case_id, utcnow(), "ana", "verdict", change_id)


def test_a_change_committed_late_with_a_lower_id_is_not_missed():
    now = [0.0]
    feed = ChangeFeed(case_id=1, start=10, clock=lambda: now[0])
    assert [r.id for r in feed.take([_row(11), _row(13)])] == [11, 13]  # 12 is still being committed
    assert feed.low == 11  # so 12 is asked for again
    assert [r.id for r in feed.take([_row(13), _row(12), _row(14, case_id=2)])] == [12]
    assert feed.low == 14
    assert [r.id for r in feed.take([_row(16)])] == [16]
    assert feed.low == 14  # 15 may yet come
    now[0] += GAP_SECONDS + 1  # 15 was rolled back: given up on, not asked for for ever
    assert feed.take([_row(16)]) == [] and feed.low == 16


def database_at(db: str, revision: str):
    """An engine on ``db`` with the schema as ``revision`` left it (a file, or a server database)."""
    engine = create_engine(db if is_url(db) else f"sqlite:///{db}")
    if is_url(db):  # pg_db comes migrated to head: start again from an empty schema
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    migrate.upgrade(engine, revision)
    return engine


def test_verdicts_from_before_team_review_are_kept_and_taken_over(any_db_file):
    """A database at revision 0002 (one verdict per claim, one of them without a reviewer) upgrades with
    every verdict kept; the unnamed one goes to the first reviewer who changes it."""
    db = any_db_file
    engine = database_at(db, "0002")
    now = utcnow().isoformat()
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO review_case (id, name, created_at, scale_json) VALUES (1, 'Old', :now, "
            "'[{\"label\": \"False\", \"rating\": 1, \"description\": \"\"}, "
            "{\"label\": \"True\", \"rating\": 2, \"description\": \"\"}]')"), {"now": now})
        connection.execute(text(
            "INSERT INTO article (id, case_id, position, content_hash, text, imported_at) "
            "VALUES (1, 1, 0, 'h', '12 boats and 5 cars.', :now)"), {"now": now})
        for claim_id, start, end in ((1, 0, 2), (2, 13, 14)):
            connection.execute(text(
                "INSERT INTO claim (id, article_id, start, \"end\", text, kind, quote, prefix, suffix, origin, "
                "overrides, dismissed, anchor_changed) VALUES (:id, 1, :start, :end, 'n', 'number', 'n', '', '', "
                "'machine', '{}', false, false)"), {"id": claim_id, "start": start, "end": end})
        for claim_id, reviewer in ((1, "ana"), (2, None)):
            connection.execute(text(
                "INSERT INTO verdict (claim_id, label, rating, reviewer, created_at, updated_at, version, flagged) "
                "VALUES (:claim, 'True', 2, :reviewer, :now, :now, 3, false)"),
                {"claim": claim_id, "reviewer": reviewer, "now": now})
    engine.dispose()
    with open_service(db, reviewer="ben") as service:
        named, unnamed = service.claims(1)
        assert [(v.reviewer, v.label, v.version) for v in named.verdicts] == [("ana", "True", 3)]
        assert unnamed.own("ben").label == "True" and unnamed.own("cleo").label == "True"  # anyone's until taken
        assert service.progress(1).reviewed == 1 and service.review_queue(1, status="reviewed") == [2]
        taken = service.set_verdict(2, "False")
        assert (taken.before.label, taken.after.version, taken.after.reviewer) == ("True", 4, "ben")
        assert [(v.reviewer, v.label) for v in service.claim(2).verdicts] == [("ben", "False")]
        assert service.claim(2).own("cleo") is None


def _database_at_0004(db: str, cases: int):
    """A database as version 0004 left it: ``cases`` cases, the first with an article and claim 1, and the
    history of claim 1 and of claim 99, removed since (its events have no case: 0005 added the column)."""
    engine = database_at(db, "0004")
    now = utcnow().isoformat()
    with engine.begin() as connection:
        for case_id in range(1, cases + 1):
            connection.execute(text(
                "INSERT INTO review_case (id, name, created_at, scale_json) VALUES (:id, :name, :now, "
                "'[{\"label\": \"True\", \"rating\": 1, \"description\": \"\"}]')"),
                {"id": case_id, "name": f"Case {case_id}", "now": now})
        connection.execute(text(
            "INSERT INTO article (id, case_id, position, content_hash, text, imported_at) "
            "VALUES (1, 1, 0, 'h', '12 boats.', :now)"), {"now": now})
        connection.execute(text(
            "INSERT INTO claim (id, article_id, start, \"end\", text, kind, quote, prefix, suffix, origin, overrides, "
            "dismissed, anchor_changed, check_worthy, why) VALUES (1, 1, 0, 2, '12', 'number', '12', '', '', "
            "'machine', '{}', false, false, true, '')"))
        for claim_id in (1, 99):
            after = json.dumps({"claim_id": claim_id, "label": "True", "rating": 1, "note": f"on {claim_id}",
                                "evidence_url": None, "reviewer": "ana", "created_at": now, "updated_at": now,
                                "version": 1, "flagged": False})
            connection.execute(text("INSERT INTO verdict_event (claim_id, at, reviewer, before_json, after_json) "
                                    "VALUES (:claim, :now, 'ana', NULL, :after)"),
                               {"claim": claim_id, "now": now, "after": after})
    engine.dispose()


def _copied_notes(service, case_id: int) -> list[str]:
    return [json.loads(e["after_json"])["note"] for e in service.dump_case(case_id).tables["verdict_event"]]


def test_history_from_before_team_review_moves_with_its_case(any_db_file):
    """0008 gives old history events their case: from their claim, or the only case there is, so that a
    copy takes them along; the history stays append-only afterwards."""
    _database_at_0004(any_db_file, cases=1)
    with open_service(any_db_file) as service:
        assert _copied_notes(service, 1) == ["on 1", "on 99"]  # the removed claim's history too
        assert [e.after.note for e in service.verdict_history(1)] == ["on 1"]


def test_history_of_a_removed_claim_stays_behind_when_several_cases_could_own_it(any_db_file):
    _database_at_0004(any_db_file, cases=2)
    with open_service(any_db_file) as service:
        assert _copied_notes(service, 1) == ["on 1"]  # "on 99": no case can be told; it is left where it was
        assert _copied_notes(service, 2) == []
    engine = create_engine(any_db_file if is_url(any_db_file) else f"sqlite:///{any_db_file}")
    with pytest.raises(Exception, match="append-only"), engine.begin() as connection:
        connection.execute(text("UPDATE verdict_event SET reviewer = 'mallory'"))
    engine.dispose()
