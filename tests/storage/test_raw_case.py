"""The raw SQLite reader of `case show --json` (storage/raw_case.py) against the ORM path it stands in for: the same
document byte for byte, the same audit rows (hashes included), and the ORM path for whatever it does not support."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from domain import case_document as case_document_module
from domain.case_document import document_from_household
from domain.legal import JuridischeParagraaf, LegalReasoning
from domain.services import households as household_services
from domain.services import plan_common
from domain.services.audit import verify_audit
from storage import raw_case
from storage.audit import load_or_create_key
from storage.bootstrap import SAMPLE_DB, open_services
from storage.raw_case import case_document, database_file, open_raw
from storage.seed import seed_file
from storage.settings import Settings
from storage.settings_sources import SETTINGS_FIELDS, config_file, plain_settings

EXPORTED_AT = datetime(2026, 6, 1, 8, 30, 15, 123456, tzinfo=UTC)


def stepping_clock() -> Callable[[], datetime]:
    """The same moments for both paths, so their audit records must hash alike."""
    moments = iter(datetime(2026, 5, 1, 12, 0, tzinfo=UTC) + timedelta(microseconds=1_234_567 * n)
                   for n in range(1, 1_000_000))
    return lambda: next(moments)


def twin_files(tmp_path: Path, source: Path) -> tuple[Path, Path, Path]:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    orm, raw = folder / "orm.db", folder / "raw.db"
    shutil.copyfile(source, orm)
    shutil.copyfile(source, raw)
    key = folder / "audit.key"
    load_or_create_key(key)
    return orm, raw, key


def edge_cases(path: Path) -> None:
    """Values the seed does not write but the models allow: a line without a source, a goal without a
    leefgebied, realised costs given only per payer (the model sums them), scores out of ZRM order."""
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE plan_cost_line SET has_source = 0 WHERE id = (SELECT min(id) FROM plan_cost_line)")
        connection.execute("UPDATE plan_goal SET leefgebied = '' WHERE id = (SELECT min(id) FROM plan_goal)")
        connection.execute(
            "UPDATE plan_evaluation SET realised_costs = NULL, "
            "realised_by_payer = '{\"uwv\": \"12.5\", \"huishouden\": \"100\"}' "
            "WHERE id = (SELECT min(id) FROM plan_evaluation)")
        connection.execute(
            "UPDATE plan_evaluation SET scores = '{\"werk_opleiding\": 2, \"financien\": 4}' "
            "WHERE id = (SELECT max(id) FROM plan_evaluation)")


def compare_paths(orm_path: Path, raw_path: Path, key: Path, numbers: list[str]) -> None:
    orm = open_services(Settings(database_url=f"sqlite:///{orm_path}", audit_key_file=key, local_drafts=False),
                       clock=stepping_clock())
    raw = open_raw(Settings(database_url=f"sqlite:///{raw_path}", audit_key_file=key), clock=stepping_clock())
    assert raw is not None
    try:
        for index, number in enumerate(numbers):
            purpose = "controle na een melding" if index % 5 == 0 else ""
            household, plans = orm.plans.export_case(number, purpose=purpose)
            expected = json.dumps(document_from_household(household, EXPORTED_AT, plans), ensure_ascii=False, indent=2)
            found = json.dumps(case_document(raw.export_case(number, purpose=purpose), EXPORTED_AT),
                               ensure_ascii=False, indent=2)
            assert found == expected, number
    finally:
        orm.close()
        raw.close()
    tables = ("audit_log", "audit_head", "audit_change")
    rows = {path: {table: sqlite3.connect(path).execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
                   for table in tables} for path in (orm_path, raw_path)}
    assert rows[raw_path] == rows[orm_path]
    assert len(rows[raw_path]["audit_log"]) >= len(numbers)
    checked = open_services(Settings(database_url=f"sqlite:///{raw_path}", audit_key_file=key, local_drafts=False))
    try:
        assert verify_audit(checked.db.uow(), checked.db.actor) == []
    finally:
        checked.close()


def case_numbers(path: Path) -> list[str]:
    return [row[0] for row in sqlite3.connect(path).execute("SELECT case_number FROM household ORDER BY id")]


def test_sample_db_every_case_same_document_and_audit_rows(tmp_path: Path) -> None:
    orm, raw, key = twin_files(tmp_path, SAMPLE_DB)
    numbers = case_numbers(raw)
    with sqlite3.connect(raw) as connection:
        with_plans = {row[0] for row in connection.execute(
            "SELECT DISTINCT h.case_number FROM household h JOIN maatwerkplan p ON p.household_id = h.id")}
    assert with_plans and set(numbers) - with_plans  # cases with plans and without
    compare_paths(orm, raw, key, numbers)


def test_seeded_cases_and_edge_values_same_document_and_audit_rows(tmp_path: Path) -> None:
    seeded = tmp_path / "seeded.db"
    seed_file(seeded, households=150, seed=7)
    edge_cases(seeded)
    orm, raw, key = twin_files(tmp_path, seeded)
    compare_paths(orm, raw, key, case_numbers(raw))


def test_field_orders_and_names_are_the_domains() -> None:
    assert tuple(LegalReasoning.model_fields) == raw_case.REASONING_FIELDS
    assert tuple(JuridischeParagraaf.model_fields) == raw_case.PARAGRAPH_FIELDS
    assert raw_case.HOUSEHOLD_OBJECT == household_services.OBJECT_TYPE
    assert raw_case.PLAN_OBJECT == plan_common.PLAN_OBJECT
    assert (raw_case.FORMAT, raw_case.FORMAT_VERSION) == (case_document_module.FORMAT,
                                                          case_document_module.FORMAT_VERSION)


@pytest.mark.parametrize("url", [
    "postgresql+psycopg://postgres@127.0.0.1:5432/test",
    "sqlite+pysqlcipher://:x@/{path}",
    "sqlite:///file:{path}?mode=ro&uri=true",
    "sqlite:///{path}?timeout=3",
    "sqlite://",
    "sqlite:///:memory:",
    "sqlite:///{missing}",
])
def test_what_the_raw_reader_leaves_to_the_orm_path(tmp_path: Path, url: str) -> None:
    path = tmp_path / "x.db"
    shutil.copyfile(SAMPLE_DB, path)
    settings = Settings(database_url=url.format(path=path, missing=tmp_path / "new.db"))
    assert database_file(settings) is None
    assert open_raw(settings) is None


def test_an_outdated_or_foreign_schema_or_accounts_go_to_the_orm_path(tmp_path: Path) -> None:
    key = tmp_path / "audit.key"
    for change in ("UPDATE alembic_version SET version_num = '0016_old'", "DROP TABLE alembic_version",
                   "INSERT INTO app_user (username, display_name, role, team, password_hash, active, failed_logins, "
                   "version) VALUES ('jan', 'Jan', 'professional', '', 'x', 1, 0, 1)"):
        path = tmp_path / "x.db"
        shutil.copyfile(SAMPLE_DB, path)
        with sqlite3.connect(path) as connection:
            connection.execute(change)
        settings = Settings(database_url=f"sqlite:///{path}", audit_key_file=key)
        assert database_file(settings) == path
        assert open_raw(settings) is None, change
    not_a_database = tmp_path / "notes.db"
    not_a_database.write_bytes(b"no database here" * 100)
    assert open_raw(Settings(database_url=f"sqlite:///{not_a_database}", audit_key_file=key)) is None


def test_plain_settings_are_what_settings_would_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert tuple(Settings.model_fields) == SETTINGS_FIELDS
    config = config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    cases: list[tuple[str, dict[str, str], str | None]] = [
        ("", {}, None),
        ("", {}, "sqlite:////tmp/x.db"),
        ('user = "toml-user"\ndisplay_name = "Uit Toml"\naudit_key_file = "~/k.key"\n', {}, None),
        ('user = "toml-user"\n', {"DOORBRAAK_USER": "env-user", "doorbraak_display_name": "Env"}, "sqlite:///a.db"),
        ('database_url = "sqlite:///toml.db"\n', {"DOORBRAAK_DATABASE_URL": "sqlite:///env.db"}, None),
        ('auth = "postgres"\nunknown_key = 3\n', {}, "postgresql://x@y/z"),
    ]
    for toml, environment, given in cases:
        config.write_text(toml, encoding="utf-8")
        for name in [key for key in os.environ if key.upper().startswith("DOORBRAAK_")]:
            monkeypatch.delenv(name)
        for name, value in environment.items():
            monkeypatch.setenv(name, value)
        plain = plain_settings(given)
        full = Settings(database_url=given) if given else Settings()
        assert plain is not None, toml
        assert (plain.database_url, plain.audit_key_file, plain.auth, plain.user, plain.display_name) == (
            full.database_url, full.audit_key_file, full.auth, full.user, full.display_name)
    # Anything else given: the full Settings reads (and validates) it, on the ORM path.
    for toml, environment in [('theme = "doorbraak-licht"\n', {}), ("[retention.default]\nwmo_years = 9\n", {}),
                              ("user = 3\n", {}), ('auth = "ldap"\n', {}), ("not toml = = \n", {}),
                              ("", {"DOORBRAAK_IDLE_LOCK_MINUTES": "5"})]:
        config.write_text(toml, encoding="utf-8")
        for name, value in environment.items():
            monkeypatch.setenv(name, value)
        assert plain_settings(None) is None, toml
        for name in environment:
            monkeypatch.delenv(name)
