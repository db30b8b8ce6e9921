"""`doorbraak report onderzoek`: one pseudonymised row per household, no direct identifiers, documented columns."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from domain.research import COLUMN_NAMES, PERSON_COLUMN_NAMES, age_band, month, pseudonym
from storage.bootstrap import open_database
from storage.export_research import ResearchCsvWriter
from storage.settings import Settings
from tests.storage.dashboard_data import build
from tui.cli.main import app

runner = CliRunner()
DOC = Path(__file__).resolve().parents[2] / "docs" / "onderzoek-export.md"


def export(url: str, out: Path, code: str = "GM0344") -> list[dict[str, str]]:
    result = runner.invoke(app, ["--database", url, "report", "onderzoek", "--gemeente", code, "--from", "2026-10-01",
                                 "--to", "2026-11-30", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "onderzoekssleutels" in result.stdout
    with out.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames or ()) == COLUMN_NAMES
        return list(reader)


def test_export_has_no_direct_identifiers_and_the_hand_computed_values(tmp_path: Path) -> None:
    path = tmp_path / "hand.db"
    url = f"sqlite:///{path}"
    db = open_database(Settings(database_url=url))
    cases = build(db)
    db.close()
    rows = export(url, tmp_path / "a.csv")
    assert len(rows) == 4  # the caseload: A, B, C, D (not E in Amsterdam)
    text = (tmp_path / "a.csv").read_text(encoding="utf-8")
    with sqlite3.connect(path) as con:
        forbidden: set[str] = set()
        for row in con.execute("SELECT case_number, name, street, postcode, city FROM household"):
            forbidden.update(v for v in row if v)
        for row in con.execute("SELECT name, bsn, date_of_birth FROM member"):
            forbidden.update(str(v) for v in row if v)
    leaked = sorted(v for v in forbidden if v in text)
    assert leaked == [], leaked
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text), "a full date leaked"
    by_pseudonym = {r["pseudoniem"]: r for r in rows}
    assert len(by_pseudonym) == 4 and all(len(p) == 24 for p in by_pseudonym)
    a = next(r for r in rows if r["rapportcijfer_na"])
    assert (a["rapportcijfer_voor"], a["rapportcijfer_na"]) == ("4", "7")
    assert (a["zrm_financien_voor"], a["zrm_financien_na"], a["zrm_huisvesting_na"]) == ("1", "3", "2")
    assert (a["evaluatie_eerste_moment"], a["evaluatie_laatste_moment"]) == ("0", "3")
    assert (a["gerealiseerde_kosten"], a["huidig_pad_totaal"], a["doorbraak_totaal"], a["verschil_totaal"]) == (
        "2500.00", "32745.33", "4900.00", "27845.33")
    assert (a["huidig_pad_overig"], a["doorbraak_gemeente_participatiewet"], a["huidig_pad_cjib"]) == (
        "25000.00", "3400.00", "")
    assert (a["besloten_maand"], a["aangemeld_maand"], a["plan_status"], a["sta_in_de_weg"]) == (
        "2026-10", "2026-09", "in_uitvoering", "financien")
    assert (a["acties"], a["acties_gedaan"], a["overbruggingen"], a["escalaties"]) == ("2", "2", "1", "0")
    ages = (a["aantal_leden"], a["leeftijd_hoofdbewoner"], a["leden_0_17"], a["leden_27_44"])
    assert ages == ("2", "27-44", "1", "1")
    no_plan = [r for r in rows if not r["plan_versie"]]
    assert len(no_plan) == 2 and all(r["huidig_pad_totaal"] == "" for r in no_plan)  # C (concept) and D

    again = export(url, tmp_path / "b.csv")
    assert [r["pseudoniem"] for r in again] == [r["pseudoniem"] for r in rows]  # the same key: linkable
    other = export(url, tmp_path / "c.csv", code="GM0363")
    assert len(other) == 1 and other[0]["pseudoniem"] not in by_pseudonym  # another municipality, another key
    with sqlite3.connect(path) as con:
        logged = con.execute("SELECT count(*) FROM audit_log WHERE kind = 'export' AND object_type = "
                             "'onderzoeksexport'").fetchone()[0]
    assert logged == 3
    assert cases.a not in text


def test_pseudonym_needs_the_key_and_csv_cells_are_formula_safe() -> None:
    assert pseudonym(b"k" * 32, "DB-2026-000001") != pseudonym(b"l" * 32, "DB-2026-000001")
    assert pseudonym(b"k" * 32, "DB-2026-000001") == pseudonym(b"k" * 32, "DB-2026-000001")
    assert [age_band(a) for a in (0, 17, 18, 22, 23, 26, 27, 44, 45, 66, 67, 101)] == [
        "0-17", "0-17", "18-22", "18-22", "23-26", "23-26", "27-44", "27-44", "45-66", "45-66", "67+", "67+"]
    out = io.StringIO()
    ResearchCsvWriter(out, ["a", "b", "c"])({"a": "=HYPERLINK(1)", "b": "-3.50", "c": "-3+cmd"})
    assert out.getvalue().splitlines()[1] == "'=HYPERLINK(1),-3.50,'-3+cmd"  # a plain number stays a number
    assert month(None) == ""


def test_documented_columns_equal_the_export() -> None:
    documented: list[Any] = re.findall(r"^\| `([a-z0-9_]+)` \|", DOC.read_text(encoding="utf-8"), re.MULTILINE)
    assert tuple(documented) == COLUMN_NAMES, "docs/onderzoek-export.md and domain/research.py disagree"
    per_person = DOC.read_text(encoding="utf-8").split("## Per person", 1)[1]
    documented = re.findall(r"^\| ([a-z0-9_]+) \|", per_person, re.MULTILINE)
    assert tuple(documented) == PERSON_COLUMN_NAMES


def test_export_per_person_carries_each_adults_own_zrm(tmp_path: Path) -> None:
    """The ZRM is per adult person: --personen writes a row per member with scores, joined by the pseudonym."""
    from datetime import date

    from domain.services.households import get_household
    from domain.services.people import RecordZrm, record_zrm

    url = f"sqlite:///{tmp_path / 'personen.db'}"
    db = open_database(Settings(database_url=url))
    cases = build(db)
    household = get_household(cases.a, db.uow(), db.actor)
    child = next(m for m in household.members if m.role.value == "kind")
    head = next(m for m in household.members if m.role.value == "hoofdbewoner")
    assert head.id is not None and child.id is not None
    record_zrm(RecordZrm(cases.a, head.id, date(2026, 11, 20), {"werk_opleiding": 2}), db.uow(), db.actor,
               today=date(2026, 11, 30))
    db.close()
    households = export(url, tmp_path / "h.csv")
    out = tmp_path / "p.csv"
    result = runner.invoke(app, ["--database", url, "report", "onderzoek", "--gemeente", "GM0344", "--from",
                                 "2026-10-01", "--to", "2026-11-30", "--personen", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "personen)" in result.stdout
    with out.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames or ()) == PERSON_COLUMN_NAMES
        rows = list(reader)
    a = next(r for r in households if r["rapportcijfer_na"])
    [person] = [r for r in rows if r["pseudoniem"] == a["pseudoniem"]]  # A's hoofdbewoner; the child has none
    assert {r["pseudoniem"] for r in rows} <= {r["pseudoniem"] for r in households}
    assert (person["persoon"], person["rol"]) == ("1", "hoofdbewoner")
    assert (person["zrm_financien_voor"], person["zrm_financien_na"]) == ("1", "3")  # as the household's
    assert (person["zrm_werk_opleiding_voor"], person["zrm_werk_opleiding_na"]) == ("2", "2")
    assert person["zrm_laatste_maand"] == "2026-11" and person["leeftijd"] == "27-44"
    assert not re.search(r"\d{4}-\d{2}-\d{2}", out.read_text(encoding="utf-8")), "a full date leaked"
