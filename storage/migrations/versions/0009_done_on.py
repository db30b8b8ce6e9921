"""Plan actions remember the day they were done; evaluations record realised costs per payer.

`plan_action.done_on` makes the dashboard's "from decision to first action done" direct (it came from the
audit trail before). Actions that are already `gedaan` keep an empty date: the day is not known.
`plan_evaluation.realised_by_payer` is a JSON object payer → amount ("1234.50"); `realised_costs` stays
the total.

Revision ID: 0009_done_on
Revises: 0008_case_search, 0002_plans
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_done_on"
down_revision = ("0008_case_search", "0002_plans")
"""Also after the plans branch, which makes plan_action and plan_evaluation (this merges the two)."""
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plan_action") as batch:
        batch.add_column(sa.Column("done_on", sa.Date(), nullable=True))
    with op.batch_alter_table("plan_evaluation") as batch:
        batch.add_column(sa.Column("realised_by_payer", sa.Text(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("plan_evaluation") as batch:
        batch.drop_column("realised_by_payer")
    with op.batch_alter_table("plan_action") as batch:
        batch.drop_column("done_on")
