"""`doorbraak report knelpunten|werklijst|escalaties` end to end through Typer on a SQLite file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from domain.escalation import EscalationStatus
from domain.services import escalation as escalation_service
from domain.services import households, knelpunten
from domain.services import overbrugging as overbrugging_service
from domain.services.households import parse_draft
from storage.bootstrap import Database, open_database
from storage.settings import Settings
from tests.builders import escalation_draft, household_draft, overbrugging_draft
from tui.cli.main import app

runner = CliRunner()


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'report.db'}"


@pytest.fixture
def db(url: str) -> Any:
    database = open_database(Settings(database_url=url))
    yield database
    database.close()


def invoke(url: str, *args: str) -> Any:
    return runner.invoke(app, ["--database", url, *args])


def knelpunt(db: Database, title: str, category: str, law: str, org: str, *dates: str) -> None:
    k = knelpunten.add_knelpunt(
        knelpunten.KnelpuntDraft.model_validate({
            "title": title,
            "category": category,
            "law": law,
            "organisation": org,
            "unintended_effect": "Effect",
            "signalled_on": dates[0],
        }),
        db.uow(),
        db.actor,
    )
    assert k.id is not None
    for on in dates[1:]:
        k = knelpunten.record_occurrence(k.id, k.version, db.uow(), db.actor, on=date.fromisoformat(on))


def test_knelpunten_report_json_matches_hand_counts(db: Database, url: str) -> None:
    knelpunt(db, "Jeugdwet stopt op 18", "wet", "Jeugdwet", "Gemeente", "2026-01-05", "2026-01-20", "2026-03-02")
    knelpunt(db, "Schotten Wmo en Wlz", "financiering_schotten", "Wmo 2015", "Zorgkantoor", "2026-02-10", "2026-03-15")
    knelpunt(db, "Koppeling UWV", "ict", "", "UWV", "2025-12-20", "2026-03-01")
    result = invoke(url, "report", "knelpunten", "--from", "2026-01-01", "--to", "2026-03-31", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["meldingen"], data["knelpunten"]) == (6, 3)
    assert data["period"] == {"from": "2026-01-01", "to": "2026-03-31"}
    assert {r["key"]: r["meldingen"] for r in data["by_category"]} == {"wet": 3, "financiering_schotten": 2, "ict": 1}
    assert {r["key"]: r["meldingen"] for r in data["by_organisation"]} == {"Gemeente": 3, "Zorgkantoor": 2, "UWV": 1}
    assert [(m["month"], m["meldingen"], m["nieuw"]) for m in data["by_month"]] == [
        ("2026-01", 2, 1),
        ("2026-02", 1, 1),
        ("2026-03", 3, 0),
    ]
    assert [r["title"] for r in data["recurring"]] == ["Jeugdwet stopt op 18", "Schotten Wmo en Wlz", "Koppeling UWV"]
    text = invoke(url, "report", "knelpunten", "--van", "2026-01-01").stdout
    assert "Per categorie:" in text and "2026-03" in text and "Vaakst terugkerend:" in text
    bad = invoke(url, "report", "knelpunten", "--from", "gisteren")
    assert bad.exit_code == 2 and "geen geldige datum" in bad.stderr


def test_worklist_and_lead_times(db: Database, url: str) -> None:
    h = households.create_household(parse_draft(household_draft()), db.uow(), db.actor)
    assert h.case_number is not None
    overbrugging_service.request_overbrugging(
        h.case_number,
        overbrugging_draft(transition="wmo-wlz", settlement_deadline="2026-10-01"),
        db.uow(),
        db.actor,
        today=date(2026, 9, 1),
    )
    e = escalation_service.start_escalation(
        h.case_number, escalation_draft(), db.uow(), db.actor, today=date(2026, 8, 20)
    )
    assert e.id is not None
    e = escalation_service.change_escalation_status(
        e.id, EscalationStatus.INGEDIEND, e.version, db.uow(), db.actor, on=date(2026, 8, 20)
    )
    result = invoke(url, "report", "werklijst", "--datum", "2026-11-01", "--json")
    assert result.exit_code == 0, result.output
    signals = json.loads(result.stdout)
    # Emre turns 18 on 14-02-2027: the 18-signal and (low, last) his big-5 checklist.
    assert [s["kind"] for s in signals] == ["verrekening_verlopen", "escalatie_wacht", "wordt_18", "checklist_18"]
    assert all(s["case_number"] == h.case_number for s in signals)
    text = invoke(url, "report", "werklijst", "--datum", "2026-11-01", "--wachtweken", "12").stdout
    assert "Escalatie wacht" not in text and "3 signalen" in text
    only = json.loads(
        invoke(url, "report", "werklijst", "--datum", "2026-11-01", "--soort", "wordt_18", "--json").stdout
    )
    assert [s["kind"] for s in only] == ["wordt_18"]

    e = escalation_service.change_escalation_status(
        e.id, EscalationStatus.IN_BEHANDELING, e.version, db.uow(), db.actor, on=date(2026, 9, 1)
    )
    escalation_service.change_escalation_status(
        e.id, EscalationStatus.OPGELOST, e.version, db.uow(), db.actor, on=date(2026, 10, 15)
    )
    rows = json.loads(invoke(url, "report", "escalaties", "--json").stdout)
    national = next(r for r in rows if r["level"] == "lmm_let")
    assert (national["closed"], national["opgelost"], national["mean_days"]) == (1, 1, 56.0)
    assert "LMM/LET" in invoke(url, "report", "escalaties").stdout


def test_worklist_reads_the_worklist_settings_and_a_flag_overrides_them(
    db: Database, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = households.create_household(parse_draft(household_draft()), db.uow(), db.actor)
    assert h.case_number is not None
    e = escalation_service.start_escalation(h.case_number, escalation_draft(), db.uow(), db.actor,
                                            today=date(2026, 9, 20))
    assert e.id is not None
    escalation_service.change_escalation_status(e.id, EscalationStatus.INGEDIEND, e.version, db.uow(), db.actor,
                                                on=date(2026, 9, 20))  # 6 weeks before 01-11-2026

    def kinds(*extra: str) -> list[str]:
        result = invoke(url, "report", "werklijst", "--datum", "2026-11-01", "--json", *extra)
        assert result.exit_code == 0, result.output
        return sorted({s["kind"] for s in json.loads(result.stdout)})

    assert "escalatie_wacht" not in kinds()  # default 8 weeks
    monkeypatch.setenv("DOORBRAAK_WORKLIST", '{"escalation_wait_weeks": 4, "months_before_18": 2}')
    # The setting: 4 weeks; and Emre (18 on 14-02-2027) is > 2 months away. His big-5 checklist opens 6 months
    # before the birthday whatever the setting (docs/people.md).
    assert kinds() == ["checklist_18", "escalatie_wacht"]
    assert kinds("--wachtweken", "10") == ["checklist_18"]  # the flag wins over the setting
    assert kinds("--maanden-voor-18", "6") == ["checklist_18", "escalatie_wacht", "wordt_18"]


def test_report_is_a_sub_app_with_dutch_help() -> None:
    result = runner.invoke(app, ["report", "--help"])
    assert result.exit_code == 0
    for command in ("knelpunten", "werklijst", "escalaties"):
        assert command in result.stdout
    assert "Systeemleren" in runner.invoke(app, ["report", "knelpunten", "--help"]).stdout
