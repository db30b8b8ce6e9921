"""The plan overview of one household: every step with what it holds, what is missing before a decision
(each item opens its step), the rekensom in short, the legal bases and the versions.

From here a plan is started, edited, decided (refused with the list while something is missing), put into
execution, completed, copied into a new version, compared with another version and exported.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from domain.errors import NotFound
from domain.plan import ACTION_STATUS_LABELS, MissingItem, PlanStatus, PlanStep
from domain.services import plans as service
from storage.bootstrap import Services
from tui.plan_session import CompleteEvaluation, NewVersion, PlanCommand, StartExecution
from tui.plan_store import ServicePlanStore
from tui.render.format import format_date, format_money
from tui.screens.base import DoorbraakScreen, today
from tui.widgets.plan_goals_actions import short, short_title
from tui.widgets.plan_rekensom import payer_table, pocket_text
from tui.widgets.quiet_footer import QuietFooter

START = "__start__"
WIDE = 120


def step_summary(overview: service.PlanOverview, step: PlanStep) -> str:
    """One line per step: what it holds now."""
    plan, household = overview.plan, overview.household
    if step is PlanStep.IN_KAART:
        text = f"{len(household.problems)} problemen, {len(household.organisations)} organisaties"
        return text + (f" · {short(plan.in_kaart.samenvatting, 30)}" if plan.in_kaart.samenvatting else "")
    if step is PlanStep.PERSPECTIEF:
        return short(plan.perspectief, 55) if plan.perspectief else "nog niet ingevuld"
    if step is PlanStep.STA_IN_DE_WEG:
        problem = plan.obstacle_problem(household)
        return f"{problem.leefgebied_label} (score {problem.score})" if problem else "nog niet gekozen"
    if step is PlanStep.DOORBRAAK:
        return short(plan.doorbraak, 55) if plan.doorbraak else "nog niet beschreven"
    if step is PlanStep.DOELEN:
        return f"{len(plan.goals)} doel(en)"
    if step is PlanStep.ACTIES:
        counts: dict[str, int] = {}
        for action in plan.actions:
            label = ACTION_STATUS_LABELS[action.status].lower()
            counts[label] = counts.get(label, 0) + 1
        deviating = sum(1 for a in plan.actions if a.deviating)
        parts = [f"{len(plan.actions)} actie(s)"]
        if deviating:
            parts.append(f"{deviating} maatwerk")
        if plan.is_frozen and counts:
            parts.append(", ".join(f"{n} {label}" for label, n in counts.items()))
        return " · ".join(parts)
    if step is PlanStep.REKENSOM:
        result = overview.result
        if result.is_empty:
            return "nog geen kostenregels"
        count = len(plan.rekensom.lines)
        return f"{count} {'regel' if count == 1 else 'regels'} · verschil {format_money(result.verschil)}"
    if step is PlanStep.JURIDISCH:
        return "; ".join(short_title(b.id) for b in overview.legal_bases) or "nog geen rechtsgrond"
    if step is PlanStep.TOESTEMMING:
        consent = plan.consent
        return f"{consent.given_by}, {format_date(consent.given_on)} ({consent.method.label.lower()})" if consent else (
            "nog niet vastgelegd")
    if step is PlanStep.BESLUIT:
        decision = plan.decision
        return (f"{decision.decided_by}, {format_date(decision.decided_on)} ({decision.mandate})" if decision
                else "nog niet vastgesteld")
    moments = [f"{e.moment} mnd" for e in plan.evaluations]
    return ", ".join(moments) if moments else "nog geen evaluatie"


def step_options(overview: service.PlanOverview) -> list[Option]:
    """Each step on a line, with the items that are missing (✗) or weak (!) under it; all open the step."""
    missing: dict[PlanStep, list[MissingItem]] = {}
    for item in overview.missing:
        missing.setdefault(item.step, []).append(item)
    warnings: dict[PlanStep, list[MissingItem]] = {}
    for item in overview.warnings:
        warnings.setdefault(item.step, []).append(item)
    plan = overview.plan
    options: list[Option] = []
    for step in PlanStep:
        if step in (PlanStep.BESLUIT, PlanStep.EVALUATIE):
            done = plan.is_frozen if step is PlanStep.BESLUIT else any(e.moment > 0 for e in plan.evaluations)
            mark = "✓" if done else "·"
        else:
            mark = "✗" if step in missing else "✓"
        line = Text()
        line.append(f"{mark} ", style="bold")
        line.append(f"{step.label}", style="bold")
        line.append(f"  {step_summary(overview, step)}")
        options.append(Option(line, id=step.value))
        for index, item in enumerate(missing.get(step, [])):
            options.append(Option(Text(f"    ✗ {item.message}"), id=f"{step.value}#m{index}"))
        for index, item in enumerate(warnings.get(step, [])):
            options.append(Option(Text(f"    ! {item.message}"), id=f"{step.value}#w{index}"))
    return options


def side_panel(overview: service.PlanOverview) -> RenderableType:
    result = overview.result
    parts: list[RenderableType] = [Text(f"Rekensom ({result.horizon_months} maanden)", style="bold")]
    if result.is_empty:
        parts.append(Text("Nog geen kostenregels.", style="italic"))
    else:
        parts.append(payer_table(result))
        parts.append(pocket_text(result))
    parts.append(Text("\nRechtsgronden", style="bold"))
    if overview.legal_bases:
        parts.extend(Text(f"• {b.title} — {b.ruimte_label}") for b in overview.legal_bases)
    else:
        parts.append(Text("Nog geen rechtsgrond gekozen.", style="italic"))
    parts.append(Text("\nVersies", style="bold"))
    for info in overview.versions:
        line = f"• versie {info.plan_version}: {info.status.label}"
        if info.decided_on:
            line += f", {format_date(info.decided_on)} door {info.decided_by}"
        if info.plan_version == overview.plan.plan_version:
            line += "  ← deze"
        parts.append(Text(line))
    return Group(*parts)


def status_line(overview: service.PlanOverview) -> tuple[str, str]:
    """The line at the top and its class: what state the plan is in and what to do next."""
    plan = overview.plan
    head = f"Versie {plan.plan_version} · {plan.status.label}"
    if plan.status is PlanStatus.CONCEPT:
        if overview.missing:
            return (f"{head} · nog {len(overview.missing)} punt(en) voor een besluit · Enter opent de stap",
                    "")
        return f"{head} · compleet: b stelt het plan vast", "-ready"
    decided = plan.decision
    who = f" · vastgesteld op {format_date(decided.decided_on)} door {decided.decided_by}" if decided else ""
    return (f"{head}{who} · ligt vast: alleen actiestatus en evaluatie veranderen nog · v: nieuwe versie",
            "-frozen")


class PlanOverviewScreen(DoorbraakScreen[None]):
    """The maatwerkplan of one household at a glance (key p on the household)."""

    CSS_PATH = "plan.tcss"

    BINDINGS = [
        Binding("e", "edit", "Bewerken", id="plan_overview.edit", tooltip="Open het plan in de editor"),
        Binding("n", "start_plan", "Plan starten", id="plan_overview.start",
                tooltip="Een nieuw maatwerkplan (versie 1, concept) voor dit huishouden"),
        Binding("b", "decide", "Vaststellen", id="plan_overview.decide",
                tooltip="Het plan vaststellen (maatwerkfunctionaris, mandaat, datum)"),
        Binding("v", "new_version", "Nieuwe versie", id="plan_overview.new_version",
                tooltip="Een nieuwe conceptversie maken om het vastgestelde plan te wijzigen"),
        Binding("x", "export", "Exporteren", id="plan_overview.export", tooltip="Als PDF of Markdown, om te tekenen"),
        Binding("w", "export_resident", "Plan voor bewoner", id="plan_overview.export_resident", show=False,
                tooltip="Het plan in eenvoudige taal (B1) voor het huishouden, als PDF of Markdown"),
        Binding("c", "compare", "Vergelijken", id="plan_overview.compare", show=False,
                tooltip="Twee versies per onderdeel vergelijken"),
        Binding("u", "start_execution", "Uitvoering starten", id="plan_overview.start_execution", show=False,
                tooltip="Het vastgestelde plan gaat in uitvoering"),
        Binding("a", "complete", "Evaluatie afronden", id="plan_overview.complete", show=False,
                tooltip="Het plan is geëvalueerd (na een evaluatiemoment na de start)"),
        Binding("f5,ctrl+r", "refresh", "Vernieuwen", id="plan_overview.refresh", show=False,
                tooltip="Haal het plan opnieuw op"),
        Binding("escape,backspace", "back", "Terug", id="plan_overview.back", tooltip="Terug naar het huishouden"),
    ]

    def __init__(self, services: Services, case_number: str) -> None:
        super().__init__(services)
        self.case_number = case_number
        self.overview: service.PlanOverview | None = None
        self.no_plan = False
        self.loaded = False
        """The first load is done (a later return to this screen loads again)."""
        self.sub_title = f"Maatwerkplan · {case_number}"

    def compose(self) -> ComposeResult:
        yield self.app_header()
        yield Static("", id="overview-status", markup=False)
        with Horizontal(id="overview-body"):
            yield OptionList(id="overview-steps")
            with VerticalScroll(id="overview-side", can_focus=True):
                yield Static(id="overview-panel")
        yield QuietFooter()

    def on_mount(self) -> None:
        self.query_one("#overview-steps").focus()
        self.query_one("#overview-body").loading = True
        self.load()

    def on_resize(self) -> None:
        self.query_one("#overview-body").set_class(self.size.width >= WIDE, "-wide")

    def on_screen_resume(self) -> None:
        # Back from the editor or a dialog: the plan may have changed.
        if self.loaded:
            self.load()

    # -- loading ---------------------------------------------------------------------------------
    def load(self) -> None:
        """Fetch the plan (or, without one, the household's name) with the case's reason; ask it if needed."""

        def fetch(purpose: str) -> service.PlanOverview | str:
            try:
                return self.services.plans.plan_overview(self.case_number, purpose=purpose)
            except NotFound:
                return self.services.households.get(self.case_number, purpose=purpose).name

        def done(result: service.PlanOverview | str) -> None:
            if isinstance(result, str):
                self._show_no_plan(result)
            else:
                self.show(result)

        self.run_for_case(fetch, done, group="plan-overview", case_number=self.case_number,
                          cancelled=self.close_unopened)

    def _show_no_plan(self, name: str) -> None:
        self.loaded = True
        self.overview = None
        self.no_plan = True
        self.query_one("#overview-body").loading = False
        self.sub_title = f"Maatwerkplan · {self.case_number} · {name}"
        self.query_one("#overview-status", Static).update("Dit huishouden heeft nog geen maatwerkplan.")
        steps = self.query_one("#overview-steps", OptionList)
        steps.clear_options()
        start = Text("＋ Maatwerkplan starten", style="bold")
        start.append("\n  Enter of n maakt versie 1 (concept) en opent de editor bij de eerste stap:\n  "
                     + " → ".join(s.label for s in PlanStep))
        steps.add_option(Option(start, id=START))
        steps.highlighted = 0
        self.query_one("#overview-panel", Static).update(
            Text("De editor loopt de stappen van de doorbraakmethode door als een formulier; met Alt+letter springt "
                 "u naar elke stap. Wat u typt wordt automatisch bewaard.", style="italic"))
        self.refresh_bindings()

    def show(self, overview: service.PlanOverview) -> None:
        self.loaded = True
        self.no_plan = False
        self.query_one("#overview-body").loading = False
        self.sub_title = f"Maatwerkplan · {self.case_number} · {overview.household.name}"
        text, kind = status_line(overview)
        status = self.query_one("#overview-status", Static)
        status.update(text)
        status.set_class(kind == "-frozen", "-frozen")
        status.set_class(kind == "-ready", "-ready")
        steps = self.query_one("#overview-steps", OptionList)
        first_show = self.overview is None or steps.option_count <= 1
        highlighted = steps.highlighted
        steps.clear_options()
        options = step_options(overview)
        steps.add_options(options)
        if first_show:
            # Start on the first thing that is missing: Enter (or e) opens that step.
            highlighted = next((i for i, o in enumerate(options) if "#m" in (o.id or "")), 0)
        steps.highlighted = min(highlighted or 0, steps.option_count - 1)
        self.overview = overview
        self.query_one("#overview-panel", Static).update(side_panel(overview))
        self.refresh_bindings()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "plan-overview" and event.state is WorkerState.ERROR:
            self.query_one("#overview-body").loading = False
        if event.worker.group == "plan-overview-command" and event.state is WorkerState.ERROR:
            self.load()

    # -- which keys apply ------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        overview = self.overview
        status = overview.plan.status if overview else None
        if action == "start_plan":
            return self.no_plan
        if action in ("edit", "export", "export_resident", "compare"):
            return overview is not None and (action != "compare" or len(overview.versions) > 1)
        if action == "decide":
            return status is PlanStatus.CONCEPT
        if action == "new_version":
            return status is not None and status is not PlanStatus.CONCEPT and overview is not None and (
                overview.is_latest)
        if action == "start_execution":
            return status is PlanStatus.VASTGESTELD
        if action == "complete":
            return status is PlanStatus.IN_UITVOERING
        return True

    # -- actions ---------------------------------------------------------------------------------
    def _selected_step(self) -> PlanStep | None:
        steps = self.query_one("#overview-steps", OptionList)
        if steps.highlighted is None:
            return None
        option_id = steps.get_option_at_index(steps.highlighted).id or ""
        try:
            return PlanStep(option_id.split("#", 1)[0])
        except ValueError:
            return None

    @on(OptionList.OptionSelected, "#overview-steps")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == START:
            self.action_start_plan()
        else:
            self.open_editor(PlanStep((event.option.id or "").split("#", 1)[0]))

    def open_editor(self, step: PlanStep | None = None) -> None:
        from tui.screens.plan_editor import PlanEditorScreen

        self.app.push_screen(PlanEditorScreen(self.services, self.case_number, step=step))

    def action_edit(self) -> None:
        if self.overview is not None:
            self.open_editor(self._selected_step())

    def action_start_plan(self) -> None:
        if self.no_plan:
            self._start_plan()

    @work(thread=True, exclusive=True, group="plan-overview-command", exit_on_error=False)
    def _start_plan(self) -> None:
        self.services.plans.start_plan(self.case_number, purpose=self.case_reason(self.case_number))
        self.app.call_from_thread(self._started)

    def _started(self) -> None:
        self.notify("Versie 1 van het maatwerkplan is aangemaakt.", title="Plan gestart", markup=False)
        self.no_plan = False
        self.open_editor(PlanStep.IN_KAART)

    def action_decide(self) -> None:
        overview = self.overview
        if overview is None or overview.plan.status is not PlanStatus.CONCEPT:
            return
        from tui.screens.decide_dialog import DecideDialog

        def decided(done: bool | None) -> None:
            self.load()

        self.app.push_screen(DecideDialog(self.services, self.case_number, overview), decided)

    def action_new_version(self) -> None:
        if self.overview is not None and self.overview.plan.is_frozen:
            self._command(NewVersion(in_editor=False))

    def action_start_execution(self) -> None:
        self._command(StartExecution())

    def action_complete(self) -> None:
        self._command(CompleteEvaluation())

    @work(thread=True, exclusive=True, group="plan-overview-command", exit_on_error=False)
    def _command(self, command: PlanCommand) -> None:
        overview = self.overview
        if overview is None:
            return
        case = self.case_number
        store = ServicePlanStore(case, self.services.plans, purpose=lambda: self.case_reason(case),
                                 today=lambda: today(self.services))
        saved = command.run(store, overview.plan.version)
        self.app.call_from_thread(self._command_done, command, command.message(saved))

    def _command_done(self, command: PlanCommand, message: str) -> None:
        self.notify(message, title="Opgeslagen", markup=False)
        if command.reload_step is not None:
            self.open_editor(None)  # a new version: go on editing it
        else:
            self.load()

    def action_compare(self) -> None:
        if self.overview is None or len(self.overview.versions) < 2:
            self.notify("Er is maar één versie; vergelijken kan vanaf twee versies.", markup=False)
            return
        from tui.screens.plan_compare import PlanCompareScreen

        self.app.push_screen(PlanCompareScreen(self.services, self.case_number, self.overview.versions))

    def action_export(self) -> None:
        if self.overview is None:
            return
        from tui.screens.plan_export_dialog import PlanExportDialog

        self.app.push_screen(PlanExportDialog(self.services, self.case_number, self.overview))

    def action_export_resident(self) -> None:
        if self.overview is None:
            return
        from tui.render.plan import Edition
        from tui.screens.plan_export_dialog import PlanExportDialog

        self.app.push_screen(PlanExportDialog(self.services, self.case_number, self.overview, edition=Edition.BEWONER))

    def action_refresh(self) -> None:
        self.load()

    def action_back(self) -> None:
        self.dismiss(None)

    def labels(self) -> list[str]:
        """The lines of the step list (for tests)."""
        steps = self.query_one("#overview-steps", OptionList)
        return [str(steps.get_option_at_index(i).prompt) for i in range(steps.option_count)]
