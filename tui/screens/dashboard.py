"""Dashboard: the monitoring figures of one municipality and period, as bars with their numbers beside them.

Six tabs (1–6 or ←/→): caseload, plannen, deadlines, escalaties, kwaliteit van leven, rekensom. Every line
with a figure can be chosen (↑/↓, Enter) to list the households behind it (`DashboardCasesScreen`, only
those the user may open); from there Enter opens a household. `t` shows the whole dashboard as text (the
same text as `doorbraak report dashboard`). The figures come from domain.services.dashboard, the service
the report command uses, so the screen and the report always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Input, Label, OptionList, Select, Static, Tab, Tabs
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from domain.dashboard import CaseRef, Dashboard, DashboardScope, Drill
from domain.errors import InvalidInput
from domain.household import HouseholdStatus
from storage.bootstrap import Services
from tui.render.dashboard_text import dashboard_text
from tui.render.dashboard_view import TABS, Colours, Line, tab_lines
from tui.render.format import format_date
from tui.screens.base import DoorbraakScreen, format_count, today
from tui.screens.casework_common import t, to_date
from tui.screens.paged_list import PagedListScreen
from tui.widgets.quiet_footer import QuietFooter
from tui.widgets.row_table import Column, Row, RowTable


def _one_line(text: Text) -> Text:
    """A figure never wraps: a cut line with an ellipsis keeps the layout of bars and numbers."""
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text


def year_period(day: date) -> tuple[date, date]:
    """The default period: the calendar year of `day` (the peildatum is then today)."""
    return date(day.year, 1, 1), date(day.year, 12, 31)


class DashboardScreen(DoorbraakScreen[None]):
    CSS_PATH = ["casework.tcss", "dashboard.tcss"]
    AUTO_FOCUS = "#dashboard-lines"

    BINDINGS = [
        # Enter is the list's own key; listed here so the help names it.
        Binding("enter", "drill", "Huishoudens", id="dashboard.drill", show=False,
                tooltip="De huishoudens achter het gekozen cijfer"),
        Binding("m", "focus_municipality", "Gemeente", id="dashboard.municipality", tooltip="Kies de gemeente"),
        Binding("v", "focus_period", "Periode", id="dashboard.period",
                tooltip="Van en tot en met (dd-mm-jjjj); Enter past toe"),
        Binding("t", "toggle_text", "Als tekst", id="dashboard.text",
                tooltip="Alle cijfers als tekst (zoals doorbraak report dashboard), of terug naar de staven"),
        *[Binding(str(i), f"show_tab('{tab.key}')", tab.label, id=f"dashboard.tab_{tab.key}", show=False,
                  tooltip=f"Tabblad {tab.label}") for i, tab in enumerate(TABS, start=1)],
        Binding("right", "next_tab(1)", "Volgend tabblad", id="dashboard.next_tab", show=False,
                tooltip="Het tabblad rechts"),
        Binding("left", "next_tab(-1)", "Vorig tabblad", id="dashboard.previous_tab", show=False,
                tooltip="Het tabblad links"),
        Binding("f5,ctrl+r", "refresh", "Vernieuwen", id="dashboard.refresh", show=False,
                tooltip="Stel het dashboard opnieuw samen"),
        Binding("escape", "back", "Terug", id="dashboard.back", tooltip="Terug"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.sub_title = "Dashboard"
        self.report: Dashboard | None = None
        self.tab = TABS[0].key
        self.lines: list[Line] = []
        self._width = 0

    def compose(self) -> ComposeResult:
        yield self.app_header()
        start, end = year_period(today(self.services))
        with Horizontal(classes="filter-bar"):
            yield Select[str]([], prompt="Gemeente", compact=True, allow_blank=True, id="dashboard-municipality")
            yield Label("Van ", classes="field-label")
            yield Input(format_date(start), placeholder="dd-mm-jjjj", id="dashboard-from", compact=True,
                        max_length=10)
            yield Label("t/m ", classes="field-label")
            yield Input(format_date(end), placeholder="dd-mm-jjjj", id="dashboard-to", compact=True, max_length=10)
        yield Tabs(*[Tab(f"{i} {tab.label}", id=f"tab-{tab.key}") for i, tab in enumerate(TABS, start=1)],
                   id="dashboard-tabs")
        yield OptionList(id="dashboard-lines")
        with VerticalScroll(id="dashboard-text", classes="-hidden"):
            yield Static("", id="dashboard-text-body", markup=False)
        yield Static("", id="dashboard-status", classes="status-line", markup=False)
        yield QuietFooter()

    def on_mount(self) -> None:
        self.query_one("#dashboard-tabs", Tabs).can_focus = False  # the number keys and ←/→ switch tabs
        self.query_one(OptionList).loading = True
        self.watch(self.app, "theme", lambda _: self.render_tab(keep=True), init=False)  # bar colours follow it
        self.load_municipalities()

    # -- the question: municipality and period ----------------------------------------------------------
    @work(thread=True, exclusive=True, group="dashboard-municipalities", exit_on_error=False)
    def load_municipalities(self) -> None:
        found = self.services.dashboard.municipalities()
        self.app.call_from_thread(self._show_municipalities, found)

    def _show_municipalities(self, found: list[tuple[str, str, int]]) -> None:
        select = self.query_one("#dashboard-municipality", Select)
        if not found:
            self.query_one(OptionList).loading = False
            self.query_one("#dashboard-status", Static).update("Er zijn nog geen huishoudens om over te rapporteren.")
            return
        select.set_options([(f"{name} ({code})", code) for code, name, _ in found])
        # The largest caseload first: for a coordinator of one municipality there is only one anyway.
        select.value = max(found, key=lambda m: m[2])[0]  # Select.Changed loads the dashboard

    @on(Select.Changed, "#dashboard-municipality")
    def _municipality_chosen(self) -> None:
        self.apply()

    @on(Input.Submitted)
    def _period_typed(self) -> None:
        if self.apply():  # a refused date keeps the cursor in the field, to correct it
            self.query_one(OptionList).focus()

    def _error(self, message: str) -> None:
        """A refused question: the message on the status line (the last figures stay as they were)."""
        status = self.query_one("#dashboard-status", Static)
        status.set_class(bool(message), "-error")
        if message:
            status.update(message)
        elif self.report is not None:
            status.update(self._status_text(self.report))

    def _status_text(self, report: Dashboard) -> str:
        return f"Peildatum {format_date(report.scope.peildatum)} · ↑↓ kies een cijfer · Enter: de huishoudens erachter"

    def _question(self) -> tuple[str, date, date] | None:
        code = self.query_one("#dashboard-municipality", Select).value
        if not isinstance(code, str):
            self._error("Kies een gemeente (m).")
            return None
        try:
            start = to_date(self.query_one("#dashboard-from", Input).value, "van", "De begindatum")
            end = to_date(self.query_one("#dashboard-to", Input).value, "tot", "De einddatum")
        except InvalidInput as exc:
            self._error(exc.problems[0].reason)
            return None
        if start is None or end is None:
            self._error("Vul een begin- en einddatum in (dd-mm-jjjj).")
            return None
        return code, start, end

    def apply(self) -> bool:
        question = self._question()
        if question is None:
            return False
        self.query_one(OptionList).loading = True
        self.load(*question)
        return True

    @work(thread=True, exclusive=True, group="dashboard", exit_on_error=False)
    def load(self, code: str, start: date, end: date) -> None:
        try:
            report = self.services.dashboard.show(code, start, end, today=today(self.services))
        except InvalidInput as exc:
            self.app.call_from_thread(self._refused, exc.problems[0].reason, exc.problems[0].path)
            return
        self.app.call_from_thread(self.show, report)

    def _refused(self, reason: str, field: str) -> None:
        """The service refused the question: say why and put the cursor where it can be corrected."""
        self.query_one(OptionList).loading = False
        self._error(reason)
        target = {"to": "#dashboard-to", "from": "#dashboard-from", "gemeente": "#dashboard-municipality"}.get(field)
        if target:
            self.query_one(target).focus()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:  # the app reports it; the screen stays usable
            self.query_one(OptionList).loading = False

    # -- showing ----------------------------------------------------------------------------------------
    def show(self, report: Dashboard) -> None:
        self.report = report
        self.query_one(OptionList).loading = False
        self.query_one("#dashboard-text-body", Static).update(dashboard_text(report))
        self._error("")
        self.render_tab(keep=True)

    def render_tab(self, *, keep: bool = False) -> None:
        """Fill the list with the current tab's lines at the list's width (again after a resize)."""
        if self.report is None:
            return
        options = self.query_one(OptionList)
        self._width = options.scrollable_content_region.width or options.size.width or 78
        theme = self.app.theme_variables
        colours = Colours(bar=theme.get("primary", ""), doorbraak=theme.get("accent", ""))
        self.lines = tab_lines(self.report, self.tab, self._width - 1, colours)
        highlighted = options.highlighted if keep else None
        options.clear_options()
        options.add_options([
            Option(_one_line(line.text), id=str(i), disabled=line.drill is None) for i, line in enumerate(self.lines)
        ])
        first = next((i for i, line in enumerate(self.lines) if line.drill is not None), None)
        options.highlighted = highlighted if highlighted is not None and highlighted < len(self.lines) else first

    def on_resize(self) -> None:
        options = self.query_one(OptionList)
        if self.report is not None and options.scrollable_content_region.width != self._width:
            self.call_after_refresh(self.render_tab, keep=True)

    @on(OptionList.OptionSelected, "#dashboard-lines")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.drill_into(int(event.option.id or 0))

    def action_drill(self) -> None:
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        if highlighted is not None and not options.has_class("-hidden"):
            self.drill_into(highlighted)

    def drill_into(self, index: int) -> None:
        line = self.lines[index] if 0 <= index < len(self.lines) else None
        if self.report is None or line is None or line.drill is None:
            return
        self.app.push_screen(DashboardCasesScreen(self.services, self.report.scope, line.drill, line.title))

    # -- actions ----------------------------------------------------------------------------------------
    def action_show_tab(self, key: str) -> None:
        self.query_one("#dashboard-tabs", Tabs).active = f"tab-{key}"

    def action_next_tab(self, step: int) -> None:
        keys = [tab.key for tab in TABS]
        self.action_show_tab(keys[(keys.index(self.tab) + step) % len(keys)])

    @on(Tabs.TabActivated, "#dashboard-tabs")
    def _tab_activated(self, event: Tabs.TabActivated) -> None:
        key = (event.tab.id or "tab-caseload").removeprefix("tab-")
        if key != self.tab:
            self.tab = key
            self.render_tab()

    def action_toggle_text(self) -> None:
        text = self.query_one("#dashboard-text")
        options = self.query_one(OptionList)
        showing = text.has_class("-hidden")
        text.set_class(not showing, "-hidden")
        options.set_class(showing, "-hidden")
        self.query_one("#dashboard-tabs").set_class(showing, "-hidden")
        (text if showing else options).focus()

    def action_focus_municipality(self) -> None:
        select = self.query_one("#dashboard-municipality", Select)
        select.focus()
        select.action_show_overlay()

    def action_focus_period(self) -> None:
        self.query_one("#dashboard-from", Input).focus()

    def action_refresh(self) -> None:
        self.apply()

    def action_back(self) -> None:
        if isinstance(self.focused, Input | Select):
            self.query_one("#dashboard-lines" if not self.query_one(OptionList).has_class("-hidden")
                           else "#dashboard-text").focus()
            return
        if not self.query_one("#dashboard-text").has_class("-hidden"):
            self.action_toggle_text()
            return
        self.leave()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # In a date field ← and → move the cursor and digits are typed.
        return not (action in ("next_tab", "show_tab") and isinstance(self.focused, Input))


# -- the households behind a figure ------------------------------------------------------------------


CASE_COLUMNS = [
    Column("case", "Casus", width=14),
    Column("name", "Huishouden", ratio=2, min_width=16),
    Column("status", "Status", width=16),
    Column("professional", "Professional", ratio=1, min_width=12),
]


@dataclass(frozen=True)
class DrillQuery:
    offset: int
    limit: int


@dataclass(frozen=True)
class CasesPage:
    rows: list[CaseRef]
    total: int
    """Households behind the figure that this user may open (as far as known)."""
    hidden: int
    """Left out so far: households the user may not open."""


class DashboardCasesScreen(PagedListScreen[DrillQuery, CasesPage]):
    """The households behind one figure of the dashboard; Enter opens one."""

    CSS_PATH = ["casework.tcss", "dashboard.tcss"]
    AUTO_FOCUS = "#dashboard-cases"

    BINDINGS = [
        Binding("f5,ctrl+r", "refresh", "Vernieuwen", id="dashboard_cases.refresh", show=False,
                tooltip="Haal de lijst opnieuw op"),
        Binding("escape,backspace", "back", "Terug", id="dashboard_cases.back", tooltip="Terug naar het dashboard"),
    ]

    def __init__(self, services: Services, scope: DashboardScope, drill: Drill, title: str) -> None:
        super().__init__(services)
        self.scope = scope
        self.drill = drill
        self.title_text = title
        self.sub_title = f"Dashboard · {title}"
        self.hidden = 0

    def compose(self) -> ComposeResult:
        yield self.app_header()
        yield Static(t(self.title_text, "bold"), id="dashboard-cases-title")
        yield RowTable(CASE_COLUMNS, id="dashboard-cases")
        yield Static("", id="dashboard-cases-status", classes="status-line", markup=False)
        yield QuietFooter()

    def list_query(self, offset: int, limit: int) -> DrillQuery:
        return DrillQuery(offset, limit)

    def fetch(self, query: DrillQuery) -> CasesPage:
        # Households the user may not open are left out of a page, so the next page starts after them too.
        hidden_before = self.hidden if query.offset else 0
        page = self.services.dashboard.cases(
            self.scope.municipality_code, self.scope.start, self.scope.end, self.drill, limit=query.limit,
            offset=query.offset + hidden_before, today=self.scope.peildatum,
        )
        hidden = hidden_before + page.hidden
        return CasesPage(page.cases, page.total - hidden, hidden)

    def page_arrived(self, page: CasesPage, *, first: bool) -> None:
        self.hidden = page.hidden
        self.total = page.total

    def page_rows(self, page: CasesPage) -> list[Row]:
        return [Row(c.case_number, [c.case_number, t(c.name), HouseholdStatus(c.status).label,
                                    t(c.professional or "—")]) for c in page.rows]

    def update_status(self) -> None:
        shown = len(self.table.keys)
        text = f"{format_count(self.total)} huishouden{'s' if self.total != 1 else ''}"
        if shown < self.total:
            text += f" (eerste {format_count(shown)} geladen)"
        if self.hidden:
            text += f" · {format_count(self.hidden)} niet getoond: buiten uw toegang"
        if not self.total:
            text = "Geen huishoudens achter dit cijfer." + (
                f" {format_count(self.hidden)} buiten uw toegang." if self.hidden else "")
        self.query_one("#dashboard-cases-status", Static).update(text + " · Enter opent")

    @on(DataTable.RowSelected, "#dashboard-cases")
    def _open(self, event: DataTable.RowSelected) -> None:
        from tui.screens.household_detail import HouseholdDetailScreen

        if event.row_key.value is not None:
            self._stale = True  # its status may change there
            self.app.push_screen(HouseholdDetailScreen(self.services, str(event.row_key.value)))

    def action_back(self) -> None:
        self.leave()


__all__ = ["DashboardCasesScreen", "DashboardScreen", "year_period"]
