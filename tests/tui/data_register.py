"""A small, deterministic Maatwerkregister built through the register services (not sample.db).

Chosen to exercise the screen: a misspellable organisation (Belastingdienst), a person with accents
(Ayşe Özdemir), a gemeente contact next to landelijk ones of the same organisation (UWV), an unverified
contact, one without a phone, a name with brackets that must not be read as markup, and a contact with
many municipalities. Today in the Pilot tests is 01-11-2026 (tests.conftest.TickingClock).
"""

from __future__ import annotations

from typing import Any

from domain.register import RegisterContact, parse_contact_fields
from domain.services.register import create_contact
from storage.bootstrap import Database

VERIFIED = "2026-06-01"
STALE = "2024-03-01"
"""More than 12 months before 01-11-2026: flagged 'niet geverifieerd'."""

CONTACTS: list[dict[str, Any]] = [
    {"external_id": "bd-schulden", "organisation": "Belastingdienst",
     "organisation_type": "landelijke_uitvoeringsorganisatie",
     "team": "Team Maatwerk Belastingschulden", "role": "maatwerkfunctionaris", "phone": "06 12345101",
     "email": "maatwerk@belastingdienst.example", "availability": "ma-vr 9-17 uur", "landelijk": True,
     "themes": ["schulden"], "legal_frameworks": ["Invorderingswet 1990"], "mandate": "maatwerk",
     "last_verified": VERIFIED},
    {"external_id": "toeslagen", "organisation": "Belastingdienst/Dienst Toeslagen",
     "organisation_type": "landelijke_uitvoeringsorganisatie", "team": "Maatwerkteam Toeslagen",
     "role": "maatwerkfunctionaris", "phone": "06 12345102", "urgent_phone": "06 12345902",
     "email": "maatwerk@toeslagen.example", "landelijk": True, "themes": ["toeslagen", "schulden"],
     "mandate": "maatwerk", "last_verified": STALE},
    {"external_id": "uwv-ww", "organisation": "UWV", "organisation_type": "landelijke_uitvoeringsorganisatie",
     "team": "Team Maatwerk WW", "role": "maatwerkadviseur", "phone": "06 12345103", "urgent_phone": "06 12345903",
     "email": "maatwerk-ww@uwv.example", "availability": "ma-do 8-17 uur", "landelijk": True,
     "themes": ["uitkering"], "legal_frameworks": ["WW"], "mandate": "maatwerk", "last_verified": VERIFIED},
    {"external_id": "uwv-ams", "organisation": "UWV", "organisation_type": "landelijke_uitvoeringsorganisatie",
     "team": "Regionaal Maatwerk Amsterdam", "role": "klantmanager", "person": "Shirley Ramdin",
     "phone": "06 12345104", "email": "amsterdam@uwv.example", "municipality_codes": ["GM0363", "GM0362"],
     "themes": ["uitkering", "re_integratie"], "mandate": "besluit", "last_verified": VERIFIED},
    {"external_id": "sudwest-schulden", "organisation": "Gemeente Súdwest-Fryslân", "organisation_type": "gemeente",
     "team": "Schuldhulpverlening", "role": "schuldhulpverlener", "person": "Ayşe Özdemir", "phone": "06 12345105",
     "email": "schuldhulp@sudwestfryslan.example", "municipality_codes": ["GM1900"], "themes": ["schulden"],
     "mandate": "besluit", "last_verified": VERIFIED},
    {"external_id": "ams-schulden", "organisation": "Gemeente Amsterdam", "organisation_type": "gemeente",
     "team": "Schuldhulpverlening [oud]", "role": "maatwerkfunctionaris", "phone": "06 12345106",
     "email": "schuldhulp@amsterdam.example", "municipality_codes": ["GM0363"],
     "themes": ["schulden", "huurachterstand"],
     "notes": "Bij dreigende huisuitzetting: bel de spoedlijn van de corporatie.",
     "mandate": "maatwerk", "last_verified": VERIFIED},
    {"external_id": "svb-aow", "organisation": "SVB", "organisation_type": "landelijke_uitvoeringsorganisatie",
     "team": "Team Bijzondere Situaties", "email": "bijzonder@svb.example", "landelijk": True,
     "themes": ["uitkering"], "legal_frameworks": ["AOW"], "mandate": "advies"},
    {"external_id": "cjib-noodstop", "organisation": "CJIB", "organisation_type": "justitie",
     "team": "Team Maatwerk Noodstop", "role": "maatwerkadviseur", "phone": "06 12345108",
     "email": "noodstop@cjib.example", "landelijk": True, "themes": ["boetes", "schulden"],
     "mandate": "maatwerk", "last_verified": VERIFIED},
    {"external_id": "ggd-regio", "organisation": "GGD Fryslân", "organisation_type": "zorgaanbieder",
     "team": "Bemoeizorg", "phone": "06 12345109", "email": "bemoeizorg@ggd.example",
     "municipality_codes": ["GM1900", "GM0080", "GM0074", "GM0090"], "themes": ["geestelijke_gezondheid"],
     "last_verified": VERIFIED},
]


def build_register(db: Database) -> dict[str, RegisterContact]:
    """Create the contacts; return them by external id."""
    created = {}
    for data in CONTACTS:
        contact = create_contact(parse_contact_fields(data), db.uow(), db.actor)
        created[contact.external_id] = contact
    return created
