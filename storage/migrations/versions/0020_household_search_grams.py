"""PostgreSQL: the case list finds a one- or two-letter text through an index (issue 18).

pg_trgm indexes three-letter runs only, so a case-list text of one or two letters ('pi', 'zz') was matched by
reading every household: 40-50 ms at 100,000 households, the slowest keystrokes of the PostgreSQL filter. The
generated column `search_grams` holds the distinct letters and letter pairs of `search_text` (already lower
case and accent-free), with a GIN index; `storage/households.py` adds `search_grams @> ARRAY[term]` to the
`LIKE` of such a term when it is rare (judged there on a sample), so a rare pair is a few index entries (0.4 ms
in a trial at 100,000 rows); a common one keeps the plain scan, which stops at the count cap.

SQLite is left as it is (its FTS5 trigram table has the same three-letter limit; its filter meets its
targets). The function is IMMUTABLE (a generated column requires it) and names only pg_catalog's functions,
so nobody's search_path can change what it computes.

Revision ID: 0020_household_search_grams
Revises: 0019_dashboard_items
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0020_household_search_grams"
down_revision = "0019_dashboard_items"
branch_labels = None
depends_on = None

GRAMS_FUNCTION = (
    "CREATE FUNCTION doorbraak_search_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS "
    "$$ SELECT coalesce(pg_catalog.array_agg(DISTINCT g), '{}') FROM ("
    "SELECT pg_catalog.substr(t, i, 1) AS g FROM pg_catalog.generate_series(1, pg_catalog.length(t)) AS i "
    "UNION ALL "
    "SELECT pg_catalog.substr(t, i, 2) FROM pg_catalog.generate_series(1, pg_catalog.length(t) - 1) AS i) AS grams $$"
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(GRAMS_FUNCTION)
    op.execute("ALTER TABLE household ADD COLUMN search_grams text[] "
               "GENERATED ALWAYS AS (doorbraak_search_grams(search_text)) STORED")
    op.execute("CREATE INDEX ix_household_search_grams ON household USING gin (search_grams)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX ix_household_search_grams")
    op.execute("ALTER TABLE household DROP COLUMN search_grams")
    op.execute("DROP FUNCTION doorbraak_search_grams(text)")
