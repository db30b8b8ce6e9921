"""The head of the audit chain only moves forward; the audit tables cannot be truncated.

Before this, any role that could write `audit_head` could set it back (every later audited action then
failed with a unique violation) or point it at an earlier record after deleting the end; and on
PostgreSQL `TRUNCATE audit_log` fired no row trigger. Now a trigger allows exactly the two updates the
app makes when it records an event — the sequence number one up (hash unchanged), then the hash set to
the hash of the record with that number — and refuses every other change, DELETE and TRUNCATE.
A superuser or the owner can still drop a trigger: the checkpoint files outside the database
(`doorbraak audit verify --checkpoint`) catch what happens then.

Revision ID: 0011_audit_guard
Revises: 0010_installation
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0011_audit_guard"
down_revision = "0010_installation"
branch_labels = None
depends_on = None

_FORWARD_ONLY = (
    "(NEW.id = OLD.id AND NEW.seq = OLD.seq + 1 AND NEW.hash = OLD.hash) OR "
    "(NEW.id = OLD.id AND NEW.seq = OLD.seq AND NEW.hash = (SELECT hash FROM audit_log WHERE seq = NEW.seq))"
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            f"CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head WHEN NOT ({_FORWARD_ONLY}) "
            "BEGIN SELECT RAISE(ABORT, 'audit_head only moves forward along the chain'); END"
        )
        op.execute(
            "CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head "
            "BEGIN SELECT RAISE(ABORT, 'audit_head cannot be deleted'); END"
        )
        return
    op.execute(
        "CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF TG_OP = 'UPDATE' AND ({_FORWARD_ONLY}) THEN RETURN NEW; END IF; "
        "RAISE EXCEPTION 'audit_head only moves forward along the chain'; END $$"
    )
    op.execute(
        "CREATE TRIGGER audit_head_forward_only BEFORE UPDATE OR DELETE ON audit_head "
        "FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only()"
    )
    for table in ("audit_log", "audit_change", "audit_head"):
        op.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER audit_head_no_delete")
        op.execute("DROP TRIGGER audit_head_forward_only")
        return
    for table in ("audit_log", "audit_change", "audit_head"):
        op.execute(f"DROP TRIGGER {table}_no_truncate ON {table}")
    op.execute("DROP TRIGGER audit_head_forward_only ON audit_head")
    op.execute("DROP FUNCTION audit_head_forward_only()")
