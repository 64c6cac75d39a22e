"""Stored claims keep whether they are worth checking: ``check_worthy``/``why`` from the extractor, in
``verdicts --json``, as a reviewer correction, in the review queue's order, and after the 0003 migration."""
from __future__ import annotations

import json
import sqlite3

import pytest

from fact_review.cli import main
from fact_review.errors import InputError
from fact_review.model import Article
from fact_review.store import migrate, open_service
from fact_review.store.db import make_engine

REPORT = ("KYIV, May 25, 2025 (Reuters) - Russia launched 69 missiles overnight, officials said.\n"
          "Rescuers are now searching 12 buildings.\n")


def _import(service, text=REPORT):
    case = service.create_case("Strikes")
    service.import_articles(case.id, [Article(text=text, path="kyiv.txt").with_text(text)])
    return case


def test_context_claims_are_stored_as_not_worth_checking():
    with open_service(":memory:") as service:
        case = _import(service)
        claims = {c.text: c for c in service.claims(case.id)}
        assert (claims["May 25, 2025"].check_worthy, claims["May 25, 2025"].why) == (False, "the report's dateline")
        assert (claims["overnight"].check_worthy, claims["overnight"].why) == (False, "the report's own day")
        assert (claims["now"].check_worthy, claims["now"].why) == (False, "the time of writing")
        assert claims["69 missiles"].check_worthy and claims["69 missiles"].why == "a count of a thing"
        assert claims["12 buildings"].check_worthy


def test_the_queue_leads_with_claims_worth_checking():
    with open_service(":memory:") as service:
        case = _import(service)
        by_id = {c.id: c for c in service.claims(case.id)}
        queue = [by_id[i].text for i in service.review_queue(case.id)]
        assert queue == ["69 missiles", "12 buildings", "May 25, 2025", "overnight", "now"]


def test_a_reviewer_can_say_a_context_claim_is_worth_checking_and_undo_it():
    with open_service(":memory:") as service:
        case = _import(service)
        now = next(c for c in service.claims(case.id) if c.text == "now")
        edit = service.edit_claim(now.id, check_worthy=True, why="the search is still going on")
        assert (edit.after.check_worthy, edit.after.why, edit.after.overridden) == (
            True, "the search is still going on", ("check_worthy", "why"))
        assert now.id in service.review_queue(case.id)[:3]  # among the claims worth checking
        service.restore_claim(now.id, edit.before)
        assert not next(c for c in service.claims(case.id) if c.id == now.id).check_worthy
        with pytest.raises(InputError, match="check_worthy: expected true or false"):
            service.edit_claim(now.id, check_worthy="yes")


def test_verdicts_json_rows_carry_check_worthy_and_why(tmp_path, capsys):
    article = tmp_path / "kyiv.txt"
    article.write_text(REPORT, encoding="utf-8")
    db = str(tmp_path / "review.db")
    assert main(["import", "--db", db, "--case", "Strikes", str(article)]) == 0
    capsys.readouterr()
    assert main(["verdicts", "--db", db, "--case", "Strikes", "--json"]) == 0
    rows = {row["text"]: row for row in json.loads(capsys.readouterr().out)["claims"]}
    assert (rows["May 25, 2025"]["check_worthy"], rows["May 25, 2025"]["why"]) == (False, "the report's dateline")
    assert (rows["69 missiles"]["check_worthy"], rows["69 missiles"]["why"]) == (True, "a count of a thing")


def test_claims_stored_before_the_migration_count_as_worth_checking(tmp_path):
    path = tmp_path / "old.db"
    engine = make_engine(path, writes=True)
    migrate.upgrade(engine, "0002")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.executescript("""
            INSERT INTO review_case VALUES (1, 'Old', '2026-01-01T00:00:00.000000+00:00', '[{"label": "True", "rating": 5, "description": ""}]');
            INSERT INTO article VALUES (1, 1, 0, 'T', NULL, NULL, NULL, NULL, 'h', 'a.txt', 'It cost 5 dollars.', '2026-01-01T00:00:00.000000+00:00');
            INSERT INTO claim VALUES (1, 1, 8, 17, '5 dollars', 'money', '5', 'USD', NULL, NULL, NULL, NULL, NULL, '5 dollars', 'It cost ', '.', 'machine', '{}', 0, 0);
        """)
    with open_service(path) as service:
        [claim] = service.claims(1)
        assert (claim.check_worthy, claim.why) == (True, "")
