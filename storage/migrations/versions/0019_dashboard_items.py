"""The dashboard's kept items (issue 18): `dashboard_cell`, `dashboard_household`, `dashboard_pending`, and the
triggers that put a household in `dashboard_pending` whenever one of its dashboard facts changes (see
storage/dashboard_items.py and domain/dashboard_items.py).

The upgrade makes every household's items with the app's own code (storage.dashboard_items.rebuild): the items
are derived data whose definition is that code's, so an upgrade always writes what the code of that moment
counts. On PostgreSQL the trigger functions run as the owner (SECURITY DEFINER): a role that changes a household
need not see the pending list, and the LET's role, which may change an escalation, marks it too.

Revision ID: 0019_dashboard_items
Revises: 0018_score_series
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019_dashboard_items"
down_revision = "0018_score_series"
branch_labels = None
depends_on = None

HOUSEHOLD_COLUMNS = "status, professional, closed_on, created_at, municipality_code"
DIRECT = ("maatwerkplan", "zrm_score", "escalation", "overbrugging")
PARENT = {"plan_action": ("maatwerkplan", "plan_id"), "plan_evaluation": ("maatwerkplan", "plan_id"),
          "plan_rekensom": ("maatwerkplan", "plan_id"), "overbrugging_cost": ("overbrugging", "overbrugging_id")}
"""Tables whose rows name their household through a parent row."""


def _sqlite_triggers() -> list[str]:
    def mark(expression: str) -> str:
        return (f"INSERT OR IGNORE INTO dashboard_pending (household_id) SELECT {expression} "
                f"WHERE {expression} IS NOT NULL;")

    def via(parent: str, column: str, row: str) -> str:
        return (f"INSERT OR IGNORE INTO dashboard_pending (household_id) SELECT household_id FROM {parent} "
                f"WHERE id = {row}.{column};")

    made = [
        f"CREATE TRIGGER dashboard_pending_household_i AFTER INSERT ON household BEGIN {mark('NEW.id')} END",
        f"CREATE TRIGGER dashboard_pending_household_u AFTER UPDATE OF {HOUSEHOLD_COLUMNS} ON household "
        f"BEGIN {mark('NEW.id')} END",
        f"CREATE TRIGGER dashboard_pending_household_d AFTER DELETE ON household BEGIN {mark('OLD.id')} END",
    ]
    for table in DIRECT:
        made += [
            f"CREATE TRIGGER dashboard_pending_{table}_i AFTER INSERT ON {table} BEGIN {mark('NEW.household_id')} END",
            f"CREATE TRIGGER dashboard_pending_{table}_u AFTER UPDATE ON {table} "
            f"BEGIN {mark('NEW.household_id')} {mark('OLD.household_id')} END",
            f"CREATE TRIGGER dashboard_pending_{table}_d AFTER DELETE ON {table} BEGIN {mark('OLD.household_id')} END",
        ]
    for table, (parent, column) in PARENT.items():
        made += [
            f"CREATE TRIGGER dashboard_pending_{table}_i AFTER INSERT ON {table} "
            f"BEGIN {via(parent, column, 'NEW')} END",
            f"CREATE TRIGGER dashboard_pending_{table}_u AFTER UPDATE ON {table} "
            f"BEGIN {via(parent, column, 'NEW')} {via(parent, column, 'OLD')} END",
            f"CREATE TRIGGER dashboard_pending_{table}_d AFTER DELETE ON {table} "
            f"BEGIN {via(parent, column, 'OLD')} END",
        ]
    return made


def _postgres_triggers() -> list[str]:
    def function(name: str, new: str, old: str) -> str:
        return (
            f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT "
            f"AS $$ BEGIN IF TG_OP <> 'DELETE' THEN {new} END IF; IF TG_OP <> 'INSERT' THEN {old} END IF; "
            "RETURN NULL; END $$"
        )

    def mark(expression: str) -> str:
        return (f"INSERT INTO dashboard_pending (household_id) SELECT {expression} WHERE {expression} IS NOT NULL "
                "ON CONFLICT DO NOTHING;")

    def via(parent: str, column: str, row: str) -> str:
        return (f"INSERT INTO dashboard_pending (household_id) SELECT household_id FROM {parent} "
                f"WHERE id = {row}.{column} ON CONFLICT DO NOTHING;")

    made = [function("doorbraak_dashboard_household", mark("NEW.id"), mark("OLD.id")),
            function("doorbraak_dashboard_direct", mark("NEW.household_id"), mark("OLD.household_id"))]
    for parent, column in sorted(set(PARENT.values())):
        made.append(function(f"doorbraak_dashboard_via_{parent}", via(parent, column, "NEW"),
                             via(parent, column, "OLD")))
    made.append(f"CREATE TRIGGER dashboard_pending AFTER INSERT OR DELETE OR UPDATE OF {HOUSEHOLD_COLUMNS} "
                "ON household FOR EACH ROW EXECUTE FUNCTION doorbraak_dashboard_household()")
    for table in DIRECT:
        made.append(f"CREATE TRIGGER dashboard_pending AFTER INSERT OR UPDATE OR DELETE ON {table} "
                    "FOR EACH ROW EXECUTE FUNCTION doorbraak_dashboard_direct()")
    for table, (parent, _) in PARENT.items():
        made.append(f"CREATE TRIGGER dashboard_pending AFTER INSERT OR UPDATE OR DELETE ON {table} "
                    f"FOR EACH ROW EXECUTE FUNCTION doorbraak_dashboard_via_{parent}()")
    return made


def upgrade() -> None:
    op.create_table(
        "dashboard_cell",
        sa.Column("municipality_code", sa.String(10), primary_key=True),
        sa.Column("figure", sa.String(40), primary_key=True),
        sa.Column("bucket", sa.String(200), primary_key=True),
        sa.Column("lo", sa.Date(), primary_key=True),
        sa.Column("hi", sa.Date(), primary_key=True),
        sa.Column("since", sa.Date(), primary_key=True),
        sa.Column("due", sa.Date(), primary_key=True),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("h", sa.Integer(), nullable=False),
        sa.Column("v1", sa.BigInteger(), nullable=False),
        sa.Column("v2", sa.BigInteger(), nullable=False),
        sa.Column("v3", sa.BigInteger(), nullable=False),
        sa.Column("v4", sa.BigInteger(), nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "dashboard_household",
        sa.Column("household_id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("municipality_code", sa.String(10), nullable=False),
        sa.Column("items", sa.LargeBinary(), nullable=False),
    )
    op.create_table(
        "dashboard_pending",
        sa.Column("household_id", sa.Integer(), primary_key=True, autoincrement=False),
    )
    bind = op.get_bind()
    for statement in _postgres_triggers() if bind.dialect.name == "postgresql" else _sqlite_triggers():
        bind.execute(sa.text(statement))
    from storage.dashboard_items import rebuild

    rebuild(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for table in ("household", *DIRECT, *PARENT):
            bind.execute(sa.text(f"DROP TRIGGER IF EXISTS dashboard_pending ON {table}"))
        for name in ("household", "direct", *(f"via_{p}" for p in sorted({p for p, _ in PARENT.values()}))):
            bind.execute(sa.text(f"DROP FUNCTION IF EXISTS doorbraak_dashboard_{name}()"))
    else:
        for table in ("household", *DIRECT, *PARENT):
            for event in "iud":
                bind.execute(sa.text(f"DROP TRIGGER IF EXISTS dashboard_pending_{table}_{event}"))
    op.drop_table("dashboard_pending")
    op.drop_table("dashboard_household")
    op.drop_table("dashboard_cell")
