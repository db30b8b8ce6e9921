"""The TUI's raw first page (storage/raw_start.py) against the services' first page of the case list: the same rows
in the same order, the same total, on sample.db and on a seeded file with more than a page of households."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from domain.caselist import CaseListQuery, CaseSort
from storage.audit import load_or_create_key
from storage.bootstrap import SAMPLE_DB, open_services
from storage.raw_start import open_start
from storage.seed import seed_file
from storage.settings import Settings

PAGE = 100  # tui/screens/case_list.py, PAGE_SIZE


def _copy(tmp_path: Path, source: Path) -> tuple[Path, Path]:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    path = folder / "cases.db"
    shutil.copyfile(source, path)
    key = folder / "audit.key"
    load_or_create_key(key)
    return path, key


def _compare(path: Path, key: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{path}", audit_key_file=key, local_drafts=False)
    start = open_start(settings, PAGE)
    assert start is not None
    services = open_services(settings)
    try:
        # What the case list asks at start (CaseListScreen.current_query with its defaults).
        expected = services.households.list(CaseListQuery(text="", status=None, sort=CaseSort.UPDATED_AT,
                                                          descending=True, offset=0, limit=PAGE))
        assert start.first_page == expected
        assert start.demo == services.demo
        assert start.actor.role == services.actor.role and start.actor.username == services.actor.username
        assert start.actor.municipality_codes == services.actor.municipality_codes
    finally:
        services.close()


def test_sample_db_first_page_is_the_services(tmp_path: Path) -> None:
    path, key = _copy(tmp_path, SAMPLE_DB)
    _compare(path, key)


def test_seeded_file_with_ties_and_accents(tmp_path: Path) -> None:
    seeded = tmp_path / "seeded.db"
    seed_file(seeded, households=150, seed=11)
    path, key = _copy(tmp_path, seeded)
    with sqlite3.connect(path) as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM household ORDER BY id")]
        # The same moment for many households (the id decides), names with accents and in lower case.
        moment = connection.execute("SELECT max(updated_at) FROM household").fetchone()[0]
        connection.executemany("UPDATE household SET updated_at = ? WHERE id = ?", [(moment, i) for i in ids[::3]])
        for name, household_id in [("Özdemir", ids[1]), ("de Vries", ids[4]), ("Émile Ödegaard", ids[7]),
                                   ("ÿilmaz [oud]", ids[10])]:
            connection.execute("UPDATE household SET name = ?, sort_name = lower(?) WHERE id = ?",
                               (name, name, household_id))
    _compare(path, key)
    start = open_start(Settings(database_url=f"sqlite:///{path}", audit_key_file=tmp_path / "data" / "audit.key"),
                       PAGE)
    assert start is not None and start.first_page is not None
    assert len(start.first_page.rows) == PAGE and start.first_page.has_more


def test_a_database_with_accounts_takes_the_services_path(tmp_path: Path) -> None:
    from domain.actors import Role

    path, key = _copy(tmp_path, SAMPLE_DB)
    services = open_services(Settings(database_url=f"sqlite:///{path}", audit_key_file=key, local_drafts=False))
    try:
        services.users.create(username="beheer", display_name="Beheerder", role=Role.BEHEER,
                              password="een-lang-wachtwoord-123")
    finally:
        services.close()
    assert open_start(Settings(database_url=f"sqlite:///{path}", audit_key_file=key), PAGE) is None


def test_postgresql_starts_at_its_login_without_opening_anything() -> None:
    from sqlalchemy.engine import make_url

    from storage.engine import sqlite_path
    from storage.raw_start import login_start, without_password
    from storage.settings_sources import PlainSettings

    url = "postgresql+psycopg://anna:ge%40heim@db.gemeente.example:5432/doorbraak"
    start = login_start(PlainSettings(database_url=url, audit_key_file=Path("audit.key"), auth="postgres"))
    assert start is not None and start.requires_login and start.uses_database_logins and start.first_page is None
    assert start.actor.municipality_codes == frozenset() and not start.demo  # no permission before a login
    assert start.description == make_url(url).render_as_string(hide_password=True)
    assert "heim" not in start.description
    for plain in ("postgresql+psycopg://postgres@127.0.0.1:5432/test", "postgresql+psycopg://a:b@h/d",
                  "postgresql+psycopg://u:p:q@h:1/d"):
        assert without_password(plain) == make_url(plain).render_as_string(hide_password=True), plain
    for other in ("sqlite:///x.db", "postgresql://a@h/d", "sqlite+pysqlcipher://:k@/x.db"):
        assert login_start(PlainSettings(database_url=other, audit_key_file=Path("audit.key"))) is None, other
    assert sqlite_path(url) is None  # a database name is no file (a start warned about the folder '.')
    assert sqlite_path("sqlite:///data/x.db") == Path("data/x.db")
