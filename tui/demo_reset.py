"""Oefenomgeving opnieuw beginnen: the trainer's reset, from inside the demo app (F9 or the command palette).

After a yes in the confirmation, every section is closed (their workers stop with their screens), the
database is closed and replaced by a fresh copy of sample.db, and the sections are opened again on it —
the same as starting `doorbraak demo` anew, without leaving the app (also in the browser, `doorbraak serve`).
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Label

from storage.bootstrap import reset_demo_services
from tui.navigation import HOME, SECTIONS

if TYPE_CHECKING:
    from tui.app import DoorbraakApp

RESETTING_MODE = "oefenomgeving-opnieuw"
QUESTION = ("Alles wat in deze oefenomgeving is veranderd, gaat verloren: alle onderdelen beginnen opnieuw "
            "met de oorspronkelijke voorbeeldgegevens. Doorgaan?")


class ResettingScreen(Screen[None]):
    """Shown for the moment the copy takes."""

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Label("De oefenomgeving wordt opnieuw klaargezet…", id="resetting")


async def start_again(app: DoorbraakApp) -> None:
    """Close every section, reset the database, open the sections again on the fresh copy."""
    app.add_mode(RESETTING_MODE, ResettingScreen)
    await app.switch_mode(RESETTING_MODE)
    for each in SECTIONS:
        await app.remove_mode(each.mode)
    old = app.services
    try:
        app.services = await asyncio.to_thread(reset_demo_services, old)
    finally:
        for each in SECTIONS:
            app.add_mode(each.mode, partial(each.screen, app.services))
        await app.switch_mode(HOME)
        await app.remove_mode(RESETTING_MODE)
    app.notify("De oefenomgeving begint opnieuw met de oorspronkelijke voorbeeldgegevens.",
               title="Oefenomgeving opnieuw begonnen", markup=False)
