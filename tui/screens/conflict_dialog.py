"""A save was refused because someone else saved first: show what they changed, then reload or merge.

Nothing is overwritten: 'samenvoegen' keeps my edits where they do not collide with theirs and leaves the
form unsaved for me to check; 'herladen' shows their version (my edits are dropped); Esc keeps editing.
"""

from __future__ import annotations

from typing import Any, Literal

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from domain.merge import MergeConflict
from domain.services.households import SaveConflict
from tui.render.audit_text import ITEM_NAMES, describe_path, describe_value

Choice = Literal["merge", "reload"]
MAX_LINES = 12


def _item_name(*candidates: Any) -> str:
    for item in candidates:
        if isinstance(item, dict):
            for key in ("name", "leefgebied"):
                if item.get(key):
                    return str(item[key])
    return ""


def describe_conflict_path(conflict: MergeConflict) -> str:
    """Merge paths name list items by id (`members.12.name`); show the item by its name instead."""
    parts = conflict.path.split(".")
    if len(parts) >= 2 and parts[0] in ITEM_NAMES and parts[1].isdigit():
        name = _item_name(conflict.theirs, conflict.mine, conflict.base)
        item = f"{ITEM_NAMES[parts[0]]} {name}".strip()
        rest = describe_path(".".join(parts[2:])) if len(parts) > 2 else ""
        return f"{item} · {rest.lower()}" if rest else item
    return describe_path(conflict.path)


def _value(value: Any) -> str:
    if isinstance(value, dict):
        return _item_name(value) or "(onderdeel)"
    return describe_value(value)


def changes_view(conflict: SaveConflict) -> RenderableType:
    parts: list[RenderableType] = []
    items = list(conflict.their_changes.items())
    if items:
        parts.append(Text("Wat de ander wijzigde (u opende → nu opgeslagen):", style="bold"))
        for path, (old, new) in items[:MAX_LINES]:
            line = Text("  ")
            line.append(describe_path(path) + ": ", style="bold")
            line.append(f"{describe_value(old)} → {describe_value(new)}")
            parts.append(line)
        if len(items) > MAX_LINES:
            parts.append(Text(f"  … en nog {len(items) - MAX_LINES} velden", style="italic"))
    else:
        parts.append(Text("De ander sloeg de casus op zonder de velden van dit formulier te wijzigen "
                          "(bijvoorbeeld een statuswijziging).", style="italic"))
    if conflict.conflicts:
        parts.append(Text(""))
        parts.append(Text("Door u én de ander verschillend ingevuld (bij samenvoegen geldt eerst hun waarde):",
                          style="bold"))
        for each in conflict.conflicts[:MAX_LINES]:
            line = Text("  ")
            line.append(describe_conflict_path(each) + ": ", style="bold")
            mine = "verwijderd" if each.mine is None and isinstance(each.base, dict) else _value(each.mine)
            theirs = "verwijderd" if each.theirs is None and isinstance(each.base, dict) else _value(each.theirs)
            line.append(f"u: {mine} · ander: {theirs}")
            parts.append(line)
    return Group(*parts)


class ConflictDialog(ModalScreen[Choice | None]):
    CSS_PATH = "trust_dialogs.tcss"
    BINDINGS = [
        Binding("s", "choose('merge')", "Samenvoegen", id="conflict.merge",
                tooltip="Uw wijzigingen over hun versie heen, waar ze niet botsen; daarna zelf opslaan"),
        Binding("h", "choose('reload')", "Herladen", id="conflict.reload",
                tooltip="Hun versie tonen; uw wijzigingen vervallen"),
        Binding("escape", "choose('')", "Terug", id="conflict.back", tooltip="Verder bewerken; er is niets opgeslagen"),
    ]

    def __init__(self, conflict: SaveConflict) -> None:
        super().__init__()
        self.conflict = conflict

    def compose(self) -> ComposeResult:
        who = ", ".join(self.conflict.changed_by) or "iemand anders"
        with Vertical(classes="dialog -error", id="conflict-dialog") as dialog:
            dialog.border_title = "Tussentijds gewijzigd"
            yield Label(
                f"{who} heeft deze casus opgeslagen nadat u hem opende. Uw wijzigingen zijn niet opgeslagen; "
                "er is niets overschreven.",
                markup=False, classes="dialog-text",
            )
            with VerticalScroll(id="conflict-body"):
                yield Static(changes_view(self.conflict), id="conflict-changes")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Terug (Esc)", id="back", compact=True)
                yield Button("Herladen (h)", id="reload", compact=True)
                yield Button("Samenvoegen (s)", id="merge", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#merge", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_choose(event.button.id or "")

    def action_choose(self, choice: str) -> None:
        self.dismiss("merge" if choice == "merge" else "reload" if choice == "reload" else None)
