"""`doorbraak plan ...` end to end through Typer on a real SQLite file, including the PDF opened with pypdf."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from tests.builders import HOUSEHOLD, complete_content
from tui.cli.main import app

runner = CliRunner()


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


def invoke(url: str, *args: str) -> Any:
    return runner.invoke(app, ["--database", url, *args])


def ok(url: str, *args: str) -> Any:
    result = invoke(url, *args)
    assert result.exit_code == 0, result.output
    return result


DECIDER_ENV = {"DOORBRAAK_USER": "s.dewit", "DOORBRAAK_DISPLAY_NAME": "Sanne de Wit"}
"""The maatwerkfunctionaris at the keyboard (single-user mode: who works is a setting)."""


def grant(url: str, municipality: str = "GM0344") -> None:
    """The owner (who wrote the plans) registers a mandate for Sanne de Wit, covering every deviation."""
    kinds = [arg for code in ("bestaande_beleidsruimte", "evenredigheid", "afwijkingsbevoegdheid",
                              "specifieke_regeling", "uitstel_van_betaling", "bijzondere_bijstand", "lening",
                              "kwijtschelding", "overbrugging", "spoedvoorziening")
             for arg in ("--afwijking", code)]
    ok(url, "mandaat", "add", "s.dewit", "--naam", "Sanne de Wit", "--gemeente", municipality, "--max-bedrag",
       "50000", "--van", "2026-01-01", "--tot", "2099-12-31", "--verleend-door",
       "College van B en W van Utrecht, mandaatbesluit 2026", *kinds)


def decide(url: str, case: str, *args: str) -> Any:
    grant(url)
    result = runner.invoke(app, ["--database", url, "plan", "decide", case, *args], env=DECIDER_ENV)
    assert result.exit_code == 0, result.output
    return result


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def import_household(tmp_path: Path, url: str) -> str:
    household = {k: v for k, v in HOUSEHOLD.items() if k != "professional"}
    case_file = write_json(
        tmp_path / "case.json", {"format": "doorbraak-case", "format_version": 1, "household": household}
    )
    result = ok(url, "case", "import", str(case_file))
    return str(result.stdout.split()[2].rstrip(":"))


def plan_file(tmp_path: Path, plan: dict[str, Any], name: str = "plan.json") -> Path:
    return write_json(tmp_path / name, {"format": "doorbraak-plan", "format_version": 1, "plan": plan})


# A scenario as a trainer would write it: the obstacle named by leefgebied.
def scenario() -> dict[str, Any]:
    plan = complete_content(None, leefgebied="financien")
    del plan["sta_in_de_weg"]["problem_id"]  # a file names the problem by its leefgebied
    plan["rekensom"]["lines"] = [
        # huidig pad
        {
            "description": "Bijstand",
            "scenario": "huidig_pad",
            "payer": "gemeente_participatiewet",
            "amount": "14000.00",
            "frequency": "per_jaar",
            "source": {"kengetal_id": "bijstand_uitkering", "text": "Berenschot", "year": 2018},
        },
        {
            "description": "Boete-escalatie",
            "scenario": "huidig_pad",
            "payer": "cjib",
            "amount": "298.00",
            "quantity": "3",
            "probability": "0.5",
            "source": {"text": "belangenorganisatie", "year": 2020},
        },
        {
            "description": "Beschermd wonen",
            "scenario": "huidig_pad",
            "payer": "gemeente_wmo",
            "amount": "41200.00",
            "frequency": "per_jaar",
            "start_month": 5,
            "probability": "0.25",
            "source": {"kengetal_id": "intensief_beschermd_wonen", "text": "BoumanGGZ", "year": 2011},
        },
        # doorbraak
        {
            "description": "Bijstand tot werk",
            "scenario": "doorbraak",
            "payer": "gemeente_participatiewet",
            "amount": "14000.00",
            "frequency": "per_jaar",
            "duration_months": 7,
            "source": {"kengetal_id": "bijstand_uitkering", "text": "Berenschot", "year": 2018},
        },
        {
            "description": "Aflossen huurschuld",
            "scenario": "doorbraak",
            "payer": "gemeente_schuldhulp",
            "amount": "3400.00",
            "source": {"text": "Huurafrekening", "year": 2026},
        },
        {
            "description": "Begeleiding",
            "scenario": "doorbraak",
            "payer": "gemeente_wmo",
            "amount": "310.50",
            "frequency": "per_maand",
            "start_month": 1,
            "duration_months": 4,
            "source": {"text": "Tarief 2026", "year": 2026},
        },
    ]
    plan["actions"][0]["cost_line_id"] = "k5"
    return {**plan, "status": "concept"}


# The same rekensom by hand, following DOMAIN.md (horizon 12, no discounting):
#   participatiewet: huidig 14000/12×12 = 14000.00; doorbraak 14000/12×7 = 8166.666… → 8166.67
#   cjib:            huidig 298 × 3 × 0.5 = 447.00
#   wmo:             huidig 41200/12 × 7 (months 5..11) × 0.25 = 6008.333… → 6008.33; doorbraak 310.50 × 4 = 1242.00
#   schuldhulp:      doorbraak 3400.00
HAND = {
    "gemeente_participatiewet": ("14000.00", "8166.67", "5833.33"),
    "gemeente_wmo": ("6008.33", "1242.00", "4766.33"),
    "gemeente_schuldhulp": ("0.00", "3400.00", "-3400.00"),
    "cjib": ("447.00", "0.00", "447.00"),
}
HAND_TOTALS = {"huidig_pad": "20455.33", "doorbraak": "12808.67", "verschil": "7646.66"}


def test_show_json_of_an_imported_plan_gives_the_hand_computed_rekensom(tmp_path: Path, url: str) -> None:
    case = import_household(tmp_path, url)
    ok(url, "plan", "import", case, str(plan_file(tmp_path, scenario())))
    shown = json.loads(ok(url, "plan", "show", case, "--json").stdout)
    rekensom = shown["rekensom"]
    assert rekensom["totals"] == HAND_TOTALS
    assert {
        row["payer"]: (row["huidig_pad"], row["doorbraak"], row["verschil"]) for row in rekensom["per_payer"]
    } == HAND
    # Sum of the per-payer rows equals the totals (as the rules require).
    assert f"{sum(float(r['verschil']) for r in rekensom['per_payer']):.2f}" == HAND_TOTALS["verschil"]
    assert [r["payer"] for r in rekensom["pays_for_doorbraak"]] == ["gemeente_schuldhulp"]
    assert rekensom["wrong_pocket"] is True
    assert [b["id"] for b in shown["legal_bases"]] == ["awb_4_84", "pw_18_lid_1", "avg_6"]
    assert shown["legal_bases"][0]["used_by"] == ["juridische_paragraaf", "actie:a1"]
    assert shown["status"] == "concept" and shown["missing"] == []
    assert shown["plan"]["sta_in_de_weg"]["leefgebied"] == "financien"
    assert "999993653" not in json.dumps(shown)  # no BSN in plan output


def test_write_decide_execute_evaluate_and_compare_by_cli(tmp_path: Path, url: str) -> None:
    case = import_household(tmp_path, url)
    ok(url, "plan", "new", case)
    refused = invoke(url, "plan", "decide", case)
    assert refused.exit_code == 1
    assert "het plan kan nog niet worden vastgesteld" in refused.stderr
    assert "Perspectief: Het perspectief van het huishouden" in refused.stderr and "Traceback" not in refused.output
    assert invoke(url, "plan", "check", case).exit_code == 1
    content = complete_content(None, leefgebied="financien")
    ok(url, "plan", "set", case, "perspectief", content["perspectief"])
    ok(url, "plan", "set", case, "sta_in_de_weg", json.dumps(content["sta_in_de_weg"]))
    ok(url, "plan", "set", case, "doorbraak", content["doorbraak"])
    ok(url, "plan", "set", case, "doelen", json.dumps(content["goals"]))
    ok(url, "plan", "set", case, "rekensom", "-f", str(write_json(tmp_path / "r.json", content["rekensom"])))
    ok(url, "plan", "set", case, "acties", json.dumps(content["actions"]))
    ok(url, "plan", "set", case, "juridisch", json.dumps(content["juridisch"]))
    ok(url, "plan", "set", case, "toestemming", json.dumps(content["consent"]))
    added = ok(
        url, "plan", "add-kengetal", case, "schuldhulpverlening_traject", "--scenario", "doorbraak", "--kans", "0,5"
    )
    assert "Kostenregel k5 toegevoegd" in added.stdout
    assert "compleet" in ok(url, "plan", "check", case).stdout
    own = invoke(url, "plan", "decide", case, "--datum", "05-11-2026")  # the author, without a mandate
    assert own.exit_code == 1 and "U mag dit plan niet vaststellen: u heeft het plan zelf opgesteld" in own.stderr
    decided = decide(url, case, "--datum", "05-11-2026")
    assert "Besluit door Sanne de Wit" in decided.stdout
    beschikking = tmp_path / "beschikking.pdf"
    ok(url, "plan", "beschikking", case, "-o", str(beschikking))
    flat = " ".join(" ".join(p.extract_text() for p in PdfReader(beschikking).pages).split())
    assert "binnen zes weken" in flat and "Awb 6:7" in flat and "Sanne de Wit" in flat
    frozen = invoke(url, "plan", "set", case, "perspectief", "Anders")
    assert frozen.exit_code == 1 and "Maak een nieuwe versie" in frozen.stderr
    ok(url, "plan", "start", case)
    ok(url, "plan", "action", case, "a2", "vastgelopen", "--notitie", "Mitros wacht")
    ok(
        url,
        "plan",
        "evaluate",
        case,
        "--moment",
        "3",
        "--cijfer",
        "7",
        "--score",
        "financien=3",
        "--score",
        "huisvesting=4",
        "--datum",
        "2027-02-05",
    )
    bad = invoke(url, "plan", "evaluate", case, "--moment", "5", "--cijfer", "7")
    assert bad.exit_code == 2 and "0, 3, 6 of 12" in bad.stderr
    ok(url, "plan", "complete", case)
    assert "geevalueerd" in json.dumps(json.loads(ok(url, "case", "show", case, "--json").stdout))
    ok(url, "plan", "new-version", case)
    ok(url, "plan", "set", case, "perspectief", "Over een jaar een eigen huurcontract.")
    versions = json.loads(ok(url, "plan", "versions", case, "--json").stdout)
    assert [(v["plan_version"], v["status"]) for v in versions] == [(1, "geevalueerd"), (2, "concept")]
    diff = json.loads(ok(url, "plan", "diff", case, "1", "2", "--json").stdout)
    changed = [s["section"] for s in diff["sections"] if s["changed"]]
    assert changed == ["perspectief", "toestemming", "besluit"]
    text = ok(url, "plan", "diff", case, "1", "2").stdout
    assert "Perspectief:" in text and "eigen huurcontract" in text
    shown = ok(url, "plan", "show", case, "--planversie", "1").stdout
    assert "Status: Geëvalueerd" in shown and "Vastgelopen" in shown and "€" in shown


def test_export_pdf_has_every_section_and_unicode(tmp_path: Path, url: str) -> None:
    case = import_household(tmp_path, url)
    plan = scenario()
    plan["perspectief"] = "Over een jaar: rust, een café-baan voor Eline en ĳs op zondag – zónder € schuld."
    plan["doorbraak"] = "Noodstop bij het CJIB; naïeve regels **niet** toepassen <b>nu</b>."
    ok(url, "plan", "import", case, str(plan_file(tmp_path, plan)))
    decide(url, case, "--datum", "2026-11-05")
    out = tmp_path / "plan.pdf"
    result = ok(url, "plan", "export", case, "--format", "pdf", "-o", str(out))
    assert f"Geschreven: {out}" in result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".plan.pdf.*"))  # no temporary file left behind
    reader = PdfReader(out)
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    for heading in (
        "Maatwerkplan Huishouden Jansen-Çelik",
        "1. Huishouden en in kaart brengen",
        "2. Perspectief",
        "3. Grootste sta-in-de-weg",
        "4. Doorbraak",
        "5. Doelen",
        "6. Acties",
        "7. Maatschappelijke rekensom",
        "8. Juridische paragraaf",
        "9. Toestemming",
        "10. Besluit",
        "11. Evaluatie",
        "12. Ondertekening",
    ):
        assert heading in flat, heading
    for key_text in (
        f"Casus {case} · versie 1 · Vastgesteld",
        "Eline Jansen",
        "Noë Çelik",
        "café-baan",
        "ĳs op zondag – zónder € schuld",
        "naïeve regels **niet** toepassen <b>nu</b>",  # user text shown literally
        "Financiën (score 1)",
        "Huurschuld aflossen",
        "Gemeente Utrecht",
        "15-12-2026",
        "€ 20.455,33",  # huidig pad total
        "€ 12.808,67",  # doorbraak total
        "€ 7.646,66",  # verschil
        "Gemeente – Wmo € 6.008,33 € 1.242,00 € 4.766,33",
        "Betaalt voor de doorbraak",
        "Algemene wet bestuursrecht (Awb), art. 4:84",
        "College van B en W van Utrecht",
        "Ontruiming van een gezin met twee kinderen is onevenredig",
        "Toestemming gegeven door: Eline Jansen",
        "Besloten door: Sanne de Wit",
        "Mandaat: M-1, maatwerkfunctionaris Utrecht, verleend door College van B en W van Utrecht",
        "Handtekening:",
    ):
        assert key_text in flat, key_text
    assert "999993653" not in text and "Kanaalstraat" not in text  # no BSN, no address
    assert reader.metadata is not None and reader.metadata.title == f"Maatwerkplan {case} versie 1"


def test_export_the_residents_plan_in_plain_language(tmp_path: Path, url: str) -> None:
    case = import_household(tmp_path, url)
    ok(url, "plan", "import", case, str(plan_file(tmp_path, scenario())))
    result = ok(url, "plan", "export", case, "--format", "pdf", "--voor-bewoner", "-o", str(tmp_path / "b.pdf"))
    assert "Geschreven:" in result.stderr
    reader = PdfReader(tmp_path / "b.pdf")
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Ons plan – Huishouden Jansen-Çelik" in text and "Dit plan is nog niet klaar. Teken het nog niet." in text
    assert "Bewoner: Eline Jansen" in text and "Noë Çelik (" in text and "Bewoner: Noë" not in text  # a child
    assert "Awb" not in text and "art." not in text and "Rechtsgronden" not in text
    assert reader.metadata is not None and reader.metadata.title == f"Plan voor de bewoner {case} versie 1"
    ok(url, "plan", "export", case, "--format", "md", "--voor-bewoner", "-o", str(tmp_path / "b.md"))
    assert (tmp_path / "b.md").read_text(encoding="utf-8").startswith("# Ons plan – Huishouden Jansen-Çelik")
    refused = invoke(url, "plan", "export", case, "--format", "json", "--voor-bewoner", "-o", str(tmp_path / "b.json"))
    assert refused.exit_code == 2 and "als pdf of md" in refused.stderr and not (tmp_path / "b.json").exists()


def test_export_markdown_and_plan_json_roundtrip(tmp_path: Path, url: str) -> None:
    case = import_household(tmp_path, url)
    plan = scenario()
    plan["doorbraak"] = "# Geen kop | geen *nadruk* [geen link](http://example.org)"
    ok(url, "plan", "import", case, str(plan_file(tmp_path, plan)))
    md = tmp_path / "plan.md"
    ok(url, "plan", "export", case, "--format", "md", "-o", str(md))
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# Maatwerkplan Huishouden Jansen-Çelik")
    assert "## 7. Maatschappelijke rekensom" in text
    assert "| **Saldo voor de samenleving** | **€ 20.455,33** | **€ 12.808,67** | **€ 7.646,66** |" in text
    assert "\\# Geen kop \\| geen \\*nadruk\\* \\[geen link\\](http://example.org)" in text
    exported = tmp_path / "export.json"
    ok(url, "plan", "export", case, "--format", "json", "-o", str(exported))
    other = import_household(tmp_path, url)
    ok(url, "plan", "import", other, str(exported))
    again = json.loads(ok(url, "plan", "show", other, "--json").stdout)
    assert again["rekensom"]["totals"] == HAND_TOTALS


def test_rejected_plan_file_names_every_problem_and_writes_nothing(tmp_path: Path, url: str) -> None:
    case = import_household(tmp_path, url)
    plan = scenario()
    plan["rekensom"]["lines"][0]["amount"] = "veel"
    plan["actions"][0]["legal_basis_ids"] = ["bestaat_niet"]
    plan["sta_in_de_weg"]["leefgebied"] = "justitie"
    result = invoke(url, "plan", "import", case, str(plan_file(tmp_path, plan)))
    assert result.exit_code == 2, result.output
    assert "plan.rekensom.lines.0.amount: moet een bedrag zijn" in result.stderr
    assert "plan.actions.0.legal_basis_ids: Onbekende rechtsgrond 'bestaat_niet'" in result.stderr
    shown = invoke(url, "plan", "show", case)
    assert shown.exit_code == 1 and "heeft nog geen maatwerkplan" in shown.stderr
    wrong = write_json(tmp_path / "wrong.json", {"format": "doorbraak-case", "format_version": 1})
    assert "geen doorbraak-planbestand" in invoke(url, "plan", "import", case, str(wrong)).stderr


def test_catalogues_from_the_cli(tmp_path: Path, url: str) -> None:
    found = ok(url, "plan", "rechtsgronden", "evenredigheid").stdout
    assert "awb_3_4_lid_2" in found
    assert json.loads(ok(url, "plan", "rechtsgronden", "4:84", "--json").stdout)[0]["id"] == "awb_4_84"
    ok(
        url,
        "plan",
        "kengetal-set",
        "GM0344",
        "wmo_uitvoering",
        "--bedrag",
        "615,00",
        "--bron",
        "Gemeente Utrecht",
        "--jaar",
        "2025",
    )
    items = {k["id"]: k for k in json.loads(ok(url, "plan", "kengetallen", "--gemeente", "GM0344", "--json").stdout)}
    assert items["wmo_uitvoering"]["bedrag"] == "615.00" and items["wmo_uitvoering"]["eigen_cijfer"] is True
    assert "Eigen cijfer verwijderd." in ok(url, "plan", "kengetal-reset", "GM0344", "wmo_uitvoering").stdout
    plain = ok(url, "plan", "kengetallen").stdout
    assert "Berenschot (2018)" in plain and "(regel)" in plain


def test_case_file_version_2_carries_every_plan_version(tmp_path: Path, url: str) -> None:
    case = import_household(tmp_path, url)
    ok(url, "plan", "import", case, str(plan_file(tmp_path, scenario())))
    decide(url, case)
    ok(url, "plan", "new-version", case)
    ok(url, "plan", "set", case, "doorbraak", "Een andere doorbraak – met ë en €.")
    exported = tmp_path / "case-v2.json"
    ok(url, "case", "export", case, "-o", str(exported))
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["format_version"] == 2
    assert [(p["plan_version"], p["status"]) for p in document["plans"]] == [(1, "vastgesteld"), (2, "concept")]
    assert document["plans"][0]["sta_in_de_weg"]["leefgebied"] == "financien"
    assert json.loads(ok(url, "case", "show", case, "--json").stdout)["plans"] == document["plans"]
    # Another municipality's database: the household moves with its whole plan history.
    other = f"sqlite:///{tmp_path / 'other.db'}"
    result = ok(other, "case", "import", str(exported))
    assert "(met 2 planversies)" in result.stdout
    moved = json.loads(ok(other, "plan", "show", case, "--json").stdout)
    assert moved["plan_version"] == 2 and moved["plan"]["doorbraak"] == "Een andere doorbraak – met ë en €."
    first = json.loads(ok(other, "plan", "show", case, "--json", "--planversie", "1").stdout)
    assert first["status"] == "vastgesteld" and first["rekensom"]["totals"] == HAND_TOTALS
    assert first["plan"]["decision"]["decided_by"] == "Sanne de Wit"


def test_case_file_plans_are_checked_before_anything_is_written(tmp_path: Path, url: str) -> None:
    household = {k: v for k, v in HOUSEHOLD.items() if k != "professional"}
    broken = scenario()
    broken["rekensom"]["lines"][2]["frequency"] = "per_week"
    decided_without_decision = {**scenario(), "plan_version": 2, "status": "vastgesteld"}
    path = write_json(
        tmp_path / "bad.json",
        {
            "format": "doorbraak-case",
            "format_version": 2,
            "household": household,
            "plans": [broken, decided_without_decision],
        },
    )
    result = invoke(url, "case", "import", str(path))
    assert result.exit_code == 2, result.output
    assert "plans.0.rekensom.lines.2.frequency" in result.stderr
    assert "plans.1.decision: Een vastgesteld plan heeft een besluit" in result.stderr
    assert json.loads(ok(url, "case", "list", "--json").stdout)["total"] == 0
    v1_with_plans = write_json(
        tmp_path / "v1.json", {"format": "doorbraak-case", "format_version": 1, "household": household, "plans": []}
    )
    assert "onbekend veld in versie 1" in invoke(url, "case", "import", str(v1_with_plans)).stderr


def test_kengetallen_are_indexed_and_a_loan_shows_its_verschuivingen(tmp_path: Path, url: str) -> None:
    """`add-kengetal` indexes to the plan's price level and takes kind, payer and receiver from the catalogue;
    `plan show --json` has the society total, the nets per party and the verschuivingen (docs/plan.md)."""
    case = import_household(tmp_path, url)
    ok(url, "plan", "new", case)
    price_year = json.loads(ok(url, "plan", "show", case, "--json").stdout)["plan"]["rekensom"]["price_year"]
    assert price_year == 2025  # the last complete year the CPI table covers
    ok(url, "plan", "add-kengetal", case, "huisuitzetting", "--scenario", "huidig_pad", "--kans", "0,3")
    ok(url, "plan", "add-kengetal", case, "saneringskrediet", "--scenario", "doorbraak", "--bedrag", "8200",
       "--start", "3", "--kans-wanbetaling", "0,2")
    shown = json.loads(ok(url, "plan", "show", case, "--json").stdout)
    lines = shown["plan"]["rekensom"]["lines"]
    # € 100,000 of 2015 at prijspeil 2025: × 3755.4177 / 2790.8 = 134564.20
    assert (lines[0]["amount"], lines[0]["source"]["amount"], lines[0]["kind"]) == ("134564.20", "100000.00", "kosten")
    assert (lines[1]["kind"], lines[1]["payer"], lines[1]["receiver"], lines[1]["loan_months"]) == (
        "overdracht", "kredietbank", "huishouden", 36)
    rekensom = shown["rekensom"]
    assert rekensom["price_year"] == 2025
    assert rekensom["society"] == {"huidig_pad": "40369.26", "doorbraak": "1230.00", "verschil": "39139.26"}
    rows = {r["payer"]: (r["huidig_pad"], r["doorbraak"], r["kosten_huidig_pad"]) for r in rekensom["per_payer"]}
    assert rows == {"huishouden": ("0.00", "0.00", "0.00"), "kredietbank": ("0.00", "1230.00", "0.00"),
                    "overig": ("40369.26", "0.00", "40369.26")}
    assert rekensom["verschuivingen"] == [
        {"scenario": "doorbraak", "payer": "huishouden", "receiver": "kredietbank", "amount": "8200.00"},
        {"scenario": "doorbraak", "payer": "kredietbank", "receiver": "huishouden", "amount": "8200.00"},
    ]
    assert rekensom["transfers_total"] == {"huidig_pad": "0.00", "doorbraak": "16400.00"}
    text = ok(url, "plan", "show", case).stdout
    assert "prijspeil 2025" in text and "Saldo voor de samenleving" in text
    assert "Gemeentelijke kredietbank → Huishouden" in text and "Verkeerde zak:" in text
    # Writing the rekensom section without a price level keeps the plan's.
    ok(url, "plan", "set", case, "rekensom", json.dumps({"horizon_months": 12, "lines": lines}))
    assert json.loads(ok(url, "plan", "show", case, "--json").stdout)["rekensom"]["price_year"] == 2025
    # The professional's PDF: the rekensom section with the society saldo, the wrong-pocket line, the
    # verschuivingen and each indexed kengetal with its price level and original figure.
    pdf = tmp_path / "plan.pdf"
    ok(url, "plan", "export", case, "--format", "pdf", "-o", str(pdf))
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    assert "Saldo voor de samenleving: € 39.139,26 over 12 maanden" in text.replace("\xa0", " ")
    assert "Verkeerde zak: Ja" in text
    assert "Verschuivingen (overdrachten; geen kosten voor de samenleving)" in text
    assert "prijspeil 2025, bron: Scriptie, aangehaald door Stadlander, 2015: € 100.000,00" in text.replace("\xa0", " ")
    assert "Lening" in text and "restschuld € 6.150,00" in text.replace("\xa0", " ")
