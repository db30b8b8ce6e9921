"""`doorbraak precedent search` and the legal-basis fields of `doorbraak plan rechtsgronden` (SQLite file)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from domain.services import households as household_service
from domain.services import plans as plan_service
from domain.services.households import parse_draft
from storage.bootstrap import open_database
from storage.settings import Settings
from tests.builders import DECISION_REQUEST, HOUSEHOLD, TEST_ACTOR, complete_content, decider_for, problem_id
from tui.cli.main import app

runner = CliRunner()


def invoke(url: str, *args: str) -> Any:
    return runner.invoke(app, ["--database", url, *args])


def decided_plan(url: str) -> str:
    db = open_database(Settings(database_url=url))
    db.logged_in = TEST_ACTOR
    try:
        household = household_service.create_household(parse_draft(HOUSEHOLD), db.uow(), db.actor)
        assert household.case_number is not None
        plan = plan_service.start_plan(household.case_number, db.uow(), db.actor,
                                       content=complete_content(problem_id(household, "financien")))
        plan_service.decide_plan(household.case_number, DECISION_REQUEST, plan.version, db.uow(),
                                 decider_for(db, household.case_number))
        return household.case_number
    finally:
        db.close()


def test_search_in_json_and_text_and_bad_criteria_exit_2(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'p.db'}"
    case = decided_plan(url)
    result = invoke(url, "precedent", "search", "--actiesoort", "huurachterstand", "--json")
    assert result.exit_code == 0, result.output
    page = json.loads(result.stdout)
    assert page["criteria"] == ["actiesoort Huurachterstand, ontruiming voorkomen"]
    [found] = page["precedenten"]
    assert found["referentie"] == case and found["kosten"]["verschil"] == "27845.33"
    assert "Eline" not in result.stdout and "999993653" not in result.stdout
    text = invoke(url, "precedent", "search", "huurschuld", "--rechtsgrond", "awb_4_84")
    assert text.exit_code == 0 and f"{case} · Utrecht · besloten 2026-11" in text.stdout
    assert "Rechtsgronden:" in text.stdout and "BWBR0005537" in text.stdout
    assert "Precedenten (rechtsgrond" in text.stdout and "1 gevonden" in text.stdout
    none = invoke(url, "precedent", "search", "--leefgebied", "justitie")
    assert none.exit_code == 0 and "niets gevonden" in none.stdout
    for bad in (["--rechtsgrond", "bestaat_niet"], ["--leefgebied", "maan"], ["--actiesoort", "x"], ["--max", "0"]):
        refused = invoke(url, "precedent", "search", *bad)
        assert refused.exit_code == 2, (bad, refused.output)
        assert "Traceback" not in refused.output


def test_legal_bases_show_the_official_id_date_and_link(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'r.db'}"
    rows = json.loads(invoke(url, "plan", "rechtsgronden", "briefadres", "--json").stdout)
    assert [r["id"] for r in rows] == ["wet_brp_2_39_briefadres"]
    assert rows[0]["officieel_id"] == "BWBR0033715" and rows[0]["geldig_vanaf"] == "2025-02-12"
    assert rows[0]["link"] == "https://wetten.overheid.nl/jci1.3:c:BWBR0033715&artikel=2.39&lid=3"
    assert rows[0]["afwijkingen"] == ["briefadres"]
    text = invoke(url, "plan", "rechtsgronden", "4:94").stdout
    assert "BWBR0005537 · geldig vanaf 01-07-2009" in text and "jci1.3:c:BWBR0005537&artikel=4:94" in text
    kinds = json.loads(invoke(url, "plan", "rechtsgronden", "--soorten", "--json").stdout)
    assert {"huurachterstand", "lening", "briefadres", "premieachterstand"} <= {k["code"] for k in kinds}
    fitting = json.loads(invoke(url, "plan", "rechtsgronden", "--soort", "premieachterstand", "--json").stdout)
    assert [r["id"] for r in fitting] == ["zvw_18a_18g", "rv_475c_beslagvrije_voet"]
    assert invoke(url, "plan", "rechtsgronden", "--soort", "onbekend").exit_code == 2
