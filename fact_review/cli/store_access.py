"""What the database sub-commands share: opening ``--db`` (a file path or a server URL; default: the
file in the user data folder) and the JSON shape of a claim or a fact with its verdicts."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Optional, Union

from fact_review.cli.text_args import utf8_text
from fact_review.model import json_number
from fact_review.store import (ClaimRow, FactRow, RatedByReviewers, ReviewService, VerdictRow, default_db_path,
                               open_service)


DB_HELP = "database: a file (SQLite) or postgresql+psycopg://user@host:port/dbname (default: fact-review.db in the user data folder)"


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="DB", help=DB_HELP)


def add_case_option(parser: argparse.ArgumentParser, help: str = "the case's name") -> None:
    parser.add_argument("--case", required=True, type=utf8_text, metavar="NAME", help=help)


def database(args: argparse.Namespace) -> Union[str, Path]:
    """``--db`` as given (a URL stays a string: it is never taken for a file name)."""
    return args.db if args.db else default_db_path()


def open_existing(args: argparse.Namespace, *, read_only: bool = False) -> ReviewService:
    """The service over an existing database (reading commands must not create one by mistake)."""
    return open_database(args, create=False, read_only=read_only)


def open_database(args: argparse.Namespace, *, create: bool = True, read_only: bool = False) -> ReviewService:
    """The service over ``--db``; a damaged file replaced by its backup on the way is said on stderr."""
    return said_recovery(open_service(database(args), create=create, read_only=read_only))


def said_recovery(service: ReviewService) -> ReviewService:
    """``service``, after telling the user on stderr when opening it restored a backup."""
    if service.recovery is not None:
        print(f"fact-review: {service.recovery.message()}", file=sys.stderr)
    return service


def verdict_json(verdict: Optional[VerdictRow]) -> Optional[dict[str, Any]]:
    """A verdict as JSON, or None when the claim has none (a flag alone is not a verdict)."""
    if verdict is None or verdict.label is None:
        return None
    return {
        "label": verdict.label,
        "rating": verdict.rating,
        "note": verdict.note,
        "evidence_url": verdict.evidence_url,
        "reviewer": verdict.reviewer,
        "created_at": verdict.created_at.isoformat(),
        "updated_at": verdict.updated_at.isoformat(),
        "version": verdict.version,
    }


def claim_json(claim: ClaimRow, article_index: int) -> dict[str, Any]:
    return {
        "id": claim.id,
        "article": article_index,
        "article_id": claim.article_id,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "kind": claim.kind,
        "value": json_number(claim.value),
        "unit": claim.unit,
        "noun": claim.noun,
        "qualifier": claim.qualifier,
        "low": json_number(claim.low),
        "high": json_number(claim.high),
        "date": claim.date,
        "check_worthy": claim.check_worthy,
        "why": claim.why,
        "origin": claim.origin,
        "dismissed": claim.dismissed,
        "flagged": any(v.flagged for v in claim.verdicts),
        **verdicts_json(claim),
    }


def verdicts_json(rated: RatedByReviewers) -> dict[str, Any]:
    """A claim's or a fact's ``verdict`` (the final one, else the single reviewer's, else None), each
    reviewer's own ``verdicts`` and the ``final`` one."""
    return {
        "verdict": verdict_json(rated.verdict),
        "verdicts": [reviewer_verdict_json(v) for v in rated.verdicts if v.label is not None or v.note],
        "final": reviewer_verdict_json(rated.final) if rated.final and rated.final.label is not None else None,
    }


def fact_json(fact: FactRow) -> dict[str, Any]:
    """A fact as ``verdicts --json`` lists it: its key (``verdict --fact KEY``), what it is, its claims'
    ids, and its verdicts in the claims' shape."""
    return {"id": fact.key, "kind": fact.kind, "status": fact.status, "label": fact.label,
            "claims": list(fact.claim_ids), **verdicts_json(fact)}


def reviewer_verdict_json(verdict: VerdictRow) -> dict[str, Any]:
    """One reviewer's own verdict (or the adjudicator's final one), as ``verdicts --json`` lists it."""
    return {"reviewer": verdict.reviewer, "label": verdict.label, "note": verdict.note,
            "at": verdict.updated_at.isoformat()}


def describe_verdict(claim: Union[ClaimRow, FactRow]) -> str:
    """The claim's (or fact's) current verdict in words; where two reviewers or more rated it and no final
    verdict is given yet, what each of them said."""
    verdict = claim.verdict
    if claim.disputed or claim.concurring:
        said = "; ".join(f"{v.reviewer or 'unnamed'}: {v.label}" for v in claim.verdicts if v.label is not None)
        how = "differ" if claim.disputed else "agree"
        return f"reviewers {how} ({said}), no final verdict yet"
    if verdict is None or verdict.label is None:
        return "no verdict" + (f", note: {verdict.note}" if verdict is not None and verdict.note else "")
    parts = [("final: " if verdict.final else "") + verdict.label
             + (f" ({verdict.rating})" if verdict.rating is not None else "")]
    if verdict.reviewer:
        parts.append(f"by {verdict.reviewer}")
    parts.append(f"version {verdict.version}")
    if verdict.note:
        parts.append(f"note: {verdict.note}")
    return ", ".join(parts)
