"""Conversions between the ORM tables and the frozen rows the service hands out, and the JSON kept in
text columns: a case's scale, a claim's reviewer corrections, a verdict state in the history."""
from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from decimal import Decimal
from typing import Any, Optional, Sequence

from fact_review.model import Article
from fact_review.model import Claim as ClaimData
from fact_review.store.models import Article as ArticleTable
from fact_review.store.models import Case, Claim
from fact_review.store.rows import (
    CLAIM_VALUE_FIELDS,
    ArticleRow,
    CaseRow,
    ClaimRow,
    MatchRow,
    ScaleLabel,
    VerdictRow,
    current_verdict,
)

DECIMAL_FIELDS = ("value", "low", "high")
VERDICT_FIELDS = ("label", "rating", "note", "evidence_url", "reviewer", "created_at", "updated_at", "version",
                  "flagged", "final")
NO_OVERRIDES = "{}"


def scale_to_json(scale: Sequence[ScaleLabel]) -> str:
    return json.dumps([asdict(s) for s in scale])


def scale_from_json(text: str) -> tuple[ScaleLabel, ...]:
    return tuple(ScaleLabel(**step) for step in json.loads(text))


def case_row(case: Case) -> CaseRow:
    return CaseRow(case.id, case.name, case.created_at, scale_from_json(case.scale_json), bool(case.blind))


def article_row(a: ArticleTable) -> ArticleRow:
    return ArticleRow(a.id, a.case_id, a.position, a.title, a.outlet, a.url, a.author, a.published,
                      a.content_hash, a.path, a.text, a.imported_at, a.version)


def article_data(a: ArticleTable) -> Article:
    return Article(text=a.text, title=a.title, outlet=a.outlet, url=a.url, author=a.author,
                   published=a.published, content_hash=a.content_hash, path=a.path)


def match_row(m: Any) -> MatchRow:
    """``m``: a match's columns (ORM object or row)."""
    return MatchRow(m.id, m.case_id, m.a_article_id, m.a_start, m.a_end, m.b_article_id, m.b_start, m.b_end,
                    m.score, m.tier, m.numeric, m.method, m.status, m.version)


def machine_claim(c: Claim) -> ClaimData:
    return ClaimData(c.start, c.end, c.text, c.kind, c.value, c.unit, c.noun, c.qualifier, c.low, c.high,
                     c.date, bool(c.check_worthy), c.why)


def claim_row(c: Any, verdicts: Sequence[VerdictRow], in_conflict: bool, agreed: bool) -> ClaimRow:
    """``c``: a claim's columns (ORM object or row); ``verdicts``: its verdict rows, reviewers' and final."""
    overrides = decode_overrides(c.overrides)
    values = {name: overrides.get(name, getattr(c, name)) for name in CLAIM_VALUE_FIELDS}
    own, final = reviewers_and_final(verdicts)
    return ClaimRow(
        id=c.id, article_id=c.article_id, start=c.start, end=c.end, text=c.text, **values,
        quote=c.quote, prefix=c.prefix, suffix=c.suffix, origin=c.origin, edited=bool(overrides),
        dismissed=bool(c.dismissed), anchor_changed=bool(c.anchor_changed), verdict=current_verdict(own, final),
        in_conflict=in_conflict, agreed=agreed, overridden=tuple(n for n in CLAIM_VALUE_FIELDS if n in overrides),
        verdicts=own, final=final, version=c.version,
    )


def reviewers_and_final(verdicts: Sequence[VerdictRow]) -> tuple[tuple[VerdictRow, ...], Optional[VerdictRow]]:
    """A claim's or a fact's verdict rows as each reviewer's and the final one."""
    return tuple(v for v in verdicts if not v.final), next((v for v in verdicts if v.final), None)


def encode_overrides(overrides: dict[str, Any]) -> str:
    return json.dumps(
        {k: (str(v) if isinstance(v, Decimal) else v) for k, v in overrides.items()}, ensure_ascii=False
    )


def decode_overrides(text: str) -> dict[str, Any]:
    if not text or text == NO_OVERRIDES:  # nearly every claim: no JSON to parse
        return {}
    data = json.loads(text)
    return {k: (Decimal(v) if k in DECIMAL_FIELDS and v is not None else v) for k, v in data.items()}


def verdict_state(claim_id: Optional[int], fields: Optional[dict[str, Any]], fact_id: Optional[int] = None
                  ) -> Optional[VerdictRow]:
    """None when there is nothing to show: no row, or a row with no label, flag, note or evidence url.

    A row with a note or an evidence url but no label is kept: the reviewer wrote it before deciding,
    and it counts as unreviewed everywhere (progress, queue, reports) because its label is None.
    """
    if fields is None or not (fields["label"] is not None or fields["flagged"] or fields["note"]
                              or fields["evidence_url"]):
        return None
    return VerdictRow(claim_id=claim_id, **{**fields, "flagged": bool(fields["flagged"]), "final": bool(fields["final"])},
                      fact_id=fact_id)


def verdict_to_json(row: Optional[VerdictRow]) -> Optional[str]:
    if row is None:
        return None
    data = asdict(row)
    data["created_at"], data["updated_at"] = row.created_at.isoformat(), row.updated_at.isoformat()
    return json.dumps(data, ensure_ascii=False)


def verdict_from_json(text: Optional[str]) -> Optional[VerdictRow]:
    if text is None:
        return None
    data = json.loads(text)
    data["created_at"] = datetime.fromisoformat(data["created_at"])
    data["updated_at"] = datetime.fromisoformat(data["updated_at"])
    return VerdictRow(**data)
