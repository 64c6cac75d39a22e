"""What the database sub-commands share: opening ``--db`` (default: the user data folder) and the JSON
shape of a claim with its verdict."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, Optional

from fact_review.cli.text_args import utf8_text
from fact_review.errors import InputError
from fact_review.model import json_number
from fact_review.store import ClaimRow, ReviewService, VerdictRow, default_db_path, open_service


DB_HELP = "database file (default: fact-review.db in the user data folder)"


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="DB", help=DB_HELP)


def add_case_option(parser: argparse.ArgumentParser, help: str = "the case's name") -> None:
    parser.add_argument("--case", required=True, type=utf8_text, metavar="NAME", help=help)


def db_path(args: argparse.Namespace) -> Path:
    path = Path(args.db) if args.db else default_db_path()
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a database file; give a file name (e.g. {path / 'review.db'})")
    return path


def open_existing(args: argparse.Namespace) -> ReviewService:
    """The service over an existing database (reading commands must not create one by mistake)."""
    path = db_path(args)
    if not path.is_file():
        raise InputError(f"{path}: no such database")
    return open_service(path)


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
        "origin": claim.origin,
        "dismissed": claim.dismissed,
        "flagged": bool(claim.verdict and claim.verdict.flagged),
        "verdict": verdict_json(claim.verdict),
    }


def describe_verdict(claim: ClaimRow) -> str:
    verdict = claim.verdict
    if verdict is None or verdict.label is None:
        return "no verdict" + (f", note: {verdict.note}" if verdict is not None and verdict.note else "")
    parts = [verdict.label + (f" ({verdict.rating})" if verdict.rating is not None else "")]
    if verdict.reviewer:
        parts.append(f"by {verdict.reviewer}")
    parts.append(f"version {verdict.version}")
    if verdict.note:
        parts.append(f"note: {verdict.note}")
    return ", ".join(parts)
