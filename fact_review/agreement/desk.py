"""A desk's agreement on a case: its reviewers' own verdicts on the claims and the facts (final verdicts are
an adjudicator's, not a rating to agree with), overall and per claim kind (facts as a kind of their own),
the items they differ on, and those they agree on that await an editor's confirmation."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Optional, Sequence, Union

from fact_review.agreement.coefficients import cohen_kappa, krippendorff_alpha
from fact_review.store.facts import FactRow
from fact_review.store.rows import ClaimRow, ScaleLabel

UNNAMED = "(unnamed)"  # verdicts given before team review without a reviewer's name


@dataclass(frozen=True)
class PairAgreement:
    reviewers: tuple[str, str]
    items: int  # claims both rated
    percent_agreement: Optional[float]
    cohen_kappa: Optional[float]


@dataclass(frozen=True)
class Agreement:
    """``items``: claims rated by at least two reviewers; ``percent_agreement``: the share of them on which
    every reviewer gave the same label (0..100); ``cohen_kappa``: with exactly two reviewers (``pairs``
    has every pair's); ``krippendorff_alpha``: ordinal on the case's scale, any number of reviewers,
    missing ratings allowed (labels off the scale, such as Unverifiable, count as missing). None where
    a figure is undefined (too few ratings, or no variation at all)."""

    reviewers: tuple[str, ...]
    items: int
    percent_agreement: Optional[float]
    cohen_kappa: Optional[float]
    krippendorff_alpha: Optional[float]
    pairs: tuple[PairAgreement, ...]


FACT_KIND = "fact"  # the kind facts count under, beside the claims' kinds


@dataclass(frozen=True)
class RatedItem:
    """A claim (or a fact) that two reviewers or more rated, with what each said. A fact has no claim id or
    article of its own: ``fact`` is its key and ``claim_ids`` its claims; its ``text`` is its label."""

    claim_id: Optional[int]
    article_id: Optional[int]
    text: str
    kind: str
    labels: tuple[tuple[str, str], ...]  # (reviewer, label), by reviewer
    final: Optional[str]  # the adjudicator's label, None while it waits for one
    fact: Optional[str] = None
    claim_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class CaseAgreement(Agreement):
    by_kind: dict[str, Agreement]
    disagreements: tuple[RatedItem, ...]  # waiting for adjudication first, then claims in reading order, then facts
    # the reviewers agree and no final verdict is given yet: an editor confirms it (nothing is published before)
    awaiting_confirmation: tuple[RatedItem, ...] = ()


def case_agreement(claims: Sequence[ClaimRow], scale: Sequence[ScaleLabel], facts: Sequence[FactRow] = ()
                   ) -> CaseAgreement:
    """The agreement of ``claims`` (a case's claims not dismissed, with every reviewer's verdicts) and of
    its ``facts`` (with theirs), the facts as a kind of their own."""
    rated = [(_item(thing), thing) for thing in (*claims, *facts)]
    rated = [(item, thing) for item, thing in rated if item.labels]
    ratings = {step.label: step.rating for step in scale}
    overall = _agreement([dict(item.labels) for item, _ in rated], ratings)
    kinds = sorted({item.kind for item, _ in rated if item.kind != FACT_KIND})
    kinds += [FACT_KIND] if any(item.kind == FACT_KIND for item, _ in rated) else []
    by_kind = {kind: _agreement([dict(item.labels) for item, _ in rated if item.kind == kind], ratings)
               for kind in kinds}
    shared = [(item, thing) for item, thing in rated if len(item.labels) >= 2]
    differing = [item for item, thing in shared if len(set(dict(item.labels).values())) > 1]
    differing.sort(key=lambda d: d.final is not None)  # stable: reading order kept within each group
    return CaseAgreement(**vars(overall), by_kind=by_kind, disagreements=tuple(differing),
                         awaiting_confirmation=tuple(item for item, thing in shared if thing.concurring))


def _item(thing: Union[ClaimRow, FactRow]) -> RatedItem:
    labels = tuple(sorted({v.reviewer or UNNAMED: v.label for v in thing.verdicts if v.label is not None}.items()))
    final = thing.final.label if thing.final else None
    if isinstance(thing, FactRow):
        return RatedItem(None, None, thing.label, FACT_KIND, labels, final, fact=thing.key, claim_ids=thing.claim_ids)
    return RatedItem(thing.id, thing.article_id, thing.text, thing.kind, labels, final)


def _agreement(items: list[dict[str, str]], ratings: dict[str, Optional[int]]) -> Agreement:
    reviewers = tuple(sorted({reviewer for labels in items for reviewer in labels}))
    shared = [labels for labels in items if len(labels) >= 2]
    pairs = tuple(p for p in (_pair(items, first, second) for first, second in combinations(reviewers, 2)) if p.items)
    return Agreement(
        reviewers=reviewers,
        items=len(shared),
        percent_agreement=_percent(sum(1 for labels in shared if len(set(labels.values())) == 1), len(shared)),
        cohen_kappa=pairs[0].cohen_kappa if len(reviewers) == 2 and pairs else None,
        krippendorff_alpha=krippendorff_alpha(
            [[ratings.get(labels.get(reviewer)) for reviewer in reviewers] for labels in items], "ordinal"),
        pairs=pairs,
    )


def _pair(items: list[dict[str, str]], first: str, second: str) -> PairAgreement:
    both = [(labels[first], labels[second]) for labels in items if first in labels and second in labels]
    return PairAgreement((first, second), len(both), _percent(sum(1 for a, b in both if a == b), len(both)),
                         cohen_kappa(both))


def _percent(part: int, whole: int) -> Optional[float]:
    return 100 * part / whole if whole else None
