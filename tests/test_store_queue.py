"""The review queue and progress counts, answered in SQL, agree with what the claims themselves say
(``claims()``, reviewer corrections and conflicts included) after any mix of two reviewers' actions,
each reviewer's queue by their own verdicts, on both engines."""
from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fact_review.model import CLAIM_KINDS, Article
from fact_review.store import DEFAULT_SCALE, open_service
from store_fakes import fake_analyse, fake_match

TEXTS = (
    "Rescuers found 14 boats near the harbour. About 250 people were on board. Three 7 ferries waited.",
    "Coast guards counted 15 boats at dawn. Some 250 people were saved. The port kept 7 ferries.",
    "Only 12 boats reached land. Officials said 300 people arrived, and 9 ferries stayed in port.",
)
LABELS = [s.label for s in DEFAULT_SCALE]
REVIEWERS = ("ana", "ben")
CASE_NUMBERS = itertools.count()

action = st.one_of(
    st.tuples(st.just("verdict"), st.integers(0, 40), st.sampled_from(LABELS)),
    st.tuples(st.just("note"), st.integers(0, 40), st.sampled_from(["check the log", ""])),
    st.tuples(st.just("clear"), st.integers(0, 40), st.none()),
    st.tuples(st.just("flag"), st.integers(0, 40), st.booleans()),
    st.tuples(st.just("dismiss"), st.integers(0, 40), st.booleans()),
    st.tuples(st.just("kind"), st.integers(0, 40), st.sampled_from(CLAIM_KINDS)),
    st.tuples(st.just("add"), st.integers(0, 40), st.sampled_from(CLAIM_KINDS)),
    st.tuples(st.just("worthy"), st.integers(0, 40), st.booleans()),
)
reviewer_action = st.tuples(st.sampled_from(REVIEWERS), action)


def apply(service, case_id, reviewer, name, index, given_value):
    every = service.claims(case_id, include_dismissed=True)
    claim = every[index % len(every)]
    if name == "verdict":
        service.set_verdict(claim.id, given_value, reviewer=reviewer)
    elif name == "note":
        service.annotate(claim.id, note=given_value, reviewer=reviewer)
    elif name == "clear":
        service.clear_verdict(claim.id, reviewer=reviewer)
    elif name == "flag":
        service.set_flag(claim.id, given_value, reviewer=reviewer)
    elif name == "dismiss":
        service.dismiss_claim(claim.id, given_value)
    elif name == "kind":
        service.edit_claim(claim.id, kind=given_value)
    elif name == "worthy":
        service.edit_claim(claim.id, check_worthy=given_value)
    else:
        service.add_claim(claim.article_id, claim.start, claim.end + 1, given_value)


def expected_queue(claims, reviewer, status, kind, label, check_worthy=None):
    keep = {
        None: lambda own, c: True,
        "unreviewed": lambda own, c: own is None or own.label is None,
        "conflicts": lambda own, c: c.in_conflict,
        "reviewed": lambda own, c: own is not None and own.label is not None,
        "flagged": lambda own, c: own is not None and own.flagged,
    }[status]
    chosen = [
        c for c in claims
        if keep(c.own(reviewer), c) and (kind is None or c.kind == kind)
        and (label is None or (c.own(reviewer) is not None and c.own(reviewer).label == label))
        and (check_worthy is None or c.check_worthy == check_worthy)
    ]
    # stable: reading order kept within claims worth checking (conflicts first), then context
    return [c.id for c in sorted(chosen, key=lambda c: (not c.check_worthy, not c.in_conflict))]


def expected_progress(claims, reviewer):
    own = [c.own(reviewer) for c in claims]
    labels = [v.label for v in own if v is not None and v.label is not None]
    return (
        len(claims),
        len(labels),
        sum(1 for v in own if v is not None and v.flagged),
        sum(1 for c in claims if c.in_conflict),
        [(label, labels.count(label)) for label in dict.fromkeys(labels)],  # in reading order
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(reviewer_action, max_size=25))
def test_queue_and_progress_agree_with_the_claims(any_db, actions):
    # one database per engine for all examples: each example has a case of its own
    with open_service(any_db, analyse=fake_analyse, match=fake_match) as service:
        case = service.create_case(f"Harbour {next(CASE_NUMBERS)}")
        service.import_articles(case.id, [Article(text=t, path=f"{n}.txt").with_text(t) for n, t in enumerate(TEXTS)])
        assert any(not c.check_worthy for c in service.claims(case.id))
        for reviewer, (name, index, given_value) in actions:
            apply(service, case.id, reviewer, name, index, given_value)
        claims = service.claims(case.id)
        assert any(c.in_conflict for c in claims)
        for reviewer in REVIEWERS:
            progress = service.progress(case.id, reviewer=reviewer)
            assert (progress.total, progress.reviewed, progress.flagged, progress.conflicts,
                    list(progress.by_label.items())) == expected_progress(claims, reviewer)
            for status in (None, "unreviewed", "conflicts", "reviewed", "flagged"):
                for kind in (None, *CLAIM_KINDS):
                    assert service.review_queue(case.id, status=status, kind=kind, reviewer=reviewer) == \
                        expected_queue(claims, reviewer, status, kind, None), (reviewer, status, kind)
                for worthy in (True, False):  # the claims worth checking only, or the context claims only
                    assert service.review_queue(case.id, status=status, check_worthy=worthy, reviewer=reviewer) == \
                        expected_queue(claims, reviewer, status, None, None, worthy), (reviewer, status, worthy)
                for label in LABELS:
                    assert service.review_queue(case.id, status=status, label=label, reviewer=reviewer) == \
                        expected_queue(claims, reviewer, status, None, label), (reviewer, status, label)


def test_an_empty_case_has_no_queue_and_zero_progress():
    with open_service(":memory:", analyse=fake_analyse, match=fake_match) as service:
        case = service.create_case("Empty")
        assert service.review_queue(case.id) == []
        progress = service.progress(case.id)
        assert (progress.total, progress.reviewed, progress.flagged, progress.conflicts, progress.by_label) == \
            (0, 0, 0, 0, {})
