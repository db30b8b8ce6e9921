"""The start screen for roles that see no households (LET, beheer): what they may do, and how to get there.

The case list is never built for them, so not even a list query runs; the services would refuse it anyway.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from domain.actors import Role
from storage.bootstrap import Services
from tui.screens.base import DoorbraakScreen
from tui.widgets.quiet_footer import QuietFooter

if TYPE_CHECKING:
    from tui.app import DoorbraakApp

ROLE_INTRO = {
    Role.LET: (
        "Als lid van het Landelijk Escalatie Team ziet u alleen gepseudonimiseerde escalatiedossiers "
        "en knelpunten: nooit namen, BSN's, adressen of geboortedata van huishoudens."
    ),
    Role.BEHEER: (
        "Als beheerder beheert u gebruikers, catalogi, back-ups en bewaartermijnen, en controleert u het "
        "logboek. De inhoud van casussen ziet u niet."
    ),
}


PRIMARY_SECTION = {Role.LET: "lmm"}
"""Where a role's work is: the start screen names it first and Enter opens it."""


class StartScreen(DoorbraakScreen[None]):
    """Shown instead of the case list when the role may not list cases."""

    CSS_PATH = "start.tcss"
    BINDINGS = [
        Binding("enter", "open_primary", "Werkvoorraad", id="start.open",
                tooltip="Open het onderdeel waar uw werk staat (het LET: de LMM-inbox)"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.sub_title = "Start"

    def compose(self) -> ComposeResult:
        from tui.navigation import HOME, sections_for

        actor = self.services.actor
        text = Text()
        text.append(f"Welkom, {actor.display_name}.\n\n", style="bold")
        text.append(ROLE_INTRO.get(actor.role, f"Met de rol {actor.role.label} ziet u geen huishoudens.") + "\n\n")
        others = [s for s in sections_for(actor) if s.mode != HOME]
        primary = next((s for s in others if s.mode == PRIMARY_SECTION.get(actor.role)), None)
        if primary is not None:
            text.append("Uw werkvoorraad: ", style="bold")
            text.append(f"{primary.label} — {primary.description}.\n")
            text.append(f"Druk op Enter om hem te openen (of g en dan {primary.key}).\n\n")
        if others:
            text.append("Druk op g (Ga naar) en kies:\n", style="bold")
            for each in others:
                text.append(f"  {each.key}  {each.label}", style="bold")
                text.append(f" — {each.description}\n")
        else:
            text.append("Met uw rol is hier nog geen onderdeel beschikbaar. Druk op g om te zien wat er is.\n")
        text.append("\nHulp bij de toetsen: F1 of ?. Afsluiten: Ctrl+Q.", style="italic")
        yield self.app_header()
        with VerticalScroll(id="start-body"):
            yield Static(text, id="start-text")
        yield QuietFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_primary":
            return self._primary() is not None
        return True

    def _primary(self) -> str | None:
        from tui.navigation import sections_for

        mode = PRIMARY_SECTION.get(self.services.actor.role)
        return mode if mode and any(s.mode == mode for s in sections_for(self.services.actor)) else None

    def action_open_primary(self) -> None:
        mode = self._primary()
        if mode is not None:
            cast("DoorbraakApp", self.app).go_to(mode)
