"""PostgreSQL: the app's roles no longer UPDATE `audit_head` themselves.

The next sequence number comes from `doorbraak_audit_next()` and the head follows each inserted record
through a trigger; both run as the owner (SECURITY DEFINER), so `db beveilig` grants the groups SELECT
on `audit_head` only. (SQLite has no roles: there the app updates the head, guarded by migration 0011.)

Revision ID: 0012_audit_head_definer
Revises: 0011_audit_guard
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0012_audit_head_definer"
down_revision = "0011_audit_guard"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE FUNCTION doorbraak_audit_next(OUT next_seq integer, OUT previous_hash varchar) "
        "LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$ "
        "UPDATE audit_head SET seq = audit_head.seq + 1 WHERE audit_head.id = 1 "
        "RETURNING audit_head.seq, audit_head.hash $$"
    )
    op.execute(
        "CREATE FUNCTION doorbraak_audit_head_follows() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
        "SET search_path FROM CURRENT AS $$ BEGIN "
        "UPDATE audit_head SET hash = NEW.hash WHERE id = 1 AND seq = NEW.seq; RETURN NEW; END $$"
    )
    op.execute(
        "CREATE TRIGGER audit_log_moves_head AFTER INSERT ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION doorbraak_audit_head_follows()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER audit_log_moves_head ON audit_log")
    op.execute("DROP FUNCTION doorbraak_audit_head_follows()")
    op.execute("DROP FUNCTION doorbraak_audit_next()")
