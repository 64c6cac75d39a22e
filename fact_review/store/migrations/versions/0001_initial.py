"""The first schema: cases, articles, sentences, claims, matches, checks, verdicts and their history.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

import sqlmodel  # noqa: F401

from fact_review.store.models import DecimalText, UTCDateTime

revision: str = "0001"
down_revision: Union[str, None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _fk(target: str) -> list:
    return [sa.Integer(), sa.ForeignKey(target, ondelete="CASCADE")]


def upgrade() -> None:
    op.create_table(
        "review_case",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False, unique=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("scale_json", sa.Text(), nullable=False),
    )
    op.create_table(
        "article",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", *_fk("review_case.id"), nullable=False, index=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("outlet", sa.Text()),
        sa.Column("url", sa.Text()),
        sa.Column("author", sa.Text()),
        sa.Column("published", sa.Text()),
        sa.Column("content_hash", sa.Text(), nullable=False, index=True),
        sa.Column("path", sa.Text()),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("imported_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "sentence",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("article_id", *_fk("article.id"), nullable=False, index=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
    )
    op.create_table(
        "claim",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("article_id", *_fk("article.id"), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("value", DecimalText()),
        sa.Column("unit", sa.Text()),
        sa.Column("noun", sa.Text()),
        sa.Column("qualifier", sa.Text()),
        sa.Column("low", DecimalText()),
        sa.Column("high", DecimalText()),
        sa.Column("date", sa.Text()),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("prefix", sa.Text(), nullable=False),
        sa.Column("suffix", sa.Text(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("overrides", sa.Text(), nullable=False),
        sa.Column("dismissed", sa.Boolean(), nullable=False),
        sa.Column("anchor_changed", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_claim_article_start", "claim", ["article_id", "start"])
    op.create_table(
        "sentence_match",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", *_fk("review_case.id"), nullable=False, index=True),
        sa.Column("a_article_id", *_fk("article.id"), nullable=False, index=True),
        sa.Column("a_start", sa.Integer(), nullable=False),
        sa.Column("a_end", sa.Integer(), nullable=False),
        sa.Column("b_article_id", *_fk("article.id"), nullable=False, index=True),
        sa.Column("b_start", sa.Integer(), nullable=False),
        sa.Column("b_end", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("tier", sa.Text(), nullable=False),
        sa.Column("numeric", sa.Text(), nullable=False),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
    )
    op.create_table(
        "consistency_check",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", *_fk("review_case.id"), nullable=False, index=True),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
    )
    op.create_table(
        "check_claim",
        sa.Column("check_id", *_fk("consistency_check.id"), primary_key=True),
        sa.Column("claim_id", *_fk("claim.id"), primary_key=True, index=True),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_table(
        "verdict",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("claim_id", *_fk("claim.id"), unique=True),
        sa.Column("check_id", *_fk("consistency_check.id"), unique=True),
        sa.Column("label", sa.Text()),
        sa.Column("rating", sa.Integer()),
        sa.Column("note", sa.Text()),
        sa.Column("evidence_url", sa.Text()),
        sa.Column("reviewer", sa.Text()),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("(claim_id IS NULL) != (check_id IS NULL)", name="ck_verdict_one_subject"),
    )
    op.create_table(
        "verdict_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("claim_id", sa.Integer()),
        sa.Column("check_id", sa.Integer()),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("reviewer", sa.Text()),
        sa.Column("before_json", sa.Text()),
        sa.Column("after_json", sa.Text()),
    )
    if op.get_bind().dialect.name == "postgresql":
        _append_only_on_postgresql()
    else:
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER verdict_event_no_{action.lower()} BEFORE {action} ON verdict_event "
                "BEGIN SELECT RAISE(ABORT, 'verdict history is append-only'); END"
            )


def _append_only_on_postgresql() -> None:
    """The same rule in PL/pgSQL; TRUNCATE, which skips row triggers, gets a statement trigger."""
    op.execute(
        "CREATE FUNCTION verdict_event_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'verdict history is append-only'; END $$"
    )
    for action, level in (("UPDATE", "ROW"), ("DELETE", "ROW"), ("TRUNCATE", "STATEMENT")):
        op.execute(
            f"CREATE TRIGGER verdict_event_no_{action.lower()} BEFORE {action} ON verdict_event "
            f"FOR EACH {level} EXECUTE FUNCTION verdict_event_append_only()"
        )


def downgrade() -> None:
    for table in ("verdict_event", "verdict", "check_claim", "consistency_check", "sentence_match",
                  "claim", "sentence", "article", "review_case"):
        op.drop_table(table)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION verdict_event_append_only()")
