"""Textual's command palette with one of its keys made safe.

PgDn/PgUp pressed while the palette is still filling its list raise a KeyError inside Textual's OptionList
(`_move_page` looks up a line that is not laid out yet; found by the keyboard fuzz test, Textual 8.2). The
key then simply does nothing, as it would on an empty list.
"""

from __future__ import annotations

from contextlib import suppress

from textual.command import CommandPalette


class SafeCommandPalette(CommandPalette):
    def _action_command_list(self, action: str) -> None:
        with suppress(KeyError):  # the list is being rebuilt; the next key finds it laid out
            super()._action_command_list(action)
