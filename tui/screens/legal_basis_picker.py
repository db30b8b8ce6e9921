"""Choose a legal basis from the catalogue, searching as you type (law, article, what it allows, kind of room).

Each result shows the official identifier, the "geldig vanaf" date, what the basis allows and (below the
list, for the highlighted one) the link to the official text. Opened for a plan action, the bases that fit
the kind of action (`domain/action_kinds.py`) come first, marked "past bij …".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from domain.action_kinds import bases_with_suggestions
from domain.catalogues import LegalBasis, legal_room_kinds
from tui.render.legal import identity_line

ALL_KINDS = "__alle__"


def basis_option(basis: LegalBasis, *, chosen: bool = False, suggested_for: str = "") -> Text:
    text = Text()
    if suggested_for:
        text.append("★ ", style="bold")
    text.append(basis.title, style="bold")
    if chosen:
        text.append("  (al gekozen)", style="italic")
    if suggested_for:
        text.append(f"  past bij: {suggested_for}", style="italic")
    text.append(f"\n  {basis.ruimte_label} · {identity_line(basis)}", style="italic")
    text.append(f"\n  {basis.wat}")
    return text


class LegalBasisPicker(ModalScreen[str | None]):
    """Dismisses with the chosen basis id, or None. `privacy` limits to (non-)privacy bases."""

    CSS_PATH = "plan.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Annuleren", id="legal_picker.cancel"),
        Binding("down", "to_results", "Naar de lijst", id="legal_picker.results", show=False),
    ]

    def __init__(self, *, title: str = "Rechtsgrond kiezen", privacy: bool | None = None,
                 chosen: Iterable[str] = (), suggested: Sequence[LegalBasis] = (), suggested_for: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.privacy = privacy
        self.chosen = set(chosen)
        self.suggested = tuple(suggested)
        """Bases that fit the kind of action (`suggested_for` names it), shown first when they match."""
        self.suggested_for = suggested_for
        self.results: list[LegalBasis] = []
        self.suggested_count = 0

    def compose(self) -> ComposeResult:
        kinds = [(label, code) for code, label in legal_room_kinds().items()]
        if self.privacy is False:
            kinds = [k for k in kinds if k[1] != "privacy"]
        with Vertical(classes="dialog picker-dialog", id="legal-picker") as dialog:
            dialog.border_title = self.title_text
            yield Input(placeholder="zoek: wet, artikel, wat het toestaat (bijv. 4:84, evenredig, jeugdwet)",
                        id="legal-search", compact=True, select_on_focus=False)
            if self.privacy is not True:
                yield Select([("Alle soorten ruimte", ALL_KINDS), *kinds], value=ALL_KINDS, allow_blank=False,
                             compact=True, id="legal-kind")
            yield OptionList(id="legal-results")
            yield Static("", id="legal-detail", markup=False)
            yield Label("Typ om te zoeken · ↓ naar de lijst · Enter kiest · Esc annuleert", classes="dialog-hint")

    def on_mount(self) -> None:
        self.search()
        self.query_one("#legal-search", Input).focus()

    @property
    def kind(self) -> str | None:
        if self.privacy is True:
            return "privacy"
        selects = self.query("#legal-kind")
        if not selects:
            return None
        value = self.query_one("#legal-kind", Select).value
        return None if value in (ALL_KINDS, Select.NULL) else str(value)

    def search(self) -> None:
        query = self.query_one("#legal-search", Input).value
        results, self.suggested_count = bases_with_suggestions(
            query, self.suggested, ruimte=self.kind, privacy=self.privacy
        )
        self.results = results
        options = self.query_one("#legal-results", OptionList)
        options.clear_options()
        options.add_options([
            Option(basis_option(b, chosen=b.id in self.chosen,
                                suggested_for=self.suggested_for if i < self.suggested_count else ""), id=b.id)
            for i, b in enumerate(results)
        ])
        if results:
            options.highlighted = 0
        self._show_detail()

    def _show_detail(self) -> None:
        options = self.query_one("#legal-results", OptionList)
        detail = self.query_one("#legal-detail", Static)
        if not self.results:
            detail.update("Niets gevonden. Probeer een ander woord of kies 'Alle soorten ruimte'.")
            return
        index = options.highlighted if options.highlighted is not None else 0
        basis = self.results[min(index, len(self.results) - 1)]
        found = f"{len(self.results)} gevonden"
        if self.suggested_count:
            found += f", {self.suggested_count} passend bij deze actie bovenaan"
        link = f"tekst: {basis.link}" if basis.link else "geen officiële tekst om te openen"
        sources = f" · bron: {'; '.join(basis.bronnen)}" if basis.bronnen else ""
        detail.update(Text(f"{found} · {link}{sources}"))

    @on(Input.Changed, "#legal-search")
    @on(Select.Changed, "#legal-kind")
    def _changed(self) -> None:
        self.search()

    @on(Input.Submitted, "#legal-search")
    def _submitted(self) -> None:
        options = self.query_one("#legal-results", OptionList)
        if self.results:
            index = options.highlighted if options.highlighted is not None else 0
            self.dismiss(self.results[index].id)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        self._show_detail()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_to_results(self) -> None:
        if isinstance(self.focused, Input):
            self.query_one("#legal-results", OptionList).focus()
        else:
            self.focus_next()

    def action_cancel(self) -> None:
        self.dismiss(None)
