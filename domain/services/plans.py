"""Use cases of the maatwerkplan: write it (with autosaved drafts), decide, execute, evaluate, version,
compare, export. Moving plans with a case file lives in `plan_transfer`, the kengetallen catalogue in
`kengetallen`; both are re-exported here for the callers that reach them as `plans.*`.

Every function is one unit of work, checks the actor's access to the case (`purpose` is the logged reason
for opening a case outside one's caseload) and writes the audit record in the same transaction.
Screens and the CLI call only these functions; the pure helpers at the bottom need no database.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from domain.access import Permission, require
from domain.actors import Actor
from domain.audit import AuditKind
from domain.catalogues import (
    Kengetal,
    LegalBasis,
    apply_overrides,
    cost_line_from_kengetal,
    legal_basis,
    search_legal_bases,
)
from domain.errors import Conflict, IllegalTransition, InvalidInput, NotFound, Problem
from domain.household import Household
from domain.jsondata import JsonObject
from domain.mandate import Mandate, plan_ask
from domain.messages import dutch_problems, invalid_input
from domain.plan import (
    ActionStatus,
    Decision,
    Evaluation,
    Maatwerkplan,
    MissingItem,
    PlanContent,
    PlanDiff,
    PlanDraft,
    PlanIncomplete,
    PlanStatus,
    PlanStep,
    PlanVersionInfo,
    check_frozen_unchanged,
    chosen_basis_ids,
    diff_plans,
    done_on_problem,
    plan_warnings,
    stamp_done_on,
    what_is_missing,
)
from domain.plan.model import Text
from domain.ports import UnitOfWork
from domain.prices import default_price_year
from domain.rekensom import CostLine, Payer, RekensomResult, Scenario, calculate
from domain.services.bound import Bound
from domain.services.casework import today_or
from domain.services.kengetallen import kengetallen_for, remove_kengetal_override, set_kengetal_override
from domain.services.mandates import covering_mandate
from domain.services.plan_common import PLAN_OBJECT, follow_household, record_plan
from domain.services.plan_transfer import export_case, import_case, import_plan, import_plan_file
from domain.services.use_case import UseCase

MAX_DRAFT_BYTES = 1024 * 1024
ModelT = TypeVar("ModelT", bound=BaseModel)


# -- results for screens --------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanOverview:
    """Everything a plan overview screen (or an export) needs, computed once."""

    household: Household
    plan: Maatwerkplan
    result: RekensomResult
    missing: list[MissingItem]
    """What blocks a decision (empty: ready to decide). Always empty for a decided version."""
    warnings: list[MissingItem]
    versions: list[PlanVersionInfo]
    legal_bases: list[LegalBasis]
    """Every legal basis the plan uses, in first-use order."""

    @property
    def can_decide(self) -> bool:
        return self.plan.status is PlanStatus.CONCEPT and not self.missing

    @property
    def is_latest(self) -> bool:
        return not self.versions or self.plan.plan_version == self.versions[-1].plan_version


@dataclass(frozen=True)
class PlanWorkspace:
    """What the plan editor opens with. `content` is what to show: the user's newer draft if there is one."""

    household: Household
    plan: Maatwerkplan | None
    draft: PlanDraft | None
    prefer_draft: bool
    """True when the draft is newer than the last save of the plan: the editor shows it."""
    draft_outdated: bool
    """The draft was started on another plan version or someone saved the plan since (warn before applying)."""
    content: JsonObject
    """Unvalidated editor content (a draft may hold anything typed), not a command."""
    problems: list[Problem]
    """Validation problems of `content` (a draft may be incomplete or wrong; nothing blocks typing)."""
    missing: list[MissingItem] = field(default_factory=list)


@dataclass(frozen=True)
class DraftSaved:
    saved_at: datetime | None
    problems: list[Problem]
    """What is not (yet) valid in the saved content, for inline field errors."""


def _current(uow: UnitOfWork, case_number: str) -> Maatwerkplan:
    plan = uow.plans.current(case_number)
    if plan is None:
        raise NotFound(f"Casus {case_number} heeft nog geen maatwerkplan.")
    return plan


def parse_content(data: PlanContent | Mapping[str, Any]) -> PlanContent:
    """The plan's editable sections as a command: typed content (a form's, a file's, a test's JSON) →
    `PlanContent`, or InvalidInput with Dutch problems. A plan passed in keeps only its content."""
    if isinstance(data, PlanContent):
        return PlanContent.model_validate(data.model_dump(include=set(PlanContent.CONTENT_FIELDS)))
    try:
        return PlanContent.model_validate(data)
    except ValidationError as exc:
        raise invalid_input(exc) from None


def _link_obstacle(content: PlanContent, household: Household, stored: int | None = None) -> PlanContent:
    """Check the obstacle's problem belongs to the household and keep its leefgebied beside the id.

    A UI may also give only the leefgebied; the problem id is then looked up. An unchanged link to a
    problem that was since removed from the household (`stored`) does not block saving other sections;
    `what_is_missing` reports it.
    """
    obstacle = content.sta_in_de_weg
    if obstacle.problem_id is None and obstacle.leefgebied is None:
        return content
    removed_since = stored is not None and all(p.id != stored for p in household.problems)
    if obstacle.problem_id == stored and removed_since:
        return content
    if obstacle.problem_id is not None:
        problem = next((p for p in household.problems if p.id == obstacle.problem_id), None)
    else:
        problem = next((p for p in household.problems if p.leefgebied == obstacle.leefgebied), None)
    if problem is None:
        raise InvalidInput(
            [Problem("sta_in_de_weg.problem_id", "Kies een probleem van dit huishouden als grootste sta-in-de-weg.")]
        )
    content.sta_in_de_weg = obstacle.model_copy(update={"problem_id": problem.id, "leefgebied": problem.leefgebied})
    return content


def _content_problems(data: Any) -> list[Problem]:
    if not isinstance(data, Mapping):
        return [Problem("", "De inhoud van een plan is een object.")]
    try:
        PlanContent.model_validate(data)
    except ValidationError as exc:
        return dutch_problems(exc)
    return []


def _overview(uow: UnitOfWork, household: Household, plan: Maatwerkplan) -> PlanOverview:
    assert household.case_number is not None
    concept = plan.status is PlanStatus.CONCEPT
    return PlanOverview(
        household=household,
        plan=plan,
        result=calculate(plan.rekensom),
        missing=what_is_missing(plan, household) if concept else [],
        warnings=plan_warnings(plan, household),
        versions=uow.plans.versions(household.case_number),
        legal_bases=[legal_basis(b) for b in chosen_basis_ids(plan)],
    )


# -- writing the plan -----------------------------------------------------------------------------


def start_plan(
    case_number: str,
    uow: UnitOfWork,
    actor: Actor,
    *,
    content: PlanContent | Mapping[str, Any] | None = None,
    purpose: str = "",
    today: date | None = None,
) -> Maatwerkplan:
    """Create version 1 (concept) for a household without a plan. The case moves to 'in behandeling'.

    A `gedaan` action without a date gets today's (as in `update_plan`)."""
    require(actor, Permission.EDIT_CASE)
    parsed = parse_content(content) if content is not None else PlanContent()
    if parsed.rekensom.price_year is None:
        # A new plan's kengetallen are at the last complete year's prices (DOMAIN.md "Price level").
        parsed.rekensom = parsed.rekensom.model_copy(update={"price_year": default_price_year(today_or(today))})
    problems = stamp_done_on([], parsed.actions, today_or(today))
    if problems:
        raise InvalidInput([Problem("actions", p) for p in problems])
    with UseCase(uow, actor, Permission.EDIT_CASE) as case:
        household = case.open_case(case_number, purpose)
        if uow.plans.current(case_number) is not None:
            raise Conflict(f"Casus {case_number} heeft al een maatwerkplan.")
        parsed = _link_obstacle(parsed, household)
        plan = Maatwerkplan.model_validate(
            {**parsed.model_dump(), "case_number": case_number, "created_by": actor.display_name}
        )
        saved = uow.plans.add(plan)
        record_plan(case, AuditKind.CREATE, saved, case_number)
        follow_household(case, household, PlanStatus.CONCEPT)
        uow.plans.delete_draft(case_number, actor.username)
        case.commit()
    return saved


def update_plan(
    case_number: str,
    content: PlanContent | Mapping[str, Any],
    expected_version: int,
    uow: UnitOfWork,
    actor: Actor,
    *,
    purpose: str = "",
    today: date | None = None,
) -> Maatwerkplan:
    """Replace the content of the current concept version (validated); the user's draft is cleared.

    Refused with PlanFrozen when the current version is decided (make a new version first), and with
    StaleVersion when someone saved in between. An action that becomes `gedaan` without a date gets
    today's; a date in the future is refused.
    """
    require(actor, Permission.EDIT_CASE)
    parsed = parse_content(content)
    with UseCase(uow, actor, Permission.EDIT_CASE) as case:
        household = case.open_case(case_number, purpose)
        current = _current(uow, case_number)
        current.ensure_editable()
        before = current.model_copy(deep=True)
        problems = stamp_done_on(before.actions, parsed.actions, today_or(today))
        if problems:
            raise InvalidInput([Problem("actions", p) for p in problems])
        current.replace_content(_link_obstacle(parsed, household, current.sta_in_de_weg.problem_id))
        current.version = expected_version
        saved = uow.plans.save(current)
        record_plan(case, AuditKind.UPDATE, saved, case_number, before=before)
        uow.plans.delete_draft(case_number, actor.username)
        case.commit()
    return saved


def update_section(
    case_number: str,
    step: PlanStep,
    data: Any,
    expected_version: int,
    uow: UnitOfWork,
    actor: Actor,
    *,
    purpose: str = "",
    today: date | None = None,
) -> Maatwerkplan:
    """Replace one section (a wizard step) of the current concept version.

    `data` is what that section holds: text for perspectief/doorbraak, a list for doelen/acties,
    an object for the others (None clears the consent).
    """
    if step not in (s for s in PlanStep if s.field_name in PlanContent.CONTENT_FIELDS):
        raise InvalidInput([Problem(step.value, f"'{step.label}' wordt niet via de planinhoud gewijzigd.")])
    require(actor, Permission.EDIT_CASE)
    with uow:
        current = _current(uow, case_number)
    content = current.content().model_dump()
    if step is PlanStep.REKENSOM and isinstance(data, Mapping) and "price_year" not in data:
        # A rekensom written without a price level keeps the plan's (it was set when the plan started).
        data = {**data, "price_year": current.rekensom.price_year}
    content[step.field_name] = data
    try:
        parsed = PlanContent.model_validate(content)
    except ValidationError as exc:
        raise invalid_input(exc) from None
    return update_plan(case_number, parsed, expected_version, uow, actor, purpose=purpose, today=today)


def add_cost_line_from_kengetal(
    case_number: str,
    kengetal_id: str,
    scenario: Scenario,
    expected_version: int,
    uow: UnitOfWork,
    actor: Actor,
    *,
    quantity: Decimal = Decimal(1),
    probability: Decimal = Decimal(1),
    start_month: int = 0,
    duration_months: int | None = None,
    payer: Payer | None = None,
    receiver: Payer | None = None,
    amount: Decimal | None = None,
    description: str | None = None,
    default_probability: Decimal | None = None,
    purpose: str = "",
    today: date | None = None,
) -> Maatwerkplan:
    """Append a cost line taken from the (municipality's) kengetallen catalogue to the concept rekensom,
    indexed to the plan's price level (a statutory amount: from the dated table on `today`)."""
    with uow:
        household = uow.households.get(case_number)
        current = _current(uow, case_number)
        overrides = uow.plans.kengetal_overrides(household.municipality_code)
    items = {k.id: k for k in apply_overrides(overrides)}
    if kengetal_id not in items:
        raise NotFound(f"Kengetal {kengetal_id!r} staat niet in de catalogus.")
    try:
        line = cost_line_from_kengetal(
            items[kengetal_id],
            scenario,
            description=description,
            payer=payer,
            receiver=receiver,
            amount=amount,
            quantity=quantity,
            probability=probability,
            start_month=start_month,
            duration_months=duration_months,
            price_year=current.rekensom.price_year,
            on=today_or(today),
            default_probability=default_probability,
        )
    except ValidationError as exc:
        raise invalid_input(exc) from None
    except ValueError as exc:
        raise InvalidInput([Problem("amount", str(exc))]) from None
    content = current.content()
    rekensom = content.rekensom.model_dump()
    rekensom["lines"].append(line.model_dump())
    return update_section(case_number, PlanStep.REKENSOM, rekensom, expected_version, uow, actor, purpose=purpose)


# -- drafts (autosave) ----------------------------------------------------------------------------


def save_draft(
    case_number: str, content: Mapping[str, Any], uow: UnitOfWork, actor: Actor, *, purpose: str = ""
) -> DraftSaved:
    """Autosave what is typed, valid or not, so nothing is lost on a crash or a closed terminal.

    One draft per user and household, replaced on every call. Only the first save of a draft is
    audited (the start of an editing session), not every keystroke autosave.
    """
    require(actor, Permission.EDIT_CASE)
    try:
        size = len(json.dumps(content, ensure_ascii=False, default=str).encode("utf-8"))
    except (TypeError, ValueError):
        raise InvalidInput(
            [Problem("", "Het concept bevat gegevens die niet als tekst kunnen worden bewaard.")]
        ) from None
    if size > MAX_DRAFT_BYTES:
        raise InvalidInput([Problem("", f"Het concept is groter dan {MAX_DRAFT_BYTES // 1024} kB.")])
    with UseCase(uow, actor, Permission.EDIT_CASE) as case:
        case.open_case(case_number, purpose)
        current = uow.plans.current(case_number)
        if current is not None:
            current.ensure_editable()
        first = uow.plans.get_draft(case_number, actor.username) is None
        saved = uow.plans.put_draft(
            PlanDraft(
                case_number=case_number,
                username=actor.username,
                content=dict(content),
                base_plan_version=current.plan_version if current else None,
                base_version=current.version if current else None,
            )
        )
        if first:
            case.record(AuditKind.UPDATE, PLAN_OBJECT, f"{case_number}/concept", changes={},
                        purpose=purpose or "concept automatisch opgeslagen")
        case.commit()
    return DraftSaved(saved_at=saved.saved_at, problems=_content_problems(content))


def discard_draft(case_number: str, uow: UnitOfWork, actor: Actor) -> None:
    """Throw away the user's draft (the saved plan stays as it was)."""
    require(actor, Permission.EDIT_CASE)
    with uow:
        uow.plans.delete_draft(case_number, actor.username)
        uow.commit()


def load_plan_for_editing(case_number: str, uow: UnitOfWork, actor: Actor, *, purpose: str = "") -> PlanWorkspace:
    """Open the plan editor: the current plan and the user's draft; the newest of the two is shown."""
    with UseCase(uow, actor, Permission.VIEW_CASE) as case:
        household = case.open_case(case_number, purpose)
        plan = uow.plans.current(case_number)
        draft = uow.plans.get_draft(case_number, actor.username)
        record_plan(case, AuditKind.READ, plan, case_number)
        case.commit()
    prefer_draft = False
    outdated = False
    if draft is not None:
        if plan is None:
            prefer_draft = True
            outdated = draft.base_plan_version is not None
        else:
            outdated = draft.base_plan_version != plan.plan_version or draft.base_version != plan.version
            newer = draft.saved_at is not None and plan.updated_at is not None and draft.saved_at > plan.updated_at
            prefer_draft = plan.status is PlanStatus.CONCEPT and newer
    if prefer_draft and draft is not None:
        content = dict(draft.content)
    elif plan is not None:
        content = plan.content().model_dump(mode="json")
    else:
        content = PlanContent().model_dump(mode="json")
    problems = _content_problems(content)
    missing: list[MissingItem] = []
    if not problems:
        missing = what_is_missing(PlanContent.model_validate(content), household)
    return PlanWorkspace(
        household=household,
        plan=plan,
        draft=draft,
        prefer_draft=prefer_draft,
        draft_outdated=outdated,
        content=content,
        problems=problems,
        missing=missing,
    )


# -- decision, execution, evaluation --------------------------------------------------------------


def _parse(model: type[ModelT], data: ModelT | Mapping[str, Any]) -> ModelT:
    if isinstance(data, model):
        return data
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise invalid_input(exc) from None


class DecisionRequest(BaseModel):
    """What the decider gives: the date and an optional explanation. Who decides is the actor, and on which
    mandate the register says (domain/mandate.py)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    decided_on: date | None = None
    """None: today."""
    toelichting: Text = ""


def parse_decision(data: DecisionRequest | Mapping[str, Any]) -> DecisionRequest:
    """A decision form as typed → the command, or InvalidInput with Dutch problems."""
    return _parse(DecisionRequest, data)


def parse_evaluation(data: Evaluation | Mapping[str, Any]) -> Evaluation:
    """An evaluation form as typed → the command, or InvalidInput with Dutch problems."""
    return _parse(Evaluation, data)


def decide_plan(
    case_number: str,
    decision: DecisionRequest | Mapping[str, Any],
    expected_version: int,
    uow: UnitOfWork,
    actor: Actor,
    *,
    purpose: str = "",
    today: date | None = None,
) -> Maatwerkplan:
    """Fix the current concept version, decided by the actor on a mandate that covers it.

    Refused with PlanIncomplete (listing what is missing) if incomplete, and with NoMandate (naming who may
    decide) when the actor wrote the plan (four-eyes) or holds no mandate covering the plan's municipality,
    every deviation kind and the municipal amount on the decision date and today.
    """
    require(actor, Permission.EDIT_CASE)
    request = parse_decision(decision)
    day = today_or(today)
    decided_on = request.decided_on or day
    if decided_on > day:
        raise InvalidInput([Problem("decided_on", "De besluitdatum ligt in de toekomst.")])
    with UseCase(uow, actor, Permission.EDIT_CASE) as case:
        household = case.open_case(case_number, purpose)
        plan = _current(uow, case_number)
        before = plan.model_copy(deep=True)
        plan.version = expected_version
        missing = [] if plan.is_frozen else what_is_missing(plan, household)
        if missing:  # what is missing first: only a complete plan asks for a mandate
            raise PlanIncomplete(missing)
        mandate = covering_mandate(uow, actor, plan_ask(plan, household.municipality_code), author=plan.created_by,
                                   days=(decided_on, day))
        parsed = Decision(decided_by=actor.display_name, mandate=mandate.describe(), decided_on=decided_on,
                          toelichting=request.toelichting, mandate_id=mandate.id)
        plan.decide(parsed, household)
        saved = uow.plans.save(plan)
        record_plan(case, AuditKind.UPDATE, saved, case_number, before=before)
        follow_household(case, household, PlanStatus.VASTGESTELD)
        uow.plans.delete_draft(case_number, actor.username)
        case.commit()
    return saved


def _execution_change(
    case_number: str,
    expected_version: int,
    uow: UnitOfWork,
    actor: Actor,
    purpose: str,
    change: Callable[[Maatwerkplan], None],
    follow: PlanStatus | None = None,
    also: Callable[[UseCase, Household], None] | None = None,
) -> Maatwerkplan:
    with UseCase(uow, actor, Permission.EDIT_CASE) as case:
        household = case.open_case(case_number, purpose)
        plan = _current(uow, case_number)
        before = plan.model_copy(deep=True)
        plan.version = expected_version
        change(plan)
        check_frozen_unchanged(before, plan)
        saved = uow.plans.save(plan)
        record_plan(case, AuditKind.UPDATE, saved, case_number, before=before)
        if also is not None:
            also(case, household)
        if follow is not None:
            follow_household(case, household, follow)
        case.commit()
    return saved


def start_execution(
    case_number: str, expected_version: int, uow: UnitOfWork, actor: Actor, *, purpose: str = ""
) -> Maatwerkplan:
    """vastgesteld → in_uitvoering (the case moves to 'uitvoering')."""
    return _execution_change(
        case_number, expected_version, uow, actor, purpose, lambda p: p.start_execution(), PlanStatus.IN_UITVOERING
    )


def set_action_status(
    case_number: str,
    action_id: str,
    status: ActionStatus,
    expected_version: int,
    uow: UnitOfWork,
    actor: Actor,
    *,
    note: str | None = None,
    done_on: date | None = None,
    purpose: str = "",
    today: date | None = None,
) -> Maatwerkplan:
    """Record progress of one action (open, bezig, gedaan, vastgelopen), also on a decided plan.

    `gedaan` records the day it was done: `done_on`, else the day it already had, else today (never in
    the future); any other status clears it.
    """
    if note is not None and len(note) > 4000:
        raise InvalidInput([Problem("status_note", "is te lang (maximaal 4000 tekens)")])
    day = today_or(today)
    if done_on is not None and status is not ActionStatus.GEDAAN:
        raise InvalidInput([Problem("done_on", "alleen een actie met status 'gedaan' heeft een datum gedaan")])
    problem = done_on_problem(done_on, day)
    if problem:
        raise InvalidInput([Problem("done_on", problem)])

    def change(plan: Maatwerkplan) -> None:
        try:
            plan.set_action_status(action_id, status, note, done_on=done_on, today=day)
        except ValidationError as exc:
            raise invalid_input(exc) from None

    return _execution_change(case_number, expected_version, uow, actor, purpose, change)


def record_evaluation(
    case_number: str,
    evaluation: Evaluation | Mapping[str, Any],
    expected_version: int,
    uow: UnitOfWork,
    actor: Actor,
    *,
    purpose: str = "",
) -> Maatwerkplan:
    """Add or replace the evaluation at 0, 3, 6 or 12 months (ZRM re-scores and rapportcijfer).

    The ZRM scores are also the hoofdbewoner's ZRM history on the evaluation's date (`domain.people.score_owner`,
    the same rule as migration 0013); other adults are scored in the household view (docs/people.md)."""
    parsed = parse_evaluation(evaluation)

    def zrm(case: UseCase, household: Household) -> None:
        from domain.services.people import store_evaluation_scores

        store_evaluation_scores(uow, actor, household, parsed.scores, parsed.on_date or date.today(), parsed.moment,
                                purpose=case.purpose, break_glass=case.break_glass)

    return _execution_change(case_number, expected_version, uow, actor, purpose,
                             lambda p: p.record_evaluation(parsed), also=zrm)


def complete_evaluation(
    case_number: str, expected_version: int, uow: UnitOfWork, actor: Actor, *, purpose: str = ""
) -> Maatwerkplan:
    """in_uitvoering → geevalueerd (needs an evaluation after the start); the case follows."""
    return _execution_change(
        case_number, expected_version, uow, actor, purpose, lambda p: p.complete_evaluation(), PlanStatus.GEEVALUEERD
    )


def new_plan_version(case_number: str, uow: UnitOfWork, actor: Actor, *, purpose: str = "") -> Maatwerkplan:
    """Copy the decided current version into a new concept version (number + 1) to change the plan.

    The copy needs a new consent and decision; evaluations and action progress come along.
    """
    with UseCase(uow, actor, Permission.EDIT_CASE) as case:
        case.open_case(case_number, purpose)
        current = _current(uow, case_number)
        if not current.is_frozen:
            raise Conflict(
                f"Versie {current.plan_version} is nog een concept; "
                "pas die aan in plaats van een nieuwe versie te maken."
            )
        saved = uow.plans.add(current.next_version(actor.display_name))
        record_plan(case, AuditKind.CREATE, saved, case_number, before=current)
        case.commit()
    return saved


# -- reading ---------------------------------------------------------------------------------------


def get_plan(
    case_number: str, uow: UnitOfWork, actor: Actor, *, plan_version: int | None = None, purpose: str = ""
) -> Maatwerkplan:
    """One version (default: the newest). The view is audited."""
    with UseCase(uow, actor, Permission.VIEW_CASE) as case:
        case.open_case(case_number, purpose)
        plan = _current(uow, case_number) if plan_version is None else uow.plans.get(case_number, plan_version)
        record_plan(case, AuditKind.READ, plan, case_number)
        case.commit()
    return plan


def plan_versions(case_number: str, uow: UnitOfWork, actor: Actor, *, purpose: str = "") -> list[PlanVersionInfo]:
    with UseCase(uow, actor, Permission.VIEW_CASE) as case:
        case.open_case(case_number, purpose)
        return uow.plans.versions(case_number)


def plan_overview(
    case_number: str, uow: UnitOfWork, actor: Actor, *, plan_version: int | None = None, purpose: str = ""
) -> PlanOverview:
    """The plan with its rekensom result, what is missing before a decision, warnings and versions."""
    with UseCase(uow, actor, Permission.VIEW_CASE) as case:
        household = case.open_case(case_number, purpose)
        plan = _current(uow, case_number) if plan_version is None else uow.plans.get(case_number, plan_version)
        record_plan(case, AuditKind.READ, plan, case_number)
        overview = _overview(uow, household, plan)
        case.commit()
    return overview


def export_plan(
    case_number: str, uow: UnitOfWork, actor: Actor, *, plan_version: int | None = None, purpose: str = ""
) -> PlanOverview:
    """Load a plan for a document that leaves the application (PDF, Markdown, JSON): audited as an export."""
    with UseCase(uow, actor, Permission.EXPORT_CASE) as case:
        household = case.open_case(case_number, purpose)
        plan = _current(uow, case_number) if plan_version is None else uow.plans.get(case_number, plan_version)
        record_plan(case, AuditKind.EXPORT, plan, case_number)
        overview = _overview(uow, household, plan)
        case.commit()
    return overview


@dataclass(frozen=True)
class BeschikkingData:
    """What the beschikking of a decided plan version shows: the plan and the mandate it was decided on."""

    overview: PlanOverview
    mandate: Mandate | None
    """None when the decision predates the register or its entry is not in this database (then the
    decision's own mandate text is shown)."""


def beschikking(
    case_number: str, uow: UnitOfWork, actor: Actor, *, plan_version: int | None = None, purpose: str = ""
) -> BeschikkingData:
    """Load a decided plan version for its beschikking (a document that leaves the application: audited as an
    export). Refused for a concept: the beschikking follows the decision."""
    with UseCase(uow, actor, Permission.EXPORT_CASE) as case:
        household = case.open_case(case_number, purpose)
        plan = _current(uow, case_number) if plan_version is None else uow.plans.get(case_number, plan_version)
        if plan.decision is None:
            raise IllegalTransition(f"Versie {plan.plan_version} is nog niet vastgesteld; de beschikking volgt op "
                                    "het besluit.")
        mandate = None
        if plan.decision.mandate_id is not None:
            try:
                mandate = uow.mandates.get(plan.decision.mandate_id)
            except NotFound:
                mandate = None
        record_plan(case, AuditKind.EXPORT, plan, case_number, purpose=purpose or "beschikking")
        overview = _overview(uow, household, plan)
        case.commit()
    return BeschikkingData(overview, mandate)


def compare_versions(
    case_number: str, old_version: int, new_version: int, uow: UnitOfWork, actor: Actor, *, purpose: str = ""
) -> PlanDiff:
    """Section-by-section differences between two versions of the plan."""
    with UseCase(uow, actor, Permission.VIEW_CASE) as case:
        case.open_case(case_number, purpose)
        old = uow.plans.get(case_number, old_version)
        new = uow.plans.get(case_number, new_version)
        record_plan(case, AuditKind.READ, new, case_number, purpose=purpose or f"vergelijking met versie {old_version}")
        case.commit()
    return diff_plans(old, new)


# -- pure helpers (no database) -------------------------------------------------------------------


def calculate_rekensom(plan: PlanContent) -> RekensomResult:
    """The rekensom result of a plan (or of content being edited)."""
    return calculate(plan.rekensom)


def preview_content(
    data: Mapping[str, Any], household: Household | None = None
) -> tuple[PlanContent | None, list[Problem], list[MissingItem]]:
    """Validate editor content without saving: (content or None, problems, what is missing)."""
    problems = _content_problems(data)
    if problems:
        return None, problems, []
    content = PlanContent.model_validate(data)
    return content, [], what_is_missing(content, household)


def find_legal_bases(query: str = "", *, ruimte: str | None = None, privacy: bool | None = None) -> list[LegalBasis]:
    """Search the legal-basis catalogue (case and diacritics insensitive)."""
    return search_legal_bases(query, ruimte=ruimte, privacy=privacy)


def new_cost_line(kengetal_item: Kengetal, scenario: Scenario, **options: Any) -> CostLine:
    """A cost line pre-filled from a kengetal, for a form to adjust before saving."""
    try:
        return cost_line_from_kengetal(kengetal_item, scenario, **options)
    except ValidationError as exc:
        raise invalid_input(exc) from None
    except ValueError as exc:
        raise InvalidInput([Problem("amount", str(exc))]) from None


__all__ = [
    "DraftSaved",
    "PlanOverview",
    "PlanWorkspace",
    "add_cost_line_from_kengetal",
    "calculate_rekensom",
    "parse_content",
    "parse_decision",
    "parse_evaluation",
    "compare_versions",
    "complete_evaluation",
    "BeschikkingData",
    "DecisionRequest",
    "beschikking",
    "decide_plan",
    "discard_draft",
    "export_case",
    "export_plan",
    "find_legal_bases",
    "get_plan",
    "import_case",
    "import_plan",
    "import_plan_file",
    "kengetallen_for",
    "load_plan_for_editing",
    "new_cost_line",
    "new_plan_version",
    "plan_overview",
    "plan_versions",
    "preview_content",
    "record_evaluation",
    "remove_kengetal_override",
    "save_draft",
    "set_action_status",
    "set_kengetal_override",
    "start_execution",
    "start_plan",
    "update_plan",
    "update_section",
]


class PlanService(Bound):
    """The maatwerkplan use cases bound to a unit of work and the actor (`services.plans`): the functions above
    without their `uow` and `actor` arguments, for the TUI and the CLI.

    Writes take typed commands (`PlanContent`, `DecisionRequest`, `Evaluation`, `ActionStatus` with its note
    and day); the TUI and the CLI build them with `parse_content`, `parse_decision` and `parse_evaluation`.
    What stays JSON is named so: a draft (what is typed, valid or not) and an imported file (parser input).
    The module functions also take the JSON form of a command, validated at once, for the seed and tests."""

    def start_plan(
        self,
        case_number: str,
        *,
        content: PlanContent | None = None,
        purpose: str = "",
        today: date | None = None,
    ) -> Maatwerkplan:
        return start_plan(case_number, self.uow, self.actor, content=content, purpose=purpose, today=today)

    def update_plan(
        self,
        case_number: str,
        content: PlanContent,
        expected_version: int,
        *,
        purpose: str = "",
        today: date | None = None,
    ) -> Maatwerkplan:
        return update_plan(case_number, content, expected_version, self.uow, self.actor, purpose=purpose, today=today)

    def update_section(
        self,
        case_number: str,
        step: PlanStep,
        data: Any,
        expected_version: int,
        *,
        purpose: str = "",
        today: date | None = None,
    ) -> Maatwerkplan:
        return update_section(
            case_number, step, data, expected_version, self.uow, self.actor, purpose=purpose, today=today
        )

    def add_cost_line_from_kengetal(
        self,
        case_number: str,
        kengetal_id: str,
        scenario: Scenario,
        expected_version: int,
        *,
        quantity: Decimal = Decimal(1),
        probability: Decimal = Decimal(1),
        start_month: int = 0,
        duration_months: int | None = None,
        payer: Payer | None = None,
        receiver: Payer | None = None,
        amount: Decimal | None = None,
        description: str | None = None,
        default_probability: Decimal | None = None,
        purpose: str = "",
        today: date | None = None,
    ) -> Maatwerkplan:
        return add_cost_line_from_kengetal(
            case_number,
            kengetal_id,
            scenario,
            expected_version,
            self.uow,
            self.actor,
            quantity=quantity,
            probability=probability,
            start_month=start_month,
            duration_months=duration_months,
            payer=payer,
            receiver=receiver,
            amount=amount,
            description=description,
            default_probability=default_probability,
            purpose=purpose,
            today=today,
        )

    def save_draft(self, case_number: str, content: JsonObject, *, purpose: str = "") -> DraftSaved:
        return save_draft(case_number, content, self.uow, self.actor, purpose=purpose)

    def discard_draft(self, case_number: str) -> None:
        return discard_draft(case_number, self.uow, self.actor)

    def load_plan_for_editing(self, case_number: str, *, purpose: str = "") -> PlanWorkspace:
        return load_plan_for_editing(case_number, self.uow, self.actor, purpose=purpose)

    def decide_plan(
        self, case_number: str, decision: DecisionRequest, expected_version: int, *,
        purpose: str = "", today: date | None = None,
    ) -> Maatwerkplan:
        return decide_plan(case_number, decision, expected_version, self.uow, self.actor, purpose=purpose,
                           today=today)

    def start_execution(self, case_number: str, expected_version: int, *, purpose: str = "") -> Maatwerkplan:
        return start_execution(case_number, expected_version, self.uow, self.actor, purpose=purpose)

    def set_action_status(
        self,
        case_number: str,
        action_id: str,
        status: ActionStatus,
        expected_version: int,
        *,
        note: str | None = None,
        done_on: date | None = None,
        purpose: str = "",
        today: date | None = None,
    ) -> Maatwerkplan:
        return set_action_status(
            case_number,
            action_id,
            status,
            expected_version,
            self.uow,
            self.actor,
            note=note,
            done_on=done_on,
            purpose=purpose,
            today=today,
        )

    def record_evaluation(
        self, case_number: str, evaluation: Evaluation, expected_version: int, *, purpose: str = ""
    ) -> Maatwerkplan:
        return record_evaluation(case_number, evaluation, expected_version, self.uow, self.actor, purpose=purpose)

    def complete_evaluation(self, case_number: str, expected_version: int, *, purpose: str = "") -> Maatwerkplan:
        return complete_evaluation(case_number, expected_version, self.uow, self.actor, purpose=purpose)

    def new_plan_version(self, case_number: str, *, purpose: str = "") -> Maatwerkplan:
        return new_plan_version(case_number, self.uow, self.actor, purpose=purpose)

    def get_plan(self, case_number: str, *, plan_version: int | None = None, purpose: str = "") -> Maatwerkplan:
        return get_plan(case_number, self.uow, self.actor, plan_version=plan_version, purpose=purpose)

    def plan_versions(self, case_number: str, *, purpose: str = "") -> list[PlanVersionInfo]:
        return plan_versions(case_number, self.uow, self.actor, purpose=purpose)

    def plan_overview(self, case_number: str, *, plan_version: int | None = None, purpose: str = "") -> PlanOverview:
        return plan_overview(case_number, self.uow, self.actor, plan_version=plan_version, purpose=purpose)

    def export_plan(self, case_number: str, *, plan_version: int | None = None, purpose: str = "") -> PlanOverview:
        return export_plan(case_number, self.uow, self.actor, plan_version=plan_version, purpose=purpose)

    def beschikking(self, case_number: str, *, plan_version: int | None = None, purpose: str = "") -> BeschikkingData:
        return beschikking(case_number, self.uow, self.actor, plan_version=plan_version, purpose=purpose)

    def compare_versions(self, case_number: str, old_version: int, new_version: int, *, purpose: str = "") -> PlanDiff:
        return compare_versions(case_number, old_version, new_version, self.uow, self.actor, purpose=purpose)

    def kengetallen_for(self, municipality_code: str) -> tuple[Kengetal, ...]:
        return kengetallen_for(municipality_code, self.uow, self.actor)

    def set_kengetal_override(
        self, municipality_code: str, kengetal_id: str, bedrag: Decimal | str, bron: str, jaar: int
    ) -> Kengetal:
        return set_kengetal_override(municipality_code, kengetal_id, bedrag, bron, jaar, self.uow, self.actor)

    def remove_kengetal_override(self, municipality_code: str, kengetal_id: str) -> bool:
        return remove_kengetal_override(municipality_code, kengetal_id, self.uow, self.actor)

    def import_plan(self, case_number: str, document: Mapping[str, Any], *, purpose: str = "") -> Maatwerkplan:
        return import_plan(case_number, document, self.uow, self.actor, purpose=purpose)

    def import_plan_file(self, case_number: str, data: Any, *, purpose: str = "") -> Maatwerkplan:
        return import_plan_file(case_number, data, self.uow, self.actor, purpose=purpose)

    def import_case(
        self,
        household: Household,
        plan_documents: Sequence[Mapping[str, Any]],
        *,
        new_number: bool,
        today: date | None = None,
    ) -> tuple[Household, list[Maatwerkplan]]:
        return import_case(household, plan_documents, self.uow, self.actor, new_number=new_number, today=today)

    def export_case(self, case_number: str, *, purpose: str = "") -> tuple[Household, list[Maatwerkplan]]:
        return export_case(case_number, self.uow, self.actor, purpose=purpose)
