"""The mandate register (who may decide a plan or grant an overbrugging, Awb 10:1 ff.) and the mandate a
plan's decision was taken on.

Revision ID: 0016_mandate
Revises: 0015_cost_kind
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_mandate"
down_revision = "0015_cost_kind"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mandate",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("holder_username", sa.String(40), nullable=False),
        sa.Column("holder_name", sa.String(200), nullable=False),
        sa.Column("function", sa.String(200), nullable=False),
        sa.Column("municipality_code", sa.String(6), nullable=False),
        sa.Column("deviation_kinds", sa.Text(), nullable=False),
        sa.Column("max_amount", sa.Numeric(12, 2), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("granted_by", sa.String(200), nullable=False),
        sa.Column("registered_by", sa.String(40), nullable=False),
        sa.Column("revoked_on", sa.Date(), nullable=True),
        sa.Column("revoked_by", sa.String(40), nullable=False),
        sa.Column("revoke_reason", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_index("ix_mandate_municipality", "mandate", ["municipality_code", "holder_username"])
    op.add_column("maatwerkplan", sa.Column("decision_mandate_id", sa.Integer(), nullable=True))  # in place


def downgrade() -> None:
    # Not a batch (copy-and-rename) on SQLite: dropping the old maatwerkplan table would cascade into the
    # plan's goals, actions, cost lines and evaluations. SQLite 3.35+ drops a column in place.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE maatwerkplan DROP COLUMN decision_mandate_id")
    else:
        op.drop_column("maatwerkplan", "decision_mandate_id")
    op.drop_index("ix_mandate_municipality", table_name="mandate")
    op.drop_table("mandate")
