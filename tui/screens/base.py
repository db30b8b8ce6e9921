"""What every doorbraak screen shares: the database handle, the header and 'today'."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, TypeVar, cast

from textual.screen import Screen
from textual.worker import Worker, WorkerState

from domain.actors import Role
from storage.bootstrap import Database
from tui.formatting import AMSTERDAM
from tui.widgets.app_header import AppHeader

if TYPE_CHECKING:
    from tui.app import DoorbraakApp

ResultT = TypeVar("ResultT")

GENERIC_ERROR = (
    "Er ging iets mis bij het werken met de gegevens. Er is niets half opgeslagen; probeer het opnieuw. "
    "Blijft het gebeuren, neem dan contact op met de beheerder."
)


def today(db: Database) -> date:
    """Today in the Netherlands, from the database's clock (tests use a fixed clock)."""
    return db.clock().astimezone(AMSTERDAM).date()


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


def user_label(db: Database) -> str:
    """Who works, for the header; on a shared database with the role (single-user mode: just the name)."""
    actor = db.actor
    if actor.role is Role.EIGENAAR:
        return actor.display_name
    return f"{actor.display_name} ({ROLE_SHORT[actor.role]})"


class DoorbraakScreen(Screen[ResultT]):
    """A full screen of the app; `db` comes in through the constructor (attributes down)."""

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db

    def app_header(self) -> AppHeader:
        return AppHeader(demo=self.db.settings.demo, user=user_label(self.db))

    def case_reason(self, case_number: str) -> str:
        """The reason given this session for opening a case outside the caseload ('' if none was asked)."""
        reasons: dict[str, str] = getattr(self.app, "case_reasons", {})
        return reasons.get(case_number, "")

    def remember_case_reason(self, case_number: str, reason: str) -> None:
        reasons: dict[str, str] | None = getattr(self.app, "case_reasons", None)
        if reasons is not None:
            reasons[case_number] = reason

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
