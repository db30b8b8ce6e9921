"""Precedenten: how a similar knelpunt was solved elsewhere, found in the decided plans of the database.

A professional searches decided plans (vastgesteld, in uitvoering or geëvalueerd; of every household the
newest decided version) by knelpunt, legal basis, sta-in-de-weg and kind of action, and sees what was
decided, on which basis, at what cost shift per party, and how it turned out at the evaluation.

Pseudonymised the way the LET dossier is (domain/dossier.py), **by construction**: `Precedent` has no field
that can hold a name, BSN, address, postcode, date of birth or contact. Members appear only as counts per
age band (domain/research.py's bands); the decision only as its month. The case number is shown only for a
household of the searcher's own municipality (where she may open the case anyway); any other household is
a reference the municipality can trace back (`GM0344-PLAN-000012`) but the searcher cannot.

Free text typed by professionals (the obstacle, the doorbraak, an action, an owner organisation) may still
hold identifiers. The dossier refuses such text; a precedent cannot ask anybody to rewrite a decided plan,
so a field in which `find_identifiers` finds a name of that household, its street, a BSN-like number, a
postcode or a date is **withheld as a whole** (design choice, for the dossier's reason: a half-redacted
sentence still tells more than intended) and counted in `weggelaten`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from domain import reference
from domain.access import Permission, has, in_municipality
from domain.action_kinds import action_kind, is_action_kind, kinds_of
from domain.actors import Actor
from domain.caselist import search_normalise
from domain.catalogues import is_legal_basis, legal_basis
from domain.dossier import HouseholdIdentifiers, find_identifiers
from domain.household import Household
from domain.plan import Maatwerkplan, PlanStatus
from domain.rekensom import Scenario
from domain.research import AGE_BANDS, age_band, month
from domain.validation import age_on, clean_text

DECIDED_STATUSES: tuple[PlanStatus, ...] = (PlanStatus.VASTGESTELD, PlanStatus.IN_UITVOERING, PlanStatus.GEEVALUEERD)
WITHHELD = "(tekst niet getoond: bevat mogelijk persoonsgegevens)"
MAX_RESULTS = 100
CANDIDATES_PER_RESULT = 5
"""Storage hands over at most this many candidate plans per requested result (the filters it cannot run
in SQL — words, kinds of action — run here)."""


def _words(value: str) -> str:
    return clean_text(value)


Words = Annotated[str, Field(max_length=200), AfterValidator(_words)]


class PrecedentQuery(BaseModel):
    """What to look for; every criterion given must hold (an empty query lists the newest decided plans)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    knelpunt: Words = ""
    """Words in the title, law or organisation of a knelpunt raised by the household's escalations."""
    rechtsgrond: str | None = Field(default=None, max_length=60)
    """A legal basis id, cited by the plan or one of its actions."""
    leefgebied: str | None = Field(default=None, max_length=40)
    """The leefgebied of the grootste sta-in-de-weg."""
    sta_in_de_weg: Words = ""
    """Words in the sta-in-de-weg's explanation (or its leefgebied's name)."""
    actiesoort: str | None = Field(default=None, max_length=40)
    """A kind of action (domain/reference/actiesoorten.json) one of the plan's actions belongs to."""
    zoek: Words = ""
    """Words anywhere in the obstacle, the doorbraak and the actions."""
    exclude_case: str | None = Field(default=None, max_length=20)
    """The household asking (its own plan is no precedent for itself)."""
    limit: int = Field(default=20, ge=1, le=MAX_RESULTS)

    @field_validator("rechtsgrond")
    @classmethod
    def _known_basis(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        if not is_legal_basis(value.strip()):
            raise ValueError("Onbekende rechtsgrond; zie 'doorbraak plan rechtsgronden'.")
        return value.strip()

    @field_validator("leefgebied")
    @classmethod
    def _known_area(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        wanted = search_normalise(value.strip())
        for code, label in reference.leefgebieden().items():
            if wanted in (code, search_normalise(label)):
                return code
        raise ValueError(f"Onbekend leefgebied; kies uit: {', '.join(reference.leefgebieden())}.")

    @field_validator("actiesoort")
    @classmethod
    def _known_kind(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        if not is_action_kind(value.strip()):
            raise ValueError("Onbekende actiesoort; zie 'doorbraak plan rechtsgronden --soorten'.")
        return value.strip()

    @property
    def criteria(self) -> list[str]:
        """The criteria given, in Dutch, for the audit trail and the screen's title (no household data)."""
        parts = []
        if self.knelpunt:
            parts.append(f"knelpunt '{self.knelpunt}'")
        if self.rechtsgrond:
            parts.append(f"rechtsgrond {legal_basis(self.rechtsgrond).title}")
        if self.leefgebied:
            parts.append(f"sta-in-de-weg {reference.leefgebieden()[self.leefgebied]}")
        if self.sta_in_de_weg:
            parts.append(f"sta-in-de-weg '{self.sta_in_de_weg}'")
        if self.actiesoort:
            parts.append(f"actiesoort {action_kind(self.actiesoort).naam}")
        if self.zoek:
            parts.append(f"zoek '{self.zoek}'")
        return parts


@dataclass(frozen=True)
class PrecedentFilter:
    """The part of a query storage runs in SQL (structured fields); the rest is checked by `matched`."""

    rechtsgrond: str | None
    leefgebied: str | None
    knelpunt_words: tuple[str, ...]
    """Lower-case, accent-free words, each in the knelpunt's search text."""
    action_words: tuple[str, ...]
    """Any of these in an action's text (lower case) — or `action_bases` — keeps a plan (the kind's keywords)."""
    action_bases: tuple[str, ...]
    exclude_case: str | None
    candidates: int


def storage_filter(query: PrecedentQuery) -> PrecedentFilter:
    kind = action_kind(query.actiesoort) if query.actiesoort else None
    return PrecedentFilter(
        rechtsgrond=query.rechtsgrond,
        leefgebied=query.leefgebied,
        knelpunt_words=tuple(search_normalise(query.knelpunt).split()),
        action_words=kind.trefwoorden if kind else (),
        action_bases=kind.rechtsgronden[:1] if kind else (),
        exclude_case=query.exclude_case,
        candidates=query.limit * CANDIDATES_PER_RESULT,
    )


@dataclass(frozen=True)
class PrecedentSource:
    """What storage hands over per candidate: the newest decided plan, its household, its knelpunt titles."""

    plan: Maatwerkplan
    household: Household
    knelpunten: tuple[str, ...] = ()
    knelpunt_text: str = ""
    """The knelpunten's law, organisation and unintended effect (what a knelpunt search also looks at)."""


# -- the result: nothing in here can hold a name, BSN, address, postcode, date of birth or contact -------------


class PrecedentBasis(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    titel: str
    officieel_id: str | None
    link: str | None


class PrecedentAction(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    wat: str
    eigenaar: str
    soorten: list[str]
    """Codes of the kinds of action it belongs to (best first)."""
    status: str
    afwijkend: bool
    rechtsgronden: list[str]


class PartyShift(BaseModel):
    """One party in the rekensom: its net effect per scenario (kosten it pays + overdrachten it pays −
    overdrachten it receives) and the real costs it pays. `verschil` > 0: better off with the doorbraak."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    partij: str
    partij_naam: str
    huidig_pad: Decimal
    doorbraak: Decimal
    verschil: Decimal
    kosten_huidig_pad: Decimal
    kosten_doorbraak: Decimal


class Transfer(BaseModel):
    """A verschuiving: money moved from one party to another in a scenario (no effect on the society total)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    scenario: str
    van: str
    van_naam: str
    naar: str
    naar_naam: str
    bedrag: Decimal


class CostShift(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    horizon_maanden: int
    partijen: list[PartyShift]
    totaal_huidig_pad: Decimal
    """The society total: real costs only (transfers cancel)."""
    totaal_doorbraak: Decimal
    verschil: Decimal
    verschuivingen: list[Transfer]
    verkeerde_zak: bool
    """Some party pays for the doorbraak while another gains (the wrong-pocket problem)."""


class Outcome(BaseModel):
    """How it turned out: the last evaluation moment against the start."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    geevalueerd: bool
    laatste_moment: int | None
    """Months after the start (0, 3, 6, 12) of the last evaluation with a score or rating."""
    rapportcijfer_start: int | None
    rapportcijfer_laatst: int | None
    zrm_start: int | None
    """ZRM score of the sta-in-de-weg's leefgebied at the start (the household's problem score)."""
    zrm_laatst: int | None
    acties_gedaan: int
    acties_totaal: int
    samenvatting: str


class Precedent(BaseModel):
    """One decided plan as another professional may see it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    referentie: str
    eigen_gemeente: bool
    gemeente: str
    samenstelling: str
    besloten_in: str
    """Month of the decision (YYYY-MM)."""
    planstatus: str
    planversie: int
    sta_in_de_weg_leefgebied: str
    sta_in_de_weg: str
    doorbraak: str
    acties: list[PrecedentAction]
    rechtsgronden: list[PrecedentBasis]
    knelpunten: list[str]
    kosten: CostShift
    uitkomst: Outcome
    overeenkomst: list[str]
    """Which criteria it matched (Dutch)."""
    weggelaten: int
    """How many text fields were withheld because they may hold personal data."""


class PrecedentPage(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    criteria: list[str]
    precedenten: list[Precedent]
    bekeken: int
    """Candidate plans looked at (storage's pre-selection)."""


# -- building --------------------------------------------------------------------------------------------


def plan_reference(actor: Actor, household: Household, plan: Maatwerkplan) -> tuple[str, bool]:
    """The case number for a household of the actor's own municipality, else a reference without it."""
    own = has(actor, Permission.VIEW_CASE) and in_municipality(actor, household.municipality_code)
    if own and plan.case_number:
        return plan.case_number, True
    return f"{household.municipality_code}-PLAN-{plan.id or 0:06d}", False


def composition(household: Household, today: date) -> str:
    """`2 volwassenen (27-44: 1, 45-66: 1), 3 kinderen (0-17)`: counts per age band, never an exact age."""
    bands: dict[str, int] = {}
    adults = children = 0
    for member in household.members:
        age = max(0, age_on(member.date_of_birth, today))
        bands[age_band(age)] = bands.get(age_band(age), 0) + 1
        if age >= 18:
            adults += 1
        else:
            children += 1
    parts = []
    adult_bands = [f"{label}: {bands[label]}" for _, _, label in AGE_BANDS[1:] if bands.get(label)]
    if adults:
        parts.append(f"{adults} {'volwassene' if adults == 1 else 'volwassenen'} ({', '.join(adult_bands)})")
    if children:
        parts.append(f"{children} {'kind' if children == 1 else 'kinderen'} (0-17)")
    return ", ".join(parts) or "geen leden vastgelegd"


class _Scrubber:
    def __init__(self, household: Household) -> None:
        self.ids = HouseholdIdentifiers.of(household)
        self.withheld = 0

    def __call__(self, text: str) -> str:
        if text and find_identifiers(text, self.ids):
            self.withheld += 1
            return WITHHELD
        return text


def cost_shift(plan: Maatwerkplan) -> CostShift:
    """The rekensom per party through its public result: net effect and real costs per party, the society
    total of real costs, and the verschuivingen (transfers) between parties."""
    result = plan.rekensom_result()
    parties = [
        PartyShift(partij=row.payer.value, partij_naam=row.payer.label, huidig_pad=row.huidig_pad,
                   doorbraak=row.doorbraak, verschil=row.verschil, kosten_huidig_pad=row.kosten_huidig_pad,
                   kosten_doorbraak=row.kosten_doorbraak)
        for row in result.per_payer
    ]
    transfers = [
        Transfer(scenario=v.scenario.value, van=v.payer.value, van_naam=v.payer.label, naar=v.receiver.value,
                 naar_naam=v.receiver.label, bedrag=v.amount)
        for v in result.verschuivingen
    ]
    return CostShift(
        horizon_maanden=result.horizon_months,
        partijen=parties,
        totaal_huidig_pad=result.totals[Scenario.HUIDIG_PAD],
        totaal_doorbraak=result.totals[Scenario.DOORBRAAK],
        verschil=result.verschil,
        verschuivingen=transfers,
        verkeerde_zak=result.wrong_pocket,
    )


def outcome(plan: Maatwerkplan, household: Household) -> Outcome:
    area = plan.sta_in_de_weg.leefgebied
    start_score = next((p.score for p in household.problems if p.leefgebied == area), None)
    rated = [e for e in plan.evaluations if e.rapportcijfer is not None or (area and area in e.scores)]
    first = next((e for e in plan.evaluations if e.moment == 0), None)
    last = rated[-1] if rated else None
    ratings = [e.rapportcijfer for e in plan.evaluations if e.rapportcijfer is not None]
    done = sum(1 for a in plan.actions if a.status.value == "gedaan")
    zrm_last = last.scores.get(area) if last is not None and area else None
    if first is not None and area and area in first.scores:
        start_score = first.scores[area]
    parts = []
    if zrm_last is not None and start_score is not None:
        parts.append(f"ZRM sta-in-de-weg {start_score} → {zrm_last}")
    if len(ratings) >= 2:
        parts.append(f"rapportcijfer {ratings[0]} → {ratings[-1]}")
    elif ratings:
        parts.append(f"rapportcijfer {ratings[0]}")
    parts.append(f"{done} van {len(plan.actions)} acties gedaan")
    summary = ("na " + f"{last.moment} maanden: " if last is not None else "nog niet geëvalueerd: ") + "; ".join(parts)
    return Outcome(
        geevalueerd=plan.status is PlanStatus.GEEVALUEERD,
        laatste_moment=last.moment if last is not None else None,
        rapportcijfer_start=ratings[0] if ratings else None,
        rapportcijfer_laatst=ratings[-1] if ratings else None,
        zrm_start=start_score,
        zrm_laatst=zrm_last,
        acties_gedaan=done,
        acties_totaal=len(plan.actions),
        samenvatting=summary,
    )


def _plan_bases(plan: Maatwerkplan) -> list[str]:
    ids = [*plan.juridisch.basis_ids, *(g.basis_id for g in plan.juridisch.privacy_grondslagen)]
    for action in plan.actions:
        ids.extend(action.legal_basis_ids)
    return list(dict.fromkeys(ids))


def matched(source: PrecedentSource, query: PrecedentQuery) -> list[str] | None:
    """The criteria this plan meets (Dutch), or None when one given criterion does not hold."""
    plan = source.plan
    hits: list[str] = []
    if query.rechtsgrond:
        if query.rechtsgrond not in _plan_bases(plan):
            return None
        hits.append("rechtsgrond")
    if query.leefgebied:
        if plan.sta_in_de_weg.leefgebied != query.leefgebied:
            return None
        hits.append("sta-in-de-weg (leefgebied)")
    area = reference.leefgebieden().get(plan.sta_in_de_weg.leefgebied or "", "")
    if query.sta_in_de_weg:
        text = search_normalise(f"{plan.sta_in_de_weg.toelichting} {area}")
        if not all(word in text for word in search_normalise(query.sta_in_de_weg).split()):
            return None
        hits.append("sta-in-de-weg")
    if query.actiesoort:
        if not any(query.actiesoort in {k.code for k in kinds_of(a.what, a.legal_basis_ids)} for a in plan.actions):
            return None
        hits.append("actiesoort")
    if query.knelpunt:
        text = search_normalise(" ".join([*source.knelpunten, source.knelpunt_text]))
        if not all(word in text for word in search_normalise(query.knelpunt).split()):
            return None
        hits.append("knelpunt")
    if query.zoek:
        text = search_normalise(" ".join([
            plan.sta_in_de_weg.toelichting, area, plan.doorbraak, *(a.what for a in plan.actions),
            *(legal_basis(b).title for b in _plan_bases(plan) if is_legal_basis(b)),
        ]))
        if not all(word in text for word in search_normalise(query.zoek).split()):
            return None
        hits.append("zoekwoorden")
    return hits


def build_precedent(source: PrecedentSource, actor: Actor, today: date, hits: Sequence[str]) -> Precedent:
    plan, household = source.plan, source.household
    scrub = _Scrubber(household)
    reference_text, own = plan_reference(actor, household, plan)
    actions = [
        PrecedentAction(
            wat=scrub(a.what),
            eigenaar=scrub(a.owner_organisation),
            soorten=[k.code for k in kinds_of(a.what, a.legal_basis_ids)],
            status=a.status.label,
            afwijkend=a.deviating,
            rechtsgronden=list(a.legal_basis_ids),
        )
        for a in plan.actions
    ]
    bases = [
        PrecedentBasis(id=b.id, titel=b.title, officieel_id=b.officieel_id, link=b.link)
        for b in (legal_basis(i) for i in _plan_bases(plan) if is_legal_basis(i))
    ]
    decided_on = plan.decision.decided_on if plan.decision is not None else None
    return Precedent(
        referentie=reference_text,
        eigen_gemeente=own,
        gemeente=household.municipality_name,
        samenstelling=composition(household, today),
        besloten_in=month(decided_on),
        planstatus=plan.status.label,
        planversie=plan.plan_version,
        sta_in_de_weg_leefgebied=reference.leefgebieden().get(plan.sta_in_de_weg.leefgebied or "", "onbekend"),
        sta_in_de_weg=scrub(plan.sta_in_de_weg.toelichting),
        doorbraak=scrub(plan.doorbraak),
        acties=actions,
        rechtsgronden=bases,
        knelpunten=[scrub(title) for title in source.knelpunten],
        kosten=cost_shift(plan),
        uitkomst=outcome(plan, household),
        overeenkomst=list(hits),
        weggelaten=scrub.withheld,
    )


def find_precedents(
    sources: Iterable[PrecedentSource], query: PrecedentQuery, actor: Actor, today: date
) -> tuple[list[tuple[PrecedentSource, Precedent]], int]:
    """Keep the candidates that meet every criterion; evaluated plans first, then the newest decisions.

    Returns the kept (source, precedent) pairs (at most `query.limit`) and how many candidates were looked at.
    """
    kept: list[tuple[PrecedentSource, list[str]]] = []
    seen = 0
    for source in sources:  # storage hands them over in this order already: stop at enough
        seen += 1
        if source.plan.status not in DECIDED_STATUSES or source.plan.case_number == query.exclude_case:
            continue
        hits = matched(source, query)
        if hits is not None:
            kept.append((source, hits))
            if len(kept) == query.limit:
                break

    def order(item: tuple[PrecedentSource, list[str]]) -> tuple[bool, bool, date, int]:
        plan = item[0].plan
        decided = plan.decision.decided_on if plan.decision is not None else date.min
        return (plan.status is PlanStatus.GEEVALUEERD, bool(plan.evaluations), decided, plan.id or 0)

    kept.sort(key=order, reverse=True)  # how it turned out is what a professional looks for first
    return [(source, build_precedent(source, actor, today, hits)) for source, hits in kept[: query.limit]], seen
