"""Pick a kengetal (unit cost) for a cost line, searching as you type; or choose a free line.

The catalogue is the municipality's view of it: its own figures replace the national ones, and are shown
with their own source beside the national figure.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from domain.caselist import search_normalise
from domain.catalogues import Kengetal
from domain.rekensom import FREQUENCY_LABELS
from tui.render.format import format_money

FREE_LINE = "__vrij__"


def kengetal_text(item: Kengetal) -> Text:
    text = Text()
    text.append(item.naam, style="bold")
    if item.bedrag is not None:
        amount = f"{format_money(item.bedrag)} ({item.jaar if item.jaar is not None else 'z.j.'})"
    else:
        amount = "wettelijk bedrag" if item.wettelijk is not None else "zelf invullen"
    text.append(f"\n  {amount} {item.eenheid} · {FREQUENCY_LABELS[item.frequentie]} · {item.kind_label}")
    if item.overridden:
        text.append(f"\n  Eigen cijfer gemeente: {item.source_label}", style="bold")
        standard = format_money(item.standard_bedrag) if item.standard_bedrag is not None else "geen bedrag"
        year = item.standard_jaar if item.standard_jaar is not None else "z.j."
        text.append(f"\n  landelijk: {standard}, {item.standard_bron} ({year})", style="italic")
    else:
        text.append(f"\n  Bron: {item.source_label}", style="italic")
    return text


def _haystack(item: Kengetal) -> str:
    return search_normalise(" ".join([item.id.replace("_", " "), item.naam, item.eenheid, item.bron,
                                      item.kind_label, item.toelichting]))


class KengetalPicker(ModalScreen[Kengetal | str | None]):
    """Dismisses with the chosen Kengetal, FREE_LINE for a line without kengetal, or None."""

    CSS_PATH = "plan.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Annuleren", id="kengetal_picker.cancel"),
        Binding("down", "to_results", "Naar de lijst", id="kengetal_picker.results", show=False),
    ]

    def __init__(self, items: tuple[Kengetal, ...], municipality: str) -> None:
        super().__init__()
        self.items = items
        self.municipality = municipality
        self.results: list[Kengetal] = []
        self._texts = {item.id: _haystack(item) for item in items}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker-dialog", id="kengetal-picker") as dialog:
            dialog.border_title = f"Kostenregel toevoegen · kengetallen van {self.municipality}"
            yield Input(placeholder="zoek: bijstand, opvang, detentie, Berenschot…", id="kengetal-search",
                        compact=True, select_on_focus=False)
            yield OptionList(id="kengetal-results")
            yield Label("Typ om te zoeken · ↓ naar de lijst · Enter kiest · Esc annuleert", classes="dialog-hint")

    def on_mount(self) -> None:
        self.search()
        self.query_one("#kengetal-search", Input).focus()

    def search(self) -> None:
        terms = search_normalise(self.query_one("#kengetal-search", Input).value).split()
        self.results = [item for item in self.items if all(t in self._texts[item.id] for t in terms)]
        options = self.query_one("#kengetal-results", OptionList)
        options.clear_options()
        free = Text("Vrije regel", style="bold")
        free.append("\n  zonder kengetal: omschrijving, bedrag en eigen bron met jaartal", style="italic")
        options.add_option(Option(free, id=FREE_LINE))
        options.add_options([Option(kengetal_text(item), id=item.id) for item in self.results])
        options.highlighted = 1 if self.results and terms else 0

    @on(Input.Changed, "#kengetal-search")
    def _changed(self) -> None:
        self.search()

    @on(Input.Submitted, "#kengetal-search")
    def _submitted(self) -> None:
        options = self.query_one("#kengetal-results", OptionList)
        index = options.highlighted or 0
        option = options.get_option_at_index(index)
        self._choose(option.id)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def _choose(self, option_id: str | None) -> None:
        if option_id == FREE_LINE:
            self.dismiss(FREE_LINE)
            return
        item = next((k for k in self.items if k.id == option_id), None)
        if item is not None:
            self.dismiss(item)

    def action_to_results(self) -> None:
        if isinstance(self.focused, Input):
            self.query_one("#kengetal-results", OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
