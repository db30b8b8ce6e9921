"""The use cases shared by the case workflows (escalation, overbrugging, the LMM/LET handling).

Each workflow item belongs to one household: loading it opens that case through the use-case template
(`domain.services.use_case.UseCase`: permission, case access with the logged reason), every write checks
the version the user saw, stores the item and records old → new in the audit trail in the same
transaction. A `CaseWorkflow` names what differs: the repository, the audit object type, the permission,
the state machine, how a case is opened and what a write returns. Its use cases are written once here:

    get_escalation = ESCALATIONS.get                        # (item_id, uow, actor, *, purpose)
    change_escalation_status = ESCALATIONS.change_status    # (item_id, new_status, expected_version, ...)
    book_cost = OVERBRUGGINGEN.edit(_book, parse_as=CostDraft)   # (item_id, draft, expected_version, ...)

and each has a `run(command, uow, actor)` that takes the typed command the TUI and the CLI build.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, Protocol, TypeVar, cast

from pydantic import BaseModel

from domain.access import Permission, require
from domain.actors import Actor
from domain.audit import AuditKind
from domain.household import Household
from domain.ports import UnitOfWork
from domain.services.bound import Bound
from domain.services.casework import parse, today_or, validated
from domain.services.use_case import UseCase
from domain.workflow import State, StatusStep, Workflow, WorkflowItem

ItemT = TypeVar("ItemT", bound="Stepped")
ResultT = TypeVar("ResultT")
QueryT = TypeVar("QueryT", contravariant=True)
PageT = TypeVar("PageT", covariant=True)
S = TypeVar("S", bound=State)
V = TypeVar("V")


class Stepped(WorkflowItem, Protocol):
    @property
    def reference(self) -> str: ...

    def model_copy(self: ItemT, *, deep: bool = ...) -> ItemT: ...

    def change_status(self, new: Any, *, on: date, by: str, username: str = "", note: str = "") -> None: ...


def _model(item: Stepped) -> BaseModel:
    """Workflow items are pydantic models; the audit trail compares their fields."""
    return cast(BaseModel, item)


class ItemRepository(Protocol[ItemT, QueryT, PageT]):
    def get(self, item_id: int, /) -> ItemT: ...

    def add(self, item: ItemT, /) -> ItemT: ...

    def save(self, item: ItemT, /) -> ItemT: ...

    def page(self, query: QueryT, municipality_codes: frozenset[str] | None = None, /) -> PageT: ...


@dataclass(frozen=True)
class Step(Generic[ItemT]):
    """What one write sees: the use case (actor, unit of work, case access), the item as loaded, its
    household, the day of the step and today."""

    case: UseCase
    item: ItemT
    household: Household
    day: date
    today: date

    @property
    def uow(self) -> UnitOfWork:
        return self.case.uow

    @property
    def actor(self) -> Actor:
        return self.case.actor


def open_own_case(case: UseCase, item: Stepped, purpose: str, today: date) -> Household:
    """The default way into an item's household: the actor's caseload, or break-glass with a reason."""
    return case.open_case(item.case_number, purpose)


def _same(item: ItemT, step: Step[ItemT]) -> ItemT:
    return item


@dataclass(frozen=True)
class ChangeStatus(Generic[S]):
    """Move one workflow item to a next state; `expected_version` is the version the user saw."""

    item_id: int
    new_status: S
    expected_version: int
    on: date | None = None
    note: str = ""
    purpose: str = ""


@dataclass(frozen=True)
class NewItem(Generic[V]):
    """Open a workflow item for a household from its draft (the checklist, the request)."""

    case_number: str
    draft: V
    today: date | None = None
    purpose: str = ""


@dataclass(frozen=True)
class ItemChange(Generic[V]):
    """Apply `value` (a draft, a cost, a settlement, a knelpunt, a date) to a stored item; `expected_version`
    is the version the user saw."""

    item_id: int
    value: V
    expected_version: int
    today: date | None = None
    purpose: str = ""


@dataclass(frozen=True)
class CaseWorkflow(Generic[ItemT, ResultT, QueryT, PageT]):
    object_type: str
    """The audit trail's object type ("escalation")."""
    permission: Permission
    workflow: Workflow[Any]
    repository: Callable[[UnitOfWork], ItemRepository[ItemT, QueryT, PageT]]
    result: Callable[[ItemT, Step[ItemT]], ResultT] = cast(Any, _same)
    """What a write returns: the saved item (escalation), with warnings (overbrugging), a view (LMM)."""
    open: Callable[[UseCase, ItemT, str, date], Household] = open_own_case
    """How an item's household is opened: (use case, item, purpose, today)."""
    guard: Callable[[Step[ItemT], Any], None] | None = None
    """Checks of a status change beyond the state machine (the submission checklist, the mandate)."""
    store: Callable[[UnitOfWork], Callable[[ItemT], ItemT]] | None = None
    """How a status change is written (default: the whole item; the LMM writes only the new step)."""
    purpose: str = ""
    """The audit purpose when the user gave none."""
    prepare: Callable[[ChangeStatus[Any]], ChangeStatus[Any]] = field(default=lambda command: command)
    """Checks (and tidies) a status change before any transaction starts."""

    # -- steps inside a use case ------------------------------------------------------------------------
    def load(self, case: UseCase, item_id: int, purpose: str, *, today: date, on: date | None = None,
             expected_version: int | None = None) -> Step[ItemT]:
        """The item, its household opened for this actor, the version the user saw checked."""
        item = self.repository(case.uow).get(item_id)
        household = self.open(case, item, purpose, today)
        case.purpose = purpose or self.purpose
        if expected_version is not None:
            self.workflow.check_version(item.version, expected_version)
        return Step(case, item, household, on or today, today)

    def create(self, case: UseCase, item: ItemT) -> ItemT:
        saved = self.repository(case.uow).add(item)
        case.record(AuditKind.CREATE, self.object_type, saved.reference, after=_model(saved))
        case.commit()
        return saved

    def save(self, step: Step[ItemT], after: ItemT, *, store: Callable[[ItemT], ItemT] | None = None) -> ItemT:
        """Store `after` (by default the whole item; `store` writes less) and audit old → new."""
        saved = (store or self.repository(step.uow).save)(after)
        step.case.record(AuditKind.UPDATE, self.object_type, saved.reference, before=_model(step.item),
                         after=_model(saved))
        return saved

    # -- whole use cases --------------------------------------------------------------------------------------
    def opener(self, build: Callable[[V, str, Actor, date], ItemT], *,
               parse_as: type[Any]) -> Opener[ItemT, V, ResultT]:
        """A use case that opens a new item for a household from a draft; `build(draft, case_number, actor,
        day)` makes it, with its opening step."""
        return Opener(self, build, parse_as)

    def get(self, item_id: int, uow: UnitOfWork, actor: Actor, *, purpose: str = "") -> ItemT:
        """Load one item to show it (the view is audited)."""
        with UseCase(uow, actor, self.permission) as case:
            item = self.load(case, item_id, purpose, today=today_or(None)).item
            case.record(AuditKind.READ, self.object_type, item.reference)
            case.commit()
        return item

    def list(self, query: QueryT, uow: UnitOfWork, actor: Actor) -> PageT:
        """A page of items in the actor's municipalities, in the order the repository defines."""
        require(actor, self.permission)
        with uow:
            return self.repository(uow).page(query, actor.municipality_codes)

    def change(self, item_id: int, expected_version: int, uow: UnitOfWork, actor: Actor,
               change: Callable[[ItemT, Step[ItemT]], ItemT | None], *, today: date | None = None,
               on: date | None = None, purpose: str = "", store: Callable[[ItemT], ItemT] | None = None) -> ResultT:
        """Load (case access, version), apply `change` to a copy (or let it return a new item), save with
        its audit record, return `result`."""
        with UseCase(uow, actor, self.permission) as case:
            step = self.load(case, item_id, purpose, today=today_or(today), on=on, expected_version=expected_version)
            updated = step.item.model_copy(deep=True)
            changed = validated(lambda: change(updated, step))
            saved = self.save(step, updated if changed is None else changed, store=store)
            result = self.result(saved, step)
            case.commit()
        return result

    def change_status(self, item_id: int, new_status: State, expected_version: int, uow: UnitOfWork,
                      actor: Actor, *, on: date | None = None, note: str = "", today: date | None = None,
                      purpose: str = "") -> ResultT:
        """Take one step of the state machine, by the actor, on `on` (default today), with a note."""
        return self.run_status(ChangeStatus(item_id, new_status, expected_version, on=on, note=note,
                                            purpose=purpose), uow, actor, today=today)

    def run_status(self, command: ChangeStatus[Any], uow: UnitOfWork, actor: Actor, *,
                   today: date | None = None) -> ResultT:
        require(actor, self.permission)
        command = self.prepare(command)

        def step(item: ItemT, at: Step[ItemT]) -> None:
            if self.guard is not None:
                self.guard(at, command.new_status)
            item.change_status(command.new_status, on=at.day, by=actor.display_name, username=actor.username,
                               note=command.note)

        return self.change(command.item_id, command.expected_version, uow, actor, step, today=today, on=command.on,
                           purpose=command.purpose, store=self._store(uow))

    def _store(self, uow: UnitOfWork) -> Callable[[ItemT], ItemT] | None:
        """The writer of a status change, looked up inside the transaction (the repositories exist there)."""
        store = self.store
        return None if store is None else (lambda item: store(uow)(item))

    def edit(self, apply: Callable[[ItemT, V, Step[ItemT]], ItemT | None], *,
             parse_as: type[Any] | None = None) -> Edit[ItemT, V, ResultT]:
        """A use case that applies a value (a draft, a cost, a date) to a stored item."""
        return Edit(self, apply, parse_as)


@dataclass(frozen=True)
class Edit(Generic[ItemT, V, ResultT]):
    """One `CaseWorkflow.edit` use case: call it with the parts, or `run` it with an `ItemChange`."""

    flow: CaseWorkflow[ItemT, ResultT, Any, Any]
    apply: Callable[[ItemT, V, Step[ItemT]], ItemT | None]
    parse_as: type[Any] | None

    def __call__(self, item_id: int, value: V, expected_version: int, uow: UnitOfWork, actor: Actor, *,
                 today: date | None = None, purpose: str = "") -> ResultT:
        require(actor, self.flow.permission)
        checked: V = parse(self.parse_as, value) if self.parse_as is not None else value
        return self.flow.change(item_id, expected_version, uow, actor,
                                lambda item, step: self.apply(item, checked, step), today=today, purpose=purpose)

    def run(self, command: ItemChange[V], uow: UnitOfWork, actor: Actor) -> ResultT:
        return self(command.item_id, command.value, command.expected_version, uow, actor, today=command.today,
                    purpose=command.purpose)


@dataclass(frozen=True)
class Opener(Generic[ItemT, V, ResultT]):
    """One `CaseWorkflow.opener` use case: call it with the parts, or `run` it with a `NewItem`."""

    flow: CaseWorkflow[ItemT, ResultT, Any, Any]
    build: Callable[[V, str, Actor, date], ItemT]
    parse_as: type[Any]

    def __call__(self, case_number: str, draft: V, uow: UnitOfWork, actor: Actor, *, today: date | None = None,
                 purpose: str = "") -> ResultT:
        """A new item for a household the actor may open (the creation is audited)."""
        require(actor, self.flow.permission)
        checked: V = parse(self.parse_as, draft)
        day = today_or(today)
        with UseCase(uow, actor, self.flow.permission) as case:
            household = case.open_case(case_number, purpose)
            saved = self.flow.create(case, self.build(checked, case_number, actor, day))
            return self.flow.result(saved, Step(case, saved, household, day, day))

    def run(self, command: NewItem[V], uow: UnitOfWork, actor: Actor) -> ResultT:
        return self(command.case_number, command.draft, uow, actor, today=command.today, purpose=command.purpose)


def opening_step(state: State, by: Actor, on: date, note: str = "") -> list[StatusStep]:
    """The history of a new item: one step into its first state, taken by `by`."""
    return [StatusStep(status=state.value, on=on, by=by.display_name, username=by.username, note=note)]


class WorkflowService(Bound, Generic[ItemT, ResultT, QueryT, PageT]):
    """The bound use cases every workflow has: one item, a page of items, a status change."""

    flow: CaseWorkflow[ItemT, ResultT, QueryT, PageT]

    def get(self, item_id: int, *, purpose: str = "") -> ItemT:
        return self.flow.get(item_id, self.uow, self.actor, purpose=purpose)

    def list(self, query: QueryT) -> PageT:
        return self.flow.list(query, self.uow, self.actor)

    def change_status(self, command: ChangeStatus[Any], *, today: date | None = None) -> ResultT:
        return self.flow.run_status(command, self.uow, self.actor, today=today)
