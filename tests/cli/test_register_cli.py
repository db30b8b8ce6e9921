"""`doorbraak register ...` end to end through Typer, on a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tui.cli.main import app

runner = CliRunner()

HEADER = "externe_id;organisatie;team;persoon;telefoon;email;regio;themas;laatst_geverifieerd"
ROWS = [
    "uwv-ams;UWV;Regio Amsterdam;;06 12345001;ams@uwv.example;GM0363;uitkering;2026-06-01",
    "uwv-land;UWV;Team Maatwerk WW;;06 12345002;ww@uwv.example;landelijk;uitkering;2026-06-01",
    "bd;Belastingdienst/Dienst Toeslagen;Maatwerkteam;;06 12345003;;landelijk;toeslagen|schulden;2024-01-01",
    "sudwest;Gemeente Súdwest-Fryslân;Schuldhulp;Ayşe Özdemir;06 12345004;;GM1900;schulden;2026-06-01",
]


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


def invoke(url: str, *args: str) -> Any:
    return runner.invoke(app, ["--database", url, "register", *args])


def csv_file(tmp_path: Path, lines: list[str], name: str = "register.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def loaded(url: str, tmp_path: Path) -> str:
    result = invoke(url, "import", str(csv_file(tmp_path, [HEADER, *ROWS])))
    assert result.exit_code == 0, result.output
    assert "4 regels gelezen: 4 nieuw, 0 bijgewerkt, 0 geweigerd." in result.stdout
    return url


def test_search_json_with_typo_and_filters(loaded: str) -> None:
    result = invoke(loaded, "search", "belastingdiesnt", "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["verbeterd"] == "belastingdienst"
    [contact] = payload["contacten"]
    assert contact["externe_id"] == "bd" and contact["ongeverifieerd"] is True
    assert contact["telefoon"] == "06 12345003" and contact["telefoon_e164"] == "+31612345003"

    ranked = json.loads(invoke(loaded, "search", "uwv", "--gemeente", "GM0363", "--json").stdout)
    assert [c["externe_id"] for c in ranked["contacten"]] == ["uwv-ams", "uwv-land"]
    themed = json.loads(invoke(loaded, "search", "--thema", "schulden", "--gemeente", "GM1900", "--json").stdout)
    assert {c["externe_id"] for c in themed["contacten"]} == {"bd", "sudwest"}
    limited = json.loads(invoke(loaded, "search", "uwv", "--limit", "1", "--json").stdout)
    assert len(limited["contacten"]) == 1 and limited["meer"] is True
    only = json.loads(invoke(loaded, "search", "--organisatie", "belastingdienst", "--json").stdout)
    assert [c["externe_id"] for c in only["contacten"]] == ["bd"]


def test_search_text_output(loaded: str) -> None:
    result = invoke(loaded, "search", "ozdemir")
    assert result.exit_code == 0, result.output
    assert "Gemeente Súdwest-Fryslân – Schuldhulp – Ayşe Özdemir" in result.stdout
    assert "06 12345004" in result.stdout and "1 contact(en)" in result.stdout
    flagged = invoke(loaded, "search", "toeslagen")
    assert "[ONGEVERIFIEERD]" in flagged.stdout


def test_search_refuses_an_unknown_municipality(loaded: str) -> None:
    result = invoke(loaded, "search", "uwv", "--gemeente", "GM9999")
    assert result.exit_code == 2
    assert "GM9999" in result.stderr and "Traceback" not in result.output


def test_suggest_and_show(loaded: str) -> None:
    result = invoke(loaded, "suggest", "UWV", "--gemeente", "GM0363", "--json")
    assert [c["externe_id"] for c in json.loads(result.stdout)["contacten"]] == ["uwv-ams", "uwv-land"]
    contact_id = json.loads(result.stdout)["contacten"][0]["id"]
    shown = invoke(loaded, "show", str(contact_id))
    assert shown.exit_code == 0 and "externe id: uwv-ams" in shown.stdout
    assert invoke(loaded, "show", "999").exit_code == 1


def test_import_with_broken_rows_writes_nothing_then_skip_invalid(url: str, tmp_path: Path) -> None:
    path = csv_file(tmp_path, [
        HEADER, ROWS[0],
        "bad;SVB;Team;;06-12345xxx;;landelijk;;",
        'formula;"=HYPERLINK(""x"")";Team;;06 12345005;;landelijk;;',
        ROWS[1],
    ])
    refused = invoke(url, "import", str(path))
    assert refused.exit_code == 2
    assert "regel 3: telefoon:" in refused.stderr and "regel 4: organisatie:" in refused.stderr
    assert "Er is niets opgeslagen" in refused.stderr and "--skip-invalid" in refused.stderr
    assert json.loads(invoke(url, "search", "--json").stdout)["contacten"] == []

    dry = invoke(url, "import", str(path), "--dry-run", "--skip-invalid")
    assert dry.exit_code == 0 and "proefimport" in dry.stdout
    assert json.loads(invoke(url, "search", "--json").stdout)["contacten"] == []

    skipped = invoke(url, "import", str(path), "--skip-invalid")
    assert skipped.exit_code == 0, skipped.output
    assert "4 regels gelezen: 2 nieuw, 0 bijgewerkt, 2 geweigerd." in skipped.stdout
    assert len(json.loads(invoke(url, "search", "--json").stdout)["contacten"]) == 2


def test_import_of_a_broken_file_is_refused(url: str, tmp_path: Path) -> None:
    result = invoke(url, "import", str(csv_file(tmp_path, ["naam;kleur", "x;y"])))
    assert result.exit_code == 2 and "onbekende kolom" in result.stderr
    missing = invoke(url, "import", str(tmp_path / "weg.csv"))
    assert missing.exit_code == 2 and "bestaat niet" in missing.stderr


def test_export_to_stdout_and_file(loaded: str, tmp_path: Path) -> None:
    result = invoke(loaded, "export")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("externe_id;organisatie;") and len(lines) == 5
    out = tmp_path / "uit.csv"
    written = invoke(loaded, "export", "-o", str(out))
    assert written.exit_code == 0 and "4 contacten" in written.stderr
    assert out.read_bytes().startswith("\ufeff".encode())
    assert not (tmp_path / "uit.csv.tmp").exists()


def test_generate_a_bulk_file_then_import_it(url: str, tmp_path: Path) -> None:
    target = tmp_path / "bulk.csv"
    generated = invoke(url, "genereer", "-o", str(target), "--aantal", "300", "--seed", "5")
    assert generated.exit_code == 0, generated.output
    imported = invoke(url, "import", str(target))
    assert imported.exit_code == 0 and "300 nieuw" in imported.stdout
