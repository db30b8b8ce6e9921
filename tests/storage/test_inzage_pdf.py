"""The inzageverzoek as PDF: the person's data, their plan and who saw it; the BSN masked."""

from __future__ import annotations

import io
import json
from pathlib import Path

from pypdf import PdfReader
from typer.testing import CliRunner

from domain.services import plans
from storage.bootstrap import open_database
from storage.settings import Settings
from tests.builders import make_household
from tui.cli.main import app


def test_inzage_as_pdf_and_json_with_plan_and_history(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'i.db'}"
    db = open_database(Settings(database_url=url))
    case = make_household(db)
    plan = plans.start_plan(case, db.uow(), db.actor)
    plans.update_plan(case, {"perspectief": "Over een jaar een eigen huurwoning"}, plan.version, db.uow(), db.actor)
    db.close()
    runner = CliRunner()
    pdf_file = tmp_path / "inzage.pdf"
    result = runner.invoke(app, ["--database", url, "privacy", "export", "--bsn", "999993653", "-o", str(pdf_file)])
    assert result.exit_code == 0, result.output
    assert pdf_file.stat().st_mode & 0o077 == 0  # readable by the owner only
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf_file.read_bytes())).pages)
    flat = " ".join(text.split())
    for expected in (f"Casus {case}", "Ayşe Özdemir", "Over een jaar een eigen huurwoning",
                     "Maatwerkplan, versie 1", "Wie zag of wijzigde", "aangemaakt", "******653"):
        assert expected in flat, expected
    assert "999993653" not in flat
    json_file = tmp_path / "inzage.json"
    assert runner.invoke(app, ["--database", url, "privacy", "export", "--bsn", "999993653",
                               "-o", str(json_file)]).exit_code == 0
    data = json.loads(json_file.read_text(encoding="utf-8"))
    assert data["format_version"] == 2
    assert data["cases"][0]["plans"][0]["perspectief"] == "Over een jaar een eigen huurwoning"
    assert {h["object"] for h in data["cases"][0]["history"]} >= {"household", "maatwerkplan"}
