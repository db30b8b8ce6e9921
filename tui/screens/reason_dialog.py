"""Ask why a case outside one's caseload is opened (break-glass). The reason goes into the audit trail."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from domain.access import MIN_REASON_LENGTH


class ReasonDialog(ModalScreen[str | None]):
    """Dismisses with the reason, or None when the user decides not to open the case."""

    CSS_PATH = "trust_dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Niet openen", id="reason.cancel", tooltip="Terug zonder te openen")]

    def __init__(self, case_number: str, message: str) -> None:
        super().__init__()
        self.case_number = case_number
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="reason-dialog") as dialog:
            dialog.border_title = "Reden nodig"
            yield Label(self.message, markup=False, classes="dialog-text")
            yield Input(placeholder="bijv. vervanging tijdens ziekte van de casusregisseur", id="reason",
                        max_length=500, compact=True)
            yield Static("", id="reason-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Niet openen (Esc)", id="cancel", compact=True)
                yield Button("Openen (Enter)", id="open", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#reason", Input).focus()

    @on(Input.Submitted, "#reason")
    @on(Button.Pressed, "#open")
    def _submit(self) -> None:
        reason = " ".join(self.query_one("#reason", Input).value.split())
        if len(reason) < MIN_REASON_LENGTH:
            error = self.query_one("#reason-error", Static)
            error.update(f"Geef een reden van minstens {MIN_REASON_LENGTH} tekens.")
            error.add_class("-visible")
            self.query_one("#reason", Input).focus()
            return
        self.dismiss(reason)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
