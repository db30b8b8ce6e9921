"""Add or edit one cost line of the rekensom: description, scenario, kind (kosten or overdracht), payer,
receiver (overdrachten), amount, quantity, probability, frequency, start month, duration, a loan's term and
default chance, and source. What the line adds up to is shown while typing (computed by
the domain), and every problem the domain finds is shown at its field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from domain.catalogues import Kengetal, is_kengetal, kengetal
from domain.errors import Problem
from domain.plan import PlanContent
from domain.rekensom import FREQUENCY_LABELS, PAYER_LABELS, SCENARIO_LABELS, CostKind, Frequency, Scenario, line_value
from domain.services.plans import calculate_rekensom, preview_content
from tui.render.format import format_money
from tui.widgets.form_field import FormField
from tui.widgets.form_values import FormValues
from tui.widgets.item_editors import choice
from tui.widgets.plan_fields import (
    int_value,
    line_input,
    money_text,
    money_value,
    number_text,
    number_value,
    probability_value,
    problems_under,
    show_at_fields,
)

LineChanged = Callable[[FormValues | None], None]


def line_from_kengetal(item: Kengetal, scenario: Scenario, price_year: int | None = None) -> FormValues:
    """A new line pre-filled from a kengetal: its kind, payer and receiver, its amount indexed to the plan's
    price level (a statutory amount from the dated table today); left empty for a rule without an amount."""
    from domain.services.plans import new_cost_line

    if item.bedrag is not None or item.wettelijk is not None:
        line = new_cost_line(item, scenario, price_year=price_year, on=date.today())
        return line.model_dump(mode="json", exclude={"id"})
    return {
        "description": item.naam,
        "scenario": scenario.value,
        "kind": item.soort.value,
        "payer": item.betaler.value,
        "receiver": item.ontvanger.value if item.ontvanger is not None else None,
        "amount": "",
        "frequency": item.frequentie.value,
        "loan_months": item.aflostermijn,
        "source": {"kengetal_id": item.id, "text": item.bron, "year": item.jaar},
    }


class CostLineDialog(ModalScreen[FormValues | None]):
    """Dismisses with the line (JSON-like, as typed and valid) or None. `on_change` gets every edit, so the
    editor can keep a line that is still being typed in its autosaved draft."""

    CSS_PATH = "plan.tcss"
    BINDINGS = [
        Binding("ctrl+s", "ok", "Regel bewaren", id="cost_line.ok", priority=True,
                tooltip="De regel in de rekensom zetten"),
        Binding("escape", "cancel", "Annuleren", id="cost_line.cancel"),
    ]

    def __init__(
        self,
        line: FormValues,
        *,
        title: str,
        horizon: Any = 12,
        discount_rate: Any = "0",
        on_change: LineChanged | None = None,
    ) -> None:
        super().__init__()
        self.line = dict(line)
        self.title_text = title
        self.horizon = horizon
        self.discount_rate = discount_rate
        self.on_change = on_change
        self.fields: dict[str, FormField] = {}
        source = self.line.get("source") or {}
        self.kengetal_id: str | None = source.get("kengetal_id")

    def _f(self, label: str, control: Any, name: str, *, required: bool = False, span: bool = False) -> FormField:
        form_field = FormField(label, control, name=name, required=required, span=span)
        self.fields[name] = form_field
        return form_field

    def compose(self) -> ComposeResult:
        ln = self.line
        source = ln.get("source") or {}
        scenarios = [(label, s.value) for s, label in SCENARIO_LABELS.items()]
        payers = [(label, p.value) for p, label in PAYER_LABELS.items()]
        kinds = [
            ("kosten (echte kosten)", CostKind.KOSTEN.value),
            ("overdracht (geld van betaler naar ontvanger)", CostKind.OVERDRACHT.value),
        ]
        frequencies = [(label, f.value) for f, label in FREQUENCY_LABELS.items()]
        with Vertical(classes="dialog line-dialog", id="cost-line-dialog") as dialog:
            dialog.border_title = self.title_text
            with VerticalScroll(id="line-body"):
                yield Static("", classes="step-errors", markup=False)
                with Grid(classes="line-grid"):
                    yield self._f(
                        "Omschrijving",
                        line_input(str(ln.get("description") or "")),
                        "description",
                        required=True,
                        span=True,
                    )
                    yield self._f(
                        "Scenario", choice(scenarios, ln.get("scenario") or Scenario.HUIDIG_PAD.value), "scenario"
                    )
                    yield self._f("Soort", choice(kinds, ln.get("kind") or CostKind.KOSTEN.value), "kind")
                    yield self._f(
                        "Betaler",
                        choice(payers, ln.get("payer"), prompt="Kies de betaler", allow_blank=True),
                        "payer",
                        required=True,
                    )
                    yield self._f(
                        "Ontvanger",
                        choice(payers, ln.get("receiver"), prompt="Kies de ontvanger", allow_blank=True),
                        "receiver",
                    )
                    yield self._f(
                        "Bedrag €",
                        line_input(money_text(ln.get("amount")), placeholder="bijv. 1.234,56", max_length=20),
                        "amount",
                        required=True,
                    )
                    yield self._f(
                        "Frequentie", choice(frequencies, ln.get("frequency") or Frequency.EENMALIG.value), "frequency"
                    )
                    yield self._f("Aantal", line_input(number_text(ln.get("quantity", "1")), max_length=12), "quantity")
                    yield self._f(
                        "Kans",
                        line_input(number_text(ln.get("probability", "1")), placeholder="0–1 of 25%", max_length=12),
                        "probability",
                    )
                    yield self._f(
                        "Startmaand",
                        line_input(str(ln.get("start_month", 0) or 0), max_length=6, placeholder="0 = nu"),
                        "start_month",
                    )
                    yield self._f(
                        "Looptijd mnd",
                        line_input(
                            str(ln.get("duration_months") or ""), max_length=6, placeholder="leeg = tot de horizon"
                        ),
                        "duration_months",
                    )
                    yield self._f(
                        "Aflostermijn",
                        line_input(str(ln.get("loan_months") or ""), max_length=4, placeholder="leeg = geen lening"),
                        "loan_months",
                    )
                    yield self._f(
                        "Kans wanbet.",
                        line_input(
                            number_text(ln.get("default_probability") or ""), placeholder="lening: 0–1", max_length=12
                        ),
                        "default_probability",
                    )
                    yield self._f(
                        "Bron",
                        line_input(str(source.get("text") or ""), placeholder="bijv. offerte bewindvoerder"),
                        "source_text",
                    )
                    yield self._f(
                        "Bronjaar",
                        line_input(str(source.get("year") or ""), max_length=4, placeholder="jjjj"),
                        "source_year",
                    )
                yield Static("", id="line-kengetal", markup=False)
                yield Static("", id="line-value", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Annuleren (Esc)", id="line-cancel", compact=True)
                yield Button("Bewaren (Ctrl+S)", id="line-ok", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.fields["description"].control.focus()
        if self.kengetal_id and is_kengetal(self.kengetal_id):
            self.query_one("#line-kengetal", Static).update(
                Text(f"Kengetal: {kengetal(self.kengetal_id).naam} ({self.kengetal_id})", style="italic"))
        self._update_preview()

    # -- reading -------------------------------------------------------------------------------------
    def values(self) -> FormValues:
        f = self.fields
        frequency = f["frequency"].value or Frequency.EENMALIG.value
        kind = f["kind"].value or CostKind.KOSTEN.value
        transfer = kind == CostKind.OVERDRACHT.value
        loan_months = int_value(f["loan_months"].value) if transfer else None
        line: FormValues = {
            "description": f["description"].value,
            "scenario": f["scenario"].value,
            "kind": kind,
            "payer": f["payer"].value,
            "receiver": f["receiver"].value if transfer else None,
            "amount": money_value(f["amount"].value),
            "quantity": number_value(f["quantity"].value) or "1",
            "probability": probability_value(f["probability"].value) or "1",
            "frequency": frequency,
            "start_month": int_value(f["start_month"].value) or 0,
            "duration_months": None if frequency == Frequency.EENMALIG.value else int_value(
                f["duration_months"].value),
        }
        if loan_months is not None:
            line["loan_months"] = loan_months
            line["default_probability"] = probability_value(f["default_probability"].value) or None
        if transfer and line["receiver"] is None:
            del line["receiver"]  # not chosen: the domain says an overdracht needs one
        for name in ("scenario", "payer"):
            if line[name] is None:
                del line[name]  # not chosen: the domain says it is required
        if self.line.get("id"):
            line = {"id": self.line["id"], **line}
        text = f["source_text"].value.strip()
        year = int_value(f["source_year"].value)
        if self.kengetal_id:
            line["source"] = {"kengetal_id": self.kengetal_id, "text": text, "year": year}
        elif text or year is not None:
            line["source"] = {"text": text, "year": year}
        else:
            line["source"] = None
        return line

    def _check(self, line: FormValues) -> tuple[list[Problem], Decimal | None]:
        """The domain's problems with this line, or what it adds up to over the horizon."""
        rekensom = {"horizon_months": self.horizon, "discount_rate": self.discount_rate,
                    "lines": [{k: v for k, v in line.items() if k != "id"}]}
        content, problems, _ = preview_content({"rekensom": rekensom})
        if content is None:
            return problems_under(problems, "rekensom.lines.0"), None
        result = calculate_rekensom(PlanContent(rekensom=content.rekensom))
        return [], line_value(content.rekensom.lines[0], result.horizon_months, result.discount_rate)

    def _update_preview(self) -> None:
        line = self.values()
        problems, value = self._check(line)
        target = self.query_one("#line-value", Static)
        if value is not None:
            scenario = SCENARIO_LABELS[Scenario(line["scenario"])]  # valid, so chosen (values() drops it if not)
            kind = "overdracht" if line.get("kind") == CostKind.OVERDRACHT.value else "kosten"
            target.update(
                Text(f"Telt mee: {format_money(value)} over {self.horizon} maanden ({scenario}, {kind})", style="bold")
            )
        else:
            listed = "; ".join(self._describe(p).rstrip(".") for p in problems[:2])
            target.update(Text(f"Nog niet compleet: {listed}."))
        self.fields["duration_months"].control.disabled = line["frequency"] == Frequency.EENMALIG.value
        transfer = line.get("kind") == CostKind.OVERDRACHT.value
        self.fields["receiver"].control.disabled = not transfer
        self.fields["loan_months"].control.disabled = not transfer
        self.fields["default_probability"].control.disabled = not transfer or not line.get("loan_months")
        if self.on_change is not None:
            self.on_change(line)

    def _describe(self, problem: Problem) -> str:
        """`Startmaand moet een geheel getal zijn` (the field's label in front of a short reason)."""
        head = problem.path.split(".", 1)[0]
        name = {"source": "source_text"}.get(head, head)
        label = self.fields[name].label if name in self.fields else ""
        return f"{label} {problem.reason}" if label and problem.reason[:1].islower() else problem.reason

    @on(Input.Changed)
    @on(Select.Changed)
    def _edited(self) -> None:
        if self.is_mounted:
            self._update_preview()

    @on(Input.Submitted)
    def _next(self) -> None:
        self.focus_next()

    # -- closing -------------------------------------------------------------------------------------
    def show_problems(self, problems: list[Problem]) -> None:
        for form_field in self.fields.values():
            form_field.set_error(None)
        mapped = []
        for problem in problems:
            path = problem.path
            if not path and "ontvanger" in problem.reason.lower():
                mapped.append(Problem("receiver", problem.reason))  # a rule about the whole line, shown at its field
            elif not path and "lening" in problem.reason.lower():
                mapped.append(Problem("loan_months", problem.reason))
            elif path.startswith("source"):
                mapped.append(Problem("source_year" if "year" in path or "jaartal" in problem.reason
                                      else "source_text", problem.reason))
            else:
                mapped.append(problem)
        rest = show_at_fields(self.fields, mapped)
        errors = self.query_one(".step-errors", Static)
        errors.update("\n".join(f"✗ {p.reason}" for p in rest))
        errors.set_class(bool(rest), "-visible")
        first = next((f for f in self.fields.values() if f.error), None)
        if first is not None:
            first.control.focus()

    def action_ok(self) -> None:
        line = self.values()
        problems, _ = self._check(line)
        if problems:
            self.show_problems(problems)
            return
        if self.on_change is not None:
            self.on_change(None)
        self.dismiss(line)

    def action_cancel(self) -> None:
        if self.on_change is not None:
            self.on_change(None)
        self.dismiss(None)

    @on(Button.Pressed, "#line-ok")
    def _ok_pressed(self) -> None:
        self.action_ok()

    @on(Button.Pressed, "#line-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def preview_text(self) -> str:
        return str(self.query_one("#line-value", Static).render())
