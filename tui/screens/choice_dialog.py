"""Choose one value from a long list (342 gemeenten, hundreds of organisations) by typing part of its name.

Typing filters the list, ignoring case and accents (`sudwest` finds `Súdwest-Fryslân`); the arrows and Enter
choose. The first option, "Alle …", clears the filter. The dialog returns the chosen value, `""` for
"Alle …", or None when cancelled (Esc), so the caller can tell "no filter" from "never mind".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from domain.register import fold

ALL = ""


class ChoiceDialog(ModalScreen[str | None]):
    CSS_PATH = "register.tcss"
    BINDINGS = [Binding("escape", "cancel", "Annuleren", id="choice.cancel", tooltip="Sluiten zonder te kiezen")]

    def __init__(self, title: str, all_label: str, choices: Sequence[tuple[str, str]], *, current: str = ALL) -> None:
        """`choices`: (label, value) pairs in the order to show; `current` is highlighted first."""
        super().__init__()
        self.title_text = title
        self.all_label = all_label
        self.choices = list(choices)
        self.current = current
        self._folded = [fold(label) for label, _ in self.choices]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="choice-dialog") as dialog:
            dialog.border_title = self.title_text
            yield Input(placeholder="typ om te zoeken…", id="choice-filter", compact=True, max_length=80)
            yield OptionList(id="choice-options")
            yield Label("Typ om te zoeken · ↑↓ en Enter kiezen · Esc annuleert", classes="dialog-hint")

    def on_mount(self) -> None:
        self._fill("")
        options = self.query_one(OptionList)
        for index in range(options.option_count):
            if options.get_option_at_index(index).id == self._option_id(self.current):
                options.highlighted = index
                break
        self.query_one(Input).focus()

    @staticmethod
    def _option_id(value: str) -> str:
        return "v:" + value

    def _fill(self, text: str) -> None:
        words = fold(text).split()
        options = self.query_one(OptionList)
        options.clear_options()
        shown = [Option(Text(self.all_label, style="italic"), id=self._option_id(ALL))] if not words else []
        for (label, value), folded in zip(self.choices, self._folded, strict=True):
            if all(word in folded for word in words):
                shown.append(Option(Text(label), id=self._option_id(value)))
        options.add_options(shown)
        if shown:
            options.highlighted = 0

    @on(Input.Changed, "#choice-filter")
    def _typed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#choice-filter")
    def _submitted(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            options.action_select()

    def on_key(self, event: events.Key) -> None:
        # The arrows move through the list while the cursor stays in the search field (Home and End too,
        # while nothing is typed).
        options = self.query_one(OptionList)
        field = self.query_one(Input)
        moves: dict[str, Callable[[], None]] = {"up": options.action_cursor_up, "down": options.action_cursor_down,
                 "pageup": options.action_page_up, "pagedown": options.action_page_down}
        if not field.value:
            moves.update({"home": options.action_first, "end": options.action_last})
        if self.focused is field and event.key in moves:
            event.stop()
            moves[event.key]()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        self.dismiss(event.option.id.removeprefix("v:"))

    def action_cancel(self) -> None:
        self.dismiss(None)
