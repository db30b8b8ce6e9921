"""The interdepartementaal loket: questions about a knelpunt to a ministry, with their status steps.

Revision ID: 0014_loket
Revises: 0013_people
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_loket"
down_revision = "0013_people"
branch_labels = None
depends_on = None


def _fk(name: str, target: str) -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), sa.ForeignKey(target, ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "loket_vraag",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("knelpunt_id", "knelpunt.id"),
        sa.Column("ministry", sa.String(20), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("asked_on", sa.Date(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_loket_vraag_knelpunt_id", "loket_vraag", ["knelpunt_id"])
    op.create_index("ix_loket_vraag_ministry_status", "loket_vraag", ["ministry", "status"])
    op.create_table(
        "loket_vraag_step",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("vraag_id", "loket_vraag.id"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("step_on", sa.Date(), nullable=False),
        sa.Column("by_name", sa.String(120), nullable=False),
        sa.Column("username", sa.String(120), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )
    op.create_index("ix_loket_vraag_step_vraag_id", "loket_vraag_step", ["vraag_id"])


def downgrade() -> None:
    op.drop_table("loket_vraag_step")
    op.drop_table("loket_vraag")
