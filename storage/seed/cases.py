"""Seed step "casusinstrumenten": overbruggingen, escalations and a knelpunten history (see storage/seed/__init__.py).

Everything is built as domain objects and moved through the domain's own state machines (so only legal
states exist), then written with the repositories in the seed's single transaction. Deterministic: every
choice comes from the step's rng, every date is relative to the reference date (2026-11-01).

What the demo shows:
- overbruggingen in every state, at least two past their settlement deadline and one over its cap;
- escalations at every level in every state, with routes, consent and dates, some waiting > 8 weeks;
- knelpunten signalled from November 2025 on, with recurrences every month up to October 2026 (a rising
  18-/18+ and schotten trend), some agendered or solved, linked to escalations (counts only).
Free text holds no names: each escalation is checked against its household before it is written, and a
household whose names clash with the texts is skipped.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from domain.dossier import check_escalation_text
from domain.escalation import Escalation, EscalationLevel, EscalationStatus
from domain.household import Household, HouseholdStatus, LegalFramework
from domain.knelpunt import Knelpunt, KnelpuntStatus
from domain.overbrugging import (
    CostBooking,
    Overbrugging,
    OverbruggingStatus,
    Settlement,
    Transition,
    add_months,
    round_cents,
)
from domain.validation import age_on
from storage.escalation import SqlEscalationRepository
from storage.households import SqlHouseholdRepository
from storage.knelpunten import SqlKnelpuntRepository
from storage.overbrugging import SqlOverbruggingRepository
from storage.seed.mandates import seed_mandates_by_code

S = OverbruggingStatus
E = EscalationStatus
L = EscalationLevel
LF = LegalFramework
COORDINATOR = "Coördinator sociaal domein"
MAX_PER_KIND = 1000
"""Upper bound per kind so a 100,000-household benchmark seed stays fast."""


# -- overbruggingen -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _TransitionText:
    support: str
    urgency: str
    laws: tuple[LegalFramework, ...]
    parties: tuple[str, ...]
    note: str = ""


TRANSITIONS: dict[Transition, _TransitionText] = {
    Transition.ACHTTIEN: _TransitionText(
        "Begeleid wonen en doorlopende behandeling na de 18e verjaardag",
        "De jeugdhulp stopt op de 18e verjaardag; zonder begeleiding dreigen schooluitval en dakloosheid.",
        (LF.JEUGDWET, LF.WMO, LF.ZVW),
        ("{gemeente}", "Zorgverzekeraar Midden"),
    ),
    Transition.WMO_WLZ: _TransitionText(
        "Toezicht en verzorging thuis, dag en nacht",
        "De Wlz-indicatie is aangevraagd maar nog niet afgegeven; de Wmo-ondersteuning schiet tekort.",
        (LF.WMO, LF.WLZ),
        ("{gemeente}", "Zorgkantoor Regio Noord"),
    ),
    Transition.ZVW_JEUGDWET: _TransitionText(
        "Intensieve ggz-behandeling voor een jongere",
        "Zorgverzekeraar en gemeente verschillen van mening over het kader; de wachttijd loopt op.",
        (LF.ZVW, LF.JEUGDWET),
        ("Zorgverzekeraar Midden", "{gemeente}"),
    ),
    Transition.JEUGDWET_WMO: _TransitionText(
        "Ambulante begeleiding bij zelfstandig wonen",
        "Verlengde jeugdhulp is afgewezen en de Wmo-beschikking is er nog niet.",
        (LF.JEUGDWET, LF.WMO),
        ("{gemeente}", "Jeugdhulp Regio"),
    ),
    Transition.OVERIG: _TransitionText(
        "Tijdelijke woonruimte na een ontruiming",
        "Zonder dak boven het hoofd stopt de schuldhulpverlening en vervalt de uitkering.",
        (LF.PARTICIPATIEWET, LF.WMO),
        ("{gemeente}", "Woningcorporatie Thuis"),
        note="Participatiewet ↔ Wmo (maatschappelijke opvang)",
    ),
}

# Target states for the first overbruggingen, so even the 48-household sample shows every case;
# True = settlement deadline already past on the reference date.
OVERBRUGGING_PLAN: tuple[tuple[OverbruggingStatus, bool], ...] = (
    (S.INGEZET, True),
    (S.AANGEVRAAGD, False),
    (S.TOEGEKEND, False),
    (S.INGEZET, False),
    (S.VERREKENING_BESLOTEN, False),
    (S.AFGESLOTEN, False),
    (S.AFGEWEZEN, False),
    (S.TOEGEKEND, True),
    (S.AFGESLOTEN, False),
    (S.INGEZET, False),
)
STATE_WEIGHTS = {
    S.AANGEVRAAGD: 2,
    S.TOEGEKEND: 2,
    S.INGEZET: 4,
    S.VERREKENING_BESLOTEN: 2,
    S.AFGESLOTEN: 4,
    S.AFGEWEZEN: 1,
}


def _ages(household: Household, today: date) -> list[int]:
    return [age_on(member.date_of_birth, today) for member in household.members]


def _areas(household: Household) -> dict[str, int]:
    return {problem.leefgebied: problem.score for problem in household.problems}


def fitting_transitions(household: Household, today: date) -> list[Transition]:
    """The transitions this household's members and problems make plausible (an overbrugging for a youth
    turning 18 needs a 17-year-old; Wmo to Wlz someone who needs care around the clock; ...)."""
    ages, areas = _ages(household, today), _areas(household)
    fits: list[Transition] = []
    if any(age == 17 for age in ages):
        fits.append(Transition.ACHTTIEN)
    if any(age >= 65 for age in ages) and ({"basale_adl", "lichamelijke_gezondheid"} & areas.keys()):
        fits.append(Transition.WMO_WLZ)
    if any(12 <= age <= 17 for age in ages) and "geestelijke_gezondheid" in areas:
        fits.append(Transition.ZVW_JEUGDWET)
    if any(18 <= age <= 22 for age in ages[1:]):  # a child who just turned 18 (verlengde jeugdhulp to 23)
        fits.append(Transition.JEUGDWET_WMO)
    if areas.get("huisvesting", 5) <= 2:
        fits.append(Transition.OVERIG)
    return fits


def _overbrugging(
    rng: random.Random,
    household: Household,
    target: OverbruggingStatus,
    past_deadline: bool,
    over_cap: bool,
    today: date,
) -> Overbrugging:
    transition = rng.choice(fitting_transitions(household, today))
    text = TRANSITIONS[transition]
    gemeente = f"Gemeente {household.municipality_name}"
    parties = [p.format(gemeente=gemeente) for p in text.parties]
    cap = Decimal(rng.choice([2500, 4000, 6000, 8000, 12000, 15000]))
    expected = round_cents(cap * Decimal(rng.choice(["0.6", "0.75", "0.9", "1.0", "1.1"])))
    months = rng.choice([3, 4, 6, 6, 9, 12])
    if target is S.AANGEVRAAGD:
        start = today - timedelta(days=rng.randint(2, 20))
    elif past_deadline:
        start = today - timedelta(days=rng.randint(150, 260))
    else:
        start = today - timedelta(days=rng.randint(60, 330))
    deadline = add_months(start, months + 2)
    if past_deadline:
        deadline = today - timedelta(days=rng.randint(5, 40))
    elif target in (S.AANGEVRAAGD, S.TOEGEKEND, S.INGEZET) and deadline <= today:
        deadline = today + timedelta(days=rng.randint(20, 120))
    ob = Overbrugging.model_validate(
        {
            "case_number": household.case_number,
            "support_needed": text.support,
            "urgency_reason": text.urgency,
            "transition": transition,
            "transition_note": text.note,
            "laws_in_dispute": list(text.laws),
            "organisations_in_dispute": parties,
            "voorfinancier": gemeente,
            "cap": cap,
            "expected_cost": expected,
            "start_date": start,
            "max_duration_months": months,
            "settlement_deadline": max(deadline, start),
            "steps": [{"status": "aangevraagd", "on": start - timedelta(days=rng.randint(1, 10)), "by": COORDINATOR}],
        }
    )
    on = ob.steps[0].on
    if target is S.AANGEVRAAGD:
        return ob
    if target is S.AFGEWEZEN:
        ob.change_status(
            S.AFGEWEZEN,
            on=on + timedelta(days=rng.randint(2, 10)),
            by=COORDINATOR,
            note="Geen geschil over de betaler: de Wmo is hier voorliggend.",
        )
        return ob
    holder = seed_mandates_by_code()[household.municipality_code]  # four-eyes: not the requester
    ob.change_status(S.TOEGEKEND, on=on + timedelta(days=1), by=holder.holder_name, username=holder.holder_username)
    if target is S.TOEGEKEND:
        return ob
    ob.change_status(S.INGEZET, on=start, by=COORDINATOR)
    end = min(ob.end_date, today - timedelta(days=1))
    month = start
    while month < end:
        amount = round_cents(cap / months * Decimal(rng.choice(["0.8", "0.9", "1.0", "1.05"])))
        ob.book_cost(CostBooking(booked_on=month, amount=amount, description=f"Factuur {month:%m-%Y}", by=COORDINATOR))
        month = add_months(month, 1)
    if over_cap and ob.total_costs <= cap:
        ob.book_cost(
            CostBooking(
                booked_on=end,
                amount=cap - ob.total_costs + Decimal("735.50"),
                description="Extra begeleiding (crisis)",
                by=COORDINATOR,
            )
        )
    if target is S.INGEZET:
        return ob
    payer = parties[1]
    shares = rng.choice([[(payer, "100")], [(payer, "60"), (parties[0], "40")], [(payer, "50"), (parties[0], "50")]])
    decided = max(end, ob.steps[-1].on) + timedelta(days=rng.randint(5, 30))
    decided = min(decided, today - timedelta(days=2))
    ob.settle(
        Settlement.model_validate(
            {
                "shares": [{"payer": p, "percentage": pct} for p, pct in shares],
                "amount": ob.total_costs,
                "decided_on": max(decided, ob.steps[-1].on),
                "note": "Besloten in het regionale verrekenoverleg.",
            }
        ),
        by=COORDINATOR,
    )
    if target is S.VERREKENING_BESLOTEN:
        return ob
    assert ob.settlement is not None
    repaid = min(ob.settlement.decided_on + timedelta(days=rng.randint(10, 40)), today - timedelta(days=1))
    ob.record_repayment(max(repaid, ob.settlement.decided_on))
    ob.change_status(S.AFGESLOTEN, on=ob.settlement.repaid_on or repaid, by=COORDINATOR)
    return ob


# -- escalations ----------------------------------------------------------------------------------------------
BLOCKAGES: tuple[tuple[str, str, str], ...] = (
    (
        "De boete loopt op terwijl de uitkering is stopgezet; zonder inkomen is er geen betalingsregeling mogelijk.",
        "CJIB-noodstop en herstel van de uitkering met terugwerkende kracht.",
        "juridisch",
    ),
    (
        "De woningcorporatie zet de ontruiming door zolang de huurachterstand niet in één keer is afgelost.",
        "Aflossing door de gemeente en afzien van ontruiming.",
        "organisatorisch",
    ),
    (
        "De terugvordering van toeslagen maakt de beslagvrije voet te laag om van te leven.",
        "Persoonlijke betalingsregeling zonder rente en herberekening van de beslagvrije voet.",
        "juridisch",
    ),
    (
        "Zorgkantoor en gemeente wijzen naar elkaar voor de kosten van begeleiding na de 18e verjaardag.",
        "Overbrugging met verrekening achteraf.",
        "organisatorisch",
    ),
    (
        "Door de premieachterstand is de bewoner aangemeld bij het CAK. De zorgverzekering loopt door, maar de "
        "bestuursrechtelijke premie wordt op de uitkering ingehouden en laat te weinig over om van te leven.",
        "Uitstroom uit de bestuursrechtelijke premie via een schuldregeling (Zvw art. 18a-18g).",
        "juridisch",
    ),
    (
        "Na detentie is er geen woonadres, dus geen inschrijving en geen uitkering.",
        "Briefadres en voorrang bij urgentie.",
        "organisatorisch",
    ),
)
GENERIC_BLOCKAGE = (
    "Drie organisaties wachten op elkaar; niemand neemt het besluit dat de anderen nodig hebben.",
    "Eén regisseur met doorzettingsmacht en één gezamenlijk besluit.",
    "organisatorisch",
)


def fitting_blockages(household: Household, today: date) -> list[tuple[str, str, str]]:
    """The blockages that fit what this household's problems say (a CAK blockage only when the CAK is
    involved, the 18+ blockage only with a 17-year-old, ...); the generic one when none does."""
    text = " ".join(p.description for p in household.problems).casefold()
    names = " ".join(o.name for o in household.organisations).casefold()
    areas = _areas(household)
    checks = (
        "cjib" in text or "boete" in text or "cjib" in names,
        areas.get("huisvesting", 5) <= 2 and ("ontruim" in text or "huurachterstand" in text),
        "toeslag" in text,
        any(age == 17 for age in _ages(household, today)),
        "cak" in text or "cak" in names.split(),
        "detentie" in text or "gevangenis" in text,
    )
    fits = [blockage for blockage, fits in zip(BLOCKAGES, checks, strict=True) if fits]
    return fits or [GENERIC_BLOCKAGE]


ROUTES = {
    L.LOKAAL: ("Besproken in het lokale doorbraakteam", "Geen mandaat om af te wijken."),
    L.REGIONAAL: ("Regionaal escalatieoverleg met de betrokken organisaties", "Geen besluit; doorverwezen."),
}
RECIPIENTS = {L.LOKAAL: ["Doorbraakteam"], L.REGIONAAL: ["Regionaal escalatieteam"], L.LANDELIJK: ["LMM", "LET"]}
OUTCOMES = {
    E.OPGELOST: "Oplossing gevonden en uitgevoerd.",
    E.NIET_OPGELOST: "Geen oplossing binnen de bevoegdheden op dit niveau.",
    E.TERUGGELEGD: "Eerst de lokale route afmaken.",
}


def _escalation(
    rng: random.Random, household: Household, level: EscalationLevel, target: EscalationStatus, today: date
) -> Escalation:
    blockage, solution, kind = rng.choice(fitting_blockages(household, today))
    created = today - timedelta(days=rng.randint(10, 300) if target is not E.CONCEPT else rng.randint(1, 20))
    routes: list[dict[str, Any]] = []
    tried = created - timedelta(days=rng.randint(40, 80))
    levels_before = [lv for lv in (L.LOKAAL, L.REGIONAAL) if list(L).index(lv) < list(L).index(level)]
    for lv in levels_before:
        description, outcome = ROUTES[lv]
        routes.append({"level": lv, "tried_on": tried, "description": description, "outcome": outcome})
        tried += timedelta(days=rng.randint(5, 15))
    domains = [p.leefgebied for p in household.problems if p.score <= 2][:4] or ["financien", "huisvesting"]
    if len(domains) < 2:
        domains.append("huisvesting" if domains[0] != "huisvesting" else "financien")
    organisations = list(dict.fromkeys(o.name for o in household.organisations))[:5]
    consent_on = created - timedelta(days=rng.randint(1, 10))
    escalation = Escalation.model_validate(
        {
            "case_number": household.case_number,
            "level": level,
            "urgent": True,
            "urgency_note": "Zonder snelle oplossing verliest het huishouden de woning of het inkomen.",
            "complex": True,
            "complexity_note": "Meerdere organisaties en wetten; niemand kan alleen beslissen.",
            "domains": domains,
            "organisations": organisations if len(organisations) >= 2 else [*organisations, "Gemeente"],
            "routes_tried": routes,
            "blockage_kind": kind,
            "blockage": blockage,
            "requested_solution": solution,
            "consent": {
                "given": target is not E.CONCEPT or rng.random() < 0.5,
                "given_on": consent_on,
                "scope": "Delen van het gepseudonimiseerde dossier voor deze escalatie.",
                "recipients": RECIPIENTS[level],
                "expires_on": today + timedelta(days=rng.randint(60, 365)),
            },
            "created_on": created,
            "steps": [{"status": "concept", "on": created, "by": COORDINATOR}],
        }
    )
    if target is E.CONCEPT:
        return escalation
    submitted = created + timedelta(days=rng.randint(1, 7))
    escalation.change_status(E.INGEDIEND, on=submitted, by=COORDINATOR)
    if target is E.INGEDIEND:
        return escalation
    if target is E.TERUGGELEGD and rng.random() < 0.5:
        escalation.change_status(
            E.TERUGGELEGD,
            on=min(submitted + timedelta(days=rng.randint(3, 20)), today),
            by=COORDINATOR,
            note=OUTCOMES[E.TERUGGELEGD],
        )
        return escalation
    started = min(submitted + timedelta(days=rng.randint(3, 21)), today)
    escalation.change_status(E.IN_BEHANDELING, on=started, by=COORDINATOR)
    if target is E.IN_BEHANDELING:
        return escalation
    closed = min(started + timedelta(days=rng.randint(14, 90)), today)
    escalation.change_status(target, on=closed, by=COORDINATOR, note=OUTCOMES[target])
    return escalation


# -- knelpunten -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _KnelpuntSeed:
    title: str
    category: str
    law: str
    article: str
    organisation: str
    ministry: str
    effect: str
    fix: str
    first_month: int
    """Months after November 2025 in which it is first signalled."""
    rate: float
    """Expected occurrences per month at the start ..."""
    growth: float
    """... changing by this much per month (the trend)."""
    status: KnelpuntStatus = KnelpuntStatus.GESIGNALEERD


KNELPUNTEN: tuple[_KnelpuntSeed, ...] = (
    _KnelpuntSeed(
        "Jeugdhulp stopt abrupt op 18 jaar",
        "wet",
        "Jeugdwet",
        "art. 1.1",
        "Gemeenten",
        "VWS",
        "Behandeling en begeleiding stoppen op de verjaardag; vervolgzorg start maanden later.",
        "Wettelijke overbrugging tot de vervolgzorg start.",
        0,
        1.0,
        0.25,
        KnelpuntStatus.GEAGENDEERD,
    ),
    _KnelpuntSeed(
        "Schotten tussen Wmo en Wlz",
        "financiering_schotten",
        "Wlz",
        "art. 3.2.1",
        "Zorgkantoren",
        "VWS",
        "Niemand betaalt zolang de indicatie loopt; het huishouden valt tussen wal en schip.",
        "Voorfinanciering door de gemeente met verrekening achteraf.",
        0,
        0.8,
        0.15,
    ),
    _KnelpuntSeed(
        "Beslagvrije voet te laag bij samenloop",
        "uitvoering",
        "Wetboek van Burgerlijke Rechtsvordering",
        "art. 475d",
        "Deurwaarders",
        "JenV",
        "Na beslag blijft minder over dan het bestaansminimum.",
        "Eén loket berekent de beslagvrije voet voor alle schuldeisers.",
        0,
        0.7,
        0.0,
    ),
    _KnelpuntSeed(
        "Boetes lopen op zonder inkomen",
        "beleidsregel",
        "WAHV",
        "art. 23",
        "CJIB",
        "JenV",
        "Verhogingen stapelen zich op terwijl er geen inkomen is om te betalen.",
        "Noodstop automatisch bij gestopte uitkering.",
        1,
        0.6,
        0.05,
        KnelpuntStatus.OPGELOST,
    ),
    _KnelpuntSeed(
        "Terugvordering toeslagen zonder maatwerk",
        "beleidsregel",
        "Awir",
        "art. 26",
        "Dienst Toeslagen",
        "Financiën",
        "Volledige terugvordering duwt het huishouden in de schulden.",
        "Persoonlijke betalingsregeling zonder rente als standaard.",
        1,
        0.5,
        0.05,
    ),
    _KnelpuntSeed(
        "Geen briefadres na detentie",
        "samenwerking",
        "Wet BRP",
        "art. 2.39",
        "Gemeenten",
        "BZK",
        "Zonder adres geen uitkering, geen zorgverzekering en geen schuldhulp.",
        "Briefadres regelen vóór de dag van ontslag.",
        2,
        0.4,
        0.02,
    ),
    _KnelpuntSeed(
        "Gegevens delen voor schuldhulp vastgelopen",
        "privacy",
        "AVG",
        "art. 6",
        "Gemeenten",
        "SZW",
        "Vroegsignalering van huurachterstand komt niet bij de schuldhulp aan.",
        "Heldere grondslag voor gegevensdeling in de Wgs.",
        2,
        0.3,
        0.05,
    ),
    _KnelpuntSeed(
        "Systemen UWV en gemeente sluiten niet aan",
        "ict",
        "SUWI",
        "art. 62",
        "UWV",
        "SZW",
        "Een wijziging in de uitkering komt weken later bij de gemeente binnen.",
        "Realtime berichtenverkeer tussen UWV en gemeenten.",
        3,
        0.3,
        0.0,
    ),
    _KnelpuntSeed(
        "Bestuursrechtelijke premie drukt inkomen onder het minimum",
        "wet",
        "Zvw",
        "art. 18d",
        "CAK",
        "VWS",
        "De verzekering loopt door, maar de inhouding van de bestuursrechtelijke premie op de uitkering laat te "
        "weinig over voor huur en eten; nieuwe schulden ontstaan.",
        "De schuldregeling meldt de gemeente direct aan het CAK, zodat de gewone premie meteen terugkomt.",
        4,
        0.3,
        0.08,
    ),
    _KnelpuntSeed(
        "Kostendelersnorm ontmoedigt opvang familie",
        "wet",
        "Participatiewet",
        "art. 22a",
        "Gemeenten",
        "SZW",
        "Familie die iemand opvangt, verliest een deel van de uitkering.",
        "Tijdelijke uitzondering van zes maanden.",
        5,
        0.4,
        0.1,
    ),
)
HISTORY_START = date(2025, 11, 1)
HISTORY_MONTHS = 12


def _poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method; small means only."""
    limit, k, p = pow(2.718281828459045, -max(mean, 0.0)), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _knelpunten(rng: random.Random, today: date) -> list[Knelpunt]:
    found: list[Knelpunt] = []
    for spec in KNELPUNTEN:
        month0 = add_months(HISTORY_START, spec.first_month)
        signalled = month0 + timedelta(days=rng.randint(0, 20))
        k = Knelpunt.model_validate(
            {
                "title": spec.title,
                "category": spec.category,
                "law": spec.law,
                "article": spec.article,
                "organisation": spec.organisation,
                "ministry": spec.ministry,
                "unintended_effect": spec.effect,
                "proposed_fix": spec.fix,
                "signalled_on": signalled,
                "occurrences": [{"on": signalled}],
            }
        )
        for m in range(spec.first_month, HISTORY_MONTHS):
            month = add_months(HISTORY_START, m)
            for _ in range(_poisson(rng, spec.rate + spec.growth * (m - spec.first_month))):
                day = month + timedelta(days=rng.randint(0, 27))
                if signalled <= day < today:
                    k.occur(day)
        k.occurrences = sorted(k.occurrences, key=lambda o: o.on)
        if spec.status is not KnelpuntStatus.GESIGNALEERD:
            k.change_status(KnelpuntStatus.GEAGENDEERD, signalled + timedelta(days=rng.randint(40, 90)))
        if spec.status is KnelpuntStatus.OPGELOST:
            assert k.agendered_on is not None
            k.change_status(KnelpuntStatus.OPGELOST, min(k.agendered_on + timedelta(days=120), today))
        found.append(k)
    return found


BLOCKAGE_KNELPUNT: dict[str, str] = {
    BLOCKAGES[0][0]: "Boetes lopen op zonder inkomen",
    BLOCKAGES[1][0]: "Gegevens delen voor schuldhulp vastgelopen",
    BLOCKAGES[2][0]: "Terugvordering toeslagen zonder maatwerk",
    BLOCKAGES[3][0]: "Jeugdhulp stopt abrupt op 18 jaar",
    BLOCKAGES[4][0]: "Bestuursrechtelijke premie drukt inkomen onder het minimum",
    BLOCKAGES[5][0]: "Geen briefadres na detentie",
}
"""The knelpunt an escalation with this blockage is an instance of (the generic one: any)."""


def _knelpunt_for(rng: random.Random, escalation: Escalation, knelpunten: list[Knelpunt]) -> Knelpunt:
    title = BLOCKAGE_KNELPUNT.get(escalation.blockage)
    fitting = [k for k in knelpunten if k.title == title]
    return fitting[0] if fitting else rng.choice(knelpunten)


# -- the step -------------------------------------------------------------------------------------------------
def _clock(rng: random.Random, context: Any) -> Callable[[], datetime]:
    start = datetime.combine(
        context.reference_date - timedelta(days=330), datetime.min.time(), tzinfo=context.reference_moment.tzinfo
    )
    return lambda: context.moment_between(rng, start)


def seed_cases(connection: Connection, rng: random.Random, context: Any) -> None:
    """The "casusinstrumenten" seed step (see storage/seed/__init__.py for the contract)."""
    today: date = context.reference_date
    session = Session(bind=connection)
    clock = _clock(rng, context)
    households = SqlHouseholdRepository(session, clock)
    overbruggingen = SqlOverbruggingRepository(session, clock)
    escalations = SqlEscalationRepository(session, clock)
    register = SqlKnelpuntRepository(session, clock)
    try:
        candidates = [h for h in context.households if h.status is not HouseholdStatus.AANGEMELD] or context.households
        if not candidates:
            return
        order = list(candidates)
        rng.shuffle(order)

        knelpunten = [register.add(k) for k in _knelpunten(rng, today)]
        context.stats.add("knelpunten", len(knelpunten))
        context.stats.add("knelpuntmeldingen", sum(k.recurrence for k in knelpunten))

        n_overbruggingen = max(len(OVERBRUGGING_PLAN), min(len(order) // 5, MAX_PER_KIND))
        # Only households whose situation fits some transition get an overbrugging.
        fitting = [h for h in order if fitting_transitions(households.get(h.case_number), today)] or order[:0]
        if not fitting:
            n_overbruggingen = 0
        for i in range(n_overbruggingen):
            household = households.get(fitting[i % len(fitting)].case_number)
            if i < len(OVERBRUGGING_PLAN):
                target, past = OVERBRUGGING_PLAN[i]
            else:
                target = rng.choices(list(STATE_WEIGHTS), weights=list(STATE_WEIGHTS.values()))[0]
                past = target in (S.TOEGEKEND, S.INGEZET) and rng.random() < 0.2
            over = i == 0 or (target in (S.INGEZET, S.VERREKENING_BESLOTEN) and rng.random() < 0.15)
            overbruggingen.add(_overbrugging(rng, household, target, past, over, today))
        context.stats.add("overbruggingen", n_overbruggingen)

        plan = [(level, status) for level in L for status in E]
        n_escalations = max(len(plan), min(len(order) // 4, MAX_PER_KIND))
        written = 0
        cursor = len(order) // 3
        for i in range(n_escalations):
            level, status = plan[i] if i < len(plan) else (rng.choice(list(L)), rng.choice(list(E)))
            for _ in range(len(order)):
                household = households.get(order[cursor % len(order)].case_number)
                cursor += 1
                escalation = _escalation(rng, household, level, status, today)
                if not check_escalation_text(escalation, household):
                    break
            else:  # pragma: no cover - every household clashing with the texts
                continue
            if status is not E.CONCEPT and knelpunten:
                k = _knelpunt_for(rng, escalation, knelpunten)
                assert k.id is not None and escalation.submitted_on is not None
                escalation.link_knelpunt(k.id)
                k.occur(max(escalation.submitted_on, k.signalled_on), via_escalation=True)
                k.occurrences = sorted(k.occurrences, key=lambda o: o.on)
                knelpunten[knelpunten.index(k)] = register.save(k)
            escalations.add(escalation)
            written += 1
        context.stats.add("escalaties", written)
        session.flush()
    finally:
        session.close()


__all__ = ["seed_cases"]
