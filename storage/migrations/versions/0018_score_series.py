"""The dashboard's score series and covering indexes (issue 18).

`score_series`: per scored unit (an adult's ZRM on one leefgebied, a plan version's rapportcijfer) its
first and last score, kept by storage/score_summary.py in the transaction that changes the unit's scores, so
the dashboard's score changes read one row per unit instead of sorting every score (issue 18).

The upgrade fills it in from the scores that exist, with the same definition (the SQL is written out here, so
the migration keeps doing what it did when later code changes; tests/storage/test_score_series.py checks it
against storage/score_summary.py).

Revision ID: 0018_score_series
Revises: 0017_dashboard_summaries
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_score_series"
down_revision = "0017_dashboard_summaries"
branch_labels = None
depends_on = None

_INSERT = "INSERT INTO score_series (household_id, member_id, plan_id, key, moments, first_on, first_score, " \
          "last_on, last_score) "
_PICK = ("SELECT household_id, member_id, plan_id, key, count(*), max(CASE WHEN rn = 1 THEN on_date END), "
         "max(CASE WHEN rn = 1 THEN score END), max(CASE WHEN rn = n THEN on_date END), "
         "max(CASE WHEN rn = n THEN score END) FROM ({}) ordered GROUP BY household_id, member_id, plan_id, key")
_ZRM = ("SELECT household_id, member_id, CAST(NULL AS INTEGER) AS plan_id, leefgebied AS key, scored_on AS on_date, "
        "score, row_number() OVER (PARTITION BY member_id, leefgebied ORDER BY scored_on, moment) AS rn, "
        "count(*) OVER (PARTITION BY member_id, leefgebied) AS n FROM zrm_score")
_GRADE = ("SELECT p.household_id, CAST(NULL AS INTEGER) AS member_id, e.plan_id, 'rapportcijfer' AS key, "
          "e.on_date, e.rapportcijfer AS score, "
          "row_number() OVER (PARTITION BY e.plan_id ORDER BY e.on_date, e.moment) AS rn, "
          "count(*) OVER (PARTITION BY e.plan_id) AS n "
          "FROM plan_evaluation e JOIN maatwerkplan p ON p.id = e.plan_id "
          "WHERE e.on_date IS NOT NULL AND e.rapportcijfer IS NOT NULL")


def upgrade() -> None:
    op.create_table(
        "score_series",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("household_id", sa.Integer(), sa.ForeignKey("household.id", ondelete="CASCADE"), nullable=False),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("member.id", ondelete="CASCADE"), nullable=True),
        sa.Column("plan_id", sa.Integer(), sa.ForeignKey("maatwerkplan.id", ondelete="CASCADE"), nullable=True),
        sa.Column("key", sa.String(40), nullable=False),
        sa.Column("moments", sa.Integer(), nullable=False),
        sa.Column("first_on", sa.Date(), nullable=False),
        sa.Column("first_score", sa.Integer(), nullable=False),
        sa.Column("last_on", sa.Date(), nullable=False),
        sa.Column("last_score", sa.Integer(), nullable=False),
        sa.UniqueConstraint("member_id", "key", name="uq_score_series_member_key"),
        sa.UniqueConstraint("plan_id", name="uq_score_series_plan"),
    )
    op.create_index("ix_score_series_household_id", "score_series", ["household_id"])
    op.create_index("ix_score_series_last_on", "score_series", ["last_on"])
    # Covering indexes of the dashboard's hottest joins: the plan in force of a household (and its earlier
    # versions), the overdue and done actions of a plan, a plan's rekensom sums, the households of a
    # municipality closed in a period.
    op.create_index("ix_maatwerkplan_in_force", "maatwerkplan",
                    ["household_id", "decided_on", "superseded_on", "status", "plan_version", "id"])
    op.create_index("ix_plan_action_overdue", "plan_action", ["plan_id", "status", "deadline", "done_on"])
    op.create_index("ix_plan_rekensom_sums", "plan_rekensom", ["plan_id", "payer", "huidig_pad_cents",
                                                                "doorbraak_cents", "kosten_huidig_pad_cents",
                                                                "kosten_doorbraak_cents"])
    op.create_index("ix_household_closed", "household", ["municipality_code", "closed_on"])
    bind = op.get_bind()
    bind.execute(sa.text(_INSERT + _PICK.format(_ZRM)))
    bind.execute(sa.text(_INSERT + _PICK.format(_GRADE)))


def downgrade() -> None:
    op.drop_index("ix_household_closed", table_name="household")
    op.drop_index("ix_plan_rekensom_sums", table_name="plan_rekensom")
    op.drop_index("ix_plan_action_overdue", table_name="plan_action")
    op.drop_index("ix_maatwerkplan_in_force", table_name="maatwerkplan")
    op.drop_index("ix_score_series_last_on", table_name="score_series")
    op.drop_index("ix_score_series_household_id", table_name="score_series")
    op.drop_table("score_series")
