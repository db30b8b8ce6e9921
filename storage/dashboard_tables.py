"""The dashboard's kept items (migration 0019, storage/dashboard_items.py, domain/dashboard_items.py).

Derived data, rewritten in the transaction that changes a household: `dashboard_cell` holds the sums of every
household's items per municipality, figure, bucket and the four bounds (one row for all items alike, so a
municipality of 21,000 households has ~23,000 rows instead of ~450,000 items); `dashboard_household` each
household's own items (compressed), so that a change can take them out of the sums again; `dashboard_pending`
the households changed since (database triggers write it, whoever changes what).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Column, Date, Integer, LargeBinary, String
from sqlmodel import Field, SQLModel


class DashboardCellRow(SQLModel, table=True):
    __tablename__ = "dashboard_cell"
    __table_args__ = {"sqlite_with_rowid": False}

    municipality_code: str = Field(sa_column=Column(String(10), primary_key=True))
    figure: str = Field(sa_column=Column(String(40), primary_key=True))
    bucket: str = Field(sa_column=Column(String(200), primary_key=True))
    lo: date = Field(sa_column=Column(Date, primary_key=True))
    hi: date = Field(sa_column=Column(Date, primary_key=True))
    since: date = Field(sa_column=Column(Date, primary_key=True))
    due: date = Field(sa_column=Column(Date, primary_key=True))
    n: int = Field(sa_column=Column(Integer, nullable=False))
    h: int = Field(sa_column=Column(Integer, nullable=False))
    v1: int = Field(sa_column=Column(BigInteger, nullable=False))
    v2: int = Field(sa_column=Column(BigInteger, nullable=False))
    v3: int = Field(sa_column=Column(BigInteger, nullable=False))
    v4: int = Field(sa_column=Column(BigInteger, nullable=False))


class DashboardHouseholdRow(SQLModel, table=True):
    __tablename__ = "dashboard_household"

    household_id: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    municipality_code: str = Field(sa_column=Column(String(10), nullable=False))
    items: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class DashboardPendingRow(SQLModel, table=True):
    __tablename__ = "dashboard_pending"

    household_id: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
