"""Agreement figures: the coefficients against published worked examples, their properties on any
ratings, and a desk's figures on a real case checked by hand, through the store and `fact-review agreement`."""
from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import fact_review.store.service as service_module
from fact_review.agreement import case_agreement, cohen_kappa, krippendorff_alpha
from fact_review.cli import main
from fact_review.model import Article
from fact_review.store import open_service
from store_fakes import fake_analyse, fake_match

# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C: four observers, twelve
# units, values 1-5, missing values as None. The paper gives alpha = .743 (nominal), .815 (ordinal),
# .849 (interval).
OBSERVERS = (
    (1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None),
    (1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3),
    (None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None),
    (1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None),
)
UNITS = list(zip(*OBSERVERS))


@pytest.mark.parametrize("metric, published", [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849)])
def test_alpha_matches_krippendorffs_worked_example(metric, published):
    assert round(krippendorff_alpha(UNITS, metric), 3) == published


def test_kappa_matches_the_textbook_example():
    # 50 proposals read by two editors: yes/yes 20, yes/no 5, no/yes 10, no/no 15:
    # p_o = 0.70, p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.50, kappa = 0.40
    pairs = [("yes", "yes")] * 20 + [("yes", "no")] * 5 + [("no", "yes")] * 10 + [("no", "no")] * 15
    assert cohen_kappa(pairs) == pytest.approx(0.4)


def test_undefined_figures_are_none_not_a_number():
    assert cohen_kappa([]) is None
    assert cohen_kappa([("True", "True")] * 4) is None  # chance agreement is certain
    assert krippendorff_alpha([(3, None), (None, 4)]) is None  # no unit has two values
    assert krippendorff_alpha([(2, 2), (2, 2, 2)]) is None  # one value only: nothing to tell apart


ratings = st.lists(st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=2, max_size=4), min_size=1, max_size=15)


@given(ratings, st.sampled_from(["nominal", "ordinal", "interval"]))
def test_alpha_is_at_most_one_and_blind_to_the_order_of_units_and_coders(units, metric):
    alpha = krippendorff_alpha(units, metric)
    if alpha is None:
        return
    assert alpha <= 1 + 1e-9 and not math.isnan(alpha)
    shuffled = [tuple(reversed(unit)) for unit in reversed(units)]
    assert krippendorff_alpha(shuffled, metric) == pytest.approx(alpha)


@given(st.lists(st.integers(1, 5), min_size=2, max_size=20).filter(lambda values: len(set(values)) > 1))
def test_perfect_agreement_is_one(values):
    assert krippendorff_alpha([(v, v) for v in values]) == pytest.approx(1.0)
    assert cohen_kappa([(v, v) for v in values]) == pytest.approx(1.0)


@given(st.lists(st.tuples(st.integers(1, 5), st.integers(1, 5)), min_size=1, max_size=30))
def test_ordinal_alpha_depends_on_order_not_on_distances(pairs):
    """Ordinal alpha reads ranks: spreading the scale's values apart (same order) changes nothing."""
    stretched = {1: 1, 2: 2, 3: 10, 4: 11, 5: 40}
    before = krippendorff_alpha(pairs)
    after = krippendorff_alpha([(stretched[a], stretched[b]) for a, b in pairs])
    assert (before is None) == (after is None)
    assert before is None or after == pytest.approx(before)


TEXT = "The storm left 12 dead. About 300 homes flooded. 40 roads closed. 7 schools shut. 3 bridges fell."
# what ana and ben said of the five numbers above, in reading order (None: not rated), and one more
# reviewer, cleo, who rated two of them
ANA = ("True", "Mostly true", "False", "True", "Unverifiable")
BEN = ("True", "Half true", "False", "Mostly true", None)
CLEO = (None, "Half true", None, None, "Unverifiable")


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch):
    monkeypatch.setattr(service_module, "analyse_article", fake_analyse)
    monkeypatch.setattr(service_module, "match_case", fake_match)


def rated_case(db: str):
    service = open_service(db)
    case = service.create_case("Storm")
    service.import_articles(case.id, [Article(text=TEXT, path="storm.txt").with_text(TEXT)])
    claims = service.claims(case.id)
    for reviewer, labels in (("ana", ANA), ("ben", BEN), ("cleo", CLEO)):
        for claim, label in zip(claims, labels):
            if label is not None:
                service.set_verdict(claim.id, label, reviewer=reviewer)
    return service, case, claims


def test_a_desks_figures_match_a_hand_computation(any_db):
    service, case, claims = rated_case(any_db)
    service.set_verdict(claims[1].id, "Half true", reviewer="dan", final=True)
    service.set_verdict(claims[0].id, "True", reviewer="dan", final=True)  # their agreement, confirmed
    try:
        figures = service.agreement(case.id)
    finally:
        service.close()
    assert figures.reviewers == ("ana", "ben", "cleo")
    # rated by two or more: the first four and the fifth (ana and cleo); all agree on the 1st, 3rd, 5th
    assert figures.items == 5 and figures.percent_agreement == pytest.approx(60.0)
    assert figures.cohen_kappa is None  # three reviewers: kappa is given per pair
    ana_ben = next(p for p in figures.pairs if p.reviewers == ("ana", "ben"))
    # ana/ben on four claims: True/True, Mostly true/Half true, False/False, True/Mostly true: p_o = 2/4;
    # ana's labels True 2, Mostly true 1, False 1; ben's True 1, Half true 1, False 1, Mostly true 1:
    # p_e = (2*1 + 1*1 + 1*1) / 16 = 0.25; kappa = (0.5 - 0.25) / 0.75 = 1/3
    assert (ana_ben.items, ana_ben.percent_agreement, ana_ben.cohen_kappa) == (4, 50.0, pytest.approx(1 / 3))
    # alpha: ordinal on ratings (True 5, Mostly true 4, Half true 3, False 1); Unverifiable counts as missing
    units = [(5, 5, None), (4, 3, 3), (1, 1, None), (5, 4, None), (None, None, None)]
    assert figures.krippendorff_alpha == pytest.approx(krippendorff_alpha(units, "ordinal"))
    assert [(d.claim_id, d.labels, d.final) for d in figures.disagreements] == [
        (claims[3].id, (("ana", "True"), ("ben", "Mostly true")), None),  # waiting for a final verdict first
        (claims[1].id, (("ana", "Mostly true"), ("ben", "Half true"), ("cleo", "Half true")), "Half true"),
    ]
    assert list(figures.by_kind) == ["number"] and figures.by_kind["number"].items == 5
    # they agree on the 3rd and 5th and no editor has confirmed it yet: nothing is published for them
    assert [(d.claim_id, d.labels) for d in figures.awaiting_confirmation] == [
        (claims[2].id, (("ana", "False"), ("ben", "False"))),
        (claims[4].id, (("ana", "Unverifiable"), ("cleo", "Unverifiable")))]


def test_two_reviewers_get_cohens_kappa_directly():
    with open_service(":memory:") as service:
        case = service.create_case("Two")
        service.import_articles(case.id, [Article(text=TEXT, path="storm.txt").with_text(TEXT)])
        claims = service.claims(case.id)
        for reviewer, labels in (("ana", ANA), ("ben", BEN)):
            for claim, label in zip(claims, labels):
                if label is not None:
                    service.set_verdict(claim.id, label, reviewer=reviewer)
        figures = case_agreement(service.claims(case.id), case.scale)
    assert figures.reviewers == ("ana", "ben") and figures.cohen_kappa == pytest.approx(1 / 3)


def test_the_agreement_command(any_db_file, capsys):
    service, case, claims = rated_case(any_db_file)
    service.close()
    assert main(["agreement", "--db", any_db_file, "--case", "Storm", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert {"reviewers", "items", "percent_agreement", "cohen_kappa", "krippendorff_alpha", "by_kind",
            "disagreements"} <= set(document)
    assert (document["reviewers"], document["items"], document["percent_agreement"]) == (["ana", "ben", "cleo"], 5,
                                                                                         60.0)
    assert document["by_kind"]["number"]["items"] == 5
    assert [(d["claim"], d["verdicts"], d["final"]) for d in document["disagreements"]] == [
        (claims[1].id, {"ana": "Mostly true", "ben": "Half true", "cleo": "Half true"}, None),
        (claims[3].id, {"ana": "True", "ben": "Mostly true"}, None)]
    assert [d["claim"] for d in document["awaiting_confirmation"]] == [claims[0].id, claims[2].id, claims[4].id]
    assert main(["agreement", "--db", any_db_file, "--case", "Storm"]) == 0
    out = capsys.readouterr().out
    assert "3 reviewer(s): ana, ben, cleo" in out and "percent agreement: 60.0%" in out
    assert "items in disagreement: 2" in out and "waiting for a final verdict" in out
    assert "items the reviewers agree on, awaiting a final verdict: 3" in out
    assert f"claim {claims[2].id} (article 0, number)" in out.split("awaiting a final verdict: 3")[1]
    assert main(["agreement", "--db", any_db_file, "--case", "Nope"]) == 2
