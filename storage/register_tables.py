"""Tables of the Landelijk Maatwerkregister. Plain rows: the domain validates, the repository converts.

Outside this metadata (created by migration 0003_register, dialect by dialect):
- SQLite: the FTS5 table `register_fts` (external content on `register_contact`, kept in sync by triggers);
- PostgreSQL: the generated `search_vector tsvector` column with its GIN index.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Date, DateTime, ForeignKey, Index, Integer, String
from sqlmodel import Field, SQLModel

# Byte-wise comparison for the folded organisation key, so prefix ranges (`key > 'x '`) mean the same on
# SQLite (BINARY) and PostgreSQL (whose default collation would ignore the space).
ORGANISATION_KEY_TYPE = String(240).with_variant(String(240, collation="C"), "postgresql")

# SQLModel needs the Column object itself for version_id_col (the string name fails at save).
_contact_version = Column("version", Integer, nullable=False, default=1)


class RegisterContactRow(SQLModel, table=True):
    __tablename__ = "register_contact"
    __table_args__ = (
        Index("ix_register_contact_organisation", "organisation_key", "id"),
        Index("ix_register_contact_landelijk", "landelijk"),
    )

    id: int | None = Field(default=None, primary_key=True)
    external_id: str = Field(max_length=60, unique=True)
    organisation: str = Field(max_length=120)
    organisation_key: str = Field(sa_column=Column(ORGANISATION_KEY_TYPE, nullable=False))
    """The folded organisation name (`belastingdienst dienst toeslagen`) for filters and ranking."""
    organisation_type: str = Field(max_length=40)
    team: str = Field(default="", max_length=120)
    role: str = Field(default="", max_length=120)
    person: str = Field(default="", max_length=120)
    phone: str = Field(default="", max_length=20)
    """E.164, e.g. +31612345678."""
    urgent_phone: str = Field(default="", max_length=20)
    email: str = Field(default="", max_length=254)
    availability: str = Field(default="", max_length=120)
    landelijk: bool = False
    municipality_codes: str = Field(default="")
    """Space-separated CBS codes, for display; `register_contact_municipality` is what filters use."""
    themes: str = Field(default="")
    """Space-separated theme codes, for display; `register_contact_theme` is what filters use."""
    legal_frameworks: str = Field(default="[]")
    """JSON list of strings."""
    mandate: str = Field(max_length=20)
    last_verified: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    notes: str = Field(default="", max_length=4000)
    search_org: str = Field(default="")
    search_place: str = Field(default="")
    search_other: str = Field(default="")
    search_theme: str = Field(default="")
    version: int = Field(sa_column=_contact_version)
    created_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    updated_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))

    __mapper_args__ = {"version_id_col": _contact_version}


def _contact_fk() -> Column[int]:
    return Column(Integer, ForeignKey("register_contact.id", ondelete="CASCADE"), primary_key=True)


class RegisterContactMunicipalityRow(SQLModel, table=True):
    """Which municipality a (not landelijk) contact serves."""

    __tablename__ = "register_contact_municipality"
    __table_args__ = (Index("ix_register_contact_municipality_code", "municipality_code", "contact_id"),)

    contact_id: int = Field(sa_column=_contact_fk())
    municipality_code: str = Field(max_length=6, primary_key=True)


class RegisterContactThemeRow(SQLModel, table=True):
    __tablename__ = "register_contact_theme"
    __table_args__ = (Index("ix_register_contact_theme_theme", "theme", "contact_id"),)

    contact_id: int = Field(sa_column=_contact_fk())
    theme: str = Field(max_length=40, primary_key=True)


class RegisterTermRow(SQLModel, table=True):
    """Every word ever indexed: the vocabulary that typo correction compares against. Insert-only; a word
    whose contacts are gone costs nothing but a correction that finds nothing."""

    __tablename__ = "register_term"

    id: int | None = Field(default=None, primary_key=True)
    term: str = Field(max_length=120, unique=True)
