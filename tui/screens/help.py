"""Help for the current screen: every key it knows (after the user's keymap), with its Dutch description."""

from __future__ import annotations

from dataclasses import dataclass

from rich import box
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static


@dataclass(frozen=True)
class KeyHelp:
    keys: str
    description: str
    tooltip: str


GENERAL = [
    KeyHelp("Tab / Shift+Tab", "Volgend / vorig veld", ""),
    KeyHelp("↑ ↓ PgUp PgDn", "Door een lijst bewegen", ""),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,question_mark,q", "close", "Sluiten", id="help.close")]

    def __init__(self, screen_title: str, keys: list[KeyHelp]) -> None:
        super().__init__()
        self.screen_title = screen_title
        self.keys = keys

    def compose(self) -> ComposeResult:
        table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False, header_style="bold")
        table.add_column("Toets", no_wrap=True)
        table.add_column("Wat het doet", ratio=1)
        for item in [*self.keys, *GENERAL]:
            description = Text(item.description, style="bold")
            if item.tooltip:
                description.append(f" — {item.tooltip}", style="")
            table.add_row(Text(item.keys), description)
        with Vertical(classes="dialog", id="help-dialog") as dialog:
            dialog.border_title = f"Help · {self.screen_title}"
            with VerticalScroll(id="help-body"):
                yield Static(table)
            yield Label("Ctrl+P zoekt elke opdracht op naam · Esc sluit deze hulp", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
