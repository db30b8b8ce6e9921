"""Checkboxes whose state can be read without colour: ✓ when ticked, empty when not.

Textual draws every toggle as a coloured `X`, on or off; in a monochrome terminal, a screen dump or for a
colour-blind user the two look the same. These subclasses change only the glyph.
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist

TICK = "✓"


class TickBox(Checkbox):
    BUTTON_INNER = " "

    def watch_value(self) -> None:
        # The glyph Textual draws inside the button (an instance attribute shadows the class's " ").
        self.BUTTON_INNER = TICK if self.value else " "
        super().watch_value()


class CheckList(SelectionList[Any]):
    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 3 or segments[1].text != ToggleButton.BUTTON_INNER:
            return strip
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:  # below the last option: leave the line as drawn
            return strip
        mark = TICK if option.value in self._selected else " "
        segments[1] = Segment(mark, segments[1].style, segments[1].control)
        return Strip(segments, strip.cell_length)
