"""A Footer that rebuilds itself only when the keys it shows change, and keeps every key visible at 80 columns.

Textual's Footer recomposes all its keys on every bindings update, and Textual updates the bindings on every
focus change: on a form, each Tab rebuilt the whole footer (tens of widgets restyled). The plan screens,
where Tab moves through many fields, use this one.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup


def shown_keys(screen: Screen[Any]) -> tuple[tuple[str, str, str, bool], ...]:
    """What the footer would show: (key, action, description, enabled) of every binding with show=True."""
    return tuple(
        (key, binding.action, binding.description, enabled)
        for key, (_, binding, enabled, _) in screen.active_bindings.items()
        if binding.show
    )


class QuietFooter(Footer):
    def __init__(self, *, hold: float = 0.0, **kwargs: Any) -> None:
        """`hold`: build the keys only once the screen calls `release()` (its content is in, and with it the
        keys that content enables), or after this many seconds, whichever comes first."""
        super().__init__(**kwargs)
        self._shown: tuple[tuple[str, str, str, bool], ...] | None = None
        self._hold = hold
        self._held = hold > 0

    def on_mount(self) -> None:
        super().on_mount()
        if self._held:
            self.set_timer(self._hold, self.release)

    def release(self) -> None:
        """Show the keys now (a held footer); after that every change of the keys shows at once."""
        if self._held:
            self._held = False
            if self.is_attached:  # in the footer's own turn, as the screen's bindings signal calls it
                self.call_next(self.bindings_changed, self.screen)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if self._held:  # at start the keys change as the content comes in: one build with the final keys
            return
        if self.is_attached and screen is self.screen:
            shown = shown_keys(screen)
            if shown == self._shown and self._bindings_ready:
                return
            self._shown = shown
        super().bindings_changed(screen)

    # -- 80 columns: every shown key stays visible ----------------------------------------------------------
    # Textual cuts the row off at the right ("f2 Ro…" at 80×24, and keys after it gone). The footer picks the
    # first of these that fits the width: as is; without the Ctrl+P key (Ctrl+P still works and F1 lists
    # it); each description cut to its first word (two when the first is short: "Ga naar"), then strictly
    # to its first word; those cut to 7, 6, … 3 letters ("Bewerk."); the keys alone.
    FIT_LEVELS = tuple(range(10))
    """0 as is, 1 without Ctrl+P, 2 first word(s), 3 first word, 4..8 first word cut to 11 - level letters,
    9 keys only."""

    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        for key in (widget for widget in widgets if isinstance(widget, FooterKey)):
            # A FooterKey starts compact and Textual then binds it to the footer's value (all but the Ctrl+P key,
            # which stays compact): two class changes, each restyling the key, for every key on every rebuild
            # (~6 % of a Pilot test's CPU). Give each key its final value before it is mounted instead. (The
            # app binds no key groups, whose keys this would miss: they would just take the slow way.)
            compact = True if key.has_class("-command-palette") else self.compact
            key.set_reactive(FooterKey.compact, compact)
            key.set_class(compact, "-compact", update=False)
        width = self.size.width or self.app.size.width
        # The footer spans the screen: the first resize (to this same width) needs no second rebuild at start.
        self._fitted_width = width
        for level in self.FIT_LEVELS:
            fitted = _fit(widgets, level)
            if _needed(fitted) <= width or level == self.FIT_LEVELS[-1]:
                yield from fitted
                return

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != getattr(self, "_fitted_width", None):
            self._fitted_width = event.size.width
            self.refresh(recompose=True)


def _first_word(description: str) -> str:
    """The first word, or the first two when the first says little alone ("Ga naar", "Als tekst")."""
    words = description.split(" ")
    return " ".join(words[:2]) if len(words[0]) <= 3 and len(words) > 1 else words[0]


def _shortened(description: str, level: int) -> str:
    if level <= 1:
        return description
    if level == 2:
        return _first_word(description)
    word = description.split(" ", 1)[0]
    if level == 3:
        return word
    if level >= 9:
        return ""
    letters = 11 - level  # 7 .. 3
    return word if len(word) <= letters else word[:letters - 1] + "."


def _fit(widgets: list[Widget], level: int) -> list[Widget]:
    fitted: list[Widget] = []
    for widget in widgets:
        if isinstance(widget, FooterKey):
            if level >= 1 and widget.has_class("-command-palette"):
                continue
            if not hasattr(widget, "_full_description"):
                widget._full_description = widget.description  # type: ignore[attr-defined]
            full: str = widget._full_description  # type: ignore[attr-defined]
            widget.description = _shortened(full, level)
            if level >= 9:
                widget.styles.padding = (0, 1)
        fitted.append(widget)
    return fitted


def _needed(widgets: list[Widget]) -> int:
    """Columns the row takes: per key ' key description ' (a group's keys share one label)."""
    total = 0
    for widget in widgets:
        if isinstance(widget, FooterKey):
            total += len(widget.key_display) + (len(widget.description) + 1 if widget.description else 0) + 2
        elif isinstance(widget, KeyGroup):
            total += sum(len(key.key_display) + 1 for key in widget.query(FooterKey)) + 1
        elif isinstance(widget, FooterLabel):
            total += len(str(widget.render())) + 1
    return total
