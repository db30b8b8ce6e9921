"""Maatwerkregister: who to call at UWV, SVB, DUO, CAK, CJIB, Toeslagen or a gemeente, found as you type.

The search runs in an exclusive thread worker after a short typing pause, so typing never waits for the
database: every keystroke cancels the query it made useless, and an answer that arrives after a newer one
was asked for is dropped (`_generation`). Filters (organisation, gemeente, theme) are chosen in a dialog by
typing part of a name. The detail pane under the list shows everything of the contact under the cursor;
Enter shows it on the whole screen (in 80×24 it would otherwise scroll).
"""

from __future__ import annotations

import threading
import time

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Input, Static
from textual.worker import Worker, WorkerState, get_current_worker

from domain import reference
from domain.access import Permission, has
from domain.register import RegisterContact, RegisterPage, parse_query
from domain.services.register import theme_choices
from storage.bootstrap import Services
from tui.render.format import format_date
from tui.screens.base import DoorbraakScreen, format_count, today
from tui.screens.choice_dialog import ALL, ChoiceDialog
from tui.widgets.contact_detail import ContactDetail
from tui.widgets.contact_table import ContactTable
from tui.widgets.form_values import FormValues
from tui.widgets.quiet_footer import QuietFooter

PAGE_SIZE = 50
TYPING_PAUSE = 0.12
"""Seconds to wait after a keystroke before querying; a newer keystroke cancels the older query."""
FILTER_LABEL_MAX = 20


def _short(text: str, width: int = FILTER_LABEL_MAX) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class RegisterScreen(DoorbraakScreen[None]):
    """Het Landelijk Maatwerkregister: zoeken, filteren, gegevens bekijken en kopiëren."""

    CSS_PATH = "register.tcss"
    AUTO_FOCUS = "#register-table"

    BINDINGS = [
        Binding("slash,ctrl+f", "focus_search", "Zoeken", id="register.search",
                tooltip="Typ een organisatie, team, naam, gemeente of thema (tikfouten en accenten mogen)"),
        Binding("c", "copy('phone')", "Telefoon", id="register.copy_phone",
                tooltip="Kopieer het telefoonnummer van het gekozen contact"),
        Binding("e", "copy('email')", "E-mail", id="register.copy_email",
                tooltip="Kopieer het e-mailadres van het gekozen contact"),
        Binding("s", "copy('urgent')", "Spoedlijn kopiëren", id="register.copy_urgent", show=False,
                tooltip="Kopieer het nummer van de spoedlijn"),
        Binding("o", "filter('organisation')", "Organisatie", id="register.organisation", show=False,
                tooltip="Alleen contacten van één organisatie"),
        Binding("m", "filter('municipality')", "Gemeente", id="register.municipality", show=False,
                tooltip="Alleen contacten voor één gemeente (en landelijke); die van de gemeente eerst"),
        Binding("t", "filter('theme')", "Thema", id="register.theme", show=False,
                tooltip="Alleen contacten voor één thema"),
        Binding("v", "verify", "Vandaag geverifieerd", id="register.verify", show=False,
                tooltip="Leg vast dat u de gegevens van dit contact vandaag hebt gecontroleerd (beheer)"),
        Binding("f5,ctrl+r", "refresh", "Vernieuwen", id="register.refresh", show=False,
                tooltip="Zoek opnieuw"),
        Binding("escape", "back", "Terug", id="register.back", show=False,
                tooltip="Terug naar de lijst; daarna zoekopdracht en filters wissen; daarna naar de casussen"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.sub_title = "Maatwerkregister"
        self.today = today(services)
        self.organisation = ALL
        self.municipality = ALL
        self.theme = ALL
        self.total: int | None = None
        self.page: RegisterPage | None = None
        self._generation = 0
        self._loading_more = False
        self._query_lock = threading.Lock()
        self._organisations: list[tuple[str, str]] | None = None
        self._can_manage = has(self.services.actor, Permission.MANAGE_REGISTER)

    def compose(self) -> ComposeResult:
        yield self.app_header()
        with Horizontal(id="register-search-bar"):
            yield Static("Zoek", id="register-search-label")
            yield Input(placeholder="organisatie, team, naam, gemeente, thema…", id="register-search",
                        compact=True, max_length=200)
        with Horizontal(id="register-filters"):
            yield Button("", id="filter-organisation", compact=True)
            yield Button("", id="filter-municipality", compact=True)
            yield Button("", id="filter-theme", compact=True)
        yield ContactTable(id="register-table")
        yield Static("", id="register-status", markup=False)
        yield ContactDetail(id="register-detail")
        yield Static("Esc: terug naar de lijst · c telefoon en e e-mail kopiëren", id="register-detail-hint",
                     markup=False)
        yield QuietFooter()

    def on_mount(self) -> None:
        self._show_filters()
        self.query_one(ContactTable).loading = True
        self._count()
        self.reload(debounce=0.0)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.height < 30, "-short")

    # -- querying ----------------------------------------------------------------------------------
    @property
    def search_text(self) -> str:
        return self.query_one("#register-search", Input).value

    @property
    def filtered(self) -> bool:
        return bool(self.search_text.strip() or self.organisation or self.municipality or self.theme)

    def current_query(self, offset: int = 0) -> FormValues:
        return {
            "text": self.search_text,
            "organisation": self.organisation or None,
            "municipality_code": self.municipality or None,
            "theme": self.theme or None,
            "offset": offset,
            "limit": PAGE_SIZE,
        }

    def reload(self, *, debounce: float = TYPING_PAUSE, keep_id: int | None = None) -> None:
        """Search again for the current text and filters (in a worker; the newest request wins)."""
        self._generation += 1
        self._loading_more = False
        self._search(self.current_query(), self._generation, debounce, keep_id)

    @work(thread=True, exclusive=True, group="register-search", exit_on_error=False)
    def _search(self, query: FormValues, generation: int, debounce: float, keep_id: int | None) -> None:
        worker = get_current_worker()
        if debounce:
            time.sleep(debounce)
            if worker.is_cancelled:
                return
        # One query at a time: one that a newer keystroke made useless is skipped, not run alongside it.
        with self._query_lock:
            if worker.is_cancelled:
                return
            page = self.services.register.search(parse_query(query), today=self.today)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_page, page, generation, keep_id)

    def _show_page(self, page: RegisterPage, generation: int, keep_id: int | None) -> None:
        if generation != self._generation:
            return  # an older answer arriving late
        self.page = page
        table = self.query_one(ContactTable)
        table.loading = False
        table.replace_contacts(page.contacts, self.today, keep_id=keep_id)
        self._update_status()

    @work(thread=True, exclusive=True, group="register-count", exit_on_error=False)
    def _count(self) -> None:
        total = self.services.register.count()
        self.app.call_from_thread(self._show_total, total)

    def _show_total(self, total: int) -> None:
        self.total = total
        self._update_status()

    def load_next_page(self) -> None:
        table = self.query_one(ContactTable)
        if self._loading_more or self.page is None or not self.page.has_more:
            return
        self._loading_more = True
        self._load_more(self.current_query(offset=len(table.contacts)), self._generation)

    @work(thread=True, exclusive=True, group="register-more", exit_on_error=False)
    def _load_more(self, query: FormValues, generation: int) -> None:
        page = self.services.register.search(parse_query(query), today=self.today)
        self.app.call_from_thread(self._append_page, page, generation)

    def _append_page(self, page: RegisterPage, generation: int) -> None:
        self._loading_more = False
        if generation != self._generation or self.page is None:
            return
        self.page = RegisterPage(
            contacts=[*self.page.contacts, *page.contacts], offset=0, limit=self.page.limit + page.limit,
            has_more=page.has_more, corrected_text=self.page.corrected_text, terms=self.page.terms,
            broad=self.page.broad,
        )
        self.query_one(ContactTable).append_contacts(page.contacts)
        self._update_status()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # Failures are reported by the app (one place); here only the screen's own state is reset.
        if event.state not in (WorkerState.ERROR, WorkerState.CANCELLED):
            return
        if event.worker.group == "register-more":
            self._loading_more = False
        if event.worker.group == "register-search" and event.state is WorkerState.ERROR:
            self.query_one(ContactTable).loading = False

    # -- showing -------------------------------------------------------------------------------------
    def _update_status(self) -> None:
        table = self.query_one(ContactTable)
        page = self.page
        if page is None:
            return
        shown = len(table.contacts)
        more = "+" if page.has_more else ""
        if not shown:
            text = ("Niets gevonden. Controleer de spelling, of wis zoektekst en filters met Esc."
                    if self.filtered else "Het register is nog leeg (importeer met 'doorbraak register import').")
        else:
            position = min(table.cursor_row + 1, shown)
            text = f"{position} van {format_count(shown)}{more}"
            if self.filtered:
                text += " gevonden"
            elif self.total is not None:
                text = f"{position} van {format_count(self.total)} contacten"
        if page.corrected_text:
            text += f" · niets voor wat u typte, gezocht op: {page.corrected_text}"
        if page.broad:
            text += " · veel treffers: typ verder om te verfijnen"
        self.query_one("#register-status", Static).update(text)

    def _show_filters(self) -> None:
        names = reference.municipalities()
        labels = {
            "organisation": ("o", "Organisatie", self.organisation),
            "municipality": ("m", "Gemeente", names.get(self.municipality, self.municipality)),
            "theme": ("t", "Thema", theme_choices().get(self.theme, self.theme)),
        }
        for kind, (key, what, value) in labels.items():
            label = Text(f"{key} ", style="bold")
            label.append(f"{what}: ")
            label.append(_short(value) if value else "alle", style="bold" if value else "italic")
            button = self.query_one(f"#filter-{kind}", Button)
            button.label = label
            button.set_class(bool(value), "-set")

    @on(ContactTable.ContactHighlighted)
    def _highlighted(self, event: ContactTable.ContactHighlighted) -> None:
        empty = "Geen contact gekozen." if event.contact is None else ""
        self.query_one(ContactDetail).show(event.contact, self.today, empty=empty, can_verify=self._can_manage)
        self._update_status()

    # -- events --------------------------------------------------------------------------------------
    @on(Input.Changed, "#register-search")
    def _typed(self) -> None:
        self.reload()

    @on(Input.Submitted, "#register-search")
    def _submitted(self) -> None:
        self.query_one(ContactTable).focus()

    @on(ContactTable.NearEnd)
    def _near_end(self) -> None:
        self.load_next_page()

    @on(DataTable.RowSelected, "#register-table")
    def _row_selected(self) -> None:
        if self.query_one(ContactTable).current is not None:
            self.set_class(True, "-detail-only")
            self.query_one(ContactDetail).focus()

    @on(Button.Pressed, "#register-filters Button")
    def _filter_pressed(self, event: Button.Pressed) -> None:
        assert event.button.id is not None
        self.action_filter(event.button.id.removeprefix("filter-"))

    def on_key(self, event: events.Key) -> None:
        # Down from the search field goes to the list, as a person expects.
        if event.key == "down" and self.focused is self.query_one("#register-search", Input):
            event.stop()
            self.query_one(ContactTable).focus()

    # -- actions -------------------------------------------------------------------------------------
    def action_focus_search(self) -> None:
        self.set_class(False, "-detail-only")
        self.query_one("#register-search", Input).focus()

    def action_back(self) -> None:
        table = self.query_one(ContactTable)
        if self.has_class("-detail-only"):
            self.set_class(False, "-detail-only")
            table.focus()
        elif not table.has_focus:
            table.focus()
        elif self.filtered:
            self.query_one("#register-search", Input).value = ""
            self.organisation = self.municipality = self.theme = ALL
            self._show_filters()
            self.reload(debounce=0.0)
        else:
            self.leave()

    def action_refresh(self) -> None:
        self._organisations = None  # an import may have added organisations
        current = self.query_one(ContactTable).current
        self._count()
        self.reload(debounce=0.0, keep_id=current.id if current else None)

    def _selected(self) -> RegisterContact | None:
        contact = self.query_one(ContactTable).current
        if contact is None:
            self.notify("Kies eerst een contact in de lijst.", title="Geen contact", severity="warning",
                        markup=False)
        return contact

    def action_copy(self, what: str) -> None:
        contact = self._selected()
        if contact is None:
            return
        values = {
            "phone": ("Telefoonnummer", contact.display_phone),
            "urgent": ("Spoedlijn", contact.display_urgent_phone),
            "email": ("E-mailadres", contact.email),
        }
        name, value = values[what]
        who = " – ".join(part for part in (contact.organisation, contact.team or contact.role) if part)
        if not value:
            self.notify(f"{who} heeft geen {name.lower()}.", title="Niets gekopieerd", severity="warning",
                        markup=False)
            return
        self.app.copy_to_clipboard(value)
        self.notify(f"{name} {value} van {who}", title="Gekopieerd naar het klembord", markup=False)

    # -- filters -------------------------------------------------------------------------------------
    def action_filter(self, kind: str) -> None:
        self.set_class(False, "-detail-only")
        if kind == "organisation":
            if self._organisations is None:
                self._load_organisations()
                return
            self._choose(kind, "Organisatie", "Alle organisaties", self._organisations, self.organisation)
        elif kind == "municipality":
            choices = [(f"{name} ({code})", code) for code, name in
                       sorted(reference.municipalities().items(), key=lambda item: item[1])]
            self._choose(kind, "Gemeente", "Alle gemeenten", choices, self.municipality)
        else:
            choices = [(label, code) for code, label in theme_choices().items()]
            self._choose(kind, "Thema", "Alle thema's", choices, self.theme)

    @work(thread=True, exclusive=True, group="register-organisations", exit_on_error=False)
    def _load_organisations(self) -> None:
        summaries = self.services.register.organisations()
        choices = [(f"{s.organisation} ({s.contacts})", s.organisation) for s in summaries]
        self.app.call_from_thread(self._organisations_loaded, choices)

    def _organisations_loaded(self, choices: list[tuple[str, str]]) -> None:
        self._organisations = choices
        if self.app.screen is self:  # not when `o` was pressed twice, or the user went elsewhere meanwhile
            self.action_filter("organisation")

    def _choose(self, kind: str, title: str, all_label: str, choices: list[tuple[str, str]], current: str) -> None:
        def chosen(value: str | None) -> None:
            if value is None:
                return
            setattr(self, kind, value)
            self._show_filters()
            self.reload(debounce=0.0)
            self.query_one(ContactTable).focus()

        self.app.push_screen(ChoiceDialog(title, all_label, choices, current=current), chosen)

    # -- beheer --------------------------------------------------------------------------------------
    def action_verify(self) -> None:
        from tui.screens.confirm_dialog import ConfirmDialog

        contact = self._selected()
        if contact is None:
            return
        if not self._can_manage:
            # The service refuses too; say it here without a round trip.
            self.notify(
                f"Met de rol {self.services.actor.role.label} mag u het register niet bijwerken; vraag de beheerder "
                "of coördinator om dit contact te verifiëren.",
                title="Geen toegang", severity="error", markup=False,
            )
            return
        question = (f"Heeft u de gegevens van {contact.label} vandaag gecontroleerd? Dan wordt "
                    f"'laatst geverifieerd' {format_date(self.today)}.")

        def answered(yes: bool | None) -> None:
            if yes:
                self._verify(contact)

        self.app.push_screen(ConfirmDialog("Vandaag geverifieerd?", question, yes="Geverifieerd"), answered)

    @work(thread=True, exclusive=True, group="register-verify", exit_on_error=False)
    def _verify(self, contact: RegisterContact) -> None:
        assert contact.id is not None
        saved = self.services.register.mark_verified(contact.id, contact.version, today=self.today)
        self.app.call_from_thread(self._verified, saved)

    def _verified(self, contact: RegisterContact) -> None:
        self.query_one(ContactTable).update_contact(contact)
        self.notify(f"{contact.label} is vandaag geverifieerd ({format_date(self.today)}).", title="Opgeslagen",
                    markup=False)

