"""Where the plan editor's steps live: the step on screen, and the steps shown before, kept hidden with a
snapshot of the content they were built from.

A hidden step is shown again as it was when that content has not changed since: mounting a step with many
cards costs far more than showing it (see benchmarks/bench_plan_tui.py). The editor decides which step to
show and when; this container only keeps, finds and builds the views.
"""

from __future__ import annotations

import json

from textual.containers import Container
from textual.widget import Widget

from domain.plan import PlanStep
from tui.plan_session import Content
from tui.widgets.plan_besluit import BesluitStep, EvaluatieStep
from tui.widgets.plan_goals_actions import ActiesStep, DoelenStep
from tui.widgets.plan_juridisch import JuridischStep
from tui.widgets.plan_rekensom import RekensomStep
from tui.widgets.plan_step import StepContext, StepView
from tui.widgets.plan_steps_text import DoorbraakStep, InKaartStep, PerspectiefStep, StaInDeWegStep, ToestemmingStep

STEP_VIEWS: dict[PlanStep, type[StepView]] = {
    PlanStep.IN_KAART: InKaartStep,
    PlanStep.PERSPECTIEF: PerspectiefStep,
    PlanStep.STA_IN_DE_WEG: StaInDeWegStep,
    PlanStep.DOORBRAAK: DoorbraakStep,
    PlanStep.DOELEN: DoelenStep,
    PlanStep.ACTIES: ActiesStep,
    PlanStep.REKENSOM: RekensomStep,
    PlanStep.JURIDISCH: JuridischStep,
    PlanStep.TOESTEMMING: ToestemmingStep,
    PlanStep.BESLUIT: BesluitStep,
    PlanStep.EVALUATIE: EvaluatieStep,
}

CACHE_INPUTS: dict[PlanStep, tuple[str, ...]] = {
    PlanStep.IN_KAART: ("in_kaart",),
    PlanStep.PERSPECTIEF: ("perspectief",),
    PlanStep.STA_IN_DE_WEG: ("sta_in_de_weg",),
    PlanStep.DOORBRAAK: ("doorbraak",),
    PlanStep.DOELEN: ("goals",),
    PlanStep.ACTIES: ("actions", "goals", "rekensom"),
    PlanStep.REKENSOM: ("rekensom",),
    PlanStep.JURIDISCH: ("juridisch", "actions"),
    PlanStep.TOESTEMMING: ("consent",),
}
"""What each step is built from. Besluit and Evaluatie show the plan's state and are always built anew."""


def step_inputs(content: Content, step: PlanStep) -> str:
    """The part of the content a step is built from (it is rebuilt when that changed elsewhere)."""
    return json.dumps([content.get(key) for key in CACHE_INPUTS[step]], sort_keys=True, default=str)


class StepHost(Container):
    """The container of the step views (one shown, the others hidden or not built)."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._hidden: dict[PlanStep, tuple[StepView, str]] = {}

    async def forget(self) -> None:
        """The content was replaced: the hidden steps show the old one, so they go."""
        for view, _ in self._hidden.values():
            await view.remove()
        self._hidden.clear()

    async def leave(self, view: StepView, content: Content, *, keep: bool, focused: Widget | None) -> None:
        """Take `view` off screen: hidden with a snapshot of its inputs (`keep`, for a step built from the
        content), where the cursor was remembered; else removed."""
        if keep and view.step in CACHE_INPUTS:
            view.last_focus = focused if focused is not None and view in focused.ancestors else None
            view.display = False
            self._hidden[view.step] = (view, step_inputs(content, view.step))
        else:
            await view.remove()

    async def enter(self, step: PlanStep, ctx: StepContext, content: Content) -> StepView:
        """The view of `step`: the hidden one if its inputs did not change since, else a new one."""
        hidden, snapshot = self._hidden.pop(step, (None, ""))
        if hidden is not None and snapshot == step_inputs(content, step):
            hidden.display = True
            hidden.refresh_derived()
            return hidden
        if hidden is not None:
            await hidden.remove()
        view = STEP_VIEWS[step](ctx)
        await self.mount(view)
        return view
