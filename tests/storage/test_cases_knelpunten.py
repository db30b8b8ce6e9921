"""The knelpunten register and its report through the services on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from domain.access import AccessDenied
from domain.actors import Actor, Role
from domain.errors import InvalidInput, StaleVersion
from domain.knelpunt import KnelpuntCategory, KnelpuntQuery, KnelpuntStatus
from domain.services import knelpunten as service
from domain.services.knelpunten import KnelpuntDraft
from storage.bootstrap import Database


def add(db: Database, title: str, category: str, law: str, org: str, on: str, **extra: str) -> int:
    k = service.add_knelpunt(
        KnelpuntDraft.model_validate({
            "title": title,
            "category": category,
            "law": law,
            "organisation": org,
            "unintended_effect": f"Effect van {title}",
            "signalled_on": on,
            **extra,
        }),
        db.uow(),
        db.actor,
    )
    assert k.id is not None
    return k.id


def again(db: Database, knelpunt_id: int, on: str) -> None:
    version = service.get_knelpunt(knelpunt_id, db.uow(), db.actor).version
    service.record_occurrence(knelpunt_id, version, db.uow(), db.actor, on=date.fromisoformat(on))


def test_report_from_the_database_matches_hand_counts(db: Database) -> None:
    k1 = add(db, "Jeugdwet stopt op 18", "wet", "Jeugdwet", "Gemeente", "2026-01-05")
    again(db, k1, "2026-01-20")
    again(db, k1, "2026-03-02")
    k2 = add(db, "Schotten Wmo en Wlz", "financiering_schotten", "Wmo 2015", "Zorgkantoor", "2026-02-10")
    again(db, k2, "2026-03-15")
    k3 = add(db, "Koppeling UWV-systemen", "ict", "", "UWV", "2025-12-20")
    again(db, k3, "2026-03-01")
    add(db, "Gegevens delen", "privacy", "AVG", "", "2026-05-01")

    report = service.knelpunten_report(db.uow(), db.actor, start=date(2026, 1, 1), end=date(2026, 3, 31))
    assert (report.meldingen, report.knelpunten) == (6, 3)
    assert [(r.key, r.meldingen) for r in report.by_category] == [("wet", 3), ("financiering_schotten", 2), ("ict", 1)]
    assert [(r.key, r.meldingen) for r in report.by_law] == [
        ("Jeugdwet", 3),
        ("Wmo 2015", 2),
        ("(geen wet genoemd)", 1),
    ]
    assert [(m.month, m.meldingen, m.nieuw) for m in report.by_month] == [
        ("2026-01", 2, 1),
        ("2026-02", 1, 1),
        ("2026-03", 3, 0),  # KP-3 was first seen in December 2025
    ]
    assert [r.knelpunt_id for r in report.recurring] == [k1, k2, k3]
    with pytest.raises(InvalidInput, match="einddatum"):
        service.knelpunten_report(db.uow(), db.actor, start=date(2026, 3, 1), end=date(2026, 1, 1))


def test_register_lists_most_recurring_first_and_filters(db: Database) -> None:
    once = add(db, "Beslagvrije voet", "uitvoering", "Participatiewet", "Gemeente", "2026-01-05")
    twice = add(db, "Toeslagen terugvordering", "beleidsregel", "Awir", "Dienst Toeslagen", "2026-02-01")
    again(db, twice, "2026-02-15")
    page = service.list_knelpunten(KnelpuntQuery(), db.uow(), db.actor)
    assert [r.id for r in page.rows] == [twice, once] and page.rows[0].recurrence == 2 and page.total == 2
    assert [r.id for r in service.list_knelpunten(KnelpuntQuery(text="TOESLÄGEN"), db.uow(), db.actor).rows] == [twice]
    query = KnelpuntQuery(category=KnelpuntCategory.UITVOERING)
    assert [r.id for r in service.list_knelpunten(query, db.uow(), db.actor).rows] == [once]
    assert service.list_knelpunten(KnelpuntQuery(text="100%_"), db.uow(), db.actor).total == 0


def test_status_changes_and_stale_versions(db: Database) -> None:
    kid = add(db, "Beslagvrije voet", "uitvoering", "Participatiewet", "Gemeente", "2026-01-05")
    k = service.get_knelpunt(kid, db.uow(), db.actor)
    agendered = service.change_knelpunt_status(
        kid, KnelpuntStatus.GEAGENDEERD, k.version, db.uow(), db.actor, on=date(2026, 2, 1)
    )
    with pytest.raises(StaleVersion):
        service.change_knelpunt_status(kid, KnelpuntStatus.OPGELOST, k.version, db.uow(), db.actor)
    done = service.change_knelpunt_status(
        kid, KnelpuntStatus.OPGELOST, agendered.version, db.uow(), db.actor, on=date(2026, 6, 1)
    )
    assert (done.status, done.agendered_on, done.resolved_on) == (
        KnelpuntStatus.OPGELOST,
        date(2026, 2, 1),
        date(2026, 6, 1),
    )
    updated = service.update_knelpunt(
        kid,
        KnelpuntDraft(title="Beslagvrije voet te laag", category=KnelpuntCategory.UITVOERING,
                      unintended_effect="Geen leefgeld"),
        done.version,
        db.uow(),
        db.actor,
    )
    assert updated.title == "Beslagvrije voet te laag" and updated.signalled_on == date(2026, 1, 5)


def test_register_refuses_personal_data_and_respects_roles(db: Database) -> None:
    with pytest.raises(InvalidInput) as info:
        service.add_knelpunt(
            KnelpuntDraft(title="Boete", category=KnelpuntCategory.UITVOERING,
                          unintended_effect="Zie BSN 999993653 en postcode 1093 BS"),
            db.uow(),
            db.actor,
        )
    assert "BSN" in info.value.problems[0].reason and "postcode" in info.value.problems[0].reason
    assert "999993653" not in info.value.message
    let = Actor(username="let1", display_name="LET-lid", role=Role.LET)
    kid = add(db, "Beslagvrije voet", "uitvoering", "Participatiewet", "Gemeente", "2026-01-05")
    assert service.get_knelpunt(kid, db.uow(), let).title == "Beslagvrije voet"
    assert service.knelpunten_report(db.uow(), let).knelpunten == 1
    with pytest.raises(AccessDenied):
        service.list_knelpunten(KnelpuntQuery(), db.uow(), Actor(username="b", display_name="B", role=Role.BEHEER))
