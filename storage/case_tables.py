"""Tables of the overbruggingsprocedure, escalations and the knelpunten register (migration 0004).

Overbruggingen and escalations hang off a household (deleted with it). Knelpunten hold no personal data
and no reference to a household: the link table lives on the escalation side and is deleted with it.
Short lists (laws in dispute, recipients, ...) are JSON text; steps, costs, routes and occurrences are rows.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Column, Date, DateTime, ForeignKey, Index, Integer, Numeric, Text
from sqlmodel import Field, SQLModel

from storage.tables import MemberRow

# The 18-year signal queries members by date of birth; this index lives on the household module's table.
MEMBER_BIRTH_INDEX = Index("ix_member_date_of_birth", MemberRow.__table__.c.date_of_birth)  # type: ignore[attr-defined]

_overbrugging_version = Column("version", Integer, nullable=False, default=1)
_escalation_version = Column("version", Integer, nullable=False, default=1)
_knelpunt_version = Column("version", Integer, nullable=False, default=1)
_loket_version = Column("version", Integer, nullable=False, default=1)


def _fk(target: str, *, nullable: bool = False, ondelete: str = "CASCADE") -> Column[int]:
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True)


def _text(nullable: bool = False) -> Column[str]:
    return Column(Text, nullable=nullable, default=None if nullable else "")


def _money(nullable: bool = False) -> Column[Decimal]:
    return Column(Numeric(12, 2), nullable=nullable)


def _stamp() -> Column[datetime]:
    return Column(DateTime(timezone=True), nullable=False)


class OverbruggingRow(SQLModel, table=True):
    __tablename__ = "overbrugging"
    __table_args__ = (Index("ix_overbrugging_status_deadline", "status", "settlement_deadline"),)

    id: int | None = Field(default=None, primary_key=True)
    household_id: int = Field(sa_column=_fk("household.id"))
    support_needed: str = Field(sa_column=_text())
    urgency_reason: str = Field(sa_column=_text())
    transition: str = Field(max_length=20)
    transition_note: str = Field(sa_column=_text())
    laws_in_dispute: str = Field(sa_column=_text())
    """JSON list of legal framework values."""
    organisations_in_dispute: str = Field(sa_column=_text())
    """JSON list of organisation names."""
    voorfinancier: str = Field(max_length=120)
    cap: Decimal = Field(sa_column=_money())
    expected_cost: Decimal = Field(sa_column=_money())
    total_costs: Decimal = Field(sa_column=_money())
    """Sum of the booked costs, kept with every save so "over the cap" is one indexed comparison."""
    start_date: date
    max_duration_months: int
    settlement_deadline: date
    status: str = Field(max_length=30)
    settlement_shares: str | None = Field(default=None, sa_column=_text(nullable=True))
    """JSON list of {payer, legal_framework, percentage}; NULL while no settlement is decided."""
    settlement_amount: Decimal | None = Field(default=None, sa_column=_money(nullable=True))
    settlement_decided_on: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    settlement_repaid_on: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    settlement_note: str | None = Field(default=None, sa_column=_text(nullable=True))
    version: int = Field(sa_column=_overbrugging_version)
    created_at: datetime = Field(sa_column=_stamp())
    updated_at: datetime = Field(sa_column=_stamp())

    __mapper_args__ = {"version_id_col": _overbrugging_version}


class OverbruggingStepRow(SQLModel, table=True):
    __tablename__ = "overbrugging_step"

    id: int | None = Field(default=None, primary_key=True)
    overbrugging_id: int = Field(sa_column=_fk("overbrugging.id"))
    position: int
    status: str = Field(max_length=30)
    step_on: date
    by_name: str = Field(max_length=120)
    username: str = Field(default="", max_length=120)
    note: str = Field(sa_column=_text())


class OverbruggingCostRow(SQLModel, table=True):
    __tablename__ = "overbrugging_cost"

    id: int | None = Field(default=None, primary_key=True)
    overbrugging_id: int = Field(sa_column=_fk("overbrugging.id"))
    position: int
    booked_on: date
    amount: Decimal = Field(sa_column=_money())
    description: str = Field(max_length=120)
    by_name: str = Field(default="", max_length=120)


class EscalationRow(SQLModel, table=True):
    __tablename__ = "escalation"
    __table_args__ = (
        Index("ix_escalation_status_submitted", "status", "submitted_on"),
        Index("ix_escalation_closed_on", "closed_on"),
    )

    id: int | None = Field(default=None, primary_key=True)
    household_id: int = Field(sa_column=_fk("household.id"))
    level: str = Field(max_length=20)
    status: str = Field(max_length=20)
    urgent: bool = Field(sa_column=Column(Boolean, nullable=False, default=False))
    urgency_note: str = Field(sa_column=_text())
    complex: bool = Field(sa_column=Column(Boolean, nullable=False, default=False))
    complexity_note: str = Field(sa_column=_text())
    domains: str = Field(sa_column=_text())
    """JSON list of leefgebied codes."""
    organisations: str = Field(sa_column=_text())
    """JSON list of organisation names."""
    blockage_kind: str = Field(max_length=20)
    blockage: str = Field(sa_column=_text())
    requested_solution: str = Field(sa_column=_text())
    consent_given: bool = Field(sa_column=Column(Boolean, nullable=False, default=False))
    consent_given_on: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    consent_scope: str = Field(sa_column=_text())
    consent_recipients: str = Field(sa_column=_text())
    """JSON list of recipients."""
    consent_expires_on: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    previous_id: int | None = Field(default=None, sa_column=_fk("escalation.id", nullable=True, ondelete="SET NULL"))
    created_on: date
    submitted_on: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    started_on: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    closed_on: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    version: int = Field(sa_column=_escalation_version)
    created_at: datetime = Field(sa_column=_stamp())
    updated_at: datetime = Field(sa_column=_stamp())

    __mapper_args__ = {"version_id_col": _escalation_version}


class EscalationRouteRow(SQLModel, table=True):
    __tablename__ = "escalation_route"

    id: int | None = Field(default=None, primary_key=True)
    escalation_id: int = Field(sa_column=_fk("escalation.id"))
    position: int
    level: str = Field(max_length=20)
    tried_on: date
    description: str = Field(sa_column=_text())
    outcome: str = Field(sa_column=_text())


class EscalationStepRow(SQLModel, table=True):
    __tablename__ = "escalation_step"

    id: int | None = Field(default=None, primary_key=True)
    escalation_id: int = Field(sa_column=_fk("escalation.id"))
    position: int
    status: str = Field(max_length=20)
    step_on: date
    by_name: str = Field(max_length=120)
    username: str = Field(default="", max_length=120)
    note: str = Field(sa_column=_text())


class EscalationKnelpuntRow(SQLModel, table=True):
    """Which knelpunten an escalation raised. Lives with the escalation; the register only sees counts."""

    __tablename__ = "escalation_knelpunt"

    escalation_id: int = Field(
        sa_column=Column(Integer, ForeignKey("escalation.id", ondelete="CASCADE"), primary_key=True)
    )
    knelpunt_id: int = Field(
        sa_column=Column(Integer, ForeignKey("knelpunt.id", ondelete="CASCADE"), primary_key=True, index=True)
    )
    position: int = 0


class KnelpuntRow(SQLModel, table=True):
    __tablename__ = "knelpunt"
    __table_args__ = (
        Index("ix_knelpunt_category", "category"),
        Index("ix_knelpunt_status", "status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=120)
    category: str = Field(max_length=30)
    law: str = Field(default="", max_length=120)
    article: str = Field(default="", max_length=120)
    organisation: str = Field(default="", max_length=120)
    ministry: str = Field(default="", max_length=120)
    unintended_effect: str = Field(sa_column=_text())
    proposed_fix: str = Field(sa_column=_text())
    status: str = Field(max_length=20)
    signalled_on: date
    agendered_on: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    resolved_on: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    search_text: str = Field(sa_column=_text())
    """Lower-case, accent-free title, law, organisation and effect, for the register's filter."""
    version: int = Field(sa_column=_knelpunt_version)
    created_at: datetime = Field(sa_column=_stamp())
    updated_at: datetime = Field(sa_column=_stamp())

    __mapper_args__ = {"version_id_col": _knelpunt_version}


class KnelpuntOccurrenceRow(SQLModel, table=True):
    __tablename__ = "knelpunt_occurrence"
    __table_args__ = (Index("ix_knelpunt_occurrence_on", "occurred_on"),)

    id: int | None = Field(default=None, primary_key=True)
    knelpunt_id: int = Field(sa_column=_fk("knelpunt.id"))
    position: int
    occurred_on: date
    via_escalation: bool = Field(sa_column=Column(Boolean, nullable=False, default=False))


class LoketVraagRow(SQLModel, table=True):
    """A question of the interdepartementaal loket about a knelpunt (migration 0014); no personal data."""

    __tablename__ = "loket_vraag"
    __table_args__ = (
        Index("ix_loket_vraag_ministry_status", "ministry", "status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    knelpunt_id: int = Field(sa_column=_fk("knelpunt.id"))
    ministry: str = Field(max_length=20)
    question: str = Field(sa_column=_text())
    status: str = Field(max_length=20)
    asked_on: date
    answer: str = Field(sa_column=_text())
    answered_on: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    version: int = Field(sa_column=_loket_version)
    created_at: datetime = Field(sa_column=_stamp())
    updated_at: datetime = Field(sa_column=_stamp())

    __mapper_args__ = {"version_id_col": _loket_version}


class LoketStepRow(SQLModel, table=True):
    __tablename__ = "loket_vraag_step"

    id: int | None = Field(default=None, primary_key=True)
    vraag_id: int = Field(sa_column=_fk("loket_vraag.id"))
    position: int
    status: str = Field(max_length=20)
    step_on: date
    by_name: str = Field(max_length=120)
    username: str = Field(default="", max_length=120)
    note: str = Field(sa_column=_text())
