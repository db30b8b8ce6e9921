"""Werklijst: what needs a coordinator's attention today, most severe first; filter by kind, Enter opens it.

Signals (domain.signals): a member turns 18 within N months and gets youth care (v proposes an overbrugging),
the big-5 checklist of a member around 18 (Enter opens it to tick items off), a settlement past its deadline,
costs over the cap, plan actions past their deadline, escalations waiting longer than the configured weeks
(settings: [worklist]).
"""

from __future__ import annotations

from collections import Counter

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Select, Static
from textual.worker import Worker, WorkerState

from domain.household import LegalFramework
from domain.overbrugging import Transition, add_months
from domain.signals import Signal, SignalKind
from storage.bootstrap import Services
from tui.render.format import format_date
from tui.screens.base import DoorbraakScreen, today
from tui.screens.casework_common import t
from tui.widgets.quiet_footer import QuietFooter
from tui.widgets.row_table import Column, Row, RowTable

COLUMNS = [
    Column("severity", "Ernst", width=6),
    Column("due", "Datum", width=10),
    Column("case", "Casus", width=14, wide_only=True),
    Column("kind", "Soort", width=20),
    Column("text", "Wat", ratio=1, min_width=20),
]
KIND_KEYS = {str(i): kind for i, kind in enumerate(SignalKind, start=1)}


def signal_key(signal: Signal) -> str:
    return f"{signal.kind.value}:{signal.object_type}:{signal.object_id}:{signal.case_number}"


def overbrugging_preset(signal: Signal) -> dict[str, object]:
    """A request for the 18-/18+ transition, starting on the 18th birthday (all of it editable)."""
    birthday = signal.due
    return {
        "transition": Transition.ACHTTIEN,
        "laws_in_dispute": [LegalFramework.JEUGDWET.value, LegalFramework.WMO.value],
        "support_needed": f"Voortzetting van de jeugdhulp na de 18e verjaardag ({format_date(birthday)}), tot de "
                          "hulp na 18 (Wmo 2015, Zvw of Participatiewet) is geregeld.",
        "urgency_reason": "De jeugdhulp stopt op de 18e verjaardag tenzij verlengde jeugdhulp (tot 23) wordt ingezet; "
                          "zonder overbrugging stopt de hulp die dag.",
        "start_date": birthday,
        "settlement_deadline": add_months(birthday, 3),
    }


class WorklistScreen(DoorbraakScreen[None]):
    CSS_PATH = "casework.tcss"
    AUTO_FOCUS = "#worklist-table"

    BINDINGS = [
        Binding("f", "kind_filter", "Soort", id="worklist.kind", tooltip="Alleen één soort signaal"),
        Binding("v", "propose_overbrugging", "Overbrugging voorstellen", id="worklist.propose",
                tooltip="Bij 'wordt 18': een overbrugging 18-/18+ aanvragen"),
        Binding("0", "show_kind('')", "Alle soorten", id="worklist.all", show=False, tooltip="Filter wissen"),
        *[
            Binding(key, f"show_kind('{kind.value}')", f"Alleen: {kind.label}", id=f"worklist.kind_{kind.value}",
                    show=False, tooltip=f"Toon alleen '{kind.label}'")
            for key, kind in KIND_KEYS.items()
        ],
        Binding("f5,ctrl+r", "refresh", "Vernieuwen", id="worklist.refresh", show=False,
                tooltip="Stel de werklijst opnieuw samen"),
        Binding("escape", "back", "Terug", id="worklist.back", tooltip="Terug naar de casussen"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.sub_title = "Werklijst"
        self.signals: list[Signal] = []
        self._by_key: dict[str, Signal] = {}
        self._stale = False

    def compose(self) -> ComposeResult:
        yield self.app_header()
        with Horizontal(classes="filter-bar"):
            yield Select(self._kind_options(Counter()), prompt="0 Alle soorten", compact=True, id="worklist-kind")
            yield Static("", id="worklist-counts", classes="filter-flags", markup=False)
        yield RowTable(COLUMNS, id="worklist-table")
        yield Static("", id="worklist-detail", classes="signal-detail", markup=False)
        yield Static("", id="worklist-status", classes="status-line", markup=False)
        yield QuietFooter()

    def on_mount(self) -> None:
        self.query_one(RowTable).loading = True
        self.load()

    def on_screen_resume(self) -> None:
        if self._stale:
            self._stale = False
            self.load()

    @staticmethod
    def _kind_options(counts: Counter[SignalKind]) -> list[tuple[str, SignalKind]]:
        return [(f"{i} {kind.label} ({counts[kind]})", kind) for i, kind in enumerate(SignalKind, start=1)]

    @property
    def kind(self) -> SignalKind | None:
        value = self.query_one("#worklist-kind", Select).value
        return value if isinstance(value, SignalKind) else None

    @work(thread=True, exclusive=True, group="worklist", exit_on_error=False)
    def load(self) -> None:
        signals = self.services.signals.worklist(today=today(self.services), config=self.services.settings.worklist)
        self.app.call_from_thread(self.show, signals)

    def show(self, signals: list[Signal]) -> None:
        self.signals = signals
        self._by_key = {signal_key(s): s for s in signals}
        self.query_one(RowTable).loading = False
        counts = Counter(s.kind for s in signals)
        select = self.query_one("#worklist-kind", Select)
        chosen = self.kind
        with select.prevent(Select.Changed):
            select.set_options(self._kind_options(counts))
            if chosen is not None:
                select.value = chosen
        high = sum(1 for s in signals if s.severity.rank == 0)
        self.query_one("#worklist-counts", Static).update(f"{high} met ernst hoog" if high else "")
        self._fill()

    def _show_detail(self) -> None:
        """The whole text of the highlighted signal (the table cuts it off)."""
        current = self.current
        self.query_one("#worklist-detail", Static).update(
            f"{current.case_number} · {current.text}" if current else ""
        )

    def visible_signals(self) -> list[Signal]:
        kind = self.kind
        return [s for s in self.signals if kind is None or s.kind is kind]

    def _fill(self) -> None:
        table = self.query_one(RowTable)
        keep = table.current_key
        rows = [
            Row(signal_key(s), [s.severity.label, format_date(s.due), s.case_number, s.kind.label, t(s.text)],
                style="bold" if s.severity.rank == 0 else "")
            for s in self.visible_signals()
        ]
        table.set_rows(rows, keep_key=keep)
        self._update_status()
        self._show_detail()
        self.refresh_bindings()

    def _update_status(self) -> None:
        config = self.services.settings.worklist
        shown = len(self.visible_signals())
        if not self.signals:
            text = "Niets dat vandaag aandacht vraagt."
        elif self.kind is not None:
            text = f"{shown} van {len(self.signals)} signalen ({self.kind.label.lower()}) · 0 toont alles"
        else:
            text = f"{len(self.signals)} signalen"
        text += (f" · 18 jaar binnen {config.months_before_18} mnd · escalaties > {config.escalation_wait_weeks} "
                 "weken · Enter opent")
        self.query_one("#worklist-status", Static).update(text)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "worklist" and event.state is WorkerState.ERROR:
            self.query_one(RowTable).loading = False

    @property
    def current(self) -> Signal | None:
        key = self.query_one(RowTable).current_key
        return self._by_key.get(key) if key else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "propose_overbrugging":
            current = self.current
            return current is not None and current.kind is SignalKind.WORDT_18
        return True

    # -- events ------------------------------------------------------------------------------------
    @on(Select.Changed, "#worklist-kind")
    def _kind_changed(self) -> None:
        self._fill()
        self.query_one(RowTable).focus()

    @on(DataTable.RowHighlighted, "#worklist-table")
    def _highlighted(self) -> None:
        self._show_detail()
        self.refresh_bindings()

    @on(DataTable.RowSelected, "#worklist-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        signal = self._by_key.get(str(event.row_key.value))
        if signal is not None:
            self.open_signal(signal)

    # -- actions -----------------------------------------------------------------------------------
    def open_signal(self, signal: Signal) -> None:
        """Open what the signal is about: the overbrugging, the escalation, the plan, or the household."""
        self._stale = True
        if signal.object_type == "member":  # the big-5 checklist at 18
            from tui.screens.checklist_dialog import ChecklistDialog

            def closed(changed: bool | None) -> None:
                self._stale = False
                if changed:
                    self.load()

            self.app.push_screen(ChecklistDialog(self.services, signal.case_number, int(signal.object_id)), closed)
        elif signal.object_type == "overbrugging":
            from tui.screens.overbrugging_detail import OverbruggingDetailScreen

            self.app.push_screen(OverbruggingDetailScreen(self.services, int(signal.object_id)))
        elif signal.object_type == "escalation":
            from tui.screens.escalation_detail import EscalationDetailScreen

            self.app.push_screen(EscalationDetailScreen(self.services, int(signal.object_id)))
        elif signal.kind is SignalKind.ACTIE_VERLOPEN:  # a plan action: its plan, where its status is set
            from tui.screens.plan_overview import PlanOverviewScreen

            self.app.push_screen(PlanOverviewScreen(self.services, signal.case_number))
        else:
            from tui.screens.household_detail import HouseholdDetailScreen

            self.app.push_screen(HouseholdDetailScreen(self.services, signal.case_number))

    def action_propose_overbrugging(self) -> None:
        signal = self.current
        if signal is None or signal.kind is not SignalKind.WORDT_18:
            return
        from tui.screens.overbrugging_detail import OverbruggingDetailScreen
        from tui.screens.overbrugging_form import OverbruggingFormScreen

        def created(result: object) -> None:
            overbrugging = getattr(result, "overbrugging", None)
            if overbrugging is not None and overbrugging.id is not None:
                self.app.push_screen(OverbruggingDetailScreen(self.services, overbrugging.id))

        self._stale = True
        self.app.push_screen(
            OverbruggingFormScreen(self.services, case_number=signal.case_number, preset=overbrugging_preset(signal)),
            created,
        )

    def action_kind_filter(self) -> None:
        select = self.query_one("#worklist-kind", Select)
        select.focus()
        select.action_show_overlay()

    def action_show_kind(self, value: str) -> None:
        select = self.query_one("#worklist-kind", Select)
        if value:
            select.value = SignalKind(value)
        else:
            select.clear()

    def action_refresh(self) -> None:
        self.load()

    def action_back(self) -> None:
        table = self.query_one(RowTable)
        if not table.has_focus:
            table.focus()
            return
        self.leave()
