"""`doorbraak overbrugging ...` end to end through Typer on a SQLite file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.builders import stored_case
from tui.cli.main import app

runner = CliRunner()


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ob.db'}"


@pytest.fixture
def case(url: str) -> str:
    return stored_case(url)


def invoke(url: str, *args: str) -> Any:
    return runner.invoke(app, ["--database", url, *args])


REQUEST = [
    "--ondersteuning", "Begeleid wonen",
    "--urgentie", "Dakloosheid dreigt",
    "--overgang", "18-/18+",
    "--wet", "Jeugdwet",
    "--wet", "Wmo 2015",
    "--organisatie", "Gemeente Amsterdam",
    "--organisatie", "Zorgkantoor",
    "--voorfinancier", "Gemeente Amsterdam",
    "--plafond", "5.000,00",
    "--verwacht", "4000",
    "--start", "2026-09-01",
    "--maanden", "6",
    "--verrekenen-voor", "2026-10-01",
]


def test_request_to_close_with_cap_warning_and_settlement(url: str, case: str) -> None:
    created = invoke(url, "overbrugging", "new", case, *REQUEST, "--datum", "2026-09-01")
    assert created.exit_code == 0, created.output
    assert "Aangevraagd: OB-1" in created.stdout
    own = invoke(url, "overbrugging", "status", "OB-1", "toegekend", "--datum", "2026-09-02")
    assert own.exit_code == 1 and "u heeft de overbrugging zelf aangevraagd" in own.stderr  # four-eyes
    mandate = invoke(url, "mandaat", "add", "s.dewit", "--naam", "Sanne de Wit", "--gemeente", "GM0363",
                     "--afwijking", "overbrugging", "--max-bedrag", "5000", "--van", "2026-01-01", "--tot",
                     "2026-12-31", "--verleend-door", "College van B en W van Amsterdam, mandaatbesluit 2026")
    assert mandate.exit_code == 0 and "Mandaat M-1 vastgelegd: Sanne de Wit (s.dewit), Amsterdam" in mandate.stdout
    granted = runner.invoke(app, ["--database", url, "overbrugging", "status", "OB-1", "toegekend", "--datum",
                                  "2026-09-02"], env={"DOORBRAAK_USER": "s.dewit",
                                                      "DOORBRAAK_DISPLAY_NAME": "Sanne de Wit"})
    assert granted.exit_code == 0, granted.output
    assert invoke(url, "overbrugging", "status", "OB-1", "ingezet", "--datum", "2026-09-02").exit_code == 0
    first = invoke(
        url, "overbrugging", "kosten", "1", "4.999,99", "--omschrijving", "September", "--datum", "2026-09-30"
    )
    assert first.exit_code == 0 and "plafond" not in first.stderr
    assert "uiterste datum voor de verrekening is verstreken" in first.stderr  # deadline 1 October has passed
    over = invoke(url, "overbrugging", "kosten", "1", "200", "--omschrijving", "Oktober", "--datum", "2026-10-31")
    assert over.exit_code == 0 and "Waarschuwing" in over.stderr and "plafond" in over.stderr
    assert "€\xa05.199,99" in over.stdout
    listed = invoke(url, "overbrugging", "list", "--verlopen")
    assert "OB-1" in listed.stdout and "TE LAAT" in listed.stdout and "BOVEN PLAFOND" in listed.stdout
    bad = invoke(
        url, "overbrugging", "verreken", "1", "--betaler", "Zorgkantoor=60", "--betaler", "Gemeente Amsterdam=30"
    )
    assert bad.exit_code == 2 and "precies 100 %" in bad.stderr
    settled = invoke(
        url,
        "overbrugging",
        "verreken",
        "1",
        "--betaler",
        "Zorgkantoor=60",
        "--betaler",
        "Gemeente Amsterdam=40",
        "--datum",
        "2026-11-05",
    )
    assert settled.exit_code == 0, settled.output
    assert "Zorgkantoor betaalt €\xa03.119,99 terug aan Gemeente Amsterdam" in settled.stdout
    refused = invoke(url, "overbrugging", "status", "1", "afgesloten")
    assert refused.exit_code == 1 and "terugbetaling" in refused.stderr
    assert invoke(url, "overbrugging", "terugbetaald", "1", "--datum", "2026-11-20").exit_code == 0
    assert invoke(url, "overbrugging", "status", "1", "afgesloten", "--datum", "2026-11-21").exit_code == 0
    data = json.loads(invoke(url, "overbrugging", "show", "1", "--json").stdout)
    assert data["status"] == "afgesloten" and data["total_costs"] == "5199.99" and data["over_cap"] is True
    assert [s["status"] for s in data["steps"]] == [
        "aangevraagd",
        "toegekend",
        "ingezet",
        "verrekening_besloten",
        "afgesloten",
    ]
    assert data["repayments"] == [{"payer": "Zorgkantoor", "amount": "3119.99"}]
    text = invoke(url, "overbrugging", "show", "1").stdout
    assert "Verrekening besloten" in text and "terugbetaald: 20-11-2026" in text


def test_errors_go_to_stderr_with_non_zero_exit(url: str, case: str) -> None:
    missing = invoke(url, "overbrugging", "new", case, *REQUEST[:-2])
    assert missing.exit_code != 0
    wrong = invoke(url, "overbrugging", "new", case, *[a if a != "5.000,00" else "veel" for a in REQUEST])
    assert wrong.exit_code == 2 and "plafond" in wrong.stderr and "geen bedrag" in wrong.stderr
    unknown = invoke(url, "overbrugging", "new", "DB-2026-999999", *REQUEST)
    assert unknown.exit_code == 1 and "bestaat niet" in unknown.stderr
    assert invoke(url, "overbrugging", "new", case, *REQUEST).exit_code == 0
    early = invoke(url, "overbrugging", "kosten", "1", "10", "--omschrijving", "Te vroeg")
    assert early.exit_code == 1 and "ingezet" in early.stderr
    skip = invoke(url, "overbrugging", "status", "1", "afgesloten")
    assert skip.exit_code == 1 and "kan niet naar 'Afgesloten'" in skip.stderr
    stale = invoke(url, "overbrugging", "status", "1", "toegekend", "--versie", "7")
    assert stale.exit_code == 1 and "intussen door iemand anders gewijzigd" in stale.stderr
    assert "Traceback" not in stale.output
    assert json.loads(invoke(url, "overbrugging", "list", "--json").stdout)["total"] == 1
