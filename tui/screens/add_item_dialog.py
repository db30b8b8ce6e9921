"""Ask what to add to a household form: a member, a problem or an organisation."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

CHOICES = [
    ("members", "Lid van het huishouden", "l"),
    ("problems", "Probleem op een leefgebied", "p"),
    ("organisations", "Betrokken organisatie", "o"),
]


class AddItemDialog(ModalScreen[str | None]):
    """Dismisses with the list path (`members`, `problems`, `organisations`) or None."""

    BINDINGS = [
        Binding("escape", "cancel", "Annuleren", id="add_item.cancel"),
        Binding("l", "choose('members')", "Lid", id="add_item.member", show=False),
        Binding("p", "choose('problems')", "Probleem", id="add_item.problem", show=False),
        Binding("o", "choose('organisations')", "Organisatie", id="add_item.organisation", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="add-item-dialog") as dialog:
            dialog.border_title = "Toevoegen"
            yield OptionList(*[Option(f"{label} ({key})", id=path) for path, label, key in CHOICES])
            yield Label("Enter of de letter kiest · Esc annuleert", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_choose(self, path: str) -> None:
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
