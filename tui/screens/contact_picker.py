"""Wie bel ik? Pick the register contact for a plan action: its organisation, for the household's gemeente.

    ContactPickerDialog(services, organisation, municipality_code, theme=None)  →  RegisterContact | None

It opens with `suggest_contacts` (the gemeente's own contacts first, then landelijk, verified first). Typing
refines within the organisation; when nothing there matches, the whole register is searched (typo and
accent tolerant) and the dialog says so. Enter returns the contact under the cursor, Esc returns None.
Turn the chosen contact into the action's text with `domain.register.action_contact_text`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState, get_current_worker

from domain import reference
from domain.register import NAME_MAX, RegisterContact, RegisterPage, parse_query, search_words, themes
from storage.bootstrap import Services
from tui.screens.base import today
from tui.widgets.contact_table import NOT_VERIFIED, region_short

LIMIT = 20
TYPING_PAUSE = 0.12


@dataclass(frozen=True)
class PickerResult:
    """What the worker found and how (for the line above the list)."""

    contacts: list[RegisterContact]
    scope: str
    generation: int


class ContactPickerDialog(ModalScreen[RegisterContact | None]):
    """The "wie bel ik?" dialog. Returns the chosen contact, or None."""

    CSS_PATH = "contact_picker.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Annuleren", id="picker.cancel", tooltip="Sluiten zonder contact te kiezen"),
        Binding("slash,ctrl+f", "focus_filter", "Verfijnen", id="picker.filter", show=False,
                tooltip="Typ een team, naam, gemeente of thema"),
    ]

    def __init__(self, services: Services, organisation: str, municipality_code: str | None, *,
                 theme: str | None = None) -> None:
        super().__init__()
        self.services = services
        # The register's names are at most NAME_MAX long; a longer action text is cut, not refused.
        self.organisation = organisation.strip()[:NAME_MAX]
        self.municipality_code = municipality_code or None
        self.theme = theme or None
        self.today = today(services)
        self.contacts: list[RegisterContact] = []
        self._suggested_organisations: list[str] = []
        self._theme_used = self.theme
        self._generation = 0
        self._lock = threading.Lock()
        self._warning: Style | str = "bold"

    # -- layout ------------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="picker-dialog") as dialog:
            dialog.border_title = f"Wie bel ik? · {self.organisation or 'alle organisaties'}"
            yield Static(self._context_line(), id="picker-context", markup=False)
            with Horizontal(id="picker-filter-bar"):
                yield Static("Zoek", id="picker-filter-label")
                # select_on_focus off: a letter typed on the list moves here; the next must not replace it.
                yield Input(placeholder="verfijn op team, naam, gemeente of thema…", id="picker-filter", compact=True,
                            max_length=200, select_on_focus=False)
            yield Static("Zoeken…", id="picker-scope", markup=False)
            yield OptionList(id="picker-options")
            yield Label("↑↓ en Enter kiezen · typ om te verfijnen · Esc annuleert", classes="dialog-hint")

    def _context_line(self) -> str:
        if self.municipality_code:
            place = reference.municipalities().get(self.municipality_code, self.municipality_code)
            where = f"Eerst {place}, dan landelijk"
        else:
            where = "Landelijk en alle gemeenten"
        theme = f" · thema {themes().get(self.theme, self.theme)}" if self.theme else ""
        return f"{where}{theme}; geverifieerd eerst."

    def on_mount(self) -> None:
        colour = self.app.get_css_variables().get("text-warning")
        self._warning = Style(color=colour, bold=True) if colour else "bold"
        # Like every picker (docs/keyboard.md): the cursor starts in the search field, ↓ goes to the first result.
        self.query_one(Input).focus()
        self._find("", self._next_generation(), 0.0)

    # -- searching ---------------------------------------------------------------------------------
    def _next_generation(self) -> int:
        self._generation += 1
        return self._generation

    @work(thread=True, exclusive=True, group="contact-picker", exit_on_error=False)
    def _find(self, text: str, generation: int, debounce: float) -> None:
        worker = get_current_worker()
        if debounce:
            time.sleep(debounce)
            if worker.is_cancelled:
                return
        with self._lock:
            if worker.is_cancelled:
                return
            result = self._suggest(generation) if not search_words(text) else self._refine(text, generation)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, result)

    def _suggest(self, generation: int) -> PickerResult:
        """The ranked contacts of the action's organisation (if its theme finds none: of every theme)."""
        if not self.organisation:
            page = self.services.register.search(
                parse_query({"context_municipality": self.municipality_code, "limit": LIMIT}), today=self.today
            )
            return PickerResult(page.contacts, "Typ een organisatie, team of naam om te zoeken.", generation)
        page = self._suggest_page(self.theme)
        self._theme_used = self.theme
        scope = ""
        if not page.contacts and self.theme:
            page = self._suggest_page(None)
            self._theme_used = None
            if page.contacts:
                scope = f"Geen contacten voor dit thema; alle contacten van {self.organisation}."
        self._suggested_organisations = list(dict.fromkeys(c.organisation for c in page.contacts))[:3]
        if not page.contacts:
            scope = f"Geen contacten van {self.organisation!r} in het register. Typ om het hele register te doorzoeken."
        return PickerResult(page.contacts, scope, generation)

    def _suggest_page(self, theme: str | None) -> RegisterPage:
        return self.services.register.suggest(self.organisation, self.municipality_code, theme=theme, limit=LIMIT,
                                              today=self.today)

    def _refine(self, text: str, generation: int) -> PickerResult:
        """The typed words within the organisation (as named, or as the suggestions named it); when nothing
        matches there, in the whole register."""
        for organisation in dict.fromkeys([self.organisation, *self._suggested_organisations]):
            if not organisation:
                continue
            page = self._search(text, organisation=organisation, theme=self._theme_used)
            if page.contacts:
                return PickerResult(page.contacts, self._corrected(page, f"Binnen {organisation}."), generation)
        page = self._search(text, organisation=None, theme=None)
        if not page.contacts:
            return PickerResult([], "Niets gevonden, ook niet in het hele register. Controleer de spelling.",
                                generation)
        where = f"Niets bij {self.organisation}; gezocht in het hele register." if self.organisation else ""
        return PickerResult(page.contacts, self._corrected(page, where), generation)

    def _search(self, text: str, *, organisation: str | None, theme: str | None) -> RegisterPage:
        return self.services.register.search(
            parse_query({"text": text, "organisation": organisation, "theme": theme,
                         "context_municipality": self.municipality_code, "limit": LIMIT}),
            today=self.today,
        )

    @staticmethod
    def _corrected(page: RegisterPage, scope: str) -> str:
        if page.corrected_text:
            return f"{scope} Gezocht op: {page.corrected_text}.".strip()
        return scope

    # -- showing -----------------------------------------------------------------------------------
    def _prompt(self, contact: RegisterContact) -> RenderableType:
        """Two lines: who (cut to fit) with the region and flag on the right; how to reach them (wrapped,
        indented) under it."""
        head = Table.grid(expand=True, padding=(0, 1))
        head.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        head.add_column(no_wrap=True, justify="right")
        right = Text(region_short(contact))
        if contact.is_unverified(self.today):
            right.append(f" · {NOT_VERIFIED}", style=self._warning)
        head.add_row(Text(contact.label, style="bold"), right)
        reach = [contact.display_phone]
        if contact.urgent_phone:
            reach.append(f"spoed {contact.display_urgent_phone}")
        reach.append(contact.email)
        return Group(head, Padding(Text(" · ".join(part for part in reach if part)), (0, 0, 0, 3)))

    def _show(self, result: PickerResult) -> None:
        if result.generation != self._generation:
            return  # a newer keystroke asked something else
        self.contacts = result.contacts
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(self._prompt(c), id=str(c.id)) for c in result.contacts])
        if result.contacts:
            options.highlighted = 0
        count = f"{len(result.contacts)} contact" + ("en" if len(result.contacts) != 1 else "")
        scope = result.scope if not result.contacts else f"{count}. {result.scope}".strip()
        self.query_one("#picker-scope", Static).update(scope)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # Worker messages do not bubble: hand the failure to the app's one error handler (Dutch, no traceback).
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            report = getattr(self.app, "report_error", None)
            if report is not None:
                report(event.worker.error)
            self.query_one("#picker-scope", Static).update("Zoeken lukte niet; probeer het opnieuw.")

    # -- events ------------------------------------------------------------------------------------
    @on(Input.Changed, "#picker-filter")
    def _typed(self, event: Input.Changed) -> None:
        self._find(event.value, self._next_generation(), TYPING_PAUSE)

    @on(Input.Submitted, "#picker-filter")
    def _submitted(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            options.action_select()

    def on_key(self, event: events.Key) -> None:
        field = self.query_one(Input)
        options = self.query_one(OptionList)
        if self.focused is options and event.is_printable and event.character and event.character != "/":
            # Typing on the list refines: the letter goes to the search field.
            event.stop()
            field.focus()
            field.insert_text_at_cursor(event.character)
        elif self.focused is options and event.key == "backspace" and field.value:
            event.stop()
            field.focus()
            field.action_delete_left()
        elif self.focused is field and event.key == "down":
            event.stop()
            options.focus()
            if options.option_count and options.highlighted is None:
                options.highlighted = 0
        elif self.focused is field and event.key in ("up", "pageup", "pagedown"):
            # The arrows move through the list while the cursor stays in the search field.
            event.stop()
            moves: dict[str, Callable[[], None]] = {
                "up": options.action_cursor_up,
                "pageup": options.action_page_up, "pagedown": options.action_page_down,
            }
            moves[event.key]()

    @on(OptionList.OptionSelected, "#picker-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        chosen = next((c for c in self.contacts if str(c.id) == event.option.id), None)
        if chosen is not None:
            self.dismiss(chosen)

    def action_focus_filter(self) -> None:
        self.query_one(Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
