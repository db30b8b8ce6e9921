"""`doorbraak escalation ...` and `doorbraak escalation knelpunt ...` end to end through Typer on a SQLite file."""

from __future__ import annotations

import io
import json
import stat
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pypdf
import pytest
from typer.testing import CliRunner

from tests.builders import stored_case
from tui.cli.main import app

runner = CliRunner()
TODAY = date.today()


def iso(days: int) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


@pytest.fixture
def case(url: str) -> str:
    return stored_case(url, {
        "name": "Huishouden El Amrani",
        "municipality_code": "GM0599",
        "address": {
            "street": "Mathenesserlaan",
            "house_number": "1",
            "postcode": "3021 HA",
            "city": "Rotterdam",
        },
        "members": [
            {
                "name": "Samira El Amrani",
                "date_of_birth": "1990-03-04",
                "role": "hoofdbewoner",
                "bsn": "999992077",
            },
            {"name": "Yusuf El Amrani", "date_of_birth": "2010-06-01", "role": "kind"},
        ],
        "problems": [{"leefgebied": "financien", "score": 1}, {"leefgebied": "huisvesting", "score": 2}],
        "organisations": [
            {"name": "CJIB", "legal_framework": "Strafrecht"},
            {"name": "Woonstad Rotterdam", "legal_framework": "Huurrecht (BW)"},
        ],
    })


def invoke(url: str, *args: str) -> Any:
    return runner.invoke(app, ["--database", url, *args])


FULL = [
    "--niveau", "lmm_let",
    "--urgent",
    "--urgentie", "Ontruiming over drie weken",
    "--complex",
    "--complexiteit", "Vijf organisaties",
    "--route", f"lokaal|{iso(-90)}|Doorbraakteam|Geen mandaat",
    "--route", f"regionaal|{iso(-60)}|Regionaal overleg",
    "--blokkade", "Boete groeit door gestopte uitkering",
    "--gevraagd", "CJIB-noodstop",
    "--toestemming-op", iso(-30),
    "--toestemming-tot", iso(300),
    "--toestemming-voor", "Delen met LMM en LET",
    "--ontvanger", "LMM",
    "--ontvanger", "LET",
]


def new_escalation(url: str, case: str, *extra: str) -> str:
    result = invoke(url, "escalation", "new", case, "--voorstel", *extra)
    assert result.exit_code == 0, result.output
    return result.stdout.split()[1]  # "Escalatie ESC-1 gestart ..."


def test_file_submit_export_pdf_and_json(tmp_path: Path, url: str, case: str) -> None:
    ref = new_escalation(url, case, *FULL)
    shown = json.loads(invoke(url, "escalation", "show", ref, "--json").stdout)
    assert shown["domains"] == ["financien", "huisvesting"] and shown["organisations"] == ["CJIB", "Woonstad Rotterdam"]
    assert shown["status"] == "concept" and shown["level"] == "lmm_let"
    assert invoke(url, "escalation", "check", ref).exit_code == 0
    submitted = invoke(url, "escalation", "status", ref, "ingediend")
    assert submitted.exit_code == 0 and "ingediend" in submitted.stdout

    pdf_path = tmp_path / "dossier.pdf"
    result = invoke(url, "escalation", "export", ref, "--format", "pdf", "-o", str(pdf_path))
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(pdf_path.stat().st_mode) == 0o600
    assert not list(tmp_path.glob(".dossier.pdf.*"))  # no temporary file left behind
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf_path.read_bytes())).pages)
    json_path = tmp_path / "dossier.json"
    assert invoke(url, "escalation", "export", ref, "--format", "json", "-o", str(json_path)).exit_code == 0
    data = json.loads(json_path.read_text(encoding="utf-8"))
    for content in (text, json.dumps(data, ensure_ascii=False)):
        for forbidden in ("Amrani", "Samira", "Yusuf", "999992077", "3021", "Mathenesserlaan", "1990", case):
            assert forbidden not in content
    assert "S.E.A." in text and "Rotterdam" in text and "CJIB-noodstop" in text
    assert data["format"] == "doorbraak-escalatiedossier" and data["members"][1]["initials"] == "Y.E.A."
    stdout = invoke(url, "escalation", "export", ref, "--format", "json", "-o", "-")
    assert json.loads(stdout.stdout)["reference"] == data["reference"]


def test_personal_data_in_text_is_refused_with_the_field_named(url: str, case: str) -> None:
    ref = new_escalation(url, case, *FULL[:-2], "--ontvanger", "LMM", "--blokkade", "Samira kan niet betalen")
    check = invoke(url, "escalation", "check", ref)
    assert check.exit_code == 1 and "Blokkade" in check.stdout and "Samira" in check.stdout
    refused = invoke(url, "escalation", "status", ref, "ingediend")
    assert refused.exit_code == 2 and "blockage" in refused.stderr and "Traceback" not in refused.output
    exported = invoke(url, "escalation", "export", ref, "--format", "json", "-o", "-")
    assert exported.exit_code == 2 and exported.stdout == ""
    fixed = invoke(url, "escalation", "edit", ref, "--blokkade", "De bewoner kan de boete niet betalen")
    assert fixed.exit_code == 0, fixed.output
    assert invoke(url, "escalation", "status", ref, "ingediend").exit_code == 0


def test_missing_criteria_and_illegal_transitions(url: str, case: str) -> None:
    ref = new_escalation(url, case, "--niveau", "lmm_let")
    result = invoke(url, "escalation", "status", ref, "ingediend")
    assert result.exit_code == 2
    for expected in ("urgente casus", "complexe casus", "lokale route", "regionale route", "toestemming"):
        assert expected in result.stderr
    result = invoke(url, "escalation", "status", ref, "opgelost")
    assert result.exit_code == 1 and "kan niet naar 'Opgelost'" in result.stderr
    assert invoke(url, "escalation", "show", "ESC-999").exit_code == 1
    assert "geen geldig nummer" in invoke(url, "escalation", "show", "abc").stderr


def test_inbox_list_follow_up_and_escalate_further(url: str, case: str) -> None:
    ref = new_escalation(
        url,
        case,
        "--niveau",
        "regionaal",
        "--datum",
        iso(-72),
        "--route",
        f"lokaal|{iso(-90)}|Doorbraakteam",
        "--blokkade",
        "Boete groeit",
        "--gevraagd",
        "Noodstop",
        "--toestemming-op",
        iso(-75),
        "--toestemming-tot",
        iso(300),
        "--toestemming-voor",
        "Regio",
        "--ontvanger",
        "Regioteam",
    )
    submitted = invoke(url, "escalation", "status", ref, "ingediend", "--datum", iso(-70))
    assert submitted.exit_code == 0, submitted.output
    inbox = json.loads(invoke(url, "escalation", "list", "--wachtend", "--langer-dan-weken", "8", "--json").stdout)
    assert inbox["total"] == 1 and inbox["escalations"][0]["waiting_days"] == 70
    assert invoke(url, "escalation", "status", ref, "in_behandeling", "--datum", iso(-60)).exit_code == 0
    assert invoke(url, "escalation", "status", ref, "niet_opgelost", "--toelichting", "Geen mandaat").exit_code == 0
    assert "Doorlooptijd tot besluit: 70 dagen" in invoke(url, "escalation", "show", ref).stdout
    further = invoke(url, "escalation", "opschalen", ref)
    assert further.exit_code == 0 and "LMM/LET" in further.stdout
    listed = invoke(url, "escalation", "list").stdout
    assert "2 van 2 escalaties" in listed and "doorlooptijd 70 d" in listed
    stale = invoke(url, "escalation", "edit", "ESC-2", "--urgent", "--versie", "0")
    assert stale.exit_code == 1 and "intussen door iemand anders gewijzigd" in stale.stderr


def test_knelpunten_add_link_list(url: str, case: str) -> None:
    ref = new_escalation(url, case, *FULL)
    added = invoke(
        url,
        "escalation",
        "knelpunt",
        "add",
        "--titel",
        "Boete groeit bij gestopte uitkering",
        "--categorie",
        "uitvoering",
        "--wet",
        "WAHV",
        "--organisatie",
        "CJIB",
        "--effect",
        "Schuld groeit zonder inkomen",
        "--escalatie",
        ref,
    )
    assert added.exit_code == 0, added.output
    second = invoke(
        url,
        "escalation",
        "knelpunt",
        "add",
        "--titel",
        "Schotten Wmo en Wlz",
        "--categorie",
        "financiering_schotten",
        "--effect",
        "Niemand betaalt",
    )
    assert second.exit_code == 0
    assert invoke(url, "escalation", "knelpunt", "herhaling", "KP-2").exit_code == 0
    assert invoke(url, "escalation", "knelpunt", "herhaling", "KP-2").exit_code == 0
    listed = json.loads(invoke(url, "escalation", "knelpunt", "list", "--json").stdout)
    assert [(k["reference"], k["recurrence"], k["linked_escalations"]) for k in listed["knelpunten"]] == [
        ("KP-2", 3, 0),
        ("KP-1", 1, 1),
    ]
    assert invoke(url, "escalation", "knelpunt", "status", "KP-1", "geagendeerd").exit_code == 0
    shown = invoke(url, "escalation", "knelpunt", "show", "KP-1").stdout
    assert "geagendeerd" in shown and "waarvan 1 via een escalatie" in shown
    refused = invoke(
        url,
        "escalation",
        "knelpunt",
        "add",
        "--titel",
        "Boete",
        "--categorie",
        "wet",
        "--effect",
        "BSN 999992077 geblokkeerd",
    )
    assert refused.exit_code == 2 and "999992077" not in refused.stderr and "BSN" in refused.stderr
    twice = invoke(url, "escalation", "knelpunt", "koppel", ref, "KP-1")
    assert twice.exit_code == 1 and "al aan deze escalatie" in twice.stderr


def test_help_texts_are_dutch() -> None:
    result = runner.invoke(app, ["escalation", "--help"])
    assert result.exit_code == 0 and "gepseudonimiseerde dossier" in result.stdout
    assert "Exporteer het gepseudonimiseerde dossier" in runner.invoke(app, ["escalation", "export", "--help"]).stdout
