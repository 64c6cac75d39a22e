"""`fact-review copy`: a case moves between a local file and a server with everything in it (articles,
claims, matches, checks, every reviewer's verdicts and their history), and back again unchanged."""
from __future__ import annotations

from dataclasses import asdict

import pytest

import fact_review.store.service as service_module
from fact_review.cli import main
from fact_review.model import Article
from fact_review.store import CaseSettings, open_service
from store_fakes import fake_analyse, fake_match

FIRST = "Almost 300 drones were launched on Sunday. 40 missiles followed. Power failed in 12 towns."
SECOND = "Some 290 drones came in one night. Then 40 missiles hit. Nobody counted."


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch):
    monkeypatch.setattr(service_module, "analyse_article", fake_analyse)
    monkeypatch.setattr(service_module, "match_case", fake_match)


def reviewed_case(path: str) -> None:
    with open_service(path) as service:
        service.create_case("Other")  # ids in the source and target differ
        case = service.create_case("Night")
        service.set_blind_review(case.id, True)
        service.import_articles(case.id, [Article(text=t, path=p).with_text(t) for t, p in ((FIRST, "a"), (SECOND, "b"))])
        claims = service.claims(case.id)
        service.set_verdict(claims[0].id, "True", note="ministry", reviewer="ana")
        service.set_verdict(claims[0].id, "Mostly true", note="ministry, rounded", reviewer="ana")
        service.set_verdict(claims[0].id, "False", reviewer="ben")
        service.set_verdict(claims[0].id, "Half true", note="settled", reviewer="cleo", final=True)
        service.set_flag(claims[1].id, True, reviewer="ben")
        service.edit_claim(claims[2].id, noun="missiles launched")
        service.dismiss_claim(claims[3].id)
        service.set_match_status(service.matches(case.id)[0].id, "confirmed")
        service.add_claim(claims[0].article_id, 0, 6, "number")
        service.set_case_settings(case.id, CaseSettings(review_url="https://desk.example/night", report_state="final"))


def snapshot(db: str, name: str) -> dict:
    """The case as people see it, without ids (which differ between databases)."""
    with open_service(db, read_only=True) as service:
        case = service.find_case(name)
        positions = {a.id: a.position for a in service.articles(case.id)}
        claims = service.claims(case.id, include_dismissed=True)
        order = {c.id: n for n, c in enumerate(claims)}

        def verdict(v):
            return None if v is None else {k: val for k, val in asdict(v).items() if k != "claim_id"}

        return {
            "case": (case.name, case.scale, case.blind),
            "settings": service.case_settings(case.id),
            "articles": [(a.position, a.title, a.text, a.content_hash, a.version) for a in service.articles(case.id)],
            "claims": [(positions[c.article_id], c.start, c.end, c.kind, c.noun, c.origin, c.dismissed, c.version,
                        [verdict(v) for v in c.verdicts], verdict(c.final)) for c in claims],
            "history": [[(e.reviewer, e.at, verdict(e.before), verdict(e.after)) for e in service.verdict_history(c.id)]
                        for c in claims],
            "matches": sorted((positions[m.a_article_id], m.a_start, positions[m.b_article_id], m.b_start, m.status,
                               m.method, m.version) for m in service.matches(case.id)),
            "checks": [(k.kind, k.status, k.explanation, [order[i] for i in k.claim_ids]) for k in service.checks(case.id)],
        }


def test_a_case_moves_to_a_server_and_back_unchanged(tmp_path, pg_db, capsys):
    local = str(tmp_path / "desk.db")
    reviewed_case(local)
    before = snapshot(local, "Night")
    assert main(["copy", "--from", local, "--to", pg_db, "--case", "Night"]) == 0
    out = capsys.readouterr().out
    assert "case 'Night' copied to" in out and "6 claims" in out and "5 history events" in out
    assert snapshot(pg_db, "Night") == before
    back = str(tmp_path / "back.db")
    assert main(["copy", "--from", pg_db, "--to", back, "--case", "Night", "--as", "Night again"]) == 0
    capsys.readouterr()
    assert before["settings"].report_state == "final"
    assert snapshot(back, "Night again") == {**before, "case": ("Night again", *before["case"][1:])}
    with open_service(back) as service:  # the copy is a working case: reviewers go on where they were
        case = service.find_case("Night again")
        claim = next(c for c in service.claims(case.id) if c.text == "300")
        change = service.set_verdict(claim.id, "True", reviewer="ana")
        assert change.before.note == "ministry, rounded" and change.after.version == 3


def test_a_name_taken_in_the_target_is_refused_and_nothing_is_written(tmp_path, capsys):
    source, target = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    reviewed_case(source)
    reviewed_case(target)
    with open_service(target, read_only=True) as service:
        cases_before = [c.name for c in service.list_cases()]
    assert main(["copy", "--from", source, "--to", target, "--case", "Night"]) == 2
    assert "a case named 'Night' is there already" in capsys.readouterr().err
    assert main(["copy", "--from", source, "--to", target, "--case", "Nope"]) == 2
    assert "no case named 'Nope'" in capsys.readouterr().err
    assert main(["copy", "--from", str(tmp_path / "none.db"), "--to", target, "--case", "Night"]) == 2
    assert "no such database" in capsys.readouterr().err
    with open_service(target, read_only=True) as service:
        assert [c.name for c in service.list_cases()] == cases_before
