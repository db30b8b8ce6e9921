"""Auditlog of one case: who saw or changed the household and its plan, when, old → new, and why.

Opened with `a` from the household (coordinators) or Enter in the Logboek section. The service decides
who may see it; beheer sees the records without the old → new values.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from domain.audit import AuditKind, AuditRecord
from storage.bootstrap import Services
from tui.render.audit_text import describe_action, describe_path, describe_value, role_label
from tui.render.format import format_datetime
from tui.screens.base import DoorbraakScreen
from tui.widgets.quiet_footer import QuietFooter

QUIET_KINDS = {AuditKind.READ, AuditKind.EXPORT, AuditKind.SEARCH}


def record_view(record: AuditRecord) -> RenderableType:
    """One record: a heading line, then old → new per changed field (indented)."""
    event = record.event
    head = Table.grid(expand=True, padding=(0, 1))
    head.add_column(no_wrap=True, width=16)
    head.add_column(ratio=1)
    line = Text()
    line.append(event.username, style="bold")
    line.append(f" ({role_label(event.role)})  ")
    what = "plan " + event.object_id.partition("/")[2] if event.object_type == "maatwerkplan" else "casus"
    line.append(f"{what}: {describe_action(record)}", style="bold")
    if event.break_glass:
        line.append("  BUITEN CASELOAD", style="bold reverse")
    head.add_row(Text(format_datetime(record.at)), line)
    parts: list[RenderableType] = [head]
    if event.purpose:
        parts.append(Padding(Text(f"reden: {event.purpose}", style="italic"), (0, 0, 0, 17)))
    if record.changes_destroyed:
        parts.append(Padding(Text("wijzigingen vernietigd met de casus (bewaartermijn)", style="italic"),
                             (0, 0, 0, 17)))
    elif record.changes_digest and not event.changes:
        parts.append(Padding(Text("wijzigingen vastgelegd; met uw rol ziet u de inhoud niet", style="italic"),
                             (0, 0, 0, 17)))
    elif event.kind is AuditKind.UPDATE and not record.changes_digest:
        parts.append(Padding(Text("opgeslagen zonder gewijzigde velden", style="italic"), (0, 0, 0, 17)))
    for path, (old, new) in event.changes.items():
        change = Text()
        change.append(describe_path(path) + ": ", style="bold")
        change.append(describe_value(old))
        change.append(" → ")
        change.append(describe_value(new))
        parts.append(Padding(change, (0, 0, 0, 17)))
    return Group(*parts)


def history_view(records: list[AuditRecord], *, changes_only: bool) -> RenderableType:
    shown = [r for r in records if not (changes_only and r.event.kind in QUIET_KINDS)]
    if not shown:
        return Text("Geen logregels" + (" met wijzigingen." if changes_only else "."), style="italic")
    return Group(*(record_view(r) for r in reversed(shown)))  # newest first, as people read a log


class CaseAuditScreen(DoorbraakScreen[None]):
    """The audit trail of one case, newest first."""

    CSS_PATH = "audit.tcss"
    BINDINGS = [
        Binding("w", "toggle_changes", "Alleen wijzigingen", id="case_audit.changes",
                tooltip="Verberg of toon de regels waarin de casus alleen werd bekeken"),
        Binding("f5,ctrl+r", "refresh", "Vernieuwen", id="case_audit.refresh", show=False,
                tooltip="Haal het logboek opnieuw op"),
        Binding("escape,backspace", "back", "Terug", id="case_audit.back", tooltip="Terug naar het vorige scherm"),
    ]

    def __init__(self, services: Services, case_number: str) -> None:
        super().__init__(services)
        self.case_number = case_number
        self.records: list[AuditRecord] | None = None
        self.changes_only = False
        self.sub_title = f"Logboek · {case_number}"

    def compose(self) -> ComposeResult:
        yield self.app_header()
        yield Static("", id="case-audit-summary", markup=False)
        with VerticalScroll(id="case-audit-body"):
            yield Static(id="case-audit-records")
        yield QuietFooter()

    def on_mount(self) -> None:
        body = self.query_one("#case-audit-body", VerticalScroll)
        body.loading = True
        body.focus()
        self.load()

    @work(thread=True, exclusive=True, group="case-audit", exit_on_error=False)
    def load(self) -> None:
        records = self.services.audit.case_history(self.case_number)
        self.app.call_from_thread(self.show_records, records)

    def show_records(self, records: list[AuditRecord]) -> None:
        self.records = records
        self.query_one("#case-audit-body", VerticalScroll).loading = False
        changes = sum(1 for r in records if r.event.kind not in QUIET_KINDS)
        outside = sum(1 for r in records if r.event.break_glass)
        summary = (f"{len(records)} {'regel' if len(records) == 1 else 'regels'} · "
                   f"{changes} {'wijziging' if changes == 1 else 'wijzigingen'} · {outside} buiten caseload")
        if self.changes_only:
            summary += " · alleen wijzigingen (w: alles)"
        self.query_one("#case-audit-summary", Static).update(summary)
        self.query_one("#case-audit-records", Static).update(history_view(records, changes_only=self.changes_only))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "case-audit" and event.state is WorkerState.ERROR:
            self.query_one("#case-audit-body", VerticalScroll).loading = False
            if self.records is None:
                self.query_one("#case-audit-records", Static).update(
                    Text("Het logboek kon niet worden getoond. Esc gaat terug.")
                )

    def action_toggle_changes(self) -> None:
        self.changes_only = not self.changes_only
        if self.records is not None:
            self.show_records(self.records)

    def action_refresh(self) -> None:
        self.load()

    def action_back(self) -> None:
        self.leave()
