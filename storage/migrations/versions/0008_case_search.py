"""Case-list search through an index on SQLite too: an FTS5 trigram table over household.search_text.

`LIKE '%term%'` scans all households; at 100,000 households a rare term took ~100 ms. The trigram
index finds substrings of three or more characters directly (the same semantics as the LIKE it
replaces). It is an external-content table kept in sync by triggers, so every writer (the ORM, the
seed's Core inserts, a purge) keeps it right. PostgreSQL already has a pg_trgm GIN index (0001).

Revision ID: 0008_case_search
Revises: 0007_closed_on
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0008_case_search"
down_revision = "0007_closed_on"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE household_fts USING fts5("
        "search_text, content='household', content_rowid='id', tokenize='trigram')"
    )
    op.execute("INSERT INTO household_fts(household_fts) VALUES ('rebuild')")
    op.execute(
        "CREATE TRIGGER household_fts_insert AFTER INSERT ON household BEGIN "
        "INSERT INTO household_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
    )
    op.execute(
        "CREATE TRIGGER household_fts_delete AFTER DELETE ON household BEGIN "
        "INSERT INTO household_fts(household_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END"
    )
    op.execute(
        "CREATE TRIGGER household_fts_update AFTER UPDATE OF search_text ON household BEGIN "
        "INSERT INTO household_fts(household_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
        "INSERT INTO household_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in ("household_fts_insert", "household_fts_delete", "household_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS household_fts")
