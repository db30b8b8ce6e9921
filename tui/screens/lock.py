"""Vergrendeld: the idle lock's screen (tui/app.py pushes it after `idle_lock_minutes` without input).

It is opaque and covers the whole screen, so no name, BSN or case shows; the screens below keep what was
typed (and the app wrote every open form's concept before locking). Only the person who was logged in can
unlock it, with their own password; single-user mode has no password and unlocks with Enter (the
computer's own screen lock guards that account).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Static
from textual.worker import Worker, WorkerState

from domain.errors import DomainError
from storage.bootstrap import Services
from tui.widgets.app_header import AppHeader
from tui.widgets.quiet_footer import QuietFooter

if TYPE_CHECKING:
    from tui.app import DoorbraakApp

LOCKED_TITLE = "Vergrendeld"


def minutes_text(minutes: float) -> str:
    if minutes >= 1 and float(minutes).is_integer():
        count = int(minutes)
        return f"{count} minuut" if count == 1 else f"{count} minuten"
    if 0 < minutes < 1:
        return f"{round(minutes * 60)} seconden"
    return "enige tijd"


class LockScreen(Screen[None]):
    """Covers everything until the logged-in user gives their password again."""

    CSS_PATH = "login.tcss"
    AUTO_FOCUS = "#lock-password"
    BINDINGS = [
        Binding("ctrl+s", "unlock", "Ontgrendelen", id="lock.unlock", tooltip="Verder werken na uw wachtwoord"),
        Binding("escape", "nothing", show=False),  # Esc never opens what lies below
    ]

    def __init__(self, services: Services, minutes: float) -> None:
        super().__init__(id="lock-screen")
        self.services = services
        self.minutes = minutes
        self.sub_title = LOCKED_TITLE
        self.busy = False

    def compose(self) -> ComposeResult:
        actor = self.services.actor
        yield AppHeader(demo=self.services.demo, user=f"{actor.display_name} (vergrendeld)")
        with Center(id="login-center"), Vertical(id="login-box") as box:
            box.border_title = LOCKED_TITLE
            needs_password = self.services.lock_needs_password
            how = ("Vul uw wachtwoord in om verder te werken." if needs_password
                   else "Druk op Enter om verder te werken.")
            yield Static(
                f"Het scherm is vergrendeld na {minutes_text(self.minutes)} zonder invoer. {how} "
                "Wat u aan het typen was, staat er nog.",
                id="login-intro", markup=False,
            )
            yield Label(f"Ingelogd als {actor.display_name}", classes="login-label", markup=False)
            yield Input(password=True, id="lock-password", max_length=200, compact=True,
                        placeholder="wachtwoord" if needs_password else "Enter: verder werken",
                        disabled=False)
            yield Static("", id="login-error", markup=False)
            yield Button("Ontgrendelen (Enter)", id="lock-button", variant="primary", compact=True)
        yield QuietFooter()

    def action_nothing(self) -> None:
        return

    @on(Input.Submitted, "#lock-password")
    @on(Button.Pressed, "#lock-button")
    def _submitted(self) -> None:
        self.action_unlock()

    def action_unlock(self) -> None:
        if self.busy:
            return
        password = self.query_one("#lock-password", Input).value
        if self.services.lock_needs_password and not password:
            self._show_error("Vul uw wachtwoord in.")
            return
        self.busy = True
        self._show_error("")
        self.query_one("#lock-button", Button).label = "Bezig…"
        self._unlock(password)

    @work(thread=True, exclusive=True, group="unlock", exit_on_error=False)
    def _unlock(self, password: str) -> None:
        try:
            self.services.unlock(password)
        except DomainError as error:
            self.app.call_from_thread(self._refused, error)
        else:
            self.app.call_from_thread(cast("DoorbraakApp", self.app).unlocked)

    def _show_error(self, text: str) -> None:
        error = self.query_one("#login-error", Static)
        error.update(text)
        error.set_class(bool(text), "-visible")

    def _refused(self, error: DomainError) -> None:
        self._show_error(error.message)
        password = self.query_one("#lock-password", Input)
        password.value = ""
        password.focus()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "unlock" or event.state not in (
            WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED
        ):
            return
        self.busy = False
        if self.is_mounted:
            self.query_one("#lock-button", Button).label = "Ontgrendelen (Enter)"
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            cast("DoorbraakApp", self.app).report_error(event.worker.error)
            self._show_error("Ontgrendelen lukte niet door een storing. Probeer het opnieuw.")
