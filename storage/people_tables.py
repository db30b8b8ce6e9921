"""Tables of people in a household (migration 0013): the ZRM history per person and the big-5 checklist at 18.

Both hang off a member (deleted with it, and with the household). `problem.member_id` (the optional person a
problem belongs to) is a column of the household module's table.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Date, DateTime, ForeignKey, Index, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def _fk(target: str) -> Column[int]:
    return Column(Integer, ForeignKey(target, ondelete="CASCADE"), nullable=False, index=True)


class ZrmScoreRow(SQLModel, table=True):
    """One ZRM score of one adult member on one leefgebied on one date (a re-score that day replaces it)."""

    __tablename__ = "zrm_score"
    __table_args__ = (
        UniqueConstraint("member_id", "leefgebied", "scored_on", name="uq_zrm_score_member_day"),
        Index("ix_zrm_score_scored_on", "scored_on"),
    )

    id: int | None = Field(default=None, primary_key=True)
    household_id: int = Field(sa_column=_fk("household.id"))
    member_id: int = Field(sa_column=_fk("member.id"))
    leefgebied: str = Field(max_length=40)
    score: int
    scored_on: date = Field(sa_column=Column(Date, nullable=False))
    moment: int | None = None
    """The plan's evaluation moment (0, 3, 6, 12) the score was given at, if any."""
    by_name: str = Field(default="", max_length=120)
    recorded_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class TransitionCheckRow(SQLModel, table=True):
    """A ticked item of a member's big-5 checklist at 18 (no row: still open)."""

    __tablename__ = "transition_check"
    __table_args__ = (UniqueConstraint("member_id", "item", name="uq_transition_check_member_item"),)

    id: int | None = Field(default=None, primary_key=True)
    household_id: int = Field(sa_column=_fk("household.id"))
    member_id: int = Field(sa_column=_fk("member.id"))
    item: str = Field(max_length=40)
    outcome: str = Field(max_length=20)
    done_on: date = Field(sa_column=Column(Date, nullable=False))
    by_name: str = Field(default="", max_length=120)
    note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class ScoreSeriesRow(SQLModel, table=True):
    """The first and the last score of one scored unit: an adult's ZRM on one leefgebied (`member_id`, the
    leefgebied as `key`), or a plan version's rapportcijfer (`plan_id`, key "rapportcijfer"). Derived data,
    rewritten by storage/score_summary.py in the transaction that changes the unit's scores, so the dashboard's
    score changes read one row per unit instead of sorting every score (issue 18)."""

    __tablename__ = "score_series"
    __table_args__ = (
        UniqueConstraint("member_id", "key", name="uq_score_series_member_key"),
        UniqueConstraint("plan_id", name="uq_score_series_plan"),
        Index("ix_score_series_last_on", "last_on"),
    )

    id: int | None = Field(default=None, primary_key=True)
    household_id: int = Field(sa_column=_fk("household.id"))
    member_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("member.id", ondelete="CASCADE"), nullable=True)
    )
    plan_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("maatwerkplan.id", ondelete="CASCADE"), nullable=True)
    )
    key: str = Field(max_length=40)
    moments: int
    first_on: date = Field(sa_column=Column(Date, nullable=False))
    first_score: int
    last_on: date = Field(sa_column=Column(Date, nullable=False))
    last_score: int
