"""The plan editor: the steps of the doorbraakmethode as a form wizard that an experienced user can also jump
through by key (Alt+letter, or Ctrl+G and the letter on the step bar).

What is typed is kept in the session's `content` (tui/plan_session.py: the plan as JSON-like data, the
dirty flags and every write, without Textual) and autosaved as a draft shortly after typing stops and when
leaving, so nothing is lost on a crash or a closed terminal; reopening offers it again. Each step view owns
its widgets and asks for its own writes (a typed command); this screen shows steps, runs the workers and
tells the user. Ctrl+S stores it through the services with the version check (a stale save is refused with the
domain's Dutch message and keeps everything typed). A decided version is shown read-only: only the status
of its actions and the evaluation moments still change.
"""

from __future__ import annotations

import asyncio
import copy
from datetime import datetime

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from domain.catalogues import Kengetal
from domain.errors import Problem, StaleVersion
from domain.household import Household
from domain.plan import (
    CONTENT_STEPS,
    Maatwerkplan,
    MissingItem,
    PlanIncomplete,
    PlanStatus,
    PlanStep,
)
from domain.register import RegisterContact
from domain.services import plans as service
from storage.bootstrap import Services
from tui.plan_session import ActionStatusChange, CommandResult, Content, PlanCommand, PlanEditSession, SaveResult
from tui.plan_store import ServicePlanStore
from tui.render.format import format_date, format_datetime, format_time
from tui.screens.base import DoorbraakScreen, today
from tui.widgets.plan_besluit import CommandRequested, JumpTo
from tui.widgets.plan_goals_actions import ActionEditor
from tui.widgets.plan_step import StepContext, StepView
from tui.widgets.plan_step_host import StepHost
from tui.widgets.quiet_footer import QuietFooter
from tui.widgets.step_bar import STEP_KEYS, STEPS, StepBar, StepState

AUTOSAVE_DELAY = 1.0
"""Seconds after the last keystroke before the draft is saved."""
PREVIEW_DELAY = 0.3
WIDE = 110

def _clock(moment: datetime | None) -> str:
    return format_time(moment)


class PlanEditorScreen(DoorbraakScreen[None]):
    """Edit the current plan version of one household (opened from the plan overview)."""

    CSS_PATH = "plan.tcss"
    AUTO_FOCUS = None

    class StepShown(Message):
        """A step is on screen now (the rondleiding's card says whether that is the step of the route)."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Opslaan", id="plan.save", priority=True,
                tooltip="Sla het plan op (in Besluit: vaststellen; in Evaluatie: het moment vastleggen)"),
        Binding("pagedown,ctrl+down", "next_step", "Volgende", id="plan.next", priority=True,
                tooltip="Naar de volgende stap van de methode"),
        Binding("pageup,ctrl+up", "previous_step", "Vorige", id="plan.previous", priority=True,
                tooltip="Naar de vorige stap"),
        Binding("ctrl+n", "add_item", "Toevoegen", id="plan.add",
                tooltip="Doel, actie, kostenregel of rechtsgrond toevoegen (in de stap waar u bent)"),
        Binding("ctrl+r", "remove_item", "Verwijderen", id="plan.remove", show=False,
                tooltip="Verwijder het doel, de actie, de regel of de rechtsgrond waar de cursor staat"),
        Binding("ctrl+o", "who_to_call", "Wie bel ik?", id="plan.who_to_call", show=False,
                tooltip="Contacten uit het maatwerkregister bij de organisatie van deze actie"),
        Binding("ctrl+l,f6", "precedents", "Elders opgelost?", id="plan.precedents", show=False,
                tooltip="Hoe is dit elders opgelost? Besloten plannen met dezelfde soort actie of rechtsgrond"),
        Binding("ctrl+g", "step_bar", "Stap kiezen", id="plan.steps", show=False,
                tooltip="Naar de stappenbalk; daar kiest een letter de stap"),
        Binding("escape", "back", "Terug", id="plan.back",
                tooltip="Terug naar het overzicht; niet-opgeslagen invoer blijft automatisch bewaard"),
        Binding("f5", "reload", "Opnieuw laden", id="plan.reload", show=False,
                tooltip="Haal het plan opnieuw op (uw niet-opgeslagen invoer wordt aangeboden)"),
        Binding("f8", "revert", "Terug naar opgeslagen", id="plan.revert", show=False,
                tooltip="Gooi de niet-opgeslagen invoer weg en toon het opgeslagen plan"),
        *[
            Binding(f"alt+{key}", f"go('{step.value}')", f"Stap {step.label}", id=f"plan.step.{step.value}",
                    show=False, priority=True, tooltip=f"Spring naar de stap {step.label} (Alt+{key.upper()})")
            for step, key in STEP_KEYS.items()
        ],
    ]

    def __init__(self, services: Services, case_number: str, *, step: PlanStep | None = None) -> None:
        super().__init__(services)
        self.case_number = case_number
        self.requested_step = step
        self.sub_title = f"Maatwerkplan · {case_number}"
        self.session = PlanEditSession(ServicePlanStore(
            case_number, self.services.plans, purpose=lambda: self.case_reason(case_number),
            today=lambda: today(self.services)))
        self.step = PlanStep.IN_KAART
        self.view: StepView | None = None
        self.ctx: StepContext | None = None
        self.busy = False
        self._autosave_timer: Timer | None = None
        self._preview_timer: Timer | None = None
        self._step_lock = asyncio.Lock()
        self._key_state: tuple[bool | None, bool | None] | None = None

    # -- layout ----------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield self.app_header()
        with Horizontal(id="plan-main"):
            yield StepBar(id="step-bar")
            with Vertical(id="step-area"):
                yield Static("", id="plan-banner", markup=False)
                yield Static("", id="step-title", markup=False)
                yield StepHost(id="step-host")
        yield Static("", id="plan-status", markup=False)
        yield QuietFooter()

    def on_mount(self) -> None:
        self.query_one("#step-host").loading = True
        self.load()

    def on_resize(self) -> None:
        wide = self.size.width >= WIDE
        self.query_one("#plan-main").set_class(wide, "-wide")
        self.query_one(StepBar).wide = wide

    # -- the session's state, as the app, the tour and the tests read it ------------------------------
    @property
    def frozen(self) -> bool:
        return self.session.frozen

    @property
    def plan(self) -> Maatwerkplan | None:
        return self.session.plan

    @property
    def household(self) -> Household | None:
        return self.session.household

    @property
    def content(self) -> Content:
        return self.session.content

    @property
    def last_draft(self) -> Content | None:
        return self.session.last_draft

    @property
    def missing(self) -> list[MissingItem]:
        return self.session.missing

    @property
    def problems(self) -> list[Problem]:
        return self.session.problems

    @property
    def warnings(self) -> list[MissingItem]:
        return self.session.warnings

    @property
    def kengetallen(self) -> tuple[Kengetal, ...]:
        return self.session.kengetallen

    # -- loading ---------------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="plan-load", exit_on_error=False)
    def load(self, step: PlanStep | None = None) -> None:
        workspace, items = self.session.fetch()
        self.app.call_from_thread(self._loaded, workspace, items, step)

    def _loaded(self, workspace: service.PlanWorkspace, items: tuple[Kengetal, ...], step: PlanStep | None) -> None:
        stored = self.session.loaded(workspace, items)
        self.sub_title = f"Maatwerkplan · {self.case_number} · {workspace.household.name}"
        draft = workspace.draft
        target = step or self.requested_step
        if draft is None or draft.content == stored:
            if draft is not None:
                self._discard_draft()
            self._start(stored, target)
            return
        if self.frozen:
            self._start(stored, target)
            self.notify("Er is nog automatisch bewaarde invoer van vóór het vaststellen. Die is niet meer van "
                        "toepassing op deze versie.", title="Oude invoer", markup=False)
            return
        saved_at = format_datetime(draft.saved_at) if draft.saved_at else "eerder"
        question = (f"U was op {saved_at} met dit plan bezig. Die invoer is automatisch bewaard maar nog niet "
                    "opgeslagen.")
        if workspace.draft_outdated:
            question += (" Let op: het plan is sindsdien door iemand anders opgeslagen. Herstellen zet uw invoer "
                         "terug; met Ctrl+S overschrijft u dan hun wijzigingen.")
        elif not workspace.prefer_draft:
            question += " Het opgeslagen plan is nieuwer dan deze invoer."
        from tui.screens.draft_dialog import RESTORE, DraftDialog

        def answered(answer: str | None) -> None:
            if answer == RESTORE:
                self._start(self.session.restore_draft(draft.content, draft.saved_at), target)
                self.notify("Uw niet-opgeslagen invoer is hersteld. Ctrl+S slaat hem op.", title="Hersteld",
                            markup=False)
            else:
                self._discard_draft()
                self._start(stored, target)

        self.app.push_screen(DraftDialog(question, restore_first=workspace.prefer_draft), answered)

    def _start(self, content: Content, step: PlanStep | None) -> None:
        assert self.household is not None
        self.session.start(content)
        self.ctx = StepContext(
            household=self.household,
            content=self.session.content,
            plan=self.plan,
            read_only=self.frozen,
            kengetallen=self.kengetallen,
            today=today(self.services),
            actor_name=self.services.actor.display_name,
        )
        self.query_one("#step-host").loading = False
        if step is None:
            if self.frozen:
                step = PlanStep.ACTIES
            else:
                step = next((m.step for m in self.missing), PlanStep.IN_KAART) if self.plan else PlanStep.IN_KAART
        self._show_banner()
        self.run_worker(self.show_step(step, write=False), group="plan-step", exclusive=False)

    def _show_banner(self) -> None:
        banner = self.query_one("#plan-banner", Static)
        plan = self.plan
        text = ""
        if plan is not None and plan.is_frozen and plan.decision is not None:
            text = (f"Versie {plan.plan_version} · {plan.status.label} · vastgesteld op "
                    f"{format_date(plan.decision.decided_on)} door {plan.decision.decided_by}. De inhoud ligt vast; "
                    "alleen actiestatus en evaluatie veranderen nog (nieuwe versie: Alt+V).")
        banner.update(text)
        banner.set_class(bool(text), "-visible")

    # -- steps -----------------------------------------------------------------------------------
    async def show_step(self, step: PlanStep, *, focus: bool = True, write: bool = True) -> None:
        """Show a step; what was typed in the step on screen is kept in `content` first (unless the content was
        just replaced: `write=False`).

        A step that was shown before is kept hidden by the `StepHost` and shown again as it was when the content
        it was built from has not changed since.
        """
        if self.ctx is None:
            return
        async with self._step_lock:
            host = self.query_one(StepHost)
            old = self.view
            self.view = None
            if not write:
                await host.forget()
            if old is not None:
                same = write and old.ctx is self.ctx
                if same:
                    old.write_into(self.content)
                await host.leave(old, self.content, keep=same, focused=self.focused)
            self.step = step
            self._judgement_down()
            view = await host.enter(step, self.ctx, self.content)
            self.view = view
            view.show_problems(self.problems)
            if focus:
                last = view.last_focus
                if last is not None and last.is_attached and last.focusable:
                    last.focus()
                else:
                    view.focus_first()
            self._update_title()
            self._update_bar()
            self._refresh_keys()
        self.post_message(self.StepShown())

    def _update_title(self) -> None:
        index = STEPS.index(self.step) + 1
        state = self.query_one(StepBar).describe(self.step).partition(": ")[2]
        read_only = " · alleen lezen" if self.frozen and self.step not in (
            PlanStep.ACTIES, PlanStep.BESLUIT, PlanStep.EVALUATIE) else ""
        self.query_one("#step-title", Static).update(
            f"Stap {index} van {len(STEPS)} · {self.step.label}" + (f" · {state}" if state else "") + read_only)

    def unsaved_steps(self) -> set[PlanStep]:
        return self.session.unsaved_steps()

    @property
    def has_unsaved(self) -> bool:
        return self.session.has_unsaved

    @property
    def statuses_changed(self) -> bool:
        """A decided plan whose action status (or note) was changed on screen but not yet saved."""
        return self.session.statuses_changed

    def step_states(self) -> dict[PlanStep, StepState]:
        invalid = {p.path.split(".", 1)[0] for p in self.problems}
        missing = {m.step for m in self.missing}
        states: dict[PlanStep, StepState] = {}
        for step in CONTENT_STEPS:
            if step.field_name in invalid:
                states[step] = StepState.INVALID
            elif step in missing:
                states[step] = StepState.MISSING
            else:
                states[step] = StepState.DONE
        plan = self.plan
        states[PlanStep.BESLUIT] = StepState.DONE if plan is not None and plan.is_frozen else StepState.OPEN
        evaluated = plan is not None and any(e.moment > 0 for e in plan.evaluations)
        states[PlanStep.EVALUATIE] = StepState.DONE if evaluated else StepState.OPEN
        return states

    def _update_bar(self) -> None:
        bar = self.query_one(StepBar)
        bar.current = self.step
        bar.set_states(self.step_states(), self.unsaved_steps() if not self.frozen else set())
        self._update_title()
        self._update_status()

    def _update_status(self, extra: str = "") -> None:
        self.query_one("#plan-status", Static).update(self.session.status_line(extra, clock=_clock))

    async def action_go(self, step: str) -> None:
        await self.show_step(PlanStep(step))

    async def action_next_step(self) -> None:
        index = STEPS.index(self.step)
        if index < len(STEPS) - 1:
            await self.show_step(STEPS[index + 1])

    async def action_previous_step(self) -> None:
        index = STEPS.index(self.step)
        if index > 0:
            await self.show_step(STEPS[index - 1])

    def action_step_bar(self) -> None:
        self.query_one(StepBar).focus()

    @on(StepBar.Selected)
    async def _bar_selected(self, event: StepBar.Selected) -> None:
        await self.show_step(event.step, focus=False)

    @on(StepBar.Done)
    def _bar_done(self) -> None:
        if self.view is not None:
            self.view.focus_first()

    @on(JumpTo)
    async def _jump(self, event: JumpTo) -> None:
        await self.show_step(event.step)

    # -- typing: preview and autosave --------------------------------------------------------------
    def sync(self) -> None:
        """Write the step on screen into `content`."""
        if self.view is not None and self.view.is_mounted:
            self.view.write_into(self.content)

    @on(StepView.Changed)
    def _changed(self) -> None:
        self.sync()
        self._update_bar()
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview_timer = self.set_timer(PREVIEW_DELAY, self._preview_and_show)
        if not self.frozen:
            if self._autosave_timer is not None:
                self._autosave_timer.stop()
            self._autosave_timer = self.set_timer(AUTOSAVE_DELAY, self.autosave)

    def _preview_and_show(self) -> None:
        self.session.preview()
        self._show_judgement()

    def _judgement_down(self) -> None:
        """Hand the session's latest judgement to the steps (attributes down)."""
        if self.ctx is not None:
            self.ctx.missing, self.ctx.warnings, self.ctx.problems = self.missing, self.warnings, self.problems

    def _show_judgement(self) -> None:
        """Show what the session last judged (missing, warnings, problems) in the step and the bar."""
        if self.ctx is not None:
            self._judgement_down()
        if self.view is not None:
            self.view.refresh_derived()
        self._update_bar()

    def draft_data(self) -> Content:
        """The content plus what is still being typed in a dialog (a cost line), for the draft."""
        self.sync()
        data = copy.deepcopy(self.content)
        if self.view is not None and self.view.is_mounted:
            self.view.write_draft_into(data)
        return data

    def autosave(self) -> None:
        """Save a draft of what is typed, if it differs from what is stored and from the last draft."""
        if self.ctx is None:
            return
        data = self.draft_data()
        if self.session.wants_autosave(data):
            self._save_draft(data, self.session.generation)

    @work(thread=True, exclusive=True, group="plan-draft", exit_on_error=False)
    def _save_draft(self, data: Content, generation: int) -> None:
        stored, saved_at = self.session.save_draft(data, generation)
        if stored:
            self.app.call_from_thread(self._draft_saved, data, saved_at)

    def _draft_saved(self, data: Content, saved_at: datetime | None) -> None:
        self.session.draft_saved(data, saved_at)
        self._update_status()

    @work(thread=True, exclusive=True, group="plan-draft", exit_on_error=False)
    def _discard_draft(self) -> None:
        self.session.discard_draft()

    async def flush_draft(self) -> None:
        """Save the draft now (leaving, quitting); waits until it is stored."""
        if self.ctx is None:
            return
        data = self.draft_data()
        if not self.session.wants_flush(data):
            return
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
        worker = self._save_draft(data, self.session.generation)
        await worker.wait()

    # -- saving ------------------------------------------------------------------------------------
    async def action_save(self) -> None:
        if self.ctx is None or self.busy:
            return
        if self.view is not None and self.view.request_save():
            return  # the step saves itself (Besluit: decide; Evaluatie: record the moment)
        if self.frozen:
            if self.step is PlanStep.ACTIES:
                self._save_statuses()
            else:
                self.notify("Deze versie is vastgesteld; de inhoud kan niet meer veranderen. Maak in stap Besluit "
                            "een nieuwe versie.", title="Vastgesteld", markup=False)
            return
        self.sync()
        data = copy.deepcopy(self.content)
        changed = self.session.changed_steps(data)
        if self.plan is not None and not changed:
            self.notify("Er is niets te bewaren: alles is al opgeslagen.", markup=False)
            return
        self.busy = True
        self._update_status("Bezig met opslaan…")
        self._save_content(data, changed)

    @work(thread=True, exclusive=True, group="plan-save", exit_on_error=False)
    def _save_content(self, data: Content, changed: list[PlanStep]) -> None:
        self.app.call_from_thread(self._save_done, self.session.save(data, changed))

    def _save_done(self, result: SaveResult) -> None:
        if result.kept_draft_at is not None:
            self._draft_saved(result.data, result.kept_draft_at)
        if result.plan is not None:
            self._saved(result.plan, result.data, result.changed)
        elif result.stale is not None:
            self._stale(result.stale)
        else:
            self._save_refused(result.problems)

    def _saved(self, saved: Maatwerkplan, data: Content, changed: list[PlanStep]) -> None:
        first = self.plan is None
        self.session.saved(saved, data)
        if self.ctx is not None:
            self.ctx.plan = saved
        self._show_done_dates(saved)
        if self.view is not None:
            self.view.show_problems([])
        self._show_judgement()
        what = ", ".join(s.label for s in changed) if changed and len(changed) <= 3 else "het plan"
        verb = "aangemaakt" if first else "opgeslagen"
        self.notify(f"Versie {saved.plan_version} {verb}: {what}.", title="Opgeslagen", markup=False)

    def _save_refused(self, problems: list[Problem]) -> None:
        steps = self.session.refused(problems)
        if self.ctx is not None:
            self.ctx.problems = problems
        if self.view is not None:
            self.view.show_problems(problems)
        self._update_bar()
        where = ", ".join(s.label for s in steps) or "het plan"
        count = len(problems)
        message = (f"Niet opgeslagen: {count} {'fout' if count == 1 else 'fouten'} in {where} (gemarkeerd met ✗ en "
                   "!). Uw invoer is bewaard.")
        general = [p.reason for p in problems if not p.path]
        self.notify("\n".join([message, *general]), title="Ongeldige invoer", severity="error", markup=False,
                    timeout=10)
        if steps and self.step not in steps:
            self.run_worker(self.show_step(steps[0]), group="plan-step")

    def _stale(self, error: StaleVersion) -> None:
        from tui.screens.error_dialog import ErrorDialog

        self._update_status("Niet opgeslagen: iemand anders heeft het plan intussen gewijzigd")
        self.app.push_screen(ErrorDialog(
            error.title,
            f"{error.message}\n\nWat u typte staat nog op het scherm en is automatisch bewaard. F5 laadt het "
            "plan opnieuw en biedt uw invoer dan aan om te herstellen.",
        ))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group in ("plan-save", "plan-command", "plan-status") and event.state in (
            WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED
        ):
            self.busy = False
            if event.state is not WorkerState.SUCCESS:
                self._update_status()
        if event.worker.group == "plan-load" and event.state is WorkerState.ERROR:
            self.query_one("#step-host").loading = False
            if self.ctx is None:
                self.query_one("#step-title", Static).update(
                    "Het plan kon niet worden geladen. F5 probeert het opnieuw, Esc gaat terug.")

    def _show_done_dates(self, plan: Maatwerkplan) -> None:
        """Show the stored 'gedaan op' days (the app fills in today for an empty field) in the action cards,
        so the screen shows what was stored and is not dirty."""
        dates = {str(a.id): a.done_on.isoformat() if a.done_on else None for a in plan.actions}
        for card in self.query(ActionEditor):
            if card.action_id in dates:
                card.show_done_on(dates[card.action_id])

    # -- execution: action status on a decided plan --------------------------------------------------
    def _save_statuses(self) -> None:
        assert self.plan is not None
        self.sync()
        changes = self.session.status_changes()
        if not changes:
            self.notify("Er is geen status veranderd.", markup=False)
            return
        self.busy = True
        self._run_statuses(changes)

    @work(thread=True, exclusive=True, group="plan-status", exit_on_error=False)
    def _run_statuses(self, changes: list[ActionStatusChange]) -> None:
        plan = self.session.save_statuses(changes)
        self.app.call_from_thread(self._statuses_saved, plan, len(changes))

    def _statuses_saved(self, plan: Maatwerkplan, count: int) -> None:
        self.session.statuses_saved(plan)
        if self.ctx is not None:
            self.ctx.plan = plan
        self._show_done_dates(plan)
        self.notify(f"Status van {count} {'actie' if count == 1 else 'acties'} opgeslagen.", title="Opgeslagen",
                    markup=False)
        self._update_bar()

    # -- decide, start, complete, new version, evaluate ----------------------------------------------
    @on(CommandRequested)
    def _command(self, event: CommandRequested) -> None:
        command = event.command
        if self.busy or self.plan is None and not command.saves_content_first:
            if self.plan is None:
                self.notify("Sla het plan eerst op (Ctrl+S).", markup=False)
            return
        question = command.confirmation(self.plan.plan_version if self.plan else 1)
        if question is None:
            self._start_command(command)
            return
        from tui.screens.confirm_dialog import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self._start_command(command)

        unsaved = " Eerst wordt uw niet-opgeslagen invoer opgeslagen." if (
            command.saves_content_first and self.has_unsaved) else ""
        self.app.push_screen(ConfirmDialog(question.title, question.text + unsaved, yes=question.yes, no="Terug"),
                             answered)

    def _start_command(self, command: PlanCommand) -> None:
        self.sync()
        self.busy = True
        self._run_command(command, copy.deepcopy(self.content))

    @work(thread=True, exclusive=True, group="plan-command", exit_on_error=False)
    def _run_command(self, command: PlanCommand, content: Content) -> None:
        result = self.session.run_command(command, content)
        self.app.call_from_thread(self._command_result, command, content, result)

    def _command_result(self, command: PlanCommand, content: Content, result: CommandResult) -> None:
        if result.content_saved is not None:
            self._saved(result.content_saved, content, [])
        if result.plan is not None:
            self._command_done(command, result.plan, result.message)
        elif result.incomplete is not None:
            self._incomplete(result.incomplete)
        elif result.no_mandate is not None:
            self._no_mandate(result.no_mandate.message, result.no_mandate.title)
        elif result.content_refused:
            self._save_refused(result.problems)
        else:
            self._command_refused(result.problems)

    def _command_refused(self, problems: list[Problem]) -> None:
        if self.view is not None:
            self.view.show_problems(problems)
        general = [p.reason for p in problems if not p.path]
        self.notify("\n".join(["Niet vastgelegd: zie de velden met ✗.", *general]), title="Ongeldige invoer",
                    severity="error", markup=False)

    def _no_mandate(self, message: str, title: str) -> None:
        if self.view is not None:
            self.view.show_problems([Problem("", message)])
        self.notify(message, title=title, severity="error", markup=False, timeout=15)

    def _incomplete(self, error: PlanIncomplete) -> None:
        self.session.incomplete(error)
        if self.ctx is not None:
            self.ctx.missing = self.missing
        if self.view is not None:
            self.view.refresh_derived()
        self._update_bar()
        self.notify(f"Het plan kan nog niet worden vastgesteld: er ontbreken nog {len(error.missing)} punten "
                    "(zie de lijst; Enter springt naar de stap).", title=error.title, severity="error", markup=False,
                    timeout=10)

    def _command_done(self, command: PlanCommand, saved: Maatwerkplan, message: str) -> None:
        self.notify(message, title="Opgeslagen", markup=False)
        step = command.reload_step or self.step
        if not command.reloads:
            self.session.plan = saved
            if self.ctx is not None:
                self.ctx.plan = saved
            self.run_worker(self.show_step(step), group="plan-step")
            return
        self.load(step)

    # -- lists -----------------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        view = self.view if self.view is not None and self.view.is_attached else None
        if action == "add_item":
            return view is not None and view.can_add and not self.frozen
        if action == "remove_item":
            return view is not None and view.can_remove()
        if action == "who_to_call":
            return view is not None and view.offers_contacts and not self.frozen
        if action == "precedents":  # reading precedents changes nothing: also on a decided plan
            return view is not None and view.offers_contacts
        return True

    def on_descendant_focus(self) -> None:
        self._refresh_keys()

    def _refresh_keys(self) -> None:
        """Refresh the footer only when Toevoegen/Verwijderen change (a refresh rebuilds the whole footer)."""
        state = (self.check_action("add_item", ()), self.check_action("remove_item", ()))
        if state != self._key_state:
            self._key_state = state
            self.refresh_bindings()

    async def action_add_item(self) -> None:
        if self.view is not None and not await self.view.add_item():
            self.notify("In deze stap is er niets om toe te voegen.", markup=False)

    async def action_remove_item(self) -> None:
        if self.view is not None and not await self.view.remove_item():
            self.notify("Zet de cursor eerst in het doel, de actie, de regel of de rechtsgrond.", markup=False)

    def put_contact_on_action(self, text: str, contact_id: int | None, action_id: str | None = None) -> bool:
        """Put a contact (e.g. from the maatwerkregister's 'wie bel ik?') on an action: the action with
        `action_id`, or else the action that has the focus in the step Acties. Returns False when there is none.
        """
        if self.frozen:
            return False
        editor = self.view.action_editor(action_id) if self.view is not None else None
        if editor is not None:
            editor.set_contact(text, contact_id)
            return True
        if action_id is not None:
            for action in self.content.get("actions") or []:
                if action.get("id") == action_id:
                    action["contact"], action["contact_id"] = text, contact_id
                    self._changed()
                    return True
        return False

    def action_who_to_call(self) -> None:
        """'Wie bel ik?': the register's contacts of the action's organisation for the household's gemeente."""
        from domain.register import action_contact_text
        from tui.screens.contact_picker import ContactPickerDialog

        editor = self.view.action_editor(None) if self.view is not None else None
        if editor is None or self.household is None:
            self.notify("Zet de cursor eerst in een actie.", markup=False)
            return
        organisation = str(editor.value_of("owner_organisation") or "").strip()
        if not organisation:
            self.notify("Vul eerst de eigenaar (organisatie) van de actie in.", markup=False)
            return
        action_id = editor.action_id

        def chosen(contact: RegisterContact | None) -> None:
            if contact is not None and self.put_contact_on_action(action_contact_text(contact), contact.id,
                                                                  action_id):
                self.notify(f"Contact bij de actie gezet: {action_contact_text(contact)}", title="Wie bel ik?",
                            markup=False)

        self.app.push_screen(ContactPickerDialog(self.services, organisation, self.household.municipality_code), chosen)

    def action_precedents(self) -> None:
        """'Hoe is dit elders opgelost?': precedents filtered on the kind of this action, else its first basis."""
        from domain.action_kinds import kinds_of
        from tui.screens.precedent import PrecedentScreen

        editor = self.view.action_editor(None) if self.view is not None else None
        if editor is None:
            self.notify("Zet de cursor eerst in een actie.", markup=False)
            return
        what = str(editor.value_of("what") or "")
        kinds = kinds_of(what, editor.legal_basis_ids)
        kind = kinds[0].code if kinds else None
        basis = None if kind is not None or not editor.legal_basis_ids else editor.legal_basis_ids[0]
        label = " ".join(what.split())
        label = label if len(label) <= 50 else label[:49] + "…"
        self.app.push_screen(PrecedentScreen(self.services, kind=kind, basis=basis, exclude_case=self.case_number,
                                             context=f"actie {editor.action_id}: {label}"))

    # -- leaving -----------------------------------------------------------------------------------------
    async def action_back(self) -> None:
        self.sync()
        if self.statuses_changed:
            from tui.screens.confirm_dialog import ConfirmDialog

            def discard(leave: bool | None) -> None:
                if leave:
                    self.dismiss(None)

            self.app.push_screen(ConfirmDialog(
                "Status niet opgeslagen", "U heeft de status van een actie gewijzigd maar nog niet opgeslagen "
                "(Ctrl+S). Toch teruggaan en de wijziging weggooien?", yes="Weggooien", no="Blijven"), discard)
            return
        unsaved = self.has_unsaved
        try:
            await self.flush_draft()
        except Exception:  # noqa: BLE001 - reported by the app; ask before losing what was typed
            from tui.screens.confirm_dialog import ConfirmDialog

            def answered(leave: bool | None) -> None:
                if leave:
                    self.dismiss(None)

            self.app.push_screen(ConfirmDialog(
                "Invoer niet bewaard", "Uw invoer kon niet automatisch worden bewaard. Toch teruggaan en de "
                "niet-opgeslagen invoer weggooien?", yes="Weggooien", no="Blijven"), answered)
            return
        if unsaved:
            self.notify("Uw niet-opgeslagen invoer is automatisch bewaard; als u het plan weer opent kunt u verder.",
                        title="Automatisch bewaard", markup=False)
        self.dismiss(None)

    def action_reload(self) -> None:
        self.run_worker(self._reload(), group="plan-step")

    async def _reload(self) -> None:
        await self.flush_draft()
        self.load(self.step)

    def action_revert(self) -> None:
        if not self.has_unsaved:
            self.notify("Er is geen niet-opgeslagen invoer.", markup=False)
            return
        from tui.screens.confirm_dialog import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self._discard_draft()
                self._start(self.session.revert(), self.step)

        self.app.push_screen(ConfirmDialog(
            "Terug naar het opgeslagen plan?", "Uw niet-opgeslagen invoer wordt weggegooid.", yes="Weggooien",
            no="Terug"), answered)

    @property
    def is_dirty(self) -> bool:
        return self.session.is_dirty

    def plan_status(self) -> PlanStatus | None:
        return self.plan.status if self.plan else None
