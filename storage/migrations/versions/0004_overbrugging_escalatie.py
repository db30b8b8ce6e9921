"""Overbruggingen, escalations with routes and steps, the knelpunten register; index on member birth dates.

Revision ID: 0004_overbrugging_escalatie
Revises: 0001_households
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_overbrugging_escalatie"
down_revision = "0001_households"
branch_labels = None
depends_on = None


def _fk(name: str, target: str, *, nullable: bool = False, ondelete: str = "CASCADE") -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), sa.ForeignKey(target, ondelete=ondelete), nullable=nullable)


def _text(name: str, nullable: bool = False) -> sa.Column[str]:
    return sa.Column(name, sa.Text(), nullable=nullable)


def _money(name: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.Numeric(12, 2), nullable=nullable)


def _stamps() -> list[sa.Column[object]]:
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_index("ix_member_date_of_birth", "member", ["date_of_birth"])

    op.create_table(
        "overbrugging",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("household_id", "household.id"),
        _text("support_needed"),
        _text("urgency_reason"),
        sa.Column("transition", sa.String(20), nullable=False),
        _text("transition_note"),
        _text("laws_in_dispute"),
        _text("organisations_in_dispute"),
        sa.Column("voorfinancier", sa.String(120), nullable=False),
        _money("cap"),
        _money("expected_cost"),
        _money("total_costs"),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("max_duration_months", sa.Integer(), nullable=False),
        sa.Column("settlement_deadline", sa.Date(), nullable=False),
        sa.Column("status", sa.String(30), nullable=False),
        _text("settlement_shares", nullable=True),
        _money("settlement_amount", nullable=True),
        sa.Column("settlement_decided_on", sa.Date(), nullable=True),
        sa.Column("settlement_repaid_on", sa.Date(), nullable=True),
        _text("settlement_note", nullable=True),
        *_stamps(),
    )
    op.create_index("ix_overbrugging_household_id", "overbrugging", ["household_id"])
    op.create_index("ix_overbrugging_status_deadline", "overbrugging", ["status", "settlement_deadline"])

    op.create_table(
        "overbrugging_step",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("overbrugging_id", "overbrugging.id"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(30), nullable=False),
        sa.Column("step_on", sa.Date(), nullable=False),
        sa.Column("by_name", sa.String(120), nullable=False),
        sa.Column("username", sa.String(120), nullable=False),
        _text("note"),
    )
    op.create_index("ix_overbrugging_step_overbrugging_id", "overbrugging_step", ["overbrugging_id"])

    op.create_table(
        "overbrugging_cost",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("overbrugging_id", "overbrugging.id"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("booked_on", sa.Date(), nullable=False),
        _money("amount"),
        sa.Column("description", sa.String(120), nullable=False),
        sa.Column("by_name", sa.String(120), nullable=False),
    )
    op.create_index("ix_overbrugging_cost_overbrugging_id", "overbrugging_cost", ["overbrugging_id"])

    op.create_table(
        "escalation",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("household_id", "household.id"),
        sa.Column("level", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        _text("urgency_note"),
        sa.Column("complex", sa.Boolean(), nullable=False),
        _text("complexity_note"),
        _text("domains"),
        _text("organisations"),
        sa.Column("blockage_kind", sa.String(20), nullable=False),
        _text("blockage"),
        _text("requested_solution"),
        sa.Column("consent_given", sa.Boolean(), nullable=False),
        sa.Column("consent_given_on", sa.Date(), nullable=True),
        _text("consent_scope"),
        _text("consent_recipients"),
        sa.Column("consent_expires_on", sa.Date(), nullable=True),
        _fk("previous_id", "escalation.id", nullable=True, ondelete="SET NULL"),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("submitted_on", sa.Date(), nullable=True),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        *_stamps(),
    )
    op.create_index("ix_escalation_household_id", "escalation", ["household_id"])
    op.create_index("ix_escalation_previous_id", "escalation", ["previous_id"])
    op.create_index("ix_escalation_status_submitted", "escalation", ["status", "submitted_on"])
    op.create_index("ix_escalation_closed_on", "escalation", ["closed_on"])

    op.create_table(
        "escalation_route",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("escalation_id", "escalation.id"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(20), nullable=False),
        sa.Column("tried_on", sa.Date(), nullable=False),
        _text("description"),
        _text("outcome"),
    )
    op.create_index("ix_escalation_route_escalation_id", "escalation_route", ["escalation_id"])

    op.create_table(
        "escalation_step",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("escalation_id", "escalation.id"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("step_on", sa.Date(), nullable=False),
        sa.Column("by_name", sa.String(120), nullable=False),
        sa.Column("username", sa.String(120), nullable=False),
        _text("note"),
    )
    op.create_index("ix_escalation_step_escalation_id", "escalation_step", ["escalation_id"])

    op.create_table(
        "knelpunt",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(120), nullable=False),
        sa.Column("category", sa.String(30), nullable=False),
        sa.Column("law", sa.String(120), nullable=False),
        sa.Column("article", sa.String(120), nullable=False),
        sa.Column("organisation", sa.String(120), nullable=False),
        sa.Column("ministry", sa.String(120), nullable=False),
        _text("unintended_effect"),
        _text("proposed_fix"),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("signalled_on", sa.Date(), nullable=False),
        sa.Column("agendered_on", sa.Date(), nullable=True),
        sa.Column("resolved_on", sa.Date(), nullable=True),
        _text("search_text"),
        *_stamps(),
    )
    op.create_index("ix_knelpunt_category", "knelpunt", ["category"])
    op.create_index("ix_knelpunt_status", "knelpunt", ["status"])

    op.create_table(
        "knelpunt_occurrence",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("knelpunt_id", "knelpunt.id"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("via_escalation", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_knelpunt_occurrence_knelpunt_id", "knelpunt_occurrence", ["knelpunt_id"])
    op.create_index("ix_knelpunt_occurrence_on", "knelpunt_occurrence", ["occurred_on"])

    op.create_table(
        "escalation_knelpunt",
        sa.Column("escalation_id", sa.Integer(), sa.ForeignKey("escalation.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("knelpunt_id", sa.Integer(), sa.ForeignKey("knelpunt.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_index("ix_escalation_knelpunt_knelpunt_id", "escalation_knelpunt", ["knelpunt_id"])


def downgrade() -> None:
    for table in (
        "escalation_knelpunt",
        "knelpunt_occurrence",
        "knelpunt",
        "escalation_step",
        "escalation_route",
        "escalation",
        "overbrugging_cost",
        "overbrugging_step",
        "overbrugging",
    ):
        op.drop_table(table)
    op.drop_index("ix_member_date_of_birth", table_name="member")
