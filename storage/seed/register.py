"""Fictional Maatwerkregister data: the demo register of sample.db and large registers for benchmarks.

- `demo_rows(rng, reference_date)`: a structured register (≈330 contacts) over the national executing
  organisations (UWV, SVB, DUO, CAK, CJIB, Belastingdienst/Dienst Toeslagen, DJI, CIZ), zorgkantoren,
  zorgverzekeraars, the Raad voor de Kinderbescherming, gecertificeerde instellingen, Veilig Thuis,
  woningcorporaties, NVVK members and every municipality of the reference list (more for the demo
  municipalities of storage/seed/data/places.py, with the same corporation and region names the demo
  households use, so "wie bel ik?" finds them).
- `bulk_rows(rng, count, reference_date)`: `count` varied contacts, fast (a plain dict per row in the CSV
  import format), for benchmarks; `write_bulk_csv(path, ...)` writes them as an import file.
- `seed_register`: the step of `storage.seed.SEED_STEPS` that writes the demo register.

Everything is invented and deterministic (all randomness from the `rng` passed in, dates relative to the
reference date): phone numbers in the obviously fictional range 06-12345xxx, e-mail under `.example`,
person names ordinary names (with accents on purpose: search must find `Özdemir` as `ozdemir`).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from domain import reference
from domain.register import CSV_COLUMN_NAMES, fields_from_csv, search_words
from storage.register import SqlRegisterRepository
from storage.register_csv import escape_cell
from storage.seed.data.names import ORIGINS
from storage.seed.data.places import HEALTH_INSURERS, PLACES

if TYPE_CHECKING:
    from storage.seed import SeedContext

REGIONS: dict[str, tuple[str, ...]] = {
    "Amsterdam-Amstelland": ("GM0363", "GM0362"),
    "Rotterdam-Rijnmond": ("GM0599", "GM0606", "GM0622", "GM0502", "GM1930"),
    "Utrecht": ("GM0344", "GM0356", "GM0355"),
    "Groningen": ("GM0014", "GM1966", "GM1969"),
    "Brabant-Zuidoost": ("GM0772", "GM0794"),
    "Fryslân": ("GM1900", "GM0080", "GM0074", "GM0090", "GM1970"),
    "Twente": ("GM0141", "GM0153", "GM0164"),
    "Zuid-Limburg": ("GM0917", "GM0928", "GM0935", "GM1883"),
}
"""The regions of the demo municipalities (names as in storage/seed/data/places.py) and the reference
municipalities each covers."""


@dataclass(frozen=True)
class Team:
    team: str
    role: str
    themes: str
    laws: str = ""
    mandate: str = "informatie"
    availability: str = "ma-vr 9-17 uur"
    urgent: bool = False
    notes: str = ""


LANDELIJK = "landelijke_uitvoeringsorganisatie"

NATIONAL: tuple[tuple[str, str, str, tuple[Team, ...]], ...] = (
    ("UWV", LANDELIJK, "uwv", (
        Team("Team Maatwerk WW", "maatwerkadviseur", "uitkering|werk_opleiding", "WW", "maatwerk", urgent=True),
        Team("Team Maatwerk WIA en Wajong", "maatwerkadviseur", "uitkering|lichamelijke_gezondheid", "WIA/Wajong",
             "maatwerk"),
        Team("Handhaving en Terugvordering", "teamleider terugvordering", "schulden|boetes", "WW|WIA/Wajong",
             "besluit", notes="Betalingsregeling en kwijtschelding bij terugvorderingen."),
        Team("Klantcontact Bijzondere Situaties", "klantadviseur", "uitkering", "WW", "informatie",
             "ma-vr 8-17 uur"),
        Team("Bureau Doorbraak", "escalatiefunctionaris", "uitkering|schulden", "WW|WIA/Wajong", "escalatie",
             urgent=True),
    )),
    ("SVB", LANDELIJK, "svb", (
        Team("Team Maatwerk AOW en Anw", "maatwerkfunctionaris", "uitkering", "AOW", "maatwerk"),
        Team("Kinderbijslag en Kindgebonden zaken", "specialist kinderbijslag", "uitkering|opvoeding", "Overig",
             "besluit"),
        Team("Servicecentrum PGB", "budgetadviseur", "pgb|basale_adl", "Wlz", "advies"),
        Team("AIO-aanvulling", "klantadviseur AIO", "uitkering|financien", "AOW", "besluit"),
        Team("Bureau Doorbraak SVB", "escalatiefunctionaris", "uitkering|schulden", "AOW", "escalatie",
             urgent=True),
    )),
    ("DUO", LANDELIJK, "duo", (
        Team("Team Maatwerk Terugbetalen", "maatwerkfunctionaris", "studiefinanciering|schulden",
             "Wet studiefinanciering", "maatwerk"),
        Team("Bijzondere Situaties Studiefinanciering", "klantadviseur", "studiefinanciering|werk_opleiding",
             "Wet studiefinanciering", "besluit"),
    )),
    ("CAK", LANDELIJK, "cak", (
        Team("Wanbetalersregeling Zvw", "maatwerkfunctionaris", "zorgverzekering|schulden", "Zvw", "maatwerk",
             notes="Uitstroom uit de bestuursrechtelijke premie na een schuldregeling."),
        Team("Eigen Bijdrage Wmo en Wlz", "klantadviseur", "eigen_bijdrage", "Wmo 2015|Wlz", "besluit"),
        Team("Onverzekerden en Buitenlandzaken", "specialist", "zorgverzekering|verblijfsstatus", "Zvw", "advies"),
    )),
    ("CJIB", LANDELIJK, "cjib", (
        Team("Team Maatwerk en Schuldhulp", "maatwerkfunctionaris", "boetes|schulden", "Strafrecht", "maatwerk",
             urgent=True),
        Team("Verkeersboetes Wahv", "klantadviseur", "boetes", "Overig", "besluit"),
        Team("Incasso Strafrechtelijke Beslissingen", "specialist incasso", "boetes|justitie", "Strafrecht",
             "advies"),
        Team("Vroegsignalering", "coördinator vroegsignalering", "schulden|boetes", "Strafrecht", "besluit"),
    )),
    ("Belastingdienst/Dienst Toeslagen", LANDELIJK, "toeslagen", (
        Team("Maatwerkteam Toeslagen", "maatwerkfunctionaris", "toeslagen|schulden", "Awir (toeslagen)",
             "maatwerk", urgent=True),
        Team("Terugvordering en Betalingsregelingen", "specialist invordering", "toeslagen|schulden",
             "Awir (toeslagen)", "besluit"),
        Team("Herstel Toeslagen Gedupeerden", "zaakbehandelaar", "toeslagen|financien", "Awir (toeslagen)",
             "escalatie"),
    )),
    ("Belastingdienst", LANDELIJK, "belastingdienst", (
        Team("Invordering Particulieren", "specialist kwijtschelding", "schulden|financien", "Overig", "besluit"),
        Team("Team Maatwerk Belastingschulden", "maatwerkfunctionaris", "schulden", "Overig", "maatwerk"),
    )),
    ("DJI", "justitie", "dji", (
        Team("Re-integratie en Nazorg", "casemanager nazorg", "detentie|justitie|huisvesting", "Strafrecht",
             "advies"),
        Team("Bureau Detentiezaken", "medewerker detentiezaken", "detentie|justitie", "Strafrecht", "informatie"),
    )),
    ("CIZ", LANDELIJK, "ciz", (
        Team("Indicatiestelling Wlz", "indicatiesteller", "indicatie|lichamelijke_gezondheid", "Wlz", "besluit"),
        Team("Spoedindicaties", "indicatiesteller spoed", "indicatie|geestelijke_gezondheid", "Wlz", "besluit",
             "dag en nacht", urgent=True),
    )),
    ("Uitvoeringsorganisatie Herstel Toeslagen", LANDELIJK, "uht", (
        Team("Persoonlijk Zaakbehandelaars", "persoonlijk zaakbehandelaar", "toeslagen|financien|schulden",
             "Awir (toeslagen)", "maatwerk"),
    )),
    ("NVVK", "schuldhulpverlening", "nvvk", (
        Team("Helpdesk Leden", "beleidsadviseur schuldhulp", "schulden", "Wet gemeentelijke schuldhulpverlening",
             "informatie"),
    )),
)

MUNICIPAL_TEAMS: tuple[Team, ...] = (
    Team("Maatwerk", "maatwerkfunctionaris", "financien|schulden|huisvesting", "Participatiewet|Wmo 2015",
         "maatwerk", urgent=True),
    Team("Schuldhulpverlening", "klantmanager schulden", "schulden|financien",
         "Wet gemeentelijke schuldhulpverlening", "besluit"),
)
DEMO_MUNICIPAL_TEAMS: tuple[Team, ...] = (
    Team("Werk en Inkomen", "klantmanager inkomen", "uitkering|werk_opleiding", "Participatiewet", "besluit"),
    Team("Wmo-loket", "consulent Wmo", "basale_adl|instrumentele_adl", "Wmo 2015", "besluit"),
    Team("Jeugd en Gezin", "jeugdconsulent", "opvoeding|jeugdbescherming", "Jeugdwet", "besluit"),
    Team("Doorbraakteam", "doorbraakregisseur", "financien|schulden|huisvesting|huiselijke_relaties",
         "Participatiewet|Wmo 2015|Jeugdwet", "escalatie", urgent=True,
         notes="Lokaal doorbraakteam; escaleert naar de regio en het LMM."),
    Team("Bijzondere Bijstand", "consulent bijzondere bijstand", "financien|uitkering", "Participatiewet",
         "besluit"),
    Team("Leerplicht", "leerplichtambtenaar", "werk_opleiding|opvoeding", "Overig", "besluit"),
)
REGIONAL: tuple[tuple[str, str, str, Team], ...] = (
    ("Zorgkantoor {regio}", "zorgkantoor", "zorgkantoor", Team(
        "Zorgbemiddeling Wlz", "zorgbemiddelaar", "indicatie|basale_adl", "Wlz", "besluit")),
    ("Raad voor de Kinderbescherming regio {regio}", "justitie", "rvdk", Team(
        "Team Onderzoek", "raadsonderzoeker", "jeugdbescherming|opvoeding|huiselijke_relaties", "Jeugdwet",
        "advies", urgent=True)),
    ("Jeugdbescherming {regio}", "jeugdhulpaanbieder", "jeugdbescherming", Team(
        "Gecertificeerde instelling", "jeugdbeschermer", "jeugdbescherming|opvoeding", "Jeugdwet", "besluit")),
    ("Veilig Thuis {regio}", "overig", "veiligthuis", Team(
        "Advies en Meldingen", "medewerker advies", "huiselijk_geweld|veiligheid|huiselijke_relaties", "Overig",
        "advies", "dag en nacht", urgent=True)),
    ("Reclassering {regio}", "justitie", "reclassering", Team(
        "Toezicht en Nazorg", "reclasseringswerker", "justitie|detentie", "Strafrecht", "advies")),
    ("UWV regio {regio}", LANDELIJK, "uwv", Team(
        "Regionaal Maatwerk", "regionaal maatwerkcoördinator", "uitkering|werk_opleiding|re_integratie",
        "WW|WIA/Wajong", "maatwerk")),
)


def _slug(text: str) -> str:
    return "".join(search_words(text)) or "contact"


class _Numbers:
    """Unique fictional phone numbers: 06-12345000 upwards for main lines, 06-12345999 downwards for
    urgent lines (bulk data wraps around; duplicates are fine there)."""

    def __init__(self) -> None:
        self.main = 0
        self.urgent = 999

    def next_main(self) -> str:
        number = f"06 12345{self.main % 1000:03d}"
        self.main += 1
        return number

    def next_urgent(self) -> str:
        number = f"06 12345{self.urgent % 1000:03d}"
        self.urgent -= 1
        return number


def _person(rng: random.Random) -> str:
    origin = rng.choices(ORIGINS, weights=[o.weight for o in ORIGINS])[0]
    first = rng.choice(origin.female if rng.random() < 0.6 else origin.male)
    return f"{first} {rng.choice(origin.surnames)}"


def _verified(rng: random.Random, reference_date: date) -> str:
    """Mostly within the year, about one in five older (flagged ongeverifieerd), a few never."""
    roll = rng.random()
    if roll < 0.05:
        return ""
    days = rng.randint(0, 350) if roll < 0.8 else rng.randint(380, 900)
    return (reference_date - timedelta(days=days)).isoformat()


def _row(rng: random.Random, numbers: _Numbers, reference_date: date, *, external_id: str, organisation: str,
         organisation_type: str, domain: str, team: Team, region: str, person_chance: float = 0.25) -> dict[str, str]:
    person = _person(rng) if rng.random() < person_chance else ""
    return {
        "externe_id": external_id,
        "organisatie": organisation,
        "organisatietype": organisation_type,
        "team": team.team,
        "functie": team.role,
        "persoon": person,
        "telefoon": numbers.next_main(),
        "spoedlijn": numbers.next_urgent() if team.urgent else "",
        "email": f"{_slug(team.team)}@{domain}.example",
        "bereikbaarheid": team.availability,
        "regio": region,
        "themas": team.themes,
        "wetten": team.laws,
        "mandaat": team.mandate,
        "laatst_geverifieerd": _verified(rng, reference_date),
        "toelichting": team.notes,
    }


def demo_rows(rng: random.Random, reference_date: date) -> list[dict[str, str]]:
    """The demo register in the CSV import format (column → text), deterministic for a given rng."""
    numbers = _Numbers()
    rows: list[dict[str, str]] = []
    for organisation, kind, domain, teams in NATIONAL:
        for team in teams:
            rows.append(_row(rng, numbers, reference_date, external_id=f"{domain}-{_slug(team.team)}",
                             organisation=organisation, organisation_type=kind, domain=domain, team=team,
                             region="landelijk", person_chance=0.15))
    for insurer in HEALTH_INSURERS:
        domain = _slug(insurer)
        for team in (Team("Zorgadvies en Bemiddeling", "zorgadviseur", "zorgverzekering|lichamelijke_gezondheid",
                          "Zvw", "advies"),
                     Team("Premie-incasso en Betalingsregelingen", "specialist incasso", "zorgverzekering|schulden",
                          "Zvw", "besluit")):
            rows.append(_row(rng, numbers, reference_date, external_id=f"{domain}-{_slug(team.team)[:20]}",
                             organisation=insurer, organisation_type="zorgverzekeraar", domain=domain, team=team,
                             region="landelijk"))
    for region, codes in REGIONS.items():
        for pattern, kind, domain, team in REGIONAL:
            organisation = pattern.format(regio=region)
            rows.append(_row(rng, numbers, reference_date, external_id=f"{domain}-{_slug(region)}",
                             organisation=organisation, organisation_type=kind, domain=domain, team=team,
                             region="|".join(codes)))
    names = reference.municipalities()
    demo_codes = {place.code for place in PLACES}
    for code, name in names.items():
        domain = _slug(name)
        teams = MUNICIPAL_TEAMS + (DEMO_MUNICIPAL_TEAMS if code in demo_codes else ())
        for team in teams:
            rows.append(_row(rng, numbers, reference_date, external_id=f"{code.lower()}-{_slug(team.team)}",
                             organisation=f"Gemeente {name}", organisation_type="gemeente", domain=domain,
                             team=team, region=code, person_chance=0.35))
    for place in PLACES:
        for corporation in place.corporations:
            domain = _slug(corporation)
            team = Team("Huurincasso en Preventie Huisuitzetting", "consulent huurachterstand",
                        "huurachterstand|huisvesting|schulden", "Huurrecht (BW)", "besluit", urgent=True)
            rows.append(_row(rng, numbers, reference_date, external_id=f"{domain}-huurincasso",
                             organisation=corporation, organisation_type="woningcorporatie", domain=domain,
                             team=team, region="|".join(_region_of(place.code))))
        bank = f"Kredietbank {names[place.code]}"
        team = Team("Schuldregeling en Budgetbeheer", "schuldhulpverlener", "schulden|financien",
                    "Wet gemeentelijke schuldhulpverlening", "besluit")
        rows.append(_row(rng, numbers, reference_date, external_id=f"{_slug(bank)}-schuldregeling",
                         organisation=bank, organisation_type="schuldhulpverlening", domain=_slug(bank), team=team,
                         region="|".join(_region_of(place.code))))
    return rows


def _region_of(code: str) -> tuple[str, ...]:
    for codes in REGIONS.values():
        if code in codes:
            return codes
    return (code,)


# -- bulk data for benchmarks ---------------------------------------------------------------------------
_BULK_NATIONAL = [(organisation, kind, domain, teams) for organisation, kind, domain, teams in NATIONAL]
_BULK_LOCAL_ORGANISATIONS = (
    ("Gemeente {gemeente}", "gemeente"),
    ("Woonstichting {gemeente}", "woningcorporatie"),
    ("Kredietbank {gemeente}", "schuldhulpverlening"),
    ("Buurtteam {gemeente}", "gemeente"),
    ("Wijkteam {gemeente}", "gemeente"),
    ("Jeugdhulp {gemeente}", "jeugdhulpaanbieder"),
    ("GGZ {gemeente}", "zorgaanbieder"),
)
_ALL_TEAMS = MUNICIPAL_TEAMS + DEMO_MUNICIPAL_TEAMS + tuple(team for *_, team in REGIONAL)


def bulk_rows(
    rng: random.Random, count: int, reference_date: date, *, prefix: str = "bulk"
) -> Iterator[dict[str, str]]:
    """`count` varied fictional contacts in the CSV import format, quickly (no validation here; the import
    validates). About a third national (landelijk), the rest local in one of the reference municipalities;
    four in ten with a person's name."""
    numbers = _Numbers()
    codes = list(reference.municipalities().items())
    for index in range(count):
        if rng.random() < 0.3:
            organisation, kind, domain, teams = rng.choice(_BULK_NATIONAL)
            team = rng.choice(teams)
            region = "landelijk"
        else:
            code, name = rng.choice(codes)
            pattern, kind = rng.choice(_BULK_LOCAL_ORGANISATIONS)
            organisation = pattern.format(gemeente=name)
            domain = _slug(organisation)
            team = rng.choice(_ALL_TEAMS)
            region = code if rng.random() < 0.85 else "|".join(_region_of(code))
        row = _row(rng, numbers, reference_date, external_id=f"{prefix}-{index:07d}", organisation=organisation,
                   organisation_type=kind, domain=domain, team=team, region=region, person_chance=0.4)
        yield row


def write_bulk_csv(path: Path, count: int, *, seed: int = 2026, reference_date: date = date(2026, 11, 1)) -> int:
    """Write `count` bulk contacts as a `;`-separated UTF-8 import file; returns the number of rows."""
    import csv

    rng = random.Random(f"{seed}/register-bulk")
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(CSV_COLUMN_NAMES)
        for row in bulk_rows(rng, count, reference_date):
            writer.writerow([escape_cell(row[name]) for name in CSV_COLUMN_NAMES])
    return count


# -- the seed step ---------------------------------------------------------------------------------------
def seed_register(connection: Connection, rng: random.Random, context: SeedContext) -> None:
    """Write the demo register (validated by the domain, upserted through the repository)."""
    contacts = [fields_from_csv(row) for row in demo_rows(rng, context.reference_date)]
    with Session(bind=connection) as session:
        repository = SqlRegisterRepository(session, clock=lambda: context.reference_moment)
        inserted, _ = repository.upsert_many(contacts)
    context.stats.add("registercontacten", inserted)
