"""Systeemleren: the knelpunten report (the same service as `doorbraak report knelpunten`).

Counts by month (the trend, as bars with the numbers beside them), category, law and organisation, and the
most recurring knelpunten first, for a period from/to (either end open); then the interdepartementaal loket
per ministry with its open questions and their age (as of today, whatever the period).
"""

from __future__ import annotations

from datetime import date

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Static
from textual.worker import Worker, WorkerState

from domain.errors import InvalidInput
from domain.knelpunt import CountRow, KnelpuntenReport, MonthRow
from domain.loket import LoketReport
from domain.trend import month_label, trend
from storage.bootstrap import Services
from tui.render.format import format_date, format_period
from tui.render.loket import days, questions
from tui.screens.base import DoorbraakScreen, today
from tui.screens.casework_common import simple_table, t, to_date
from tui.widgets.bar_chart import Bar, BarChart
from tui.widgets.quiet_footer import QuietFooter

MAX_ROWS = 15


def month_bars(rows: list[MonthRow]) -> list[Bar]:
    return [Bar(month_label(m.month), m.meldingen, note=f"{m.nieuw} nieuw" if m.nieuw else "") for m in rows]


def count_bars(rows: list[CountRow], limit: int = MAX_ROWS) -> list[Bar]:
    return [Bar(r.label, r.meldingen, note=f"{r.knelpunten} knelpunt{'en' if r.knelpunten != 1 else ''}")
            for r in rows[:limit]]


def more_text(rows: list[CountRow], limit: int = MAX_ROWS) -> str:
    return f"… en nog {len(rows) - limit} met samen {sum(r.meldingen for r in rows[limit:])} meldingen" \
        if len(rows) > limit else ""


class KnelpuntenReportScreen(DoorbraakScreen[None]):
    CSS_PATH = "casework.tcss"
    AUTO_FOCUS = "#report-body"

    BINDINGS = [
        Binding("v", "focus_from", "Periode", id="report.period", tooltip="Van en tot (dd-mm-jjjj); Enter past toe"),
        Binding("a", "all_time", "Hele periode", id="report.all", tooltip="Alle meldingen, zonder begin of eind"),
        Binding("f5,ctrl+r", "refresh", "Vernieuwen", id="report.refresh", show=False,
                tooltip="Stel het rapport opnieuw samen"),
        Binding("escape", "back", "Terug", id="report.back", tooltip="Terug"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.sub_title = "Knelpunten · systeemleren"
        self.report: KnelpuntenReport | None = None
        self.loket: LoketReport | None = None

    def compose(self) -> ComposeResult:
        yield self.app_header()
        with Horizontal(classes="filter-bar"):
            yield Label("Van ", classes="field-label")
            yield Input(placeholder="dd-mm-jjjj", id="report-from", compact=True, max_length=10)
            yield Label("Tot en met ", classes="field-label")
            yield Input(placeholder="dd-mm-jjjj", id="report-to", compact=True, max_length=10)
            yield Static("", id="report-error", classes="filter-flags", markup=False)
        with VerticalScroll(id="report-body", classes="casework-body"):
            yield Static("", id="report-total", classes="report-total", markup=False)
            yield Label("Meldingen per maand", classes="section-label")
            yield Static("", id="report-trend", classes="trend", markup=False)
            yield BarChart(id="chart-month")
            yield Label("Per categorie", classes="section-label")
            yield BarChart(id="chart-category")
            yield Label("Per wet", classes="section-label")
            yield BarChart(id="chart-law")
            yield Static("", id="more-law", markup=False)
            yield Label("Per organisatie", classes="section-label")
            yield BarChart(id="chart-organisation")
            yield Static("", id="more-organisation", markup=False)
            yield Label("Vaakst terugkerend", classes="section-label")
            yield Static(id="report-recurring")
            yield Label("Interdepartementaal loket per ministerie", classes="section-label")
            yield Static(id="report-loket")
        yield QuietFooter()

    def on_mount(self) -> None:
        self.query_one("#report-body").loading = True
        self.load(None, None)

    # -- loading ------------------------------------------------------------------------------------
    def _period(self) -> tuple[date | None, date | None] | None:
        error = self.query_one("#report-error", Static)
        try:
            start = to_date(self.query_one("#report-from", Input).value, "van", "De begindatum")
            end = to_date(self.query_one("#report-to", Input).value, "tot", "De einddatum")
        except InvalidInput as exc:
            error.update(exc.problems[0].reason)
            return None
        error.update("")
        return start, end

    def apply(self) -> None:
        period = self._period()
        if period is not None:
            self.load(*period)

    @work(thread=True, exclusive=True, group="report", exit_on_error=False)
    def load(self, start: date | None, end: date | None) -> None:
        try:
            report = self.services.knelpunten.report(start=start, end=end)
            loket = self.services.loket.report(today=today(self.services))
        except InvalidInput as exc:
            self.app.call_from_thread(self.query_one("#report-error", Static).update, exc.problems[0].reason)
            self.app.call_from_thread(setattr, self.query_one("#report-body"), "loading", False)
            return
        self.app.call_from_thread(self.show, report, loket)

    def show(self, report: KnelpuntenReport, loket: LoketReport | None = None) -> None:
        self.report = report
        self.loket = loket
        self.query_one("#report-body").loading = False
        period = format_period(report.period_from, report.period_to)
        self.query_one("#report-total", Static).update(
            f"{report.knelpunten} knelpunt{'en' if report.knelpunten != 1 else ''}, {report.meldingen} "
            f"melding{'en' if report.meldingen != 1 else ''} · {period}"
        )
        self.query_one("#report-trend", Static).update(self._trend_text(report))
        self.query_one("#chart-month", BarChart).set_bars(month_bars(report.by_month))
        self.query_one("#chart-category", BarChart).set_bars(count_bars(report.by_category))
        self.query_one("#chart-law", BarChart).set_bars(count_bars(report.by_law))
        self.query_one("#more-law", Static).update(more_text(report.by_law))
        self.query_one("#chart-organisation", BarChart).set_bars(count_bars(report.by_organisation))
        self.query_one("#more-organisation", Static).update(more_text(report.by_organisation))
        self.query_one("#report-recurring", Static).update(self._recurring(report))
        if loket is not None:
            self.query_one("#report-loket", Static).update(self._loket(loket))

    def _trend_text(self, report: KnelpuntenReport) -> str:
        """The trend over whole months: the month that is still running would pull it down."""
        months = list(report.by_month)
        running = today(self.services).strftime("%Y-%m")
        note = ""
        if months and months[-1].month == running:
            months = months[:-1]
            note = " De lopende maand telt niet mee."
        if not months:
            return ""
        return trend([m.meldingen for m in months]).describe() + note

    def _recurring(self, report: KnelpuntenReport) -> RenderableType:
        if not report.recurring:
            return Text("Geen knelpunten gemeld in deze periode.", style="italic")
        table = simple_table("Nr.", "Knelpunt", "Gemeld", "Via esc.", "Categorie", "Laatst",
                             right=("Gemeld", "Via esc."), flex="Knelpunt")
        for row in report.recurring[:MAX_ROWS]:
            table.add_row(t(row.reference), t(row.title), t(str(row.meldingen)), t(str(row.escalaties)),
                          t(row.category.label), t(format_date(row.last_on)))
        return table

    def _loket(self, loket: LoketReport) -> RenderableType:
        if not loket.ministries:
            return Text("Nog geen vragen aan een ministerie (l in de knelpunten).", style="italic")
        summary = simple_table("Ministerie", "Vragen", "Open", "Oudste open", right=("Vragen", "Open", "Oudste open"),
                               flex="Ministerie")
        for row in loket.ministries:
            oldest = days(row.oldest_days) if row.oldest_days is not None else "–"
            summary.add_row(t(f"{row.code} – {row.name}"), t(str(row.total)), t(str(row.open)), t(oldest))
        parts: list[RenderableType] = [
            Text(f"{questions(loket.total)}, waarvan {loket.open} open (gesteld of in behandeling)."), summary]
        open_rows = [(row.code, q) for row in loket.ministries for q in row.open_questions]
        if open_rows:
            table = simple_table("Nr.", "Ministerie", "Knelpunt", "Status", "Gesteld", "Open", "Vraag",
                                 right=("Open",), flex="Vraag")
            for code, q in open_rows:
                table.add_row(t(q.reference), t(code), t(q.knelpunt_reference), t(q.status.label),
                              t(format_date(q.asked_on)), t(days(q.age_days)), t(q.question))
            parts += [Text("Open vragen, per ministerie de oudste eerst:"), table]
        return Group(*parts)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "report" and event.state is WorkerState.ERROR:
            self.query_one("#report-body").loading = False

    # -- events and actions ---------------------------------------------------------------------------
    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "report-from":
            self.query_one("#report-to", Input).focus()
        else:
            self.query_one("#report-body").focus()
        self.apply()

    def action_focus_from(self) -> None:
        self.query_one("#report-from", Input).focus()

    def action_all_time(self) -> None:
        self.query_one("#report-from", Input).value = ""
        self.query_one("#report-to", Input).value = ""
        self.apply()

    def action_refresh(self) -> None:
        self.apply()

    def action_back(self) -> None:
        if self.focused is not None and isinstance(self.focused, Input):
            self.query_one("#report-body").focus()
            return
        self.leave()
