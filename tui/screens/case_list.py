"""The start screen: all cases, filtered as you type, sorted by any column, paged in SQL."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Select, Static
from textual.worker import Worker, WorkerState, get_current_worker

from domain.caselist_rows import CaseListPage
from domain.household_kinds import CaseSort, HouseholdStatus
from tui.screens.base import DoorbraakScreen, format_count
from tui.starting import PAINT_TIME, starting
from tui.widgets.case_table import COLUMN_LABELS, COLUMNS, CaseTable
from tui.widgets.quiet_footer import QuietFooter

if TYPE_CHECKING:  # imported when first used: the fast start paints this screen before pydantic and the services
    from domain.caselist import CaseListQuery
    from domain.household import Household
    from storage.bootstrap import Services
    from tui.app import DoorbraakApp

PAGE_SIZE = 100
MAX_RELOAD = 1000
"""A refresh reloads the rows already shown, up to this many (the domain's largest page)."""
TYPING_PAUSE = 0.15
"""Seconds to wait after a keystroke before querying; a newer keystroke cancels the older query."""

SORT_ORDER = [key for key, _ in COLUMNS]
FOOTER_HOLD = 0.3
"""Seconds the footer waits for the first page at most (a slow database: it then shows the keys of the moment)."""


class CaseListScreen(DoorbraakScreen[None]):
    """Casussen: the list a professional starts the day with."""

    AUTO_FOCUS = "#case-table"

    BINDINGS = [
        Binding("slash,ctrl+f", "focus_filter", "Zoeken", id="case_list.filter", tooltip="Typ om te filteren"),
        Binding("n", "new_household", "Nieuw", id="case_list.new", tooltip="Nieuw huishouden aanmelden"),
        Binding("f", "status_filter", "Status", id="case_list.status", tooltip="Alleen casussen met één status"),
        Binding("s", "next_sort", "Sorteren", id="case_list.sort", show=False, tooltip="Sorteer op de volgende kolom"),
        Binding("r", "reverse_sort", "Omkeren", id="case_list.reverse", show=False,
                tooltip="Draai de sorteervolgorde om"),
        Binding("f5,ctrl+r", "refresh", "Vernieuwen", id="case_list.refresh", show=False,
                tooltip="Haal de lijst opnieuw op"),
        Binding("escape", "escape", "Filter wissen", id="case_list.clear", show=False,
                tooltip="Terug naar de lijst; nog eens: filter wissen"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.sub_title = "Casussen"
        self.sort = CaseSort.UPDATED_AT
        self.descending = True
        self.total = 0
        self.total_exact = True
        self._has_more = False
        self._generation = 0
        self._loading_more = False
        self._first_load_done = False
        self._query_lock = threading.Lock()
        self._stale = False
        self._last_opened: str | None = None
        self._put_off: list[Callable[[], None]] | None = None
        """The fast start (tui/starting.py): what waits for the services (a reload, opening a case); else None."""

    def compose(self) -> ComposeResult:
        yield self.app_header()
        with Horizontal(id="filter-bar"):
            yield Static("Zoek", id="filter-label")
            yield Input(
                placeholder="naam, casusnummer, gemeente, postcode…",
                id="case-filter",
                compact=True,
                max_length=200,
            )
            yield Select(
                [(status.label, status) for status in HouseholdStatus],
                prompt="Alle statussen",
                id="status-filter",
                compact=True,
            )
        yield CaseTable(id="case-table")
        yield Static("", id="case-list-status", markup=False)
        # Held until the first page is in: the table's keys (Enter: Openen) come with it, and building the
        # footer first without them and then again took ~9 ms of a ~95 ms start (issue 18).
        yield QuietFooter(hold=FOOTER_HOLD)

    def on_mount(self) -> None:
        table = self.query_one(CaseTable)
        table.set_sort(self.sort, self.descending)
        table.focus()
        start = starting(self.services)
        page = start.take_first_page() if start is not None else None
        if page is not None:  # the fast start: the page read before the services, for this very query
            self._put_off = []
            self.query_one(QuietFooter).release()  # the page is here: its keys are the final ones
            # After the first layout, when the table knows its width (else its columns are laid out twice).
            self.call_after_refresh(self._show_raw_page, page, self._generation)
            return
        table.loading = True
        self.reload(debounce=0.0)

    def services_ready(self) -> None:
        """The fast start's services are open: do what was put off meanwhile, in order (the app calls this)."""
        put_off, self._put_off = self._put_off, None
        for each in put_off or []:
            each()

    def _when_ready(self, action: Callable[[], None]) -> bool:
        """Put `action` off until the services are open (True), or False when they are."""
        if self._put_off is None:
            return False
        if action not in self._put_off:
            self._put_off.append(action)
        return True

    def on_screen_resume(self) -> None:
        # Back from a household: its name or status may have changed; keep the cursor on it.
        # (Not after the help or the command palette: nothing can have changed there.)
        if self._first_load_done and self._stale:
            self._stale = False
            self.reload(debounce=0.0, keep_case=self._last_opened or self.query_one(CaseTable).current_case)

    # -- querying --------------------------------------------------------------------------------
    @property
    def filter_text(self) -> str:
        return self.query_one("#case-filter", Input).value

    @property
    def status_filter(self) -> HouseholdStatus | None:
        value = self.query_one("#status-filter", Select).value
        return value if isinstance(value, HouseholdStatus) else None

    def current_query(self, offset: int = 0, limit: int | None = None) -> CaseListQuery:
        from domain.caselist import CaseListQuery

        return CaseListQuery(
            text=self.filter_text,
            status=self.status_filter,
            sort=self.sort,
            descending=self.descending,
            offset=offset,
            limit=limit or PAGE_SIZE,
        )

    def reload(self, *, debounce: float = TYPING_PAUSE, keep_case: str | None = None) -> None:
        """Fetch the first page for the current filter and sort (in a worker; the newest request wins).

        With `keep_case` (a refresh of the same list) as many rows as were loaded are fetched again, up
        to MAX_RELOAD, so the cursor can stay where the user was working.
        """
        self._generation += 1
        self._loading_more = False
        if self._when_ready(self._reload_put_off):  # once, with the filter and sort of that moment
            return
        limit = PAGE_SIZE
        if keep_case is not None:
            limit = min(MAX_RELOAD, max(PAGE_SIZE, len(self.query_one(CaseTable).case_rows)))
        self._load_first_page(self.current_query(limit=limit), self._generation, debounce, keep_case)

    def _reload_put_off(self) -> None:
        self.reload(debounce=0.0, keep_case=self.query_one(CaseTable).current_case)

    @work(thread=True, exclusive=True, group="case-list", exit_on_error=False)
    def _load_first_page(self, query: CaseListQuery, generation: int, debounce: float, keep_case: str | None) -> None:
        worker = get_current_worker()
        if debounce:
            time.sleep(debounce)
            if worker.is_cancelled:
                return
        # One list query at a time: a query that a newer keystroke made useless is skipped, not run
        # alongside the newer one (on a large database each query scans the search column).
        with self._query_lock:
            if worker.is_cancelled:
                return
            page = self.services.households.list(query)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_first_page, page, generation, keep_case)

    def _show_raw_page(self, page: CaseListPage, generation: int) -> None:
        """The fast start's page; after its paint the app opens the services (their imports take the CPU). Not at
        once: `call_after_refresh` comes before the frame is composed and written, which the worker's imports then
        delayed by 0.06 s (measured in a pseudo-terminal)."""
        self._show_first_page(page, generation, None)
        self.set_timer(PAINT_TIME, cast("DoorbraakApp", self.app).open_services)

    def _show_first_page(self, page: CaseListPage, generation: int, keep_case: str | None) -> None:
        if generation != self._generation:
            return  # an older answer arriving late
        table = self.query_one(CaseTable)
        table.loading = False
        # The footer does not notice on its own that the table's keys (Enter: Openen) are back after loading.
        self.refresh_bindings()
        self.query_one(QuietFooter).release()
        table.set_sort(self.sort, self.descending)
        table.replace_rows(page.rows, keep_case=keep_case)
        self._take_counts(page)
        self._first_load_done = True
        self._update_status()

    def load_next_page(self) -> None:
        table = self.query_one(CaseTable)
        if self._loading_more or not self._has_more or self._when_ready(self.load_next_page):
            return
        self._loading_more = True
        self._update_status()
        self._load_more(self.current_query(offset=len(table.case_rows)), self._generation)

    @work(thread=True, exclusive=True, group="case-list-more", exit_on_error=False)
    def _load_more(self, query: CaseListQuery, generation: int) -> None:
        page = self.services.households.list(query)
        self.app.call_from_thread(self._append_page, page, generation)

    def _append_page(self, page: CaseListPage, generation: int) -> None:
        self._loading_more = False
        if generation != self._generation:
            return
        self.query_one(CaseTable).append_rows(page.rows)
        self._take_counts(page)
        self._update_status()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # Failures are reported by the app (one place); here we only make sure paging can be retried.
        if event.worker.group == "case-list-more" and event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self._loading_more = False
            self._update_status()
        if event.worker.group == "case-list" and event.state is WorkerState.ERROR:
            self.query_one(CaseTable).loading = False

    def _take_counts(self, page: CaseListPage) -> None:
        self._has_more = page.has_more
        loaded = page.offset + len(page.rows)
        # Past the counting cap of a broad search the rows loaded so far are a lower bound; at the end, exact.
        self.total_exact = page.total_exact or not page.has_more
        self.total = page.total if page.total_exact else loaded if not page.has_more else max(page.total, loaded)

    def _update_status(self) -> None:
        table = self.query_one(CaseTable)
        loaded = len(table.case_rows)
        filtered = bool(self.filter_text.strip()) or self.status_filter is not None
        if self.total == 0:
            text = (
                "Geen casussen gevonden met dit filter. Esc wist het filter."
                if filtered
                else "Nog geen casussen. Druk op n om een huishouden aan te melden."
            )
        else:
            position = min(table.cursor_row + 1, loaded) if loaded else 0
            text = f"{format_count(position)} van {format_count(self.total)}{'' if self.total_exact else '+'}"
            if filtered:
                text += " gevonden"
            if self._has_more or loaded < self.total:
                text += f" · {format_count(loaded)} geladen"
            if self._loading_more:
                text += " · volgende rijen laden…"
        order = "aflopend" if self.descending else "oplopend"
        text += f" · sortering: {COLUMN_LABELS[self.sort].lower()} ({order})"
        self.query_one("#case-list-status", Static).update(text)

    # -- events ----------------------------------------------------------------------------------
    @on(Input.Changed, "#case-filter")
    def _filter_changed(self) -> None:
        self.reload()

    @on(Input.Submitted, "#case-filter")
    def _filter_submitted(self) -> None:
        self.query_one(CaseTable).focus()

    @on(Select.Changed, "#status-filter")
    def _status_changed(self) -> None:
        self.reload(debounce=0.0)

    @on(CaseTable.NearEnd)
    def _near_end(self) -> None:
        self.load_next_page()

    @on(DataTable.RowHighlighted, "#case-table")
    def _row_highlighted(self) -> None:
        self._update_status()

    @on(DataTable.RowSelected, "#case-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.open_case(event.row_key.value)

    @on(DataTable.HeaderSelected, "#case-table")
    def _header_selected(self, event: DataTable.HeaderSelected) -> None:
        key = CaseSort(str(event.column_key.value))
        if key is self.sort:
            self.descending = not self.descending
        else:
            self.sort = key
            self.descending = key is CaseSort.UPDATED_AT
        self.reload(debounce=0.0)

    def on_key(self, event: events.Key) -> None:
        # Down arrow from the filter goes to the list, as a person expects.
        if event.key == "down" and self.focused is self.query_one("#case-filter", Input):
            event.stop()
            self.query_one(CaseTable).focus()

    # -- actions ---------------------------------------------------------------------------------
    def open_case(self, case_number: str) -> None:
        if self._when_ready(partial(self.open_case, case_number)):  # a click: keys are held meanwhile
            return
        from tui.screens.household_detail import HouseholdDetailScreen

        self._stale = True
        self._last_opened = case_number
        self.app.push_screen(HouseholdDetailScreen(self.services, case_number))

    def action_focus_filter(self) -> None:
        self.query_one("#case-filter", Input).focus()

    def action_status_filter(self) -> None:
        select = self.query_one("#status-filter", Select)
        select.focus()
        select.action_show_overlay()

    def action_next_sort(self) -> None:
        self.sort = SORT_ORDER[(SORT_ORDER.index(self.sort) + 1) % len(SORT_ORDER)]
        self.descending = self.sort is CaseSort.UPDATED_AT  # newest first; names A→Z
        self.reload(debounce=0.0)

    def action_reverse_sort(self) -> None:
        self.descending = not self.descending
        self.reload(debounce=0.0)

    def action_refresh(self) -> None:
        self.reload(debounce=0.0, keep_case=self.query_one(CaseTable).current_case)

    def action_escape(self) -> None:
        table = self.query_one(CaseTable)
        if not table.has_focus:
            table.focus()
            return
        if self.filter_text or self.status_filter is not None:
            self.query_one("#case-filter", Input).value = ""
            self.query_one("#status-filter", Select).clear()
            self.reload(debounce=0.0)

    def action_new_household(self) -> None:
        if self._when_ready(self.action_new_household):
            return
        from tui.screens.household_form import HouseholdFormScreen

        def created(household: Household | None) -> None:
            if household is not None and household.case_number is not None:
                self.open_case(household.case_number)

        self._stale = True
        self.app.push_screen(HouseholdFormScreen(self.services, None), created)
