"""Request (or change) an overbrugging: support needed, urgency, transition, parties, money and dates.

The draft goes to the service as typed (only dd-mm-jjjj and 1.234,56 are translated); every Problem comes
back at its field and nothing typed is lost.
"""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, Static, TextArea

from domain.errors import InvalidInput, Problem
from domain.household import LegalFramework
from domain.messages import invalid_input
from domain.overbrugging import Overbrugging, Transition, add_months
from domain.services.casework import parse
from domain.services.overbrugging import (
    OverbruggingDraft,
    OverbruggingResult,
    RequestOverbrugging,
    UpdateOverbrugging,
)
from storage.bootstrap import Services
from tui.screens.base import today
from tui.screens.casework_common import lines_of
from tui.screens.form_base import FormScreen
from tui.widgets.check_list import CheckList
from tui.widgets.form_values import (
    FormValues,
    format_date_input,
    format_money_input,
    parse_date_input,
    parse_money_input,
)
from tui.widgets.item_editors import choice, text_input
from tui.widgets.quiet_footer import QuietFooter

DEFAULT_DURATION = 6
DEFAULT_SETTLE_MONTHS = 3


def text_area(value: str = "") -> TextArea:
    return TextArea(value, soft_wrap=True, tab_behavior="focus", show_line_numbers=False, compact=True)


def laws_list(selected: list[LegalFramework]) -> CheckList:
    return CheckList(*[(law.value, law.value, law in selected) for law in LegalFramework], compact=True)


class OverbruggingFormScreen(FormScreen[OverbruggingResult]):
    """Dismisses with the `OverbruggingResult` of the save, or None."""

    CSS_PATH = "casework.tcss"
    labels = {"case_number": "Casus", "transition_note": "Toelichting overgang"}

    def __init__(
        self,
        services: Services,
        *,
        case_number: str | None = None,
        existing: Overbrugging | None = None,
        preset: FormValues | None = None,
    ) -> None:
        super().__init__(services)
        self.existing = existing
        self.case_number = existing.case_number if existing else case_number
        self.preset = preset or {}
        what = f"Overbrugging {existing.reference} wijzigen" if existing else "Overbrugging aanvragen"
        self.sub_title = f"{what} · {self.case_number}" if self.case_number else what

    def _initial_values(self) -> FormValues:
        ob = self.existing
        if ob is not None:
            return ob.model_dump()
        day = today(self.services)
        start: date = self.preset.get("start_date", day)
        return {
            "support_needed": "", "urgency_reason": "", "transition": Transition.OVERIG, "transition_note": "",
            "laws_in_dispute": [], "organisations_in_dispute": [], "voorfinancier": "", "cap": None,
            "expected_cost": None, "start_date": start, "max_duration_months": DEFAULT_DURATION,
            "settlement_deadline": add_months(start, DEFAULT_SETTLE_MONTHS),
        } | self.preset

    def compose(self) -> ComposeResult:
        v = self._initial_values()

        def money(key: str) -> str:
            return format_money_input(v[key]) if v.get(key) is not None else ""

        yield self.app_header()
        with VerticalScroll(id="form-body", classes="casework-form", can_focus=False):
            yield Static("", classes="form-error", markup=False)
            if self.case_number is None:
                yield self.field("Casus", text_input(placeholder="DB-2026-000123", max_length=20),
                                 path="case_number", required=True)
            yield Label("Welke hulp en waarom nu", classes="section-label")
            yield self.field("Benodigde hulp", text_area(v["support_needed"]), path="support_needed", required=True)
            yield self.field("Waarom urgent", text_area(v["urgency_reason"]), path="urgency_reason", required=True)
            yield Label("Het geschil", classes="section-label")
            yield self.field("Overgang", choice([(tr.label, tr.value) for tr in Transition],
                                                Transition(v["transition"]).value), path="transition", required=True)
            yield self.field("Toelichting overgang", text_input(v["transition_note"],
                                                                placeholder="verplicht bij 'Andere overgang'"),
                             path="transition_note")
            yield self.field("Wetten in geschil", laws_list([LegalFramework(x) for x in v["laws_in_dispute"]]),
                             path="laws_in_dispute", required=True)
            yield Static("Spatie kiest een wet; ten minste één.", classes="field-hint")
            yield self.field("Organisaties in geschil", text_area("\n".join(v["organisations_in_dispute"])),
                             path="organisations_in_dispute")
            yield Static("Eén organisatie per regel.", classes="field-hint")
            yield Label("Geld en termijnen", classes="section-label")
            yield self.field("Voorfinancier", text_input(v["voorfinancier"], placeholder="wie betaalt voor"),
                             path="voorfinancier", required=True)
            yield self.field("Plafond", text_input(money("cap"), placeholder="€, bijv. 5000,00", max_length=20),
                             path="cap", required=True)
            yield self.field("Verwachte kosten", text_input(money("expected_cost"), placeholder="€",
                                                            max_length=20), path="expected_cost", required=True)
            yield self.field("Startdatum", text_input(format_date_input(v["start_date"]), placeholder="dd-mm-jjjj",
                                                      max_length=10), path="start_date", required=True)
            yield self.field("Maximale looptijd (mnd)", text_input(str(v["max_duration_months"]), max_length=3),
                             path="max_duration_months", required=True)
            yield self.field("Uiterste verrekendatum", text_input(format_date_input(v["settlement_deadline"]),
                                                                  placeholder="dd-mm-jjjj", max_length=10),
                             path="settlement_deadline", required=True)
        yield QuietFooter()

    def on_mount(self) -> None:
        first = "case_number" if "case_number" in self._fields else "support_needed"
        self._fields[first].control.focus()

    def draft(self) -> FormValues:
        data: FormValues = {
            "support_needed": self.value("support_needed"),
            "urgency_reason": self.value("urgency_reason"),
            "transition": self.value("transition"),
            "transition_note": self.value("transition_note"),
            # In the list's order, not the order they were ticked in.
            "laws_in_dispute": [law.value for law in LegalFramework if law.value in self.value("laws_in_dispute")],
            "organisations_in_dispute": lines_of(self.value("organisations_in_dispute")),
            "voorfinancier": self.value("voorfinancier"),
        }
        for key in ("cap", "expected_cost"):
            amount = parse_money_input(self.value(key))
            if amount is not None:
                data[key] = amount
        for key in ("start_date", "settlement_deadline"):
            day = parse_date_input(self.value(key))
            if day is not None:
                data[key] = day
        months = self.value("max_duration_months").strip()
        if months:
            data["max_duration_months"] = months
        if "case_number" in self._fields:
            data["case_number"] = self.value("case_number").strip().upper()
        return data

    def submit(self, draft: FormValues) -> OverbruggingResult:
        draft = dict(draft)
        case_number = draft.pop("case_number", None) or self.case_number
        if self.existing is not None:
            assert self.existing.id is not None
            return self.services.overbruggingen.update(UpdateOverbrugging(
                self.existing.id, parse(OverbruggingDraft, draft), self.existing.version, today=today(self.services),
                purpose=self.case_reason(self.existing.case_number)))
        if not case_number:
            # Name every problem at once, not the missing case number first and the rest after the next save.
            problems = [Problem("case_number", "Vul het casusnummer van het huishouden in.")]
            try:
                OverbruggingDraft.model_validate(draft)
            except ValidationError as exc:
                problems += invalid_input(exc).problems
            raise InvalidInput(problems)
        return self.services.overbruggingen.request(RequestOverbrugging(
            case_number, parse(OverbruggingDraft, draft), today=today(self.services),
            purpose=self.case_reason(case_number)))

    def saved_message(self, result: OverbruggingResult) -> str:
        ob = result.overbrugging
        return f"Overbrugging {ob.reference} is {'opgeslagen' if self.existing else 'aangevraagd'}."
