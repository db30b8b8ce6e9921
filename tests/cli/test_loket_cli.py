"""`doorbraak loket ...` and the loket part of `doorbraak report knelpunten`, through Typer on a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tui.cli.main import app

runner = CliRunner()


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'loket.db'}"


def invoke(url: str, *args: str) -> Any:
    return runner.invoke(app, ["--database", url, *args])


def ok(url: str, *args: str) -> Any:
    result = invoke(url, *args)
    assert result.exit_code == 0, result.output
    return result


def knelpunt(url: str, title: str) -> str:
    ok(url, "escalation", "knelpunt", "add", "--titel", title, "--categorie", "uitvoering",
       "--effect", "De hulp stopt.", "--datum", "2026-01-05")
    rows = json.loads(ok(url, "escalation", "knelpunt", "list", "--json").stdout)["knelpunten"]
    return str(next(r["reference"] for r in rows if r["title"] == title))


def test_ask_follow_up_and_report_by_ministry(url: str) -> None:
    kp = knelpunt(url, "Toeslag teruggevorderd na verhuizing")
    asked = ok(url, "loket", "vraag", kp, "--ministerie", "fin-ts", "--vraag", "Kan de terugvordering wachten?",
               "--datum", "2026-01-10")
    assert asked.stdout.strip() == "Loketvraag LV-1 gesteld aan Ministerie van Financiën – Dienst Toeslagen."
    ok(url, "loket", "vraag", kp, "--ministerie", "SZW", "--vraag", "Telt dit als inkomen?", "--datum", "2026-01-11")
    ok(url, "loket", "status", "LV-2", "in_behandeling", "--datum", "2026-01-12", "--notitie", "Bij de jurist")
    refused = invoke(url, "loket", "status", "LV-2", "beantwoord", "--datum", "2026-01-20")
    assert refused.exit_code == 2 and "Een beantwoorde vraag heeft een antwoord" in refused.stderr
    ok(url, "loket", "status", "LV-2", "beantwoord", "--antwoord", "Nee, het is een lening.", "--datum",
       "2026-01-20")
    shown = ok(url, "loket", "show", "LV-2").stdout
    assert "Antwoord (beantwoord op 20-01-2026): Nee, het is een lening." in shown
    assert "12-01-2026  in behandeling" in shown and "Bij de jurist" in shown
    data = json.loads(ok(url, "loket", "show", "2", "--json").stdout)
    assert (data["status"], data["ministry"], data["open"], data["answered_on"]) == (
        "beantwoord", "SZW", False, "2026-01-20")
    listed = ok(url, "loket", "list", "--open").stdout
    assert "LV-1" in listed and "LV-2" not in listed and "1 loketvragen" in listed

    text = ok(url, "report", "knelpunten").stdout
    assert "Interdepartementaal loket op" in text and "2 vragen, waarvan 1 open" in text
    assert "FIN-TS – Ministerie van Financiën – Dienst Toeslagen: 1 vraag (1 gesteld); oudste open vraag" in text
    report = json.loads(ok(url, "report", "knelpunten", "--json").stdout)["loket"]
    assert [(m["code"], m["open"]) for m in report["ministries"]] == [("FIN-TS", 1), ("SZW", 0)]
    assert report["ministries"][0]["open_questions"][0]["knelpunt"] == kp
    assert json.loads(ok(url, "loket", "rapport", "--json").stdout)["questions"] == 2


def test_refused_input_exits_2_in_dutch(url: str) -> None:
    kp = knelpunt(url, "Briefadres geweigerd")
    result = invoke(url, "loket", "vraag", kp, "--ministerie", "Defensie", "--vraag", "Mag dit?")
    assert result.exit_code == 2 and "Onbekend ministerie 'Defensie'" in result.stderr
    result = invoke(url, "loket", "vraag", kp, "--ministerie", "BZK", "--vraag", "Postcode 1093 BS?")
    assert result.exit_code == 2 and "persoonsgegevens" in result.stderr
    assert invoke(url, "loket", "vraag", "KP-99", "--ministerie", "BZK", "--vraag", "Mag dit?").exit_code != 0
    assert invoke(url, "loket", "status", "LV-1", "klaar").exit_code == 2
    assert "0 loketvragen" in ok(url, "loket", "list").stdout
    catalogue = ok(url, "loket", "ministeries").stdout
    assert "JenV    Ministerie van Justitie en Veiligheid" in catalogue
