"""Retention purge (hard delete + tombstone) and the inzageverzoek, on both back ends."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from domain.audit import AuditKind
from domain.errors import InvalidInput, NotFound
from domain.retention import RetentionPolicy, RetentionSettings
from domain.services import households as cases
from domain.services import privacy as service
from storage.bootstrap import Database, open_database
from storage.settings import Settings
from tests.builders import closed_case
from tui.cli.main import app


def test_purge_respects_framework_periods_and_leaves_a_tombstone(db: Database) -> None:
    jeugd = closed_case(db, "Jeugd", "Jeugdwet", date(2010, 1, 1))           # 20 years: keep until 2030
    wmo = closed_case(db, "Wmo", "Wmo 2015", date(2010, 1, 1))               # 15 years: due 2025
    plain = closed_case(db, "Zonder", "Overig", date(2020, 6, 1))            # 5 years: due 2025-06-01
    recent = closed_case(db, "Recent", "Overig", date(2024, 1, 1))           # due 2029
    settings = RetentionSettings()
    today = date(2026, 11, 23)
    dry = service.purge(db.uow(), db.actor, settings, today, dry_run=True)
    assert sorted(c.case_number for c in dry) == sorted([wmo, plain])
    assert cases.get_household(wmo, db.uow(), db.actor)  # dry run deleted nothing
    done = service.purge(db.uow(), db.actor, settings, today, dry_run=False)
    assert {c.case_number for c in done} == {wmo, plain}
    for gone in (wmo, plain):
        with pytest.raises(NotFound):
            cases.get_household(gone, db.uow(), db.actor)
    assert cases.get_household(jeugd, db.uow(), db.actor) and cases.get_household(recent, db.uow(), db.actor)
    with db.uow() as uow:
        tombstones = [r for r in uow.audit.records("household", wmo) if r.event.kind is AuditKind.PURGE]
        members_left = uow.households.find_by_member("Wmo Lid", date(1980, 5, 5))
        assert uow.audit.verify() == []
    assert len(tombstones) == 1 and tombstones[0].event.changes == {}
    assert members_left == []


def test_municipality_override(db: Database) -> None:
    number = closed_case(db, "Utrecht", "Overig", date(2024, 1, 1), municipality="GM0344")
    settings = RetentionSettings(municipalities={"GM0344": RetentionPolicy(default_years=1)})
    assert [c.case_number for c in service.purge_candidates(db.uow(), db.actor, settings, date(2026, 1, 1))] == [number]


def test_subject_access_finds_a_person_by_name_and_birth_date_or_bsn(db: Database) -> None:
    number = closed_case(db, "Özdemir", "Overig", date(2025, 1, 1))
    by_name = service.subject_access(db.uow(), db.actor, name="ozdemir  lid", date_of_birth=date(1980, 5, 5))
    assert [h.case_number for h in by_name.households] == [number]
    assert [r.event.kind for r in by_name.history[number]][:1] == [AuditKind.CREATE]
    by_bsn = service.subject_access(db.uow(), db.actor, bsn="999993653")
    assert number in [h.case_number for h in by_bsn.households]
    with pytest.raises(InvalidInput):
        service.subject_access(db.uow(), db.actor, name="Özdemir Lid")


def test_purge_overwrites_sqlite_content(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'p.db'}"
    db = open_database(Settings(database_url=url))
    closed_case(db, "Geheimnaam Zeldzaam", "Overig", date(2015, 1, 1))
    db.close()
    runner = CliRunner()
    result = runner.invoke(app, ["--database", url, "privacy", "purge", "--datum", "2026-11-23"])
    assert result.exit_code == 0 and "1 casus(sen) vernietigd" in result.stdout
    raw = (tmp_path / "p.db").read_bytes()
    assert b"Geheimnaam" not in raw and b"999993653" not in raw


def test_cli_inzage_json(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'i.db'}"
    db = open_database(Settings(database_url=url))
    closed_case(db, "Visser", "Overig", date(2025, 1, 1))
    db.close()
    out = tmp_path / "inzage.json"
    result = CliRunner().invoke(app, ["--database", url, "privacy", "export", "--bsn", "999993653", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "doorbraak-inzage" and data["cases"][0]["case"]["members"][0]["name"] == "Visser Lid"
    assert {h["kind"] for h in data["cases"][0]["history"]} >= {"create"}
    with sqlite3.connect(tmp_path / "i.db") as connection:
        kinds = [row[0] for row in connection.execute("select purpose from audit_log where kind = 'export'")]
    assert kinds == ["inzageverzoek (AVG art. 15)"]
