"""Record the settlement of an overbrugging: the final payer (100 %) or shares summing to 100 %, amount, date.

From `ingezet` this moves the overbrugging to `verrekening_besloten`; a decided settlement can be corrected
until the overbrugging is closed. Without an amount the booked costs are settled.
"""

from __future__ import annotations

from decimal import Decimal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Label, Static

from domain.household import LegalFramework
from domain.overbrugging import Overbrugging, SettlementShare
from domain.services.casework import parse
from domain.services.overbrugging import OverbruggingResult, SettlementDraft, SettleOverbrugging
from storage.bootstrap import Services
from tui.render.format import format_money
from tui.screens.base import today
from tui.screens.item_list_form import ItemListFormScreen
from tui.screens.overbrugging_form import text_area
from tui.widgets.form_field import FormField
from tui.widgets.form_values import (
    FormValues,
    format_date_input,
    format_money_input,
    parse_date_input,
    parse_money_input,
)
from tui.widgets.item_editors import ItemEditor, ItemList, choice, text_input
from tui.widgets.quiet_footer import QuietFooter


def percentage_text(value: Decimal) -> str:
    return f"{value.normalize():f}".replace(".", ",")


class ShareEditor(ItemEditor):
    title = "Betaler"

    def __init__(self, share: SettlementShare | None = None, *, percentage: str = "") -> None:
        super().__init__(None)
        self.share = share
        self.percentage = percentage_text(share.percentage) if share else percentage

    def fields(self) -> list[FormField]:
        s = self.share
        frameworks = [(f.value, f.value) for f in LegalFramework]
        return [
            FormField("Betaler", text_input(s.payer if s else "", placeholder="bijv. Zorgkantoor"), name="payer",
                      required=True),
            FormField("Aandeel %", text_input(self.percentage, placeholder="bijv. 100 of 50,5", max_length=7),
                      name="percentage", required=True),
            FormField("Wet", choice(frameworks, s.legal_framework.value if s and s.legal_framework else None,
                                    prompt="(geen)", allow_blank=True), name="legal_framework", span=True),
        ]

    def values(self) -> FormValues:
        data: FormValues = {"payer": self.value_of("payer"), "legal_framework": self.value_of("legal_framework")}
        percentage = parse_money_input(self.value_of("percentage"))
        if percentage is not None:
            data["percentage"] = percentage
        return data


class SettlementFormScreen(ItemListFormScreen[OverbruggingResult]):
    CSS_PATH = "casework.tcss"
    labels = {"shares": "Betalers", "amount": "Bedrag", "decided_on": "Besloten op"}

    BINDINGS = [
        Binding("ctrl+n", "add_share", "Betaler toevoegen", id="settlement.add", tooltip="Nog een betaler (aandelen)"),
        Binding("ctrl+r", "remove_share", "Verwijderen", id="settlement.remove",
                tooltip="Verwijder de betaler waar de cursor staat"),
    ]

    def __init__(self, services: Services, overbrugging: Overbrugging) -> None:
        super().__init__(services)
        self.overbrugging = overbrugging
        self.sub_title = f"Verrekening · {overbrugging.reference} · {overbrugging.case_number}"

    def compose(self) -> ComposeResult:
        ob = self.overbrugging
        s = ob.settlement
        editors: list[ItemEditor] = [ShareEditor(share) for share in s.shares] if s else [
            ShareEditor(percentage="100")]
        yield self.app_header()
        with VerticalScroll(id="form-body", classes="casework-form", can_focus=False):
            yield Static("", classes="form-error", markup=False)
            yield Static(
                f"Voorfinancier: {ob.voorfinancier} · geboekt {format_money(ob.total_costs)} · plafond "
                f"{format_money(ob.cap)}", classes="first", markup=False,
            )
            yield ItemList(path="shares", title="Wie betaalt uiteindelijk (samen 100 %)",
                           add_label="+ Betaler toevoegen (Ctrl+N)", editors=editors)
            yield Label("Het besluit", classes="section-label")
            yield self.field("Bedrag", text_input(format_money_input(s.amount if s else ob.total_costs),
                                                  placeholder="leeg = de geboekte kosten", max_length=20),
                             path="amount")
            yield self.field("Besloten op", text_input(format_date_input(s.decided_on if s else today(self.services)),
                                                       placeholder="dd-mm-jjjj", max_length=10), path="decided_on")
            yield self.field("Toelichting", text_area(s.note if s else ""), path="note")
        yield QuietFooter()

    def on_mount(self) -> None:
        self.query_one(ItemList).editors[0].focus_first()

    def draft(self) -> FormValues:
        data: FormValues = {"shares": self.query_one(ItemList).values(), "note": self.value("note")}
        amount = parse_money_input(self.value("amount"))
        if amount is not None:
            data["amount"] = amount
        decided = parse_date_input(self.value("decided_on"))
        if decided is not None:
            data["decided_on"] = decided
        return data

    def submit(self, draft: FormValues) -> OverbruggingResult:
        ob = self.overbrugging
        assert ob.id is not None
        return self.services.overbruggingen.settle(SettleOverbrugging(
            ob.id, parse(SettlementDraft, draft), ob.version, today=today(self.services),
            purpose=self.case_reason(ob.case_number)))

    def saved_message(self, result: OverbruggingResult) -> str:
        return f"Verrekening van {result.overbrugging.reference} is vastgelegd."

    async def action_add_share(self) -> None:
        await self.query_one(ItemList).add(ShareEditor())

    async def add_item(self) -> None:
        await self.action_add_share()

    async def action_remove_share(self) -> None:
        await self.remove_focused_item()
