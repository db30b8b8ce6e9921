"""Example households and plans shared by the plan tests (fictional data only)."""

from __future__ import annotations

from datetime import date
from typing import Any

from domain.household import Household

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

# Hand-computed rekensom of complete_content() under DOMAIN.md's rules (horizon 12, no discounting):
#   huidig pad  overig:   100000 × 0.25 (eenmalig, month 3)                = 25000.00
#               wmo:      23236 / 12 × 8 months (4..11) × 0.5 = 7745.333… → 7745.33
#   doorbraak   participatiewet: 3400.00; schuldhulp: 1500.00
EXPECTED_TOTALS = {"huidig_pad": "32745.33", "doorbraak": "4900.00", "verschil": "27845.33"}


def problem_id(household: Household, leefgebied: str) -> int:
    found = next(p.id for p in household.problems if p.leefgebied == leefgebied)
    assert found is not None
    return found


TODAY = date(2026, 11, 23)
