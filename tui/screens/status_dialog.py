"""Choose the next status of a case; only the transitions the domain allows are offered."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from domain.household import ALLOWED_TRANSITIONS, HouseholdStatus


class StatusDialog(ModalScreen[HouseholdStatus | None]):
    BINDINGS = [Binding("escape", "cancel", "Annuleren", id="status.cancel")]

    def __init__(self, current: HouseholdStatus) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        allowed = sorted(ALLOWED_TRANSITIONS[self.current], key=list(HouseholdStatus).index)
        with Vertical(classes="dialog", id="status-dialog") as dialog:
            dialog.border_title = "Status wijzigen"
            yield Label(f"Nu: {self.current.label}. Kies de nieuwe status:", markup=False)
            yield OptionList(*[Option(status.label, id=status.value) for status in allowed], id="status-options")
            yield Label("Enter kiest · Esc annuleert", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        self.dismiss(HouseholdStatus(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
