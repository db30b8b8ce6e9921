"""Compare two versions of a plan section by section (from the domain's `compare_versions`)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Label, Select, Static

from domain.plan import ChangeKind, PlanDiff, PlanVersionInfo
from storage.bootstrap import Services
from tui.screens.base import DoorbraakScreen
from tui.widgets.quiet_footer import QuietFooter

KIND_LABELS = {ChangeKind.GEWIJZIGD: "gewijzigd", ChangeKind.TOEGEVOEGD: "toegevoegd", ChangeKind.VERWIJDERD: "weg"}


def diff_renderable(diff: PlanDiff) -> RenderableType:
    parts: list[RenderableType] = [
        Text(f"Versie {diff.old_version} → versie {diff.new_version}: "
             f"{len(diff.changed_sections)} van {len(diff.sections)} onderdelen gewijzigd", style="bold"),
    ]
    for section in diff.sections:
        if not section.changed:
            parts.append(Text(f"\n  {section.label}: ongewijzigd", style="dim"))
            continue
        parts.append(Text(f"\n■ {section.label} ({len(section.changes)})", style="bold"))
        table = Table.grid(padding=(0, 1), expand=True)
        table.add_column(no_wrap=True, width=10)
        table.add_column(ratio=1)
        for change in section.changes:
            body = Text(change.path, style="bold")
            if change.old:
                body.append("\n  was: ")
                body.append(change.old)
            if change.new:
                body.append("\n  nu:  ")
                body.append(change.new)
            table.add_row(Text(KIND_LABELS[change.kind]), body)
        parts.append(table)
    if diff.is_empty:
        parts.append(Text("\nDe versies zijn inhoudelijk gelijk.", style="italic"))
    return Group(*parts)


class PlanCompareScreen(DoorbraakScreen[None]):
    CSS_PATH = "plan.tcss"
    BINDINGS = [Binding("escape,backspace", "back", "Terug", id="plan_compare.back", tooltip="Terug naar het plan")]

    def __init__(self, services: Services, case_number: str, versions: list[PlanVersionInfo]) -> None:
        super().__init__(services)
        self.case_number = case_number
        self.versions = versions
        self.sub_title = f"Versies vergelijken · {case_number}"

    def compose(self) -> ComposeResult:
        options = [(f"versie {v.plan_version} ({v.status.label.lower()})", v.plan_version) for v in self.versions]
        numbers = [v.plan_version for v in self.versions]
        yield self.app_header()
        with Horizontal(id="compare-bar"):
            yield Label("Van ")
            yield Select(options, value=numbers[-2], allow_blank=False, compact=True, id="compare-old")
            yield Label("naar ")
            yield Select(options, value=numbers[-1], allow_blank=False, compact=True, id="compare-new")
        with VerticalScroll(classes="compare-body", id="compare-body"):
            yield Static(id="compare-diff")
        yield QuietFooter()

    def on_mount(self) -> None:
        self.query_one("#compare-body").focus()
        self.compare()

    @on(Select.Changed)
    def _changed(self) -> None:
        self.compare()

    def compare(self) -> None:
        old = self.query_one("#compare-old", Select).value
        new = self.query_one("#compare-new", Select).value
        if isinstance(old, int) and isinstance(new, int):
            self._compare(old, new)

    @work(thread=True, exclusive=True, group="plan-compare", exit_on_error=False)
    def _compare(self, old: int, new: int) -> None:
        diff = self.services.plans.compare_versions(self.case_number, old, new,
                                                    purpose=self.case_reason(self.case_number))
        self.app.call_from_thread(self.query_one("#compare-diff", Static).update, diff_renderable(diff))

    def action_back(self) -> None:
        self.dismiss(None)
