"""The use-case steps shared by the case workflows (escalation, overbrugging, the LMM/LET handling).

Each workflow item belongs to one household: loading it checks the actor may open that case (with the
logged reason), every write checks the version the user saw, stores the item and records old → new in
the audit trail in the same transaction. A `CaseWorkflow` names what differs: the repository, the audit
object type, the permission and the state machine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, Protocol, TypeVar, cast

from pydantic import BaseModel

from domain.access import Permission, require
from domain.actors import Actor
from domain.audit import AuditKind
from domain.household import Household
from domain.ports import UnitOfWork
from domain.services.casework import audit, open_case, today_or, validated
from domain.workflow import State, StatusStep, Workflow, WorkflowItem

ItemT = TypeVar("ItemT", bound="Stepped")
S = TypeVar("S", bound=State)


class Stepped(WorkflowItem, Protocol):
    @property
    def reference(self) -> str: ...

    def model_copy(self: ItemT, *, deep: bool = ...) -> ItemT: ...


def _model(item: Stepped) -> BaseModel:
    """Workflow items are pydantic models; the audit trail compares their fields."""
    return cast(BaseModel, item)


class ItemRepository(Protocol[ItemT]):
    def get(self, item_id: int, /) -> ItemT: ...

    def add(self, item: ItemT, /) -> ItemT: ...

    def save(self, item: ItemT, /) -> ItemT: ...


@dataclass(frozen=True)
class Loaded(Generic[ItemT]):
    """An item, its household and whether the case was opened by break-glass (logged with the reason)."""

    item: ItemT
    household: Household
    break_glass: bool


@dataclass(frozen=True)
class CaseWorkflow(Generic[ItemT]):
    object_type: str
    """The audit trail's object type ("escalation")."""
    permission: Permission
    workflow: Workflow[Any]
    repository: Callable[[UnitOfWork], ItemRepository[ItemT]]

    # -- steps inside a unit of work ----------------------------------------------------------------------
    def load(self, uow: UnitOfWork, actor: Actor, item_id: int, purpose: str,
             expected_version: int | None = None) -> Loaded[ItemT]:
        item = self.repository(uow).get(item_id)
        household, break_glass = open_case(uow, actor, item.case_number, purpose)
        if expected_version is not None:
            self.workflow.check_version(item.version, expected_version)
        return Loaded(item, household, break_glass)

    def create(self, uow: UnitOfWork, actor: Actor, item: ItemT, *, purpose: str, break_glass: bool) -> ItemT:
        saved = self.repository(uow).add(item)
        audit(uow, actor, AuditKind.CREATE, self.object_type, saved.reference, after=_model(saved), purpose=purpose,
              break_glass=break_glass)
        uow.commit()
        return saved

    def save(self, uow: UnitOfWork, actor: Actor, before: ItemT, after: ItemT, *, purpose: str,
             break_glass: bool, store: Callable[[ItemT], ItemT] | None = None) -> ItemT:
        """Store `after` (by default the whole item; `store` writes less) and audit old → new; commit."""
        saved = (store or self.repository(uow).save)(after)
        audit(uow, actor, AuditKind.UPDATE, self.object_type, saved.reference, before=_model(before),
              after=_model(saved),
              purpose=purpose, break_glass=break_glass)
        uow.commit()
        return saved

    # -- whole use cases --------------------------------------------------------------------------------------
    def start(self, case_number: str, uow: UnitOfWork, actor: Actor, build: Callable[[date], ItemT], *,
              today: date | None, purpose: str) -> ItemT:
        """A new item for a household the actor may open; `build(day)` makes it (with its opening step)."""
        require(actor, self.permission)
        day = today_or(today)
        with uow:
            _, break_glass = open_case(uow, actor, case_number, purpose)
            return self.create(uow, actor, build(day), purpose=purpose, break_glass=break_glass)

    def get(self, item_id: int, uow: UnitOfWork, actor: Actor, *, purpose: str = "") -> ItemT:
        """Load one item to show it (the view is audited)."""
        require(actor, self.permission)
        with uow:
            loaded = self.load(uow, actor, item_id, purpose)
            audit(uow, actor, AuditKind.READ, self.object_type, loaded.item.reference, purpose=purpose,
                  break_glass=loaded.break_glass)
            uow.commit()
        return loaded.item

    def change(self, item_id: int, expected_version: int, uow: UnitOfWork, actor: Actor,
               change: Callable[[ItemT, Loaded[ItemT]], None], *, purpose: str) -> ItemT:
        """Load (case access, version), apply `change` to a copy, save with its audit record."""
        require(actor, self.permission)
        with uow:
            loaded = self.load(uow, actor, item_id, purpose, expected_version)
            updated = loaded.item.model_copy(deep=True)
            validated(lambda: change(updated, loaded))
            return self.save(uow, actor, loaded.item, updated, purpose=purpose, break_glass=loaded.break_glass)


def opening_step(state: State, by: Actor, on: date, note: str = "") -> list[StatusStep]:
    """The history of a new item: one step into its first state, taken by `by`."""
    return [StatusStep(status=state.value, on=on, by=by.display_name, username=by.username, note=note)]


@dataclass(frozen=True)
class ChangeStatus(Generic[S]):
    """Move one workflow item to a next state; `expected_version` is the version the user saw."""

    item_id: int
    new_status: S
    expected_version: int
    on: date | None = None
    note: str = ""
    purpose: str = ""


V = TypeVar("V")


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
