"""Verdicts on facts: the facts reviewers rated (rated_fact, kept by claim like the split/merge decisions,
so that they survive re-analysis), a verdict row may rate one of them (verdict.rated_fact_id, with its own
one-row-per-reviewer and one-final-row keys), and the history names the fact a change was made to.

SQLite cannot alter a check constraint, so there the verdict table is rebuilt from its definition as
0005 left it (copy_from); its indexes go with the old table and are made again afterwards.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-12
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

import sqlmodel  # noqa: F401

from fact_review.store.models import UTCDateTime

revision: str = "0007"
down_revision: Union[str, None] = "0006"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

OLD_ONE_SUBJECT = "(claim_id IS NULL) != (check_id IS NULL)"
NEW_ONE_SUBJECT = ("(CASE WHEN claim_id IS NULL THEN 0 ELSE 1 END + CASE WHEN check_id IS NULL THEN 0 ELSE 1 END"
                   " + CASE WHEN rated_fact_id IS NULL THEN 0 ELSE 1 END) = 1")
_OLD_INDEXES = (
    ("uq_verdict_claim_reviewer", ["claim_id", "reviewer"], "NOT final"),
    ("uq_verdict_claim_final", ["claim_id"], "final"),
    ("uq_verdict_check_reviewer", ["check_id", "reviewer"], "NOT final"),
    ("uq_verdict_check_final", ["check_id"], "final"),
    ("ix_verdict_claim_id", ["claim_id"], None),
    ("ix_verdict_check_id", ["check_id"], None),
)
_FACT_INDEXES = (
    ("uq_verdict_fact_reviewer", ["rated_fact_id", "reviewer"], "NOT final"),
    ("uq_verdict_fact_final", ["rated_fact_id"], "final"),
    ("ix_verdict_rated_fact_id", ["rated_fact_id"], None),
)


def _verdict_after_0005() -> sa.Table:
    return sa.Table(
        "verdict", sa.MetaData(),
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claim.id", ondelete="CASCADE")),
        sa.Column("check_id", sa.Integer(), sa.ForeignKey("consistency_check.id", ondelete="CASCADE")),
        sa.Column("label", sa.Text()),
        sa.Column("rating", sa.Integer()),
        sa.Column("note", sa.Text()),
        sa.Column("evidence_url", sa.Text()),
        sa.Column("reviewer", sa.Text()),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("final", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.CheckConstraint(OLD_ONE_SUBJECT, name="ck_verdict_one_subject"),
    )


def _on_postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def _create_indexes(indexes) -> None:
    for name, columns, where in indexes:
        partial = {} if where is None else dict(sqlite_where=sa.text(where), postgresql_where=sa.text(where))
        op.create_index(name, "verdict", columns, unique=where is not None, **partial)


def upgrade() -> None:
    op.create_table(
        "rated_fact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["review_case.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_rated_fact_case_id", "rated_fact", ["case_id"])
    op.create_table(
        "rated_fact_claim",
        sa.Column("rated_fact_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["rated_fact_id"], ["rated_fact.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("rated_fact_id", "claim_id"),
    )
    op.create_index("ix_rated_fact_claim_claim_id", "rated_fact_claim", ["claim_id"])

    if _on_postgresql():
        op.add_column("verdict", sa.Column("rated_fact_id", sa.Integer(),
                                           sa.ForeignKey("rated_fact.id", ondelete="CASCADE")))
        op.drop_constraint("ck_verdict_one_subject", "verdict", type_="check")
        op.create_check_constraint("ck_verdict_one_subject", "verdict", NEW_ONE_SUBJECT)
    else:
        with op.batch_alter_table("verdict", recreate="always", copy_from=_verdict_after_0005()) as batch:
            batch.add_column(sa.Column("rated_fact_id", sa.Integer()))
            batch.create_foreign_key("fk_verdict_rated_fact_id", "rated_fact", ["rated_fact_id"], ["id"],
                                     ondelete="CASCADE")
            batch.drop_constraint("ck_verdict_one_subject", type_="check")
            batch.create_check_constraint("ck_verdict_one_subject", sa.text(NEW_ONE_SUBJECT))
        _create_indexes(_OLD_INDEXES)  # the rebuilt table starts without them
    _create_indexes(_FACT_INDEXES)

    op.add_column("verdict_event", sa.Column("rated_fact_id", sa.Integer()))
    op.create_index("ix_verdict_event_rated_fact_id", "verdict_event", ["rated_fact_id"])


def downgrade() -> None:
    op.drop_index("ix_verdict_event_rated_fact_id", table_name="verdict_event")
    op.drop_column("verdict_event", "rated_fact_id")
    for name, _columns, _where in _FACT_INDEXES:
        op.drop_index(name, table_name="verdict")
    op.execute("DELETE FROM verdict WHERE rated_fact_id IS NOT NULL")
    if _on_postgresql():
        op.drop_constraint("ck_verdict_one_subject", "verdict", type_="check")
        op.create_check_constraint("ck_verdict_one_subject", "verdict", OLD_ONE_SUBJECT)
        op.drop_column("verdict", "rated_fact_id")
    else:
        for name, _columns, _where in _OLD_INDEXES:
            op.drop_index(name, table_name="verdict")
        with op.batch_alter_table("verdict", recreate="always") as batch:
            batch.drop_constraint("ck_verdict_one_subject", type_="check")
            batch.drop_column("rated_fact_id")
            batch.create_check_constraint("ck_verdict_one_subject", sa.text(OLD_ONE_SUBJECT))
        _create_indexes(_OLD_INDEXES)
    op.drop_table("rated_fact_claim")
    op.drop_table("rated_fact")
