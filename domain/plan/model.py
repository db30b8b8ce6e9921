"""The maatwerkplan's model: its sections along the steps of the doorbraakmethode, the statuses, and the
life of a version.

A plan version moves ``concept → vastgesteld → in_uitvoering → geevalueerd``. Once decided its content
is frozen: only the execution (action status) and the evaluation moments may still change. A change of
content after the decision makes a new version (a copy with version number + 1, status concept).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from domain import reference
from domain.catalogues import is_legal_basis
from domain.errors import DomainError, IllegalTransition
from domain.household import Household, Problem
from domain.jsondata import JsonObject
from domain.legal import JuridischeParagraaf, LegalReasoning
from domain.rekensom import (
    PAYER_ORDER,
    CostLine,
    Payer,
    Rekensom,
    RekensomResult,
    calculate,
)
from domain.validation import clean_text

TEXT_MAX = 4000
EVALUATION_MOMENTS: tuple[int, ...] = (0, 3, 6, 12)


def _clean(value: str) -> str:
    return clean_text(value)


def _required(value: str) -> str:
    value = clean_text(value)
    if not value:
        raise ValueError("Dit veld is verplicht.")
    return value


Text = Annotated[str, Field(max_length=TEXT_MAX), AfterValidator(_clean)]
ShortText = Annotated[str, Field(max_length=200), AfterValidator(_clean)]
RequiredShort = Annotated[str, Field(max_length=200), AfterValidator(_required)]
RequiredText = Annotated[str, Field(max_length=TEXT_MAX), AfterValidator(_required)]


# -- errors ---------------------------------------------------------------------------------------


class PlanFrozen(DomainError):
    """A decided plan version cannot be edited; make a new version."""

    title = "Plan is vastgesteld"

    def __init__(self, plan_version: int) -> None:
        super().__init__(
            f"Versie {plan_version} van het maatwerkplan is vastgesteld en kan niet meer worden gewijzigd. "
            "Maak een nieuwe versie om het plan aan te passen."
        )


@dataclass(frozen=True)
class MissingItem:
    """Something that blocks (or, as a warning, weakens) a decision, with the step to jump to."""

    step: PlanStep
    message: str

    def __str__(self) -> str:
        return f"{self.step.label}: {self.message}"


class PlanIncomplete(DomainError):
    """Deciding was refused: `missing` lists every reason, in Dutch."""

    title = "Plan is nog niet compleet"

    def __init__(self, missing: Sequence[MissingItem]) -> None:
        self.missing = list(missing)
        lines = "; ".join(str(item) for item in self.missing)
        super().__init__(f"Het plan kan nog niet worden vastgesteld. Nog nodig: {lines}")


# -- steps and statuses ---------------------------------------------------------------------------


class PlanStep(StrEnum):
    """The sections of the plan in the order of the method (the wizard's steps)."""

    IN_KAART = "in_kaart"
    PERSPECTIEF = "perspectief"
    STA_IN_DE_WEG = "sta_in_de_weg"
    DOORBRAAK = "doorbraak"
    DOELEN = "doelen"
    ACTIES = "acties"
    REKENSOM = "rekensom"
    JURIDISCH = "juridisch"
    TOESTEMMING = "toestemming"
    BESLUIT = "besluit"
    EVALUATIE = "evaluatie"

    @property
    def label(self) -> str:
        return STEP_LABELS[self]

    @property
    def field_name(self) -> str:
        """The attribute of the plan that holds this section."""
        return STEP_FIELDS[self]


STEP_LABELS: dict[PlanStep, str] = {
    PlanStep.IN_KAART: "In kaart brengen",
    PlanStep.PERSPECTIEF: "Perspectief",
    PlanStep.STA_IN_DE_WEG: "Grootste sta-in-de-weg",
    PlanStep.DOORBRAAK: "Doorbraak",
    PlanStep.DOELEN: "Doelen",
    PlanStep.ACTIES: "Acties",
    PlanStep.REKENSOM: "Maatschappelijke rekensom",
    PlanStep.JURIDISCH: "Juridische paragraaf",
    PlanStep.TOESTEMMING: "Toestemming",
    PlanStep.BESLUIT: "Besluit",
    PlanStep.EVALUATIE: "Evaluatie",
}
STEP_FIELDS: dict[PlanStep, str] = {
    PlanStep.IN_KAART: "in_kaart",
    PlanStep.PERSPECTIEF: "perspectief",
    PlanStep.STA_IN_DE_WEG: "sta_in_de_weg",
    PlanStep.DOORBRAAK: "doorbraak",
    PlanStep.DOELEN: "goals",
    PlanStep.ACTIES: "actions",
    PlanStep.REKENSOM: "rekensom",
    PlanStep.JURIDISCH: "juridisch",
    PlanStep.TOESTEMMING: "consent",
    PlanStep.BESLUIT: "decision",
    PlanStep.EVALUATIE: "evaluations",
}
CONTENT_STEPS: tuple[PlanStep, ...] = tuple(s for s in PlanStep if s not in (PlanStep.BESLUIT, PlanStep.EVALUATIE))
"""The sections a professional edits while the plan is a concept."""


class PlanStatus(StrEnum):
    CONCEPT = "concept"
    VASTGESTELD = "vastgesteld"
    IN_UITVOERING = "in_uitvoering"
    GEEVALUEERD = "geevalueerd"

    @property
    def label(self) -> str:
        return PLAN_STATUS_LABELS[self]


PLAN_STATUS_LABELS = {
    PlanStatus.CONCEPT: "Concept",
    PlanStatus.VASTGESTELD: "Vastgesteld",
    PlanStatus.IN_UITVOERING: "In uitvoering",
    PlanStatus.GEEVALUEERD: "Geëvalueerd",
}


class ActionStatus(StrEnum):
    OPEN = "open"
    BEZIG = "bezig"
    GEDAAN = "gedaan"
    VASTGELOPEN = "vastgelopen"

    @property
    def label(self) -> str:
        return ACTION_STATUS_LABELS[self]


ACTION_STATUS_LABELS = {
    ActionStatus.OPEN: "Open",
    ActionStatus.BEZIG: "Bezig",
    ActionStatus.GEDAAN: "Gedaan",
    ActionStatus.VASTGELOPEN: "Vastgelopen",
}


class ConsentMethod(StrEnum):
    MONDELING = "mondeling"
    SCHRIFTELIJK = "schriftelijk"
    DIGITAAL = "digitaal"

    @property
    def label(self) -> str:
        return {"mondeling": "Mondeling", "schriftelijk": "Schriftelijk", "digitaal": "Digitaal"}[self.value]


# -- sections -------------------------------------------------------------------------------------


class InKaart(BaseModel):
    """Step 1: the picture of the household. Members, problems and organisations live on the household;
    here the professional summarises what the mapping showed."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    samenvatting: Text = ""
    datum: date | None = None


def _leefgebied(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if value not in reference.leefgebieden():
        raise ValueError(f"Onbekend leefgebied {value!r}.")
    return value


class StaInDeWeg(BaseModel):
    """Step 3: the one obstacle, linked to one of the household's problems (by problem id)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    problem_id: int | None = None
    leefgebied: Annotated[str | None, AfterValidator(_leefgebied)] = None
    """The problem's leefgebied, kept beside the id (set when saved), so a decided plan and a case file
    still say which problem it was."""
    toelichting: Text = ""


class Goal(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: str | None = Field(default=None, max_length=20)
    text: RequiredText
    leefgebied: Annotated[str | None, AfterValidator(_leefgebied)] = None
    target_score: int | None = Field(default=None, ge=1, le=5)
    """The ZRM score the household aims for on this leefgebied."""


def _basis_ids(values: list[str]) -> list[str]:
    cleaned = []
    for value in values:
        value = value.strip()
        if not is_legal_basis(value):
            raise ValueError(f"Onbekende rechtsgrond {value!r}; kies er een uit de catalogus.")
        if value not in cleaned:
            cleaned.append(value)
    return cleaned


BasisIds = Annotated[list[str], Field(max_length=20), AfterValidator(_basis_ids)]


class Action(BaseModel):
    """What is done, by which organisation, who to contact, by when; status during the execution."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: str | None = Field(default=None, max_length=20)
    what: RequiredText
    owner_organisation: ShortText = ""
    contact: ShortText = ""
    """Free text for now (name, phone, e-mail or a central mailbox)."""
    contact_id: int | None = None
    """A maatwerkregister contact, once the register exists."""
    deadline: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    status_note: Text = ""
    """Why it is stuck, what was tried (mainly for `vastgelopen`)."""
    done_on: date | None = None
    """The day the action was done: set exactly when the status is `gedaan` (actions marked done before
    this date existed may lack it). `set_action_status` fills in today when none is given."""
    goal_id: str | None = Field(default=None, max_length=20)
    cost_line_id: str | None = Field(default=None, max_length=20)
    deviating: bool = False
    """Deviates from the standard outcome (maatwerk): needs a legal basis before the decision."""
    legal_basis_ids: BasisIds = Field(default_factory=list)
    reasoning: LegalReasoning = Field(default_factory=LegalReasoning)
    """The legal reasoning of this action (mainly for a deviating action)."""

    @model_validator(mode="after")
    def _done_on_only_when_done(self) -> Action:
        if self.done_on is not None and self.status is not ActionStatus.GEDAAN:
            raise ValueError("Alleen een actie met status 'gedaan' heeft een datum gedaan.")
        return self

    @property
    def short(self) -> str:
        return short_text(self.what)


DONE_ON_EARLIEST = date(2000, 1, 1)


def done_on_problem(done_on: date | None, today: date) -> str | None:
    """Why a 'gedaan op' date is refused (Dutch), or None: not in the future, not absurdly early."""
    if done_on is None:
        return None
    if done_on > today:
        return "De datum gedaan ligt in de toekomst."
    if done_on < DONE_ON_EARLIEST:
        return "De datum gedaan ligt vóór 2000; controleer het jaartal."
    return None


def stamp_done_on(before: Sequence[Action], after: Sequence[Action], today: date) -> list[str]:
    """Fill in the day of `gedaan` actions given without one: the day the action already had when it was
    gedaan before (also none: marked done before the date existed), else today. Clear the day of actions
    that are not gedaan. Return the Dutch problems of refused days (one per action). `before` is matched
    by action id.
    """
    was_done = {a.id: a for a in before if a.status is ActionStatus.GEDAAN}
    problems: list[str] = []
    for number, action in enumerate(after, start=1):
        if action.status is not ActionStatus.GEDAAN:
            if action.done_on is not None:
                action.__dict__["done_on"] = None
            continue
        if action.done_on is None:  # keep the day it already had; newly done: today
            prior = was_done.get(action.id)
            action.__dict__["done_on"] = prior.done_on if prior is not None else today
        problem = done_on_problem(action.done_on, today)
        if problem:
            problems.append(f"Actie {number} ({action.short}): {problem}")
    return problems


class Consent(BaseModel):
    """The resident's consent: who, when, how, and for what (scope of the data sharing)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    given_by: RequiredShort
    given_on: date
    method: ConsentMethod = ConsentMethod.MONDELING
    scope: RequiredText


class Decision(BaseModel):
    """Who decided, with what mandate, on what date."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    decided_by: RequiredShort
    mandate: RequiredShort
    """The mandate as the decision names it (domain/mandate.py `Mandate.describe`)."""
    decided_on: date
    toelichting: Text = ""
    mandate_id: int | None = None
    """The mandate register's entry; None for decisions from before the register (or another database)."""


class Evaluation(BaseModel):
    """A monitoring moment (0, 3, 6 or 12 months): ZRM re-scores and the resident's own rating."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    moment: int
    on_date: date | None = None
    rapportcijfer: int | None = Field(default=None, ge=1, le=10)
    scores: dict[str, int] = Field(default_factory=dict)
    """Leefgebied code → ZRM score 1..5."""
    realised_costs: Decimal | None = Field(default=None, ge=0, le=Decimal("100000000"), decimal_places=2)
    """Realised costs so far (all payers together), to compare with the projection. With
    `realised_by_payer` it is their sum (filled in when left empty)."""
    realised_by_payer: dict[Payer, Annotated[Decimal, Field(ge=0, le=Decimal("100000000"), decimal_places=2)]] = (
        Field(default_factory=dict)
    )
    """Realised costs so far per payer (the payers of the rekensom), in the rekensom's payer order."""
    toelichting: Text = ""

    @field_validator("moment")
    @classmethod
    def _moment(cls, value: int) -> int:
        if value not in EVALUATION_MOMENTS:
            raise ValueError("Een evaluatiemoment is 0, 3, 6 of 12 maanden.")
        return value

    @field_validator("scores")
    @classmethod
    def _scores(cls, value: dict[str, int]) -> dict[str, int]:
        known = reference.leefgebieden()
        for code, score in value.items():
            if code not in known:
                raise ValueError(f"Onbekend leefgebied {code!r}.")
            if not 1 <= score <= 5:
                raise ValueError(f"Score voor {known[code]} moet tussen 1 en 5 liggen.")
        # Keep the ZRM order, whatever order the input had.
        return {code: value[code] for code in known if code in value}

    @field_validator("realised_by_payer")
    @classmethod
    def _payer_order(cls, value: dict[Payer, Decimal]) -> dict[Payer, Decimal]:
        return {payer: value[payer].quantize(Decimal("0.01")) for payer in sorted(value, key=lambda p: PAYER_ORDER[p])}

    @model_validator(mode="after")
    def _something(self) -> Evaluation:
        if self.rapportcijfer is None and not self.scores:
            raise ValueError("Geef een rapportcijfer of ten minste één ZRM-score.")
        if self.realised_by_payer:
            total = sum(self.realised_by_payer.values(), Decimal("0.00"))
            if self.realised_costs is None:
                self.__dict__["realised_costs"] = total
            elif self.realised_costs != total:
                raise ValueError(
                    f"De gerealiseerde kosten ({self.realised_costs}) zijn niet de som van de bedragen per "
                    f"betaler ({total})."
                )
        return self


def short_text(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _assign_ids(items: Sequence[Any], prefix: str, what: str) -> None:
    used: set[str] = set()
    highest = 0
    for item in items:
        if item.id is None:
            continue
        if item.id in used:
            raise ValueError(f"{what} {item.id!r} komt twee keer voor.")
        used.add(item.id)
        if item.id.startswith(prefix) and item.id[len(prefix) :].isdigit():
            highest = max(highest, int(item.id[len(prefix) :]))
    for item in items:
        if item.id is None:
            highest += 1
            item.id = f"{prefix}{highest}"


class PlanContent(BaseModel):
    """Everything a professional writes in a concept plan (the editable sections)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    in_kaart: InKaart = Field(default_factory=InKaart)
    perspectief: Text = ""
    """The household's own 12-month goal, in its own words."""
    sta_in_de_weg: StaInDeWeg = Field(default_factory=StaInDeWeg)
    doorbraak: Text = ""
    goals: list[Goal] = Field(default_factory=list, max_length=50)
    actions: list[Action] = Field(default_factory=list, max_length=200)
    rekensom: Rekensom = Field(default_factory=Rekensom)
    juridisch: JuridischeParagraaf = Field(default_factory=JuridischeParagraaf)
    consent: Consent | None = None

    CONTENT_FIELDS: ClassVar[tuple[str, ...]] = (
        "in_kaart",
        "perspectief",
        "sta_in_de_weg",
        "doorbraak",
        "goals",
        "actions",
        "rekensom",
        "juridisch",
        "consent",
    )

    @model_validator(mode="after")
    def _ids_and_references(self) -> PlanContent:
        _assign_ids(self.goals, "d", "Doel")
        _assign_ids(self.actions, "a", "Actie")
        _assign_ids(self.rekensom.lines, "k", "Kostenregel")
        goal_ids = {g.id for g in self.goals}
        line_ids = {line.id for line in self.rekensom.lines}
        for number, action in enumerate(self.actions, start=1):
            if action.goal_id is not None and action.goal_id not in goal_ids:
                raise ValueError(f"Actie {number} ({action.short}) verwijst naar een onbekend doel {action.goal_id!r}.")
            if action.cost_line_id is not None and action.cost_line_id not in line_ids:
                raise ValueError(
                    f"Actie {number} ({action.short}) verwijst naar een onbekende kostenregel {action.cost_line_id!r}."
                )
        return self

    def goal(self, goal_id: str) -> Goal | None:
        return next((g for g in self.goals if g.id == goal_id), None)

    def action(self, action_id: str) -> Action | None:
        return next((a for a in self.actions if a.id == action_id), None)

    def cost_line(self, line_id: str) -> CostLine | None:
        return next((line for line in self.rekensom.lines if line.id == line_id), None)

    def content(self) -> PlanContent:
        """A detached copy of the editable sections."""
        return PlanContent.model_validate(self.model_dump(include=set(self.CONTENT_FIELDS)))


class Maatwerkplan(PlanContent):
    """One version of a household's plan. `version` is the row version (stale saves are refused);
    `plan_version` is the number people see (versie 1, 2, ...)."""

    id: int | None = None
    case_number: str
    plan_version: int = Field(default=1, ge=1)
    status: PlanStatus = PlanStatus.CONCEPT
    decision: Decision | None = None
    evaluations: list[Evaluation] = Field(default_factory=list, max_length=len(EVALUATION_MOMENTS))
    created_by: str = ""
    version: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @field_validator("evaluations")
    @classmethod
    def _one_per_moment(cls, value: list[Evaluation]) -> list[Evaluation]:
        moments = [e.moment for e in value]
        if len(set(moments)) != len(moments):
            raise ValueError("Elk evaluatiemoment komt maar één keer voor.")
        return sorted(value, key=lambda e: e.moment)

    def __setattr__(self, name: str, value: Any) -> None:
        if (
            name in PlanContent.CONTENT_FIELDS
            and self.__dict__.get("status", PlanStatus.CONCEPT) is not PlanStatus.CONCEPT
        ):
            raise PlanFrozen(self.plan_version)
        super().__setattr__(name, value)

    # -- state ------------------------------------------------------------------------------------
    @property
    def is_frozen(self) -> bool:
        return self.status is not PlanStatus.CONCEPT

    def ensure_editable(self) -> None:
        if self.is_frozen:
            raise PlanFrozen(self.plan_version)

    def replace_content(self, content: PlanContent) -> None:
        """Replace the editable sections (a concept only)."""
        self.ensure_editable()
        # Validate the whole new state first, then swap all sections at once: assigning them one by one
        # would validate half-replaced states (an action pointing to a cost line that comes next).
        merged = Maatwerkplan.model_validate(
            {**self.model_dump(exclude=set(PlanContent.CONTENT_FIELDS)), **content.model_dump()}
        )
        for name in PlanContent.CONTENT_FIELDS:
            self.__dict__[name] = merged.__dict__[name]

    def decide(self, decision: Decision, household: Household | None = None) -> None:
        """Fix this version: refused (PlanIncomplete) while anything is missing."""
        if self.status is not PlanStatus.CONCEPT:
            raise IllegalTransition(f"Versie {self.plan_version} is al vastgesteld.")
        from domain.plan.completeness import what_is_missing  # completeness reads the model: import late

        missing = what_is_missing(self, household)
        if missing:
            raise PlanIncomplete(missing)
        self.decision = decision
        self.status = PlanStatus.VASTGESTELD

    def start_execution(self) -> None:
        if self.status is not PlanStatus.VASTGESTELD:
            raise IllegalTransition(
                f"Alleen een vastgesteld plan kan in uitvoering gaan (dit plan is '{self.status.label}')."
            )
        self.status = PlanStatus.IN_UITVOERING

    def complete_evaluation(self) -> None:
        if self.status is not PlanStatus.IN_UITVOERING:
            raise IllegalTransition(
                "Alleen een plan in uitvoering kan als geëvalueerd worden afgesloten "
                f"(dit plan is '{self.status.label}')."
            )
        if not any(e.moment > 0 for e in self.evaluations):
            raise IllegalTransition("Leg eerst een evaluatiemoment na de start vast (3, 6 of 12 maanden).")
        self.status = PlanStatus.GEEVALUEERD

    def set_action_status(
        self,
        action_id: str,
        status: ActionStatus,
        note: str | None = None,
        *,
        done_on: date | None = None,
        today: date | None = None,
    ) -> Action:
        """Execution: an action's status may change in every state except geëvalueerd.

        `gedaan` needs a day it was done: `done_on`, else the one the action already had, else `today`
        (one of the two is required then). Not in the future. Any other status clears the day.
        """
        if self.status is PlanStatus.GEEVALUEERD:
            raise IllegalTransition("Het plan is geëvalueerd; maak een nieuwe versie om verder te werken.")
        index = next((i for i, a in enumerate(self.actions) if a.id == action_id), None)
        if index is None:
            raise DomainError(f"Actie {action_id!r} bestaat niet in dit plan.")
        action = self.actions[index]
        day: date | None = None
        if status is ActionStatus.GEDAAN:
            day = done_on or (action.done_on if action.status is ActionStatus.GEDAAN else None) or today
            if day is None:
                raise DomainError("Geef de datum waarop de actie is gedaan.")
            problem = done_on_problem(day, today or day)
            if problem:
                raise DomainError(problem)
        elif done_on is not None:
            raise DomainError("Alleen een actie met status 'gedaan' heeft een datum gedaan.")
        data = action.model_dump()
        data.update(status=status, done_on=day)
        if note is not None:
            data["status_note"] = note
        updated = Action.model_validate(data)
        self.actions[index] = updated  # the list itself, not the (frozen) field
        return updated

    def record_evaluation(self, evaluation: Evaluation) -> None:
        """Add or replace the evaluation of one moment (monitoring goes on after the decision)."""
        others = [e for e in self.evaluations if e.moment != evaluation.moment]
        self.evaluations = [*others, evaluation]

    def next_version(self, created_by: str = "") -> Maatwerkplan:
        """A new concept version with the same content; it needs a new consent and decision."""
        data = self.model_dump(
            exclude={"id", "version", "created_at", "updated_at", "decision", "status", "plan_version", "created_by"}
        )
        data["consent"] = None
        return Maatwerkplan.model_validate(
            {**data, "plan_version": self.plan_version + 1, "status": PlanStatus.CONCEPT, "created_by": created_by}
        )

    # -- derived ----------------------------------------------------------------------------------
    def rekensom_result(self) -> RekensomResult:
        return calculate(self.rekensom)

    def obstacle_problem(self, household: Household) -> Problem | None:
        return next((p for p in household.problems if p.id == self.sta_in_de_weg.problem_id), None)


def frozen_view(plan: PlanContent) -> JsonObject:
    """The content that the decision fixes: everything but the execution status of the actions."""
    data = plan.model_dump(mode="json", include=set(PlanContent.CONTENT_FIELDS))
    for action in data["actions"]:
        action.pop("status", None)
        action.pop("status_note", None)
        action.pop("done_on", None)
    return data


def check_frozen_unchanged(before: Maatwerkplan, after: Maatwerkplan) -> None:
    """Defence in depth before saving a decided plan: its fixed content may not have changed."""
    if before.is_frozen and (frozen_view(before) != frozen_view(after) or before.decision != after.decision):
        raise PlanFrozen(before.plan_version)



def chosen_basis_ids(plan: PlanContent) -> list[str]:
    """Every legal basis the plan uses (paragraph, actions, privacy), in first-use order."""
    ids: list[str] = []
    for basis_id in (
        *(g.basis_id for g in plan.juridisch.grondslagen),
        *(b for a in plan.actions for b in a.legal_basis_ids),
        *(g.basis_id for g in plan.juridisch.privacy_grondslagen),
    ):
        if basis_id not in ids:
            ids.append(basis_id)
    return ids


@dataclass(frozen=True)
class PlanVersionInfo:
    """One line of a plan's version history."""

    plan_version: int
    status: PlanStatus
    decided_on: date | None
    decided_by: str
    created_by: str
    updated_at: datetime | None
    version: int


@dataclass(frozen=True)
class PlanDraft:
    """Autosaved editor content (unvalidated JSON-like data) of one user for one household."""

    case_number: str
    username: str
    content: JsonObject
    base_plan_version: int | None = None
    """The plan version the user was editing (None: no plan yet)."""
    base_version: int | None = None
    """The row version of that plan when the editing started."""
    saved_at: datetime | None = None


def new_plan(case_number: str, created_by: str = "") -> Maatwerkplan:
    return Maatwerkplan(case_number=case_number, created_by=created_by)
