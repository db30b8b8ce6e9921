"""The step Maatschappelijke rekensom: horizon and discount rate, the cost lines, the per-payer table with
who pays for the doorbraak and who gains (the "wrong pocket"), and a bar chart per payer.

Every amount shown is computed by the domain (`calculate_rekensom`); this step only collects the lines.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import ValidationError
from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.message import Message
from textual.widgets import DataTable, Label, Static

from domain.errors import Problem
from domain.messages import dutch_problems
from domain.plan import PlanContent, PlanStep
from domain.rekensom import FREQUENCY_LABELS, Frequency, Payer, RekensomResult, Scenario
from domain.services.plans import calculate_rekensom
from tui.plan_session import Content, next_id
from tui.render.format import format_money
from tui.render.rekensom import rekensom_view
from tui.widgets.form_field import FormField
from tui.widgets.form_values import FormValues
from tui.widgets.plan_fields import (
    int_value,
    line_input,
    percent_text,
    percent_value,
    problems_under,
    show_at_fields,
    side,
)
from tui.widgets.plan_step import StepContext, StepView, general_problems, hint
from tui.widgets.rekensom_chart import RekensomChart

FREQUENCIES = {f.value for f in Frequency}
SCENARIO_SHORT = {Scenario.HUIDIG_PAD.value: "H", Scenario.DOORBRAAK.value: "D"}


def _payer_label(code: Any) -> str:
    try:
        return Payer(code).label
    except ValueError:
        return str(code or "—")


def _route(line: FormValues) -> str:
    """ "Gemeente – Wmo" for kosten; "Huishouden → Rijk (Staat)" for an overdracht."""
    if line.get("kind") == "overdracht" and line.get("receiver"):
        return f"{_payer_label(line.get('payer'))} → {_payer_label(line.get('receiver'))}"
    return _payer_label(line.get("payer"))


def _short(value: Any, width: int) -> str:
    text = " ".join(str(value or "").split())
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def payer_table(result: RekensomResult) -> RenderableType:
    """Huidig pad, doorbraak and verschil per payer, with the totals (sums of the rounded payer sums)."""
    if result.is_empty:
        return Text("Nog geen kostenregels. Ctrl+N voegt een regel toe (uit de kengetallen of vrij).",
                    style="italic")
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False, header_style="bold",
                  show_footer=True, footer_style="bold")
    view = rekensom_view(result)
    table.add_column("Partij", view.total.label, ratio=1, min_width=12)
    table.add_column("Huidig pad", view.total.huidig_pad, justify="right", no_wrap=True)
    table.add_column("Doorbraak", view.total.doorbraak, justify="right", no_wrap=True)
    table.add_column("Verschil", view.total.verschil, justify="right", no_wrap=True)
    for row in view.rows:
        table.add_row(row.label, row.huidig_pad, row.doorbraak, row.verschil)
    return table


def pocket_text(result: RekensomResult) -> Text:
    """Who pays for the doorbraak and who gains (verschil = huidig pad − doorbraak; positive is a saving)."""
    text = Text()
    if result.is_empty:
        return text
    view = rekensom_view(result)
    text.append("Betaalt voor de doorbraak: ", style="bold")
    text.append("; ".join(map(str, view.pays)) or "niemand (geen betaler gaat erop achteruit)")
    text.append("\nWint bij de doorbraak: ", style="bold")
    text.append("; ".join(map(str, view.gains)) or "niemand")
    if result.wrong_pocket:
        text.append("\n⚠ Verkeerde zak: wie betaalt voor de doorbraak is niet wie er wint.", style="bold")
    text.append(
        f"\nSaldo voor de samenleving: {format_money(result.verschil)} over {result.horizon_months} maanden"
        + (" (alleen echte kosten; besparing)" if result.verschil > 0 else " (alleen echte kosten)")
    )
    if view.transfers:
        text.append("\nVerschuivingen (overdrachten): ", style="bold")
        text.append("; ".join(f"{t.route} {t.amount} ({t.scenario})" for t in view.transfers))
    return text


class CostLineTable(DataTable[Text]):
    """The cost lines; Enter edits, Delete removes, k/v add from the kengetallen or a free line."""

    BINDINGS = [
        Binding("enter", "edit", "Regel bewerken", id="plan.rekensom.edit", tooltip="De gekozen kostenregel"),
        Binding("k", "add('kengetal')", "Uit kengetallen", id="plan.rekensom.kengetal", show=False,
                tooltip="Een regel uit de kengetallen van de gemeente"),
        Binding("v", "add('vrij')", "Vrije regel", id="plan.rekensom.free", show=False,
                tooltip="Een regel zonder kengetal (met eigen bron)"),
        Binding("delete", "remove", "Regel verwijderen", id="plan.rekensom.remove", show=False,
                tooltip="Verwijder de gekozen kostenregel"),
    ]

    @dataclass
    class Edit(Message):
        index: int

    @dataclass
    class Add(Message):
        kind: str

    @dataclass
    class Remove(Message):
        index: int

    def __init__(self) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, cell_padding=0, id="cost-lines")

    def action_edit(self) -> None:
        if self.row_count:
            self.post_message(self.Edit(self.cursor_row))

    def action_add(self, kind: str) -> None:
        self.post_message(self.Add(kind))

    def action_remove(self) -> None:
        if self.row_count:
            self.post_message(self.Remove(self.cursor_row))


class RekensomStep(StepView):
    step = PlanStep.REKENSOM
    can_add = True
    hint = ("Wat kost doormodderen (huidig pad) en wat kost de doorbraak, per partij (ook het huishouden)? "
            "Ctrl+N voegt een regel toe, Enter bewerkt, Del verwijdert.")

    def __init__(self, ctx: StepContext) -> None:
        super().__init__(ctx)
        section = ctx.content.get("rekensom") or {}
        self.section = section
        self.lines: list[FormValues] = [copy.deepcopy(line) for line in section.get("lines") or []]
        for line in self.lines:
            if not line.get("id"):
                line["id"] = next_id("k", [ln.get("id") for ln in self.lines])
        self.pending: tuple[int | None, FormValues] | None = None
        """A line still being typed in the line dialog: (index or None for a new line, values)."""
        self.fields: dict[str, FormField] = {}
        self.result: RekensomResult | None = None
        self.line_problems: dict[int, str] = {}
        self.last_scenario = Scenario.HUIDIG_PAD

    def compose(self) -> ComposeResult:
        ro = self.ctx.read_only
        yield hint(self.hint if not ro else "Dit plan is vastgesteld; de rekensom kan niet meer veranderen.")
        yield Static("", classes="step-errors", markup=False)
        with Grid(classes="rekensom-settings"):
            self.fields["horizon_months"] = side(
                "Horizon mnd", line_input(str(self.section.get("horizon_months", 12)), max_length=3, disabled=ro,
                                          placeholder="12"), name="horizon_months")
            self.fields["discount_rate"] = side(
                "Discontering", line_input(percent_text(self.section.get("discount_rate", "0")), max_length=8,
                                           disabled=ro, placeholder="% per jaar"), name="discount_rate")
            yield self.fields["horizon_months"]
            yield self.fields["discount_rate"]
        yield Label("Kostenregels", classes="section-label", id="lines-title")
        yield CostLineTable()
        yield Static("", id="line-errors", classes="step-errors", markup=False)
        yield Label(
            "Per partij, netto (verschil = huidig pad − doorbraak; positief: gaat erop vooruit)",
            classes="section-label",
        )
        yield Static(id="payer-table")
        yield Static(id="pocket")
        yield Label("Grafiek per partij (netto; een negatief bedrag: die partij ontvangt meer dan zij betaalt)",
                    classes="section-label")
        yield RekensomChart(id="rekensom-chart")

    def on_mount(self) -> None:
        super().on_mount()
        table = self.query_one(CostLineTable)
        for label in ("", "Omschrijving", "", "Betaler → ontv.", "Bedrag", "Freq.", "Telt mee"):
            table.add_column(label)
        self.recalculate()

    def on_resize(self) -> None:
        self._fill_table()

    # -- the content -----------------------------------------------------------------------------
    def section_data(self, *, with_pending: bool) -> FormValues:
        lines = [copy.deepcopy(line) for line in self.lines]
        if with_pending and self.pending is not None:
            index, values = self.pending
            if index is None:
                lines.append(values)
            elif 0 <= index < len(lines):
                lines[index] = values
        data: FormValues = {"lines": lines}
        horizon = int_value(self.fields["horizon_months"].value)
        if horizon is not None:
            data["horizon_months"] = horizon
        rate = percent_value(self.fields["discount_rate"].value)
        if rate is not None:
            data["discount_rate"] = rate
        if self.section.get("price_year") is not None:
            data["price_year"] = self.section["price_year"]  # set when the plan started; kept on every save
        return data

    def write_into(self, content: Content) -> None:
        self._write(content, with_pending=False)

    def write_draft_into(self, content: Content) -> None:
        self._write(content, with_pending=True)  # a line half-typed in the dialog survives a crash too

    def _write(self, content: Content, *, with_pending: bool) -> None:
        content["rekensom"] = self.section_data(with_pending=with_pending)
        ids = {line.get("id") for line in content["rekensom"]["lines"]}
        for action in content.get("actions") or []:
            if action.get("cost_line_id") and action["cost_line_id"] not in ids:
                action["cost_line_id"] = None  # its line was removed: unlink rather than refuse the save

    def recalculate(self) -> None:
        """Ask the domain for the result of the lines as they are now, and show it."""
        try:
            content = PlanContent.model_validate({"rekensom": self.section_data(with_pending=False)})
        except ValidationError as exc:
            problems = dutch_problems(exc)
            self.result = None
            self.line_problems = {}
            for problem in problems_under(problems, "rekensom.lines"):
                head = problem.path.split(".", 1)[0]
                if head.isdigit():
                    self.line_problems.setdefault(int(head), problem.reason)
            self.query_one("#payer-table", Static).update(
                Text("De rekensom kan nog niet worden berekend: "
                     + "; ".join(p.reason.rstrip(".") for p in problems[:2]) + ".", style="italic"))
            self.query_one("#pocket", Static).update("")
            self.query_one(RekensomChart).result = None
        else:
            self.result = calculate_rekensom(content)
            self.line_problems = {}
            self.query_one("#payer-table", Static).update(payer_table(self.result))
            self.query_one("#pocket", Static).update(pocket_text(self.result))
            self.query_one(RekensomChart).result = self.result
        self._fill_table()

    def _fill_table(self) -> None:
        if not self.is_mounted:
            return
        table = self.query_one(CostLineTable)
        row = table.cursor_row
        table.clear()
        width = max(14, self.size.width - 70)
        values = self.result.line_values if self.result is not None else {}
        for index, line in enumerate(self.lines):
            flag = "✗" if index in self.line_problems else (" " if line.get("source") else "?")
            value = values.get(line.get("id") or "")
            frequency = line.get("frequency") or Frequency.EENMALIG.value
            try:
                amount = format_money(Decimal(str(line.get("amount"))))
            except InvalidOperation:  # a half-typed amount from a draft is shown as typed
                amount = str(line.get("amount") or "")
            frequency_label = FREQUENCY_LABELS[Frequency(frequency)] if frequency in FREQUENCIES else str(frequency)
            table.add_row(
                Text(f"{flag}{line.get('id', '')}", no_wrap=True),
                Text(" " + _short(line.get("description"), width), no_wrap=True),
                Text(" " + SCENARIO_SHORT.get(str(line.get("scenario")), "?")),
                Text(" " + _short(_route(line), 24), no_wrap=True),
                Text(amount.rjust(13)),
                Text(" " + frequency_label, no_wrap=True),
                Text((format_money(value) if value is not None else "").rjust(13)),
            )
        if self.lines:
            table.move_cursor(row=min(row, len(self.lines) - 1))
        self.query_one("#lines-title", Label).update(
            f"Kostenregels ({len(self.lines)}) · H = huidig pad, D = doorbraak, ? = geen bron")
        errors = [f"{self.lines[i].get('id')}: {reason}" for i, reason in sorted(self.line_problems.items())]
        general_problems(self.query_one("#line-errors", Static), [Problem("", e) for e in errors])

    def on_input_changed(self, event: Any) -> None:
        self.recalculate()
        self.changed()

    # -- problems --------------------------------------------------------------------------------
    def show_problems(self, problems: Sequence[Problem]) -> None:
        for form_field in self.fields.values():
            form_field.set_error(None)
        mine = problems_under(problems, "rekensom")
        self.line_problems = {}
        rest = []
        for problem in show_at_fields(self.fields, mine):
            parts = problem.path.split(".")
            if parts[0] == "lines" and len(parts) > 1 and parts[1].isdigit():
                self.line_problems.setdefault(int(parts[1]), f"{'.'.join(parts[2:])} {problem.reason}".strip())
            else:
                rest.append(problem)
        general_problems(self.query_one(".step-errors", Static), rest)
        self._fill_table()

    # -- editing lines ---------------------------------------------------------------------------
    async def add_item(self) -> bool:
        if self.ctx.read_only:
            return False
        self._add("kengetal")
        return True

    def can_remove(self) -> bool:
        return not self.ctx.read_only and bool(self.lines) and isinstance(self.screen.focused, CostLineTable)

    async def remove_item(self) -> bool:
        if not self.can_remove():
            return False
        self._remove(self.query_one(CostLineTable).cursor_row)
        return True

    def _remove(self, index: int) -> None:
        if self.ctx.read_only or not 0 <= index < len(self.lines):
            return
        removed = self.lines.pop(index)
        linked = [a.get("id") for a in self.ctx.content.get("actions") or []
                  if a.get("cost_line_id") == removed.get("id")]
        if linked:
            self.notify(f"Regel {removed.get('id')} was gekoppeld aan actie {', '.join(map(str, linked))}; "
                        "die koppeling is verwijderd.", markup=False)
        self.recalculate()
        self.changed()

    def _add(self, kind: str) -> None:
        from tui.screens.cost_line_dialog import line_from_kengetal
        from tui.screens.kengetal_picker import FREE_LINE, KengetalPicker

        def chosen(item: Any) -> None:
            if item is None:
                return
            if item == FREE_LINE:
                line: FormValues = {"scenario": self.last_scenario.value, "quantity": "1", "probability": "1",
                                        "frequency": Frequency.EENMALIG.value, "start_month": 0}
            else:
                line = line_from_kengetal(item, self.last_scenario, self.section.get("price_year"))
            line = {"id": next_id("k", [ln.get("id") for ln in self.lines]), **line}
            self._open_dialog(None, line, "Nieuwe kostenregel")

        if kind == "vrij":
            chosen(FREE_LINE)
            return
        self.app.push_screen(KengetalPicker(self.ctx.kengetallen, self.ctx.household.municipality_name), chosen)

    def _open_dialog(self, index: int | None, line: FormValues, title: str) -> None:
        from tui.screens.cost_line_dialog import CostLineDialog

        data = self.section_data(with_pending=False)

        def typing(values: FormValues | None) -> None:
            self.pending = None if values is None else (index, values)
            self.changed()

        def done(result: FormValues | None) -> None:
            self.pending = None
            if result is None:
                return
            with contextlib.suppress(ValueError):
                self.last_scenario = Scenario(str(result.get("scenario")))
            if index is None:
                self.lines.append(result)
                new_row = len(self.lines) - 1
            else:
                self.lines[index] = result
                new_row = index
            self.recalculate()
            table = self.query_one(CostLineTable)
            table.move_cursor(row=new_row)
            table.focus()
            self.changed()

        self.app.push_screen(
            CostLineDialog(line, title=title, horizon=data.get("horizon_months", 12),
                           discount_rate=data.get("discount_rate", "0"), on_change=typing),
            done,
        )

    @on(CostLineTable.Edit)
    def _edit(self, event: CostLineTable.Edit) -> None:
        if self.ctx.read_only or not 0 <= event.index < len(self.lines):
            return
        line = self.lines[event.index]
        self._open_dialog(event.index, copy.deepcopy(line), f"Kostenregel {line.get('id')} bewerken")

    @on(CostLineTable.Add)
    def _add_requested(self, event: CostLineTable.Add) -> None:
        if not self.ctx.read_only:
            self._add(event.kind)

    @on(CostLineTable.Remove)
    def _remove_requested(self, event: CostLineTable.Remove) -> None:
        self._remove(event.index)

    def focus_first(self) -> None:
        if self.ctx.read_only or self.lines:
            # The table is in view already; scrolling to it would hide the hint and the settings above it.
            self.query_one(CostLineTable).focus(scroll_visible=False)
        else:
            self.fields["horizon_months"].control.focus()
