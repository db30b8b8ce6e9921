"""The status workflow shared by escalation, overbrugging and the LMM/LET handling.

Each of them is a small state machine whose every step keeps who took it, when, and an optional note
(`StatusStep`). What differs per workflow is data: the states in order, which state may follow which,
and the Dutch noun the refusals use ("Een escalatie met status ..."). Rules that belong to one workflow
only (the criteria checklist of submission, the settlement of an overbrugging) stay in its own module.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Generic, Protocol, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from domain.errors import IllegalTransition, InvalidInput, Problem, StaleVersion
from domain.household import LongText
from domain.validation import check_case_number

CaseNumber = Annotated[str, AfterValidator(check_case_number)]
"""The household a workflow item belongs to (DB-2026-000123)."""


class State(Protocol):
    """A status enum member: its stored value and its Dutch label."""

    @property
    def value(self) -> str: ...

    @property
    def label(self) -> str: ...


S = TypeVar("S", bound=State)

_WORKFLOWS: dict[type, Workflow[Any]] = {}
"""Each status enum's workflow, registered when the workflow is made (see `WorkflowState`)."""


class WorkflowState(StrEnum):
    """Base of the status enums: the Dutch label and whether a state is final come from its `Workflow`."""

    @property
    def label(self) -> str:
        return str(_WORKFLOWS[type(self)].labels[self])

    @property
    def is_final(self) -> bool:
        """No state follows this one."""
        return not _WORKFLOWS[type(self)].transitions[self]


class StatusStep(BaseModel):
    """One step in a state machine: to which state, on which date, by whom, with an optional note."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    status: str
    on: date
    by: str = Field(max_length=120)
    username: str = Field(default="", max_length=120)
    note: LongText = ""


class CaseItem(BaseModel):
    """The first fields of every stored workflow item: its id once stored and the household it belongs to.

    An item model derives from its content model (what a user fills in) and this one, so the content is
    declared once and the item's fields still begin with `id` and `case_number`."""

    id: int | None = None
    case_number: CaseNumber


class WorkflowItem(Protocol):
    """What every workflow item has: an id once stored, its case, a version, a state and its steps."""

    @property
    def id(self) -> int | None: ...

    @property
    def case_number(self) -> str: ...

    @property
    def version(self) -> int: ...

    @property
    def status(self) -> State: ...

    @property
    def steps(self) -> Sequence[StatusStep]: ...


@dataclass(frozen=True)
class Workflow(Generic[S]):
    """One state machine: the states in display order, the allowed transitions, the noun for messages."""

    noun: str
    """The Dutch noun without article ("escalatie"), used in every refusal."""
    order: tuple[S, ...]
    transitions: Mapping[S, frozenset[S]]
    labels: Mapping[S, str]

    def __post_init__(self) -> None:
        _WORKFLOWS[type(self.order[0])] = self

    def next_states(self, current: S, *, within: frozenset[S] | None = None,
                    without: frozenset[S] = frozenset()) -> list[S]:
        """The states that may follow `current`, in display order (optionally limited to `within`)."""
        allowed = self.transitions[current] - without
        if within is not None:
            allowed &= within
        return [s for s in self.order if s in allowed]

    def check(self, current: S, new: S) -> None:
        if new not in self.transitions[current]:
            allowed = self.next_states(current)
            hint = (
                "Wel mogelijk: " + ", ".join(s.label for s in allowed) + "."
                if allowed
                else f"Deze {self.noun} is afgerond."
            )
            raise IllegalTransition(f"Een {self.noun} met status '{current.label}' kan niet naar '{new.label}'. {hint}")

    def check_step_date(self, steps: Sequence[StatusStep], on: date, *, since: date | None = None) -> None:
        """A step never predates the previous one (or `since`, the day the item was made, without steps)."""
        last = steps[-1].on if steps else since
        if last is not None and on < last:
            raise InvalidInput([Problem("datum", f"De datum ligt vóór de vorige stap van deze {self.noun}.")])

    def check_version(self, version: int, expected: int) -> None:
        """Optimistic locking: the user acted on what they saw; a newer version means someone else was first."""
        if version != expected:
            raise StaleVersion(f"Deze {self.noun}")

    @staticmethod
    def append(steps: Sequence[StatusStep], new: S, *, on: date, by: str, username: str = "",
               note: str = "") -> list[StatusStep]:
        return [*steps, StatusStep(status=new.value, on=on, by=by, username=username, note=note)]


def first_step(state: State, *, on: date, by: str, username: str, note: str = "") -> StatusStep:
    """The step that opens a history (a new concept, a new request)."""
    return StatusStep(status=state.value, on=on, by=by, username=username, note=note)
