"""Dutch labels for the few keys of Textual's own widgets that the footer shows in English.

The footer of an open dropdown (Select) read "esc Dismiss menu". Textual builds a widget class's bindings
once, when the class is created, so the labels are replaced and the merged bindings rebuilt here; tui/app.py
calls this once, when it is imported (before any widget exists).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Select
from textual.widgets._select import SelectOverlay


def use_dutch_labels() -> None:
    SelectOverlay.BINDINGS = [Binding("escape", "dismiss", "Menu sluiten")]
    SelectOverlay._merged_bindings = SelectOverlay._merge_bindings()
    Select.BINDINGS = [Binding("enter,down,space,up", "show_overlay", "Menu openen", show=False)]
    Select._merged_bindings = Select._merge_bindings()
