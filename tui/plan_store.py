"""The plan editor's `PlanStore` on the bound services: the plan use cases of one case with the logged reason
and today bound, so `PlanEditSession` never sees how they are wired."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from domain.catalogues import Kengetal
from domain.plan import Evaluation, Maatwerkplan, PlanContent, PlanStep
from domain.services.plans import DecisionRequest, PlanService, PlanWorkspace
from tui.plan_session import ActionStatusChange, Content


@dataclass(frozen=True)
class ServicePlanStore:
    """`PlanStore` for one case; `purpose` and `today` are asked at each call (the reason may be given later)."""

    case_number: str
    plans: PlanService
    purpose: Callable[[], str]
    today: Callable[[], date | None]
    """Today for the rules that need it (None: the service's own clock)."""

    def load(self) -> PlanWorkspace:
        return self.plans.load_plan_for_editing(self.case_number, purpose=self.purpose())

    def kengetallen(self, municipality_code: str) -> tuple[Kengetal, ...]:
        return self.plans.kengetallen_for(municipality_code)

    def save_draft(self, content: Content) -> datetime | None:
        return self.plans.save_draft(self.case_number, content, purpose=self.purpose()).saved_at

    def discard_draft(self) -> None:
        self.plans.discard_draft(self.case_number)

    def start_plan(self, content: PlanContent) -> Maatwerkplan:
        return self.plans.start_plan(self.case_number, content=content, purpose=self.purpose(), today=self.today())

    def update_plan(self, content: PlanContent, version: int) -> Maatwerkplan:
        return self.plans.update_plan(self.case_number, content, version, purpose=self.purpose(), today=self.today())

    def update_section(self, step: PlanStep, data: Any, version: int) -> Maatwerkplan:
        return self.plans.update_section(self.case_number, step, data, version, purpose=self.purpose(),
                                         today=self.today())

    def set_action_status(self, change: ActionStatusChange, version: int) -> Maatwerkplan:
        return self.plans.set_action_status(self.case_number, change.action_id, change.status, version,
                                            note=change.note, done_on=change.done_on_date(), purpose=self.purpose(),
                                            today=self.today())

    def decide(self, decision: DecisionRequest, version: int) -> Maatwerkplan:
        return self.plans.decide_plan(self.case_number, decision, version, purpose=self.purpose())

    def record_evaluation(self, evaluation: Evaluation, version: int) -> Maatwerkplan:
        return self.plans.record_evaluation(self.case_number, evaluation, version, purpose=self.purpose())

    def start_execution(self, version: int) -> Maatwerkplan:
        return self.plans.start_execution(self.case_number, version, purpose=self.purpose())

    def complete_evaluation(self, version: int) -> Maatwerkplan:
        return self.plans.complete_evaluation(self.case_number, version, purpose=self.purpose())

    def new_version(self) -> Maatwerkplan:
        return self.plans.new_plan_version(self.case_number, purpose=self.purpose())
