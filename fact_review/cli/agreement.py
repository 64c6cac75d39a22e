"""`fact-review agreement --db DB --case NAME [--json]`: how often the case's reviewers agree."""
from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import Any, Optional

from fact_review.agreement import Agreement, CaseAgreement, RatedItem
from fact_review.cli.store_access import add_case_option, add_db_option, open_existing

DESCRIPTION = """Percent agreement, Cohen's kappa (two reviewers) and Krippendorff's alpha (any number of
reviewers, missing ratings allowed, ordinal on the case's scale) over the reviewers' own verdicts, for the
whole case and per claim kind (facts count as the kind "fact"); the claims and facts the reviewers differ
on (those waiting for a final verdict first), and those they agree on that still await an editor's final
verdict (nothing is published before)."""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("agreement", help="how often the case's reviewers agree", description=DESCRIPTION)
    add_db_option(parser)
    add_case_option(parser)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_existing(args, read_only=True) as service:
        case = service.find_case(args.case)
        agreement = service.agreement(case.id)
        positions = {a.id: a.position for a in service.articles(case.id)}
    if args.json:
        print(json.dumps(as_json(case.name, agreement, positions), ensure_ascii=False, indent=2))
    else:
        print("\n".join(describe(case.name, agreement, positions)))
    return 0


def as_json(case_name: str, agreement: CaseAgreement, positions: dict[int, int]) -> dict[str, Any]:
    return {
        "case": case_name,
        **_figures(agreement),
        "by_kind": {kind: _figures(figures) for kind, figures in agreement.by_kind.items()},
        "disagreements": [_item(d, positions) for d in agreement.disagreements],
        "awaiting_confirmation": [_item(d, positions) for d in agreement.awaiting_confirmation],
    }


def _item(item: RatedItem, positions: dict[int, int]) -> dict[str, Any]:
    """A claim as before; a fact by its key and its claims' ids (it has no article of its own)."""
    where = ({"fact": item.fact, "claims": list(item.claim_ids)} if item.fact is not None
             else {"claim": item.claim_id, "article": positions[item.article_id]})
    return {**where, "text": item.text, "kind": item.kind, "verdicts": dict(item.labels), "final": item.final}


def _figures(agreement: Agreement) -> dict[str, Any]:
    return {
        "reviewers": list(agreement.reviewers),
        "items": agreement.items,
        "percent_agreement": _rounded(agreement.percent_agreement),
        "cohen_kappa": _rounded(agreement.cohen_kappa),
        "krippendorff_alpha": _rounded(agreement.krippendorff_alpha),
        "pairs": [{**asdict(pair), "reviewers": list(pair.reviewers), "percent_agreement":
                   _rounded(pair.percent_agreement), "cohen_kappa": _rounded(pair.cohen_kappa)}
                  for pair in agreement.pairs],
    }


def _rounded(value: Optional[float]) -> Optional[float]:
    return None if value is None else round(value, 4)


def describe(case_name: str, agreement: CaseAgreement, positions: dict[int, int]) -> list[str]:
    if not agreement.reviewers:
        return [f"case {case_name!r}: no verdicts yet"]
    lines = [f"case {case_name!r}: {len(agreement.reviewers)} reviewer(s): {', '.join(agreement.reviewers)}",
             *(f"  {line}" for line in _figure_lines(agreement))]
    if agreement.by_kind:
        lines.append("by claim kind:")
        for kind, figures in agreement.by_kind.items():
            lines.append(f"  {kind}: " + "; ".join(_figure_lines(figures)))
    lines.append(f"items in disagreement: {len(agreement.disagreements)}")
    for d in agreement.disagreements:
        said = ", ".join(f"{reviewer} {label}" for reviewer, label in d.labels)
        settled = f"final: {d.final}" if d.final else "waiting for a final verdict"
        lines.append(f"  {_named(d, positions)} {d.text!r}: {said}; {settled}")
    waiting = agreement.awaiting_confirmation
    if waiting:
        lines.append(f"items the reviewers agree on, awaiting a final verdict: {len(waiting)}")
        for d in waiting:
            lines.append(f"  {_named(d, positions)} {d.text!r}: {d.labels[0][1]} "
                         f"({', '.join(reviewer for reviewer, _ in d.labels)})")
    return lines


def _named(item: RatedItem, positions: dict[int, int]) -> str:
    if item.fact is not None:
        return f"fact {item.fact} (claims {', '.join(map(str, item.claim_ids))})"
    return f"claim {item.claim_id} (article {positions[item.article_id]}, {item.kind})"


def _figure_lines(agreement: Agreement) -> list[str]:
    lines = [f"items rated by at least two: {agreement.items}"]
    if agreement.percent_agreement is not None:
        lines.append(f"percent agreement: {agreement.percent_agreement:.1f}%")
    lines.append(f"Cohen's kappa: {_shown(agreement.cohen_kappa)}")
    lines.append(f"Krippendorff's alpha (ordinal): {_shown(agreement.krippendorff_alpha)}")
    return lines


def _shown(value: Optional[float]) -> str:
    return "n/a" if value is None else f"{value:.3f}"
