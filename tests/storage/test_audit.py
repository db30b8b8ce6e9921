"""The audit trail: every view and change recorded in the same transaction, tamper-evident."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from domain.audit import AuditKind
from domain.errors import StaleVersion
from domain.services import households as service
from domain.services.audit import case_history, verify_audit
from domain.services.households import parse_draft
from storage.bootstrap import Database
from tui.cli.main import app


def make_case(db: Database) -> str:
    h = service.create_household(
        parse_draft({"name": "Huishouden Visser", "municipality_code": "GM0344",
         "members": [{"name": "Jan Visser", "date_of_birth": "1970-01-01", "bsn": "999993653"}]}),
        db.uow(), db.actor,
    )
    assert h.case_number
    return h.case_number


def test_views_and_changes_are_recorded_with_old_and_new(db: Database) -> None:
    number = make_case(db)
    h = service.get_household(number, db.uow(), db.actor, purpose="huisbezoek voorbereiden")
    data = h.model_dump(include={"name", "municipality_code", "members"})
    data["name"] = "Huishouden Visser-de Boer"
    data["members"][0]["bsn"] = "999990408"
    service.update_household(number, parse_draft(data), h.version, db.uow(), db.actor)
    records = case_history(number, db.uow(), db.actor)
    assert [r.event.kind for r in records] == [AuditKind.CREATE, AuditKind.READ, AuditKind.UPDATE]
    assert records[1].event.purpose == "huisbezoek voorbereiden"
    changes = records[2].event.changes
    assert changes["name"] == ("Huishouden Visser", "Huishouden Visser-de Boer")
    assert changes["members.0.bsn"] == ("******653", "******408")  # never a whole BSN in the log
    assert all(r.event.username == db.actor.username for r in records)
    assert verify_audit(db.uow(), db.actor) == []


def test_a_refused_save_leaves_no_audit_record(db: Database) -> None:
    number = make_case(db)
    with pytest.raises(StaleVersion):
        service.update_household(number,
            parse_draft({"name": "X", "municipality_code": "GM0344"}), 99, db.uow(), db.actor)
    assert [r.event.kind for r in case_history(number, db.uow(), db.actor)] == [AuditKind.CREATE]


def test_the_log_refuses_update_and_delete(db: Database) -> None:
    make_case(db)
    with db.engine.connect() as connection, pytest.raises(Exception, match="append-only"):
        connection.execute(text("update audit_log set purpose = 'x'"))
    with db.engine.connect() as connection, pytest.raises(Exception, match="append-only"):
        connection.execute(text("delete from audit_log"))


def _tamper(db: Database, statement: str) -> None:
    trigger_off = (
        ["DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete"]
        if db.engine.dialect.name == "sqlite"
        else ["ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"]
    )
    with db.engine.begin() as connection:
        for sql in trigger_off:
            connection.execute(text(sql))
        connection.execute(text(statement))


def test_an_edited_record_is_detected(db: Database) -> None:
    number = make_case(db)
    service.get_household(number, db.uow(), db.actor)
    _tamper(db, "update audit_log set username = 'iemand_anders' where seq = 1")
    problems = verify_audit(db.uow(), db.actor)
    assert problems and "Record 1" in problems[0] and "gewijzigd" in problems[0]


def test_a_deleted_record_is_detected(db: Database) -> None:
    number = make_case(db)
    service.get_household(number, db.uow(), db.actor)
    service.get_household(number, db.uow(), db.actor)
    _tamper(db, "delete from audit_log where seq = 2")
    assert any("ontbreekt" in p for p in verify_audit(db.uow(), db.actor))


def test_a_truncated_log_is_detected(db: Database) -> None:
    number = make_case(db)
    service.get_household(number, db.uow(), db.actor)
    _tamper(db, "delete from audit_log where seq = 2")
    assert any("ingekort" in p for p in verify_audit(db.uow(), db.actor))


def test_cli_audit_verify_and_show(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    runner = CliRunner()
    from storage.bootstrap import open_database
    from storage.settings import Settings

    db = open_database(Settings(database_url=url))
    number = make_case(db)
    db.close()
    shown = runner.invoke(app, ["--database", url, "audit", "show", number])
    assert shown.exit_code == 0 and "aangemaakt" in shown.stdout and "999993653" not in shown.stdout
    assert runner.invoke(app, ["--database", url, "audit", "verify"]).exit_code == 0
    with sqlite3.connect(tmp_path / "a.db") as connection:
        connection.execute("drop trigger audit_log_no_update")
        connection.execute("update audit_log set kind = 'read'")
    result = runner.invoke(app, ["--database", url, "audit", "verify"])
    assert result.exit_code == 1 and "gewijzigd" in result.stderr


def test_changes_removed_or_edited_without_a_purge_are_detected(db: Database) -> None:
    number = make_case(db)
    h = service.get_household(number, db.uow(), db.actor)
    service.update_household(number, parse_draft({"name": "Nieuw", "municipality_code": "GM0344"}), h.version,
                             db.uow(), db.actor)
    with db.engine.begin() as connection:
        connection.execute(text("delete from audit_change where seq = 1"))
    assert any("wijzigingen ontbreken" in p for p in verify_audit(db.uow(), db.actor))
    trigger = "DROP TRIGGER audit_change_no_update" if db.engine.dialect.name == "sqlite" else \
        "ALTER TABLE audit_change DISABLE TRIGGER audit_change_no_update"
    with db.engine.begin() as connection:
        connection.execute(text(trigger))
        connection.execute(text("update audit_change set changes = '{\"name\": [\"a\", \"b\"]}'"))
    assert any("aangepast" in p for p in verify_audit(db.uow(), db.actor))
