"""The review queue and progress counts, answered in SQL, agree with what the claims themselves say
(``claims()``, reviewer corrections and conflicts included) after any mix of reviewer actions."""
from __future__ import annotations

from hypothesis import given, settings
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


def apply(service, case_id, name, index, given_value):
    every = service.claims(case_id, include_dismissed=True)
    claim = every[index % len(every)]
    if name == "verdict":
        service.set_verdict(claim.id, given_value, reviewer="ana")
    elif name == "note":
        service.annotate(claim.id, note=given_value)
    elif name == "clear":
        service.clear_verdict(claim.id)
    elif name == "flag":
        service.set_flag(claim.id, given_value)
    elif name == "dismiss":
        service.dismiss_claim(claim.id, given_value)
    elif name == "kind":
        service.edit_claim(claim.id, kind=given_value)
    elif name == "worthy":
        service.edit_claim(claim.id, check_worthy=given_value)
    else:
        service.add_claim(claim.article_id, claim.start, claim.end + 1, given_value)


def expected_queue(claims, status, kind, label):
    keep = {
        None: lambda c: True,
        "unreviewed": lambda c: c.verdict is None or c.verdict.label is None,
        "conflicts": lambda c: c.in_conflict,
        "reviewed": lambda c: c.verdict is not None and c.verdict.label is not None,
        "flagged": lambda c: c.verdict is not None and c.verdict.flagged,
    }[status]
    chosen = [
        c for c in claims
        if keep(c) and (kind is None or c.kind == kind)
        and (label is None or (c.verdict is not None and c.verdict.label == label))
    ]
    # stable: reading order kept within claims worth checking (conflicts first), then context
    return [c.id for c in sorted(chosen, key=lambda c: (not c.check_worthy, not c.in_conflict))]


def expected_progress(claims):
    labels = [c.verdict.label for c in claims if c.verdict is not None and c.verdict.label is not None]
    return (
        len(claims),
        len(labels),
        sum(1 for c in claims if c.verdict is not None and c.verdict.flagged),
        sum(1 for c in claims if c.in_conflict),
        [(label, labels.count(label)) for label in dict.fromkeys(labels)],  # in reading order
    )


@settings(max_examples=40, deadline=None)
@given(st.lists(action, max_size=25))
def test_queue_and_progress_agree_with_the_claims(actions):
    with open_service(":memory:", analyse=fake_analyse, match=fake_match) as service:
        case = service.create_case("Harbour")
        service.import_articles(case.id, [Article(text=t, path=f"{n}.txt").with_text(t) for n, t in enumerate(TEXTS)])
        assert any(not c.check_worthy for c in service.claims(case.id))
        for name, index, given_value in actions:
            apply(service, case.id, name, index, given_value)
        claims = service.claims(case.id)
        assert any(c.in_conflict for c in claims)

        progress = service.progress(case.id)
        assert (progress.total, progress.reviewed, progress.flagged, progress.conflicts,
                list(progress.by_label.items())) == expected_progress(claims)
        for status in (None, "unreviewed", "conflicts", "reviewed", "flagged"):
            for kind in (None, *CLAIM_KINDS):
                assert service.review_queue(case.id, status=status, kind=kind) == \
                    expected_queue(claims, status, kind, None), (status, kind)
            for label in LABELS:
                assert service.review_queue(case.id, status=status, label=label) == \
                    expected_queue(claims, status, None, label), (status, label)


def test_an_empty_case_has_no_queue_and_zero_progress():
    with open_service(":memory:", analyse=fake_analyse, match=fake_match) as service:
        case = service.create_case("Empty")
        assert service.review_queue(case.id) == []
        progress = service.progress(case.id)
        assert (progress.total, progress.reviewed, progress.flagged, progress.conflicts, progress.by_label) == \
            (0, 0, 0, 0, {})
