"""Maatwerkplan versions with goals, actions, cost lines, legal bases, evaluations; drafts; kengetal overrides.

Revision ID: 0002_plans
Revises: 0001_households
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_plans"
down_revision = "0001_households"
branch_labels = None
depends_on = None


def _plan_fk() -> sa.Column[int]:
    return sa.Column("plan_id", sa.Integer(), sa.ForeignKey("maatwerkplan.id", ondelete="CASCADE"), nullable=False)


def _household_fk() -> sa.Column[int]:
    return sa.Column("household_id", sa.Integer(), sa.ForeignKey("household.id", ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "maatwerkplan",
        sa.Column("id", sa.Integer(), primary_key=True),
        _household_fk(),
        sa.Column("plan_version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("in_kaart_samenvatting", sa.Text(), nullable=False),
        sa.Column("in_kaart_datum", sa.Date(), nullable=True),
        sa.Column("perspectief", sa.Text(), nullable=False),
        sa.Column("obstacle_problem_id", sa.Integer(), nullable=True),
        sa.Column("obstacle_leefgebied", sa.String(40), nullable=True),
        sa.Column("obstacle_toelichting", sa.Text(), nullable=False),
        sa.Column("doorbraak", sa.Text(), nullable=False),
        sa.Column("horizon_months", sa.Integer(), nullable=False),
        sa.Column("discount_rate", sa.Numeric(6, 4), nullable=False),
        sa.Column("juridisch", sa.Text(), nullable=False),
        sa.Column("consent_given_by", sa.String(200), nullable=True),
        sa.Column("consent_given_on", sa.Date(), nullable=True),
        sa.Column("consent_method", sa.String(20), nullable=True),
        sa.Column("consent_scope", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.String(200), nullable=True),
        sa.Column("decision_mandate", sa.String(200), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decision_toelichting", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("household_id", "plan_version", name="uq_maatwerkplan_household_version"),
    )
    op.create_index("ix_maatwerkplan_household_id", "maatwerkplan", ["household_id"])
    op.create_index("ix_maatwerkplan_status", "maatwerkplan", ["status"])

    op.create_table(
        "plan_goal",
        sa.Column("id", sa.Integer(), primary_key=True),
        _plan_fk(),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("leefgebied", sa.String(40), nullable=True),
        sa.Column("target_score", sa.Integer(), nullable=True),
    )
    op.create_table(
        "plan_action",
        sa.Column("id", sa.Integer(), primary_key=True),
        _plan_fk(),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(20), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("owner_organisation", sa.String(200), nullable=False),
        sa.Column("contact", sa.String(200), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("status_note", sa.Text(), nullable=False),
        sa.Column("goal_key", sa.String(20), nullable=True),
        sa.Column("cost_line_key", sa.String(20), nullable=True),
        sa.Column("deviating", sa.Boolean(), nullable=False),
        sa.Column("reasoning", sa.Text(), nullable=False),
    )
    op.create_index("ix_plan_action_status_deadline", "plan_action", ["status", "deadline"])
    op.create_table(
        "plan_cost_line",
        sa.Column("id", sa.Integer(), primary_key=True),
        _plan_fk(),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(20), nullable=False),
        sa.Column("description", sa.String(200), nullable=False),
        sa.Column("scenario", sa.String(20), nullable=False),
        sa.Column("payer", sa.String(40), nullable=False),
        sa.Column("amount", sa.Numeric(12, 2), nullable=False),
        sa.Column("quantity", sa.Numeric(12, 4), nullable=False),
        sa.Column("probability", sa.Numeric(5, 4), nullable=False),
        sa.Column("frequency", sa.String(20), nullable=False),
        sa.Column("start_month", sa.Integer(), nullable=False),
        sa.Column("duration_months", sa.Integer(), nullable=True),
        sa.Column("has_source", sa.Boolean(), nullable=False),
        sa.Column("kengetal_id", sa.String(60), nullable=True),
        sa.Column("source_text", sa.String(300), nullable=False),
        sa.Column("source_year", sa.Integer(), nullable=True),
    )
    op.create_table(
        "plan_legal_basis",
        sa.Column("id", sa.Integer(), primary_key=True),
        _plan_fk(),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("action_key", sa.String(20), nullable=True),
        sa.Column("basis_id", sa.String(60), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=False),
    )
    op.create_index("ix_plan_legal_basis_basis", "plan_legal_basis", ["basis_id"])
    op.create_table(
        "plan_evaluation",
        sa.Column("id", sa.Integer(), primary_key=True),
        _plan_fk(),
        sa.Column("moment", sa.Integer(), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=True),
        sa.Column("rapportcijfer", sa.Integer(), nullable=True),
        sa.Column("scores", sa.Text(), nullable=False),
        sa.Column("realised_costs", sa.Numeric(14, 2), nullable=True),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.UniqueConstraint("plan_id", "moment", name="uq_plan_evaluation_moment"),
    )
    for table in ("plan_goal", "plan_action", "plan_cost_line", "plan_legal_basis", "plan_evaluation"):
        op.create_index(f"ix_{table}_plan_id", table, ["plan_id"])

    op.create_table(
        "plan_draft",
        sa.Column("id", sa.Integer(), primary_key=True),
        _household_fk(),
        sa.Column("username", sa.String(120), nullable=False),
        sa.Column("base_plan_version", sa.Integer(), nullable=True),
        sa.Column("base_version", sa.Integer(), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("household_id", "username", name="uq_plan_draft_household_user"),
    )
    op.create_index("ix_plan_draft_household_id", "plan_draft", ["household_id"])

    op.create_table(
        "kengetal_override",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("municipality_code", sa.String(6), nullable=False),
        sa.Column("kengetal_id", sa.String(60), nullable=False),
        sa.Column("bedrag", sa.Numeric(12, 2), nullable=False),
        sa.Column("bron", sa.String(300), nullable=False),
        sa.Column("jaar", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(120), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.UniqueConstraint("municipality_code", "kengetal_id", name="uq_kengetal_override"),
    )


def downgrade() -> None:
    for table in (
        "kengetal_override",
        "plan_draft",
        "plan_evaluation",
        "plan_legal_basis",
        "plan_cost_line",
        "plan_action",
        "plan_goal",
        "maatwerkplan",
    ):
        op.drop_table(table)
