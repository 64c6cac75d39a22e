"""The case of history events written before 0005, which left it unknown: an event of a claim that still
exists takes the claim's case; an event of a claim removed since takes the database's only case, where
it has one (there is no other it can come from: cases are never deleted). The rest, in a database of
several cases, stay without a case: ``copy`` cannot tell which case they belong to and leaves them.

The history is append-only (triggers refuse UPDATE): the triggers stand aside for this one statement
and are put back in the same transaction.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-13
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0008"
down_revision: Union[str, None] = "0007"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_CLAIMS_CASE = (
    "UPDATE verdict_event SET case_id = (SELECT article.case_id FROM claim JOIN article ON article.id = claim.article_id"
    " WHERE claim.id = verdict_event.claim_id) WHERE case_id IS NULL AND claim_id IN (SELECT id FROM claim)"
)
_ONLY_CASE = (
    "UPDATE verdict_event SET case_id = (SELECT min(id) FROM review_case) "
    "WHERE case_id IS NULL AND (SELECT count(*) FROM review_case) = 1"
)
_SQLITE_TRIGGER = ("CREATE TRIGGER verdict_event_no_update BEFORE UPDATE ON verdict_event "
                   "BEGIN SELECT RAISE(ABORT, 'verdict history is append-only'); END")


def upgrade() -> None:
    on_postgresql = op.get_bind().dialect.name == "postgresql"
    if on_postgresql:
        op.execute("ALTER TABLE verdict_event DISABLE TRIGGER verdict_event_no_update")
    else:
        op.execute("DROP TRIGGER verdict_event_no_update")
    op.execute(_CLAIMS_CASE)
    op.execute(_ONLY_CASE)
    if on_postgresql:
        op.execute("ALTER TABLE verdict_event ENABLE TRIGGER verdict_event_no_update")
    else:
        op.execute(_SQLITE_TRIGGER)


def downgrade() -> None:
    pass  # the cases found stay: they are true, and 0005's code reads them as well as NULL
