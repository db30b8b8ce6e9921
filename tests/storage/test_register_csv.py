"""CSV import (every rejected row reported by line number; all-or-nothing unless asked) and formula-safe export."""

from __future__ import annotations

import csv
import io
import random
from datetime import date
from pathlib import Path

import pytest

from domain.errors import InvalidInput
from domain.register import CSV_COLUMN_NAMES, csv_from_contact, fields_from_csv, parse_query, themes
from domain.services import register as service
from storage.bootstrap import Database
from storage.register_csv import RegisterCsvReader, escape_cell, export_register_file, write_register_csv
from storage.seed import fictional_data_problems
from storage.seed.register import bulk_rows, demo_rows, write_bulk_csv

HEADER = "externe_id;organisatie;team;telefoon;email;regio;themas;toelichting"
GOOD = "ok-{n};UWV;Team Maatwerk;06 12345001;maatwerk@uwv.example;landelijk;uitkering;"
MEGABYTE = "x" * (1024 * 1024)

BROKEN_LINES = [
    HEADER,                                                                                  # 1
    GOOD.format(n=1),                                                                        # 2
    "bad-phone;SVB;Team AOW;06-12345xxx;aow@svb.example;landelijk;;",                       # 3
    "bad-mail;DUO;Team Maatwerk;06 12345002;maatwerk@duo;landelijk;;",                     # 4
    "bad-gm;Gemeente Nergens;Schulden;06 12345003;;GM9999;schulden;",                       # 5
    "no-org;;Team X;06 12345004;x@x.example;landelijk;;",                                   # 6
    f"huge;CAK;Team Maatwerk;06 12345005;;landelijk;;{MEGABYTE}",                           # 7
    'formula;"=HYPERLINK(""http://evil.example"",""klik"")";Team;06 12345006;;landelijk;;',  # 8
    "short;CJIB;Team Maatwerk",                                                              # 9
    GOOD.format(n=1),                                                                        # 10 duplicate id
    'ok-2;UWV;Team;06 12345007;;landelijk;;"toelichting',                                    # 11 a quoted field
    'over twee regels"',                                                                     # 12 ...spanning lines
    "bad-theme;UWV;Team;06 12345008;;landelijk;astrologie;",                                 # 13
    "",                                                                                      # 14 blank: skipped
    GOOD.format(n=3),                                                                        # 15
]
EXPECTED = {
    3: ("telefoon", "geen telefoonnummer"),
    4: ("email", "geen geldig e-mailadres"),
    5: ("regio", "Onbekende gemeentecode GM9999"),
    6: ("organisatie", "verplicht"),
    7: ("toelichting", "te groot: 1.048.576 tekens"),
    8: ("organisatie", "spreadsheetformule"),
    9: ("", "de regel heeft 3 velden, de kopregel 8"),
    10: ("externe_id", "staat ook al op regel 2"),
    13: ("themas", "Onbekend thema 'astrologie'"),
}


def write(tmp_path: Path, lines: list[str], name: str = "register.csv", *, bom: bool = False,
          encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(("\ufeff" if bom else "").encode() + "\r\n".join(lines).encode(encoding) + b"\r\n")
    return path


def run_import(db: Database, path: Path, **options: bool) -> service.ImportReport:
    return service.import_contacts(RegisterCsvReader(path).records(), db.uow(), db.actor, **options)


def count(db: Database) -> int:
    return service.count_contacts(db.uow(), db.actor)


def test_every_rejected_row_is_reported_and_nothing_is_written(db: Database, tmp_path: Path) -> None:
    report = run_import(db, write(tmp_path, BROKEN_LINES))
    assert not report.written and count(db) == 0
    assert [r.line for r in report.rejected] == sorted(EXPECTED)
    for rejected in report.rejected:
        column, fragment = EXPECTED[rejected.line]
        assert any(p.path == column and fragment in p.reason for p in rejected.problems), (rejected.line, rejected)
    assert report.rows == 12 and report.inserted == 3  # would be new: ok-1, ok-2, ok-3
    assert "Er is niets opgeslagen" in report.summary()
    assert str(report.rejected[0]).startswith("regel 3: telefoon: ")


def test_skip_invalid_saves_the_valid_rows(db: Database, tmp_path: Path) -> None:
    report = run_import(db, write(tmp_path, BROKEN_LINES), skip_invalid=True)
    assert report.written and report.inserted == 3 and len(report.rejected) == len(EXPECTED)
    assert count(db) == 3
    contacts = {c.external_id: c for c in service.export_contacts(db.uow(), db.actor)}
    assert sorted(contacts) == ["ok-1", "ok-2", "ok-3"]
    assert contacts["ok-2"].notes == "toelichting\nover twee regels"


def test_dry_run_writes_nothing_but_counts(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, [HEADER, GOOD.format(n=1), GOOD.format(n=2)])
    report = run_import(db, path, dry_run=True)
    assert (report.inserted, report.updated, report.written, report.dry_run) == (2, 0, False, True)
    assert count(db) == 0 and "proefimport" in report.summary()
    assert run_import(db, path).written
    again = run_import(db, path, dry_run=True)
    assert (again.inserted, again.updated) == (0, 2)


def test_bom_comma_separator_and_header_aliases(sqlite_db: Database, tmp_path: Path) -> None:
    lines = [
        "Externe ID,Organisatie,Telefoonnummer,E-mail,Regio,Thema's,Laatst geverifieerd",
        'gm-1,Gemeente Súdwest-Fryslân,06 12345001,schuld@sudwest.example,"GM1900",Schulden|Financiën,01-09-2026',
    ]
    report = run_import(sqlite_db, write(tmp_path, lines, bom=True))
    assert report.written and report.inserted == 1, report.rejected
    contact = service.search_contacts(parse_query({"text": "sudwest"}), sqlite_db.uow(), sqlite_db.actor).contacts[0]
    assert contact.themes == ["schulden", "financien"] and contact.last_verified == date(2026, 9, 1)


@pytest.mark.parametrize(
    ("lines", "fragment"),
    [
        ([], "kopregel"),
        (["organisatie;regio;kleur", "UWV;landelijk;blauw"], "onbekende kolom(men): 'kleur'"),
        (["organisatie;telefoon;regio", "UWV;06 12345001;landelijk"], "verplichte kolom(men) ontbreken: externe_id"),
        (["externe_id;organisatie;regio;organisatie", "a;b;landelijk;c"], "twee keer"),
    ],
)
def test_file_level_problems_refuse_the_whole_file(sqlite_db: Database, tmp_path: Path, lines: list[str],
                                                   fragment: str) -> None:
    path = tmp_path / "kapot.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        run_import(sqlite_db, path)
    assert fragment in caught.value.message
    assert count(sqlite_db) == 0


def test_a_file_that_is_not_utf8_is_refused_even_after_good_rows(sqlite_db: Database, tmp_path: Path) -> None:
    lines = [HEADER, *(GOOD.format(n=n) for n in range(1, 2500))]
    path = write(tmp_path, lines)
    path.write_bytes(path.read_bytes() + "slecht;Gemeente Súdwest;;06 12345001;;GM1900;;\r\n".encode("latin-1"))
    with pytest.raises(InvalidInput, match="Regel 2501: het bestand is geen UTF-8"):
        run_import(sqlite_db, path, skip_invalid=True)
    assert count(sqlite_db) == 0  # the first 2,499 rows were written in batches, then rolled back


def test_missing_file_is_a_dutch_error(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="bestaat niet"):
        RegisterCsvReader(tmp_path / "weg.csv")


# -- export -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("cell", ["=1+1", "+31612345678", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_cells_are_escaped(cell: str) -> None:
    assert escape_cell(cell) == "'" + cell
    assert escape_cell("gewoon") == "gewoon"


def test_export_is_spreadsheet_safe_and_round_trips(db: Database, tmp_path: Path) -> None:
    lines = [
        HEADER,
        "svb-1;SVB;Team AOW;+31 6 12345001;aow@svb.example;landelijk;uitkering;=HYPERLINK(\"x\")",
        "svb-2;SVB;Team AIO;06 12345002;=aio@svb.example;landelijk;;-bel eerst",
        "svb-3;SVB;Team PGB;06 12345003;pgb@svb.example;GM0363|GM0344;pgb;@team",
    ]
    assert run_import(db, write(tmp_path, lines)).written
    target = tmp_path / "export.csv"
    assert export_register_file(service.export_contacts(db.uow(), db.actor), target) == 3
    raw = target.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == list(CSV_COLUMN_NAMES)
    for data in rows[1:]:
        for cell in data:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), data
    by_id = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert by_id["svb-1"]["toelichting"] == "'=HYPERLINK(\"x\")"
    assert by_id["svb-1"]["telefoon"] == "06 12345001"  # Dutch notation, not a "+31" formula start
    assert by_id["svb-2"]["email"] == "'=aio@svb.example"
    assert by_id["svb-3"]["regio"] == "GM0344|GM0363"
    # Importing the export reproduces the register exactly.
    report = run_import(db, target)
    assert (report.inserted, report.updated, report.rejected) == (0, 3, [])
    exported = sorted((csv_from_contact(c) for c in service.export_contacts(db.uow(), db.actor)),
                      key=lambda r: r["externe_id"])
    assert [r["toelichting"] for r in exported] == ['=HYPERLINK("x")', "-bel eerst", "@team"]


def test_export_to_a_stream_has_no_bom() -> None:
    out = io.StringIO()
    assert write_register_csv([], out) == 0
    assert out.getvalue() == ";".join(CSV_COLUMN_NAMES) + "\r\n"


# -- demo and bulk data ---------------------------------------------------------------------------------------
def test_demo_register_is_large_varied_valid_and_deterministic() -> None:
    rows = demo_rows(random.Random(7), date(2026, 11, 1))
    assert rows == demo_rows(random.Random(7), date(2026, 11, 1))
    assert len(rows) >= 300 and len({r["externe_id"] for r in rows}) == len(rows)
    contacts = [fields_from_csv(r) for r in rows]
    organisations = {c.organisation for c in contacts}
    for expected in ("UWV", "SVB", "DUO", "CAK", "CJIB", "Belastingdienst/Dienst Toeslagen", "DJI", "CIZ", "NVVK",
                     "Zorgkantoor Twente", "Raad voor de Kinderbescherming regio Fryslân", "Veilig Thuis Utrecht",
                     "Jeugdbescherming Groningen", "Woonstichting Amstelhof", "Gemeente Súdwest-Fryslân"):
        assert expected in organisations
    assert {c.organisation_type.value for c in contacts} >= {
        "gemeente", "landelijke_uitvoeringsorganisatie", "zorgverzekeraar", "zorgkantoor", "woningcorporatie"
    }
    assert all(c.email.endswith(".example") for c in contacts if c.email)
    assert all(c.phone.startswith("+3161234") for c in contacts)
    unverified = sum(c.is_unverified(date(2026, 11, 1)) for c in contacts)
    assert 0.1 < unverified / len(contacts) < 0.4
    assert any(c.person and c.person != c.person.encode("ascii", "ignore").decode() for c in contacts)


def test_bulk_file_imports_and_contains_only_fictional_data(sqlite_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "bulk.csv"
    assert write_bulk_csv(path, 1500, seed=3) == 1500
    report = run_import(sqlite_db, path)
    assert report.written and report.inserted == 1500 and not report.rejected
    problems = fictional_data_problems(Path(str(sqlite_db.engine.url.database)))
    assert [p for p in problems if p.startswith("register")] == []  # (audit hashes may hold nine digits)
    assert len(list(bulk_rows(random.Random(1), 10, date(2026, 11, 1)))) == 10


def test_the_documentation_names_every_column_and_theme() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "register-csv.md").read_text(encoding="utf-8")
    for name in CSV_COLUMN_NAMES:
        assert f"| `{name}` |" in doc, name
    for code in themes():
        assert f"`{code}`" in doc, code
