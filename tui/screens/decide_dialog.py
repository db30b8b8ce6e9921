"""Decide the plan: the date and an explanation; the decider is who is logged in, on a mandate from the register.

Refused with the full list while anything is missing (the domain's `what_is_missing`), and refused while the
user has autosaved input that is not yet saved (deciding would throw it away).
"""

from __future__ import annotations

from typing import cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static
from textual.worker import Worker, WorkerState

from domain.errors import InvalidInput, Problem
from domain.mandate import NoMandate
from domain.plan import MissingItem, PlanIncomplete
from domain.services import plans as service
from storage.bootstrap import Services
from tui.plan_session import DecidePlan
from tui.screens.base import CaseReasons, today
from tui.widgets.form_field import FormField
from tui.widgets.plan_fields import date_text, date_value, line_input, show_at_fields


def missing_text(items: list[MissingItem]) -> Text:
    text = Text(f"Het plan kan nog niet worden vastgesteld. Nog nodig ({len(items)}):", style="bold")
    for item in items:
        text.append(f"\n✗ {item.step.label}: {item.message}")
    return text


class DecideDialog(CaseReasons, ModalScreen[bool]):
    """Dismisses with True when the plan was decided."""

    CSS_PATH = "plan.tcss"
    BINDINGS = [
        Binding("ctrl+s", "decide", "Vaststellen", id="decide.ok", priority=True, tooltip="Het plan vaststellen"),
        Binding("escape", "cancel", "Annuleren", id="decide.cancel"),
    ]

    def __init__(self, services: Services, case_number: str, overview: service.PlanOverview) -> None:
        super().__init__()
        self.services = services
        self.case_number = case_number
        self.overview = overview
        self.fields: dict[str, FormField] = {}

    def compose(self) -> ComposeResult:
        plan = self.overview.plan
        with Vertical(classes="dialog", id="decide-dialog") as dialog:
            dialog.border_title = f"Versie {plan.plan_version} vaststellen"
            with VerticalScroll(id="decide-missing-box"):
                yield Static(missing_text(self.overview.missing) if self.overview.missing else Text(
                    "Niets ontbreekt. Na het vaststellen ligt deze versie vast; wijzigen kan dan alleen in een nieuwe "
                    "versie."), id="decide-missing")
            yield Static(Text.assemble(("Besluit door: ", "bold"), self.services.actor.display_name,
                                       " — op uw mandaat uit het mandaatregister (wie het plan schreef, stelt het "
                                       "niet vast)."), id="decide-decider")
            for form_field in (
                FormField("Datum", line_input(date_text(today(self.services)), placeholder="dd-mm-jjjj", max_length=10),
                          name="decided_on", required=True),
                FormField("Toelichting", line_input("", max_length=4000, placeholder="optioneel"),
                          name="toelichting"),
            ):
                self.fields[form_field.field_name] = form_field
                yield form_field
            with Horizontal(classes="dialog-buttons"):
                yield Button("Annuleren (Esc)", id="decide-cancel", compact=True)
                yield Button("Vaststellen (Ctrl+S)", id="decide-ok", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.fields["decided_on"].control.focus()

    def decision(self) -> DecidePlan:
        f = self.fields
        return DecidePlan(toelichting=f["toelichting"].value, decided_on=date_value(f["decided_on"].value),
                          decider=self.services.actor.display_name)

    def action_decide(self) -> None:
        self._decide(self.decision())

    @work(thread=True, exclusive=True, group="decide", exit_on_error=False)
    def _decide(self, decision: DecidePlan) -> None:
        workspace = self.services.plans.load_plan_for_editing(self.case_number,
                                                              purpose=self.case_reason(self.case_number))
        plan = workspace.plan
        assert plan is not None
        if workspace.draft is not None and workspace.draft.content != plan.content().model_dump(mode="json"):
            self.app.call_from_thread(self._refused_text, Text(
                "Er is nog niet-opgeslagen invoer voor dit plan (automatisch bewaard). Open het plan (e), sla het op "
                "met Ctrl+S of gooi de invoer weg (F8), en stel het daarna vast.", style="bold"))
            return
        try:
            self.services.plans.decide_plan(self.case_number, decision.request(), plan.version,
                                            purpose=self.case_reason(self.case_number))
        except PlanIncomplete as exc:
            self.app.call_from_thread(self._refused_text, missing_text(exc.missing))
            return
        except NoMandate as exc:
            self.app.call_from_thread(self._no_mandate, exc.message)
            return
        except InvalidInput as exc:
            self.app.call_from_thread(self._invalid, exc.problems)
            return
        self.app.call_from_thread(self._done, plan.plan_version, decision.decider)

    def _refused_text(self, text: Text) -> None:
        self.query_one("#decide-missing", Static).update(text)
        self.notify("Niet vastgesteld; zie de lijst.", title="Plan is nog niet compleet", severity="error",
                    markup=False)

    def _no_mandate(self, message: str) -> None:
        self.query_one("#decide-missing", Static).update(Text(message, style="bold"))
        self.notify(message, title="Geen mandaat", severity="error", markup=False, timeout=15)

    def _invalid(self, problems: list[Problem]) -> None:
        for form_field in self.fields.values():
            form_field.set_error(None)
        rest = show_at_fields(self.fields, problems)
        if rest:
            self.query_one("#decide-missing", Static).update("\n".join(f"✗ {p.reason}" for p in rest))
        first = next((f for f in self.fields.values() if f.error), None)
        if first is not None:
            first.control.focus()

    def _done(self, plan_version: int, decided_by: str) -> None:
        self.notify(f"Versie {plan_version} is vastgesteld door {decided_by}.", title="Vastgesteld", markup=False)
        self.dismiss(True)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # Worker messages do not bubble: hand a failure (e.g. a stale save) to the app's one error handler.
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            from tui.app import DoorbraakApp

            cast(DoorbraakApp, self.app).report_error(event.worker.error)

    @on(Input.Submitted)
    def _next(self) -> None:
        self.focus_next()

    @on(Button.Pressed, "#decide-ok")
    def _ok(self) -> None:
        self.action_decide()

    @on(Button.Pressed, "#decide-cancel")
    def _cancel(self) -> None:
        self.dismiss(False)

    def action_cancel(self) -> None:
        self.dismiss(False)
