"""Making a case: its name and its verdict scale, checked before anything is stored."""
from __future__ import annotations

from typing import Optional, Sequence

from sqlmodel import Session, select

from fact_review.errors import InputError
from fact_review.store import changes
from fact_review.store.convert import case_row, scale_to_json
from fact_review.store.models import Case, utcnow
from fact_review.store.reads import get_case
from fact_review.store.rows import CaseRow, ScaleLabel


def check_new_case(name: str, scale: Sequence[ScaleLabel]) -> None:
    """A case needs a name and a scale of distinct, non-empty labels (checked before a write begins)."""
    if not isinstance(name, str) or not name.strip():
        raise InputError("a case needs a name")
    labels = [s.label.casefold() for s in scale]
    if not scale or any(not s.label.strip() for s in scale):
        raise InputError("a verdict scale needs at least one label, and no empty labels")
    if len(set(labels)) != len(labels):
        raise InputError("a verdict scale cannot name the same label twice")


def create_case(session: Session, name: str, scale: Sequence[ScaleLabel]) -> CaseRow:
    """A new case; ``check_new_case`` has passed and the name must be new."""
    if session.exec(select(Case.id).where(Case.name == name)).first() is not None:
        raise InputError(f"a case named {name!r} exists already")
    case = Case(name=name, created_at=utcnow(), scale_json=scale_to_json(scale))
    session.add(case)
    session.flush()
    return case_row(case)



def set_blind(session: Session, case_id: int, blind: bool, actor: Optional[str]) -> CaseRow:
    """Turn blind review on or off for a case (every reviewer's window follows within its refresh)."""
    case = get_case(session, case_id)
    case.blind = blind
    session.add(case)
    session.flush()
    changes.record(session.connection(), case_id, changes.CASE, None, actor, utcnow())
    return case_row(case)
