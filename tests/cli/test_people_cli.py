"""`doorbraak persoon`: ZRM per adult person and the big-5 checklist from the command line (Dutch, exit 2 on
rejected input)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from storage.bootstrap import open_database
from storage.settings import Settings
from tests.builders import make_household
from tui.cli.main import app

runner = CliRunner()


def test_zrm_and_checklist_from_the_cli(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    db = open_database(Settings(database_url=url))
    case = make_household(db)  # Ayşe Özdemir (hoofdbewoner) and Emre Özdemir, born 14-02-2009
    db.close()

    def run(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, ["--database", url, "persoon", *args])
        return result.exit_code, result.output

    code, out = run("zrm", case, "--lid", "ayşe özdemir", "--score", "financien=2", "--score", "huisvesting=3",
                    "--datum", "2026-11-20")
    assert code == 0, out
    assert "20-11-2026  Financiën: 2" in out and "20-11-2026  Huisvesting: 3" in out
    code, out = run("zrm", case, "--lid", "Emre Özdemir", "--score", "financien=2", "--datum", "2026-11-20")
    assert code == 2 and "nog geen 18: de ZRM scoort alleen volwassenen" in out and "Traceback" not in out
    code, out = run("zrm", case, "--lid", "Ayşe Özdemir", "--score", "financien=7", "--datum", "2026-11-20")
    assert code == 2 and "tussen 1 en 5" in out
    code, out = run("zrm", case, "--lid", "Niemand", "--score", "financien=2")
    assert code == 2 and "Leden: Ayşe Özdemir, Emre Özdemir" in out
    code, out = run("checklist", case, "--lid", "Emre Özdemir", "--punt", "zorgtoeslag", "--toelichting", "gedaan")
    assert code == 0, out
    assert "[geregeld] zorgtoeslag" in out and "[open    ] zvw_polis" in out
    code, out = run("checklist", case, "--lid", "Emre Özdemir", "--punt", "jeugdbescherming", "--status", "nvt")
    assert code == 0 and "[nvt     ] jeugdbescherming" in out
    code, out = run("checklist", case, "--lid", "Emre Özdemir", "--punt", "zorgtoeslag", "--status", "open")
    assert code == 0 and "[open    ] zorgtoeslag" in out
    code, out = run("toon", case)
    assert code == 0 and "Ayşe Özdemir" in out and "Checklist 18 jaar (18 op 14-02-2027)" in out
