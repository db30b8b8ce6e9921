"""The base of every step of the plan editor, and what the editor hands each step.

Only the step on screen is mounted. It is built from the editor's content (the plan as JSON-like data),
writes what is typed back into that content (`write_into`), shows the domain's problems at its fields,
and posts `StepView.Changed` when the user edits something (the editor then autosaves a draft).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from textual.containers import VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from domain.catalogues import Kengetal
from domain.errors import Problem
from domain.household import Household
from domain.plan import Maatwerkplan, MissingItem, PlanStep
from tui.plan_session import Content

if TYPE_CHECKING:
    from tui.widgets.plan_goals_actions import ActionEditor


@dataclass
class StepContext:
    """What a step needs to know; the editor owns it (attributes down)."""

    household: Household
    content: Content
    """The editor's content: the plan's editable sections as JSON-like data (what is typed)."""
    plan: Maatwerkplan | None
    read_only: bool = False
    """The version is decided: its content is frozen (execution and evaluation still change)."""
    kengetallen: tuple[Kengetal, ...] = ()
    """The municipality's view of the catalogue (loaded once by the editor)."""
    today: Any = None
    actor_name: str = ""
    missing: Sequence[MissingItem] = ()
    """What still blocks a decision (the editor's latest judgement, shown in Besluit)."""
    warnings: Sequence[MissingItem] = ()
    problems: Sequence[Problem] = ()
    """What is invalid in the content as typed."""


class StepView(VerticalScroll):
    """One step of the method. Subclasses build their fields from `ctx.content`."""

    step: ClassVar[PlanStep]
    hint: ClassVar[str] = ""
    can_add: ClassVar[bool] = False
    """Ctrl+N adds an item here (goal, action, cost line, legal basis)."""
    offers_contacts: ClassVar[bool] = False
    """Ctrl+O ('wie bel ik?') puts a register contact on an action here."""

    @dataclass
    class Changed(Message):
        """The user edited something in this step."""

        view: StepView

    def __init__(self, ctx: StepContext) -> None:
        super().__init__(classes="plan-step", id=f"step-{self.step.value}", can_focus=False)
        self.ctx = ctx
        self._quiet = True
        self.last_focus: Widget | None = None
        """Where the cursor was when the editor hid this step (it comes back there)."""

    def on_mount(self) -> None:
        # Controls announce their first value after mounting; only what the user does afterwards counts.
        self.call_after_refresh(self._listen)

    def _listen(self) -> None:
        self._quiet = False

    # -- what the editor calls --------------------------------------------------------------------
    def write_into(self, content: Content) -> None:
        """Write what is typed into `content` (only this step's part)."""
        raise NotImplementedError

    def write_draft_into(self, content: Content) -> None:
        """What goes into the autosaved draft: `write_into` plus anything still being typed in a dialog."""
        self.write_into(content)

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Show the domain's problems (paths from the plan root) at this step's fields."""

    def request_save(self) -> bool:
        """Ctrl+S: a step whose input is not plan content saves it itself (posting a typed command) and
        returns True; False lets the editor save the content."""
        return False

    def action_editor(self, action_id: str | None) -> ActionEditor | None:
        """The action card with `action_id` (None: the one with the focus), in a step that shows them."""
        return None

    def focus_first(self) -> None:
        for widget in self.query("Input, TextArea, Select, Checkbox, Button, DataTable, OptionList"):
            if widget.focusable:
                widget.focus()
                if isinstance(widget, TextArea):
                    widget.move_cursor(widget.document.end)  # go on typing where the text ends
                return

    async def add_item(self) -> bool:
        """Ctrl+N: add an item; False when this step has no list."""
        return False

    async def remove_item(self) -> bool:
        """Ctrl+R: remove the item with the focus; False when there is none."""
        return False

    def can_remove(self) -> bool:
        return False

    def refresh_derived(self) -> None:
        """The content changed elsewhere (another step, a save): update what is derived from it."""

    # -- telling the editor ------------------------------------------------------------------------
    def changed(self) -> None:
        if not self._quiet:
            self.post_message(self.Changed(self))

    def on_input_changed(self, event: Input.Changed) -> None:
        self.changed()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter in a one-line field goes on to the next field, as in the household form.
        event.stop()
        self.screen.focus_next()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.changed()

    def on_select_changed(self, event: Select.Changed) -> None:
        self.changed()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self.changed()


def hint(text: str) -> Static:
    return Static(text, classes="step-hint", markup=False)


def general_problems(target: Static, problems: Sequence[Problem]) -> None:
    """Problems that belong to no single field, in a line above the fields."""
    text = "\n".join(f"✗ {p.reason}" if not p.path else f"✗ {p.path}: {p.reason}" for p in problems)
    target.update(text)
    target.set_class(bool(text), "-visible")
