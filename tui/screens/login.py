"""Inloggen: the first screen on a shared database (PostgreSQL, or SQLite with accounts).

The single-user SQLite default never shows it. The password is checked in a worker (argon2id takes
about 0.1 s); a wrong password, a back-off or a trainer account outside the demo gives the service's
Dutch message under the fields, and the username stays as typed.
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
from tui.starting import PAINT_TIME
from tui.widgets.app_header import AppHeader
from tui.widgets.quiet_footer import QuietFooter

if TYPE_CHECKING:
    from domain.actors import Actor
    from storage.bootstrap import Services
    from tui.app import DoorbraakApp


class LoginScreen(Screen[None]):
    """Asks for a username and password; on success the app opens its start section."""

    CSS_PATH = "login.tcss"
    AUTO_FOCUS = "#login-user"
    BINDINGS = [
        Binding("ctrl+s", "login", "Inloggen", id="login.submit", tooltip="Inloggen met deze gegevens"),
        # A priority binding runs inside the app's own handling of the key, before the next key is read: the
        # focus is on the password before its first letter arrives, however slow the machine (as an Input's
        # Submitted message, handled later in the Input's queue, is not).
        # ctrl+j: an Enter typed before the app took the terminal (the terminal's cooked mode turned it into a
        # newline); without it the password typed next landed, readable, in the username field.
        Binding("enter,ctrl+j", "enter", show=False, priority=True, id="login.enter"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.sub_title = "Inloggen"
        self.busy = False

    def compose(self) -> ComposeResult:
        yield AppHeader(demo=self.services.demo, user="niet ingelogd")
        with Center(id="login-center"), Vertical(id="login-box") as box:
            box.border_title = "Inloggen"
            account = "uw persoonlijke PostgreSQL-account" if self.services.uses_database_logins else "uw eigen account"
            yield Static(
                f"Deze database wordt gedeeld. Log in met {account}; wat u ziet en wijzigt wordt "
                "vastgelegd in het logboek.",
                id="login-intro",
                markup=False,
            )
            yield Label(f"Database: {self.services.description}", id="login-database", markup=False)
            yield Label("Gebruikersnaam", classes="login-label")
            yield Input(value=self.services.settings.user if self.services.settings.user != "lokaal" else "",
                        id="login-user", max_length=40, compact=True)
            yield Label("Wachtwoord", classes="login-label")
            yield Input(password=True, id="login-password", max_length=200, compact=True)
            yield Static("", id="login-error", markup=False)
            yield Button("Inloggen (Enter)", id="login-button", variant="primary", compact=True)
        yield QuietFooter()

    def on_mount(self) -> None:
        if self.query_one("#login-user", Input).value:
            self.query_one("#login-password", Input).focus()
        # The fast start: the services open while the user types (their imports would delay this first frame).
        self.set_timer(PAINT_TIME, cast("DoorbraakApp", self.app).open_services)

    def action_enter(self) -> None:
        """Enter in the username goes to the password; anywhere else it logs in."""
        if self.focused is self.query_one("#login-user", Input):
            self.query_one("#login-password", Input).focus()
        else:
            self.action_login()

    @on(Button.Pressed, "#login-button")
    def _pressed(self) -> None:
        self.action_login()

    def action_login(self) -> None:
        if self.busy:
            return
        username = self.query_one("#login-user", Input).value.strip()
        password = self.query_one("#login-password", Input).value
        if not username:
            self._show_error("Vul uw gebruikersnaam in.")
            self.query_one("#login-user", Input).focus()
            return
        if not password:
            self._show_error("Vul uw wachtwoord in.")
            self.query_one("#login-password", Input).focus()
            return
        self.busy = True
        self._show_error("")
        self.query_one("#login-button", Button).label = "Bezig met inloggen…"
        self._login(username, password)

    @work(thread=True, exclusive=True, group="login", exit_on_error=False)
    def _login(self, username: str, password: str) -> None:
        try:
            actor = self.services.login(username, password)
        except DomainError as error:
            self.app.call_from_thread(self._refused, error)
        else:
            self.app.call_from_thread(self._accepted, actor)

    def _show_error(self, text: str) -> None:
        error = self.query_one("#login-error", Static)
        error.update(text)
        error.set_class(bool(text), "-visible")

    def _refused(self, error: DomainError) -> None:
        self._show_error(error.message)
        password = self.query_one("#login-password", Input)
        password.value = ""
        password.focus()

    def _accepted(self, actor: Actor) -> None:
        cast("DoorbraakApp", self.app).logged_in(actor)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "login" or event.state not in (
            WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED
        ):
            return
        self.busy = False
        self.query_one("#login-button", Button).label = "Inloggen (Enter)"
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            # Not a refused login (those are handled above) but e.g. a lost connection: one place reports it.
            cast("DoorbraakApp", self.app).report_error(event.worker.error)
            self._show_error("Inloggen lukte niet door een storing. Probeer het opnieuw.")
