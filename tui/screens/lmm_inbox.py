"""LMM-inbox: the national escalations the LMM/LET may see, pseudonymised (`domain.services.lmm`).

Only submitted LMM/LET-level escalations whose consent covers the LMM/LET today; no household name, case
number, BSN, address or birth date exists in anything this screen receives. Waiting ones first (oldest
submission first). `f` chooses the state (default: waiting), `m` the municipality; Enter opens the dossier
(tui/screens/lmm_dossier.py), where `s` records the LMM/LET's handling.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Select, Static
from textual.worker import Worker, WorkerState

from domain.escalation import FINAL_STATES, INBOX_STATUSES, EscalationStatus
from domain.lmm import SUBMITTED_STATES, LmmDossierRow, LmmPage, LmmQuery
from domain.services.lmm import lmm_dossiers
from storage.bootstrap import Database
from tui.formatting import format_date
from tui.screens.base import DoorbraakScreen, format_count, today
from tui.screens.casework_common import t
from tui.widgets.row_table import Column, Row, RowTable

PAGE_SIZE = 40
"""Each page is one audit record naming its dossiers; 40 references fit in it."""

WAITING = "wachtend"
CLOSED = "afgerond"
ALL = "alle"
STATE_CHOICES: dict[str, tuple[str, frozenset[EscalationStatus] | None]] = {
    WAITING: ("Wachtend", INBOX_STATUSES),
    **{s.value: (s.label, frozenset({s})) for s in EscalationStatus if s in SUBMITTED_STATES},
    CLOSED: ("Afgerond (alle uitkomsten)", FINAL_STATES),
    ALL: ("Alle statussen", None),
}

COLUMNS = [
    Column("reference", "Kenmerk", width=17),
    Column("municipality", "Gemeente", ratio=1, min_width=15),
    Column("status", "Status", width=14),
    Column("submitted", "Ingediend", width=10),
    Column("time", "Wacht/duur", width=10, justify="right"),
    Column("composition", "Samenstelling", width=22, wide_only=True),
    Column("knelpunt", "Knelpunt", ratio=4, wide_only=True),
]


def time_cell(row: LmmDossierRow) -> str:
    if row.waiting_days is not None:
        return f"{row.waiting_days} d"
    if row.resolution_days is not None:
        return f"duur {row.resolution_days} d"
    return ""


def row_detail(row: LmmDossierRow) -> Text:
    """The highlighted dossier in two lines: what blocks, what is asked, who (composition)."""
    if row.withheld:
        return Text(f"{row.reference}: inhoud niet getoond. {row.withheld[0]}", style="italic")
    text = Text(f"{row.reference} · {row.composition}", style="bold")
    text.append(f"\nKnelpunt: {row.knelpunt or '—'} · Gevraagd: {row.requested_solution or '—'}", style="")
    return text


class LmmInboxScreen(DoorbraakScreen[None]):
    """The LMM/LET's work queue; Enter opens a dossier."""

    CSS_PATH = ["casework.tcss", "lmm.tcss"]
    AUTO_FOCUS = "#lmm-table"

    BINDINGS = [
        Binding("f", "state_filter", "Status", id="lmm_inbox.state", tooltip="Wachtend, één status, afgerond of alle"),
        Binding("m", "municipality_filter", "Gemeente", id="lmm_inbox.municipality",
                tooltip="Alleen de dossiers van één gemeente"),
        Binding("f5,ctrl+r", "refresh", "Vernieuwen", id="lmm_inbox.refresh", show=False,
                tooltip="Haal de lijst opnieuw op"),
        Binding("escape", "back", "Terug", id="lmm_inbox.back", tooltip="Terug naar de start"),
    ]

    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self.sub_title = "LMM-inbox"
        self.total = 0
        self.rows: dict[str, LmmDossierRow] = {}
        self._stale = False
        self._loading_more = False
        self._municipalities: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        yield self.app_header()
        with Horizontal(classes="filter-bar"):
            yield Select([(label, key) for key, (label, _) in STATE_CHOICES.items()], value=WAITING,
                         allow_blank=False, compact=True, id="lmm-state")
            yield Select([], prompt="Alle gemeenten", compact=True, id="lmm-municipality")
            yield Static("", id="lmm-flags", classes="filter-flags", markup=False)
        yield RowTable(COLUMNS, id="lmm-table")
        yield Static("", id="lmm-detail", classes="signal-detail", markup=False)
        yield Static("", id="lmm-status-line", classes="status-line", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(RowTable).loading = True
        self.reload()

    def on_screen_resume(self) -> None:
        if self._stale:  # the dossier may have been handled in the meantime
            self._stale = False
            self.reload(keep=self.query_one(RowTable).current_key)

    # -- querying -----------------------------------------------------------------------------------
    def current_query(self, offset: int = 0, limit: int = PAGE_SIZE) -> LmmQuery:
        state = self.query_one("#lmm-state", Select).value
        place = self.query_one("#lmm-municipality", Select).value
        statuses = STATE_CHOICES[state][1] if isinstance(state, str) else INBOX_STATUSES
        return LmmQuery(statuses=statuses, municipality_code=place if isinstance(place, str) else None,
                        offset=offset, limit=limit)

    def reload(self, *, keep: str | None = None) -> None:
        self._loading_more = False
        loaded = len(self.query_one(RowTable).keys)
        self._load(self.current_query(limit=min(200, max(PAGE_SIZE, loaded)) if keep else PAGE_SIZE), keep)

    @work(thread=True, exclusive=True, group="lmm-list", exit_on_error=False)
    def _load(self, query: LmmQuery, keep: str | None) -> None:
        page = lmm_dossiers(query, self.db.uow(), self.db.actor, today=today(self.db))
        self.app.call_from_thread(self._show, page, keep)

    def _rows(self, page: LmmPage) -> list[Row]:
        long_wait = self.db.settings.worklist.escalation_wait_weeks * 7
        return [
            Row(str(r.escalation_id),
                [r.reference, r.municipality, r.status.label, format_date(r.submitted_on), time_cell(r),
                 t(r.composition or "—"), t(r.knelpunt or "(niet getoond)")],
                style="bold" if (r.waiting_days or 0) > long_wait else "")
            for r in page.rows
        ]

    def _show(self, page: LmmPage, keep: str | None) -> None:
        self.rows = {str(r.escalation_id): r for r in page.rows}
        table = self.query_one(RowTable)
        table.loading = False
        table.set_rows(self._rows(page), keep_key=keep)
        self.total = page.total
        self._update_municipalities(page)
        self._update_status(page)
        self._show_detail()

    def _update_municipalities(self, page: LmmPage) -> None:
        options = [(f"{m.name} ({m.count})", m.code) for m in page.municipalities]
        select = self.query_one("#lmm-municipality", Select)
        chosen = select.value
        if options == self._municipalities:
            return
        self._municipalities = options
        with select.prevent(Select.Changed):
            select.set_options(options)
            if isinstance(chosen, str) and chosen in {code for _, code in options}:
                select.value = chosen

    @on(RowTable.NearEnd)
    def _near_end(self) -> None:
        if self._loading_more or len(self.query_one(RowTable).keys) >= self.total:
            return
        self._loading_more = True
        self._load_more(self.current_query(offset=len(self.query_one(RowTable).keys)))

    @work(thread=True, exclusive=True, group="lmm-more", exit_on_error=False)
    def _load_more(self, query: LmmQuery) -> None:
        page = lmm_dossiers(query, self.db.uow(), self.db.actor, today=today(self.db))
        self.app.call_from_thread(self._append, page)

    def _append(self, page: LmmPage) -> None:
        self._loading_more = False
        self.rows.update({str(r.escalation_id): r for r in page.rows})
        self.query_one(RowTable).append_rows(self._rows(page))
        self._update_status(page)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            self.query_one(RowTable).loading = False
            self._loading_more = False

    def _update_status(self, page: LmmPage) -> None:
        waiting = sum(n for s, n in page.status_counts.items() if s in INBOX_STATUSES)
        self.query_one("#lmm-flags", Static).update(f"{waiting} wachtend" if waiting else "")
        if self.total == 0:
            text = "Geen dossiers met dit filter." if self._filtered() else "Geen landelijke dossiers om te tonen."
        else:
            text = f"{format_count(self.total)} dossier{'s' if self.total != 1 else ''}"
            shown = len(self.query_one(RowTable).keys)
            if shown < self.total:
                text += f" · {format_count(shown)} geladen"
        text += " · alleen met geldige toestemming · Enter opent"
        self.query_one("#lmm-status-line", Static).update(text)

    def _filtered(self) -> bool:
        query = self.current_query()
        return query.municipality_code is not None or query.statuses is not None

    @property
    def current(self) -> LmmDossierRow | None:
        key = self.query_one(RowTable).current_key
        return self.rows.get(key) if key else None

    def _show_detail(self) -> None:
        current = self.current
        self.query_one("#lmm-detail", Static).update(row_detail(current) if current else "")

    # -- events and actions ---------------------------------------------------------------------------
    @on(Select.Changed, "#lmm-state")
    @on(Select.Changed, "#lmm-municipality")
    def _filter_changed(self) -> None:
        self.reload()
        self.query_one(RowTable).focus()

    @on(DataTable.RowHighlighted, "#lmm-table")
    def _highlighted(self) -> None:
        self._show_detail()

    @on(DataTable.RowSelected, "#lmm-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.open_dossier(int(event.row_key.value))

    def open_dossier(self, escalation_id: int) -> None:
        from tui.screens.lmm_dossier import LmmDossierScreen

        self._stale = True
        self.app.push_screen(LmmDossierScreen(self.db, escalation_id))

    def action_state_filter(self) -> None:
        select = self.query_one("#lmm-state", Select)
        select.focus()
        select.action_show_overlay()

    def action_municipality_filter(self) -> None:
        select = self.query_one("#lmm-municipality", Select)
        select.focus()
        select.action_show_overlay()

    def action_refresh(self) -> None:
        self.reload(keep=self.query_one(RowTable).current_key)

    def action_back(self) -> None:
        table = self.query_one(RowTable)
        if not table.has_focus:
            table.focus()
            return
        self.leave()

