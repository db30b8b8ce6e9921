"""The steps Besluit and Evaluatie: what is still missing before a decision, the decision itself, the execution
(start, complete) and the monitoring moments (ZRM re-scores per leefgebied and the rapportcijfer at 0, 3, 6,
12 months). These are not part of the plan's content: each is saved at once through its own service.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal
from textual.message import Message
from textual.widgets import Button, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from domain import reference
from domain.errors import Problem
from domain.plan import EVALUATION_MOMENTS, MissingItem, PlanStatus, PlanStep
from domain.rekensom import PAYER_ORDER, Payer
from tui.plan_session import (
    CompleteEvaluation,
    Content,
    DecidePlan,
    NewVersion,
    PlanCommand,
    RecordEvaluation,
    StartExecution,
)
from tui.render.format import format_date, format_money
from tui.widgets.form_field import FormField
from tui.widgets.item_editors import choice
from tui.widgets.plan_fields import (
    date_text,
    date_value,
    int_value,
    line_input,
    long_text,
    money_text,
    money_value,
    show_at_fields,
    side,
    stacked,
)
from tui.widgets.plan_step import StepView, general_problems, hint


@dataclass
class JumpTo(Message):
    """Open a step (from a missing item)."""

    step: PlanStep


@dataclass
class CommandRequested(Message):
    """The user asks for a change of the plan's state (decide, start, complete, new version, evaluate)."""

    command: PlanCommand


def missing_option(item: MissingItem, *, warning: bool = False) -> Option:
    text = Text("! " if warning else "✗ ", style="bold")
    text.append(f"{item.step.label}: ", style="bold")
    text.append(item.message)
    return Option(text, id=f"{'w' if warning else 'm'}:{item.step.value}:{item.message}")


class BesluitStep(StepView):
    step = PlanStep.BESLUIT
    hint = ("Wie is ingelogd stelt het plan vast, op een mandaat uit het mandaatregister (g m) dat de gemeente, elke "
            "afwijking en het bedrag dekt; wie het plan schreef, stelt het niet vast (vier ogen). Daarna ligt deze "
            "versie vast; alleen de status van acties en de evaluatie kunnen nog veranderen.")

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.fields: dict[str, FormField] = {}

    def compose(self) -> ComposeResult:
        plan = self.ctx.plan
        yield hint(self.hint)
        yield Static("", classes="step-errors", markup=False)
        if plan is not None and plan.decision is not None:
            d = plan.decision
            grid = Table.grid(padding=(0, 1))
            grid.add_column(style="bold", no_wrap=True)
            grid.add_column()
            grid.add_row("Status", plan.status.label)
            grid.add_row("Vastgesteld door", Text(d.decided_by))
            grid.add_row("Mandaat", Text(d.mandate))
            grid.add_row("Datum", format_date(d.decided_on))
            if d.toelichting:
                grid.add_row("Toelichting", Text(d.toelichting))
            yield Static(grid, classes="step-info")
            with Horizontal(classes="step-buttons"):
                if plan.status is PlanStatus.VASTGESTELD:
                    yield Button("Uitvoering starten", id="cmd-start", compact=True, variant="primary")
                if plan.status is PlanStatus.IN_UITVOERING:
                    yield Button("Evaluatie afronden", id="cmd-complete", compact=True)
                yield Button("Nieuwe versie maken", id="cmd-new-version", compact=True)
            return
        yield Label("Nog nodig voor een besluit", classes="section-label", id="missing-title")
        yield OptionList(id="missing-list")
        yield Label("Besluit", classes="section-label")
        yield Static(Text.assemble(("Besluit door: ", "bold"), self.ctx.actor_name or "(onbekend)",
                                   " — op uw mandaat; het register wordt gecontroleerd bij het vaststellen."),
                     id="decider", classes="step-info")
        with Grid(classes="decision-grid"):
            for form_field in (
                side("Datum", line_input(date_text(self.ctx.today), placeholder="dd-mm-jjjj", max_length=10),
                     name="decided_on", required=True),
            ):
                self.fields[form_field.field_name] = form_field
                yield form_field
        self.fields["toelichting"] = stacked("Toelichting (optioneel)", long_text(""), name="toelichting")
        yield self.fields["toelichting"]
        with Horizontal(classes="step-buttons"):
            yield Button("Plan vaststellen (Ctrl+S)", id="cmd-decide", compact=True, variant="primary")

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_derived()

    def refresh_derived(self) -> None:
        """Show what is missing now (the editor keeps `missing` and `warnings` up to date while typing)."""
        lists = self.query("#missing-list")
        if not lists:
            return
        options = self.query_one("#missing-list", OptionList)
        missing, warnings, invalid = self.ctx.missing, self.ctx.warnings, self.ctx.problems
        highlighted = options.highlighted
        options.clear_options()
        for problem in invalid:
            options.add_option(Option(Text(f"! Ongeldige invoer: {problem}"), id=f"p:{problem.path}"))
        options.add_options([missing_option(item) for item in missing])
        options.add_options([missing_option(item, warning=True) for item in warnings])
        if not (missing or invalid):
            options.add_option(Option(Text("✓ Niets ontbreekt: het plan kan worden vastgesteld.", style="bold"),
                                      id="ready"))
        if highlighted is not None and options.option_count:
            options.highlighted = min(highlighted, options.option_count - 1)
        count = len(missing) + len(invalid)
        self.query_one("#missing-title", Label).update(
            (f"Nog nodig voor een besluit ({count})" if count else "Klaar voor een besluit")
            + (f" · {len(warnings)} aandachtspunt(en)" if warnings else ""))

    @on(OptionList.OptionSelected, "#missing-list")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        kind, _, rest = option_id.partition(":")
        if kind in ("m", "w"):
            self.post_message(JumpTo(PlanStep(rest.split(":", 1)[0])))
        elif kind == "p":
            head = rest.split(".", 1)[0]
            step = next((s for s in PlanStep if s.field_name == head), None)
            if step is not None:
                self.post_message(JumpTo(step))

    def decision(self) -> DecidePlan:
        f = self.fields
        return DecidePlan(toelichting=f["toelichting"].value, decided_on=date_value(f["decided_on"].value),
                          decider=self.ctx.actor_name)

    def request_decision(self) -> None:
        if self.fields:
            self.post_message(CommandRequested(self.decision()))

    def request_save(self) -> bool:
        """Ctrl+S here decides the plan (a decided version says so)."""
        if self.ctx.plan is not None and self.ctx.plan.is_frozen:
            self.notify("Deze versie is al vastgesteld.", markup=False)
        else:
            self.request_decision()
        return True

    def show_problems(self, problems: Sequence[Problem]) -> None:
        for form_field in self.fields.values():
            form_field.set_error(None)
        rest = show_at_fields(self.fields, problems)
        general_problems(self.query_one(".step-errors", Static), [p for p in rest if not p.path])
        first = next((f for f in self.fields.values() if f.error), None)
        if first is not None:
            first.control.focus()

    def focus_first(self) -> None:
        if self.fields:
            self.fields["decided_on"].control.focus()
        else:
            super().focus_first()

    def write_into(self, content: Content) -> None:
        """The decision is not part of the content (it is saved by deciding)."""

    def changed(self) -> None:
        """Typing the decision is not plan content: no draft for it."""

    @on(Button.Pressed, "#cmd-decide")
    def _decide(self, event: Button.Pressed) -> None:
        event.stop()
        self.request_decision()

    @on(Button.Pressed, "#cmd-start, #cmd-complete, #cmd-new-version")
    def _command(self, event: Button.Pressed) -> None:
        event.stop()
        commands: dict[str, PlanCommand] = {"cmd-start": StartExecution(), "cmd-complete": CompleteEvaluation(),
                                            "cmd-new-version": NewVersion()}
        self.post_message(CommandRequested(commands[event.button.id or ""]))


def evaluations_table(plan: Any) -> Any:
    if plan is None or not plan.evaluations:
        return Text("Nog geen evaluatiemomenten vastgelegd.", style="italic")
    labels = reference.leefgebieden()
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False, header_style="bold")
    table.add_column("Moment", no_wrap=True)
    table.add_column("Datum", no_wrap=True)
    table.add_column("Cijfer", justify="right", no_wrap=True)
    table.add_column("ZRM-scores", ratio=1)
    for evaluation in plan.evaluations:
        scores = ", ".join(f"{labels.get(code, code)} {score}" for code, score in evaluation.scores.items())
        if evaluation.realised_costs is not None:
            scores += f" · gerealiseerd {format_money(evaluation.realised_costs)}"
            if evaluation.realised_by_payer:
                parts = ", ".join(f"{p.label} {format_money(a)}" for p, a in evaluation.realised_by_payer.items())
                scores += f" ({parts})"
        table.add_row(f"{evaluation.moment} mnd", format_date(evaluation.on_date),
                      "" if evaluation.rapportcijfer is None else str(evaluation.rapportcijfer), Text(scores))
    return table


def realised_payers(plan: Any) -> list[Payer]:
    """The payers an evaluation asks realised costs of: those of the plan's rekensom (and of a recorded
    split), in the rekensom's order."""
    found = {line.payer for line in plan.rekensom.lines}
    found |= {p for e in plan.evaluations for p in e.realised_by_payer}
    return sorted(found, key=lambda p: PAYER_ORDER[p])


class EvaluatieStep(StepView):
    step = PlanStep.EVALUATIE
    hint = ("Monitoring na 0, 3, 6 en 12 maanden: de ZRM-scores opnieuw en het eigen rapportcijfer van de bewoner. "
            "Ctrl+S legt het moment vast.")

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.fields: dict[str, FormField] = {}
        self.score_fields: dict[str, FormField] = {}
        self.payer_fields: dict[str, FormField] = {}

    def compose(self) -> ComposeResult:
        plan = self.ctx.plan
        yield hint(self.hint)
        yield Static("", classes="step-errors", markup=False)
        yield Label("Vastgelegde momenten", classes="section-label")
        yield Static(evaluations_table(plan), id="evaluations")
        if plan is None:
            yield Static("Sla het plan eerst op (Ctrl+S in een andere stap).", classes="step-info", markup=False)
            return
        if plan.status is PlanStatus.GEEVALUEERD:
            yield Static("Het plan is geëvalueerd en afgerond. Een moment kan nog worden aangevuld of verbeterd.",
                         classes="step-info", markup=False)
        recorded = {e.moment for e in plan.evaluations}
        moment = next((m for m in EVALUATION_MOMENTS if m not in recorded), EVALUATION_MOMENTS[-1])
        yield Label("Moment vastleggen", classes="section-label")
        with Grid(classes="evaluation-grid"):
            for form_field in (
                side("Moment", choice([(f"{m} maanden", m) for m in EVALUATION_MOMENTS], moment), name="moment"),
                side("Datum", line_input(date_text(self.ctx.today), placeholder="dd-mm-jjjj", max_length=10),
                     name="on_date"),
                side("Rapportcijfer", choice([(str(n), n) for n in range(1, 11)], None, prompt="1–10 (bewoner)",
                                             allow_blank=True), name="rapportcijfer"),
                side("Gerealiseerd €", line_input("", placeholder="totaal (of per betaler hieronder)",
                                                  max_length=20), name="realised_costs"),
            ):
                self.fields[form_field.field_name] = form_field
                yield form_field
        payers = realised_payers(plan)
        if payers:
            yield Label("Gerealiseerde kosten tot nu toe per betaler (€; het totaal is dan de som)",
                        classes="section-label")
            with Grid(classes="evaluation-grid"):
                for payer in payers:
                    label = payer.label.removeprefix("Gemeente – ")[:15]
                    form_field = side(label, line_input("", placeholder="bedrag", max_length=20), name=payer.value)
                    self.payer_fields[payer.value] = form_field
                    yield form_field
        yield Label("ZRM-scores nu (1 acuut … 5 zelfredzaam)", classes="section-label")
        scores = [(f"{score} – {label}", score) for score, label in reference.zrm_scores().items()]
        with Grid(classes="evaluation-grid"):
            for problem in self.ctx.household.problems:
                label = f"{problem.leefgebied_label[:11]} ({problem.score})"
                form_field = side(label, choice(scores, None, prompt="score", allow_blank=True),
                                  name=problem.leefgebied)
                self.score_fields[problem.leefgebied] = form_field
                yield form_field
        self.fields["toelichting"] = stacked("Toelichting", long_text(""), name="toelichting")
        yield self.fields["toelichting"]
        with Horizontal(classes="step-buttons"):
            yield Button("Moment vastleggen (Ctrl+S)", id="cmd-evaluate", compact=True, variant="primary")

    def on_mount(self) -> None:
        super().on_mount()
        if "moment" in self.fields:
            self._prefill(self.fields["moment"].value)

    def _prefill(self, moment: Any) -> None:
        """Show what was recorded for this moment (so it can be corrected)."""
        plan = self.ctx.plan
        existing = next((e for e in plan.evaluations if e.moment == moment), None) if plan else None
        if existing is None:
            return
        f = self.fields
        f["on_date"].control.value = date_text(existing.on_date)  # type: ignore[attr-defined]
        f["rapportcijfer"].control.value = (  # type: ignore[attr-defined]
            existing.rapportcijfer if existing.rapportcijfer is not None else Select.NULL)
        # With a split the total is its sum: show the parts only, so a change to one is not refused.
        total = None if existing.realised_by_payer else existing.realised_costs
        f["realised_costs"].control.value = money_text(total)  # type: ignore[attr-defined]
        for code, form_field in self.payer_fields.items():
            amount = next((a for p, a in existing.realised_by_payer.items() if p.value == code), None)
            form_field.control.value = money_text(amount)  # type: ignore[attr-defined]
        f["toelichting"].control.text = existing.toelichting  # type: ignore[attr-defined]
        for code, form_field in self.score_fields.items():
            form_field.control.value = existing.scores.get(code, Select.NULL)  # type: ignore[attr-defined]

    @on(Select.Changed)
    def _moment_changed(self, event: Select.Changed) -> None:
        if "moment" in self.fields and event.select is self.fields["moment"].control:
            self._prefill(event.value)

    def evaluation(self) -> RecordEvaluation:
        f = self.fields
        moment = f["moment"].value
        by_payer = {code: money_value(ff.value) for code, ff in self.payer_fields.items()}
        return RecordEvaluation(
            moment=int_value(str(moment)) if moment is not None else None,
            on_date=date_value(f["on_date"].value),
            rapportcijfer=f["rapportcijfer"].value,
            toelichting=f["toelichting"].value,
            scores={code: ff.value for code, ff in self.score_fields.items() if ff.value is not None},
            realised_costs=money_value(f["realised_costs"].value),
            realised_by_payer={code: v for code, v in by_payer.items() if v is not None} or None,
        )

    def request_evaluation(self) -> None:
        if self.fields:
            self.post_message(CommandRequested(self.evaluation()))

    def request_save(self) -> bool:
        """Ctrl+S here records the evaluation moment."""
        self.request_evaluation()
        return True

    def show_problems(self, problems: Sequence[Problem]) -> None:
        for form_field in [*self.fields.values(), *self.score_fields.values(), *self.payer_fields.values()]:
            form_field.set_error(None)
        rest = show_at_fields(self.fields, problems)
        remaining = []
        for problem in rest:
            head, _, code = problem.path.partition(".")
            if head == "scores" and code in self.score_fields:
                self.score_fields[code].set_error(problem.reason)
            elif head == "realised_by_payer" and code in self.payer_fields:
                self.payer_fields[code].set_error(problem.reason)
            else:
                remaining.append(problem)
        general_problems(self.query_one(".step-errors", Static), remaining)

    def write_into(self, content: Content) -> None:
        """Evaluations are not part of the content (each moment is recorded at once)."""

    def changed(self) -> None:
        """Typing an evaluation is not plan content: no draft for it."""

    @on(Button.Pressed, "#cmd-evaluate")
    def _evaluate(self, event: Button.Pressed) -> None:
        event.stop()
        self.request_evaluation()
