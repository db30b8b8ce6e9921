"""LMM-inbox: the national escalations the LMM/LET may see, pseudonymised (`domain.services.lmm`).

Only submitted LMM/LET-level escalations whose consent covers the LMM/LET today; no household name, case
number, BSN, address or birth date exists in anything this screen receives. Waiting ones first (oldest
submission first). `f` chooses the state (default: waiting), `m` the municipality; Enter opens the dossier
(tui/screens/lmm_dossier.py), where `s` records the LMM/LET's handling.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import DataTable, Select, Static

from domain.escalation import FINAL_STATES, INBOX_STATUSES, EscalationStatus
from domain.lmm import SUBMITTED_STATES, LmmDossierRow, LmmPage, LmmQuery
from storage.bootstrap import Services
from tui.render.format import format_date
from tui.screens.base import today
from tui.screens.casework_common import t
from tui.screens.workflow_list import WorkflowListScreen, list_bindings
from tui.widgets.row_table import Column, Row, RowTable

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


class LmmInboxScreen(
    WorkflowListScreen[LmmQuery, LmmPage], prefix="lmm", columns=COLUMNS,
    detail="tui.screens.lmm_dossier:LmmDossierScreen",
):
    """The LMM/LET's work queue; Enter opens a dossier."""

    PAGE_SIZE = 40
    MAX_RELOAD = 200

    CSS_PATH = ["casework.tcss", "lmm.tcss"]

    BINDINGS = [
        Binding("f", "state_filter", "Status", id="lmm_inbox.state", tooltip="Wachtend, één status, afgerond of alle"),
        Binding("m", "municipality_filter", "Gemeente", id="lmm_inbox.municipality",
                tooltip="Alleen de dossiers van één gemeente"),
        *list_bindings("lmm_inbox", back="Terug naar de start"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.sub_title = "LMM-inbox"
        self.rows: dict[str, LmmDossierRow] = {}
        self._last_page: LmmPage | None = None
        self._municipalities: list[tuple[str, str]] = []

    def filters(self) -> Iterable[Widget]:
        yield Select([(label, key) for key, (label, _) in STATE_CHOICES.items()], value=WAITING,
                     allow_blank=False, compact=True, id="lmm-state")
        yield Select([], prompt="Alle gemeenten", compact=True, id="lmm-municipality")

    def below_table(self) -> Iterable[Widget]:
        yield Static("", id="lmm-detail", classes="signal-detail", markup=False)

    # -- the list ------------------------------------------------------------------------------------
    def list_query(self, offset: int, limit: int) -> LmmQuery:
        state = self.query_one("#lmm-state", Select).value
        place = self.query_one("#lmm-municipality", Select).value
        statuses = STATE_CHOICES[state][1] if isinstance(state, str) else INBOX_STATUSES
        return LmmQuery(statuses=statuses, municipality_code=place if isinstance(place, str) else None,
                        offset=offset, limit=limit)

    def fetch(self, query: LmmQuery) -> LmmPage:
        return self.services.lmm.dossiers(query, today=today(self.services))

    def page_rows(self, page: LmmPage) -> list[Row]:
        long_wait = self.services.settings.worklist.escalation_wait_weeks * 7
        return [
            Row(str(r.escalation_id),
                [r.reference, r.municipality, r.status.label, format_date(r.submitted_on), time_cell(r),
                 t(r.composition or "—"), t(r.knelpunt or "(niet getoond)")],
                style="bold" if (r.waiting_days or 0) > long_wait else "")
            for r in page.rows
        ]

    def page_arrived(self, page: LmmPage, *, first: bool) -> None:
        rows = {str(r.escalation_id): r for r in page.rows}
        self.rows = rows if first else {**self.rows, **rows}
        self._last_page = page
        if first:
            self._update_municipalities(page)

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

    def update_status(self) -> None:
        page = self._last_page
        waiting = sum(n for s, n in page.status_counts.items() if s in INBOX_STATUSES) if page else 0
        self.show_flags(f"{waiting} wachtend" if waiting else "")
        if self.total == 0:
            text = "Geen dossiers met dit filter." if self._filtered() else "Geen landelijke dossiers om te tonen."
        else:
            text = self.counted(f"dossier{'s' if self.total != 1 else ''}")
        self.show_status(text + " · alleen met geldige toestemming · Enter opent")
        self._show_detail()

    def _filtered(self) -> bool:
        query = self.list_query(0, 1)
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

    def action_state_filter(self) -> None:
        self.open_filter("#lmm-state")

    def action_municipality_filter(self) -> None:
        self.open_filter("#lmm-municipality")

