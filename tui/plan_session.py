"""The plan editor's state and its writes, without Textual: what is typed (`content`), what it is measured
against (`baseline`, `last_draft`), what the domain says about it (problems, missing, warnings), and the
saves (draft, content, action statuses, plan commands) through a narrow `PlanStore`.

The screen (tui/screens/plan_editor.py) owns the widgets and the workers; it calls the write methods here
from its worker threads and applies their results on the UI thread. Every write runs under one lock with
a generation counter, so an autosaved draft that was overtaken by a save is dropped instead of stored.
Nothing here imports Textual: tests/tui/test_plan_session.py drives it with an in-memory store.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, ClassVar, Protocol

from domain.catalogues import Kengetal
from domain.errors import InvalidInput, Problem, StaleVersion
from domain.household import Household
from domain.jsondata import JsonObject
from domain.local_time import AMSTERDAM
from domain.mandate import NoMandate
from domain.plan import (
    CONTENT_STEPS,
    ActionStatus,
    Evaluation,
    Maatwerkplan,
    MissingItem,
    PlanContent,
    PlanIncomplete,
    PlanStep,
    plan_warnings,
)
from domain.services import plans as service
from domain.services.plans import DecisionRequest

Content = JsonObject
"""The plan's editable sections as JSON-like data: what is typed, valid or not. Not a command: a save turns it
into `PlanContent` with `service.parse_content` (a draft is stored as it is)."""


# -- typed commands: what a step asks the plan to do ------------------------------------------------


@dataclass(frozen=True)
class ActionStatusChange:
    """Execution of a decided plan: one action's status, note and 'gedaan op' day (ISO text) as typed."""

    action_id: str
    status: ActionStatus
    note: str | None
    """None: keep the note the action has."""
    done_on: str | None

    def done_on_date(self) -> date | None:
        """The 'gedaan op' day as a date; a Dutch error when it is not one."""
        if not self.done_on:
            return None
        try:
            return date.fromisoformat(self.done_on)
        except ValueError:
            raise InvalidInput([Problem("done_on", f"'{self.done_on}' is geen datum (dd-mm-jjjj)")]) from None


class PlanCommand(Protocol):
    """A change of the plan's state asked for in the step Besluit or Evaluatie. Each command knows its
    store call and its message, so the editor runs any of them the same way."""

    saves_content_first: ClassVar[bool]
    """Unsaved content is saved before the command runs (deciding decides what is on screen)."""
    reloads: ClassVar[bool]
    """The plan is loaded anew afterwards (False: the new version is taken as it is and the step rebuilt)."""
    reload_step: ClassVar[PlanStep | None]
    """The step to show afterwards (None: the step on screen)."""

    def run(self, store: PlanStore, version: int | None) -> Maatwerkplan:
        """Run through `store` against the plan's row `version` (None: there is no plan yet)."""
        ...

    def message(self, saved: Maatwerkplan) -> str: ...

    def confirmation(self, plan_version: int) -> Confirmation | None:
        """What to ask before running (None: run at once)."""
        ...


@dataclass(frozen=True)
class Confirmation:
    title: str
    text: str
    yes: str


@dataclass(frozen=True)
class DecidePlan:
    """Vaststellen: the date and explanation as typed (the service validates them). Who decides is the person
    logged in, on the mandate the register says covers the plan; `decider` only names them in the question."""

    toelichting: str = ""
    decided_on: str | None = None
    """ISO day; None: today."""
    decider: str = ""

    saves_content_first: ClassVar[bool] = True
    reloads: ClassVar[bool] = True
    reload_step: ClassVar[PlanStep | None] = None

    def form(self) -> JsonObject:
        """The dialog's fields as typed (parser input)."""
        data: JsonObject = {"toelichting": self.toelichting}
        if self.decided_on is not None:
            data["decided_on"] = self.decided_on
        return data

    def request(self) -> DecisionRequest:
        """The command the service takes (InvalidInput with Dutch problems when a field is wrong)."""
        return service.parse_decision(self.form())

    def run(self, store: PlanStore, version: int | None) -> Maatwerkplan:
        assert version is not None
        return store.decide(self.request(), version)

    def message(self, saved: Maatwerkplan) -> str:
        return f"Versie {saved.plan_version} is vastgesteld."

    def confirmation(self, plan_version: int) -> Confirmation | None:
        who = f" door {self.decider}" if self.decider else ""
        return Confirmation("Plan vaststellen?", f"Versie {plan_version} wordt vastgesteld{who}, op uw mandaat. Daarna "
                            "ligt de inhoud vast; wijzigen kan alleen in een nieuwe versie.", "Vaststellen")


@dataclass(frozen=True)
class RecordEvaluation:
    """One monitoring moment (0, 3, 6 or 12 months) as typed (the service validates it)."""

    moment: int | str | None
    on_date: str | None
    rapportcijfer: Any
    toelichting: str
    scores: Mapping[str, Any] = field(default_factory=dict)
    realised_costs: str | Decimal | None = None
    realised_by_payer: Mapping[str, object] | None = None

    saves_content_first: ClassVar[bool] = False
    reloads: ClassVar[bool] = False
    reload_step: ClassVar[PlanStep | None] = PlanStep.EVALUATIE

    def form(self) -> JsonObject:
        """The step's fields as typed (parser input)."""
        data: JsonObject = {"moment": self.moment, "on_date": self.on_date, "rapportcijfer": self.rapportcijfer,
                                "toelichting": self.toelichting, "scores": dict(self.scores)}
        if self.realised_costs is not None:
            data["realised_costs"] = self.realised_costs
        if self.realised_by_payer:
            data["realised_by_payer"] = dict(self.realised_by_payer)
        return data

    def run(self, store: PlanStore, version: int | None) -> Maatwerkplan:
        assert version is not None
        return store.record_evaluation(service.parse_evaluation(self.form()), version)

    def message(self, saved: Maatwerkplan) -> str:
        return f"Evaluatie na {self.moment} maanden vastgelegd."

    def confirmation(self, plan_version: int) -> Confirmation | None:
        return None


@dataclass(frozen=True)
class StartExecution:
    saves_content_first: ClassVar[bool] = False
    reloads: ClassVar[bool] = True
    reload_step: ClassVar[PlanStep | None] = None

    def run(self, store: PlanStore, version: int | None) -> Maatwerkplan:
        assert version is not None
        return store.start_execution(version)

    def message(self, saved: Maatwerkplan) -> str:
        return "Het plan is in uitvoering."

    def confirmation(self, plan_version: int) -> Confirmation | None:
        return None


@dataclass(frozen=True)
class CompleteEvaluation:
    saves_content_first: ClassVar[bool] = False
    reloads: ClassVar[bool] = True
    reload_step: ClassVar[PlanStep | None] = None

    def run(self, store: PlanStore, version: int | None) -> Maatwerkplan:
        assert version is not None
        return store.complete_evaluation(version)

    def message(self, saved: Maatwerkplan) -> str:
        return "Het plan is geëvalueerd en afgerond."

    def confirmation(self, plan_version: int) -> Confirmation | None:
        return None


@dataclass(frozen=True)
class NewVersion:
    in_editor: bool = True
    """Made in the editor (the message says what comes next) or in the overview (which opens the editor)."""

    saves_content_first: ClassVar[bool] = False
    reloads: ClassVar[bool] = True
    reload_step: ClassVar[PlanStep | None] = PlanStep.ACTIES

    def run(self, store: PlanStore, version: int | None) -> Maatwerkplan:
        return store.new_version()

    def message(self, saved: Maatwerkplan) -> str:
        if not self.in_editor:
            return f"Versie {saved.plan_version} is gemaakt (concept)."
        return f"Versie {saved.plan_version} is gemaakt (concept); pas hem aan en stel hem opnieuw vast."

    def confirmation(self, plan_version: int) -> Confirmation | None:
        return None


# -- the port: what the session needs from the service layer ------------------------------------------


class PlanStore(Protocol):
    """The plan use cases for one case, with the actor, the unit of work and the logged reason bound
    (tui/plan_store.py wires them to the services; tests use an in-memory fake)."""

    def load(self) -> service.PlanWorkspace: ...

    def kengetallen(self, municipality_code: str) -> tuple[Kengetal, ...]: ...

    def save_draft(self, content: Content) -> datetime | None: ...

    def discard_draft(self) -> None: ...

    def start_plan(self, content: PlanContent) -> Maatwerkplan: ...

    def update_plan(self, content: PlanContent, version: int) -> Maatwerkplan: ...

    def update_section(self, step: PlanStep, data: Any, version: int) -> Maatwerkplan: ...

    def set_action_status(self, change: ActionStatusChange, version: int) -> Maatwerkplan: ...

    def decide(self, decision: DecisionRequest, version: int) -> Maatwerkplan: ...

    def record_evaluation(self, evaluation: Evaluation, version: int) -> Maatwerkplan: ...

    def start_execution(self, version: int) -> Maatwerkplan: ...

    def complete_evaluation(self, version: int) -> Maatwerkplan: ...

    def new_version(self) -> Maatwerkplan: ...


# -- results of the writes ------------------------------------------------------------------------------


@dataclass
class SaveResult:
    """What a content save ended in: `plan` when stored; else `problems` (invalid) or `stale` (someone
    saved in between). A refused save keeps what was typed as a draft (`kept_draft_at`)."""

    data: Content
    changed: list[PlanStep]
    plan: Maatwerkplan | None = None
    problems: list[Problem] = field(default_factory=list)
    stale: StaleVersion | None = None
    kept_draft_at: datetime | None = None


@dataclass
class CommandResult:
    """What a plan command ended in: `plan` with `message`, or `problems` (invalid input; `content_refused`
    when it was the content saved first), or `incomplete` (deciding with something missing)."""

    plan: Maatwerkplan | None = None
    message: str = ""
    content_saved: Maatwerkplan | None = None
    """Deciding saved the content first: that save's plan (the screen reports it as a save)."""
    problems: list[Problem] = field(default_factory=list)
    content_refused: bool = False
    incomplete: PlanIncomplete | None = None
    no_mandate: NoMandate | None = None
    """Deciding was refused: the actor wrote the plan or holds no covering mandate (the message names who may)."""


# -- content helpers ----------------------------------------------------------------------------------


def empty_content() -> Content:
    return PlanContent().model_dump(mode="json")


def plan_json(plan: Maatwerkplan | None) -> Content:
    return plan.content().model_dump(mode="json") if plan is not None else empty_content()


def next_id(prefix: str, existing: Iterable[str | None]) -> str:
    """The id the domain would give a new item: prefix + (highest number in use + 1)."""
    highest = 0
    for item_id in existing:
        if item_id and item_id.startswith(prefix) and item_id[len(prefix) :].isdigit():
            highest = max(highest, int(item_id[len(prefix) :]))
    return f"{prefix}{highest + 1}"


def ensure_ids(items: Sequence[JsonObject], prefix: str) -> None:
    """Give every item without an id one (so actions can refer to goals and cost lines while typing)."""
    for item in items:
        if not item.get("id"):
            item["id"] = next_id(prefix, [i.get("id") for i in items])


def ensure_content_ids(content: Content) -> None:
    """Ids for goals (d), actions (a) and cost lines (k) that have none yet."""
    for key, prefix in (("goals", "d"), ("actions", "a")):
        if isinstance(content.get(key), list):
            ensure_ids([i for i in content[key] if isinstance(i, dict)], prefix)
    rekensom = content.get("rekensom")
    if isinstance(rekensom, dict) and isinstance(rekensom.get("lines"), list):
        ensure_ids([i for i in rekensom["lines"] if isinstance(i, dict)], "k")


# -- the session ----------------------------------------------------------------------------------------


class PlanEditSession:
    """One editing session of one household's current plan version."""

    def __init__(self, store: PlanStore) -> None:
        self.store = store
        self.household: Household | None = None
        self.plan: Maatwerkplan | None = None
        self.kengetallen: tuple[Kengetal, ...] = ()
        self.content: Content = empty_content()
        self.baseline: Content = empty_content()
        """The content as last loaded or saved: what 'unsaved' is measured against."""
        self.last_draft: Content | None = None
        """The content as last autosaved (None: no draft of this session's content is stored)."""
        self.draft_saved_at: datetime | None = None
        self.problems: list[Problem] = []
        self.missing: list[MissingItem] = []
        self.warnings: list[MissingItem] = []
        self.generation = 0
        """Raised by every save of the plan: a draft taken before it is no longer news."""
        self._write_lock = threading.Lock()

    # -- loading (the load runs in a worker; `loaded` on the UI thread) ----------------------------
    def fetch(self) -> tuple[service.PlanWorkspace, tuple[Kengetal, ...]]:
        """The plan, the user's draft and the municipality's kengetallen (none when not allowed)."""
        from domain.access import AccessDenied

        workspace = self.store.load()
        try:
            items = self.store.kengetallen(workspace.household.municipality_code)
        except AccessDenied:
            items = ()
        return workspace, items

    def loaded(self, workspace: service.PlanWorkspace, kengetallen: tuple[Kengetal, ...]) -> Content:
        """Take the loaded plan; returns the stored content (the draft, if any, is offered by the screen)."""
        self.household = workspace.household
        self.plan = workspace.plan
        self.kengetallen = kengetallen
        stored = plan_json(workspace.plan)
        self.baseline = copy.deepcopy(stored)
        self.last_draft = None
        return stored

    def restore_draft(self, content: Content, saved_at: datetime | None) -> Content:
        """The user chose the autosaved draft: it is the last draft and the content to start from."""
        self.last_draft = copy.deepcopy(content)
        self.draft_saved_at = saved_at
        return copy.deepcopy(content)

    def start(self, content: Content) -> None:
        """Edit `content` from now on (ids given to new items) and judge it."""
        ensure_content_ids(content)
        self.content = content
        self.problems = []
        self.preview()

    def revert(self) -> Content:
        """Forget what was typed: the stored content again."""
        self.last_draft = None
        self.content = copy.deepcopy(self.baseline)
        return self.content

    @property
    def frozen(self) -> bool:
        return self.plan is not None and self.plan.is_frozen

    # -- dirty flags -------------------------------------------------------------------------------
    def unsaved_steps(self) -> set[PlanStep]:
        return {s for s in CONTENT_STEPS if self.content.get(s.field_name) != self.baseline.get(s.field_name)}

    @property
    def has_unsaved(self) -> bool:
        return not self.frozen and bool(self.unsaved_steps())

    @property
    def statuses_changed(self) -> bool:
        """A decided plan whose action status (or note) was changed on screen but not yet saved."""
        return self.frozen and self.content.get("actions") != self.baseline.get("actions")

    @property
    def is_dirty(self) -> bool:
        """Typed since the last save and since the last draft."""
        return self.has_unsaved and self.content != self.last_draft

    @property
    def draft_is_current(self) -> bool:
        """The content on screen is what the last draft stored."""
        return self.draft_saved_at is not None and self.last_draft == self.content

    def status_line(self, extra: str = "", *, clock: Callable[[datetime | None], str] = str) -> str:
        """The editor's status line: what is unsaved (and autosaved when), or that all is stored; what is
        still missing for a decision. `extra` (e.g. 'Bezig met opslaan…') comes first."""
        parts = [extra] if extra else []
        if self.frozen and self.statuses_changed:
            parts.append("Status van acties gewijzigd: Ctrl+S slaat op")
        elif self.frozen:
            parts.append("Vastgesteld: alleen lezen (status van acties en evaluatie kunnen nog)")
        elif self.has_unsaved:
            unsaved = self.unsaved_steps()
            parts.append("Niet opgeslagen: " + ", ".join(s.label for s in PlanStep if s in unsaved))
            if self.draft_is_current:
                parts.append(f"automatisch bewaard om {clock(self.draft_saved_at)}")
        elif self.plan is not None:
            parts.append(f"Alles opgeslagen · versie {self.plan.plan_version} ({self.plan.status.label.lower()})")
        if self.missing and not self.frozen:
            parts.append(f"nog {len(self.missing)} punt(en) nodig voor een besluit")
        return " · ".join(parts)

    # -- judging ---------------------------------------------------------------------------------------
    def preview(self) -> None:
        """What is missing and what is invalid, from the domain (pure; no database)."""
        parsed, problems, missing = service.preview_content(self.content, self.household)
        self.problems = problems
        if parsed is None:
            # Judge the other steps as typed: put the stored version in place of each rejected section.
            heads = {p.path.split(".", 1)[0] for p in problems}
            if "" not in heads:
                patched = {k: (self.baseline.get(k) if k in heads else v) for k, v in self.content.items()}
                parsed, _, missing = service.preview_content(patched, self.household)
        if parsed is not None:
            self.missing = missing
            self.warnings = plan_warnings(parsed, self.household)

    # -- drafts --------------------------------------------------------------------------------------
    def wants_autosave(self, data: Content) -> bool:
        """Whether `data` (the content plus what is typed in a dialog) is news for a draft."""
        if self.frozen or data == self.last_draft:
            return False
        return not (data == self.baseline and self.last_draft is None)

    def wants_flush(self, data: Content) -> bool:
        """Leaving: store `data` unless it is what is stored or what the last draft holds."""
        return not self.frozen and data != self.baseline and data != self.last_draft

    def save_draft(self, data: Content, generation: int) -> tuple[bool, datetime | None]:
        """Store a draft (worker thread). Returns (stored, saved_at): not stored when a save of the plan
        overtook it; saved_at None when `data` is the stored content (the draft is then discarded)."""
        with self._write_lock:
            if generation != self.generation:
                return False, None
            if data == self.baseline:
                self.store.discard_draft()
                return True, None
            return True, self.store.save_draft(data)

    def draft_saved(self, data: Content, saved_at: datetime | None) -> None:
        self.last_draft = None if saved_at is None else data
        self.draft_saved_at = saved_at

    def discard_draft(self) -> None:
        """Throw the stored draft away (worker thread)."""
        with self._write_lock:
            self.store.discard_draft()

    # -- saving the content ------------------------------------------------------------------------------
    def changed_steps(self, data: Content) -> list[PlanStep]:
        return [s for s in CONTENT_STEPS if data.get(s.field_name) != self.baseline.get(s.field_name)]

    def save(self, data: Content, changed: Sequence[PlanStep]) -> SaveResult:
        """Store `data` (worker thread): one changed section alone, else the whole content; a first save
        starts the plan. A refused save keeps `data` as a draft."""
        result = SaveResult(data=data, changed=list(changed))
        plan = self.plan
        with self._write_lock:
            self.generation += 1
            try:
                if plan is None:
                    result.plan = self.store.start_plan(service.parse_content(data))
                elif len(changed) == 1:
                    step = changed[0]
                    result.plan = self.store.update_section(step, data[step.field_name], plan.version)
                else:
                    result.plan = self.store.update_plan(service.parse_content(data), plan.version)
            except InvalidInput as exc:
                result.problems = exc.problems
            except StaleVersion as exc:
                result.stale = exc
            if result.plan is None:
                result.kept_draft_at = self._keep_as_draft(data)
        return result

    def _keep_as_draft(self, data: Content) -> datetime | None:
        try:
            self.store.save_draft(data)
        except Exception:  # noqa: BLE001 - the refusal is what the user must see; the screen still holds it all
            return None
        return datetime.now(AMSTERDAM)

    def saved(self, plan: Maatwerkplan, data: Content) -> None:
        """A save stored `data` as `plan` (UI thread): it is the new baseline."""
        self.plan = plan
        stamp_done_dates(plan, data)
        self.baseline = data
        self.last_draft = None
        self.draft_saved_at = None
        self.problems = []
        self.preview()

    def refused(self, problems: list[Problem]) -> list[PlanStep]:
        """A save was refused: the problems, and the steps they are in (in the order of the method)."""
        self.problems = problems
        heads = {p.path.split(".", 1)[0] for p in problems}
        return [s for s in PlanStep if s.field_name in heads]

    # -- execution: action status on a decided plan ----------------------------------------------------------
    def status_changes(self) -> list[ActionStatusChange]:
        """The actions whose status, note or (for 'gedaan') day differ from the stored plan."""
        assert self.plan is not None
        stored = {a.id: a for a in self.plan.actions}
        changes = []
        for action in self.content.get("actions") or []:
            before = stored.get(action.get("id"))
            if before is None:
                continue
            done_on = action.get("done_on") or None
            stored_done = before.done_on.isoformat() if before.done_on else None
            if (action.get("status") != before.status.value or (action.get("status_note") or "") != before.status_note
                    or (done_on != stored_done and action.get("status") == "gedaan")):
                changes.append(ActionStatusChange(str(action["id"]), ActionStatus(action.get("status")),
                                                  action.get("status_note") or "", done_on))
        return changes

    def save_statuses(self, changes: Sequence[ActionStatusChange]) -> Maatwerkplan:
        """Store the status changes one by one (worker thread); the last plan version is returned."""
        assert self.plan is not None
        plan = self.plan
        for change in changes:
            plan = self.store.set_action_status(change, plan.version)
        return plan

    def statuses_saved(self, plan: Maatwerkplan) -> None:
        self.plan = plan
        self.baseline = plan_json(plan)
        self.content.clear()
        self.content.update(copy.deepcopy(self.baseline))

    # -- plan commands (decide, evaluate, start, complete, new version) ----------------------------------------
    def run_command(self, command: PlanCommand, content: Content) -> CommandResult:
        """Run `command` (worker thread); deciding saves unsaved `content` first."""
        result = CommandResult()
        plan = self.plan
        with self._write_lock:
            self.generation += 1
            try:
                if command.saves_content_first and (plan is None or content != self.baseline):
                    try:
                        parsed = service.parse_content(content)
                        plan = (self.store.start_plan(parsed) if plan is None
                                else self.store.update_plan(parsed, plan.version))
                    except InvalidInput as exc:
                        result.problems, result.content_refused = exc.problems, True
                        return result
                    result.content_saved = plan
                saved = command.run(self.store, plan.version if plan is not None else None)
            except InvalidInput as exc:
                result.problems = exc.problems
                return result
            except PlanIncomplete as exc:
                result.incomplete = exc
                return result
            except NoMandate as exc:
                result.no_mandate = exc
                return result
        result.plan, result.message = saved, command.message(saved)
        return result

    def incomplete(self, error: PlanIncomplete) -> None:
        self.missing = list(error.missing)


def stamp_done_dates(plan: Maatwerkplan, data: Content | None) -> dict[str, str | None]:
    """Put the stored 'gedaan op' days (the app fills in today for an empty field) into `data`, so what is
    on screen is what was stored; returns them by action id (for the action cards)."""
    dates = {str(a.id): a.done_on.isoformat() if a.done_on else None for a in plan.actions}
    for action in (data or {}).get("actions") or []:
        if action.get("id") in dates:
            action["done_on"] = dates[action["id"]]
    return dates
