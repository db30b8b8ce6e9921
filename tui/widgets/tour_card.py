"""The card of the rondleiding: docked under the screen in front, compact enough for 80×24.

Border title: which step of how many and its title; the body: the explanation, then how to get there
yourself; border subtitle: the tour's own keys. See tui/tour.py for the steps and the guide.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

if TYPE_CHECKING:
    from tui.tour import TourStep

HINT_TITLE = "Nieuw hier?"
HINT = "F2 start een rondleiding: één huishouden van aanmelding tot geëvalueerd plan, scherm voor scherm."
"""Shown once when the oefenomgeving starts (the footer has no room for F2 at 80 columns)."""
KEYS = "F3 volgende · F4 vorige · F2 stoppen"
OFF_ROUTE = "U bent van de route af; F3 of F4 brengt u terug."


class TourCard(Vertical):
    """Shows one step of the tour; the guide calls `show` (it never takes the focus)."""

    can_focus = False

    def __init__(self) -> None:
        super().__init__(id="tour-card")
        self.text = ""
        """What the card says, as plain text (for the tests)."""

    def compose(self) -> ComposeResult:
        yield Static("", id="tour-text", markup=False)
        yield Static("", id="tour-keys", markup=False)

    def show(self, step: TourStep, index: int, total: int, *, here: bool) -> None:
        self.border_title = f"Rondleiding · stap {index + 1} van {total} · {step.title}"
        self.border_subtitle = KEYS
        body = " ".join(step.lines)
        self.query_one("#tour-text", Static).update(body)
        keys = Text()
        if here:
            keys.append("Zelf: ", style="bold")
            keys.append(step.keys)
        else:
            keys.append(OFF_ROUTE, style="bold")
        self.query_one("#tour-keys", Static).update(keys)
        self.set_class(not here, "-off-route")
        self.text = "\n".join((self.border_title, body, keys.plain, KEYS))
