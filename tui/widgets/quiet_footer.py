"""A Footer that rebuilds itself only when the keys it shows change.

Textual's Footer recomposes all its keys on every bindings update, and Textual updates the bindings on every
focus change: on a form, each Tab rebuilt the whole footer (tens of widgets restyled). The plan screens,
where Tab moves through many fields, use this one.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


def shown_keys(screen: Screen[Any]) -> tuple[tuple[str, str, str, bool], ...]:
    """What the footer would show: (key, action, description, enabled) of every binding with show=True."""
    return tuple(
        (key, binding.action, binding.description, enabled)
        for key, (_, binding, enabled, _) in screen.active_bindings.items()
        if binding.show
    )


class QuietFooter(Footer):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._shown: tuple[tuple[str, str, str, bool], ...] | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if self.is_attached and screen is self.screen:
            shown = shown_keys(screen)
            if shown == self._shown and self._bindings_ready:
                return
            self._shown = shown
        super().bindings_changed(screen)
