"""A blocking error: the user must read it (e.g. a save that was refused because someone else saved first)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label


class ErrorDialog(ModalScreen[None]):
    BINDINGS = [Binding("escape,enter", "close", "Sluiten", id="error.close")]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -error", id="error-dialog") as dialog:
            dialog.border_title = self.title_text
            yield Label(self.message, markup=False, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Sluiten", id="close", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
