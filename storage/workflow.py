"""The repository base shared by the case workflows (escalation, overbrugging) over their existing tables.

Both keep one row per item (joined to its household for the case number), a child table of status steps
ordered by `position`, further child tables that are rewritten on every save, and a `version` column that
SQLAlchemy checks on flush. What differs is declared on the subclass: the tables, the foreign-key column
of the children, and how an item's own columns are filled and read.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import ColumnElement, Select, delete, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import col

from domain.errors import NotFound, StaleVersion
from domain.signals import CaseOwner
from domain.workflow import StatusStep, Workflow, WorkflowItem
from storage.households import Clock, as_utc, utcnow
from storage.tables import HouseholdRow

T = TypeVar("T")
ItemT = TypeVar("ItemT", bound=WorkflowItem)


def not_null(value: T | None) -> T:
    """A column the query guarantees is set (primary key, or filtered on IS NOT NULL)."""
    assert value is not None
    return value


def household_id_for(session: Session, case_number: str) -> int:
    household_id = session.scalar(select(col(HouseholdRow.id)).where(col(HouseholdRow.case_number) == case_number))
    if household_id is None:
        raise NotFound(f"Casus {case_number} bestaat niet.")
    return int(household_id)


def municipality_filter(codes: frozenset[str] | None) -> list[ColumnElement[bool]]:
    if codes is None:
        return []
    return [col(HouseholdRow.municipality_code).in_(sorted(codes))]


def owner_of(municipality_code: str, professional: str, team: str) -> CaseOwner:
    return CaseOwner(municipality_code=municipality_code, professional=professional, team=team)


class CaseWorkflowRepository(ABC, Generic[ItemT]):
    """Rows ↔ domain for one workflow item type; subclasses fill in `_fill`, `_to_domain` and `_children`."""

    row_model: ClassVar[Any]
    """The item's table (has id, household_id, status, version, created_at, updated_at)."""
    step_model: ClassVar[Any]
    """The status-step table (parent key, position, status, step_on, by_name, username, note)."""
    child_models: ClassVar[tuple[Any, ...]]
    """Every child table rewritten on save, the step table included."""
    parent_key: ClassVar[str]
    """The children's foreign-key column, e.g. "escalation_id" (read from the step table's foreign key)."""
    reference_prefix: ClassVar[str]
    """How a missing item is named: "Escalatie ESC-"."""
    workflow: ClassVar[Workflow[Any]]
    item_model: ClassVar[type[Any]]
    """The domain model an item row becomes (`Escalation`)."""
    page_model: ClassVar[type[Any]]
    """The page of list rows (`EscalationPage`)."""

    def __init_subclass__(cls, *, item: type[Any], page: type[Any], workflow: Workflow[Any], reference: str,
                          row: Any, steps: Any, children: tuple[Any, ...] = (), **kwargs: Any) -> None:
        """A subclass declares its item type, its tables and the reference of a missing item in its header."""
        super().__init_subclass__(**kwargs)
        cls.item_model, cls.page_model, cls.workflow, cls.reference_prefix = item, page, workflow, reference
        cls.row_model, cls.step_model, cls.child_models = row, steps, (steps, *children)
        cls.parent_key = next(
            fk.parent.name for fk in steps.__table__.foreign_keys if fk.column.table is row.__table__
        )

    def __init__(self, session: Session, clock: Clock = utcnow) -> None:
        self.session = session
        self.clock = clock

    # -- to be provided by the subclass ----------------------------------------------------------------
    @abstractmethod
    def _fill(self, row: Any, item: ItemT) -> None: ...

    @abstractmethod
    def _content(self, row: Any, item_id: int) -> dict[str, Any]:
        """The item's own fields (besides id, case number, state, steps and the bookkeeping columns)."""

    def _add_children(self, item_id: int, item: ItemT) -> None:
        """Insert the item's children other than the steps (the steps are written here)."""

    @abstractmethod
    def _filters(self, query: Any) -> list[ColumnElement[bool]]:
        """The list filters of this item type, besides case, states and municipalities."""

    @abstractmethod
    def _list_columns(self) -> tuple[Any, ...]:
        """What a list row reads besides id, case number, household name and state."""

    @abstractmethod
    def _list_order(self) -> tuple[Any, ...]: ...

    @abstractmethod
    def _list_row(self, common: dict[str, Any], columns: Sequence[Any]) -> Any:
        """A list row from the common fields and the values of `_list_columns`."""

    @staticmethod
    def _item_id(item: WorkflowItem) -> int:
        return not_null(item.id)

    # -- reading -----------------------------------------------------------------------------------------
    def _household_join(self) -> ColumnElement[bool]:
        return col(HouseholdRow.id) == col(self.row_model.household_id)

    def _row(self, item_id: int) -> tuple[Any, str]:
        found = self.session.execute(
            select(self.row_model, col(HouseholdRow.case_number))
            .join(HouseholdRow, self._household_join())
            .where(col(self.row_model.id) == item_id)
        ).first()
        if found is None:
            raise NotFound(f"{self.reference_prefix}{item_id} bestaat niet.")
        return found[0], str(found[1])

    def get(self, item_id: int) -> ItemT:
        row, case_number = self._row(item_id)
        return self._to_domain(row, case_number)

    def _to_domain(self, row: Any, case_number: str) -> ItemT:
        item_id: int = not_null(row.id)
        item: ItemT = self.item_model.model_validate(
            {
                **self._content(row, item_id),
                "id": item_id,
                "case_number": case_number,
                "status": row.status,
                "steps": self._steps(item_id),
                "version": row.version,
                "created_at": as_utc(row.created_at),
                "updated_at": as_utc(row.updated_at),
            }
        )
        return item

    def page(self, query: Any, municipality_codes: frozenset[str] | None = None) -> Any:
        """One page of the list, joined to the household, under the common and the item's own filters."""
        conditions = self._conditions(query.case_number, query.statuses, municipality_codes) + self._filters(query)
        common = (col(self.row_model.id), col(HouseholdRow.case_number), col(HouseholdRow.name),
                  col(self.row_model.status))

        def to_row(r: Any) -> Any:
            first = {"id": r[0], "case_number": r[1], "household_name": r[2], "status": r[3]}
            return self._list_row(first, r[len(common):])

        rows, total = self._page((*common, *self._list_columns()), conditions, self._list_order(), query.offset,
                                 query.limit, to_row)
        return self.page_model(rows=rows, total=total, offset=query.offset, limit=query.limit)

    def _children_of(self, model: Any, item_id: int) -> Sequence[Any]:
        return self.session.scalars(
            select(model).where(col(getattr(model, self.parent_key)) == item_id).order_by(col(model.position))
        ).all()

    def _steps(self, item_id: int) -> list[dict[str, Any]]:
        return [
            {"status": s.status, "on": s.step_on, "by": s.by_name, "username": s.username, "note": s.note}
            for s in self._children_of(self.step_model, item_id)
        ]

    def _conditions(
        self, case_number: str | None, statuses: frozenset[Any] | None, municipality_codes: frozenset[str] | None
    ) -> list[ColumnElement[bool]]:
        """The filters every workflow list has: the actor's municipalities, one case, some states."""
        conditions = municipality_filter(municipality_codes)
        if case_number:
            conditions.append(col(HouseholdRow.case_number) == case_number)
        if statuses is not None:
            conditions.append(col(self.row_model.status).in_(sorted(s.value for s in statuses)))
        return conditions

    def _page(
        self,
        columns: Sequence[Any],
        conditions: Sequence[ColumnElement[bool]],
        order: Sequence[Any],
        offset: int,
        limit: int,
        to_row: Callable[[Any], T],
    ) -> tuple[list[T], int]:
        """One page of list rows (joined to the household) and the total count under the same conditions."""
        join = self._household_join()
        stmt: Select[Any] = (
            select(*columns).join(HouseholdRow, join).where(*conditions).order_by(*order).offset(offset).limit(limit)
        )
        count = select(func.count()).select_from(self.row_model).join(HouseholdRow, join).where(*conditions)
        rows = [to_row(r) for r in self.session.execute(stmt)]
        return rows, self.session.scalar(count) or 0

    # -- writing -----------------------------------------------------------------------------------------
    def _step_row(self, item_id: int, position: int, step: StatusStep) -> Any:
        return self.step_model(
            **{self.parent_key: item_id},
            position=position,
            status=step.status,
            step_on=step.on,
            by_name=step.by,
            username=step.username,
            note=step.note,
        )

    def _children(self, item_id: int, item: ItemT) -> None:
        for model in self.child_models:
            self.session.execute(delete(model).where(col(getattr(model, self.parent_key)) == item_id))
        self._add_children(item_id, item)
        steps = item.steps
        self.session.add_all(self._step_row(item_id, i, s) for i, s in enumerate(steps))
        self.session.flush()

    def _flush_versioned(self) -> None:
        try:
            self.session.flush()
        except StaleDataError:
            raise StaleVersion(f"Deze {self.workflow.noun}") from None

    def _locked_row(self, item_id: int, version: int) -> Any:
        row, _ = self._row(item_id)
        self.workflow.check_version(row.version, version)
        return row

    def add(self, item: ItemT) -> ItemT:
        now: datetime = self.clock()
        household_id = household_id_for(self.session, item.case_number)
        row = self.row_model(household_id=household_id, created_at=now, updated_at=now)  # the rest: `_fill`
        self._fill(row, item)
        self.session.add(row)
        self.session.flush()
        item_id: int = not_null(row.id)
        self._children(item_id, item)
        return self.get(item_id)

    def save(self, item: ItemT) -> ItemT:
        item_id = self._item_id(item)
        row = self._locked_row(item_id, item.version)
        self._fill(row, item)
        row.updated_at = self.clock()
        self._flush_versioned()
        self._children(item_id, item)
        self.session.expire(row)
        return self.get(item_id)

    def _append_step(self, item: ItemT, *, columns: Callable[[Any], None]) -> ItemT:
        """Write only the state (via `columns`) and the newest step: the other children stay as they are."""
        item_id = self._item_id(item)
        steps = item.steps
        assert steps
        row = self._locked_row(item_id, item.version)
        row.status = item.status.value
        columns(row)
        row.updated_at = self.clock()
        self._flush_versioned()
        self.session.add(self._step_row(item_id, len(steps) - 1, steps[-1]))
        self.session.flush()
        self.session.expire(row)
        return self.get(item_id)
