"""Overbruggingen: all of them (the section), or those of one household; filter by state, deadline, cap."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from textual import on
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Input, Select

from domain.overbrugging import OverbruggingListRow, OverbruggingPage, OverbruggingQuery, OverbruggingStatus
from domain.validation import CASE_NUMBER_RE as CASE_NUMBER
from storage.bootstrap import Services
from tui.render.format import format_date, format_money
from tui.screens.base import today
from tui.screens.casework_common import t
from tui.screens.workflow_list import WorkflowListScreen, list_bindings
from tui.widgets.row_table import Column, Row, RowTable

COLUMNS = [
    Column("id", "Nr.", width=5),
    Column("case", "Casus", width=14, wide_only=True),
    Column("name", "Huishouden", ratio=3),
    Column("status", "Status", width=14),
    Column("transition", "Overgang", ratio=2, wide_only=True),
    Column("costs", "Kosten/plafond €", width=21, justify="right"),
    Column("deadline", "Verrekenen", width=10),
    Column("signal", "Let op", width=9),
]


def amount(value: Decimal) -> str:
    """`3.235,50`: the column header says it is in euros, so the narrow list can show two amounts."""
    return format_money(value).replace("€", "").replace("\xa0", "").strip()


def signal_text(row: OverbruggingListRow, day: date) -> str:
    late = row.past_settlement_deadline(day)
    over = row.over_cap and not row.status.is_final
    if late and over:
        return "laat+plaf"
    return "te laat" if late else (">plafond" if over else "")


class OverbruggingListScreen(
    WorkflowListScreen[OverbruggingQuery, OverbruggingPage], prefix="overbrugging", columns=COLUMNS,
    detail="tui.screens.overbrugging_detail:OverbruggingDetailScreen",
):
    """The list of overbruggingen; Enter opens one, n requests a new one."""

    BINDINGS = [
        Binding("n", "new", "Nieuwe aanvraag", id="overbrugging_list.new", tooltip="Een overbrugging aanvragen"),
        Binding("f", "status_filter", "Status", id="overbrugging_list.status", tooltip="Alleen één status"),
        Binding("t", "toggle_late", "Te laat", id="overbrugging_list.late",
                tooltip="Alleen overbruggingen waarvan de verrekening te laat is"),
        Binding("p", "toggle_cap", "Boven plafond", id="overbrugging_list.cap", show=False,
                tooltip="Alleen overbruggingen waarvan de kosten boven het plafond liggen"),
        Binding("slash", "focus_case", "Casus", id="overbrugging_list.case", show=False,
                tooltip="Filter op casusnummer"),
        *list_bindings("overbrugging_list"),
    ]

    def __init__(self, services: Services, case_number: str | None = None) -> None:
        super().__init__(services)
        self.case_number = case_number
        self.sub_title = f"Overbruggingen · {case_number}" if case_number else "Overbruggingen"
        self.only_late = False
        self.only_over_cap = False

    def filters(self) -> Iterable[Widget]:
        yield Select([(s.label, s) for s in OverbruggingStatus], prompt="Alle statussen", compact=True,
                     id="overbrugging-status")
        if self.case_number is None:
            yield Input(placeholder="casusnummer (/)", id="overbrugging-case", compact=True, max_length=20)

    # -- the list ------------------------------------------------------------------------------------
    def list_query(self, offset: int, limit: int) -> OverbruggingQuery:
        status = self.query_one("#overbrugging-status", Select).value
        case = self.case_number
        if case is None:
            typed = self.query_one("#overbrugging-case", Input).value.strip().upper()
            case = typed if CASE_NUMBER.match(typed) else None
        return OverbruggingQuery(
            case_number=case,
            statuses=frozenset({status}) if isinstance(status, OverbruggingStatus) else None,
            past_deadline_on=today(self.services) if self.only_late else None,
            over_cap=self.only_over_cap,
            offset=offset,
            limit=limit,
        )

    def fetch(self, query: OverbruggingQuery) -> OverbruggingPage:
        return self.services.overbruggingen.list(query)

    def page_rows(self, page: OverbruggingPage) -> list[Row]:
        day = today(self.services)
        return [
            Row(
                str(r.id),
                [
                    r.reference, r.case_number, t(r.household_name), r.status.label, r.transition.label,
                    f"{amount(r.total_costs)} / {amount(r.cap)}", format_date(r.settlement_deadline),
                    signal_text(r, day),
                ],
                style="bold" if signal_text(r, day) else "",
            )
            for r in page.rows
        ]

    def update_status(self) -> None:
        flags = [label for on_, label in ((self.only_late, "alleen te laat (t)"),
                                          (self.only_over_cap, "alleen boven plafond (p)")) if on_]
        self.show_flags(" · ".join(flags))
        if self.total == 0:
            text = ("Geen overbruggingen met dit filter." if self._filtered()
                    else "Nog geen overbruggingen. Druk op n om er een aan te vragen.")
        else:
            text = self.counted(f"overbrugging{'en' if self.total != 1 else ''}")
        self.show_status(text)

    def _filtered(self) -> bool:
        query = self.list_query(0, 1)
        return bool(query.statuses or query.past_deadline_on or query.over_cap or
                    (self.case_number is None and query.case_number))

    # -- events -------------------------------------------------------------------------------------
    @on(Select.Changed, "#overbrugging-status")
    def _status_changed(self) -> None:
        self.reload()

    @on(Input.Changed, "#overbrugging-case")
    def _case_changed(self, event: Input.Changed) -> None:
        typed = event.value.strip()
        if not typed or CASE_NUMBER.match(typed.upper()):
            self.reload()

    @on(Input.Submitted, "#overbrugging-case")
    def _case_submitted(self) -> None:
        self.query_one(RowTable).focus()


    # -- actions ------------------------------------------------------------------------------------
    def action_new(self) -> None:
        from tui.screens.overbrugging_form import OverbruggingFormScreen

        def created(result: object) -> None:
            overbrugging = getattr(result, "overbrugging", None)
            if overbrugging is not None and overbrugging.id is not None:
                self.open_item(overbrugging.id)

        self._stale = True
        self.app.push_screen(OverbruggingFormScreen(self.services, case_number=self.case_number), created)

    def action_status_filter(self) -> None:
        self.open_filter("#overbrugging-status")

    def action_toggle_late(self) -> None:
        self.only_late = not self.only_late
        self.reload()

    def action_toggle_cap(self) -> None:
        self.only_over_cap = not self.only_over_cap
        self.reload()

    def action_focus_case(self) -> None:
        if self.case_number is None:
            self.query_one("#overbrugging-case", Input).focus()
