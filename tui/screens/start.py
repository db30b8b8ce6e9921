"""The start screen for roles that see no households (LET, beheer): what they may do, and how to get there.

The case list is never built for them, so not even a list query runs; the services would refuse it anyway.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from domain.actors import Role
from storage.bootstrap import Database
from tui.screens.base import DoorbraakScreen

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


class StartScreen(DoorbraakScreen[None]):
    """Shown instead of the case list when the role may not list cases."""

    CSS_PATH = "start.tcss"

    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self.sub_title = "Start"

    def compose(self) -> ComposeResult:
        from tui.navigation import HOME, sections_for

        actor = self.db.actor
        text = Text()
        text.append(f"Welkom, {actor.display_name}.\n\n", style="bold")
        text.append(ROLE_INTRO.get(actor.role, f"Met de rol {actor.role.label} ziet u geen huishoudens.") + "\n\n")
        others = [s for s in sections_for(actor) if s.mode != HOME]
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
        yield Footer()
