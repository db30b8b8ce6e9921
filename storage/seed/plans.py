"""Seed step "plannen": a maatwerkplan for seeded households, at every step of the method.

The plan follows the household's status, so a trainer can show each step in sample.db:

* in behandeling → a concept (some nearly complete, some just begun; one with an autosaved draft);
* plan vastgesteld → a decided version;
* uitvoering → in execution, actions in every status, evaluations at 0 (and 3) months; every third one
  has been changed after the decision, so it has a decided version 1 and a version 2 (diffable);
* geëvalueerd (and half of the closed cases) → evaluated, with evaluations up to 12 months;
* aangemeld → no plan yet.

Content is built from the household's own problems and organisations, with rekensom lines from the
kengetallen catalogue and legal bases from the catalogue. Every decided version is checked with
`what_is_missing`, so the seed cannot write a plan the application would refuse to decide.
Deterministic: every choice comes from `rng`, every date from the seed's reference date.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select
from sqlmodel import col

from domain import reference
from domain.caselist import search_normalise
from domain.catalogues import cost_line_from_kengetal, kengetal, legal_basis
from domain.household import Address, Household, HouseholdStatus, Member, MemberRole
from domain.household import Problem as HouseholdProblem
from domain.people import score_owner
from domain.plan import (
    ActionStatus,
    Decision,
    Evaluation,
    Maatwerkplan,
    PlanContent,
    PlanStatus,
    what_is_missing,
)
from domain.rekensom import CostLine, CostSource, Frequency, Payer, Scenario
from storage.people_tables import ZrmScoreRow
from storage.plan_summary import superseded_statement
from storage.plan_tables import KengetalOverrideRow, PlanDraftRow, PlanRow
from storage.plans import plan_child_values, plan_row_values
from storage.score_summary import rebuild_score_series
from storage.seed.data.places import MAATWERKFUNCTIONARISSEN
from storage.seed.mandates import seed_decision
from storage.seed.stories.build import story_plan_versions, story_zrm_rows
from storage.tables import InvolvedOrganisationRow, MemberRow, ProblemRow

BATCH = 500
"""Plans per executemany batch."""

LOCAL_USER = "lokaal"
"""The demo runs as the local user: its draft shows the autosave recovery."""


@dataclass
class _Facts:
    household_id: int
    case_number: str
    status: HouseholdStatus
    municipality_code: str
    professional: str
    created_at: datetime
    problems: list[HouseholdProblem]
    organisations: list[str]
    head: str


def _load_facts(connection: Connection, context: Any) -> dict[int, _Facts]:
    problems: dict[int, list[HouseholdProblem]] = defaultdict(list)
    for row in connection.execute(
        select(
            col(ProblemRow.household_id),
            col(ProblemRow.id),
            col(ProblemRow.leefgebied),
            col(ProblemRow.score),
            col(ProblemRow.description),
        ).order_by(col(ProblemRow.household_id), col(ProblemRow.position))
    ):
        problems[row[0]].append(
            HouseholdProblem.model_construct(id=row[1], leefgebied=row[2], score=row[3], description=row[4], since=None)
        )
    organisations: dict[int, list[str]] = defaultdict(list)
    for org in connection.execute(
        select(col(InvolvedOrganisationRow.household_id), col(InvolvedOrganisationRow.name)).order_by(
            col(InvolvedOrganisationRow.household_id),
            col(InvolvedOrganisationRow.position),
        )
    ):
        organisations[org[0]].append(org[1])
    heads: dict[int, str] = {}
    for member in connection.execute(
        select(col(MemberRow.household_id), col(MemberRow.name))
        .where(col(MemberRow.role) == MemberRole.HOOFDBEWONER.value)
        .order_by(col(MemberRow.household_id), col(MemberRow.position))
    ):
        heads.setdefault(member[0], member[1])
    return {
        h.id: _Facts(
            household_id=h.id,
            case_number=h.case_number,
            status=h.status,
            municipality_code=h.municipality_code,
            professional=h.professional,
            created_at=h.created_at,
            problems=problems.get(h.id, []),
            organisations=organisations.get(h.id, []),
            head=heads.get(h.id, "de hoofdbewoner"),
        )
        for h in context.households
    }


# -- content per leefgebied -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Approach:
    """How a typical doorbraak for a problem on this leefgebied looks, with its cost lines."""

    perspective: tuple[str, ...]
    obstacle: str
    doorbraak: str
    goal: str
    actions: tuple[tuple[str, str], ...]
    """(what, kind of owner) — the owner is looked up among the household's organisations."""
    bases: tuple[str, ...]
    """Legal bases for the deviating first action."""
    onevenredigheid: str


APPROACHES: dict[str, _Approach] = {
    "financien": _Approach(
        (
            "Over een jaar heb ik rust: geen deurwaarder meer aan de deur en ik weet wat ik elke maand kan uitgeven.",
            "Ik wil over een jaar mijn post weer durven openen en met de kinderen op vakantie kunnen.",
        ),
        "De stapel schulden groeit sneller dan er wordt afgelost; elke nieuwe boete zet de rest weer vast.",
        "Eén saneringskrediet van de gemeente lost alle schulden in één keer af; het CJIB zet de inning stil.",
        "Schulden geregeld en een vaste weekbegroting",
        (
            ("Saneringskrediet verstrekken en schuldeisers uitbetalen", "schuld"),
            ("Noodstop aanvragen bij het CJIB", "gemeente"),
            ("Budgetcoaching elke week", "gemeente"),
        ),
        ("awb_4_84", "cjib_noodstop", "kwijtschelding_gemeentelijke_belastingen"),
        "Zonder krediet lopen boetes en incassokosten verder op dan de schuld zelf; dat treft vooral de kinderen.",
    ),
    "huisvesting": _Approach(
        (
            "Over een jaar wonen we nog steeds in ons huis en is de huur elke maand op tijd betaald.",
            "Ik wil dat mijn kinderen over een jaar nog naar dezelfde school gaan, vanuit hetzelfde huis.",
        ),
        "De aangezegde ontruiming: zonder woning lukt werk, school en zorg allemaal niet meer.",
        "De gemeente betaalt de huurachterstand in één keer (bijzondere bijstand); de corporatie trekt de "
        "ontruiming in en de huur wordt voortaan ingehouden op de uitkering.",
        "Woning behouden, huur elke maand betaald",
        (
            ("Huurachterstand betalen uit bijzondere bijstand", "gemeente"),
            ("Ontruimingsvonnis niet uitvoeren en afspraken vastleggen", "woning"),
            ("Huur inhouden op de uitkering", "gemeente"),
        ),
        ("awb_4_84", "pw_18_lid_1"),
        "Een huisuitzetting kost de samenleving veel meer dan de achterstand en zet het gezin op straat.",
    ),
    "geestelijke_gezondheid": _Approach(
        (
            "Over een jaar heb ik weer grip op mijn dagen en hulp die bij me past, thuis.",
            "Ik wil over een jaar niet meer van loket naar loket, maar één vaste begeleider.",
        ),
        "De wachtlijst voor behandeling: intussen loopt alles vast en dreigt een opname.",
        "Begeleiding thuis start meteen via de Wmo, vooruitlopend op de behandeling; één regisseur.",
        "Stabiel thuis met vaste begeleiding",
        (
            ("Ambulante begeleiding thuis starten zonder wachttijd", "gemeente"),
            ("Afspraken met de ggz over voorrang", "zorg"),
        ),
        ("wmo_2_3_5", "awb_3_4_lid_2"),
        "Wachten tot de behandeling start leidt tot een crisisopname die duurder en ingrijpender is.",
    ),
    "huiselijke_relaties": _Approach(
        (
            "Over een jaar wonen de kinderen bij mij en is het thuis rustig en veilig.",
            "Ik wil over een jaar een gewoon gezin zijn, zonder dat de kinderen uit huis moeten.",
        ),
        "De spanning thuis: zonder snelle hulp dreigt een uithuisplaatsing.",
        "Intensieve gezinsbehandeling start deze week als spoedvoorziening, vóór het onderzoek is afgerond.",
        "Kinderen veilig thuis",
        (
            ("Intensieve ambulante gezinsbehandeling als spoedvoorziening", "gemeente"),
            ("Veiligheidsplan opstellen met het gezin", "gemeente"),
        ),
        ("jeugd_spoedvoorziening", "jeugdwet_1_2"),
        "Een uithuisplaatsing schaadt de kinderen meer dan intensieve hulp thuis en kost veel meer.",
    ),
    "justitie": _Approach(
        (
            "Over een jaar heb ik werk en blijf ik uit de gevangenis.",
            "Ik wil over een jaar mijn straf achter me hebben en een eigen inkomen.",
        ),
        "De openstaande boetes en de dreigende vervangende hechtenis.",
        "De boetes worden omgezet in een betalingsregeling; begeleiding naar werk start meteen.",
        "Geen vervangende hechtenis, boetes in een regeling",
        (("Betalingsregeling en noodstop bij het CJIB regelen", "gemeente"), ("Begeleiding naar werk", "gemeente")),
        ("cjib_noodstop", "awb_3_4_lid_2"),
        "Vervangende hechtenis kost meer dan de boetes en kost de baan die schulden zou kunnen aflossen.",
    ),
    "werk_opleiding": _Approach(
        (
            "Over een jaar heb ik een baan en hoef ik geen uitkering meer.",
            "Ik wil over een jaar mijn diploma halen en zelf mijn geld verdienen.",
        ),
        "De regels van de uitkering maken een opleiding naast de bijstand onmogelijk.",
        "De gemeente staat de opleiding toe met behoud van uitkering; een werkgever biedt een leerwerkplek.",
        "Betaald werk binnen een jaar",
        (("Opleiding toestaan met behoud van uitkering", "gemeente"), ("Leerwerkplek regelen", "gemeente")),
        ("pw_18_lid_1",),
        "Het standaard verbod op studie houdt iemand juist in de bijstand.",
    ),
    "middelengebruik": _Approach(
        (
            "Over een jaar ben ik clean en woon ik weer op mezelf.",
            "Ik wil over een jaar zonder drank leven en mijn kinderen weer zien.",
        ),
        "Geen passend woon- of zorgaanbod: terugval ligt steeds op de loer.",
        "Beschermd wonen in de wijk met begeleiding, in plaats van opname buiten de regio.",
        "Stabiel wonen zonder terugval",
        (
            ("Plek in beschermd wonen in de wijk regelen", "gemeente"),
            ("Verslavingsbehandeling ambulant voortzetten", "zorg"),
        ),
        ("wmo_2_3_5", "awb_4_84"),
        "Opname buiten de regio breekt het netwerk af dat terugval voorkomt.",
    ),
}
DEFAULT_APPROACH = _Approach(
    (
        "Over een jaar red ik het weer zelf, met een paar vaste mensen om me heen.",
        "Ik wil over een jaar weer meedoen, zonder dat er steeds iets misgaat.",
    ),
    "Te veel hulpverleners die langs elkaar heen werken; niemand pakt het geheel op.",
    "Eén regisseur met mandaat om over de regels van de organisaties heen te besluiten.",
    "Hulp die samenhangt, met één aanspreekpunt",
    (
        ("Eén regisseur aanwijzen met doorzettingsmacht", "gemeente"),
        ("Hulp van alle organisaties in één plan afstemmen", "gemeente"),
    ),
    ("awb_3_4_lid_2",),
    "De losse trajecten kosten samen meer dan één samenhangende aanpak en werken elkaar tegen.",
)


def _approach(leefgebied: str) -> _Approach:
    return APPROACHES.get(leefgebied, DEFAULT_APPROACH)


PRICE_YEAR = 2025
"""The demo plans' price level (prijspeil): the last complete year for the demo's 2026 (issue 16)."""
STATUTORY_ON = date(2026, 1, 1)
"""The day statutory amounts (WAHV increases) are read from the dated table for the demo plans."""


def _from_kengetal(
    kengetal_id: str,
    scenario: Scenario,
    *,
    probability: str = "1",
    start: int = 0,
    duration: int | None = None,
    description: str | None = None,
    quantity: str = "1",
    payer: Payer | None = None,
) -> dict[str, Any]:
    line = cost_line_from_kengetal(
        kengetal(kengetal_id),
        scenario,
        description=description,
        payer=payer,
        quantity=Decimal(quantity),
        probability=Decimal(probability),
        start_month=start,
        duration_months=duration,
        price_year=PRICE_YEAR,
        on=STATUTORY_ON,
    )
    return line.model_dump()


def _own(
    description: str,
    scenario: Scenario,
    payer: Payer,
    amount: Decimal,
    frequency: Frequency,
    source: str,
    *,
    start: int = 0,
    duration: int | None = None,
    probability: str = "1",
) -> dict[str, Any]:
    return CostLine(
        description=description,
        scenario=scenario,
        payer=payer,
        amount=amount,
        frequency=frequency,
        start_month=start,
        duration_months=duration,
        probability=Decimal(probability),
        source=CostSource(text=source, year=2026),
    ).model_dump()


def _money(rng: random.Random, low: int, high: int, step: int = 50) -> Decimal:
    return Decimal(rng.randrange(low, high + 1, step)).quantize(Decimal("0.01"))


def _cost_lines(leefgebied: str, rng: random.Random) -> list[dict[str, Any]]:
    """A believable rekensom for the obstacle's leefgebied: doormodderen versus doorbreken."""
    h, d = Scenario.HUIDIG_PAD, Scenario.DOORBRAAK
    if leefgebied == "financien":
        debt = _money(rng, 4000, 18000, 100)
        return [
            _from_kengetal("cjib_boete_escalatie", h, quantity=str(rng.randint(1, 4))),
            _from_kengetal("huisuitzetting", h, probability="0.15", start=rng.randint(4, 9)),
            _from_kengetal("schuldhulpverlening_traject", h, description="Herhaalde aanmelding schuldhulp"),
            _own(
                "Saneringskrediet",
                d,
                Payer.GEMEENTE_SCHULDHULP,
                debt,
                Frequency.EENMALIG,
                "Schuldenoverzicht in dossier",
            ),
            _from_kengetal("schuldhulpverlening_traject", d),
            _own(
                "Kwijtgescholden gemeentelijke belastingen",
                d,
                Payer.GEMEENTE_PARTICIPATIEWET,
                _money(rng, 300, 900),
                Frequency.EENMALIG,
                "Aanslag gemeentelijke belastingen",
            ),
        ]
    if leefgebied == "huisvesting":
        arrears = _money(rng, 1500, 7000)
        return [
            _from_kengetal("huisuitzetting", h, probability=rng.choice(["0.3", "0.4", "0.5"]), start=rng.randint(2, 5)),
            _from_kengetal("mo_feitelijk_dakloos", h, probability="0.4", start=6),
            _own(
                "Aflossing huurachterstand (bijzondere bijstand)",
                d,
                Payer.GEMEENTE_PARTICIPATIEWET,
                arrears,
                Frequency.EENMALIG,
                "Huurafrekening corporatie",
            ),
            _own(
                "Gederfde huur tot de regeling loopt",
                d,
                Payer.WONINGCORPORATIE,
                _money(rng, 200, 800),
                Frequency.EENMALIG,
                "Opgave corporatie",
            ),
        ]
    if leefgebied in ("geestelijke_gezondheid", "middelengebruik"):
        return [
            _from_kengetal("intensief_beschermd_wonen", h, probability=rng.choice(["0.3", "0.5"]), start=3),
            _own(
                "Crisisopname",
                h,
                Payer.ZORGVERZEKERAAR,
                _money(rng, 8000, 16000, 500),
                Frequency.EENMALIG,
                "Gemiddelde kosten crisisopname (regio)",
                probability="0.4",
                start=2,
            ),
            _own(
                "Ambulante begeleiding thuis",
                d,
                Payer.GEMEENTE_WMO,
                _money(rng, 700, 1300),
                Frequency.PER_MAAND,
                "Tarief Wmo-begeleiding 2026",
            ),
            _from_kengetal("wmo_uitvoering", d),
        ]
    if leefgebied == "huiselijke_relaties":
        children = str(rng.randint(1, 3))
        return [
            _from_kengetal("uithuisplaatsing_kind", h, probability="0.3", start=2, quantity=children),
            _from_kengetal("jeugdhulp_uitvoering", h),
            _own(
                "Intensieve ambulante gezinsbehandeling",
                d,
                Payer.GEMEENTE_JEUGDWET,
                _money(rng, 1200, 2200),
                Frequency.PER_MAAND,
                "Tarief jeugdhulp 2026",
                duration=6,
            ),
            _from_kengetal("jeugdhulp_uitvoering", d),
        ]
    if leefgebied == "justitie":
        months = rng.randint(2, 4)
        return [
            _from_kengetal(
                "detentie_volwassene",
                h,
                probability="0.4",
                start=3,
                duration=months,
                description="Vervangende hechtenis",
            ),
            _from_kengetal("cjib_boete_escalatie", h, quantity=str(rng.randint(2, 5))),
            _own(
                "Begeleiding naar werk",
                d,
                Payer.GEMEENTE_PARTICIPATIEWET,
                _money(rng, 300, 600),
                Frequency.PER_MAAND,
                "Tarief re-integratie 2026",
                duration=6,
            ),
        ]
    if leefgebied == "werk_opleiding":
        return [
            _from_kengetal("bijstand_uitkering", h),
            _from_kengetal("bijstand_uitvoering", h),
            _from_kengetal("bijstand_uitkering", d, duration=rng.randint(6, 9)),
            _from_kengetal("bijstand_uitvoering", d, duration=rng.randint(6, 9)),
            _own(
                "Opleidingskosten",
                d,
                Payer.GEMEENTE_PARTICIPATIEWET,
                _money(rng, 1500, 4000, 100),
                Frequency.EENMALIG,
                "Offerte opleider",
            ),
        ]
    return [
        _from_kengetal("multiprobleemgezin_gemeente", h, probability="0.5"),
        _own(
            "Regisseur met doorzettingsmacht",
            d,
            Payer.GEMEENTE_WMO,
            _money(rng, 600, 1000),
            Frequency.PER_MAAND,
            "Tarief casusregie 2026",
        ),
        _from_kengetal("wmo_uitvoering", d),
    ]


# -- building the plans ---------------------------------------------------------------------------


def _owner(kind: str, organisations: Sequence[str], municipality: str) -> str:
    keywords = {
        "schuld": ("schuld", "krediet"),
        "woning": ("woon", "wonen", "corporatie", "mitros", "ymere", "vestia", "portaal"),
        "zorg": ("ggz", "zorg", "verslaving", "tactus", "brijder", "huisarts"),
        "gemeente": ("gemeente",),
    }[kind]
    for name in organisations:
        if any(word in name.casefold() for word in keywords):
            return name
    return f"Gemeente {municipality}"


def _content(facts: _Facts, rng: random.Random, start: date, complete: bool) -> dict[str, Any]:
    municipality = reference.municipalities()[facts.municipality_code]
    problems = sorted(facts.problems, key=lambda p: (p.score, list(reference.leefgebieden()).index(p.leefgebied)))
    obstacle = problems[0]
    approach = _approach(obstacle.leefgebied)
    goals = [{"text": approach.goal, "leefgebied": obstacle.leefgebied, "target_score": min(5, obstacle.score + 2)}]
    for problem in problems[1:3]:
        label = reference.leefgebieden()[problem.leefgebied]
        goals.append(
            {
                "text": f"{label}: van score {problem.score} naar {min(5, problem.score + 1)}",
                "leefgebied": problem.leefgebied,
                "target_score": min(5, problem.score + 1),
            }
        )
    lines = _cost_lines(obstacle.leefgebied, rng)
    first_doorbraak = next(i for i, line in enumerate(lines) if line["scenario"] == Scenario.DOORBRAAK) + 1
    actions = []
    for index, (what, kind) in enumerate(approach.actions):
        owner = _owner(kind, facts.organisations, municipality)
        mailbox = "maatwerk@" + "".join(ch for ch in search_normalise(municipality) if ch.isascii() and ch.isalpha())
        mailbox += ".example"
        action: dict[str, Any] = {
            "what": what,
            "owner_organisation": owner,
            "contact": f"Centrale mailbox {mailbox}" if owner.startswith("Gemeente") else "Vaste contactpersoon",
            "deadline": start + timedelta(weeks=rng.randint(2, 5) * (index + 1)),
            "goal_id": "d1" if index == 0 or len(goals) == 1 else f"d{min(len(goals), index + 1)}",
        }
        if index == 0:
            action.update(
                deviating=True,
                legal_basis_ids=list(approach.bases),
                cost_line_id=f"k{first_doorbraak}",
                reasoning={
                    "onevenredigheid": approach.onevenredigheid,
                    "gelijkheid": "De samenloop van problemen in dit huishouden is uitzonderlijk; het besluit "
                    "schept geen precedent voor gevallen met één probleem.",
                },
            )
        actions.append(action)
    content: dict[str, Any] = {
        "in_kaart": {
            "samenvatting": f"{len(facts.problems)} leefgebieden met problemen en {len(facts.organisations)} "
            "betrokken organisaties in kaart gebracht met het huishouden.",
            "datum": start - timedelta(days=rng.randint(14, 35)),
        },
        "perspectief": rng.choice(approach.perspective),
        "sta_in_de_weg": {
            "problem_id": obstacle.id,
            "leefgebied": obstacle.leefgebied,
            "toelichting": approach.obstacle,
        },
        "doorbraak": approach.doorbraak,
        "goals": goals,
        "actions": actions,
        "rekensom": {"horizon_months": 12, "lines": lines, "price_year": PRICE_YEAR},
        "juridisch": {
            "bevoegd_gezag": f"College van burgemeester en wethouders van {municipality}",
            "wettelijk_kader": ", ".join(dict.fromkeys(_law(b) for b in approach.bases)),
            "grondslagen": [{"basis_id": approach.bases[0], "toelichting": "Toegepast op de eerste actie."}],
            "feiten": f"Probleem: {obstacle.description or reference.leefgebieden()[obstacle.leefgebied]}.",
            "bijzondere_omstandigheden": "Meerdere problemen versterken elkaar; de standaardroute is geprobeerd.",
            "onevenredigheid": approach.onevenredigheid,
            "risicos": "Precedentwerking; beperkt doordat het besluit eenmalig en gemotiveerd is.",
            "privacy_grondslagen": [{"basis_id": "avg_6", "toelichting": "Wettelijke taak (art. 6 lid 1 onder e)"}],
            "privacy_toelichting": "Alleen de gegevens die elke organisatie voor haar actie nodig heeft, "
            "worden gedeeld.",
        },
        "consent": {
            "given_by": facts.head,
            "given_on": start - timedelta(days=rng.randint(1, 5)),
            "method": rng.choice(["schriftelijk", "mondeling", "digitaal"]),
            "scope": "Delen van de gegevens uit dit plan met de organisaties die een actie uitvoeren.",
        },
    }
    if not complete:
        # A concept part-way: the later steps are still open (what_is_missing shows them).
        stage = rng.randint(1, 4)
        content["consent"] = None
        if stage <= 3:
            content["juridisch"] = {}
            content["actions"] = content["actions"][:1] if stage == 3 else []
        if stage <= 2:
            content["rekensom"] = {
                "horizon_months": 12,
                "lines": lines[:1] if stage == 2 else [],
                "price_year": PRICE_YEAR,
            }
            content["goals"] = goals[:1]
        if stage == 1:
            content["doorbraak"] = ""
            content["goals"] = []
    return content


def _law(basis_id: str) -> str:
    return legal_basis(basis_id).wet


def _household(facts: _Facts) -> Household:
    return Household.model_construct(
        case_number=facts.case_number,
        name=facts.case_number,
        municipality_code=facts.municipality_code,
        # Every field with a default factory given explicitly: model_construct is slow at filling those.
        address=Address.model_construct(street="", house_number="", postcode="", city=""),
        members=[],
        organisations=[],
        problems=facts.problems,
    )


def _realised(rng: random.Random, projected: dict[Payer, Decimal], moment: int, horizon: int) -> dict[Payer, Decimal]:
    """Realised costs per payer so far: the doorbraak projection pro rata to the moment, give or take 25 %."""
    if moment == 0:
        return {}
    share = Decimal(min(moment, horizon)) / Decimal(horizon)
    return {
        payer: (amount * share * Decimal(rng.randint(75, 125)) / 100).quantize(Decimal("0.01"))
        for payer, amount in projected.items()
        if amount > 0
    }


def _evaluation(
    rng: random.Random,
    facts: _Facts,
    moment: int,
    on: date,
    progress: float,
    realised: dict[Payer, Decimal] | None = None,
) -> Evaluation:
    scores = {}
    for problem in facts.problems[:4]:
        scores[problem.leefgebied] = min(5, problem.score + round(progress * rng.choice([1, 2, 2, 3])))
    grade = min(10, 4 + round(progress * rng.choice([2, 3, 4])))
    notes = {
        0: "Nulmeting bij de start.",
        3: "Eerste resultaten zichtbaar.",
        6: "Situatie stabiel.",
        12: "Eindevaluatie met het huishouden.",
    }
    return Evaluation(
        moment=moment,
        on_date=on,
        rapportcijfer=grade,
        scores=scores,
        toelichting=notes[moment],
        realised_by_payer=realised or {},
    )


def _months_later(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, 28))


def _target(status: HouseholdStatus, rng: random.Random) -> PlanStatus | None:
    if status is HouseholdStatus.AFGESLOTEN:
        return PlanStatus.GEEVALUEERD if rng.random() < 0.5 else None
    return {
        HouseholdStatus.AANGEMELD: None,
        HouseholdStatus.IN_BEHANDELING: PlanStatus.CONCEPT,
        HouseholdStatus.PLAN_VASTGESTELD: PlanStatus.VASTGESTELD,
        HouseholdStatus.UITVOERING: PlanStatus.IN_UITVOERING,
        HouseholdStatus.GEEVALUEERD: PlanStatus.GEEVALUEERD,
    }[status]


def _decider(rng: random.Random, facts: _Facts) -> str:
    """The municipality's maatwerkfunctionaris (never the plan's author); the draw keeps the rng's sequence."""
    rng.random()
    return MAATWERKFUNCTIONARISSEN[facts.municipality_code]


def _decision(rng: random.Random, facts: _Facts, on: date, toelichting: str = "") -> Decision:
    """By the municipality's mandate holder, on her mandate of the register (storage/seed/mandates.py)."""
    decision = seed_decision(facts.municipality_code, on, toelichting)
    if decision.decided_by != _decider(rng, facts):  # pragma: no cover - the same person the stories name
        raise AssertionError(f"{facts.municipality_code}: the mandate holder is not the maatwerkfunctionaris")
    return decision


def _build(facts: _Facts, target: PlanStatus, rng: random.Random, today: date, index: int) -> list[Maatwerkplan]:
    """The version(s) of one household's plan, oldest first."""
    age_days = {
        PlanStatus.CONCEPT: rng.randint(3, 20),
        PlanStatus.VASTGESTELD: rng.randint(5, 40),
        PlanStatus.IN_UITVOERING: rng.randint(60, 250),
        PlanStatus.GEEVALUEERD: rng.randint(200, 420),
    }[target]
    start = today - timedelta(days=age_days)
    complete = target is not PlanStatus.CONCEPT or rng.random() < 0.35
    content = _content(facts, rng, start, complete)
    plan = Maatwerkplan.model_validate({**content, "case_number": facts.case_number, "created_by": facts.professional})
    if target is PlanStatus.CONCEPT:
        return [plan]
    household = _household(facts)
    missing = what_is_missing(plan, household)
    if missing:  # pragma: no cover - guards the templates above
        raise AssertionError(f"seed plan for {facts.case_number} is incomplete: {missing}")
    plan.decide(
        _decision(rng, facts, start),
        household,
    )
    if target is PlanStatus.VASTGESTELD:
        return [plan]
    plan.start_execution()
    # Dates and amounts added later (done_on, realised costs per payer) come from a generator of their own,
    # so the draws of `rng`, and with them the rest of the sample data, stay what they were.
    extra = random.Random(f"{facts.case_number}/uitvoering")
    projected = {r.payer: r.kosten_doorbraak for r in plan.rekensom_result().per_payer}  # real costs only
    elapsed = (today - start).days // 30
    moments = [m for m in (0, 3, 6, 12) if m <= elapsed]
    for moment in moments:
        realised = _realised(extra, projected, moment, plan.rekensom.horizon_months)
        plan.record_evaluation(_evaluation(rng, facts, moment, _months_later(start, moment), moment / 12, realised))
    statuses = [ActionStatus.GEDAAN, ActionStatus.BEZIG, ActionStatus.VASTGELOPEN, ActionStatus.OPEN]
    done_on = start
    for number, action in enumerate(plan.actions):
        assert action.id is not None
        status = ActionStatus.GEDAAN if target is PlanStatus.GEEVALUEERD else statuses[(number + index) % 4]
        note = (
            "Wacht op reactie van de landelijke uitvoeringsorganisatie; escalatie overwogen."
            if status is ActionStatus.VASTGELOPEN
            else ""
        )
        day = None
        if status is ActionStatus.GEDAAN:  # days to weeks after the decision, each later than the one before
            done_on = min(today, done_on + timedelta(days=extra.randint(3, 35)))
            day = done_on
        plan.set_action_status(action.id, status, note, done_on=day, today=today)
    if target is PlanStatus.GEEVALUEERD:
        plan.complete_evaluation()
        return [plan]
    if index % 3 != 0:
        return [plan]
    # Changed after the decision: version 2 extends a deadline and adds an action, decided again.
    second = plan.next_version(facts.professional)
    changed = second.content().model_dump()
    changed["actions"][-1]["deadline"] = changed["actions"][-1]["deadline"] + timedelta(weeks=6)
    changed["actions"].append(
        {
            "what": "Extra overleg met alle betrokken organisaties (na vastlopen)",
            "owner_organisation": changed["actions"][0]["owner_organisation"],
            "deadline": start + timedelta(days=min(age_days - 10, 90)),
            "goal_id": "d1",
        }
    )
    changed["consent"] = {**content["consent"], "given_on": start + timedelta(days=30)}
    second.replace_content(PlanContent.model_validate(changed))
    second.decide(
        _decision(rng, facts, start + timedelta(days=31), "Actieplan bijgesteld na een vastgelopen actie."),
        household,
    )
    second.start_execution()
    return [plan, second]


# -- writing --------------------------------------------------------------------------------------


def seed_plans(connection: Connection, rng: random.Random, context: Any) -> None:
    """The "plannen" seed step (see storage/seed/__init__.py for the contract)."""
    facts = _load_facts(connection, context)
    today: date = context.reference_date
    plan_rows: list[dict[str, Any]] = []
    children: dict[Table, list[dict[str, Any]]] = defaultdict(list)
    next_id = 1 + (connection.execute(select(func.max(col(PlanRow.id)))).scalar() or 0)
    plans = versions = 0
    # A written story may carry the local user's unsaved draft; then no drawn household gets one.
    draft_written = False
    members = _members(connection)
    story_draft = any(
        h.story is not None and h.story.plan is not None and h.story.plan.draft for h in context.households
    )
    for index, household in enumerate(context.households):
        info = facts[household.id]
        if household.story is not None:
            built = story_plan_versions(household.story, _household(info), today)
            children[_table(ZrmScoreRow)].extend(
                story_zrm_rows(
                    household.story, info.household_id, members.get(info.household_id, []), built,
                    context.reference_moment,
                )
            )
            if not built:
                continue
            target: PlanStatus = built[-1].status
        else:
            drawn = _target(household.status, rng)
            if drawn is None or not info.problems:
                continue
            target = drawn
            built = _build(info, target, rng, today, index)
        plans += 1
        for plan in built:
            created = context.moment_between(rng, household.created_at)
            updated = context.moment_between(rng, created)
            plan_rows.append(
                {
                    **plan_row_values(plan),
                    "id": next_id,
                    "household_id": info.household_id,
                    "plan_version": plan.plan_version,
                    "created_by": plan.created_by,
                    "created_at": created,
                    "updated_at": updated,
                    "version": 1,
                }
            )
            for table, rows in plan_child_values(next_id, plan).items():
                children[table].extend(rows)
            next_id += 1
            versions += 1
        if household.story is None:
            children[_table(ZrmScoreRow)].extend(
                _zrm_rows(info.household_id, members.get(info.household_id, []), built[-1],
                          context.reference_moment))
        story = household.story
        draft_text = story.plan.draft if story is not None and story.plan is not None else ""
        if target is PlanStatus.CONCEPT and (draft_text or (story is None and not story_draft and not draft_written)):
            # The local user left this concept mid-sentence: the editor offers the autosaved draft.
            draft = built[-1].content().model_dump(mode="json")
            draft["perspectief"] = draft["perspectief"] + (draft_text or " En dat de kinderen")
            connection.execute(
                insert(_table(PlanDraftRow)),
                [
                    {
                        "household_id": info.household_id,
                        "username": LOCAL_USER,
                        "base_plan_version": 1,
                        "base_version": 1,
                        "content": json.dumps(draft, ensure_ascii=False),
                        "saved_at": context.moment_between(rng, context.reference_moment - timedelta(days=1)),
                    }
                ],
            )
            draft_written = True
        if len(plan_rows) >= BATCH:
            _flush(connection, plan_rows, children)
    _flush(connection, plan_rows, children)
    connection.execute(superseded_statement())  # the dashboard's plan in force (storage/plan_summary.py)
    rebuild_score_series(connection)  # the dashboard's score changes (storage/score_summary.py)
    # One municipality with its own figure, to show overrides of the kengetallen.
    connection.execute(
        insert(_table(KengetalOverrideRow)),
        [
            {
                "municipality_code": "GM0344",
                "kengetal_id": "bijstand_uitvoering",
                "bedrag": Decimal("3050.00"),
                "bron": "Gemeente Utrecht, begroting",
                "jaar": 2026,
                "updated_by": LOCAL_USER,
                "updated_at": context.reference_moment,
                "version": 1,
            }
        ],
    )
    context.stats.add("plannen", plans)
    context.stats.add("planversies", versions)


def _members(connection: Connection) -> dict[int, list[Member]]:
    found: dict[int, list[Member]] = defaultdict(list)
    for household_id, member_id, name, born, role in connection.execute(
        select(col(MemberRow.household_id), col(MemberRow.id), col(MemberRow.name), col(MemberRow.date_of_birth),
               col(MemberRow.role)).order_by(col(MemberRow.household_id), col(MemberRow.position), col(MemberRow.id))
    ):
        found[household_id].append(Member.model_construct(id=member_id, name=name, date_of_birth=born,
                                                          role=MemberRole(role), bsn=None))
    return found


def _zrm_rows(household_id: int, members: list[Member], plan: Maatwerkplan, recorded_at: datetime
              ) -> list[dict[str, Any]]:
    """The ZRM scores of the plan's evaluations as the hoofdbewoner's history (the rule of
    `domain.services.plans.record_evaluation`, which does the same in the app)."""
    rows: dict[tuple[int, str, date], dict[str, Any]] = {}
    for evaluation in plan.evaluations:
        on = evaluation.on_date
        owner = score_owner(members, on) if on is not None else None
        if owner is None or owner.id is None or on is None:
            continue
        for code, score in evaluation.scores.items():
            rows[(owner.id, code, on)] = {
                "household_id": household_id, "member_id": owner.id, "leefgebied": code, "score": score,
                "scored_on": on, "moment": evaluation.moment, "by_name": plan.created_by, "recorded_at": recorded_at,
            }
    return list(rows.values())


def _table(model: type[Any]) -> Table:
    table: Table = model.__table__
    return table


def _flush(
    connection: Connection, plan_rows: list[dict[str, Any]], children: dict[Table, list[dict[str, Any]]]
) -> None:
    if plan_rows:
        connection.execute(insert(_table(PlanRow)), plan_rows)
    for table, rows in children.items():
        if rows:
            connection.execute(insert(table), rows)
    plan_rows.clear()
    children.clear()
