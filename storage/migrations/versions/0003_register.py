"""Landelijk Maatwerkregister: contacts, their municipalities and themes, the search vocabulary, and
full-text search (SQLite: FTS5 kept in sync by the repository; PostgreSQL: a generated tsvector with GIN).

Revision ID: 0003_register
Revises: 0001_households
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_register"
down_revision = "0001_households"
branch_labels = None
depends_on = None

SEARCH_COLUMNS = ("search_org", "search_place", "search_other", "search_theme")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    organisation_key = sa.String(240).with_variant(sa.String(240, collation="C"), "postgresql")
    op.create_table(
        "register_contact",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("external_id", sa.String(60), nullable=False, unique=True),
        sa.Column("organisation", sa.String(120), nullable=False),
        sa.Column("organisation_key", organisation_key, nullable=False),
        sa.Column("organisation_type", sa.String(40), nullable=False),
        sa.Column("team", sa.String(120), nullable=False),
        sa.Column("role", sa.String(120), nullable=False),
        sa.Column("person", sa.String(120), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("urgent_phone", sa.String(20), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("availability", sa.String(120), nullable=False),
        sa.Column("landelijk", sa.Boolean(), nullable=False),
        sa.Column("municipality_codes", sa.String(), nullable=False),
        sa.Column("themes", sa.String(), nullable=False),
        sa.Column("legal_frameworks", sa.String(), nullable=False),
        sa.Column("mandate", sa.String(20), nullable=False),
        sa.Column("last_verified", sa.Date(), nullable=True),
        sa.Column("notes", sa.String(4000), nullable=False),
        *(sa.Column(name, sa.String(), nullable=False) for name in SEARCH_COLUMNS),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_register_contact_organisation", "register_contact", ["organisation_key", "id"])
    op.create_index("ix_register_contact_landelijk", "register_contact", ["landelijk"])

    def contact_fk() -> sa.Column[int]:
        return sa.Column(
            "contact_id", sa.Integer(), sa.ForeignKey("register_contact.id", ondelete="CASCADE"), primary_key=True
        )

    op.create_table(
        "register_contact_municipality",
        contact_fk(),
        sa.Column("municipality_code", sa.String(6), primary_key=True),
    )
    op.create_index(
        "ix_register_contact_municipality_code", "register_contact_municipality", ["municipality_code", "contact_id"]
    )
    op.create_table(
        "register_contact_theme",
        contact_fk(),
        sa.Column("theme", sa.String(40), primary_key=True),
    )
    op.create_index("ix_register_contact_theme_theme", "register_contact_theme", ["theme", "contact_id"])
    op.create_table(
        "register_term",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("term", sa.String(120), nullable=False, unique=True),
    )

    columns = ", ".join(SEARCH_COLUMNS)
    if dialect == "sqlite":
        # The search columns are already folded (lower case, no accents) by the domain; unicode61 with
        # remove_diacritics 2 only repeats that. Prefix indexes of 2 and 3 letters keep typed prefixes fast.
        # The repository keeps this index in sync in the same transaction as every write (not triggers:
        # an FTS5 insert from a trigger costs five times a direct one, which made a 100,000-row import slow).
        op.execute(
            f"CREATE VIRTUAL TABLE register_fts USING fts5({columns}, content='register_contact', "
            "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
        )
    else:
        weights = zip(SEARCH_COLUMNS, "ABCD", strict=True)
        vector = " || ".join(f"setweight(to_tsvector('simple'::regconfig, {c}), '{w}')" for c, w in weights)
        op.execute(
            f"ALTER TABLE register_contact ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({vector}) STORED"
        )
        op.execute("CREATE INDEX ix_register_contact_search ON register_contact USING gin (search_vector)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS register_fts")
    for table in ("register_term", "register_contact_theme", "register_contact_municipality", "register_contact"):
        op.drop_table(table)
