"""The interdepartementaal loket on SQLite and PostgreSQL: a knelpunt handed to a ministry, followed up, audited,
and grouped by ministry in the report with the open questions and their age."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from domain.access import AccessDenied
from domain.actors import Actor, Role
from domain.audit import AuditKind, AuditQuery
from domain.errors import IllegalTransition, InvalidInput, NotFound, StaleVersion
from domain.loket import LoketStatus
from domain.services import knelpunten as knelpunt_service
from domain.services import loket as service
from domain.services.audit import audit_log
from domain.services.loket import AskLoket, ChangeLoketStatus
from storage.bootstrap import Database, open_database
from storage.engine import make_engine
from storage.migrate import ALLOW_DOWNGRADE_FOR_TESTS, alembic_config, current_revisions, head_revisions
from storage.settings import Settings
from tests.builders import TickingClock

BEHEER = Actor(username="beheer", display_name="Bea", role=Role.BEHEER)


def add(db: Database, title: str, category: str, law: str, org: str, on: str) -> int:
    draft = knelpunt_service.KnelpuntDraft.model_validate({
        "title": title, "category": category, "law": law, "organisation": org,
        "unintended_effect": f"Effect van {title}", "signalled_on": on,
    })
    k = knelpunt_service.add_knelpunt(draft, db.uow(), db.actor)
    assert k.id is not None
    return k.id


def ask(db: Database, knelpunt_id: int, ministry: str, on: str, question: str = "Mag dit?") -> int:
    vraag = service.ask_loket(AskLoket(knelpunt_id, ministry, question, date.fromisoformat(on)), db.uow(), db.actor)
    assert vraag.id is not None
    return vraag.id


def step(db: Database, vraag_id: int, status: LoketStatus, on: str, answer: str = "") -> None:
    version = service.get_loket_vraag(vraag_id, db.uow(), db.actor).version
    service.change_loket_status(
        ChangeLoketStatus(vraag_id, status, version, date.fromisoformat(on), answer=answer), db.uow(), db.actor
    )


def test_a_question_goes_through_the_workflow_with_its_answer_and_audit(db: Database) -> None:
    k = add(db, "Kinderbijslag stopt bij uithuisplaatsing", "wet", "AKW", "SVB", "2026-03-01")
    vraag_id = ask(db, k, "szw", "2026-03-02", "Kan de kinderbijslag doorlopen tijdens de crisisopvang?")
    vraag = service.get_loket_vraag(vraag_id, db.uow(), db.actor)
    assert (vraag.ministry, vraag.ministry_name, vraag.status) == (
        "SZW", "Ministerie van Sociale Zaken en Werkgelegenheid", LoketStatus.GESTELD)
    step(db, vraag_id, LoketStatus.IN_BEHANDELING, "2026-03-10")
    with pytest.raises(InvalidInput, match="antwoord"):
        step(db, vraag_id, LoketStatus.BEANTWOORD, "2026-04-01")  # an answer is needed
    step(db, vraag_id, LoketStatus.BEANTWOORD, "2026-04-01", answer="Ja, via de beleidsregel van de SVB.")
    with pytest.raises(IllegalTransition, match="Een loketvraag met status 'Beantwoord' kan niet naar 'Gesteld'"):
        step(db, vraag_id, LoketStatus.GESTELD, "2026-04-02")
    with pytest.raises(InvalidInput, match="vóór de vorige stap"):
        step(db, vraag_id, LoketStatus.OPGELOST, "2026-03-31")
    step(db, vraag_id, LoketStatus.OPGELOST, "2026-04-15")
    done = service.get_loket_vraag(vraag_id, db.uow(), db.actor)
    assert done.status is LoketStatus.OPGELOST and done.status.is_final
    assert (done.answer, done.answered_on) == ("Ja, via de beleidsregel van de SVB.", date(2026, 4, 1))
    assert [(s.status, s.on, s.username) for s in done.steps] == [
        ("gesteld", date(2026, 3, 2), db.actor.username),
        ("in_behandeling", date(2026, 3, 10), db.actor.username),
        ("beantwoord", date(2026, 4, 1), db.actor.username),
        ("opgelost", date(2026, 4, 15), db.actor.username),
    ]
    with pytest.raises(StaleVersion):
        service.change_loket_status(ChangeLoketStatus(vraag_id, LoketStatus.NIET_OPLOSBAAR, vraag.version),
                                    db.uow(), db.actor)
    records = [r.event for r in audit_log(AuditQuery(text=f"LV-{vraag_id}"), db.uow(), BEHEER).records]
    assert [(e.kind, e.object_type) for e in records] == [(AuditKind.UPDATE, "loketvraag")] * 3 + [
        (AuditKind.CREATE, "loketvraag")]


def test_refusals_write_nothing(db: Database) -> None:
    k = add(db, "Schotten Wmo en Wlz", "financiering_schotten", "Wmo 2015", "Zorgkantoor", "2026-02-10")
    with pytest.raises(InvalidInput, match="Onbekend ministerie 'Defensie'; kies uit BZK, SZW"):
        ask(db, k, "Defensie", "2026-02-11")
    with pytest.raises(InvalidInput, match="persoonsgegevens"):
        ask(db, k, "VWS", "2026-02-11", "Geldt dit ook voor BSN 999993653?")
    with pytest.raises(InvalidInput, match="vóór het knelpunt gesignaleerd"):
        ask(db, k, "VWS", "2026-02-01")
    with pytest.raises(NotFound):
        ask(db, 9999, "VWS", "2026-02-11")
    guest = Actor(username="beheer", display_name="Bea", role=Role.BEHEER)
    with pytest.raises(AccessDenied):
        service.ask_loket(AskLoket(k, "VWS", "Mag dit?"), db.uow(), guest)
    assert service.loket_questions(k, db.uow(), db.actor) == []


def test_the_report_groups_by_ministry_with_open_questions_and_their_age(db: Database) -> None:
    k1 = add(db, "Toeslag teruggevorderd na verhuizing", "uitvoering", "Awir", "Dienst Toeslagen", "2026-01-05")
    k2 = add(db, "Jeugdwet stopt op 18", "wet", "Jeugdwet", "Gemeente", "2026-01-06")
    old = ask(db, k1, "FIN-TS", "2026-01-10")
    newer = ask(db, k1, "fin-ts", "2026-05-01")
    answered = ask(db, k1, "FIN-TS", "2026-02-01")
    step(db, answered, LoketStatus.BEANTWOORD, "2026-02-20", answer="Nee.")
    vws = ask(db, k2, "VWS", "2026-03-01")
    step(db, vws, LoketStatus.IN_BEHANDELING, "2026-03-05")
    closed = ask(db, k2, "OCW", "2026-03-01")
    step(db, closed, LoketStatus.NIET_OPLOSBAAR, "2026-03-09")

    report = service.loket_report(db.uow(), db.actor, today=date(2026, 6, 1))
    assert (report.total, report.open) == (5, 3)
    assert [(m.code, m.total, m.open, m.oldest_days) for m in report.ministries] == [
        ("FIN-TS", 3, 2, 142),  # 10 January → 1 June
        ("VWS", 1, 1, 92),
        ("OCW", 1, 0, None),
    ]
    toeslagen = report.ministries[0]
    assert toeslagen.name == "Ministerie van Financiën – Dienst Toeslagen"
    assert [(q.reference, q.knelpunt_reference, q.age_days) for q in toeslagen.open_questions] == [
        (f"LV-{old}", f"KP-{k1}", 142), (f"LV-{newer}", f"KP-{k1}", 31)]
    assert toeslagen.open_questions[0].knelpunt_title == "Toeslag teruggevorderd na verhuizing"
    assert toeslagen.by_status == {LoketStatus.GESTELD: 2, LoketStatus.BEANTWOORD: 1}
    assert report.as_dict()["ministries"][1]["open_questions"][0]["status"] == "in_behandeling"  # type: ignore[index]


def test_upgrade_to_0014_keeps_the_knelpunten_and_adds_the_loket(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'before-0014.db'}"
    db = open_database(Settings(database_url=url), clock=TickingClock())
    k = add(db, "Briefadres geweigerd", "uitvoering", "Wet BRP", "Gemeente", "2026-01-05")
    db.close()
    engine = make_engine(url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        config.attributes[ALLOW_DOWNGRADE_FOR_TESTS] = True  # doorbraak itself refuses downgrades
        command.downgrade(config, "0013_people")
    with engine.connect() as connection:
        tables = {row[0] for row in connection.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
        assert "loket_vraag" not in tables and "knelpunt" in tables
    engine.dispose()

    db = open_database(Settings(database_url=url), clock=TickingClock())
    assert current_revisions(db.engine) == head_revisions()
    vraag_id = ask(db, k, "BZK", "2026-01-06", "Wanneer moet een briefadres worden gegeven?")
    assert service.get_loket_vraag(vraag_id, db.uow(), db.actor).ministry == "BZK"
    db.close()
