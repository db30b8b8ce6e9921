"""Logboek: the whole audit trail (coordinators, beheer), filtered as you type, paged in SQL, and the
'keten controleren' action that verifies the hash chain.

Rows carry no old → new values; Enter on a case's row opens that case's history (where the service
decides whether the values may be shown).
"""

from __future__ import annotations

import time

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Select, Static
from textual.worker import Worker, WorkerState, get_current_worker

from domain.audit import KIND_LABELS, AuditKind, AuditPage, AuditQuery, AuditRecord, case_object
from storage.bootstrap import Services
from tui.render.audit_text import describe_action, describe_object, role_label
from tui.render.format import format_short_datetime
from tui.screens.base import DoorbraakScreen, format_count
from tui.widgets.quiet_footer import QuietFooter

PAGE_SIZE = 200
PREFETCH_ROWS = 20
TYPING_PAUSE = 0.25
OUTSIDE_CASELOAD = "buiten_caseload"
"""The kind filter's extra choice: only openings outside the caseload (break-glass)."""
COLUMNS = (("Tijd", 14), ("Gebruiker", 10), ("Rol", 12), ("Handeling", 11), ("Object", 17), ("Reden", 0))
WIDE = 110
"""From this width on the role gets its own column."""


def _cell(value: str) -> Text:
    return Text(value, no_wrap=True, overflow="ellipsis")


def columns_for(width: int) -> list[tuple[str, int]]:
    """Fixed widths, the reason takes the rest (each column has one space padding on both sides)."""
    chosen = [c for c in COLUMNS if c[0] != "Rol" or width >= WIDE]
    fixed = sum(w for _, w in chosen) + 2 * len(chosen) + 1  # + the scrollbar
    return [(label, w or max(10, width - fixed)) for label, w in chosen]


def record_cells(record: AuditRecord, labels: list[str]) -> list[Text]:
    event = record.event
    reason = ("BUITEN CASELOAD · " if event.break_glass else "") + event.purpose
    cells = {"Tijd": format_short_datetime(record.at), "Gebruiker": event.username,
             "Rol": role_label(event.role), "Handeling": describe_action(record),
             # A case number (or case/plan version) is recognisable on its own; other objects get their kind.
             "Object": event.object_id if case_object(event.object_type, event.object_id) else describe_object(record),
             "Reden": reason}
    return [_cell(cells[label]) for label in labels]


class AuditLogScreen(DoorbraakScreen[None]):
    """The Logboek section's first screen."""

    CSS_PATH = "audit.tcss"
    AUTO_FOCUS = "#audit-table"
    BINDINGS = [
        Binding("slash,ctrl+f", "focus_filter", "Zoeken", id="audit.filter",
                tooltip="Zoek op gebruiker, casusnummer of reden"),
        Binding("f", "kind_filter", "Soort", id="audit.kind", tooltip="Alleen één soort handeling"),
        Binding("k", "verify", "Keten controleren", id="audit.verify",
                tooltip="Controleer dat geen logregel is gewijzigd of verwijderd"),
        Binding("enter", "open", "Casuslog", id="audit.open", tooltip="Het logboek van deze casus, met wijzigingen"),
        Binding("f5,ctrl+r", "refresh", "Vernieuwen", id="audit.refresh", show=False,
                tooltip="Haal het logboek opnieuw op"),
        Binding("escape", "back", "Terug", id="audit.back", tooltip="Filter wissen; nog eens: naar de casussen"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.sub_title = "Logboek"
        self.records: list[AuditRecord] = []
        self.total = 0
        self._generation = 0
        self._loading_more = False
        self._columns: list[tuple[str, int]] = []

    def compose(self) -> ComposeResult:
        yield self.app_header()
        with Horizontal(id="audit-filter-bar"):
            yield Static("Zoek", id="audit-filter-label")
            yield Input(placeholder="gebruiker, casusnummer, reden…", id="audit-filter", compact=True,
                        max_length=100)
            yield Select([*((label, kind.value) for kind, label in KIND_LABELS.items()),
                          ("buiten caseload", OUTSIDE_CASELOAD)],
                         prompt="Alle handelingen", id="audit-kind", compact=True)
        table: DataTable[Text] = DataTable(id="audit-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="audit-status", markup=False)
        yield QuietFooter()

    def on_mount(self) -> None:
        self.query_one("#audit-table", DataTable).loading = True
        self.reload(debounce=0.0)

    def on_resize(self) -> None:
        self._layout(self.size.width)

    def _layout(self, width: int) -> None:
        """Columns sized to the terminal; rebuilt (with the loaded rows) when the width changes."""
        columns = columns_for(width)
        if columns == self._columns:
            return
        self._columns = columns
        table: DataTable[Text] = self.query_one("#audit-table", DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        for label, column_width in columns:
            table.add_column(label, key=label, width=column_width)
        self._add_rows(self.records, 0)
        if self.records:
            table.move_cursor(row=min(cursor, len(self.records) - 1))

    def _add_rows(self, records: list[AuditRecord], start: int) -> None:
        table: DataTable[Text] = self.query_one("#audit-table", DataTable)
        labels = [label for label, _ in self._columns]
        for index, record in enumerate(records, start=start):
            table.add_row(*record_cells(record, labels), key=str(index))

    # -- querying --------------------------------------------------------------------------------
    def current_query(self, before: int | None = None) -> AuditQuery:
        choice = self.query_one("#audit-kind", Select).value
        kind = AuditKind(choice) if isinstance(choice, str) and choice != OUTSIDE_CASELOAD else None
        return AuditQuery(text=self.query_one("#audit-filter", Input).value, kind=kind,
                          break_glass_only=choice == OUTSIDE_CASELOAD, before=before, limit=PAGE_SIZE)

    def reload(self, *, debounce: float = TYPING_PAUSE) -> None:
        self._generation += 1
        self._loading_more = False
        self._load(self.current_query(), self._generation, debounce)

    @work(thread=True, exclusive=True, group="audit-log", exit_on_error=False)
    def _load(self, query: AuditQuery, generation: int, debounce: float) -> None:
        worker = get_current_worker()
        if debounce:
            time.sleep(debounce)
            if worker.is_cancelled:
                return
        page = self.services.audit.log(query)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, page, generation, query.before is not None)

    def _show(self, page: AuditPage, generation: int, append: bool) -> None:
        self._loading_more = False
        if generation != self._generation:
            return
        table: DataTable[Text] = self.query_one("#audit-table", DataTable)
        table.loading = False
        if not append:
            table.clear()
            self.records = []
        start = len(self.records)
        self.records.extend(page.records)
        if not self._columns:
            self._layout(self.size.width)
        else:
            self._add_rows(page.records, start)
        self.total = page.total
        self._update_status()

    def _update_status(self) -> None:
        loaded = len(self.records)
        if not self.total:
            text = "Geen logregels gevonden met dit filter. Esc wist het filter."
        else:
            cursor = self.query_one("#audit-table", DataTable).cursor_row
            text = f"{format_count(min(cursor + 1, loaded))} van {format_count(self.total)} regels"
            if loaded < self.total:
                text += f" · {format_count(loaded)} geladen"
            record = self.selected_record()
            if record is not None and (record.event.break_glass or record.event.purpose):
                # The reason column is narrow in 80 columns: the highlighted row's reason in full here.
                text += " · BUITEN CASELOAD" if record.event.break_glass else ""
                text += f" · reden: {record.event.purpose}" if record.event.purpose else ""
            else:
                text += " · k: keten controleren"
        self.query_one("#audit-status", Static).update(text)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "audit-log" and event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self._loading_more = False
            self.query_one("#audit-table", DataTable).loading = False

    @on(Input.Changed, "#audit-filter")
    def _filter_changed(self) -> None:
        self.reload()

    @on(Input.Submitted, "#audit-filter")
    def _filter_submitted(self) -> None:
        self.query_one("#audit-table", DataTable).focus()

    @on(Select.Changed, "#audit-kind")
    def _kind_changed(self) -> None:
        self.reload(debounce=0.0)

    @on(DataTable.RowHighlighted, "#audit-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._update_status()
        near_end = event.cursor_row >= len(self.records) - PREFETCH_ROWS
        if near_end and not self._loading_more and len(self.records) < self.total:
            self._loading_more = True
            self._load(self.current_query(before=self.records[-1].sequence), self._generation, 0.0)

    @on(DataTable.RowSelected, "#audit-table")
    def _selected(self) -> None:
        self.action_open()

    # -- actions ---------------------------------------------------------------------------------
    def selected_record(self) -> AuditRecord | None:
        table = self.query_one("#audit-table", DataTable)
        if not self.records or not 0 <= table.cursor_row < len(self.records):
            return None
        return self.records[table.cursor_row]

    def action_open(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        case_number = case_object(record.event.object_type, record.event.object_id)
        if record.event.object_type == "audit" and record.event.object_id != "logboek":
            case_number = record.event.object_id  # someone looked at this case's log
        if case_number is None:
            self.notify("Deze regel gaat niet over een casus.", markup=False)
            return
        from tui.screens.case_audit import CaseAuditScreen

        self.app.push_screen(CaseAuditScreen(self.services, case_number))

    def action_focus_filter(self) -> None:
        self.query_one("#audit-filter", Input).focus()

    def action_kind_filter(self) -> None:
        select = self.query_one("#audit-kind", Select)
        select.focus()
        select.action_show_overlay()

    def action_refresh(self) -> None:
        self.reload(debounce=0.0)

    def action_back(self) -> None:
        table = self.query_one("#audit-table", DataTable)
        if not table.has_focus:
            table.focus()
            return
        if self.query_one("#audit-filter", Input).value or self.query_one("#audit-kind", Select).value != Select.NULL:
            self.query_one("#audit-filter", Input).value = ""
            self.query_one("#audit-kind", Select).clear()
            return
        self.leave()

    def action_verify(self) -> None:
        self.notify("Het logboek wordt gecontroleerd…", markup=False, timeout=3)
        self._verify()

    @work(thread=True, exclusive=True, group="audit-verify", exit_on_error=False)
    def _verify(self) -> None:
        problems = self.services.audit.verify()
        self.app.call_from_thread(self._verified, problems)

    def _verified(self, problems: list[str]) -> None:
        if not problems:
            self.notify("Geen enkele logregel is gewijzigd of verwijderd: de keten is intact.",
                        title="Logboek intact", markup=False, timeout=8)
            return
        from tui.screens.error_dialog import ErrorDialog

        shown = problems[:12]
        more = f"\n… en nog {len(problems) - len(shown)} problemen." if len(problems) > len(shown) else ""
        self.app.push_screen(ErrorDialog(
            "Logboek aangetast",
            "De hashketen van het logboek klopt niet. Meld dit aan de privacy- of securityfunctionaris.\n\n"
            + "\n".join(shown) + more,
        ))
