"""What every doorbraak screen shares: the database handle, the header and 'today'."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual.screen import Screen
from textual.worker import Worker, WorkerState

from domain.access import ReasonRequired
from domain.roles import Role
from tui.render.format import local_date
from tui.widgets.app_header import AppHeader

if TYPE_CHECKING:
    from storage.bootstrap import Services
    from tui.app import DoorbraakApp

ResultT = TypeVar("ResultT")
T = TypeVar("T")

GENERIC_ERROR = (
    "Er ging iets mis bij het werken met de gegevens. Er is niets half opgeslagen; probeer het opnieuw. "
    "Blijft het gebeuren, neem dan contact op met de beheerder."
)


def today(services: Services) -> date:
    """Today in the Netherlands, from the database's clock (tests use a fixed clock)."""
    return local_date(services.now())


def format_count(number: int) -> str:
    """1234567 → 1.234.567"""
    return f"{number:,}".replace(",", ".")


ROLE_SHORT = {
    Role.PROFESSIONAL: "professional",
    Role.COORDINATOR: "coördinator",
    Role.LET: "LET",
    Role.TRAINER: "trainer",
    Role.BEHEER: "beheer",
    Role.EIGENAAR: "eigenaar",
}


def user_label(services: Services) -> str:
    """Who works, for the header; on a shared database with the role (single-user mode: just the name)."""
    actor = services.actor
    if actor.role is Role.EIGENAAR:
        return actor.display_name
    return f"{actor.display_name} ({ROLE_SHORT[actor.role]})"


class CaseReasons:
    """The reason for opening a case outside one's caseload (break-glass): asked once per case per session.

    Mixed into every screen and casework dialog. The services decide whether a reason is needed: called with
    `purpose=""` for a foreign case they raise `ReasonRequired` (carrying the case number) and record
    nothing. The API, for any screen that opens or changes something of a case:

    - `run_for_case(call, done, group=..., case_number=..., cancelled=...)`: runs `call(purpose)` in a
      worker thread with the reason remembered for the case (or ''); on `ReasonRequired` it asks the reason
      (tui/screens/reason_dialog.py), remembers it and runs `call` again; `done(result)` runs on the UI
      thread. Esc in the dialog notifies "niet geopend" and calls `cancelled()` (e.g. close the screen).
      `case_number` may be None when only an object id is known (an overbrugging, an escalation): the
      case number then comes from the ReasonRequired, and a reason given before for it is used at once.
    - `case_reason(case_number)`: the reason given this session ('') — pass it as `purpose=` from code that
      runs in a worker of its own (dialogs, forms); `FormScreen`/`FormDialog` catch `ReasonRequired` from
      their `submit` and ask through `ask_case_reason`, then save again (nothing typed is lost).
    - `ask_case_reason(required, retry=..., cancelled=...)`: the dialog alone, on the UI thread.
    """

    def case_reason(self, case_number: str) -> str:
        """The reason given this session for opening a case outside the caseload ('' if none was asked)."""
        reasons: dict[str, str] = getattr(self._reason_app, "case_reasons", {})
        return reasons.get(case_number, "")

    def remember_case_reason(self, case_number: str, reason: str) -> None:
        reasons: dict[str, str] | None = getattr(self._reason_app, "case_reasons", None)
        if reasons is not None:
            reasons[case_number] = reason

    @property
    def _reason_app(self) -> Any:
        return cast(Screen[Any], self).app

    def ask_case_reason(
        self, required: ReasonRequired, *, retry: Callable[[], None], cancelled: Callable[[], None] | None = None
    ) -> None:
        """Ask why (the answer is logged with every later view and change), remember it, then `retry()`;
        Esc: notify that nothing was opened and call `cancelled()`."""
        from tui.screens.reason_dialog import ReasonDialog

        screen = cast(Screen[Any], self)

        def answered(reason: str | None) -> None:
            if reason is None:
                screen.notify(f"Casus {required.case_number} is niet geopend.", markup=False)
                if cancelled is not None:
                    cancelled()
                return
            self.remember_case_reason(required.case_number, reason)
            retry()

        screen.app.push_screen(ReasonDialog(required.case_number, required.message), answered)

    def run_for_case(
        self,
        call: Callable[[str], T],
        done: Callable[[T], None],
        *,
        group: str,
        case_number: str | None = None,
        cancelled: Callable[[], None] | None = None,
    ) -> None:
        """Run `call(purpose)` in a worker with the case's reason; ask for one when the service needs it."""
        screen = cast(Screen[Any], self)
        known = case_number

        def work(purpose: str) -> None:
            try:
                result = call(purpose)
            except ReasonRequired as required:
                screen.app.call_from_thread(need_reason, required, purpose)
                return
            screen.app.call_from_thread(done, result)

        def need_reason(required: ReasonRequired, tried: str) -> None:
            nonlocal known
            known = required.case_number
            remembered = self.case_reason(known)
            if remembered and remembered != tried:  # given earlier this session (e.g. on the household)
                start()
                return
            self.ask_case_reason(required, retry=start, cancelled=cancelled)

        def start() -> None:
            purpose = self.case_reason(known) if known else ""
            screen.run_worker(lambda: work(purpose), thread=True, exclusive=True, group=group, exit_on_error=False)

        start()


class DoorbraakScreen(CaseReasons, Screen[ResultT]):
    """A full screen of the app; the `Services` come in through the constructor (attributes down)."""

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services: Services = services

    def app_header(self) -> AppHeader:
        return AppHeader(demo=self.services.demo, user=user_label(self.services))

    def close_unopened(self) -> None:
        """After a declined reason: leave this screen when it is on top (it shows nothing of the case)."""
        if self.app.screen is self and len(self.app.screen_stack) > 1:
            self.dismiss(None)

    def leave(self) -> None:
        """Back: close this screen, or, from the first screen of a section, go to the case list."""
        from tui.navigation import HOME

        if len(self.app.screen_stack) > 1 and self.app.screen is self:
            self.dismiss(None)
        elif self.app.current_mode != HOME:
            cast("DoorbraakApp", self.app).go_to(HOME)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Worker messages do not bubble; hand every failure to the app's one error handler.

        Textual also calls the handlers of subclasses, which only reset their own state.
        """
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            cast("DoorbraakApp", self.app).report_error(event.worker.error)
