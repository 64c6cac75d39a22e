"""Reviewer edits of claims: a claim the extractor missed, corrections and dismissals. Corrections are
kept in ``overrides``, apart from the machine's columns, so that re-analysis never overwrites them."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Optional

from sqlmodel import Session

from fact_review.errors import InputError
from fact_review.model import CLAIM_KINDS
from fact_review.store import changes
from fact_review.store.anchors import anchor
from fact_review.store.convert import DECIMAL_FIELDS, decode_overrides, encode_overrides
from fact_review.store.models import Article as ArticleTable
from fact_review.store.models import Claim, utcnow
from fact_review.store.reads import claim_and_case, one_claim_row
from fact_review.store.rows import CLAIM_VALUE_FIELDS, ClaimEdit, ClaimRow

Edit = Callable[[Claim], None]


def clean_fields(fields: dict[str, object]) -> dict[str, Any]:
    """Claim value fields checked and typed: a known kind, exact finite numbers, ``check_worthy`` true or
    false, text elsewhere."""
    unknown = set(fields) - set(CLAIM_VALUE_FIELDS)
    if unknown:
        raise InputError(f"claims have no field(s) {', '.join(sorted(unknown))}")
    clean: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "kind" and value not in CLAIM_KINDS:
            raise InputError(f"unknown claim kind {value!r}: use one of {', '.join(CLAIM_KINDS)}")
        if name in DECIMAL_FIELDS and value is not None:
            if isinstance(value, float):
                raise InputError(f"{name}: give an exact number (a string or Decimal), not a float")
            try:
                value = Decimal(str(value))
            except InvalidOperation:
                raise InputError(f"{name}: {value!r} is not a number") from None
            if not value.is_finite():
                raise InputError(f"{name}: {value!r} is not a finite number")
        elif name == "check_worthy":
            if not isinstance(value, bool):
                raise InputError(f"check_worthy: expected true or false, got {value!r}")
        elif value is not None and not isinstance(value, str):
            raise InputError(f"{name}: expected text, got {type(value).__name__}")
        clean[name] = value
    return clean


def add_claim(session: Session, article_id: int, start: int, end: int, fields: dict[str, Any],
              actor: Optional[str]) -> ClaimRow:
    """A claim with origin "reviewer" over ``[start, end)``; ``fields`` come from ``clean_fields``."""
    article = session.get(ArticleTable, article_id)
    if article is None:
        raise InputError(f"no article {article_id}")
    if not (0 <= start < end <= len(article.text)):
        raise InputError(f"span [{start}, {end}) is outside the article (0..{len(article.text)})")
    quote, prefix, suffix = anchor(article.text, start, end)
    claim = Claim(article_id=article_id, start=start, end=end, text=quote, quote=quote,
                  prefix=prefix, suffix=suffix, origin="reviewer", **fields)
    session.add(claim)
    session.flush()
    changes.record(session.connection(), article.case_id, changes.CLAIM, claim.id, actor, utcnow())
    return one_claim_row(session, claim.id)


def edit(session: Session, claim_id: int, change: Edit, actor: Optional[str],
         expected_version: Optional[int] = None) -> ClaimEdit:
    """Change a claim (a correction, a dismissal, an undo of either); a change made on a copy older than
    ``expected_version`` is refused: another reviewer corrected the claim meanwhile."""
    claim, case = claim_and_case(session, claim_id)
    before = one_claim_row(session, claim_id)
    changes.refuse_if_stale(session.connection(), changes.CLAIM, claim_id, f"Claim {claim_id} “{claim.text}”",
                            claim.version, expected_version, before)
    change(claim)
    session.add(claim)
    session.flush()
    changes.record(session.connection(), case.id, changes.CLAIM, claim_id, actor, utcnow())
    return ClaimEdit(claim_id, before, one_claim_row(session, claim_id))


def corrected(changes: dict[str, Any]) -> Edit:
    """``changes`` (from ``clean_fields``) over the reviewer's earlier corrections."""

    def change(claim: Claim) -> None:
        claim.overrides = encode_overrides({**decode_overrides(claim.overrides), **changes})

    return change


def dismissed(dismiss: bool) -> Edit:
    def change(claim: Claim) -> None:
        claim.dismissed = dismiss

    return change


def restored(state: ClaimRow) -> Edit:
    """The corrections and dismissal of ``state`` (undo of an edit or a dismissal)."""
    overrides = {name: getattr(state, name) for name in state.overridden}

    def change(claim: Claim) -> None:
        claim.overrides = encode_overrides(overrides)
        claim.dismissed = state.dismissed

    return change


def delete_claim(session: Session, claim_id: int, actor: Optional[str], expected_version: Optional[int] = None) -> None:
    claim, case = claim_and_case(session, claim_id)
    if claim.origin != "reviewer":
        raise InputError(f"claim {claim_id} was found by the extractor: dismiss it instead")
    changes.refuse_if_stale(session.connection(), changes.CLAIM, claim_id, f"Claim {claim_id} “{claim.text}”",
                            claim.version, expected_version, one_claim_row(session, claim_id))
    session.delete(claim)
    changes.record(session.connection(), case.id, changes.CLAIM, claim_id, actor, utcnow())
