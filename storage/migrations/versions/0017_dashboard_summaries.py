"""Summaries the dashboard reads instead of recomputing them (issue 18): `plan_rekensom` (each plan version's
rekensom result per party, in cents) and `maatwerkplan.superseded_on` (the first decision day of a later
decided version), both kept by storage/plan_summary.py in the transaction that saves a plan version; and
`ix_household_caseload`, so that the caseload of one municipality is read from an index.

The upgrade fills both in for the existing plans: the rekensom with the domain's own calculation over the
stored cost lines (as the plan screen does), `superseded_on` with one UPDATE.

Revision ID: 0017_dashboard_summaries
Revises: 0016_mandate
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0017_dashboard_summaries"
down_revision = "0016_mandate"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    op.create_table(
        "plan_rekensom",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("plan_id", sa.Integer(), sa.ForeignKey("maatwerkplan.id", ondelete="CASCADE"), nullable=False),
        sa.Column("payer", sa.String(40), nullable=False),
        sa.Column("huidig_pad_cents", sa.BigInteger(), nullable=False),
        sa.Column("doorbraak_cents", sa.BigInteger(), nullable=False),
        sa.Column("kosten_huidig_pad_cents", sa.BigInteger(), nullable=False),
        sa.Column("kosten_doorbraak_cents", sa.BigInteger(), nullable=False),
    )
    op.create_index("ix_plan_rekensom_plan_id", "plan_rekensom", ["plan_id"])
    # The caseload of one municipality from the index alone (every caseload figure starts there).
    op.create_index("ix_household_caseload", "household",
                    ["municipality_code", "created_at", "closed_on", "status", "professional"])
    op.add_column("maatwerkplan", sa.Column("superseded_on", sa.Date(), nullable=True))  # in place (see 0016)
    bind = op.get_bind()
    bind.execute(sa.text(
        "UPDATE maatwerkplan SET superseded_on = (SELECT min(later.decided_on) FROM maatwerkplan later "
        "WHERE later.household_id = maatwerkplan.household_id AND later.status <> 'concept' "
        "AND later.decided_on IS NOT NULL AND later.plan_version > maatwerkplan.plan_version)"
    ))
    _backfill_rekensom(bind)


def _backfill_rekensom(bind: Any) -> None:
    from domain.rekensom import CostKind, CostLine, Frequency, Payer, Scenario, calculate_lines

    plans = {pid: (int(horizon), Decimal(str(rate))) for pid, horizon, rate in bind.execute(sa.text(
        "SELECT id, horizon_months, discount_rate FROM maatwerkplan"))}
    lines: dict[int, list[CostLine]] = defaultdict(list)
    for (pid, key, scenario, payer, amount, quantity, probability, frequency, start, duration, kind, receiver,
         loan, default) in bind.execute(sa.text(
            "SELECT plan_id, key, scenario, payer, amount, quantity, probability, frequency, start_month, "
            "duration_months, kind, receiver, loan_months, default_probability FROM plan_cost_line "
            "ORDER BY plan_id, position, id")):
        lines[pid].append(CostLine.model_construct(
            id=key, description="", scenario=Scenario(scenario), payer=Payer(payer),
            amount=Decimal(str(amount)).quantize(Decimal("0.01")), quantity=Decimal(str(quantity)),
            probability=Decimal(str(probability)), frequency=Frequency(frequency), start_month=start,
            duration_months=duration, source=None, kind=CostKind(kind),
            receiver=None if receiver is None else Payer(receiver), loan_months=loan,
            default_probability=None if default is None else Decimal(str(default)),
        ))
    table = sa.table("plan_rekensom", *(sa.column(c) for c in (
        "plan_id", "payer", "huidig_pad_cents", "doorbraak_cents", "kosten_huidig_pad_cents",
        "kosten_doorbraak_cents")))
    rows: list[dict[str, Any]] = []
    for pid, (horizon, rate) in plans.items():
        result = calculate_lines(lines.get(pid, []), horizon, rate)
        rows.extend(
            {"plan_id": pid, "payer": r.payer.value, "huidig_pad_cents": int(r.huidig_pad * 100),
             "doorbraak_cents": int(r.doorbraak * 100), "kosten_huidig_pad_cents": int(r.kosten_huidig_pad * 100),
             "kosten_doorbraak_cents": int(r.kosten_doorbraak * 100)}
            for r in result.per_payer
        )
        if len(rows) >= BATCH:
            bind.execute(sa.insert(table), rows)
            rows = []
    if rows:
        bind.execute(sa.insert(table), rows)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE maatwerkplan DROP COLUMN superseded_on")
    else:
        op.drop_column("maatwerkplan", "superseded_on")
    op.drop_index("ix_household_caseload", table_name="household")
    op.drop_index("ix_plan_rekensom_plan_id", table_name="plan_rekensom")
    op.drop_table("plan_rekensom")
