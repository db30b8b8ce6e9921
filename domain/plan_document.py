"""The maatwerkplan as a JSON document: inside a case file (format_version 2), as a standalone plan file
(`doorbraak plan import`), and as the output of `doorbraak plan show --json`.

In a document the grootste sta-in-de-weg names the problem by its leefgebied (unique per household),
because problem ids are internal to one database.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from domain.catalogues import legal_basis
from domain.errors import InvalidInput, Problem
from domain.household import Household
from domain.jsondata import JsonObject
from domain.legal import JuridischeParagraaf
from domain.messages import dutch_problems
from domain.plan import (
    EVALUATION_MOMENTS,
    Action,
    Consent,
    Decision,
    Evaluation,
    Goal,
    InKaart,
    Maatwerkplan,
    MissingItem,
    PlanStatus,
    PlanVersionInfo,
    Text,
    chosen_basis_ids,
    what_is_missing,
)
from domain.rekensom import PayerResult, Rekensom, RekensomResult, Scenario, calculate, money_str

PLAN_FORMAT = "doorbraak-plan"
PLAN_FORMAT_VERSION = 1


class StaInDeWegDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    leefgebied: str | None = None
    toelichting: Text = ""


class PlanDocument(BaseModel):
    """One plan version as it travels in a file."""

    model_config = ConfigDict(extra="forbid")

    plan_version: int = Field(default=1, ge=1, le=1000)
    status: PlanStatus = PlanStatus.CONCEPT
    in_kaart: InKaart = Field(default_factory=InKaart)
    perspectief: Text = ""
    sta_in_de_weg: StaInDeWegDocument = Field(default_factory=StaInDeWegDocument)
    doorbraak: Text = ""
    goals: list[Goal] = Field(default_factory=list, max_length=50)
    actions: list[Action] = Field(default_factory=list, max_length=200)
    rekensom: Rekensom = Field(default_factory=Rekensom)
    juridisch: JuridischeParagraaf = Field(default_factory=JuridischeParagraaf)
    consent: Consent | None = None
    decision: Decision | None = None
    evaluations: list[Evaluation] = Field(default_factory=list, max_length=len(EVALUATION_MOMENTS))
    created_by: str = Field(default="", max_length=120)


def plan_to_document(plan: Maatwerkplan) -> JsonObject:
    """The plan version as JSON-ready data (no database ids)."""
    data = plan.model_dump(
        mode="json",
        exclude={
            "id": True,
            "case_number": True,
            "version": True,
            "created_at": True,
            "updated_at": True,
            "sta_in_de_weg": {"problem_id"},
        },
    )
    return PlanDocument.model_validate(data).model_dump(mode="json")


def _problems(exc: ValidationError, prefix: str) -> list[Problem]:
    return dutch_problems(exc, prefix)


def plan_from_document(data: Any, household: Household, *, prefix: str = "plan") -> Maatwerkplan:
    """Validate one plan document against the household it belongs to; InvalidInput names every problem.

    A decided plan (status other than concept) must be complete and carry its decision.
    """
    if not isinstance(data, Mapping):
        raise InvalidInput([Problem(prefix, "Een plan is een JSON-object.")])
    try:
        document = PlanDocument.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(_problems(exc, prefix)) from None
    problems: list[Problem] = []
    problem_id: int | None = None
    leefgebied = document.sta_in_de_weg.leefgebied
    if leefgebied:
        match = next((p for p in household.problems if p.leefgebied == leefgebied), None)
        if match is None:
            problems.append(
                Problem(
                    f"{prefix}.sta_in_de_weg.leefgebied",
                    f"Het huishouden heeft geen probleem op leefgebied {leefgebied!r}.",
                )
            )
        else:
            problem_id = match.id
    if document.status is PlanStatus.CONCEPT and document.decision is not None:
        problems.append(Problem(f"{prefix}.decision", "Een conceptplan heeft nog geen besluit."))
    if document.status is not PlanStatus.CONCEPT and document.decision is None:
        problems.append(
            Problem(f"{prefix}.decision", "Een vastgesteld plan heeft een besluit (door wie, mandaat, datum).")
        )
    if problems:
        raise InvalidInput(problems)
    try:
        plan = Maatwerkplan.model_validate(
            {
                **document.model_dump(exclude={"sta_in_de_weg", "status"}),
                "sta_in_de_weg": {
                    "problem_id": problem_id,
                    "leefgebied": leefgebied,
                    "toelichting": document.sta_in_de_weg.toelichting,
                },
                "case_number": household.case_number or "",
            }
        )
    except ValidationError as exc:
        raise InvalidInput(_problems(exc, prefix)) from None
    if document.status is not PlanStatus.CONCEPT:
        missing = what_is_missing(plan, household)
        if missing:
            raise InvalidInput(
                [
                    Problem(f"{prefix}.status", f"Het plan heet '{document.status.label}' maar is niet compleet: {m}")
                    for m in missing
                ]
            )
    # Set the status last: a decided plan is frozen from here on.
    plan.status = document.status
    return plan


def plans_from_documents(data: Any, household: Household, *, prefix: str = "plans") -> list[Maatwerkplan]:
    """All versions of a case file, oldest first; version numbers must be unique and only the newest a concept."""
    if data is None:
        return []
    if not isinstance(data, Sequence) or isinstance(data, str | bytes):
        raise InvalidInput([Problem(prefix, "moet een lijst van plannen zijn")])
    plans: list[Maatwerkplan] = []
    problems: list[Problem] = []
    for index, item in enumerate(data):
        try:
            plans.append(plan_from_document(item, household, prefix=f"{prefix}.{index}"))
        except InvalidInput as exc:
            problems.extend(exc.problems)
    if problems:
        raise InvalidInput(problems)
    plans.sort(key=lambda p: p.plan_version)
    numbers = [p.plan_version for p in plans]
    if len(set(numbers)) != len(numbers):
        raise InvalidInput([Problem(prefix, "Elk planversienummer mag maar één keer voorkomen.")])
    if any(p.status is PlanStatus.CONCEPT for p in plans[:-1]):
        raise InvalidInput([Problem(prefix, "Alleen de nieuwste planversie mag een concept zijn.")])
    return plans


def plan_file(plan: Maatwerkplan, exported_at: datetime) -> JsonObject:
    """A standalone plan file (`doorbraak plan import CASUS BESTAND`)."""
    return {
        "format": PLAN_FORMAT,
        "format_version": PLAN_FORMAT_VERSION,
        "exported_at": exported_at.isoformat(),
        "plan": plan_to_document(plan),
    }


def plan_document_from_file(data: Any) -> Mapping[str, Any]:
    """The plan document inside a standalone plan file (format and version checked)."""
    if not isinstance(data, Mapping):
        raise InvalidInput([Problem("", "Een planbestand is een JSON-object met 'format' en 'plan'.")])
    if data.get("format") != PLAN_FORMAT:
        raise InvalidInput([Problem("format", f"Dit is geen doorbraak-planbestand (verwacht format '{PLAN_FORMAT}').")])
    if data.get("format_version") != PLAN_FORMAT_VERSION:
        raise InvalidInput(
            [
                Problem(
                    "format_version",
                    f"Versie {data.get('format_version')!r} wordt niet ondersteund (wel: {PLAN_FORMAT_VERSION}).",
                )
            ]
        )
    extra = set(data) - {"format", "format_version", "exported_at", "plan"}
    if extra:
        raise InvalidInput([Problem(name, "is een onbekend veld") for name in sorted(extra)])
    plan = data.get("plan")
    if not isinstance(plan, Mapping):
        raise InvalidInput([Problem("plan", "is verplicht (een JSON-object)")])
    return plan


# -- JSON view for `plan show --json` -------------------------------------------------------------


def rekensom_json(result: RekensomResult, price_year: int | None = None) -> JsonObject:
    """Per party (the household included) the net effect, the society total (real costs only) and the
    verschuivingen (overdrachten); amounts as strings with two decimals. docs/plan.md documents the fields."""
    totals = result.totals

    def row(r: PayerResult) -> dict[str, str]:
        return {
            "payer": r.payer.value,
            "label": r.payer.label,
            "huidig_pad": money_str(r.huidig_pad),
            "doorbraak": money_str(r.doorbraak),
            "verschil": money_str(r.verschil),
            "kosten_huidig_pad": money_str(r.kosten_huidig_pad),
            "kosten_doorbraak": money_str(r.kosten_doorbraak),
        }

    society = {
        "huidig_pad": money_str(totals[Scenario.HUIDIG_PAD]),
        "doorbraak": money_str(totals[Scenario.DOORBRAAK]),
        "verschil": money_str(result.verschil),
    }
    return {
        "horizon_months": result.horizon_months,
        "discount_rate": str(result.discount_rate),
        "price_year": price_year,
        "totals": society,
        "society": society,
        "per_payer": [row(r) for r in result.per_payer],
        "verschuivingen": [
            {
                "scenario": v.scenario.value,
                "payer": v.payer.value,
                "receiver": v.receiver.value,
                "amount": money_str(v.amount),
            }
            for v in result.verschuivingen
        ],
        "transfers_total": {s.value: money_str(result.transfer_total(s)) for s in Scenario},
        "pays_for_doorbraak": [row(r) for r in result.payers_who_pay],
        "gains_from_doorbraak": [row(r) for r in result.payers_who_gain],
        "wrong_pocket": result.wrong_pocket,
        "line_values": {key: money_str(value) for key, value in result.line_values.items()},
    }


def legal_bases_json(plan: Maatwerkplan) -> list[JsonObject]:
    """Every legal basis the plan uses, with catalogue data and where it is used."""
    result = []
    for basis_id in chosen_basis_ids(plan):
        basis = legal_basis(basis_id)
        used_by = []
        if basis_id in plan.juridisch.basis_ids:
            used_by.append("juridische_paragraaf")
        if basis_id in (g.basis_id for g in plan.juridisch.privacy_grondslagen):
            used_by.append("privacy")
        used_by.extend(f"actie:{a.id}" for a in plan.actions if basis_id in a.legal_basis_ids)
        result.append(
            {
                "id": basis.id,
                "wet": basis.wet,
                "artikel": basis.artikel,
                "wat": basis.wat,
                "ruimte": basis.ruimte,
                "ruimte_label": basis.ruimte_label,
                "bronnen": list(basis.bronnen),
                "used_by": used_by,
            }
        )
    return result


def missing_json(items: Sequence[MissingItem]) -> list[dict[str, str]]:
    return [{"step": m.step.value, "label": m.step.label, "message": m.message} for m in items]


def plan_show_json(
    household: Household,
    plan: Maatwerkplan,
    result: RekensomResult,
    *,
    missing: Sequence[MissingItem],
    warnings: Sequence[MissingItem],
    versions: Sequence[PlanVersionInfo],
) -> JsonObject:
    """What `doorbraak plan show --json` prints (no BSN, no address)."""
    return {
        "case_number": household.case_number,
        "household": {"name": household.name, "municipality": household.municipality_name},
        "plan_version": plan.plan_version,
        "status": plan.status.value,
        "versions": [
            {
                "plan_version": v.plan_version,
                "status": v.status.value,
                "decided_on": v.decided_on.isoformat() if v.decided_on else None,
                "decided_by": v.decided_by,
            }
            for v in versions
        ],
        "plan": plan_to_document(plan),
        "rekensom": rekensom_json(result, plan.rekensom.price_year),
        "legal_bases": legal_bases_json(plan),
        "missing": missing_json(missing),
        "warnings": missing_json(warnings),
    }


def plan_result(plan: Maatwerkplan) -> RekensomResult:
    return calculate(plan.rekensom)
