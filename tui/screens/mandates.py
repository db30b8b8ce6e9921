"""Mandaten (g m): the mandate register of beheer — who may decide plans and grant overbruggingen.

The list shows every mandate of the actor's municipalities with its state (geldig, verlopen, ingetrokken, nog
niet geldig); n registers a mandate (a form), i revokes the highlighted one after asking the reason (Awb 10:8),
F5 reloads, Esc goes back. Every change goes through `services.mandates` and is audited (docs/mandaat.md).
"""

from __future__ import annotations

from datetime import date

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Label, SelectionList, Static

from domain import reference
from domain.mandate import Mandate, MandateDraft, deviation_kinds
from domain.services.casework import parse
from domain.services.mandates import MandateRow, RevokeMandate
from storage.bootstrap import Services
from tui.render.format import format_date, format_money
from tui.screens.base import DoorbraakScreen, today
from tui.screens.form_base import FormDialog, FormScreen
from tui.widgets.form_values import FormValues, format_date_input, parse_date_input, parse_money_input
from tui.widgets.item_editors import choice, text_input
from tui.widgets.row_table import Column, Row, RowTable

COLUMNS = [
    Column("id", "Nr.", width=5),
    Column("holder", "Mandaathouder", ratio=4),
    Column("municipality", "Gemeente", ratio=2),
    Column("amount", "Max. per plan", width=13, justify="right"),
    Column("period", "Geldig", width=25),
    Column("state", "Status", width=15),
    Column("kinds", "Afwijkingen", ratio=4, wide_only=True),
]


def mandate_row(row: MandateRow) -> Row:
    m = row.mandate
    kinds = f"alle {len(m.deviation_kinds)}" if len(m.deviation_kinds) == len(deviation_kinds()) else (
        ", ".join(m.kind_labels) or "geen")
    return Row(str(m.id), [m.reference, f"{m.holder_name} ({m.holder_username})", m.municipality_name,
                           format_money(m.max_amount), f"{format_date(m.valid_from)} t/m {format_date(m.valid_until)}",
                           row.state, kinds], style="dim" if row.state != "geldig" else "")


class MandatesScreen(DoorbraakScreen[None]):
    CSS_PATH = "casework.tcss"
    AUTO_FOCUS = "#mandate-table"

    BINDINGS = [
        Binding("n", "new", "Nieuw mandaat", id="mandaten.new", tooltip="Een mandaat vastleggen"),
        Binding("i", "revoke", "Intrekken", id="mandaten.revoke",
                tooltip="Het gekozen mandaat intrekken (het blijft in het register)"),
        Binding("f5,ctrl+r", "refresh", "Vernieuwen", id="mandaten.refresh", show=False,
                tooltip="Haal het register opnieuw op"),
        Binding("escape", "back", "Terug", id="mandaten.back", tooltip="Terug"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.sub_title = "Mandaten"
        self.rows: list[MandateRow] = []

    def compose(self) -> ComposeResult:
        yield self.app_header()
        yield Static("Wie plannen mag vaststellen en overbruggingen mag toekennen, per gemeente (Awb 10:1 e.v.). "
                     "Wie een plan schreef of een overbrugging aanvroeg, beslist er niet zelf over.",
                     classes="form-hint", markup=False)
        yield RowTable(COLUMNS, id="mandate-table")
        yield Static("", id="mandate-status-line", classes="status-line", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    @property
    def table(self) -> RowTable:
        return self.query_one("#mandate-table", RowTable)

    @work(thread=True, exclusive=True, group="mandates-load", exit_on_error=False)
    def reload(self, keep: str | None = None) -> None:
        rows = self.services.mandates.list(today=today(self.services))
        self.app.call_from_thread(self._show, rows, keep)

    def _show(self, rows: list[MandateRow], keep: str | None) -> None:
        self.rows = rows
        self.table.set_rows([mandate_row(r) for r in rows], keep_key=keep)
        valid = sum(1 for r in rows if r.state == "geldig")
        text = (f"{len(rows)} mandaten, {valid} geldig · n nieuw · i intrekken" if rows
                else "Het mandaatregister is leeg. n legt een mandaat vast.")
        self.query_one("#mandate-status-line", Static).update(text)

    def current(self) -> MandateRow | None:
        key = self.table.current_key
        return next((r for r in self.rows if str(r.mandate.id) == key), None)

    def action_refresh(self) -> None:
        self.reload(keep=self.table.current_key)

    def action_back(self) -> None:
        self.leave()

    def action_new(self) -> None:
        def done(saved: Mandate | None) -> None:
            if saved is not None:
                self.reload(keep=str(saved.id))

        self.app.push_screen(MandateFormScreen(self.services), done)

    def action_revoke(self) -> None:
        row = self.current()
        if row is None:
            self.notify("Kies eerst een mandaat in de lijst.", markup=False)
            return
        if row.mandate.revoked_on is not None:
            self.notify(f"Mandaat {row.mandate.reference} is al ingetrokken.", markup=False)
            return
        def done(saved: Mandate | None) -> None:
            if saved is not None:
                self.notify(f"Mandaat {saved.reference} is ingetrokken per {format_date(saved.revoked_on)}.",
                            title="Ingetrokken", markup=False)
                self.reload(keep=str(saved.id))

        self.app.push_screen(RevokeDialog(self.services, row.mandate), done)


class RevokeDialog(FormDialog[Mandate]):
    """Revoke a mandate (Awb 10:8): the reason and the first day it covers nothing; it stays in the register."""

    CSS_PATH = "casework.tcss"

    def __init__(self, services: Services, mandate: Mandate) -> None:
        super().__init__(services)
        self.mandate = mandate

    def compose(self) -> ComposeResult:
        m = self.mandate
        with Vertical(classes="dialog casework-dialog", id="revoke-dialog") as dialog:
            dialog.border_title = f"Mandaat {m.reference} intrekken"
            yield Label(f"{m.holder_name}, {m.municipality_name}. Vanaf de gekozen dag dekt het mandaat geen besluit "
                        "meer; het blijft in het register en de intrekking komt in het logboek.", markup=False,
                        classes="dialog-text")
            yield Static("", classes="form-error", markup=False)
            yield self.field("Reden", text_input(placeholder="bijv. andere functie", max_length=200), path="reason",
                             required=True)
            yield self.field("Per", text_input(format_date_input(today(self.services)), placeholder="dd-mm-jjjj",
                                               max_length=10), path="revoked_on", required=True)
            yield Label("Ctrl+S of Enter in het laatste veld trekt in · Esc annuleert", classes="dialog-hint")

    def on_mount(self) -> None:
        self._fields["reason"].control.focus()

    def draft(self) -> FormValues:
        return {"reason": self.value("reason"), "revoked_on": self.value("revoked_on")}

    def submit(self, draft: FormValues) -> Mandate:
        assert self.mandate.id is not None
        command = parse(RevokeMandate, {"mandate_id": self.mandate.id, "reason": draft["reason"],
                                        "expected_version": self.mandate.version,
                                        "revoked_on": parse_date_input(str(draft["revoked_on"]))})
        return self.services.mandates.revoke(command, today=today(self.services))


class MandateFormScreen(FormScreen[Mandate]):
    """Register a mandate: holder, municipality, deviation kinds, maximum per plan, period, mandaatgever."""

    CSS_PATH = "casework.tcss"
    labels = {"deviation_kinds": "Afwijkingen", "valid_from": "Geldig vanaf", "valid_until": "Geldig tot en met"}

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.sub_title = "Nieuw mandaat"

    def compose(self) -> ComposeResult:
        day = today(self.services)
        codes = sorted(self.services.actor.municipality_codes or reference.municipalities())
        names = reference.municipalities()
        yield self.app_header()
        with VerticalScroll(id="form-body", classes="casework-form", can_focus=False):
            yield Static("", classes="form-error", markup=False)
            yield Static("Leg vast wat het mandaatbesluit van het college zegt. Op een database met accounts is de "
                         "mandaathouder een account dat casussen mag wijzigen.", classes="form-hint", markup=False)
            yield Label("Mandaathouder", classes="section-label")
            yield self.field("Gebruikersnaam", text_input(placeholder="bijv. s.dewit", max_length=40),
                             path="holder_username", required=True)
            yield self.field("Naam", text_input(placeholder="zonder accounts; anders die van het account"),
                             path="holder_name")
            yield self.field("Functie", text_input("maatwerkfunctionaris"), path="function")
            yield Label("Reikwijdte", classes="section-label")
            yield self.field("Gemeente", choice([(f"{names[c]} ({c})", c) for c in codes],
                                                codes[0] if len(codes) == 1 else None, prompt="Kies een gemeente…"),
                             path="municipality_code", required=True)
            yield self.field("Afwijkingen", SelectionList[str](*[(label, code, False) for code, label in
                                                                 deviation_kinds().items()], compact=True),
                             path="deviation_kinds")
            yield self.field("Max. per plan", text_input(placeholder="bijv. 25.000,00", max_length=20),
                             path="max_amount", required=True)
            yield self.field("Geldig vanaf", text_input(format_date_input(day), placeholder="dd-mm-jjjj",
                                                        max_length=10), path="valid_from", required=True)
            yield self.field("Geldig t/m", text_input(format_date_input(date(day.year, 12, 31)),
                                                      placeholder="dd-mm-jjjj", max_length=10),
                             path="valid_until", required=True)
            yield self.field("Verleend door", text_input(placeholder="college en mandaatbesluit", max_length=200),
                             path="granted_by", required=True)
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self._fields["holder_username"].control.focus()

    def draft(self) -> FormValues:
        return {path: self.value(path) for path in self._fields}

    def submit(self, draft: FormValues) -> Mandate:
        data: FormValues = dict(draft)
        data["deviation_kinds"] = tuple(draft.get("deviation_kinds") or ())
        data["municipality_code"] = draft.get("municipality_code") or ""
        data["max_amount"] = parse_money_input(str(draft.get("max_amount") or ""))
        for path in ("valid_from", "valid_until"):
            data[path] = parse_date_input(str(draft.get(path) or ""))
        return self.services.mandates.add(parse(MandateDraft, data))

    def saved_message(self, result: Mandate) -> str:
        return f"Mandaat {result.reference} vastgelegd voor {result.holder_name}."
