"""Repository and unit of work on SQLite and on the real PostgreSQL server (the `db` fixture runs both)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from domain.caselist import CaseListQuery, CaseSort
from domain.errors import IllegalTransition, InvalidInput, NotFound, StaleVersion
from domain.household import HouseholdStatus
from domain.services import households as service
from domain.services.households import parse_draft
from storage.bootstrap import Database


def draft(name: str = "Huishouden Özdemir", **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": name,
        "municipality_code": "GM0363",
        "address": {"street": "Dapperstraat", "house_number": "12-2", "postcode": "1093bs", "city": "Amsterdam"},
        "professional": "Fatima Bouzid",
        "members": [
            {"name": "Ayşe Özdemir", "date_of_birth": "1984-02-29", "role": "hoofdbewoner", "bsn": "999993653"},
            {"name": "Emre Özdemir", "date_of_birth": "2009-05-01", "role": "kind"},
        ],
        "problems": [
            {
                "leefgebied": "financien",
                "score": 1,
                "since": "2024-01-01",
                "description": "Huurachterstand en CJIB-boetes",
            },
            {"leefgebied": "huisvesting", "score": 2, "description": "Dreigende huisuitzetting"},
        ],
        "organisations": [
            {
                "name": "CJIB",
                "type": "landelijke_uitvoeringsorganisatie",
                "legal_framework": "Strafrecht",
                "product": "Verkeersboetes",
                "yearly_cost": "447.00",
            },
        ],
    }
    data.update(extra)
    return data


def test_create_and_load_roundtrip(db: Database) -> None:
    created = service.create_household(parse_draft(draft()), db.uow(), db.actor)
    assert created.case_number is not None and created.case_number.startswith("DB-")
    loaded = service.get_household(created.case_number, db.uow(), db.actor)
    assert loaded.name == "Huishouden Özdemir"
    assert loaded.address.postcode == "1093 BS"
    assert [m.name for m in loaded.members] == ["Ayşe Özdemir", "Emre Özdemir"]
    assert loaded.members[0].bsn == "999993653"
    assert loaded.problems[0].leefgebied_label == "Financiën"
    assert str(loaded.organisations[0].yearly_cost) == "447.00"
    assert loaded.created_at is not None and loaded.created_at.tzinfo is not None
    assert loaded.version == 1


def test_case_numbers_are_sequential_per_year(db: Database) -> None:
    numbers = [service.create_household(parse_draft(draft(f"H{i}")), db.uow(), db.actor).case_number for i in range(3)]
    assert len(set(numbers)) == 3
    sequences = sorted(int(n.rsplit("-", 1)[1]) for n in numbers if n)
    assert sequences == [sequences[0], sequences[0] + 1, sequences[0] + 2]


def test_update_keeps_child_ids_and_bumps_version(db: Database) -> None:
    h = service.create_household(parse_draft(draft()), db.uow(), db.actor)
    assert h.case_number
    data = h.model_dump(
        include={"name", "municipality_code", "address", "professional", "members", "problems", "organisations"}
    )
    data["members"][1]["name"] = "Emre Özdemir-Yilmaz"
    data["problems"].pop(1)
    data["organisations"].append({"name": "Woonstad", "type": "woningcorporatie", "legal_framework": "Huurrecht (BW)"})
    saved = service.update_household(h.case_number, parse_draft(data), h.version, db.uow(), db.actor)
    assert saved.version == h.version + 1
    assert [m.id for m in saved.members] == [m.id for m in h.members]
    assert saved.members[1].name == "Emre Özdemir-Yilmaz"
    assert [p.leefgebied for p in saved.problems] == ["financien"]
    assert [o.name for o in saved.organisations] == ["CJIB", "Woonstad"]


def test_stale_save_is_refused_and_nothing_changes(db: Database) -> None:
    h = service.create_household(parse_draft(draft()), db.uow(), db.actor)
    assert h.case_number
    first = service.update_household(h.case_number, parse_draft(draft("Eerste opslag")), h.version, db.uow(), db.actor)
    with pytest.raises(StaleVersion) as info:
        service.update_household(h.case_number, parse_draft(draft("Tweede opslag")), h.version, db.uow(), db.actor)
    assert "intussen door iemand anders gewijzigd" in info.value.message
    assert service.get_household(h.case_number, db.uow(), db.actor).name == first.name


def test_invalid_update_writes_nothing(db: Database) -> None:
    h = service.create_household(parse_draft(draft()), db.uow(), db.actor)
    assert h.case_number
    bad = draft("Nieuwe naam", address={"postcode": "12"})
    with pytest.raises(InvalidInput) as info:
        service.update_household(h.case_number, parse_draft(bad), h.version, db.uow(), db.actor)
    assert [p.path for p in info.value.problems] == ["address.postcode"]
    assert service.get_household(h.case_number, db.uow(), db.actor).name == "Huishouden Özdemir"


def test_status_change_follows_the_machine(db: Database) -> None:
    h = service.create_household(parse_draft(draft()), db.uow(), db.actor)
    assert h.case_number
    moved = service.change_status(h.case_number, HouseholdStatus.IN_BEHANDELING, h.version, db.uow(), db.actor)
    assert moved.status is HouseholdStatus.IN_BEHANDELING
    with pytest.raises(IllegalTransition):
        service.change_status(h.case_number, HouseholdStatus.GEEVALUEERD, moved.version, db.uow(), db.actor)
    with pytest.raises(StaleVersion):
        service.change_status(h.case_number, HouseholdStatus.AFGESLOTEN, h.version, db.uow(), db.actor)


def test_missing_case_is_not_found(db: Database) -> None:
    with pytest.raises(NotFound, match="bestaat niet"):
        service.get_household("DB-2026-999999", db.uow(), db.actor)


def test_failure_mid_transaction_rolls_back(db: Database) -> None:
    """A crash between the writes of one unit of work leaves the last committed state."""
    with db.uow() as uow:
        number = uow.households.next_case_number(2026)
        h = service._build(service.parse_draft(draft()), case_number=number)  # noqa: SLF001
        uow.households.add(h)
        # leave without commit, as a crash would
    assert not service.list_cases(CaseListQuery(), db.uow(), db.actor).rows


def test_case_list_filters_without_diacritics_pages_and_sorts(db: Database) -> None:
    for i, name in enumerate(["Huishouden Çelik", "Huishouden de Vries", "Huishouden Özdemir", "Huishouden Bakker"]):
        service.create_household(parse_draft(draft(name, professional=f"Prof {i}", members=[])), db.uow(), db.actor)
    page = service.list_cases(CaseListQuery(text="ozdem"), db.uow(), db.actor)
    assert [r.name for r in page.rows] == ["Huishouden Özdemir"] and page.total == 1
    page = service.list_cases(CaseListQuery(text="CELIK amsterdam"), db.uow(), db.actor)
    assert [r.name for r in page.rows] == ["Huishouden Çelik"]
    page = service.list_cases(CaseListQuery(text="100%_"), db.uow(), db.actor)  # LIKE wildcards are literal
    assert page.total == 0
    page = service.list_cases(CaseListQuery(sort=CaseSort.NAME, descending=False, limit=2), db.uow(), db.actor)
    assert [r.name for r in page.rows] == ["Huishouden Bakker", "Huishouden Çelik"] and page.total == 4
    page2 = service.list_cases(
        CaseListQuery(sort=CaseSort.NAME, descending=False, limit=2, offset=2), db.uow(), db.actor
    )
    assert [r.name for r in page2.rows] == ["Huishouden de Vries", "Huishouden Özdemir"]
    newest_first = service.list_cases(CaseListQuery(), db.uow(), db.actor)
    assert newest_first.rows[0].name == "Huishouden Bakker"
    by_member = service.list_cases(CaseListQuery(text="ayse"), db.uow(), db.actor)
    assert by_member.total == 0  # members were emptied above; member names are searchable when present


def test_member_names_and_postcode_are_searchable(db: Database) -> None:
    service.create_household(parse_draft(draft()), db.uow(), db.actor)
    assert service.list_cases(CaseListQuery(text="ayse"), db.uow(), db.actor).total == 1
    assert service.list_cases(CaseListQuery(text="1093bs"), db.uow(), db.actor).total == 1


def test_import_keeps_number_or_refuses_duplicate(db: Database) -> None:
    from domain.case_document import household_from_document
    from domain.errors import Conflict

    doc = {
        "format": "doorbraak-case",
        "format_version": 1,
        "household": {**draft(), "case_number": "DB-2025-000042", "status": "uitvoering"},
    }
    imported = service.import_household(household_from_document(doc), db.uow(), db.actor, new_number=False)
    assert imported.case_number == "DB-2025-000042" and imported.status is HouseholdStatus.UITVOERING
    with pytest.raises(Conflict, match="bestaat al"):
        service.import_household(household_from_document(doc), db.uow(), db.actor, new_number=False)
    renumbered = service.import_household(household_from_document(doc), db.uow(), db.actor, new_number=True)
    assert renumbered.case_number != "DB-2025-000042"


def test_case_search_index_follows_renames_and_deletes(db: Database) -> None:
    """The trigram index (SQLite FTS5 via triggers; PostgreSQL pg_trgm) gives what LIKE gave, after every write."""
    created = service.create_household(parse_draft(draft("Huishouden Wróbel")), db.uow(), db.actor)
    assert created.case_number is not None
    assert service.list_cases(CaseListQuery(text="wrob"), db.uow(), db.actor).total == 1
    renamed = service.update_household(
        created.case_number, parse_draft(draft("Huishouden Kowalski")), created.version, db.uow(), db.actor
    )
    assert service.list_cases(CaseListQuery(text="wrob"), db.uow(), db.actor).total == 0
    assert service.list_cases(CaseListQuery(text="kowal"), db.uow(), db.actor).total == 1
    # Short terms (no trigram) and long ones together: every word must occur.
    assert service.list_cases(CaseListQuery(text="ko wal ams"), db.uow(), db.actor).total == 1
    assert service.list_cases(CaseListQuery(text="ko wal rotterdam"), db.uow(), db.actor).total == 0
    assert renamed.version == created.version + 1


def test_broad_case_search_counts_up_to_the_cap_and_still_pages(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    import storage.households

    monkeypatch.setattr(storage.households, "COUNT_CAP", 3)
    for i in range(5):
        service.create_household(parse_draft(draft(f"Huishouden Jansen {i}", members=[])), db.uow(), db.actor)
    service.create_household(parse_draft(draft("Huishouden Bakker", members=[])), db.uow(), db.actor)
    broad = service.list_cases(CaseListQuery(text="jansen", limit=2), db.uow(), db.actor)
    assert (broad.total, broad.total_exact, broad.has_more) == (3, False, True)
    names = [r.name for r in broad.rows]
    offset = 2
    while True:
        page = service.list_cases(CaseListQuery(text="jansen", limit=2, offset=offset), db.uow(), db.actor)
        names += [r.name for r in page.rows]
        offset += 2
        if not page.has_more:
            break
    assert sorted(names) == [f"Huishouden Jansen {i}" for i in range(5)]
    rare = service.list_cases(CaseListQuery(text="bakker"), db.uow(), db.actor)
    assert (rare.total, rare.total_exact, rare.has_more) == (1, True, False)
    everyone = service.list_cases(CaseListQuery(), db.uow(), db.actor)  # no text: always an exact count
    assert (everyone.total, everyone.total_exact) == (6, True)


def test_case_list_without_text_filters_sorts_and_pages_like_the_rows_say(db: Database) -> None:
    """The unfiltered case list runs prebuilt statements (one per shape): every shape gives the rows and the
    count a plain sort of the households gives, with UTC moments."""
    made = [
        service.create_household(parse_draft(draft(name, municipality_code=code, members=[])), db.uow(), db.actor)
        for name, code in [("Huishouden Bakker", "GM0363"), ("Huishouden Aydin", "GM0599"),
                           ("Huishouden Visser", "GM0363"), ("Huishouden Claes", "GM0599")]
    ]
    status = made[0].status
    with db.uow() as uow:
        everything = uow.households.list_cases(CaseListQuery(limit=10))
        assert everything.total == 4 and everything.total_exact
        assert [r.case_number for r in everything.rows] == [h.case_number for h in reversed(made)]
        assert all(r.updated_at.tzinfo is not None for r in everything.rows)
        assert [r.updated_at for r in everything.rows] == [h.updated_at for h in reversed(made)]
        by_name = uow.households.list_cases(CaseListQuery(sort=CaseSort.NAME, descending=False, limit=2, offset=1))
        assert [r.name for r in by_name.rows] == ["Huishouden Bakker", "Huishouden Claes"] and by_name.total == 4
        rotterdam = uow.households.list_cases(CaseListQuery(municipality_code="GM0599", sort=CaseSort.NAME))
        assert [r.name for r in rotterdam.rows] == ["Huishouden Claes", "Huishouden Aydin"] and rotterdam.total == 2
        own = uow.households.list_cases(CaseListQuery(status=status), frozenset({"GM0363"}))
        assert {r.name for r in own.rows} == {"Huishouden Bakker", "Huishouden Visser"} and own.total == 2
        other = next(s for s in HouseholdStatus if s is not status)
        assert uow.households.list_cases(CaseListQuery(status=other), frozenset({"GM0363"})).total == 0
        assert uow.households.list_cases(CaseListQuery(), frozenset()).rows == []


FILTER_TEXTS = ["am", "a", "van", "amsterdam", "jansen", "huis", "de ams", "hui am", "ozd", "zzz", "r", "straat",
                "zz", "ij", "q", "Ö", "e ij"]


def check_filtered_pages(db: Database) -> None:
    """Every text of FILTER_TEXTS, two sorts, both directions, two offsets: the page and the count a plain filter
    and sort of the database's households give (with COUNT_CAP 12)."""
    from sqlalchemy import text as sql

    with db.engine.connect() as connection:
        rows = connection.execute(
            sql("SELECT case_number, search_text, updated_at, id, sort_name FROM household")).all()
    for text in FILTER_TEXTS:
        terms = CaseListQuery(text=text).terms
        matching = [r for r in rows if all(t in r.search_text for t in terms)]
        for sort, key, descending in ((CaseSort.UPDATED_AT, lambda r: (r.updated_at, r.id), True),
                                      (CaseSort.NAME, lambda r: (r.sort_name, r.id), True),
                                      (CaseSort.NAME, lambda r: (r.sort_name, r.id), False)):
            expected = [r.case_number for r in sorted(matching, key=key, reverse=descending)]
            for offset in (0, 5):
                page = service.list_cases(CaseListQuery(text=text, sort=sort, descending=descending, limit=5,
                                                        offset=offset), db.uow(), db.actor)
                where = (text, sort, descending, offset)
                assert [r.case_number for r in page.rows] == expected[offset:offset + 5], where
                assert (page.total, page.total_exact) == (
                    (len(matching), True) if len(matching) <= 12 else (12, False)), where


@pytest.mark.parametrize("walk_factor", [0, 8, 10**6], ids=["always-walk", "as-set", "never-walk"])
def test_a_filtered_page_is_what_the_rows_say_whichever_way_it_is_found(
    sample: Database, monkeypatch: pytest.MonkeyPatch, walk_factor: int,
) -> None:
    """SQLite finds a filtered page along the sort column's index, by collecting the matches (by their number
    against a page's worth) or, when counting takes a scan, from the matches that scan counted; it takes a single
    term's count from the trigram index: every way gives what a plain filter and sort of sample.db gives."""
    import storage.households

    monkeypatch.setattr(storage.households, "COUNT_CAP", 12)
    monkeypatch.setattr(storage.households, "SQLITE_WALK_FACTOR", walk_factor)
    check_filtered_pages(sample)
    sample.close()


@pytest.mark.postgres
def test_a_short_term_on_postgresql_is_served_by_the_letter_pair_index(postgres_db: Database) -> None:
    """pg_trgm cannot serve a one- or two-letter text; `search_grams` (migration 0020) holds every letter and
    letter pair of the search text, also after a change, and the filter's condition is one its GIN index can
    answer (the planner is told to avoid a scan: a condition it cannot serve from the index would still scan)."""
    from sqlalchemy import select
    from sqlalchemy import text as sql

    from storage.households import _short_term
    from storage.tables import HouseholdRow

    created = service.create_household(parse_draft(draft()), postgres_db.uow(), postgres_db.actor)
    assert created.case_number is not None
    with postgres_db.engine.begin() as connection:
        connection.execute(sql("UPDATE household SET search_text = search_text || ' qx' WHERE case_number = :n"),
                           {"n": created.case_number})
    with postgres_db.engine.connect() as connection:
        search_text, grams = connection.execute(sql("SELECT search_text, search_grams FROM household")).one()
        assert set(grams) == {*search_text, *(search_text[i:i + 2] for i in range(len(search_text) - 1))}
        assert "qx" in grams and len(grams) == len(set(grams))
        connection.execute(sql("SET enable_seqscan = off"))
        for term in ("qx", "q", "zz"):
            stmt = select(HouseholdRow.id).where(_short_term(term))
            compiled = stmt.compile(connection)  # as the app sends it: the term a bound parameter
            plan = "\n".join(row[0] for row in connection.exec_driver_sql(f"EXPLAIN {compiled}", compiled.params))
            assert "ix_household_search_grams" in plan, plan
            assert len(connection.execute(stmt).all()) == (0 if term == "zz" else 1)


@pytest.mark.postgres
def test_a_filtered_page_on_postgresql_is_what_the_rows_say(
    tmp_path: Path, postgres_url: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """sample.db's households copied into PostgreSQL: the counted page (few matches) and the walk along the
    sort column's index (more than the count cap), a short term through the letter-pair index or the scan,
    give what a plain filter and sort gives."""
    from sqlalchemy import text as sql

    import storage.households
    from benchmarks.actor import OWNER
    from benchmarks.backends import migrate_postgres
    from benchmarks.data import copy_to_postgres, fresh_schema, schema_url
    from storage.bootstrap import SAMPLE_DB, open_database
    from storage.settings import Settings

    monkeypatch.setattr(storage.households, "COUNT_CAP", 12)
    with fresh_schema(postgres_url, prefix="filter") as schema:
        migrate_postgres(postgres_url, schema, tmp_path)
        copy_to_postgres(SAMPLE_DB, postgres_url, schema)
        db = open_database(Settings(database_url=schema_url(postgres_url, schema),
                                    audit_key_file=tmp_path / "audit.key", local_drafts=False))
        try:
            db.logged_in = OWNER
            check_filtered_pages(db)  # a short term through the letter-pair index when rare, else the scan
            with db.engine.connect() as connection:  # sample.db has fewer households than the sample
                texts = [row[0] for row in connection.execute(sql("SELECT search_text FROM household"))]
            terms = ["zz", "e", "ij", "am", "q", "jansen"]
            rare = {t for t in terms[:-1]
                    if sum(t in each for each in texts) / len(texts) < storage.households.COMMON_SHORT_SHARE}
            assert "zz" in rare and "e" not in rare
            with db.uow() as uow:
                assert uow.households._rare_short_terms(terms) == rare
            monkeypatch.setattr(storage.households, "COMMON_SHORT_SHARE", 2.0)  # every short term: the index
            check_filtered_pages(db)
        finally:
            db.close()
