"""The steps of the maatwerkplan as a bar: each step with its key, and whether it is done or still missing.

In a wide terminal it is a sidebar (one step per line); in 80 columns it is two lines above the step.
With the focus on the bar, ↑/↓ (or ←/→) walk the steps and a step's letter jumps to it; from anywhere in
the editor Alt+letter jumps too.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from domain.plan import PlanStep

STEP_KEYS: dict[PlanStep, str] = {
    PlanStep.IN_KAART: "k",
    PlanStep.PERSPECTIEF: "p",
    PlanStep.STA_IN_DE_WEG: "s",
    PlanStep.DOORBRAAK: "d",
    PlanStep.DOELEN: "o",
    PlanStep.ACTIES: "a",
    PlanStep.REKENSOM: "r",
    PlanStep.JURIDISCH: "j",
    PlanStep.TOESTEMMING: "t",
    PlanStep.BESLUIT: "v",
    PlanStep.EVALUATIE: "e",
}
"""One letter per step: Alt+letter in the editor, the plain letter on the step bar. Not b or f: many
terminals send Alt+B and Alt+F as ESC b / ESC f, which Textual reads as Ctrl+←/→ (word left/right)."""

SHORT_LABELS: dict[PlanStep, str] = {
    PlanStep.IN_KAART: "Kaart",
    PlanStep.PERSPECTIEF: "Perspectief",
    PlanStep.STA_IN_DE_WEG: "Sta-in-de-weg",
    PlanStep.DOORBRAAK: "Doorbraak",
    PlanStep.DOELEN: "Doelen",
    PlanStep.ACTIES: "Acties",
    PlanStep.REKENSOM: "Rekensom",
    PlanStep.JURIDISCH: "Juridisch",
    PlanStep.TOESTEMMING: "Toestemming",
    PlanStep.BESLUIT: "Besluit",
    PlanStep.EVALUATIE: "Evaluatie",
}
STEPS: tuple[PlanStep, ...] = tuple(PlanStep)
NARROW_BREAK = STEPS.index(PlanStep.REKENSOM)
LINE_ENDS = (STEPS[NARROW_BREAK - 1], STEPS[-1])


class StepState(StrEnum):
    DONE = "done"
    MISSING = "missing"
    INVALID = "invalid"
    OPEN = "open"
    """Not a step that blocks a decision (besluit before the decision, evaluatie)."""


MARKS = {StepState.DONE: "✓", StepState.MISSING: "✗", StepState.INVALID: "!", StepState.OPEN: "·"}
STATE_WORDS = {
    StepState.DONE: "compleet",
    StepState.MISSING: "nog niet compleet",
    StepState.INVALID: "ongeldige invoer",
    StepState.OPEN: "",
}


class StepBar(Widget, can_focus=True):
    """Shows `states` and `current`; posts `Selected` when the user picks a step."""

    BINDINGS = [
        Binding("down,right", "move(1)", "Volgende stap", id="plan.bar.next", show=False),
        Binding("up,left", "move(-1)", "Vorige stap", id="plan.bar.previous", show=False),
        Binding("enter", "leave_bar", "Naar de stap", id="plan.bar.enter", show=False,
                tooltip="Naar de velden van deze stap"),
    ]

    COMPONENT_CLASSES = {"step-bar--current", "step-bar--missing", "step-bar--done", "step-bar--key",
                         "step-bar--unsaved"}

    current: reactive[PlanStep] = reactive(PlanStep.IN_KAART)
    wide: reactive[bool] = reactive(False, layout=True)

    @dataclass
    class Selected(Message):
        step: PlanStep

    @dataclass
    class Done(Message):
        """Enter on the bar: go into the step's fields."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.states: dict[PlanStep, StepState] = {step: StepState.OPEN for step in STEPS}
        self.unsaved: set[PlanStep] = set()

    def set_states(self, states: dict[PlanStep, StepState], unsaved: set[PlanStep]) -> None:
        if states != self.states or unsaved != self.unsaved:
            self.states = dict(states)
            self.unsaved = set(unsaved)
            self.refresh(layout=True)

    def describe(self, step: PlanStep) -> str:
        """The step's state in words (for tests and screen readers of the future)."""
        words = STATE_WORDS[self.states[step]]
        return f"{step.label}: {words}" if words else step.label

    def _item(self, step: PlanStep) -> Text:
        """`✓k Kaart*`: mark, key, label and (when not saved) a star; the current step stands out."""
        state = self.states[step]
        mark_style = {
            StepState.DONE: self.get_component_rich_style("step-bar--done"),
            StepState.MISSING: self.get_component_rich_style("step-bar--missing"),
            StepState.INVALID: self.get_component_rich_style("step-bar--missing"),
        }.get(state, "")
        piece = Text(style=self.get_component_rich_style("step-bar--current") if step is self.current else "")
        piece.append(MARKS[state], style=mark_style)
        piece.append(STEP_KEYS[step], style=self.get_component_rich_style("step-bar--key"))
        piece.append(" " + (step.label if self.wide else SHORT_LABELS[step]))
        if step in self.unsaved:
            piece.append("*", style=self.get_component_rich_style("step-bar--unsaved"))
        elif not self.wide and step not in LINE_ENDS:
            piece.append(" ")
        return piece

    def render(self) -> Text:
        key_style = self.get_component_rich_style("step-bar--key")
        if not self.wide:
            # Two lines that fit 80 columns: the first six steps, then the rest.
            text = Text(no_wrap=True, overflow="crop")
            for index, step in enumerate(STEPS):
                if index == NARROW_BREAK:
                    text.append("\n")
                elif index:
                    text.append(" ")
                text.append_text(self._item(step))
            return text
        text = Text()
        text.append("Stappen", style="bold")
        text.append("  Alt+letter\n", style=key_style)
        for step in STEPS:
            text.append_text(self._item(step))
            text.append("\n")
        text.append("\n✓ compleet  ✗ ontbreekt\n! ongeldig  · open\n* niet opgeslagen", style=key_style)
        return text

    def action_move(self, delta: int) -> None:
        index = STEPS.index(self.current)
        target = STEPS[max(0, min(len(STEPS) - 1, index + delta))]
        if target is not self.current:
            self.post_message(self.Selected(target))

    def action_leave_bar(self) -> None:
        self.post_message(self.Done())

    def on_key(self, event: events.Key) -> None:
        step = next((s for s, key in STEP_KEYS.items() if key == event.character), None)
        if step is not None:
            event.stop()
            event.prevent_default()
            self.post_message(self.Selected(step))
            self.post_message(self.Done())

    def on_click(self, event: events.Click) -> None:
        # One line per step in the sidebar; the narrow bar is read by keyboard (letters) only.
        if self.wide and 1 <= event.y <= len(STEPS):
            self.post_message(self.Selected(STEPS[event.y - 1]))
