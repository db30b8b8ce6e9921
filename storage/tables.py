"""SQLModel tables. Plain rows without rules: the domain validates, repositories convert."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Column, DateTime, ForeignKey, Index, Integer, Numeric
from sqlmodel import Field, SQLModel

RowValues = dict[str, Any]
"""Column name → value for one row to insert or update, built from a validated domain object (not a command)."""
SqlParams = dict[str, Any]
"""A SQL statement's bind parameters (name → value)."""

# SQLModel needs the Column object itself for version_id_col (the string name fails at save).
_household_version = Column("version", Integer, nullable=False, default=1)


class HouseholdRow(SQLModel, table=True):
    __tablename__ = "household"
    __table_args__ = (
        Index("ix_household_updated_at", "updated_at"),
        Index("ix_household_sort_name", "sort_name"),
        Index("ix_household_municipality", "municipality_name"),
        Index("ix_household_status", "status"),
        Index("ix_household_professional", "professional"),
        Index("ix_household_closed_on", "closed_on"),
        # The dashboard's caseload of a municipality, read from the index alone (migration 0017).
        Index("ix_household_caseload", "municipality_code", "created_at", "closed_on", "status", "professional"),
        # The households of a municipality closed in a period (migration 0018).
        Index("ix_household_closed", "municipality_code", "closed_on"),
    )

    id: int | None = Field(default=None, primary_key=True)
    case_number: str = Field(max_length=14, unique=True)
    name: str = Field(max_length=120)
    sort_name: str = Field(max_length=120)
    """The name without case and accents, so Çelik sorts between Bakker and de Vries."""
    municipality_code: str = Field(max_length=6)
    municipality_name: str = Field(max_length=80)
    street: str = Field(default="", max_length=120)
    house_number: str = Field(default="", max_length=12)
    postcode: str = Field(default="", max_length=7)
    city: str = Field(default="", max_length=120)
    status: str = Field(max_length=20)
    professional: str = Field(default="", max_length=120)
    team: str = Field(default="", max_length=120)
    closed_on: date | None = None
    search_text: str = Field(default="")
    """Lower-case, accent-free text of the listed fields and member names, for filter-as-you-type."""
    version: int = Field(sa_column=_household_version)
    created_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    updated_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))

    __mapper_args__ = {"version_id_col": _household_version}


def _household_fk() -> Column[int]:
    return Column(Integer, ForeignKey("household.id", ondelete="CASCADE"), nullable=False, index=True)


class MemberRow(SQLModel, table=True):
    __tablename__ = "member"

    id: int | None = Field(default=None, primary_key=True)
    household_id: int = Field(sa_column=_household_fk())
    position: int = 0
    name: str = Field(max_length=120)
    date_of_birth: date
    role: str = Field(max_length=20)
    bsn: str | None = Field(default=None, max_length=9)


class ProblemRow(SQLModel, table=True):
    __tablename__ = "problem"

    id: int | None = Field(default=None, primary_key=True)
    household_id: int = Field(sa_column=_household_fk())
    position: int = 0
    leefgebied: str = Field(max_length=40)
    score: int
    since: date | None = None
    description: str = Field(default="", max_length=4000)
    member_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("member.id", ondelete="SET NULL"), nullable=True)
    )
    """The member the problem belongs to (migration 0013); NULL: the household's."""


class InvolvedOrganisationRow(SQLModel, table=True):
    __tablename__ = "involved_organisation"

    id: int | None = Field(default=None, primary_key=True)
    household_id: int = Field(sa_column=_household_fk())
    position: int = 0
    name: str = Field(max_length=120)
    type: str = Field(max_length=40)
    legal_framework: str = Field(max_length=60)
    product: str = Field(default="", max_length=120)
    yearly_cost: Decimal = Field(sa_column=Column(Numeric(12, 2), nullable=False, default=0))


class CaseNumberSequence(SQLModel, table=True):
    """Last case number handed out per year; incremented inside the creating transaction."""

    __tablename__ = "case_number_sequence"

    year: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    last: int = 0


class AuditLogRow(SQLModel, table=True):
    """Append-only (triggers refuse UPDATE and DELETE); `hash` chains every row to the one before."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_object", "object_type", "object_id"),)

    seq: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    kind: str = Field(max_length=20)
    object_type: str = Field(max_length=40)
    object_id: str = Field(max_length=60)
    username: str = Field(max_length=120)
    role: str = Field(max_length=20)
    outcome: str = Field(default="ok", max_length=20)
    purpose: str = Field(default="", max_length=1000)
    break_glass: bool = False
    changes_digest: str = Field(default="", max_length=64)
    """Keyed digest of the changes (kept in audit_change), so the chain covers them."""
    previous_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)


class AuditChangeRow(SQLModel, table=True):
    """The old → new values of one audit record; destroyed with the case at purge, never edited."""

    __tablename__ = "audit_change"
    __table_args__ = (Index("ix_audit_change_object", "object_type", "object_id"),)

    seq: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    object_type: str = Field(max_length=40)
    object_id: str = Field(max_length=60)
    changes: str
    """JSON object: field path → [old, new]; BSNs masked."""


class AuditHead(SQLModel, table=True):
    """One row: the last sequence number and hash. Updating it first serialises audit writers."""

    __tablename__ = "audit_head"

    id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    seq: int = 0
    hash: str = Field(max_length=64)


_user_version = Column("version", Integer, nullable=False, default=1)


class UserRow(SQLModel, table=True):
    __tablename__ = "app_user"

    username: str = Field(primary_key=True, max_length=40)
    display_name: str = Field(max_length=120)
    role: str = Field(max_length=20)
    municipality_codes: str | None = Field(default=None)
    """Comma-separated CBS codes; NULL means not limited."""
    team: str = Field(default="", max_length=120)
    password_hash: str = Field(max_length=200)
    active: bool = True
    failed_logins: int = 0
    locked_until: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    version: int = Field(sa_column=_user_version)

    __mapper_args__ = {"version_id_col": _user_version}


_mandate_version = Column("version", Integer, nullable=False, default=1)


class MandateRow(SQLModel, table=True):
    """The mandate register (domain/mandate.py). Rows are never deleted: a revocation is a date."""

    __tablename__ = "mandate"
    __table_args__ = (Index("ix_mandate_municipality", "municipality_code", "holder_username"),)

    id: int | None = Field(default=None, primary_key=True)
    holder_username: str = Field(max_length=40)
    holder_name: str = Field(max_length=200)
    function: str = Field(default="", max_length=200)
    municipality_code: str = Field(max_length=6)
    deviation_kinds: str = Field(default="")
    """Comma-separated codes of the legal catalogue's kinds (`ruimtes`)."""
    max_amount: Decimal = Field(sa_column=Column(Numeric(12, 2), nullable=False))
    valid_from: date
    valid_until: date
    granted_by: str = Field(max_length=200)
    registered_by: str = Field(default="", max_length=40)
    revoked_on: date | None = None
    revoked_by: str = Field(default="", max_length=40)
    revoke_reason: str = Field(default="", max_length=200)
    created_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    version: int = Field(sa_column=_mandate_version)

    __mapper_args__ = {"version_id_col": _mandate_version}
