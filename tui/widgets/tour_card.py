"""The card of the rondleiding: docked under the screen in front, compact enough for 80×24.

Border title: which step of how many and its title; the body: the explanation, then how to get there
yourself; border subtitle: the tour's own keys. See tui/tour.py for the steps and the guide.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

if TYPE_CHECKING:
    from tui.tour import TourStep

TOUR_TITLE = "Rondleiding"
"""The title of the tour's own notices."""
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
        self._body = ""
        self._keys = Text()

    def compose(self) -> ComposeResult:
        yield Static("", id="tour-text", markup=False)
        with Horizontal(id="tour-bottom"):
            yield Static("", id="tour-keys", markup=False)
            # For the mouse (a trainer in the browser): the same as F4 and F3.
            yield TourLink("◂ vorige", "tour_previous", id="tour-previous")
            yield TourLink("volgende ▸", "tour_next", id="tour-next")

    def show(self, step: TourStep, index: int, total: int, *, here: bool) -> None:
        """Show this step (also on a card whose parts are still being mounted: they get it on mount)."""
        self.border_title = f"Rondleiding · stap {index + 1} van {total} · {step.title}"
        self.border_subtitle = KEYS
        self._body = " ".join(step.lines)
        self._keys = Text()
        if here:
            self._keys.append("Zelf: ", style="bold")
            self._keys.append(step.keys)
        else:
            self._keys.append(OFF_ROUTE, style="bold")
        self.set_class(not here, "-off-route")
        self.text = "\n".join((self.border_title, self._body, self._keys.plain, KEYS))
        self._paint()

    def on_mount(self) -> None:
        self._paint()

    def _paint(self) -> None:
        texts, keys = self.query("#tour-text").results(Static), self.query("#tour-keys").results(Static)
        for widget in texts:
            widget.update(self._body)
        for widget in keys:
            widget.update(self._keys)


class TourLink(Static):
    """A word on the card that runs one of the app's tour actions when clicked."""

    def __init__(self, label: str, action: str, *, id: str) -> None:
        super().__init__(label, id=id, classes="tour-link", markup=False)
        self.action = action

    def on_click(self, event: events.Click) -> None:
        event.stop()
        # Run by the app, not awaited here: the step may close the screen this card is on, which waits
        # for this handler to end.
        self.app.call_later(self.app.run_action, self.action)
