"""The plan editor's `PlanStore` on the service layer: the plan use cases of one case with the unit of work,
the actor, the logged reason and today bound, so `PlanEditSession` never sees how they are wired."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from domain.actors import Actor
from domain.catalogues import Kengetal
from domain.plan import Maatwerkplan, PlanStep
from domain.ports import UnitOfWork
from domain.services import plans as service
from tui.plan_session import ActionStatusChange, Content


@dataclass(frozen=True)
class ServicePlanStore:
    """`PlanStore` for one case; `purpose` and `today` are asked at each call (the reason may be given later)."""

    case_number: str
    uow: Callable[[], UnitOfWork]
    actor: Actor
    purpose: Callable[[], str]
    today: Callable[[], date | None]
    """Today for the rules that need it (None: the service's own clock)."""

    def load(self) -> service.PlanWorkspace:
        return service.load_plan_for_editing(self.case_number, self.uow(), self.actor, purpose=self.purpose())

    def kengetallen(self, municipality_code: str) -> tuple[Kengetal, ...]:
        return service.kengetallen_for(municipality_code, self.uow(), self.actor)

    def save_draft(self, content: Content) -> datetime | None:
        return service.save_draft(self.case_number, content, self.uow(), self.actor, purpose=self.purpose()).saved_at

    def discard_draft(self) -> None:
        service.discard_draft(self.case_number, self.uow(), self.actor)

    def start_plan(self, content: Content) -> Maatwerkplan:
        return service.start_plan(self.case_number, self.uow(), self.actor, content=content, purpose=self.purpose(),
                                  today=self.today())

    def update_plan(self, content: Content, version: int) -> Maatwerkplan:
        return service.update_plan(self.case_number, content, version, self.uow(), self.actor, purpose=self.purpose(),
                                   today=self.today())

    def update_section(self, step: PlanStep, data: Any, version: int) -> Maatwerkplan:
        return service.update_section(self.case_number, step, data, version, self.uow(), self.actor,
                                      purpose=self.purpose(), today=self.today())

    def set_action_status(self, change: ActionStatusChange, version: int) -> Maatwerkplan:
        return service.set_action_status(self.case_number, change.action_id, change.status, version, self.uow(),
                                         self.actor, note=change.note, done_on=change.done_on_date(),
                                         purpose=self.purpose(), today=self.today())

    def decide(self, decision: Mapping[str, Any], version: int) -> Maatwerkplan:
        return service.decide_plan(self.case_number, decision, version, self.uow(), self.actor, purpose=self.purpose())

    def record_evaluation(self, evaluation: Mapping[str, Any], version: int) -> Maatwerkplan:
        return service.record_evaluation(self.case_number, evaluation, version, self.uow(), self.actor,
                                         purpose=self.purpose())

    def start_execution(self, version: int) -> Maatwerkplan:
        return service.start_execution(self.case_number, version, self.uow(), self.actor, purpose=self.purpose())

    def complete_evaluation(self, version: int) -> Maatwerkplan:
        return service.complete_evaluation(self.case_number, version, self.uow(), self.actor, purpose=self.purpose())

    def new_version(self) -> Maatwerkplan:
        return service.new_plan_version(self.case_number, self.uow(), self.actor, purpose=self.purpose())
