"""`doorbraak case ...` end to end through Typer, on a real SQLite file."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tui.cli.main import app

runner = CliRunner()


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


def case_file(tmp_path: Path, household: dict[str, Any], name: str = "case.json") -> Path:
    path = tmp_path / name
    path.write_text(
        json.dumps({"format": "doorbraak-case", "format_version": 1, "household": household}), encoding="utf-8"
    )
    return path


GOOD = {
    "name": "Huishouden El Amrani",
    "municipality_code": "GM0599",
    "address": {"street": "Mathenesserlaan", "house_number": "1", "postcode": "3021 HA", "city": "Rotterdam"},
    "members": [
        {"name": "Samira El Amrani", "date_of_birth": "1990-03-04", "role": "hoofdbewoner", "bsn": "999992077"}
    ],
    "problems": [{"leefgebied": "financien", "score": 2, "description": "Toeslagenschuld"}],
    "organisations": [
        {
            "name": "Dienst Toeslagen",
            "type": "landelijke_uitvoeringsorganisatie",
            "legal_framework": "Awir (toeslagen)",
            "yearly_cost": "1200.00",
        }
    ],
}


def invoke(url: str, *args: str) -> Any:
    return runner.invoke(app, ["--database", url, *args])


def case_count(url: str) -> int:
    result = invoke(url, "case", "list", "--json")
    assert result.exit_code == 0, result.output
    return int(json.loads(result.stdout)["total"])


def test_import_show_export_roundtrip(tmp_path: Path, url: str) -> None:
    result = invoke(url, "case", "import", str(case_file(tmp_path, GOOD)))
    assert result.exit_code == 0, result.output
    number = result.stdout.split()[2].rstrip(":")
    shown = invoke(url, "case", "show", number)
    assert "Huishouden El Amrani" in shown.stdout and "******077" in shown.stdout
    assert "999992077" not in shown.stdout
    out = tmp_path / "export.json"
    assert invoke(url, "case", "export", number, "-o", str(out)).exit_code == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["format"] == "doorbraak-case" and exported["household"]["case_number"] == number
    assert exported["household"]["members"][0]["bsn"] == "999992077"
    # The export imports again (as a new number, since this one exists).
    again = invoke(url, "case", "import", str(out))
    assert again.exit_code == 2 and "bestaat al" in again.stderr  # rejected input: 2
    assert invoke(url, "case", "import", str(out), "--nieuw-nummer").exit_code == 0
    assert case_count(url) == 2


def test_rejected_import_names_every_problem_and_writes_nothing(tmp_path: Path, url: str) -> None:
    bad = json.loads(json.dumps(GOOD))
    bad["name"] = "x" * (10 * 1024 * 1024)
    bad["municipality_code"] = "GM9999"
    bad["members"][0]["bsn"] = "123456789"
    bad["members"].append({"name": "Yara", "date_of_birth": (date.today() + timedelta(days=30)).isoformat()})
    result = invoke(url, "case", "import", str(case_file(tmp_path, bad)))
    assert result.exit_code == 2
    err = result.stderr
    assert "household.name: is te lang (maximaal 120 tekens)" in err
    assert "household.municipality_code: Onbekende gemeentecode 'GM9999'" in err
    assert "household.members.0.bsn: Dit is geen geldig BSN" in err
    assert "household.members.1.date_of_birth: De geboortedatum ligt in de toekomst." in err
    assert "123456789" not in err  # a BSN never appears in error output
    assert "Traceback" not in result.output
    assert case_count(url) == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "Geen geldige JSON"),
        ('{"format": "iets-anders", "household": {}}', "geen doorbraak-casusbestand"),
        ('{"format": "doorbraak-case", "format_version": 99, "household": {}}', "niet ondersteund"),
        ("[1, 2]", "JSON-object"),
    ],
)
def test_malformed_files_are_refused_clearly(tmp_path: Path, url: str, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    result = invoke(url, "case", "import", str(path))
    assert result.exit_code == 2 and message in result.stderr


def test_missing_file_and_unknown_case(tmp_path: Path, url: str) -> None:
    assert "bestaat niet" in invoke(url, "case", "import", str(tmp_path / "nope.json")).stderr
    result = invoke(url, "case", "show", "DB-2026-000777")
    assert result.exit_code == 1 and "Casus DB-2026-000777 bestaat niet" in result.stderr


def test_list_json_and_text(tmp_path: Path, url: str) -> None:
    invoke(url, "case", "import", str(case_file(tmp_path, GOOD)))
    listed = json.loads(invoke(url, "case", "list", "--json", "--zoek", "amrani").stdout)
    assert listed["total"] == 1 and listed["cases"][0]["municipality"] == "Rotterdam"
    text = invoke(url, "case", "list").stdout
    assert "Huishouden El Amrani" in text and "1 van 1 casussen" in text


def test_db_upgrade_and_help() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0 and "case" in result.stdout


def test_unreachable_database_gives_dutch_error() -> None:
    result = runner.invoke(app, ["--database", "postgresql+psycopg://nobody:geheim@127.0.0.1:1/none", "case", "list"])
    assert result.exit_code == 1
    assert "De database kon niet worden geopend: de databaseserver op 127.0.0.1:1 is niet bereikbaar" in result.stderr
    assert "geheim" not in result.stderr + result.stdout and "OperationalError" not in result.stderr


@pytest.mark.postgres
def test_a_server_that_refuses_says_why_in_dutch(postgres_url: str) -> None:
    """The server answers but refuses: a database that is not there, a role it does not know. Not the driver's
    'OperationalError', and never its English message."""
    from sqlalchemy.engine import make_url

    server = make_url(postgres_url)
    missing_database = server.set(database="bestaat_niet_0d7").render_as_string(hide_password=False)
    result = runner.invoke(app, ["--database", missing_database, "case", "list"])
    assert result.exit_code == 1
    assert f"database 'bestaat_niet_0d7' bestaat niet op {server.host}:{server.port or 5432}" in result.stderr
    unknown_role = server.set(username="onbekende_rol_0d7").render_as_string(hide_password=False)
    result = runner.invoke(app, ["--database", unknown_role, "case", "list"])
    assert result.exit_code == 1
    assert "laat rol 'onbekende_rol_0d7' niet toe" in result.stderr and "does not exist" not in result.stderr


def test_a_file_that_is_no_database_is_named_in_dutch(tmp_path: Path) -> None:
    """Not the driver's 'DatabaseError': the file, what is wrong with it, and what to do."""
    stray = tmp_path / "notities.db"
    stray.write_text("boodschappen: melk, brood\n", encoding="utf-8")
    result = runner.invoke(app, ["--database", f"sqlite:///{stray}", "case", "list"])
    assert result.exit_code == 1
    assert f"{stray} is geen doorbraak-database" in result.stderr and "doorbraak restore" in result.stderr
    assert "boodschappen" not in result.stderr + result.stdout
    assert stray.read_text(encoding="utf-8") == "boodschappen: melk, brood\n"  # left as it was
