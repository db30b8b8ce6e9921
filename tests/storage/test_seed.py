"""The seed generator: deterministic, fictional, valid through the domain, and the same rows the repository writes."""

from __future__ import annotations

import random
import shutil
import sqlite3
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, func, select

from domain.caselist import CaseListQuery
from domain.errors import InvalidInput
from domain.household import Household, HouseholdStatus
from domain.services import households as service
from domain.services.households import parse_draft
from domain.validation import age_on, normalise_bsn
from storage.bootstrap import open_database
from storage.engine import DatabaseError
from storage.seed import (
    REFERENCE_DATE,
    REFERENCE_MOMENT,
    SEED_STEPS,
    SeedContext,
    SeedStep,
    fictional_data_problems,
    logical_dump,
    seed_file,
)
from storage.settings import Settings
from storage.tables import HouseholdRow
from tests.builders import TickingClock

SMALL = 14
"""Twelve hand-picked households plus two drawn at random."""
MEDIUM = 250
"""Enough random households to meet every composition and theme."""


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "small.db"
    seed_file(path, households=SMALL, seed=2026)
    return path


@pytest.fixture(scope="module")
def medium(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "medium.db"
    seed_file(path, households=MEDIUM, seed=11)
    return path


def rows(path: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        return connection.execute(sql, params).fetchall()


def copy(path: Path, tmp_path: Path) -> Path:
    target = tmp_path / f"copy-{path.name}"
    shutil.copyfile(path, target)
    return target


# -- determinism ----------------------------------------------------------------------------------


def test_same_seed_gives_identical_content_and_another_seed_differs(small: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.db"
    other = tmp_path / "other.db"
    seed_file(again, households=SMALL, seed=2026)
    seed_file(other, households=SMALL, seed=2027)
    first = logical_dump(small)
    assert first["household"][1:], "the dump should contain households"
    assert logical_dump(again) == first
    different = logical_dump(other)
    assert different["member"] != first["member"]  # another draw of BSNs from the test range
    # The written stories are told the same way whatever the seed (the draws beyond them differ: test_stories).
    assert different["household"] == first["household"]


def test_stats_match_the_file_and_read_as_dutch(tmp_path: Path) -> None:
    path = tmp_path / "stats.db"
    stats = seed_file(path, households=20, seed=5)
    assert rows(path, "SELECT count(*) FROM household")[0][0] == stats.households == 20
    assert rows(path, "SELECT count(*) FROM member")[0][0] == stats.members
    assert rows(path, "SELECT count(*) FROM member WHERE bsn IS NOT NULL")[0][0] == stats.members_with_bsn
    assert rows(path, "SELECT count(*) FROM problem")[0][0] == stats.problems
    assert rows(path, "SELECT count(*) FROM involved_organisation")[0][0] == stats.organisations
    assert rows(path, "SELECT count(DISTINCT municipality_code) FROM household")[0][0] == stats.municipalities
    text = str(stats)
    assert text.startswith(f"20 huishoudens, {stats.members} leden waarvan {stats.members_with_bsn} met BSN, ")
    assert f"in {stats.municipalities} gemeenten" in text and " MB in " in text
    assert stats.size_bytes == path.stat().st_size


# -- coverage of the sample -----------------------------------------------------------------------


def test_small_seed_covers_every_status_and_at_least_six_municipalities(small: Path) -> None:
    statuses = {row[0] for row in rows(small, "SELECT DISTINCT status FROM household")}
    assert statuses == {status.value for status in HouseholdStatus}
    municipalities = {row[0] for row in rows(small, "SELECT DISTINCT municipality_name FROM household")}
    assert len(municipalities) >= 6
    assert "Súdwest-Fryslân" in municipalities


def test_exactly_one_leap_day_birthday_and_youths_about_to_turn_18(medium: Path) -> None:
    births = [date.fromisoformat(row[0]) for row in rows(medium, "SELECT date_of_birth FROM member")]
    assert sum(1 for b in births if (b.month, b.day) == (2, 29)) == 1
    soon = [
        b for b in births
        if age_on(b, REFERENCE_DATE) == 17 and age_on(b, REFERENCE_DATE + timedelta(days=183)) == 18
    ]
    assert len(soon) >= 5


def test_members_make_sense_as_families(medium: Path) -> None:
    members: dict[int, list[tuple[str, date]]] = {}
    for household_id, role, born in rows(medium, "SELECT household_id, role, date_of_birth FROM member ORDER BY id"):
        members.setdefault(household_id, []).append((role, date.fromisoformat(born)))
    roles_seen: set[str] = set()
    for household in members.values():
        roles = [role for role, _ in household]
        roles_seen.update(roles)
        assert roles.count("hoofdbewoner") == 1 and roles[0] == "hoofdbewoner"
        assert roles.count("partner") <= 1
        head = household[0][1]
        assert age_on(head, REFERENCE_DATE) >= 18
        for role, born in household:
            if role == "kind":
                # The hoofdbewoner was at least 17 when each child was born.
                assert age_on(head, born) >= 17
            if role == "ouder":
                assert age_on(born, head) >= 18
    assert roles_seen == {"hoofdbewoner", "partner", "kind", "ouder", "overig"}


def test_problems_and_organisations_are_filled_in(medium: Path) -> None:
    areas = {row[0] for row in rows(medium, "SELECT DISTINCT leefgebied FROM problem")}
    assert len(areas) >= 12
    assert rows(medium, "SELECT count(*) FROM problem WHERE score NOT BETWEEN 1 AND 5 OR description = ''")[0][0] == 0
    texts = " ".join(row[0] for row in rows(medium, "SELECT description FROM problem"))
    for phrase in ("Huurachterstand", "schulden", "detentie", "toeslag", "jeugdhulp", "GGZ", "CAK"):
        assert phrase in texts
    assert "{" not in texts and "}" not in texts, "every placeholder is filled"
    names = {row[0] for row in rows(medium, "SELECT DISTINCT name FROM involved_organisation")}
    for national in ("UWV", "SVB", "CJIB", "CAK", "DUO", "Belastingdienst/Toeslagen"):
        assert national in names
    frameworks = {row[0] for row in rows(medium, "SELECT DISTINCT legal_framework FROM involved_organisation")}
    assert {"Participatiewet", "Wmo 2015", "Jeugdwet", "Zvw", "Wlz", "Strafrecht"} <= frameworks
    # Every household has at least one involved organisation with a yearly cost.
    without = "SELECT count(*) FROM household WHERE id NOT IN (SELECT household_id FROM involved_organisation)"
    assert rows(medium, without)[0][0] == 0


def test_timestamps_case_numbers_and_versions_fit_together(medium: Path) -> None:
    found = rows(
        medium, "SELECT id, case_number, status, version, created_at, updated_at, closed_on FROM household ORDER BY id"
    )
    previous_created = ""
    per_year: dict[str, list[int]] = {}
    for _, case_number, status, version, created, updated, closed_on in found:
        assert "2025-01-01" <= created <= updated <= REFERENCE_MOMENT.strftime("%Y-%m-%d %H:%M:%S")
        assert created >= previous_created, "ids follow creation order"
        previous_created = created
        assert case_number[3:7] == created[:4]
        per_year.setdefault(case_number[3:7], []).append(int(case_number[-6:]))
        assert (version == 1) == (created == updated)
        assert (closed_on is not None) == (status == "afgesloten")
        if closed_on is not None:
            assert closed_on == updated[:10]
    for numbers in per_year.values():
        assert numbers == list(range(1, len(numbers) + 1))
    sequences = dict(rows(medium, "SELECT year, last FROM case_number_sequence"))
    assert sequences == {int(year): len(numbers) for year, numbers in per_year.items()}


# -- privacy ----------------------------------------------------------------------------------------


def test_every_bsn_is_from_the_test_range_and_passes_the_11_test(medium: Path) -> None:
    bsns = [row[0] for row in rows(medium, "SELECT bsn FROM member WHERE bsn IS NOT NULL")]
    assert len(bsns) >= 50
    assert len(set(bsns)) == len(bsns), "a BSN belongs to one person"
    for bsn in bsns:
        assert bsn.startswith("9999")
        assert normalise_bsn(bsn) == bsn
    members = rows(medium, "SELECT count(*) FROM member")[0][0]
    assert len(bsns) < members / 2, "only some members have a BSN"


def test_no_real_looking_bsn_or_email_anywhere(small: Path, medium: Path) -> None:
    assert fictional_data_problems(small) == []
    assert fictional_data_problems(medium) == []


def test_the_fictional_data_check_finds_real_looking_data(small: Path, tmp_path: Path) -> None:
    path = copy(small, tmp_path)
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE problem SET description = 'Contact: j.jansen@gemeente.nl' WHERE id = 1")
        connection.execute("UPDATE problem SET description = 'BSN 123456782 genoemd; mail a@b.example' WHERE id = 2")
        connection.execute("UPDATE member SET bsn = '999993654' WHERE id = 1")  # 11-test fails
        connection.commit()
    found = fictional_data_problems(path)
    assert len(found) == 3
    assert any("problem.description" in f and "e-mailadres" in f for f in found)
    assert sum("negen cijfers" in f for f in found) == 2
    assert not any("123456782" in f or "999993654" in f for f in found), "findings never repeat the number"


# -- through the domain and the repository --------------------------------------------------------


def test_every_household_loads_through_the_repository_and_revalidates(medium: Path, tmp_path: Path) -> None:
    db = open_database(Settings(database_url=f"sqlite:///{copy(medium, tmp_path)}"), clock=TickingClock())
    try:
        numbers = [row[0] for row in rows(medium, "SELECT case_number FROM household ORDER BY id")]
        assert len(numbers) == MEDIUM
        for number in numbers:
            household = service.get_household(number, db.uow(), db.actor)
            again = Household.model_validate(household.model_dump())
            assert again == household
            assert household.members and household.problems and household.organisations
    finally:
        db.close()


def test_bulk_rows_equal_what_the_repository_writes(medium: Path, tmp_path: Path) -> None:
    """The seed's Core inserts and the repository's add() must fill the same columns with the same values."""
    seeded = open_database(Settings(database_url=f"sqlite:///{copy(medium, tmp_path)}"), clock=TickingClock())
    target_path = tmp_path / "via-repository.db"
    target = open_database(Settings(database_url=f"sqlite:///{target_path}"), clock=TickingClock())
    try:
        numbers = [row[0] for row in rows(medium, "SELECT case_number FROM household ORDER BY id LIMIT 40")]
        with target.uow() as uow:
            for number in numbers:
                household = service.get_household(number, seeded.uow(), seeded.actor)
                # Re-validated from plain data, so the repository writes canonical values (not what was loaded).
                data = household.model_dump(exclude={"id", "version"})
                for key in ("members", "problems", "organisations"):
                    # Ids (and a problem's member id, which points at one) are given anew by the repository.
                    data[key] = [{k: v for k, v in item.items() if k not in ("id", "member_id")} for item in data[key]]
                fresh = Household.model_validate(data)
                uow.households.add(fresh)
            uow.commit()
    finally:
        seeded.close()
        target.close()

    skip = {"id", "household_id", "member_id", "version", "created_at", "updated_at"}

    def table(path: Path, name: str) -> list[tuple[Any, ...]]:
        columns = [row[1] for row in rows(path, f'PRAGMA table_info("{name}")') if row[1] not in skip]
        wanted = ", ".join("?" for _ in numbers)
        if name == "household":
            sql = f"SELECT {', '.join(columns)} FROM household WHERE case_number IN ({wanted}) ORDER BY case_number"
        else:
            values = ", ".join(f't."{column}"' for column in columns)
            sql = (
                f'SELECT h.case_number, {values} FROM "{name}" t JOIN household h ON h.id = t.household_id '
                f"WHERE h.case_number IN ({wanted}) ORDER BY h.case_number, t.position"
            )
        return rows(path, sql, *numbers)

    for name in ("household", "member", "problem", "involved_organisation"):
        expected = table(target_path, name)
        assert expected, name
        assert table(medium, name) == expected, name


def test_new_cases_continue_the_case_number_sequence(small: Path, tmp_path: Path) -> None:
    numbers = rows(small, "SELECT case_number FROM household WHERE case_number LIKE 'DB-2026-%'")
    last = max(int(row[0][-6:]) for row in numbers)
    db = open_database(Settings(database_url=f"sqlite:///{copy(small, tmp_path)}"), clock=TickingClock())
    try:
        created = service.create_household(
            parse_draft({"name": "Huishouden Nieuw", "municipality_code": "GM0363"}), db.uow(), db.actor,
            today=date(2026, 11, 2),
        )
    finally:
        db.close()
    assert created.case_number == f"DB-2026-{last + 1:06d}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ozdemir", "Huishouden Özdemir"), ("CELIK", "Huishouden Çelik"), ("bruggemann", "Huishouden Brüggemann"),
     ("hoelle", "Huishouden Hoëlle"), ("ilse jansen", "Huishouden Jansen"),
     ("yilmaz", "Huishouden Yılmaz")],
)
def test_names_with_diacritics_are_found_without_them(small: Path, tmp_path: Path, text: str, expected: str) -> None:
    db = open_database(Settings(database_url=f"sqlite:///{copy(small, tmp_path)}"), clock=TickingClock())
    try:
        page = service.list_cases(CaseListQuery(text=text), db.uow(), db.actor)
    finally:
        db.close()
    assert expected in {row.name for row in page.rows}


def test_municipality_search_without_accents(small: Path, tmp_path: Path) -> None:
    db = open_database(Settings(database_url=f"sqlite:///{copy(small, tmp_path)}"), clock=TickingClock())
    try:
        page = service.list_cases(CaseListQuery(text="fryslan"), db.uow(), db.actor)
    finally:
        db.close()
    assert page.total >= 1
    assert {row.municipality_name for row in page.rows} == {"Súdwest-Fryslân"}


# -- the file -------------------------------------------------------------------------------------


def test_output_is_one_self_contained_file_replacing_an_old_one(tmp_path: Path) -> None:
    path = tmp_path / "out.db"
    path.write_bytes(b"not a database")
    Path(f"{path}-wal").write_bytes(b"stale write-ahead log that must not be replayed")
    Path(f"{path}-shm").write_bytes(b"stale")
    seed_file(path, households=3, seed=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.db"]
    header = path.read_bytes()[:20]
    assert header[:16] == b"SQLite format 3\x00"
    assert header[18:20] == b"\x01\x01", "rollback journal (DELETE), not WAL"
    assert rows(path, "PRAGMA integrity_check") == [("ok",)]
    assert rows(path, "SELECT count(*) FROM household")[0][0] == 3


def test_a_failing_step_leaves_no_file_behind(tmp_path: Path) -> None:
    def broken(connection: Connection, rng: random.Random, context: SeedContext) -> None:
        raise RuntimeError("stap faalt")

    path = tmp_path / "broken.db"
    with pytest.raises(RuntimeError):
        seed_file(path, households=3, steps=[*SEED_STEPS, SeedStep("kapot", broken)])
    assert list(tmp_path.iterdir()) == []


def test_refuses_nonsense(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        seed_file(tmp_path / "x.db", households=0)
    with pytest.raises(DatabaseError):
        seed_file(tmp_path, households=1)


# -- extension steps ------------------------------------------------------------------------------

SEEN: list[tuple[int, int, float]] = []


def recording_step(connection: Connection, rng: random.Random, context: SeedContext) -> None:
    """Registered by name below, as a later module (seed_plans, seed_register) would be."""
    in_table = connection.execute(select(func.count()).select_from(HouseholdRow)).scalar_one()
    SEEN.append((len(context.households), in_table, rng.random()))
    assert [h.id for h in context.households] == sorted(h.id for h in context.households)
    context.stats.add("controles", in_table)


def test_extension_steps_run_after_households_in_the_same_transaction(tmp_path: Path) -> None:
    SEEN.clear()
    step = SeedStep("controle", "tests.storage.test_seed:recording_step")
    first = seed_file(tmp_path / "a.db", households=6, seed=3, steps=[*SEED_STEPS, step])
    seed_file(tmp_path / "b.db", households=6, seed=3, steps=[*SEED_STEPS, step])
    seed_file(tmp_path / "c.db", households=6, seed=4, steps=[*SEED_STEPS, step])
    assert [s[:2] for s in SEEN] == [(6, 6)] * 3
    assert SEEN[0][2] == SEEN[1][2] != SEEN[2][2], "each step has its own deterministic random stream"
    assert "6 controles" in str(first)
    # Adding a step does not change what the household step wrote.
    seed_file(tmp_path / "plain.db", households=6, seed=3)
    assert logical_dump(tmp_path / "plain.db") == logical_dump(tmp_path / "a.db")


def test_the_household_step_is_registered_first() -> None:
    assert SEED_STEPS[0].name == "huishoudens"
    assert len({step.name for step in SEED_STEPS}) == len(SEED_STEPS)
    for step in SEED_STEPS:
        assert callable(step.resolve())
