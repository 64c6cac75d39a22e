"""Team review: a verdict row per reviewer and a final one per claim, blind review, versions on shared
objects (optimistic concurrency), the history's case, and the change log other windows poll.

The verdict table loses its one-row-per-claim unique keys for partial unique indexes: one row per
(claim, reviewer) among reviewers' rows, one final row per claim. SQLite cannot drop an unnamed
constraint, so there the table is rebuilt from its definition below (copy_from); PostgreSQL drops the
constraints by the names it gave them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

import sqlmodel  # noqa: F401

from fact_review.store.models import UTCDateTime

revision: str = "0005"
down_revision: Union[str, None] = "0004"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_PARTIAL_UNIQUE = (
    ("uq_verdict_claim_reviewer", ["claim_id", "reviewer"], "NOT final"),
    ("uq_verdict_claim_final", ["claim_id"], "final"),
    ("uq_verdict_check_reviewer", ["check_id", "reviewer"], "NOT final"),
    ("uq_verdict_check_final", ["check_id"], "final"),
)


def _verdict_before(unique: bool) -> sa.Table:
    """The verdict table as 0001 and 0002 left it (``unique``: with its one-row-per-subject keys)."""
    return sa.Table(
        "verdict", sa.MetaData(),
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claim.id", ondelete="CASCADE"), unique=unique),
        sa.Column("check_id", sa.Integer(), sa.ForeignKey("consistency_check.id", ondelete="CASCADE"), unique=unique),
        sa.Column("label", sa.Text()),
        sa.Column("rating", sa.Integer()),
        sa.Column("note", sa.Text()),
        sa.Column("evidence_url", sa.Text()),
        sa.Column("reviewer", sa.Text()),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.CheckConstraint("(claim_id IS NULL) != (check_id IS NULL)", name="ck_verdict_one_subject"),
    )


def _on_postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if _on_postgresql():
        op.drop_constraint("verdict_claim_id_key", "verdict", type_="unique")
        op.drop_constraint("verdict_check_id_key", "verdict", type_="unique")
        op.add_column("verdict", sa.Column("final", sa.Boolean(), nullable=False, server_default=sa.false()))
    else:
        with op.batch_alter_table("verdict", recreate="always", copy_from=_verdict_before(unique=False)) as batch:
            batch.add_column(sa.Column("final", sa.Boolean(), nullable=False, server_default=sa.false()))
    for name, columns, where in _PARTIAL_UNIQUE:
        op.create_index(name, "verdict", columns, unique=True,
                        sqlite_where=sa.text(where), postgresql_where=sa.text(where))
    for subject in ("claim_id", "check_id"):  # the old unique keys were these lookups' indexes
        op.create_index(f"ix_verdict_{subject}", "verdict", [subject])

    op.add_column("review_case", sa.Column("blind", sa.Boolean(), nullable=False, server_default=sa.false()))
    for table in ("article", "claim", "sentence_match"):
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1")))

    op.add_column("verdict_event", sa.Column("case_id", sa.Integer()))
    op.create_index("ix_verdict_event_case_id", "verdict_event", ["case_id"])
    # the history trigger refuses UPDATE, so the case of past events is left unknown (NULL): a copy of a
    # case takes its events by claim for those

    op.create_table(
        "case_change",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("review_case.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("reviewer", sa.Text()),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("subject_id", sa.Integer()),
    )


def downgrade() -> None:
    op.drop_table("case_change")
    op.drop_index("ix_verdict_event_case_id", table_name="verdict_event")
    op.drop_column("verdict_event", "case_id")
    for table in ("article", "claim", "sentence_match"):
        op.drop_column(table, "version")
    op.drop_column("review_case", "blind")
    for name in [name for name, _columns, _where in _PARTIAL_UNIQUE] + ["ix_verdict_claim_id", "ix_verdict_check_id"]:
        op.drop_index(name, table_name="verdict")
    # keeps the newest row per subject so that the old one-row-per-claim keys hold
    op.execute("DELETE FROM verdict WHERE id NOT IN (SELECT max(id) FROM verdict GROUP BY claim_id, check_id)")
    if _on_postgresql():
        op.drop_column("verdict", "final")
        op.create_unique_constraint("verdict_claim_id_key", "verdict", ["claim_id"])
        op.create_unique_constraint("verdict_check_id_key", "verdict", ["check_id"])
    else:
        with op.batch_alter_table("verdict", recreate="always", copy_from=_verdict_before(unique=True)) as batch:
            batch.drop_column("final")
