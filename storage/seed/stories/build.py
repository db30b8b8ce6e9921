"""Turn a written story (storage/seed/stories/model.py) into a domain Household and its plan versions.

Nothing here draws at random: a story is told the same way every time. The household is validated by the
domain's `Household`; every decided plan version by `what_is_missing`, so a story cannot contain a plan
the application would refuse to decide. Dates come from the story, relative to the reference date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, Protocol

from domain import reference
from domain.catalogues import cost_line_from_kengetal, kengetal, legal_basis
from domain.household import Household, HouseholdStatus, Member
from domain.people import is_adult
from domain.plan import (
    ActionStatus,
    Evaluation,
    Maatwerkplan,
    PlanContent,
    PlanStatus,
    what_is_missing,
)
from domain.rekensom import CostKind, CostLine, CostSource, Frequency, Payer, Scenario
from storage.seed.data.places import MAATWERKFUNCTIONARISSEN
from storage.seed.mandates import seed_decision
from storage.seed.stories.amounts import kinderbijslag_per_year
from storage.seed.stories.model import KINDERBIJSLAG, Cost, Plan, Story

REFERENCE_DATE = date(2026, 11, 1)
MANDATE = "Maatwerkfunctionaris, mandaatbesluit sociaal domein 2026"
"""Superseded by the mandate register: decisions name their mandate (storage/seed/mandates.py)."""


def moment(text: str) -> datetime:
    """'2026-02-06 08:43' (UTC) as an aware datetime."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def day(text: str) -> date:
    return date.fromisoformat(text)


class _Skeleton(Protocol):
    @property
    def status(self) -> HouseholdStatus: ...

    @property
    def version(self) -> int: ...

    @property
    def created_at(self) -> datetime: ...

    @property
    def updated_at(self) -> datetime: ...


# -- the household --------------------------------------------------------------------------------


def story_household(
    story: Story,
    bsns: list[str],
    skeleton: _Skeleton,
    household_id: int,
    case_number: str,
    next_ids: dict[str, int],
) -> Household:
    births = [day(p.born) for p in story.people if p.role == "kind"]
    members: list[dict[str, Any]] = []
    member_ids: dict[str, int] = {}
    for person in story.people:
        member_ids[person.first_name] = next_ids["member"]
        members.append(
            {
                "id": next_ids["member"],
                "name": person.name,
                "date_of_birth": day(person.born),
                "role": person.role,
                "bsn": bsns.pop() if person.bsn and bsns else None,  # the test range runs out past ~9,000
            }
        )
        next_ids["member"] += 1
    order = {code: index for index, code in enumerate(reference.leefgebieden())}
    problems: list[dict[str, Any]] = []
    for problem in sorted(story.problems, key=lambda p: order[p.leefgebied]):
        problems.append(
            {
                "id": next_ids["problem"],
                "leefgebied": problem.leefgebied,
                "score": problem.score,
                "since": day(problem.since) if problem.since else None,
                "description": problem.text,
                "member_id": member_ids[problem.who] if problem.who else None,
            }
        )
        next_ids["problem"] += 1
    organisations: list[dict[str, Any]] = []
    for org in story.organisations:
        cost = (
            kinderbijslag_per_year(births, REFERENCE_DATE)
            if org.yearly_cost == KINDERBIJSLAG
            else Decimal(org.yearly_cost)
        )
        organisations.append(
            {
                "id": next_ids["organisation"],
                "name": org.name,
                "type": org.type,
                "legal_framework": org.framework,
                "product": org.product,
                "yearly_cost": cost.quantize(Decimal("0.01")),
            }
        )
        next_ids["organisation"] += 1
    address: dict[str, str] = {}
    if story.address is not None:
        street, number, postcode, town = story.address
        address = {"street": street, "house_number": number, "postcode": postcode, "city": town}
    data: dict[str, Any] = {
        "id": household_id,
        "case_number": case_number,
        "name": story.name,
        "municipality_code": story.municipality,
        "address": address,
        "status": skeleton.status,
        "professional": story.professional,
        "team": story.team,
        "members": members,
        "problems": problems,
        "organisations": organisations,
        "version": skeleton.version,
        "created_at": skeleton.created_at,
        "updated_at": skeleton.updated_at,
    }
    if skeleton.status is HouseholdStatus.AFGESLOTEN:
        data["closed_on"] = skeleton.updated_at.date()
    return Household.model_validate(data)


# -- the plan -------------------------------------------------------------------------------------


PRICE_YEAR = 2025
"""The stories' price level (prijspeil): kengetallen indexed with the CBS CPI to the last complete year."""
STATUTORY_ON = date(2026, 1, 1)
"""The day statutory amounts are read from the dated table (the table starts in 2026)."""
NAMED_RECEIVERS = {
    "Rijk (via het CJIB)": Payer.RIJK,
    "Zorgverzekeringsfonds (via het CAK)": Payer.ZORGVERZEKERINGSFONDS,
    "schuldeisers": Payer.OVERIG,
}
"""Receivers the stories name in words, as parties of the rekensom."""


def _receiver(cost: Cost) -> Payer | None:
    if cost.kind != CostKind.OVERDRACHT.value or cost.receiver is None:
        return None
    return NAMED_RECEIVERS.get(cost.receiver) or Payer(cost.receiver)


def _cost_line(cost: Cost) -> CostLine | None:
    """The story's cost line in the rekensom's model (the household is a party; kind and receiver kept)."""
    scenario = Scenario(cost.scenario)
    payer = Payer(cost.payer)
    receiver = _receiver(cost)
    if cost.kengetal:
        line = cost_line_from_kengetal(
            kengetal(cost.kengetal),
            scenario,
            description=cost.what,
            payer=payer,
            receiver=receiver,
            quantity=Decimal(cost.quantity),
            probability=Decimal(cost.probability),
            start_month=cost.start,
            duration_months=cost.months,
            price_year=PRICE_YEAR,
            on=STATUTORY_ON,
        )
        if receiver is not None and line.receiver is None:  # the story books a kengetal as an overdracht
            line = CostLine.model_validate({**line.model_dump(), "kind": CostKind.OVERDRACHT, "receiver": receiver})
        return line
    assert cost.amount is not None, cost.what
    return CostLine(
        description=cost.what,
        scenario=scenario,
        payer=payer,
        kind=CostKind(cost.kind),
        receiver=receiver,
        amount=Decimal(cost.amount),
        quantity=Decimal(cost.quantity),
        frequency=Frequency(cost.frequency),
        start_month=cost.start,
        duration_months=cost.months,
        probability=Decimal(cost.probability),
        source=CostSource(text=cost.source, year=cost.year),
        loan_months=cost.loan_months,
        default_probability=Decimal(cost.default_probability) if cost.default_probability else None,
    )


def _content(story: Story, household: Household, plan: Plan) -> dict[str, Any]:
    start = day(plan.start)
    municipality = reference.municipalities()[story.municipality]
    problem_id = next(p.id for p in household.problems if p.leefgebied == plan.obstacle)
    lines: list[dict[str, Any]] = []
    line_ids: dict[int, str] = {}
    for number, cost in enumerate(plan.costs, start=1):
        line = _cost_line(cost)
        if line is None:
            continue
        lines.append(line.model_dump())
        line_ids[number] = f"k{len(lines)}"
    actions: list[dict[str, Any]] = []
    for action in plan.actions:
        item: dict[str, Any] = {
            "what": action.what,
            "owner_organisation": action.owner,
            "contact": action.contact,
            "deadline": start + timedelta(weeks=action.weeks),
            "goal_id": f"d{action.goal}",
        }
        if action.cost is not None and action.cost in line_ids:
            item["cost_line_id"] = line_ids[action.cost]
        if action.deviating:
            item.update(
                deviating=True,
                legal_basis_ids=list(action.bases),
                reasoning={"onevenredigheid": action.onevenredigheid, "gelijkheid": action.gelijkheid},
            )
        actions.append(item)
    head = story.people[0].name
    return {
        "in_kaart": {"samenvatting": plan.in_kaart, "datum": start - timedelta(days=21)},
        "perspectief": plan.perspective,
        "sta_in_de_weg": {"problem_id": problem_id, "leefgebied": plan.obstacle, "toelichting": plan.obstacle_text},
        "doorbraak": plan.doorbraak,
        "goals": [
            {"id": f"d{number}", "text": goal.text, "leefgebied": goal.leefgebied, "target_score": goal.target}
            for number, goal in enumerate(plan.goals, start=1)
        ],
        "actions": actions,
        "rekensom": {"horizon_months": 12, "lines": lines, "price_year": PRICE_YEAR},
        "juridisch": {
            "bevoegd_gezag": f"College van burgemeester en wethouders van {municipality}",
            "wettelijk_kader": plan.law,
            "grondslagen": [{"basis_id": b.id, "toelichting": b.why} for b in plan.grounds],
            "feiten": plan.facts,
            "bijzondere_omstandigheden": plan.circumstances,
            "onevenredigheid": plan.onevenredigheid,
            "gelijkheid": plan.gelijkheid,
            "risicos": plan.risks,
            "privacy_grondslagen": [{"basis_id": b.id, "toelichting": b.why} for b in plan.privacy],
            "privacy_toelichting": plan.privacy_text,
        },
        "consent": {
            "given_by": head,
            "given_on": start - timedelta(days=3),
            "method": plan.consent_method,
            "scope": "Delen van de gegevens uit dit plan met de organisaties die een actie uitvoeren.",
        },
    }


def _partial(content: dict[str, Any], stage: int) -> dict[str, Any]:
    """A concept part-way: the later steps are still open (what_is_missing lists them)."""
    content = dict(content)
    content["consent"] = None
    if stage <= 3:
        content["juridisch"] = {}
        content["actions"] = content["actions"][:1] if stage == 3 else []
    if stage <= 2:
        content["rekensom"] = {
            "horizon_months": 12,
            "lines": content["rekensom"]["lines"][:1] if stage == 2 else [],
            "price_year": PRICE_YEAR,
        }
        content["goals"] = content["goals"][:1]
    if stage == 1:
        content["doorbraak"] = ""
        content["goals"] = []
    return content


def months_later(start: date, months: int) -> date:
    month = start.month - 1 + months
    return date(start.year + month // 12, month % 12 + 1, min(start.day, 28))


def plan_target(status: HouseholdStatus, plan: Plan | None) -> PlanStatus | None:
    if plan is None or status is HouseholdStatus.AANGEMELD:
        return None
    if status is HouseholdStatus.AFGESLOTEN:
        return PlanStatus.GEEVALUEERD
    return {
        HouseholdStatus.IN_BEHANDELING: PlanStatus.CONCEPT,
        HouseholdStatus.PLAN_VASTGESTELD: PlanStatus.VASTGESTELD,
        HouseholdStatus.UITVOERING: PlanStatus.IN_UITVOERING,
        HouseholdStatus.GEEVALUEERD: PlanStatus.GEEVALUEERD,
    }[status]


def story_plan_versions(story: Story, household: Household, today: date) -> list[Maatwerkplan]:
    """The version(s) of the story's plan, oldest first; empty when the story has none (yet)."""
    plan = story.plan
    target = plan_target(HouseholdStatus(story.status), plan)
    if plan is None or target is None:
        return []
    content = _content(story, household, plan)
    if target is PlanStatus.CONCEPT and plan.stage is not None:
        content = _partial(content, plan.stage)
    first = Maatwerkplan.model_validate(
        {**content, "case_number": household.case_number, "created_by": story.professional}
    )
    if target is PlanStatus.CONCEPT:
        return [first]
    missing = what_is_missing(first, household)
    if missing:
        raise AssertionError(f"story {story.key}: the plan is incomplete: {missing}")
    decider = MAATWERKFUNCTIONARISSEN[story.municipality]
    if decider == story.professional:  # pragma: no cover - guards the data
        raise AssertionError(f"story {story.key}: the author cannot decide her own plan")
    start = day(plan.start)
    first.decide(seed_decision(story.municipality, start), household)
    if target is PlanStatus.VASTGESTELD:
        return [first]
    first.start_execution()
    projected = {r.payer: r.kosten_doorbraak for r in first.rekensom_result().per_payer if r.kosten_doorbraak > 0}
    # Realised so far: the doorbraak projection pro rata to the moment, a story-fixed 5 % to 15 % off.
    deviation = Decimal(95 + (sum(map(ord, story.key)) % 21)) / 100
    for evaluation in plan.evaluations:
        on = months_later(start, evaluation.moment)
        share = Decimal(min(evaluation.moment, 12)) / 12
        cent = Decimal("0.01")
        realised = {payer: (amount * share * deviation).quantize(cent) for payer, amount in projected.items()}
        if on > today:
            raise AssertionError(f"story {story.key}: evaluation at {evaluation.moment} months is after today")
        first.record_evaluation(
            Evaluation(
                moment=evaluation.moment,
                on_date=on,
                rapportcijfer=evaluation.grade,
                scores=dict(evaluation.scores),
                toelichting=evaluation.note,
                realised_by_payer=realised if evaluation.moment else {},
            )
        )
    for action, written in zip(first.actions, plan.actions, strict=True):
        assert action.id is not None
        status = ActionStatus.GEDAAN if target is PlanStatus.GEEVALUEERD else ActionStatus(written.status)
        done_on = None
        if status is ActionStatus.GEDAAN:
            done_on = min(today, start + timedelta(days=written.done_days or 7 * written.weeks))
        first.set_action_status(action.id, status, written.note, done_on=done_on, today=today)
    if target is PlanStatus.GEEVALUEERD:
        first.complete_evaluation()
        return [first]
    if plan.change is None:
        return [first]
    change = plan.change
    second = first.next_version(story.professional)
    changed = second.content().model_dump()
    if change.postpone_last_weeks:
        last = changed["actions"][-1]
        last["deadline"] = last["deadline"] + timedelta(weeks=change.postpone_last_weeks)
    extra = change.extra_action
    changed["actions"].append(
        {
            "what": extra.what,
            "owner_organisation": extra.owner,
            "contact": extra.contact,
            "deadline": start + timedelta(weeks=extra.weeks),
            "goal_id": f"d{extra.goal}",
        }
    )
    changed["consent"] = {**content["consent"], "given_on": start + timedelta(days=change.days - 1)}
    second.replace_content(PlanContent.model_validate(changed))
    second.decide(
        seed_decision(story.municipality, start + timedelta(days=change.days), change.reason),
        household,
    )
    second.start_execution()
    return [first, second]


def story_zrm_rows(
    story: Story,
    household_id: int,
    members: Sequence[Member],
    versions: Sequence[Maatwerkplan],
    recorded_at: datetime,
) -> list[dict[str, Any]]:
    """The ZRM history per adult person (the ZRM scores one adult, DOMAIN.md): at registration the score of
    each problem, and at every plan evaluation its score per leefgebied — for the adult the problem belongs
    to, or for every adult when it is the household's (rent, shared debts). A minor's problem is not scored
    (the ZRM is for adults); the evaluation itself keeps that score."""
    by_name = {m.name.split(" ", 1)[0]: m for m in members}
    owners = {p.leefgebied: p.who for p in story.problems}
    rows: dict[tuple[int, str, date], dict[str, Any]] = {}

    def add(leefgebied: str, score: int, on: date, at: int | None) -> None:
        who = owners.get(leefgebied)
        people = [by_name[who]] if who else list(members)
        for member in people:
            if member.id is None or not is_adult(member.date_of_birth, on):
                continue
            rows[(member.id, leefgebied, on)] = {
                "household_id": household_id,
                "member_id": member.id,
                "leefgebied": leefgebied,
                "score": score,
                "scored_on": on,
                "moment": at,
                "by_name": story.professional,
                "recorded_at": recorded_at,
            }

    registered = moment(story.registered).date()
    for problem in story.problems:
        add(problem.leefgebied, problem.score, registered, None)
    if versions:
        for evaluation in versions[-1].evaluations:
            if evaluation.on_date is not None:
                for leefgebied, score in evaluation.scores.items():
                    add(leefgebied, score, evaluation.on_date, evaluation.moment)
    return list(rows.values())


def law_of(basis_id: str) -> str:
    return legal_basis(basis_id).wet
