"""Offer the input that was autosaved but never saved: restore it, or throw it away.

Esc restores (the safe choice: nothing typed is lost; F8 in the editor can still go back to the saved plan).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

RESTORE = "restore"
DISCARD = "discard"


class DraftDialog(ModalScreen[str]):
    BINDINGS = [
        Binding("h,escape", "answer('restore')", "Herstellen", id="draft.restore"),
        Binding("w", "answer('discard')", "Weggooien", id="draft.discard"),
    ]

    def __init__(self, question: str, *, restore_first: bool = True) -> None:
        super().__init__()
        self.question = question
        self.restore_first = restore_first

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="draft-dialog") as dialog:
            dialog.border_title = "Niet-opgeslagen invoer gevonden"
            yield Label(self.question, markup=False, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Weggooien (w)", id="discard", variant="error", compact=True)
                yield Button("Herstellen (h)", id="restore", variant="primary", compact=True)
            yield Label("Esc herstelt ook: zo raakt u niets kwijt.", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#restore" if self.restore_first else "#discard", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self._answer(RESTORE if event.button.id == "restore" else DISCARD)

    def action_answer(self, answer: str) -> None:
        self._answer(answer)

    def _answer(self, answer: str) -> None:
        """Once: a second key typed before the dialog is gone must not dismiss again (ScreenStackError)."""
        if self.is_current and not getattr(self, "_answered", False):
            self._answered = True
            self.dismiss(answer)
