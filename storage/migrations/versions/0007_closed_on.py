"""Households remember when they were closed: retention periods count from that date.

Revision ID: 0007_closed_on
Revises: 0006_users
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_closed_on"
down_revision = "0006_users"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("household") as batch:
        batch.add_column(sa.Column("closed_on", sa.Date(), nullable=True))
    op.create_index("ix_household_closed_on", "household", ["closed_on"])


def downgrade() -> None:
    op.drop_index("ix_household_closed_on", "household")
    with op.batch_alter_table("household") as batch:
        batch.drop_column("closed_on")
