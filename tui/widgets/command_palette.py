"""Textual's command palette with one of its keys made safe.

PgDn/PgUp pressed while the palette is still filling its list raise a KeyError inside Textual's OptionList
(`_move_page` looks up a line that is not laid out yet; found by the keyboard fuzz test, Textual 8.2). The
key then simply does nothing, as it would on an empty list.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from textual.command import CommandPalette


class SafeCommandPalette(CommandPalette):
    def _action_command_list(self, action: str) -> None:
        with suppress(KeyError):  # the list is being rebuilt; the next key finds it laid out
            super()._action_command_list(action)


def _page_safely() -> None:
    """The same KeyError from any OptionList (a Select's overlay, the pickers) when PgDn/PgUp comes before its
    lines are laid out (the long keyboard soak found it): the key does nothing then."""
    from textual.widgets import OptionList

    move_page = OptionList._move_page
    if getattr(move_page, "_safe", False):
        return

    def safe_move_page(self: OptionList, direction: Any) -> None:
        with suppress(KeyError):
            move_page(self, direction)

    safe_move_page._safe = True  # type: ignore[attr-defined]
    OptionList._move_page = safe_move_page  # type: ignore[method-assign]


_page_safely()
