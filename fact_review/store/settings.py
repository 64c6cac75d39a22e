"""Settings kept in the database, so that every window and command on it publishes alike: the desk's
(who publishes: name, website, logo) and each case's (where its report is published, draft or final).

Stored as key/value rows, one table for the desk and one for cases, so a new setting needs no migration.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any, Optional

from sqlalchemy import Column, ForeignKey, Integer, Text, delete, inspect
from sqlmodel import Field, Session, SQLModel, select

from fact_review.errors import InputError
from fact_review.reports.urls import http_url

REPORT_STATES = ("draft", "final")


class DeskSetting(SQLModel, table=True):
    __tablename__ = "desk_setting"

    key: str = Field(sa_column=Column(Text, primary_key=True))
    value: str = Field(sa_column=Column(Text, nullable=False))


class CaseSetting(SQLModel, table=True):
    __tablename__ = "case_setting"

    case_id: int = Field(sa_column=Column(Integer, ForeignKey("review_case.id", ondelete="CASCADE"),
                                          primary_key=True))
    key: str = Field(sa_column=Column(Text, primary_key=True))
    value: str = Field(sa_column=Column(Text, nullable=False))


@dataclass(frozen=True)
class DeskSettings:
    """Who publishes the fact-checks: ClaimReview's ``publisher`` and the reports' byline."""

    publisher_name: Optional[str] = None
    publisher_url: Optional[str] = None  # the desk's website
    publisher_logo: Optional[str] = None  # an image url (Google shows it beside the fact-check)


@dataclass(frozen=True)
class CaseSettings:
    review_url: Optional[str] = None  # the page where this case's fact-check is published
    report_state: str = "draft"  # draft | final: what the reports say they are


_URL_FIELDS = {"publisher_url": "the publisher's website", "publisher_logo": "the publisher's logo",
               "review_url": "the review URL"}


def checked(settings: Any) -> Any:
    """``settings`` with text trimmed (empty means unset); urls must be absolute http(s) urls."""
    cleaned = {}
    for field in fields(settings):
        value = getattr(settings, field.name)
        if isinstance(value, str):
            value = value.strip() or None
        if field.name in _URL_FIELDS and value is not None and http_url(value) is None:
            raise InputError(f"{_URL_FIELDS[field.name]} must be a web address starting with https:// "
                             f"or http://, not {value!r}")
        cleaned[field.name] = value
    if cleaned.get("report_state", "draft") is None:
        cleaned["report_state"] = "draft"
    if "report_state" in cleaned and cleaned["report_state"] not in REPORT_STATES:
        raise InputError(f"a report is 'draft' or 'final', not {cleaned['report_state']!r}")
    return replace(settings, **cleaned)


def _from_rows(kind: type, rows: dict[str, str]) -> Any:
    known = {field.name for field in fields(kind)}
    return kind(**{key: value for key, value in rows.items() if key in known})  # keys of newer versions: ignored


def _stored(session: Session) -> bool:
    """False for a database of an older version opened read-only (not migrated): it has no settings yet."""
    return inspect(session.connection()).has_table(DeskSetting.__tablename__)


def desk_settings(session: Session) -> DeskSettings:
    if not _stored(session):
        return DeskSettings()
    return _from_rows(DeskSettings, {row.key: row.value for row in session.exec(select(DeskSetting))})


def case_settings(session: Session, case_id: int) -> CaseSettings:
    if not _stored(session):
        return CaseSettings()
    rows = session.exec(select(CaseSetting).where(CaseSetting.case_id == case_id))
    return _from_rows(CaseSettings, {row.key: row.value for row in rows})


def save_desk_settings(session: Session, settings: DeskSettings) -> DeskSettings:
    settings = checked(settings)
    for field in fields(settings):
        session.exec(delete(DeskSetting).where(DeskSetting.key == field.name))
        value = getattr(settings, field.name)
        if value is not None:
            session.add(DeskSetting(key=field.name, value=value))
    return settings


def save_case_settings(session: Session, case_id: int, settings: CaseSettings) -> CaseSettings:
    settings = checked(settings)
    for field in fields(settings):
        session.exec(delete(CaseSetting).where(CaseSetting.case_id == case_id, CaseSetting.key == field.name))
        value = getattr(settings, field.name)
        if value is not None:
            session.add(CaseSetting(case_id=case_id, key=field.name, value=value))
    return settings
