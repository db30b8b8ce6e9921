"""One overbrugging: the request, the state machine with who and when, booked costs, the settlement, repayment.

Only what the state allows is offered: s (next state: toekennen/afwijzen/inzetten/afsluiten), k (book a cost
while it runs), v (record the settlement, from ingezet on), t (the repayment to the voorfinancier), b (edit
the request while it is open). Warnings (over the cap, past the deadline) come from the domain.
"""

from __future__ import annotations

from datetime import date

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Label, Static
from textual.worker import Worker, WorkerState

from domain.overbrugging import (
    COSTS_ALLOWED,
    Overbrugging,
    OverbruggingStatus,
)
from domain.services.overbrugging import OverbruggingResult
from domain.services.workflow import ChangeStatus
from storage.bootstrap import Services
from tui.render.workflow import OverbruggingView, overbrugging_view
from tui.screens.base import DoorbraakScreen, today
from tui.screens.casework_common import pairs, simple_table, steps_table, t
from tui.widgets.quiet_footer import QuietFooter

NARROW = 100


def next_states(overbrugging: Overbrugging) -> list[OverbruggingStatus]:
    """The states `s` offers: the legal ones, except the settlement (that has its own form, v)."""
    return overbrugging.next_states()


def request_view(v: OverbruggingView, columns: int) -> RenderableType:
    rows: list[tuple[str, str | Text]] = [
        ("Nummer", v.reference),
        ("Casus", v.case_number),
        ("Status", t(v.status, "bold")),
        ("Overgang", v.transition + (f" — {v.transition_note}" if v.transition_note else "")),
        ("Voorfinancier", t(v.voorfinancier)),
        ("Plafond", v.cap),
        ("Verwacht", v.expected_cost),
        ("Geboekt", t(v.total_costs, "bold" if v.over_cap else "")),
        ("Resterend", v.remaining),
        ("Start", v.start_date),
        ("Looptijd", f"max. {v.max_duration_months} mnd, tot {v.end_date}"),
        ("Verrekenen vóór", v.settlement_deadline),
    ]
    parties = pairs(
        [
            ("Wetten in geschil", v.laws),
            ("Organisaties", t(v.organisations or "—")),
            ("Benodigde hulp", t(v.support_needed)),
            ("Waarom urgent", t(v.urgency_reason)),
        ],
        columns=1,
        label_width=17,
    )
    return Group(pairs(rows, columns=columns), Text(""), parties)


def costs_view(ob: Overbrugging, v: OverbruggingView) -> RenderableType:
    if not v.costs:
        hint = " Druk op k om kosten te boeken." if ob.status in COSTS_ALLOWED else ""
        return t("Nog geen kosten geboekt." + hint, "italic")
    table = simple_table("Datum", "Omschrijving", "Door", "Bedrag", right=("Bedrag",))
    for cost in v.costs:
        table.add_row(t(cost.on), t(cost.description), t(cost.by), t(cost.amount))
    table.add_row(t("Totaal", "bold"), "", "", t(v.total_costs, "bold"))
    return table


def settlement_view(ob: Overbrugging, v: OverbruggingView) -> RenderableType:
    s = v.settlement
    if s is None:
        hint = " Druk op v om de verrekening vast te leggen." if ob.status is OverbruggingStatus.INGEZET else ""
        return t("Nog geen verrekening." + hint, "italic")
    table = simple_table("Betaler", "Wet", "Aandeel", "Bedrag", right=("Aandeel", "Bedrag"))
    for share in s.shares:
        table.add_row(t(share.payer), t(share.legal_framework or "—"), t(share.percentage_text), t(share.portion))
    lines = pairs(
        [
            ("Besloten op", s.decided_on),
            ("Bedrag", s.amount),
            ("Terug te betalen", s.due + f" aan {v.voorfinancier}" if s.repayments else "niets"),
            ("Terugbetaald op", s.repaid_on or ("nog niet (t legt vast)" if s.repayments else "—")),
        ],
        columns=1,
        label_width=17,
    )
    parts: list[RenderableType] = [table, lines]
    if s.note:
        parts.append(t(s.note))
    return Group(*parts)


class OverbruggingDetailScreen(DoorbraakScreen[None]):
    CSS_PATH = "casework.tcss"

    BINDINGS = [
        Binding("s", "change_status", "Status", id="overbrugging.status",
                tooltip="Naar een volgende stap (alleen wat nu mag)"),
        Binding("k", "book_cost", "Kosten boeken", id="overbrugging.cost", tooltip="Werkelijke kosten boeken"),
        Binding("v", "settle", "Verrekening", id="overbrugging.settle",
                tooltip="Leg vast wie uiteindelijk betaalt (aandelen, bedrag, datum)"),
        Binding("t", "repay", "Terugbetaling", id="overbrugging.repay",
                tooltip="Leg vast dat de voorfinancier is terugbetaald"),
        Binding("b", "edit", "Bewerken", id="overbrugging.edit", show=False, tooltip="De aanvraag wijzigen"),
        Binding("c", "open_case", "Casus", id="overbrugging.case", show=False, tooltip="Open het huishouden"),
        Binding("f5,ctrl+r", "refresh", "Vernieuwen", id="overbrugging.refresh", show=False,
                tooltip="Haal de overbrugging opnieuw op"),
        Binding("escape,backspace", "back", "Terug", id="overbrugging.back", tooltip="Terug naar de lijst"),
    ]

    def __init__(self, services: Services, overbrugging_id: int) -> None:
        super().__init__(services)
        self.overbrugging_id = overbrugging_id
        self.overbrugging: Overbrugging | None = None
        self.sub_title = f"Overbrugging OB-{overbrugging_id}"

    def compose(self) -> ComposeResult:
        yield self.app_header()
        with VerticalScroll(id="overbrugging-body", classes="casework-body"):
            yield Static("", id="overbrugging-warnings", classes="warnings", markup=False)
            yield Static(id="overbrugging-request", classes="first")
            yield Label("Stappen", classes="section-label")
            yield Static(id="overbrugging-steps")
            yield Label("Geboekte kosten", classes="section-label")
            yield Static(id="overbrugging-costs")
            yield Label("Verrekening", classes="section-label")
            yield Static(id="overbrugging-settlement")
        yield QuietFooter()

    def on_mount(self) -> None:
        body = self.query_one("#overbrugging-body")
        body.loading = True
        body.focus()
        self.load()

    def load(self) -> None:
        """Outside the caseload the service asks why (the answer is logged); declining goes back."""
        self.run_for_case(
            lambda purpose: self.services.overbruggingen.get(self.overbrugging_id, purpose=purpose),
            self.show, group="overbrugging", cancelled=self.close_unopened,
            case_number=self.overbrugging.case_number if self.overbrugging else None,
        )

    def show(self, ob: Overbrugging, warnings: list[str] | None = None) -> None:
        self.overbrugging = ob
        self.query_one("#overbrugging-body").loading = False
        # The reference names the kind (OB-); the case number comes second so that 80 columns keep it whole.
        self.sub_title = f"{ob.reference} · {ob.case_number} · {ob.status.label}"
        found = ob.warnings(today(self.services)) if warnings is None else warnings
        box = self.query_one("#overbrugging-warnings", Static)
        box.update("\n".join(f"⚠ {w}" for w in found))
        box.set_class(bool(found), "-visible")
        columns = 2 if self.size.width >= NARROW else 1
        v = overbrugging_view(ob, today(self.services))
        self.query_one("#overbrugging-request", Static).update(request_view(v, columns))
        self.query_one("#overbrugging-steps", Static).update(steps_table(v.steps))
        self.query_one("#overbrugging-costs", Static).update(costs_view(ob, v))
        self.query_one("#overbrugging-settlement", Static).update(settlement_view(ob, v))
        self.refresh_bindings()

    def on_resize(self) -> None:
        if self.overbrugging is not None:
            self.show(self.overbrugging)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "overbrugging" and event.state is WorkerState.ERROR:
            self.query_one("#overbrugging-body").loading = False
            if self.overbrugging is None:
                self.query_one("#overbrugging-request", Static).update(
                    Text("Deze overbrugging kon niet worden geladen. F5 probeert het opnieuw, Esc gaat terug.")
                )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        ob = self.overbrugging
        if ob is None:
            return action in ("back", "refresh")
        if action == "change_status":
            return bool(next_states(ob))
        if action == "book_cost":
            return ob.status in COSTS_ALLOWED
        if action == "settle":
            return ob.status in (OverbruggingStatus.INGEZET, OverbruggingStatus.VERREKENING_BESLOTEN)
        if action == "repay":
            return (ob.status is OverbruggingStatus.VERREKENING_BESLOTEN and ob.settlement is not None
                    and ob.settlement.repaid_on is None and bool(ob.repayments()))
        if action == "edit":
            return not ob.status.is_final
        return True

    # -- after a change -----------------------------------------------------------------------------
    def _changed(self, result: OverbruggingResult | None, message: str | None, *, warn: bool = False) -> None:
        """Show the saved state; `message` None when the form already said it was saved.

        The warnings are always in the box at the top; `warn` also pops them up (after booking a cost, where
        going over the cap is news).
        """
        if result is None:
            return
        self.show(result.overbrugging, result.warnings)
        if message is not None:
            self.notify(message.format(ob=result.overbrugging), title="Opgeslagen", markup=False)
        for warning in result.warnings if warn else []:
            self.notify(warning, title="Let op", severity="warning", timeout=10, markup=False)

    # -- actions ------------------------------------------------------------------------------------
    def action_back(self) -> None:
        self.dismiss(None)

    def action_refresh(self) -> None:
        self.load()

    def action_open_case(self) -> None:
        if self.overbrugging is None:
            return
        from tui.screens.household_detail import HouseholdDetailScreen

        self.app.push_screen(HouseholdDetailScreen(self.services, self.overbrugging.case_number))

    def action_change_status(self) -> None:
        ob = self.overbrugging
        if ob is None or ob.id is None:
            return
        from tui.screens.step_dialog import StepDialog

        ob_id, version, day, case = ob.id, ob.version, today(self.services), ob.case_number

        def submit(value: str, on: date | None, note: str) -> OverbruggingResult:
            command = ChangeStatus(ob_id, OverbruggingStatus(value), version, on=on, note=note,
                                   purpose=self.case_reason(case))
            return self.services.overbruggingen.change_status(command, today=day)

        hint = "verplicht bij afwijzen" if OverbruggingStatus.AFGEWEZEN in next_states(ob) else "optioneel"
        self.app.push_screen(
            StepDialog(self.services, title="Volgende stap", current=ob.status.label,
                       choices=[(s.value, s.label) for s in next_states(ob)], submit=submit, today=day,
                       note_hint=hint),
            lambda result: self._changed(result, "{ob.reference} is nu '{ob.status.label}'."),
        )

    def action_book_cost(self) -> None:
        if self.overbrugging is None:
            return
        from tui.screens.overbrugging_dialogs import CostDialog

        self.app.push_screen(CostDialog(self.services, self.overbrugging, today(self.services)),
                             lambda result: self._changed(result, "Kosten geboekt op {ob.reference}.", warn=True))

    def action_repay(self) -> None:
        if self.overbrugging is None:
            return
        from tui.screens.overbrugging_dialogs import RepaymentDialog

        self.app.push_screen(RepaymentDialog(self.services, self.overbrugging, today(self.services)),
                             lambda result: self._changed(result, "Terugbetaling vastgelegd op {ob.reference}."))

    def action_settle(self) -> None:
        if self.overbrugging is None:
            return
        from tui.screens.settlement_form import SettlementFormScreen

        self.app.push_screen(SettlementFormScreen(self.services, self.overbrugging),
                             lambda result: self._changed(result, None))

    def action_edit(self) -> None:
        if self.overbrugging is None:
            return
        from tui.screens.overbrugging_form import OverbruggingFormScreen

        self.app.push_screen(OverbruggingFormScreen(self.services, existing=self.overbrugging),
                             lambda result: self._changed(result, None))
