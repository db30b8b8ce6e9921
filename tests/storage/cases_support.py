"""Builders shared by the overbrugging, escalation, knelpunten and worklist storage tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from domain.actors import Actor
from domain.services import households
from domain.services.escalation import EscalationDraft
from domain.services.households import parse_draft
from storage.bootstrap import Database

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
