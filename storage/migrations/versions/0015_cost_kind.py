"""Cost lines are kosten or overdrachten; loans; the plan's price level (issue 16, DOMAIN.md "Costs versus
transfers" and "Price level").

New columns:
* `plan_cost_line.kind` (`kosten` | `overdracht`), `receiver` (overdrachten), `loan_months` and
  `default_probability` (loans), `source_amount` (a kengetal's own figure when the line's amount was indexed);
* `maatwerkplan.price_year` (the prijspeil of the plan's kengetallen; NULL = amounts as entered).

Rule for existing plans (documented in docs/plan.md): a line whose kengetal is an overdracht in the
catalogue becomes one, with the catalogue's payer and receiver (the table below is fixed here, so the
migration does not change when the catalogue does); every other line stays a real cost with its payer.
Amounts are not touched and existing plans get no price level: a decided plan keeps the figures it was
decided with.

Revision ID: 0015_cost_kind
Revises: 0014_loket
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_cost_kind"
down_revision = "0014_loket"
branch_labels = None
depends_on = None

TRANSFERS: dict[str, tuple[str, str]] = {
    # kengetal id: (payer, receiver), as in domain/reference/kengetallen.json version 2026-2
    "bijstand_uitkering": ("gemeente_participatiewet", "huishouden"),
    "zorgverzekering_wanbetaler": ("huishouden", "zorgverzekeringsfonds"),
    "cjib_boete_escalatie": ("huishouden", "rijk"),
    "huurachterstand": ("huishouden", "woningcorporatie"),
}
"""Kengetallen that are overdrachten (the saneringskrediet, a loan, is new in 2026-2: no line has it yet)."""


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy): SQLite would recreate `maatwerkplan`, and dropping the old table
    # cascades to every plan's goals, actions and cost lines (foreign keys are on).
    op.add_column("plan_cost_line", sa.Column("kind", sa.String(length=12), nullable=False, server_default="kosten"))
    op.add_column("plan_cost_line", sa.Column("receiver", sa.String(length=40), nullable=True))
    op.add_column("plan_cost_line", sa.Column("loan_months", sa.Integer(), nullable=True))
    op.add_column("plan_cost_line", sa.Column("default_probability", sa.Numeric(5, 4), nullable=True))
    op.add_column("plan_cost_line", sa.Column("source_amount", sa.Numeric(12, 2), nullable=True))
    op.add_column("maatwerkplan", sa.Column("price_year", sa.Integer(), nullable=True))
    line = sa.table(
        "plan_cost_line",
        sa.column("kengetal_id", sa.String),
        sa.column("kind", sa.String),
        sa.column("payer", sa.String),
        sa.column("receiver", sa.String),
    )
    for kengetal_id, (payer, receiver) in TRANSFERS.items():
        op.execute(
            line.update()
            .where(line.c.kengetal_id == kengetal_id)
            .values(kind="overdracht", payer=payer, receiver=receiver)
        )


_NEW_COLUMNS = (
    ("maatwerkplan", "price_year"),
    ("plan_cost_line", "source_amount"),
    ("plan_cost_line", "default_probability"),
    ("plan_cost_line", "loan_months"),
    ("plan_cost_line", "receiver"),
    ("plan_cost_line", "kind"),
)


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN on both back ends (SQLite >= 3.35), again without recreating a table.
    for table, column in _NEW_COLUMNS:
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
