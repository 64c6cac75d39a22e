"""Claims say whether they are worth checking: ``check_worthy`` and a short ``why`` (context claims such as
the report's own dateline stay findable but are not check-worthy). Claims stored before this revision count
as check-worthy until their article is analysed again.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-10
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

import sqlmodel  # noqa: F401

revision: str = "0003"
down_revision: Union[str, None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("claim") as batch:
        batch.add_column(sa.Column("check_worthy", sa.Boolean(), nullable=False, server_default=sa.true()))
        batch.add_column(sa.Column("why", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("claim") as batch:
        batch.drop_column("why")
        batch.drop_column("check_worthy")
