"""The "casusinstrumenten" seed step: every state present, a 12-month knelpunten trend, clean dossiers, determinism."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from domain.escalation import EscalationLevel, EscalationQuery, EscalationStatus
from domain.knelpunt import KnelpuntQuery
from domain.overbrugging import OverbruggingQuery, OverbruggingStatus
from domain.services import escalation as escalation_service
from domain.services import knelpunten as knelpunt_service
from domain.services import overbrugging as overbrugging_service
from domain.services.signals import worklist
from domain.signals import SignalKind
from storage.bootstrap import Database, open_database
from storage.seed import REFERENCE_DATE, logical_dump, seed_file
from storage.settings import Settings

CASE_TABLES = (
    "overbrugging",
    "overbrugging_step",
    "overbrugging_cost",
    "escalation",
    "escalation_route",
    "escalation_step",
    "escalation_knelpunt",
    "knelpunt",
    "knelpunt_occurrence",
)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "seed.db"
    seed_file(path, households=48, seed=2026)
    return path


@pytest.fixture
def db(seeded: Path, tmp_path: Path) -> Database:
    copy = tmp_path / "copy.db"
    copy.write_bytes(seeded.read_bytes())
    database = open_database(Settings(database_url=f"sqlite:///{copy}", audit_key_file=tmp_path / "k"))
    yield database  # type: ignore[misc]
    database.close()


def test_overbruggingen_in_every_state_with_late_and_over_cap(db: Database) -> None:
    page = overbrugging_service.list_overbruggingen(OverbruggingQuery(limit=1000), db.uow(), db.actor)
    assert {row.status for row in page.rows} == set(OverbruggingStatus)
    assert sum(1 for row in page.rows if row.past_settlement_deadline(REFERENCE_DATE)) >= 1
    assert any(row.over_cap for row in page.rows)
    closed = [row for row in page.rows if row.status is OverbruggingStatus.AFGESLOTEN]
    full = overbrugging_service.get_overbrugging(closed[0].id, db.uow(), db.actor)
    assert full.settlement is not None and full.settlement.amount == full.total_costs
    assert [s.status for s in full.steps][-1] == "afgesloten"


def test_escalations_at_every_level_and_state_export_cleanly(db: Database) -> None:
    page = escalation_service.list_escalations(EscalationQuery(limit=1000), db.uow(), db.actor)
    assert {(row.level, row.status) for row in page.rows} == {
        (lv, st) for lv in EscalationLevel for st in EscalationStatus
    }
    waiting = [row for row in page.rows if row.status.is_waiting and (row.waiting_days(REFERENCE_DATE) or 0) > 56]
    assert waiting, "some escalations must wait longer than 8 weeks"
    for row in page.rows:
        if row.status is EscalationStatus.CONCEPT:
            continue
        check = escalation_service.check_escalation(row.id, db.uow(), db.actor, today=REFERENCE_DATE)
        assert check.personal_data == [] and check.missing_criteria == []
        escalation_service.export_dossier(row.id, db.uow(), db.actor, today=REFERENCE_DATE)


def test_knelpunten_history_covers_twelve_months_with_a_rising_trend(db: Database) -> None:
    report = knelpunt_service.knelpunten_report(db.uow(), db.actor, start=date(2025, 11, 1), end=date(2026, 10, 31))
    months = [m for m in report.by_month]
    assert len(months) == 12 and all(m.meldingen > 0 for m in months)
    first_half = sum(m.meldingen for m in months[:6])
    second_half = sum(m.meldingen for m in months[6:])
    assert second_half > first_half
    assert len(report.by_category) >= 6 and report.recurring[0].meldingen >= report.recurring[-1].meldingen
    assert any(r.escalaties > 0 for r in report.recurring)
    statuses = Counter(r.status for r in knelpunt_service.list_knelpunten(KnelpuntQuery(), db.uow(), db.actor).rows)
    assert len(statuses) == 3


def test_worklist_on_the_seed_shows_every_kind(db: Database) -> None:
    kinds = {s.kind for s in worklist(db.uow(), db.actor, today=REFERENCE_DATE)}
    assert kinds == set(SignalKind)


def test_seed_step_is_deterministic(seeded: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.db"
    seed_file(again, households=48, seed=2026)
    first, second = logical_dump(seeded), logical_dump(again)
    for table in CASE_TABLES:
        assert first[table] == second[table], table
    assert len(first["escalation"]) > 18 - 1 and len(first["knelpunt_occurrence"]) > 100
