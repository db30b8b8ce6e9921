"""Tables of the maatwerkplan: one row per plan version with its goals, actions, cost lines, legal bases and
evaluations; drafts (autosave) per user; municipal overrides of kengetallen.

Goals, actions and cost lines keep their plan key (d1, a1, k1) so links survive a save; the children of a
version are rewritten on every save of that version (plans are small, versions are kept).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, Column, DateTime, ForeignKey, Index, Integer, Numeric, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

_plan_version_col = Column("version", Integer, nullable=False, default=1)
_override_version_col = Column("version", Integer, nullable=False, default=1)


def _plan_fk() -> Column[int]:
    return Column(Integer, ForeignKey("maatwerkplan.id", ondelete="CASCADE"), nullable=False, index=True)


class PlanRow(SQLModel, table=True):
    __tablename__ = "maatwerkplan"
    __table_args__ = (
        UniqueConstraint("household_id", "plan_version", name="uq_maatwerkplan_household_version"),
        Index("ix_maatwerkplan_status", "status"),
        # The dashboard's plan in force of a household from the index alone (migration 0018).
        Index("ix_maatwerkplan_in_force", "household_id", "decided_on", "superseded_on", "status", "plan_version",
              "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    household_id: int = Field(
        sa_column=Column(Integer, ForeignKey("household.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    plan_version: int
    status: str = Field(max_length=20)
    in_kaart_samenvatting: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    in_kaart_datum: date | None = None
    perspectief: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    obstacle_problem_id: int | None = None
    """The household problem chosen as grootste sta-in-de-weg (no foreign key: a decided plan keeps it)."""
    obstacle_leefgebied: str | None = Field(default=None, max_length=40)
    obstacle_toelichting: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    doorbraak: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    horizon_months: int = 12
    discount_rate: Decimal = Field(sa_column=Column(Numeric(6, 4), nullable=False, default=0))
    price_year: int | None = None
    """The prijspeil the plan's kengetallen are indexed to; None: amounts as entered (plans from before 0015)."""
    juridisch: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))
    """JSON object with the text fields of the juridische paragraaf (the bases are in plan_legal_basis)."""
    consent_given_by: str | None = Field(default=None, max_length=200)
    consent_given_on: date | None = None
    consent_method: str | None = Field(default=None, max_length=20)
    consent_scope: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    decided_by: str | None = Field(default=None, max_length=200)
    decision_mandate: str | None = Field(default=None, max_length=200)
    decision_mandate_id: int | None = None
    """The mandate register's row the decision was taken on (no foreign key: a case file may come from
    another database); None for decisions recorded before the register existed."""
    decided_on: date | None = None
    decision_toelichting: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    superseded_on: date | None = None
    """The first decision day of a later decided version of this household (None: none yet); kept by
    storage/plan_summary.py, so the plan in force at a day is one comparison (the dashboard)."""
    created_by: str = Field(default="", max_length=120)
    version: int = Field(sa_column=_plan_version_col)
    created_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    updated_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))

    __mapper_args__ = {"version_id_col": _plan_version_col}


class PlanRekensomRow(SQLModel, table=True):
    """The rekensom result of a plan version per party, in cents (storage/plan_summary.py; the dashboard sums
    these instead of recomputing every plan's cost lines). Rewritten with the cost lines on every save."""

    __tablename__ = "plan_rekensom"
    __table_args__ = (
        # The dashboard's projected rekensom of the plans in force from the index alone (migration 0018).
        Index("ix_plan_rekensom_sums", "plan_id", "payer", "huidig_pad_cents", "doorbraak_cents",
              "kosten_huidig_pad_cents", "kosten_doorbraak_cents"),
    )

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(sa_column=_plan_fk())
    payer: str = Field(max_length=40)
    huidig_pad_cents: int = Field(sa_column=Column(BigInteger, nullable=False))
    doorbraak_cents: int = Field(sa_column=Column(BigInteger, nullable=False))
    kosten_huidig_pad_cents: int = Field(sa_column=Column(BigInteger, nullable=False))
    kosten_doorbraak_cents: int = Field(sa_column=Column(BigInteger, nullable=False))


class PlanGoalRow(SQLModel, table=True):
    __tablename__ = "plan_goal"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(sa_column=_plan_fk())
    position: int = 0
    key: str = Field(max_length=20)
    text: str = Field(sa_column=Column(Text, nullable=False))
    leefgebied: str | None = Field(default=None, max_length=40)
    target_score: int | None = None


class PlanActionRow(SQLModel, table=True):
    __tablename__ = "plan_action"
    __table_args__ = (
        Index("ix_plan_action_status_deadline", "status", "deadline"),
        # The dashboard's overdue actions and first action done of a plan from the index alone (migration 0018).
        Index("ix_plan_action_overdue", "plan_id", "status", "deadline", "done_on"),
    )

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(sa_column=_plan_fk())
    position: int = 0
    key: str = Field(max_length=20)
    what: str = Field(sa_column=Column(Text, nullable=False))
    owner_organisation: str = Field(default="", max_length=200)
    contact: str = Field(default="", max_length=200)
    contact_id: int | None = None
    deadline: date | None = None
    status: str = Field(max_length=20)
    status_note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    done_on: date | None = None
    """The day the action was done (status gedaan); the dashboard's lead time counts from it."""
    goal_key: str | None = Field(default=None, max_length=20)
    cost_line_key: str | None = Field(default=None, max_length=20)
    deviating: bool = False
    reasoning: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))
    """JSON object with the legal reasoning of this action (its bases are in plan_legal_basis)."""


class PlanCostLineRow(SQLModel, table=True):
    __tablename__ = "plan_cost_line"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(sa_column=_plan_fk())
    position: int = 0
    key: str = Field(max_length=20)
    description: str = Field(max_length=200)
    scenario: str = Field(max_length=20)
    payer: str = Field(max_length=40)
    amount: Decimal = Field(sa_column=Column(Numeric(12, 2), nullable=False))
    quantity: Decimal = Field(sa_column=Column(Numeric(12, 4), nullable=False))
    probability: Decimal = Field(sa_column=Column(Numeric(5, 4), nullable=False))
    frequency: str = Field(max_length=20)
    start_month: int = 0
    duration_months: int | None = None
    has_source: bool = False
    kengetal_id: str | None = Field(default=None, max_length=60)
    source_text: str = Field(default="", max_length=300)
    source_year: int | None = None
    source_amount: Decimal | None = Field(default=None, sa_column=Column(Numeric(12, 2), nullable=True))
    """A kengetal's own figure (of `source_year`) when `amount` was indexed from it."""
    kind: str = Field(default="kosten", max_length=12)
    """kosten | overdracht (DOMAIN.md "Costs versus transfers")."""
    receiver: str | None = Field(default=None, max_length=40)
    loan_months: int | None = None
    default_probability: Decimal | None = Field(default=None, sa_column=Column(Numeric(5, 4), nullable=True))


class PlanLegalBasisRow(SQLModel, table=True):
    """A chosen legal basis: of the paragraph (kind `grond`), its privacy basis (`privacy`) or an action (`actie`)."""

    __tablename__ = "plan_legal_basis"
    __table_args__ = (Index("ix_plan_legal_basis_basis", "basis_id"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(sa_column=_plan_fk())
    position: int = 0
    kind: str = Field(max_length=10)
    action_key: str | None = Field(default=None, max_length=20)
    basis_id: str = Field(max_length=60)
    toelichting: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class PlanEvaluationRow(SQLModel, table=True):
    __tablename__ = "plan_evaluation"
    __table_args__ = (UniqueConstraint("plan_id", "moment", name="uq_plan_evaluation_moment"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(sa_column=_plan_fk())
    moment: int
    on_date: date | None = None
    rapportcijfer: int | None = None
    scores: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))
    """JSON object: leefgebied code → ZRM score."""
    realised_costs: Decimal | None = Field(default=None, sa_column=Column(Numeric(14, 2), nullable=True))
    """All payers together (the sum of realised_by_payer when that is filled)."""
    realised_by_payer: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))
    """JSON object: payer → realised amount as a decimal string ("1234.50")."""
    toelichting: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class PlanDraftRow(SQLModel, table=True):
    """Autosaved, unvalidated editor content: one per household and user, replaced on every autosave."""

    __tablename__ = "plan_draft"
    __table_args__ = (UniqueConstraint("household_id", "username", name="uq_plan_draft_household_user"),)

    id: int | None = Field(default=None, primary_key=True)
    household_id: int = Field(
        sa_column=Column(Integer, ForeignKey("household.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    username: str = Field(max_length=120)
    base_plan_version: int | None = None
    base_version: int | None = None
    content: str = Field(sa_column=Column(Text, nullable=False))
    saved_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class KengetalOverrideRow(SQLModel, table=True):
    """A municipality's own figure for a kengetal of the catalogue, with its own source and year."""

    __tablename__ = "kengetal_override"
    __table_args__ = (UniqueConstraint("municipality_code", "kengetal_id", name="uq_kengetal_override"),)

    id: int | None = Field(default=None, primary_key=True)
    municipality_code: str = Field(max_length=6)
    kengetal_id: str = Field(max_length=60)
    bedrag: Decimal = Field(sa_column=Column(Numeric(12, 2), nullable=False))
    bron: str = Field(max_length=300)
    jaar: int
    updated_by: str = Field(default="", max_length=120)
    updated_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    version: int = Field(sa_column=_override_version_col)

    __mapper_args__ = {"version_id_col": _override_version_col}
