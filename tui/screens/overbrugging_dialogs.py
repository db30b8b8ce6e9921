"""Small overbrugging dialogs: book an actual cost (warns over the cap) and record the repayment."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from domain.errors import InvalidInput, Problem
from domain.overbrugging import Overbrugging
from domain.services.casework import parse
from domain.services.overbrugging import BookCost, CostDraft, OverbruggingResult, RecordRepayment
from storage.bootstrap import Services
from tui.render.format import format_money
from tui.screens.casework_common import to_date
from tui.screens.form_base import FormDialog
from tui.widgets.form_values import FormValues, format_date_input, parse_date_input, parse_money_input
from tui.widgets.item_editors import text_input


class CostDialog(FormDialog[OverbruggingResult]):
    """Amount (a negative amount corrects an earlier booking), what it is for, and the date."""

    aliases = {"datum": "booked_on", "bedrag": "amount"}

    def __init__(self, services: Services, overbrugging: Overbrugging, today: date) -> None:
        super().__init__(services)
        self.overbrugging = overbrugging
        self.today = today

    def compose(self) -> ComposeResult:
        ob = self.overbrugging
        with Vertical(classes="dialog casework-dialog", id="cost-dialog") as dialog:
            dialog.border_title = f"Kosten boeken · {ob.reference}"
            yield Label(f"Geboekt: {format_money(ob.total_costs)} van plafond {format_money(ob.cap)} "
                        f"(resterend {format_money(ob.remaining)}).", markup=False)
            yield Static("", classes="form-error", markup=False)
            yield self.field("Bedrag", text_input(placeholder="€, bijv. 450,00 (min = correctie)", max_length=20),
                             path="amount", required=True)
            yield self.field("Omschrijving", text_input(placeholder="bijv. factuur begeleiding oktober"),
                             path="description", required=True)
            yield self.field("Datum", text_input(format_date_input(self.today), placeholder="dd-mm-jjjj",
                                                 max_length=10), path="booked_on")
            yield Static("", id="cost-preview", classes="dialog-hint", markup=False)
            yield Label("Ctrl+S of Enter in het laatste veld boekt · Esc annuleert", classes="dialog-hint")

    def on_mount(self) -> None:
        self._fields["amount"].control.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        # Say before saving what the booking does to the cap; the domain warns again after the save.
        if event.input is not self._fields["amount"].control:
            return
        preview = self.query_one("#cost-preview", Static)
        amount = parse_money_input(event.value)
        try:
            after = self.overbrugging.total_costs + Decimal(amount or "0")
        except ArithmeticError:
            preview.update("")
            return
        over = after > self.overbrugging.cap
        preview.update(f"Na deze boeking: {format_money(after)}"
                       + (" — LET OP: boven het plafond." if over else "."))

    def draft(self) -> FormValues:
        data: FormValues = {"description": self.value("description")}
        amount = parse_money_input(self.value("amount"))
        if amount is not None:
            data["amount"] = amount
        booked = parse_date_input(self.value("booked_on"))
        if booked is not None:
            data["booked_on"] = booked
        return data

    def submit(self, draft: FormValues) -> OverbruggingResult:
        assert self.overbrugging.id is not None
        return self.services.overbruggingen.book_cost(BookCost(
            self.overbrugging.id, parse(CostDraft, draft), self.overbrugging.version, today=self.today,
            purpose=self.case_reason(self.overbrugging.case_number)))


class RepaymentDialog(FormDialog[OverbruggingResult]):
    """The date the final payer(s) repaid the voorfinancier."""

    def __init__(self, services: Services, overbrugging: Overbrugging, today: date) -> None:
        super().__init__(services)
        self.overbrugging = overbrugging
        self.today = today

    def compose(self) -> ComposeResult:
        ob = self.overbrugging
        owed = "; ".join(f"{r.payer} betaalt {format_money(r.amount)} terug" for r in ob.repayments()) or "niets"
        with Vertical(classes="dialog casework-dialog", id="repayment-dialog") as dialog:
            dialog.border_title = f"Terugbetaling · {ob.reference}"
            yield Label(f"Aan de voorfinancier ({ob.voorfinancier}): {owed}.", markup=False)
            yield Static("", classes="form-error", markup=False)
            yield self.field("Terugbetaald op", text_input(format_date_input(self.today), placeholder="dd-mm-jjjj",
                                                           max_length=10), path="datum", required=True)
            yield Label("Enter of Ctrl+S legt vast · Esc annuleert", classes="dialog-hint")

    def on_mount(self) -> None:
        self._fields["datum"].control.focus()

    def draft(self) -> FormValues:
        return {"datum": self.value("datum")}

    def submit(self, draft: FormValues) -> OverbruggingResult:
        assert self.overbrugging.id is not None
        repaid = to_date(draft["datum"], "datum", "De datum")
        if repaid is None:
            raise InvalidInput([Problem("datum", "Vul de datum van de terugbetaling in.")])
        return self.services.overbruggingen.record_repayment(RecordRepayment(
            self.overbrugging.id, repaid, self.overbrugging.version, today=self.today,
            purpose=self.case_reason(self.overbrugging.case_number)))
