"""The next step of a state machine (overbrugging, escalation, knelpunt): only the legal next states are offered.

The dialog asks for the state, the date of the step (default today) and a note, runs the service call
itself and closes only when the service has saved the step; a refusal (a date before the previous step,
a reason that is required) is shown at its field with everything typed kept.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, Select, Static

from storage.bootstrap import Services
from tui.screens.casework_common import to_date
from tui.screens.form_base import FormDialog
from tui.widgets.form_values import FormValues, format_date_input
from tui.widgets.item_editors import choice, text_input

T = TypeVar("T")

StepSubmit = Callable[[str, date | None, str], T]
"""(new state value, date or None for today, note) → the saved object; raises DomainError to refuse."""


class StepDialog(FormDialog[T]):
    def __init__(
        self,
        services: Services,
        *,
        title: str,
        current: str,
        choices: list[tuple[str, str]],
        submit: StepSubmit[T],
        today: date,
        note_hint: str = "optioneel",
        with_note: bool = True,
    ) -> None:
        super().__init__(services)
        self.title_text = title
        self.current = current
        self.choices = choices
        self._submit = submit
        self.today = today
        self.note_hint = note_hint
        self.with_note = with_note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog casework-dialog", id="step-dialog") as dialog:
            dialog.border_title = self.title_text
            yield Label(f"Nu: {self.current}.", markup=False)
            yield Static("", classes="form-error", markup=False)
            yield self.field(
                "Nieuwe stap",
                choice([(label, value) for value, label in self.choices], self.choices[0][0]),
                path="status",
            )
            yield self.field("Datum", text_input(format_date_input(self.today), placeholder="dd-mm-jjjj",
                                                 max_length=10), path="datum")
            if self.with_note:
                yield self.field("Toelichting", text_input(placeholder=self.note_hint, max_length=2000),
                                 path="toelichting")
            yield Label("Ctrl+S of Enter in het laatste veld slaat op · Esc annuleert", classes="dialog-hint")

    def on_mount(self) -> None:
        self._fields["status"].control.focus()

    def draft(self) -> FormValues:
        note = self.value("toelichting") if self.with_note else ""
        return {"status": self.value("status"), "datum": self.value("datum"), "toelichting": note}

    def submit(self, draft: FormValues) -> T:
        on = to_date(draft["datum"], "datum", "De datum")
        return self._submit(str(draft["status"]), on, draft["toelichting"].strip())

    def select_state(self, value: str) -> None:
        """Preselect a state (tests, and screens that know what the user wants)."""
        control = self._fields["status"].control
        assert isinstance(control, Select)
        control.value = value
