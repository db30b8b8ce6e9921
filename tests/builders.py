"""Test data in one place (fictional data only): deterministic clocks, the acting user, and drafts of households,
overbruggingen, escalations and plans, built through the domain services where they touch a database.

The scenario databases of the Pilot tests (tests/tui/data*.py) and the dashboard's hand-computed municipality
(tests/storage/dashboard_data.py) build on these; their own variants stay there because their exact text is
part of the SVG snapshots.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from domain.actors import Actor, Role
from domain.escalation import EscalationStatus
from domain.household import Household, HouseholdStatus
from domain.ports import UnitOfWork
from domain.services import escalation as escalation_service
from domain.services import households
from domain.services.escalation import EscalationDraft
from domain.services.households import parse_draft
from storage.bootstrap import Database, open_database
from storage.settings import Settings

# --- clocks and actors -----------------------------------------------------------------------------------------


class TickingClock:
    """A deterministic clock: starts at a fixed moment and moves one second per call."""

    def __init__(self, start: datetime = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


class SettableClock(TickingClock):
    """A ticking clock the test moves to a given day (so audit times are known)."""

    def set(self, day: date) -> None:
        self.now = datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC)


# Tests act with every permission (as the single-user owner does) unless they test access itself.
TEST_ACTOR = Actor(username="test", display_name="Test Eigenaar", role=Role.EIGENAAR)

# --- households, overbruggingen, escalations ----------------------------------------------------------------------

TODAY = date(2026, 11, 1)


def household_draft(name: str = "Huishouden Özdemir", **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": name,
        "municipality_code": "GM0363",
        "address": {"street": "Dapperstraat", "house_number": "12-2", "postcode": "1093 BS", "city": "Amsterdam"},
        "professional": "Fatima Bouzid",
        "team": "Wijkteam Oost",
        "members": [
            {"name": "Ayşe Özdemir", "date_of_birth": "1984-02-29", "role": "hoofdbewoner", "bsn": "999993653"},
            {"name": "Emre Özdemir", "date_of_birth": "2009-02-14", "role": "kind"},
        ],
        "problems": [
            {"leefgebied": "financien", "score": 1, "description": "Huurachterstand en CJIB-boetes"},
            {"leefgebied": "huisvesting", "score": 2, "description": "Dreigende huisuitzetting"},
            {"leefgebied": "sociaal_netwerk", "score": 4},
        ],
        "organisations": [
            {"name": "Jeugdhulp Oost", "type": "jeugdhulpaanbieder", "legal_framework": "Jeugdwet"},
            {"name": "CJIB", "type": "landelijke_uitvoeringsorganisatie", "legal_framework": "Strafrecht"},
        ],
    }
    data.update(extra)
    return data


def make_household(db: Database, actor: Actor | None = None, **extra: Any) -> str:
    h = households.create_household(parse_draft(household_draft(**extra)), db.uow(), actor or db.actor, today=TODAY)
    assert h.case_number is not None
    return h.case_number


def stored_case(url: str, draft: dict[str, Any] | None = None) -> str:
    """A household (default: `household_draft()`) stored in the database at `url`, opened and closed here; its
    case number. For tests that then drive the CLI on that database."""
    db = open_database(Settings(database_url=url))
    try:
        h = households.create_household(parse_draft(draft or household_draft()), db.uow(), db.actor)
    finally:
        db.close()
    assert h.case_number is not None
    return h.case_number


def overbrugging_draft(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "support_needed": "Begeleid wonen voor Emre na zijn 18e",
        "urgency_reason": "Zonder begeleiding dreigt dakloosheid",
        "transition": "18-/18+",
        "laws_in_dispute": ["Jeugdwet", "Wmo 2015"],
        "organisations_in_dispute": ["Gemeente Amsterdam", "Zorgkantoor Amstelland"],
        "voorfinancier": "Gemeente Amsterdam",
        "cap": "5000.00",
        "expected_cost": "4200.00",
        "start_date": "2026-09-01",
        "max_duration_months": 6,
        "settlement_deadline": "2026-12-01",
    }
    data.update(extra)
    return data


def escalation_draft(**extra: Any) -> EscalationDraft:
    data: dict[str, Any] = {
        "level": "lmm_let",
        "urgent": True,
        "urgency_note": "Ontruiming gepland over drie weken",
        "complex": True,
        "complexity_note": "Vijf organisaties en drie wetten",
        "domains": ["financien", "huisvesting"],
        "organisations": ["CJIB", "Jeugdhulp Oost"],
        "routes_tried": [
            {"level": "lokaal", "tried_on": "2026-07-01", "description": "Doorbraakteam", "outcome": "Geen mandaat"},
            {"level": "regionaal", "tried_on": "2026-08-01", "description": "Regionaal escalatieoverleg"},
        ],
        "blockage": "De boete loopt op terwijl de uitkering is stopgezet",
        "requested_solution": "CJIB-noodstop en herstel van de uitkering",
        "consent": {
            "given": True,
            "given_on": "2026-08-15",
            "scope": "Delen met LMM en LET",
            "recipients": ["LMM", "LET"],
            "expires_on": "2027-08-15",
        },
    }
    data.update(extra)
    return EscalationDraft.model_validate(data)

def closed_case(db: Database, name: str, framework: str, closed_on: date, municipality: str = "GM0363") -> str:
    """A household closed on `closed_on` whose one organisation works under `framework` (retention tests)."""
    h = households.create_household(
        parse_draft({
            "name": name,
            "municipality_code": municipality,
            "members": [{"name": f"{name} Lid", "date_of_birth": "1980-05-05", "bsn": "999993653"}],
            "organisations": [{"name": "Org", "legal_framework": framework}],
        }),
        db.uow(), db.actor,
    )
    assert h.case_number
    for status in (HouseholdStatus.IN_BEHANDELING, HouseholdStatus.AFGESLOTEN):
        with db.uow() as uow:
            current = uow.households.get(h.case_number)
            current.change_status(status, today=closed_on)
            uow.households.save(current)
            uow.commit()
    return h.case_number


def submitted(db: Database, case: str, on: date = date(2026, 9, 2), **extra: object) -> int:
    """Start an escalation (escalation_draft with `extra`) and submit it on `on`; returns its id."""
    e = escalation_service.start_escalation(case, escalation_draft(**extra), db.uow(), db.actor, today=on)
    assert e.id is not None
    escalation_service.change_escalation_status(e.id, EscalationStatus.INGEDIEND, e.version, db.uow(), db.actor,
                                                on=on)
    return e.id


# --- maatwerkplan ---------------------------------------------------------------------------------------------

HOUSEHOLD: dict[str, Any] = {
    "name": "Huishouden Jansen-Çelik",
    "municipality_code": "GM0344",
    "address": {"street": "Kanaalstraat", "house_number": "12", "postcode": "3531 CJ", "city": "Utrecht"},
    "professional": "Lokale gebruiker",
    "members": [
        {"name": "Eline Jansen", "date_of_birth": "1988-06-01", "role": "hoofdbewoner", "bsn": "999993653"},
        {"name": "Noë Çelik", "date_of_birth": "2012-02-10", "role": "kind"},
    ],
    "problems": [
        {"leefgebied": "financien", "score": 1, "description": "Huurschuld € 3.400 en CJIB-boetes"},
        {"leefgebied": "huisvesting", "score": 2, "description": "Dreigende huisuitzetting"},
    ],
    "organisations": [
        {"name": "Gemeente Utrecht", "type": "gemeente", "legal_framework": "Participatiewet"},
        {"name": "Mitros", "type": "woningcorporatie", "legal_framework": "Huurrecht (BW)"},
        {"name": "CJIB", "type": "landelijke_uitvoeringsorganisatie", "legal_framework": "Strafrecht"},
    ],
}


def complete_content(problem_id: int | None, *, leefgebied: str | None = None) -> dict[str, Any]:
    """A plan content that nothing blocks from being decided."""
    return {
        "in_kaart": {"samenvatting": "Twaalf hulpverleners; huurschuld blokkeert alles.", "datum": "2026-10-01"},
        "perspectief": "Over een jaar wonen we hier nog, zonder deurwaarder, en gaat Noë naar de brugklas.",
        "sta_in_de_weg": {
            "problem_id": problem_id,
            "leefgebied": leefgebied,
            "toelichting": "Zonder woning lukt niets.",
        },
        "doorbraak": "De gemeente lost de huurschuld in één keer af; Mitros ziet af van ontruiming.",
        "goals": [
            {"text": "Geen huurachterstand meer", "leefgebied": "financien", "target_score": 3},
            {"text": "Woning behouden", "leefgebied": "huisvesting", "target_score": 4},
        ],
        "actions": [
            {
                "what": "Huurschuld aflossen (bijzondere bijstand, afwijkend van de beleidsregel)",
                "owner_organisation": "Gemeente Utrecht",
                "contact": "Team maatwerk, 030-0000000",
                "deadline": "2026-12-15",
                "goal_id": "d1",
                "cost_line_id": "k3",
                "deviating": True,
                "legal_basis_ids": ["awb_4_84", "pw_18_lid_1"],
                "reasoning": {
                    "onevenredigheid": "Uitzetting kost de samenleving veel meer dan de schuld.",
                    "gelijkheid": "Twee kinderen, en de schuld ontstond door de toeslagenaffaire.",
                },
            },
            {
                "what": "Ontruiming intrekken",
                "owner_organisation": "Mitros",
                "deadline": "2026-12-20",
                "goal_id": "d2",
            },
        ],
        "rekensom": {
            "horizon_months": 12,
            "lines": [
                {
                    "description": "Huisuitzetting",
                    "scenario": "huidig_pad",
                    "payer": "overig",
                    "amount": "100000.00",
                    "probability": "0.25",
                    "start_month": 3,
                    "source": {"kengetal_id": "huisuitzetting", "text": "Stadlander", "year": 2015},
                },
                {
                    "description": "Maatschappelijke opvang",
                    "scenario": "huidig_pad",
                    "payer": "gemeente_wmo",
                    "amount": "23236.00",
                    "frequency": "per_jaar",
                    "start_month": 4,
                    "probability": "0.5",
                    "source": {"kengetal_id": "mo_feitelijk_dakloos", "text": "Cebeon", "year": 2011},
                },
                {
                    "description": "Aflossing huurschuld",
                    "scenario": "doorbraak",
                    "payer": "gemeente_participatiewet",
                    "amount": "3400.00",
                    "source": {"text": "Huurafrekening Mitros", "year": 2026},
                },
                {
                    "description": "Schuldhulptraject",
                    "scenario": "doorbraak",
                    "payer": "gemeente_schuldhulp",
                    "amount": "1500.00",
                    "source": {
                        "kengetal_id": "schuldhulpverlening_traject",
                        "text": "Stichting Zwerfjongeren",
                        "year": 2005,
                    },
                },
            ],
        },
        "juridisch": {
            "bevoegd_gezag": "College van B en W van Utrecht",
            "wettelijk_kader": "Participatiewet, Awb",
            "grondslagen": [
                {"basis_id": "awb_4_84", "toelichting": "Afwijken van de beleidsregel bijzondere bijstand."}
            ],
            "feiten": "Huurschuld van € 3.400; ontruiming aangezegd.",
            "onevenredigheid": "Ontruiming van een gezin met twee kinderen is onevenredig.",
            "gelijkheid": "Uitzonderlijke samenloop door de toeslagenaffaire.",
            "risicos": "Precedentwerking; beperkt door het eenmalige karakter.",
            "privacy_grondslagen": [{"basis_id": "avg_6", "toelichting": "Wettelijke taak"}],
            "privacy_toelichting": "Alleen gegevens over de huurschuld gaan naar Mitros.",
        },
        "consent": {
            "given_by": "Eline Jansen",
            "given_on": "2026-11-02",
            "method": "schriftelijk",
            "scope": "Delen van de huurschuldgegevens met Mitros en het CJIB.",
        },
    }


DECISION: dict[str, Any] = {
    "decided_by": "Sanne de Wit",
    "mandate": "Maatwerkfunctionaris, mandaatbesluit 2025",
    "decided_on": "2026-11-05",
}
"""A decision as the plan records it (domain tests); services take a `DECISION_REQUEST` from the decider."""

DECISION_REQUEST: dict[str, Any] = {"decided_on": "2026-11-05"}
DECIDER = Actor(username="s.dewit", display_name="Sanne de Wit", role=Role.COORDINATOR)
"""A maatwerkfunctionaris who never wrote a plan in the tests: `grant_mandate` gives her a mandate."""


def mandate_draft(municipality: str = "GM0344", **extra: Any) -> dict[str, Any]:
    from domain.mandate import deviation_kinds

    return {
        "holder_username": DECIDER.username, "holder_name": DECIDER.display_name, "municipality_code": municipality,
        "deviation_kinds": tuple(deviation_kinds()), "max_amount": "50000.00", "valid_from": "2000-01-01",
        "valid_until": "2099-12-31", "granted_by": "College van B en W, mandaatbesluit sociaal domein 2026",
        **extra,
    }


def grant_mandate(uow: Callable[[], UnitOfWork], actor: Actor, municipality: str = "GM0344", **extra: Any) -> Actor:
    """Register a mandate (as `actor`, who manages mandates) covering everything in `municipality` for the
    decider, once per municipality; returns the decider."""
    from domain.services import mandates

    draft = mandate_draft(municipality, **extra)
    with uow() as unit:
        known = [m for m in unit.mandates.list(frozenset({municipality}))
                 if m.holder_username == draft["holder_username"] and not extra]
    if not known:
        mandates.add_mandate(draft, uow(), actor)
    return DECIDER


def decider_for(db: Database, case_number: str) -> Actor:
    """The decider, with a mandate for the municipality of this case (granted by the database's own actor)."""
    household = households.get_household(case_number, db.uow(), db.actor)
    return grant_mandate(db.uow, db.actor, household.municipality_code)

# Hand-computed rekensom of complete_content() under DOMAIN.md's rules (horizon 12, no discounting):
#   huidig pad  overig:   100000 × 0.25 (eenmalig, month 3)                = 25000.00
#               wmo:      23236 / 12 × 8 months (4..11) × 0.5 = 7745.333… → 7745.33
#   doorbraak   participatiewet: 3400.00; schuldhulp: 1500.00
EXPECTED_TOTALS = {"huidig_pad": "32745.33", "doorbraak": "4900.00", "verschil": "27845.33"}


def problem_id(household: Household, leefgebied: str) -> int:
    found = next(p.id for p in household.problems if p.leefgebied == leefgebied)
    assert found is not None
    return found
