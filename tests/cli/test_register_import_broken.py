"""Issue 4, done when: `doorbraak register import` of a CSV with broken rows reports every row with its line
number and reason, and writes nothing unless `--skip-invalid` is given."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tui.cli.main import app

runner = CliRunner()
MEGABYTE = "x" * (1024 * 1024)
HEADER = "externe_id;organisatie;team;telefoon;email;regio;themas;toelichting"
LINES = [
    HEADER,                                                                                      # 1
    "ok-1;UWV;Team Maatwerk;06 12345001;maatwerk@uwv.example;landelijk;uitkering;",              # 2
    "bad-phone;SVB;Team AOW;06-12345xxx;aow@svb.example;landelijk;;",                           # 3
    "bad-mail;DUO;Team Maatwerk;06 12345002;maatwerk@duo;landelijk;;",                         # 4
    "bad-gm;Gemeente Nergens;Schulden;06 12345003;;GM9999;schulden;",                           # 5
    "no-org;;Team X;06 12345004;x@x.example;landelijk;;",                                       # 6
    f"huge-name;CAK;{MEGABYTE};06 12345005;;landelijk;;",                                       # 7
    f"huge-notes;CAK;Team Wanbetalers;06 12345006;;landelijk;;{MEGABYTE}",                      # 8
    '=HYPERLINK("x");"=HYPERLINK(""http://evil.example"",""klik"")";Team;06 12345007;;landelijk;;',  # 9
    "two-wrongs;CJIB;Team;06-ABC;geen-mail;landelijk;;",                                        # 10
    f"huge-and-wrong;CIZ;{MEGABYTE};0;;landelijk;;",                                            # 11
    "ok-2;CJIB;Team Noodstop;06 12345008;noodstop@cjib.example;landelijk;boetes;",              # 12
]
EXPECTED = {
    3: ["telefoon: '06-12345xxx' is geen telefoonnummer"],
    4: ["email: 'maatwerk@duo' is geen geldig e-mailadres"],
    5: ["regio: Onbekende gemeentecode GM9999"],
    6: ["organisatie: Dit veld is verplicht"],
    7: ["team: is te groot: 1.048.576 tekens (maximaal 120)"],
    8: ["toelichting: is te groot: 1.048.576 tekens (maximaal 4.000)"],
    9: ["externe_id: ", "organisatie: '=HYPERLINK(\"http://evil.example\",\"klik\")' begint met '='"],
    10: ["telefoon: '06-ABC' is geen telefoonnummer", "email: 'geen-mail' is geen geldig e-mailadres"],
    11: ["team: is te groot: 1.048.576 tekens (maximaal 120)", "telefoon: '0' is geen telefoonnummer"],
}


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'register.db'}"


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "kapot.csv"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    return path


def invoke(url: str, *args: str) -> Any:
    return runner.invoke(app, ["--database", url, "register", *args])


def stored(url: str) -> list[str]:
    result = invoke(url, "search", "--json", "--limit", "100")
    assert result.exit_code == 0, result.output
    return sorted(c["externe_id"] for c in json.loads(result.stdout)["contacten"])


def reported(stderr: str) -> dict[int, str]:
    lines = [line.strip() for line in stderr.splitlines() if line.strip().startswith("regel ")]
    return {int(line.split()[1].rstrip(":")): line for line in lines}


def test_every_broken_row_is_reported_by_line_and_nothing_is_written(url: str, broken: Path) -> None:
    result = invoke(url, "import", str(broken))
    assert result.exit_code == 2
    rows = reported(result.stderr)
    assert sorted(rows) == sorted(EXPECTED)
    for line, fragments in EXPECTED.items():
        for fragment in fragments:
            assert fragment in rows[line], (line, rows[line])
    assert len(result.stderr) < 10_000  # a 1 MB cell is never echoed back
    assert "Er is niets opgeslagen (er zijn regels geweigerd)." in result.stderr
    assert "11 regels gelezen: 2 zouden nieuw zijn, 0 zouden worden bijgewerkt, 9 geweigerd." in result.stderr
    assert "--skip-invalid" in result.stderr and "Traceback" not in result.output
    assert stored(url) == []


def test_a_dry_run_writes_nothing_either(url: str, broken: Path) -> None:
    result = invoke(url, "import", str(broken), "--dry-run", "--skip-invalid")
    assert result.exit_code == 0, result.output
    assert sorted(reported(result.stderr)) == sorted(EXPECTED)
    assert "proefimport" in result.stdout
    assert stored(url) == []


def test_skip_invalid_saves_only_the_good_rows_and_still_reports_the_rest(url: str, broken: Path) -> None:
    result = invoke(url, "import", str(broken), "--skip-invalid")
    assert result.exit_code == 0, result.output
    assert sorted(reported(result.stderr)) == sorted(EXPECTED)
    assert "11 regels gelezen: 2 nieuw, 0 bijgewerkt, 9 geweigerd." in result.stdout
    assert stored(url) == ["ok-1", "ok-2"]
