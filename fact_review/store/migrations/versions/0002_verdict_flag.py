""""Flag for later": a verdict-less mark on a claim; and the history lookup by claim gets its index.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

import sqlmodel  # noqa: F401

revision: str = "0002"
down_revision: Union[str, None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("verdict") as batch:
        batch.add_column(sa.Column("flagged", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_index("ix_verdict_event_claim_id", "verdict_event", ["claim_id"])


def downgrade() -> None:
    op.drop_index("ix_verdict_event_claim_id", table_name="verdict_event")
    with op.batch_alter_table("verdict") as batch:
        batch.drop_column("flagged")
