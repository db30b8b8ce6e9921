"""The inflow per month (SQLite and PostgreSQL): a registration counts in its Dutch calendar month, also
around midnight at the turn of a month in summer and winter time, and every month of the period is there."""

from __future__ import annotations

import shutil
import sqlite3
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

from domain.dashboard import Drill, Figure
from domain.local_time import AMSTERDAM
from domain.services import households as household_service
from domain.services.dashboard import dashboard, dashboard_cases
from domain.services.households import parse_draft
from storage.bootstrap import SAMPLE_DB, Database, open_database
from storage.settings import Settings
from tests.builders import household_draft

GEMEENTE = "GM0344"


def register(db: Database, name: str, moment: datetime) -> str:
    db.clock = lambda: moment  # type: ignore[method-assign]
    data = household_draft(name, municipality_code=GEMEENTE, professional="Fatima Bouzid", team="Wijkteam Zuid")
    h = household_service.create_household(parse_draft(data), db.uow(), db.actor, today=moment.date())
    assert h.case_number is not None
    return h.case_number


def test_registrations_count_in_their_dutch_month(db: Database) -> None:
    late_march = register(db, "Huishouden Maart", datetime(2026, 3, 31, 21, 30, tzinfo=UTC))  # 23:30 CEST
    early_april = register(db, "Huishouden April", datetime(2026, 3, 31, 22, 30, tzinfo=UTC))  # 00:30 CEST
    early_march = register(db, "Huishouden Winter", datetime(2026, 2, 28, 23, 30, tzinfo=UTC))  # 00:30 CET
    register(db, "Huishouden Te Vroeg", datetime(2025, 12, 31, 22, 59, tzinfo=UTC))  # 23:59 CET: 2025

    d = dashboard(GEMEENTE, date(2026, 1, 1), date(2026, 6, 30), db.uow(), db.actor, today=date(2026, 5, 10))
    months = {b.key: b.count for b in d.new_by_month.buckets}
    assert months == {"2026-01": 0, "2026-02": 0, "2026-03": 2, "2026-04": 1, "2026-05": 0}  # up to the peildatum
    assert [b.label for b in d.new_by_month.buckets][:3] == ["jan 2026", "feb 2026", "mrt 2026"]
    assert d.new_by_month.total == d.caseload_flow.bucket("nieuw").count == 3  # type: ignore[union-attr]

    def behind(bucket: str) -> list[str]:
        page = dashboard_cases(GEMEENTE, date(2026, 1, 1), date(2026, 6, 30), Drill(Figure.NEW_BY_MONTH, bucket),
                               db.uow(), db.actor, today=date(2026, 5, 10))
        return [c.case_number for c in page.cases]

    assert behind("2026-03") == sorted([late_march, early_march])
    assert behind("2026-04") == [early_april]
    assert d.closed_by_month.total == 0 and len(d.closed_by_month.buckets) == 5


def test_months_over_sample_db_equal_a_hand_count(tmp_path: Path) -> None:
    """Every municipality of the demo data, 2025–2026: registrations and closures per Dutch month, by hand."""
    copy = tmp_path / "sample.db"
    shutil.copyfile(SAMPLE_DB, copy)
    start, end, peil = date(2025, 1, 1), date(2026, 12, 31), date(2026, 10, 15)
    db = open_database(Settings(database_url=f"sqlite:///{copy}"))
    try:
        with sqlite3.connect(copy) as con:
            rows = con.execute("SELECT municipality_code, created_at, closed_on FROM household").fetchall()
        seen = Counter[str]()
        for code in sorted({r[0] for r in rows}):
            new: Counter[str] = Counter()
            closed: Counter[str] = Counter()
            for municipality, created, closed_on in rows:
                if municipality != code:
                    continue
                moment = datetime.fromisoformat(created).replace(tzinfo=UTC).astimezone(AMSTERDAM).date()
                if start <= moment <= peil:
                    new[moment.strftime("%Y-%m")] += 1
                if closed_on and start.isoformat() <= closed_on <= peil.isoformat():
                    closed[closed_on[:7]] += 1
            d = dashboard(code, start, end, db.uow(), db.actor, today=peil)
            assert {b.key: b.count for b in d.new_by_month.buckets if b.count} == dict(new), code
            assert {b.key: b.count for b in d.closed_by_month.buckets if b.count} == dict(closed), code
            assert len(d.new_by_month.buckets) == 22  # jan 2025 .. okt 2026, zeros included
            seen["new"] += d.new_by_month.total
            seen["closed"] += d.closed_by_month.total
        assert seen["new"] > 20 and seen["closed"] > 3, seen  # the demo data has a real flow
    finally:
        db.close()
