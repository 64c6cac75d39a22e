"""A claim's history says who did what: verdicts, flags, and the undo and redo of either."""
from __future__ import annotations

from fact_review.articles import article_from_text
from fact_review.store import open_service


def test_flags_and_undone_verdicts_are_recorded_with_their_reviewer(tmp_path):
    with open_service(tmp_path / "history.db") as service:
        case = service.create_case("History")
        service.import_articles(case.id, [article_from_text("Dam report\n\nThe dam held 40 tonnes of silt.\n")])
        claim = service.claims(case.id)[0]
        rated = service.set_verdict(claim.id, "True", reviewer="Ana")
        service.set_flag(claim.id, True, reviewer="Ana")
        service.restore_verdict(claim.id, rated.before, reviewer="Ana")  # undo of the verdict
        service.set_flag(claim.id, True, reviewer="Bo")  # a flag of Bo's own: Ana's row is not his
        events = service.verdict_history(claim.id)
        assert [(e.reviewer, e.after.label if e.after else None, e.after.flagged if e.after else None)
                for e in events] == [("Ana", "True", False), ("Ana", "True", True), ("Ana", None, None),
                                     ("Bo", None, True)]
