"""The rekensom as a bar chart in the terminal: per payer one bar for the huidig pad and one for the doorbraak,
with the amounts beside the bars. All bars share one scale, so payers can be compared at a glance.

The amounts come from the domain's `RekensomResult`; this widget only scales them to the width it has.
"""

from __future__ import annotations

from decimal import Decimal

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from domain.rekensom import RekensomResult
from tui.render.format import format_money

EIGHTHS = " ▏▎▍▌▋▊▉█"
LABELS = ("huidig pad", "doorbraak")
LABEL_WIDTH = 13
MIN_BAR = 10


def bar(value: Decimal, scale: Decimal, width: int) -> str:
    """A bar of `width` cells at most, in eighths of a cell; a non-zero amount shows at least a sliver."""
    if scale <= 0 or value == 0:
        return ""
    eighths = int((abs(value) / scale * width * 8).to_integral_value())
    eighths = max(1, min(eighths, width * 8))
    full, rest = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[rest] if rest else "")


class RekensomChart(Widget, can_focus=True):
    """Shows `result` (None: nothing to show yet). Focusable, so Tab brings it into view in 80×24."""

    DEFAULT_CSS = """
    RekensomChart {
        height: auto;
    }
    RekensomChart:focus {
        background-tint: $foreground 4%;
    }
    RekensomChart > .chart--huidig {
        color: $warning;
    }
    RekensomChart > .chart--doorbraak {
        color: $primary;
    }
    RekensomChart > .chart--muted {
        color: $text-muted;
    }
    """
    COMPONENT_CLASSES = {"chart--huidig", "chart--doorbraak", "chart--muted"}

    result: reactive[RekensomResult | None] = reactive(None, layout=True)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        if self.result is None or self.result.is_empty:
            return 1
        return 3 * len(self.result.per_payer)

    def render(self) -> Text:
        result = self.result
        muted = self.get_component_rich_style("chart--muted")
        if result is None or result.is_empty:
            return Text("Nog geen kostenregels: de grafiek verschijnt zodra er een regel is.", style=muted)
        rows = result.per_payer
        amounts = [abs(a) for r in rows for a in (r.huidig_pad, r.doorbraak)]
        scale = max(amounts) if amounts else Decimal(0)
        money_width = max(len(format_money(a)) for r in rows for a in (r.huidig_pad, r.doorbraak)) + 1
        width = max(MIN_BAR, self.size.width - LABEL_WIDTH - money_width - 2)
        styles = (self.get_component_rich_style("chart--huidig"), self.get_component_rich_style("chart--doorbraak"))
        text = Text(no_wrap=True, overflow="crop")
        for index, row in enumerate(rows):
            if index:
                text.append("\n")
            text.append(row.payer.label, style="bold")
            for label, style, value in zip(LABELS, styles, (row.huidig_pad, row.doorbraak), strict=True):
                text.append("\n")
                text.append(f"  {label:<{LABEL_WIDTH - 2}}", style=muted)
                drawn = bar(value, scale, width)
                text.append(drawn.ljust(width), style=style)
                text.append(f" {format_money(value):>{money_width}}")
        return text
