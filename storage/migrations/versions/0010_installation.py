"""What kind of database this is, written in the database itself: the oefenomgeving marker.

Whether a database is the oefenomgeving (trainer accounts, the rondleiding, F9 "opnieuw beginnen") used
to come from a setting (`DOORBRAAK_DEMO=1`), so an environment variable could grant the trainer's rights
on a real database. Now the seed writes `kind = oefenomgeving` into this table of sample.db, its copies
carry it, and nothing else writes it (on PostgreSQL the app's roles may only read it).

This revision also merges the three heads the history had (register, overbrugging/escalatie, done_on).

Revision ID: 0010_installation
Revises: 0003_register, 0004_overbrugging_escalatie, 0009_done_on
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_installation"
down_revision = ("0003_register", "0004_overbrugging_escalatie", "0009_done_on")
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "installation",
        sa.Column("name", sa.String(length=40), primary_key=True),
        sa.Column("value", sa.String(length=200), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("installation")
