"""Knelpunten: the register (no personal data), most recurring first; filter by text, category and status.

Enter edits, n adds, s moves the status on (gesignaleerd → geagendeerd → opgelost), m counts one more
occurrence, r opens the system-learning report, l hands the knelpunt to a ministry (interdepartementaal loket)
and o lists the loket's questions (tui/screens/loket.py).
"""

from __future__ import annotations

from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Select, Static
from textual.worker import Worker, WorkerState

from domain.knelpunt import (
    KNELPUNT_TRANSITIONS,
    Knelpunt,
    KnelpuntCategory,
    KnelpuntListRow,
    KnelpuntPage,
    KnelpuntQuery,
    KnelpuntStatus,
)
from domain.loket import LoketVraag
from domain.services.knelpunten import ChangeKnelpuntStatus, RecordOccurrence
from storage.bootstrap import Services
from tui.screens.base import format_count, today
from tui.screens.casework_common import t
from tui.screens.paged_list import PagedListScreen
from tui.widgets.quiet_footer import QuietFooter
from tui.widgets.row_table import Column, Row, RowTable

TYPING_PAUSE = 0.15

COLUMNS = [
    Column("id", "Nr.", width=6),
    Column("title", "Knelpunt", ratio=4),
    Column("category", "Categorie", width=14),
    Column("law", "Wet", ratio=2, wide_only=True),
    Column("organisation", "Organisatie", ratio=2, wide_only=True),
    Column("status", "Status", width=12),
    Column("count", "Gemeld", width=6, justify="right"),
    Column("escalations", "Esc.", width=4, justify="right"),
]


def knelpunt_row(r: KnelpuntListRow) -> Row:
    law = " ".join(p for p in (r.law, r.article) if p)
    return Row(str(r.id), [r.reference, t(r.title), r.category.label, t(law), t(r.organisation), r.status.label,
                           str(r.recurrence), str(r.linked_escalations)])


class KnelpuntenScreen(PagedListScreen[KnelpuntQuery, KnelpuntPage]):
    CSS_PATH = "casework.tcss"
    AUTO_FOCUS = "#knelpunt-table"

    BINDINGS = [
        Binding("n", "new", "Nieuw", id="knelpunten.new", tooltip="Een knelpunt toevoegen"),
        Binding("s", "change_status", "Status", id="knelpunten.status",
                tooltip="Gesignaleerd → geagendeerd → opgelost"),
        Binding("m", "occurred", "Opnieuw gemeld", id="knelpunten.again",
                tooltip="Het knelpunt deed zich weer voor: tel één melding op"),
        Binding("r", "report", "Rapport", id="knelpunten.report", tooltip="Systeemleren: tellingen en trend"),
        Binding("l", "ask_loket", "Loketvraag", id="knelpunten.loket",
                tooltip="Leg dit knelpunt met een vraag voor aan een ministerie (interdepartementaal loket)"),
        Binding("o", "loket", "Loketvragen", id="knelpunten.loket_list", show=False,
                tooltip="De vragen aan het interdepartementaal loket en hun status"),
        Binding("slash,ctrl+f", "focus_search", "Zoeken", id="knelpunten.search", show=False,
                tooltip="Zoek op titel, wet of organisatie"),
        Binding("f", "category_filter", "Categorie", id="knelpunten.category", show=False,
                tooltip="Alleen één categorie"),
        Binding("f5,ctrl+r", "refresh", "Vernieuwen", id="knelpunten.refresh", show=False,
                tooltip="Haal het register opnieuw op"),
        Binding("escape", "back", "Terug", id="knelpunten.back", tooltip="Terug"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.sub_title = "Knelpunten"
        self.titles: dict[str, str] = {}
        """The title of each knelpunt on screen, by row key (for the loket dialog, which opens at once)."""

    def compose(self) -> ComposeResult:
        yield self.app_header()
        with Horizontal(classes="filter-bar"):
            yield Input(placeholder="zoek (/)", id="knelpunt-search", compact=True, max_length=200, classes="-grow")
            yield Select([(c.label, c) for c in KnelpuntCategory], prompt="Alle categorieën", compact=True,
                         id="knelpunt-category")
            yield Select([(s.label, s) for s in KnelpuntStatus], prompt="Alle statussen", compact=True,
                         id="knelpunt-status")
        yield RowTable(COLUMNS, id="knelpunt-table")
        yield Static("", id="knelpunt-status-line", classes="status-line", markup=False)
        yield QuietFooter()

    # -- the list ------------------------------------------------------------------------------------
    def list_query(self, offset: int, limit: int) -> KnelpuntQuery:
        category = self.query_one("#knelpunt-category", Select).value
        status = self.query_one("#knelpunt-status", Select).value
        return KnelpuntQuery(
            text=self.query_one("#knelpunt-search", Input).value,
            category=category if isinstance(category, KnelpuntCategory) else None,
            status=status if isinstance(status, KnelpuntStatus) else None,
            offset=offset,
            limit=limit,
        )

    def fetch(self, query: KnelpuntQuery) -> KnelpuntPage:
        return self.services.knelpunten.list(query)

    def page_rows(self, page: KnelpuntPage) -> list[Row]:
        self.titles.update((str(r.id), r.title) for r in page.rows)
        return [knelpunt_row(r) for r in page.rows]

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "knelpunt-change" and event.state is WorkerState.ERROR:
            self.reload(keep=self.table.current_key)  # someone else changed it: show what is true now

    def update_status(self) -> None:
        if self.total == 0:
            text = "Geen knelpunten met dit filter." if self._filtered() else "Nog geen knelpunten. n voegt er een toe."
        else:
            text = f"{format_count(self.total)} knelpunt{'en' if self.total != 1 else ''} · vaakst gemeld eerst"
        self.query_one("#knelpunt-status-line", Static).update(text)

    def _filtered(self) -> bool:
        q = self.list_query(0, 1)
        return bool(q.text.strip() or q.category or q.status)

    # -- events -------------------------------------------------------------------------------------
    @on(Input.Changed, "#knelpunt-search")
    def _search_changed(self) -> None:
        self.reload(pause=TYPING_PAUSE)

    @on(Input.Submitted, "#knelpunt-search")
    def _search_submitted(self) -> None:
        self.query_one(RowTable).focus()

    @on(Select.Changed)
    def _filter_changed(self) -> None:
        self.reload()

    @on(DataTable.RowSelected, "#knelpunt-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self._open(int(event.row_key.value))

    # -- actions ------------------------------------------------------------------------------------
    def _current_id(self) -> int | None:
        key = self.query_one(RowTable).current_key
        return int(key) if key is not None else None

    @work(thread=True, exclusive=True, group="knelpunt-open", exit_on_error=False)
    def _open(self, knelpunt_id: int) -> None:
        knelpunt = self.services.knelpunten.get(knelpunt_id)
        self.app.call_from_thread(self._edit, knelpunt)

    def _edit(self, knelpunt: Knelpunt) -> None:
        from tui.screens.knelpunt_form import KnelpuntFormScreen

        self._stale = True
        self.app.push_screen(KnelpuntFormScreen(self.services, existing=knelpunt))

    def action_new(self) -> None:
        from tui.screens.knelpunt_form import KnelpuntFormScreen

        self._stale = True
        self.app.push_screen(KnelpuntFormScreen(self.services))

    def action_change_status(self) -> None:
        knelpunt_id = self._current_id()
        if knelpunt_id is not None:
            self._load_for_status(knelpunt_id)

    @work(thread=True, exclusive=True, group="knelpunt-open", exit_on_error=False)
    def _load_for_status(self, knelpunt_id: int) -> None:
        knelpunt = self.services.knelpunten.get(knelpunt_id)
        self.app.call_from_thread(self._ask_status, knelpunt)

    def _ask_status(self, knelpunt: Knelpunt) -> None:
        allowed = [s for s in KnelpuntStatus if s in KNELPUNT_TRANSITIONS[knelpunt.status]]
        if not allowed:
            self.notify(f"{knelpunt.reference} is opgelost; er is geen volgende stap.", markup=False)
            return
        from tui.screens.step_dialog import StepDialog

        assert knelpunt.id is not None
        kid, version = knelpunt.id, knelpunt.version

        def submit(value: str, on: date | None, note: str) -> Knelpunt:
            return self.services.knelpunten.change_status(
                ChangeKnelpuntStatus(kid, KnelpuntStatus(value), version, on=on or today(self.services))
            )

        def done(saved: Knelpunt | None) -> None:
            if saved is not None:
                self.notify(f"{saved.reference} is nu '{saved.status.label}'.", title="Opgeslagen", markup=False)
                self.reload(keep=str(saved.id))

        self.app.push_screen(StepDialog(self.services, title=f"Status · {knelpunt.reference}",
                                        current=knelpunt.status.label, choices=[(s.value, s.label) for s in allowed],
                                        submit=submit, today=today(self.services), with_note=False), done)

    def action_occurred(self) -> None:
        knelpunt_id = self._current_id()
        if knelpunt_id is not None:
            self._occurred(knelpunt_id)

    @work(thread=True, exclusive=True, group="knelpunt-change", exit_on_error=False)
    def _occurred(self, knelpunt_id: int) -> None:
        current = self.services.knelpunten.get(knelpunt_id)
        saved = self.services.knelpunten.record_occurrence(
            RecordOccurrence(knelpunt_id, current.version, on=today(self.services))
        )
        self.app.call_from_thread(self._counted, saved)

    def _counted(self, saved: Knelpunt) -> None:
        self.notify(f"{saved.reference} is nu {saved.recurrence} keer gemeld.", title="Opgeslagen", markup=False)
        self.reload(keep=str(saved.id))

    def action_ask_loket(self) -> None:
        knelpunt_id = self._current_id()
        if knelpunt_id is None:
            return
        from tui.screens.loket import LoketVraagDialog

        def done(saved: LoketVraag | None) -> None:
            if saved is not None:
                self.notify(f"Loketvraag {saved.reference} gesteld aan {saved.ministry_name}.", title="Opgeslagen",
                            markup=False)

        self.app.push_screen(LoketVraagDialog(self.services, knelpunt_id=knelpunt_id,
                                              knelpunt_title=self.titles.get(str(knelpunt_id), "")), done)

    def action_loket(self) -> None:
        from tui.screens.loket import LoketScreen

        self.app.push_screen(LoketScreen(self.services))

    def action_report(self) -> None:
        from tui.screens.knelpunten_report import KnelpuntenReportScreen

        self.app.push_screen(KnelpuntenReportScreen(self.services))

    def action_focus_search(self) -> None:
        self.query_one("#knelpunt-search", Input).focus()

    def action_category_filter(self) -> None:
        select = self.query_one("#knelpunt-category", Select)
        select.focus()
        select.action_show_overlay()

    def action_back(self) -> None:
        table = self.query_one(RowTable)
        if not table.has_focus:
            table.focus()
            return
        self.leave()
