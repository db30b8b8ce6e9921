"""Households with members, problems per leefgebied, involved organisations, case number sequence.

Revision ID: 0001_households
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_households"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "household",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_number", sa.String(14), nullable=False, unique=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("sort_name", sa.String(120), nullable=False),
        sa.Column("municipality_code", sa.String(6), nullable=False),
        sa.Column("municipality_name", sa.String(80), nullable=False),
        sa.Column("street", sa.String(120), nullable=False),
        sa.Column("house_number", sa.String(12), nullable=False),
        sa.Column("postcode", sa.String(7), nullable=False),
        sa.Column("city", sa.String(120), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("professional", sa.String(120), nullable=False),
        sa.Column("team", sa.String(120), nullable=False),
        sa.Column("search_text", sa.String(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    for column, index in [
        ("updated_at", "ix_household_updated_at"),
        ("sort_name", "ix_household_sort_name"),
        ("municipality_name", "ix_household_municipality"),
        ("status", "ix_household_status"),
        ("professional", "ix_household_professional"),
    ]:
        op.create_index(index, "household", [column])

    def household_fk() -> sa.Column[int]:
        return sa.Column(
            "household_id", sa.Integer(), sa.ForeignKey("household.id", ondelete="CASCADE"), nullable=False
        )

    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), primary_key=True),
        household_fk(),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("bsn", sa.String(9), nullable=True),
    )
    op.create_table(
        "problem",
        sa.Column("id", sa.Integer(), primary_key=True),
        household_fk(),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("leefgebied", sa.String(40), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("description", sa.String(4000), nullable=False),
    )
    op.create_table(
        "involved_organisation",
        sa.Column("id", sa.Integer(), primary_key=True),
        household_fk(),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("legal_framework", sa.String(60), nullable=False),
        sa.Column("product", sa.String(120), nullable=False),
        sa.Column("yearly_cost", sa.Numeric(12, 2), nullable=False),
    )
    for table in ("member", "problem", "involved_organisation"):
        op.create_index(f"ix_{table}_household_id", table, ["household_id"])
    op.create_table(
        "case_number_sequence",
        sa.Column("year", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("last", sa.Integer(), nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        # Trigram index keeps filter-as-you-type (LIKE '%term%') fast on a shared server.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute("CREATE INDEX ix_household_search_trgm ON household USING gin (search_text gin_trgm_ops)")


def downgrade() -> None:
    for table in ("case_number_sequence", "involved_organisation", "problem", "member", "household"):
        op.drop_table(table)
