"""A horizontal bar chart for the terminal that always prints its numbers beside the bars.

Generic on purpose (the knelpunten report uses it; a dashboard can too): give it `Bar`s and it draws one
line per bar, sized to the widget's width::

    nov 2025  ████▌                         5  3 nieuw
    dec 2025  ████▌                         5  2 nieuw
    aug 2026  ██████████████████████████   16

- `label` is left-aligned in a column as wide as the longest label (capped, or fixed with `label_width`);
- the bar is scaled to the largest value (or to `max_value`, to compare charts on one scale), drawn in
  eighths of a character (▏▎▍▌▋▊▉█) so small differences show; any value above zero gets at least a sliver;
- `text` is the number as shown (default: the value, Dutch thousands separator), right-aligned;
- `note` is optional extra text after the number ("3 nieuw").

A bar chart is never the only way to read a figure: the number is always printed, so the chart also
works without colour, on a screen reader's text dump and in tests (`render_bars` is pure).
Values must be zero or positive. Long labels are cut with an ellipsis; nothing wraps.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from rich.style import StyleType
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

EIGHTHS = " ▏▎▍▌▋▊▉"
FULL = "█"
LABEL_MAX = 30
MIN_BAR = 8
"""Below this many columns for the bar itself the chart still prints the numbers, with a short bar."""


@dataclass(frozen=True)
class Bar:
    label: str
    value: int | float | Decimal
    text: str | None = None
    """The number as printed beside the bar; default `format_number(value)`."""
    note: str = ""
    """Extra text after the number, e.g. '3 nieuw'."""
    style: str = ""
    """Rich style of the bar itself (default: the widget's colour)."""


def format_number(value: int | float | Decimal) -> str:
    """12345 → 12.345; 2.5 → 2,5 (Dutch notation)."""
    if isinstance(value, int) or (isinstance(value, float | Decimal) and value == int(value)):
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")


def bar_cells(value: float, maximum: float, width: int) -> str:
    """The bar for `value` on a scale where `maximum` fills `width` columns (eighths of a column)."""
    if width <= 0 or maximum <= 0 or value <= 0:
        return ""
    eighths = round(min(value, maximum) / maximum * width * 8)
    eighths = max(eighths, 1)  # a value above zero is never invisible
    full, rest = divmod(eighths, 8)
    return FULL * full + (EIGHTHS[rest] if rest else "")


def render_bars(
    bars: Sequence[Bar],
    width: int,
    *,
    label_width: int | None = None,
    max_value: int | float | Decimal | None = None,
    bar_style: StyleType = "",
) -> list[Text]:
    """One `Text` line per bar, exactly `width` cells wide at most."""
    if not bars:
        return []
    for bar in bars:
        if bar.value < 0:
            raise ValueError(f"Een staaf kan niet negatief zijn ({bar.label}: {bar.value}).")
    labels = label_width if label_width is not None else min(LABEL_MAX, max(len(b.label) for b in bars))
    numbers = [b.text if b.text is not None else format_number(b.value) for b in bars]
    number_width = max(len(n) for n in numbers)
    note_width = max(len(b.note) for b in bars)
    fixed = labels + 2 + 1 + number_width + (2 + note_width if note_width else 0)
    bar_width = max(MIN_BAR, width - fixed)
    if fixed + bar_width > width:  # very narrow: give up note space first, then bar length
        bar_width = max(1, width - fixed)
    maximum = float(max_value if max_value is not None else max(b.value for b in bars))
    lines: list[Text] = []
    for bar, number in zip(bars, numbers, strict=True):
        label = bar.label if len(bar.label) <= labels else bar.label[: max(labels - 1, 0)] + "…"
        cells = bar_cells(float(bar.value), maximum, bar_width)
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(label.ljust(labels))
        line.append("  ")
        line.append(cells.ljust(bar_width), style=bar.style or bar_style)
        line.append(" " + number.rjust(number_width), style="bold")
        if note_width:
            line.append("  " + bar.note.ljust(note_width), style="dim")
        line.truncate(width)
        lines.append(line)
    return lines


class BarChart(Widget):
    """Horizontal bars with their numbers; height = one line per bar (or one line saying there is no data)."""

    DEFAULT_CSS = """
    BarChart {
        height: auto;
    }
    BarChart > .bar-chart--bar {
        color: $primary;
    }
    """
    COMPONENT_CLASSES = {"bar-chart--bar"}

    def __init__(
        self,
        bars: Iterable[Bar] = (),
        *,
        label_width: int | None = None,
        max_value: int | float | Decimal | None = None,
        empty_text: str = "Geen gegevens in deze periode.",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._bars: list[Bar] = list(bars)
        self.label_width = label_width
        self.max_value = max_value
        self.empty_text = empty_text

    @property
    def bars(self) -> list[Bar]:
        return list(self._bars)

    def set_bars(self, bars: Iterable[Bar], *, max_value: int | float | Decimal | None = None) -> None:
        self._bars = list(bars)
        self.max_value = max_value
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self._bars))

    def render(self) -> Text:
        if not self._bars:
            return Text(self.empty_text, style="italic")
        bar_style = self.get_component_rich_style("bar-chart--bar", partial=True)
        lines = render_bars(self._bars, self.content_size.width or self.size.width, label_width=self.label_width,
                            max_value=self.max_value, bar_style=bar_style)
        return Text("\n").join(lines)
