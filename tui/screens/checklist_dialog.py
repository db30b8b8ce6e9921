"""The big-5 checklist of one member turning 18 (docs/people.md): tick items off with the keyboard.

Space: geregeld (again: open), n: niet van toepassing, o: weer open; Esc closes. Every change is saved at once
through `services.people.tick` (audited) and the list shows what the database holds afterwards.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static
from textual.worker import Worker, WorkerState

from domain.people import ChecklistItem, ChecklistOutcome
from domain.services.people import People, Person, TickChecklist
from storage.bootstrap import Services
from tui.render.format import format_date
from tui.screens.base import CaseReasons, today
from tui.widgets.quiet_footer import QuietFooter

if TYPE_CHECKING:
    from tui.app import DoorbraakApp


def checklist_rows(person: Person) -> list[tuple[str, str, str, str]]:
    """(status, item, big 5, when/note) per item, in the checklist's order."""
    rows = []
    for item in ChecklistItem:
        tick = person.ticks.get(item)
        if tick is None:
            rows.append(("[ ] open", item.label, item.big5.label, ""))
        else:
            mark = "[x] geregeld" if tick.outcome is ChecklistOutcome.GEDAAN else "[-] n.v.t."
            rows.append((mark, item.label, item.big5.label,
                         " · ".join(p for p in (format_date(tick.done_on), tick.by_name, tick.note) if p)))
    return rows


class ChecklistDialog(CaseReasons, ModalScreen[bool]):
    """Returns True when something was changed (the caller reloads)."""

    CSS_PATH = "casework.tcss"
    BINDINGS = [
        Binding("space", "tick", "Geregeld", id="checklist.tick", tooltip="Afvinken als geregeld (nog eens: open)"),
        Binding("n", "not_applicable", "N.v.t.", id="checklist.nvt", tooltip="Punt is niet van toepassing"),
        Binding("o", "reopen", "Weer open", id="checklist.reopen", tooltip="Punt weer openzetten"),
        Binding("escape", "close", "Sluiten", id="checklist.close", tooltip="Terug"),
    ]

    def __init__(self, services: Services, case_number: str, member_id: int) -> None:
        super().__init__()
        self.services = services
        self.case_number = case_number
        self.member_id = member_id
        self.person: Person | None = None
        self.changed = False
        # Saves go to the database one at a time, in the order the keys came: on a slow machine a second Space
        # arrives before the first save is back, and must toggle what the first asked for, not what was shown.
        self._queued: list[tuple[ChecklistItem, ChecklistOutcome | None]] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="checklist-dialog") as dialog:
            dialog.border_title = "Checklist 18 jaar"
            yield Static("", id="checklist-who", markup=False)
            table: DataTable[Any] = DataTable(id="checklist-table", cursor_type="row", zebra_stripes=False)
            yield table
            yield Static("", id="checklist-hint", classes="dialog-hint", markup=False)
            yield Label("Spatie geregeld · n n.v.t. · o weer open · Esc sluit", classes="dialog-hint")
        yield QuietFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Status", "Punt", "Big 5", "Wanneer")
        table.focus()
        self.run_for_case(lambda purpose: self.services.people.of(self.case_number, today=today(self.services),
                                                                    purpose=purpose),
                          self.show_people, group="checklist", case_number=self.case_number,
                          cancelled=self._unopened)

    def _unopened(self) -> None:
        self.dismiss(False)

    def show_people(self, people: People) -> None:
        person = people.person(self.member_id)
        self.person = person
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for status, label, big5, when in checklist_rows(person):
            table.add_row(Text(status, style="bold" if status.startswith("[ ]") else ""), Text(label), Text(big5),
                          Text(when), key=label)
        table.move_cursor(row=min(row, len(ChecklistItem) - 1))
        window = person.checklist
        birthday = f" · 18 op {format_date(window.birthday)}" if window is not None else ""
        open_count = len(person.checklist_open)
        self.query_one("#checklist-who", Static).update(
            f"{person.member.name} ({person.age} jaar){birthday} · {open_count} van {len(ChecklistItem)} open"
        )
        self._show_hint()

    def _current_item(self) -> ChecklistItem | None:
        table = self.query_one(DataTable)
        if self.person is None or table.row_count == 0:
            return None
        return list(ChecklistItem)[table.cursor_row]

    def _show_hint(self) -> None:
        item = self._current_item()
        self.query_one("#checklist-hint", Static).update(item.hint if item else "")

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._show_hint()

    def _save(self, outcome: ChecklistOutcome | None) -> None:
        item = self._current_item()
        if item is None:
            return
        self._queued.append((item, outcome))
        if len(self._queued) == 1:
            self._send_first()

    def _send_first(self) -> None:
        item, outcome = self._queued[0]

        def command(purpose: str) -> TickChecklist:
            return TickChecklist(self.case_number, self.member_id, item, outcome, purpose=purpose)

        def saved(people: People) -> None:
            self.changed = True
            self._queued.pop(0)
            self.show_people(people)
            what = "weer open" if outcome is None else outcome.label.lower()
            self.notify(f"{item.label}: {what}.", title="Opgeslagen", markup=False)
            if self._queued:
                self._send_first()

        self.run_for_case(lambda purpose: self.services.people.tick(command(purpose), today=today(self.services)),
                          saved, group="checklist-save", case_number=self.case_number, cancelled=self._forget_queued)

    def _forget_queued(self) -> None:
        """A save that failed or was not allowed: what was asked after it is not sent either."""
        self._queued.clear()

    def _outcome_now(self, item: ChecklistItem) -> ChecklistOutcome | None:
        """What the item will be once the saves on their way are done (what is shown, if none is)."""
        for queued, outcome in reversed(self._queued):
            if queued is item:
                return outcome
        tick = self.person.ticks.get(item) if self.person is not None else None
        return tick.outcome if tick is not None else None

    def action_tick(self) -> None:
        item = self._current_item()
        if item is None or self.person is None:
            return
        self._save(None if self._outcome_now(item) is ChecklistOutcome.GEDAAN else ChecklistOutcome.GEDAAN)

    def action_not_applicable(self) -> None:
        self._save(ChecklistOutcome.NVT)

    def action_reopen(self) -> None:
        self._save(None)

    def action_close(self) -> None:
        self.dismiss(self.changed)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            if event.worker.group == "checklist-save":
                self._forget_queued()
            cast("DoorbraakApp", self.app).report_error(event.worker.error)
