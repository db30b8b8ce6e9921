"""Escalaties: the coordinator's inbox (submitted, no answer yet, oldest first) and every escalation by filter.

The inbox comes from the `inbox` service; "Alle", "Concepten" and "Afgerond" from `list_escalations`.
Waiting time (days since submission) is shown for open ones, time to resolution for closed ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from textual import on
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Select

from domain.escalation import (
    FINAL_STATES,
    EscalationLevel,
    EscalationListRow,
    EscalationPage,
    EscalationQuery,
    EscalationStatus,
)
from storage.bootstrap import Services
from tui.render.format import format_date
from tui.screens.base import today
from tui.screens.casework_common import t
from tui.screens.workflow_list import WorkflowListScreen, list_bindings
from tui.widgets.row_table import Column, Row


@dataclass(frozen=True)
class InboxQuery:
    view_key: str
    levels: frozenset[EscalationLevel] | None
    weeks: int | None
    """Only escalations waiting longer than this many weeks (inbox view)."""
    offset: int
    limit: int

VIEWS: dict[str, tuple[str, frozenset[EscalationStatus] | None]] = {
    "inbox": ("Inbox (wacht op antwoord)", None),
    "alle": ("Alle escalaties", None),
    "concept": ("Concepten", frozenset({EscalationStatus.CONCEPT})),
    "afgerond": ("Afgerond", FINAL_STATES),
}

COLUMNS = [
    Column("id", "Nr.", width=7),
    Column("case", "Casus", width=14, wide_only=True),
    Column("name", "Huishouden", ratio=3),
    Column("level", "Niveau", width=9),
    Column("status", "Status", width=14),
    Column("submitted", "Ingediend", width=10),
    Column("time", "Wacht / duur", width=13, justify="right"),
    Column("blockage", "Blokkade", ratio=4, wide_only=True),
]


def time_cell(row: EscalationListRow, day: date) -> str:
    """`wacht 46 d` while open, `duur 56 d` (submission to answer) when closed."""
    waiting = row.waiting_days(day)
    if waiting is not None:
        return f"wacht {waiting} d"
    if row.time_to_resolution_days is not None:
        return f"duur {row.time_to_resolution_days} d"
    return ""


class EscalationInboxScreen(
    WorkflowListScreen[InboxQuery, EscalationPage], prefix="escalation", columns=COLUMNS,
    detail="tui.screens.escalation_detail:EscalationDetailScreen",
):
    """The coordinator's inbox (what waits for an answer) and every escalation by view (all, concepts, closed);
    Enter opens one, `w` keeps only those waiting longer than the configured weeks."""

    BINDINGS = [
        Binding("v", "view", "Weergave", id="escalation_inbox.view", tooltip="Inbox, alle, concepten of afgerond"),
        Binding("l", "level_filter", "Niveau", id="escalation_inbox.level", tooltip="Alleen één niveau"),
        Binding("w", "toggle_waiting", "Wacht lang", id="escalation_inbox.waiting",
                tooltip="Alleen escalaties die langer wachten dan de ingestelde weken"),
        *list_bindings("escalation_inbox"),
    ]

    def __init__(self, services: Services, *, case_number: str | None = None) -> None:
        super().__init__(services)
        self.case_number = case_number
        self.view_key = "alle" if case_number else "inbox"
        self.only_long_waiting = False
        self.sub_title = f"Escalaties · {case_number}" if case_number else "Escalaties"

    @property
    def wait_weeks(self) -> int:
        return self.services.settings.worklist.escalation_wait_weeks

    def filters(self) -> Iterable[Widget]:
        yield Select([(label, key) for key, (label, _) in VIEWS.items()], value=self.view_key,
                     allow_blank=False, compact=True, id="escalation-view")
        yield Select([(level.label, level) for level in EscalationLevel], prompt="Alle niveaus", compact=True,
                     id="escalation-level")

    # -- the list ------------------------------------------------------------------------------------
    @property
    def level(self) -> EscalationLevel | None:
        value = self.query_one("#escalation-level", Select).value
        return value if isinstance(value, EscalationLevel) else None

    def list_query(self, offset: int, limit: int) -> InboxQuery:
        """What to fetch, read from the widgets on the UI thread."""
        levels = frozenset({self.level}) if self.level else None
        weeks = self.wait_weeks if self.only_long_waiting else None
        return InboxQuery(self.view_key, levels, weeks, offset, limit)

    def fetch(self, query: InboxQuery) -> EscalationPage:
        if query.view_key == "inbox" and self.case_number is None:
            return self.services.escalations.inbox(waiting_longer_than_weeks=query.weeks, levels=query.levels,
                                                   today=today(self.services), offset=query.offset, limit=query.limit)
        statuses = VIEWS[query.view_key][1]
        if query.view_key == "inbox":
            statuses = frozenset({EscalationStatus.INGEDIEND, EscalationStatus.IN_BEHANDELING})
        listing = EscalationQuery(case_number=self.case_number, statuses=statuses, levels=query.levels,
                                  offset=query.offset, limit=query.limit)
        return self.services.escalations.list(listing)

    def page_rows(self, page: EscalationPage) -> list[Row]:
        day = today(self.services)
        return [
            Row(str(r.id), [r.reference, r.case_number, t(r.household_name), r.level.label, r.status.label,
                            format_date(r.submitted_on), time_cell(r, day), t(r.blockage)])
            for r in page.rows
        ]

    def update_status(self) -> None:
        self.show_flags(f"alleen > {self.wait_weeks} weken wachtend (w)" if self.only_long_waiting else "")
        label = VIEWS[self.view_key][0].split(" (")[0].lower()
        if self.total == 0:
            text = ("Niets in de inbox: geen ingediende escalatie wacht op antwoord."
                    if self.view_key == "inbox" else "Geen escalaties met dit filter.")
            if self.case_number:
                text = "Dit huishouden heeft nog geen escalaties."
        else:
            text = self.counted(f"in {label}")
        self.show_status(text + " · Enter opent")

    # -- events and actions ---------------------------------------------------------------------------
    @on(Select.Changed, "#escalation-view")
    def _view_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.view_key:
            self.view_key = event.value
            self.reload()

    @on(Select.Changed, "#escalation-level")
    def _level_changed(self) -> None:
        self.reload()

    def action_view(self) -> None:
        keys = list(VIEWS)
        select = self.query_one("#escalation-view", Select)
        select.value = keys[(keys.index(self.view_key) + 1) % len(keys)]

    def action_level_filter(self) -> None:
        self.open_filter("#escalation-level")

    def action_toggle_waiting(self) -> None:
        self.only_long_waiting = not self.only_long_waiting
        if self.only_long_waiting and self.view_key != "inbox":
            self.query_one("#escalation-view", Select).value = "inbox"  # reloads
        else:
            self.reload()
