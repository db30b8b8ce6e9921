"""The terminal bar chart: bars scaled to the largest value, numbers always printed beside them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from textual.app import App, ComposeResult

from tui.widgets.bar_chart import Bar, BarChart, bar_cells, format_number, render_bars


def test_bars_scale_to_the_largest_value_and_print_their_numbers() -> None:
    lines = [line.plain for line in render_bars([Bar("nov", 5, note="3 nieuw"), Bar("aug", 16), Bar("x", 0)], 40)]
    assert all(len(line) == 40 for line in lines)
    assert lines[1].startswith("aug  " + "█" * 20) and lines[1].rstrip().endswith("16")
    assert lines[0].split()[-3:] == ["5", "3", "nieuw"]
    assert "█" not in lines[2] and lines[2].split()[-1] == "0"


def test_eighths_tiny_values_labels_and_errors() -> None:
    assert bar_cells(1, 8, 1) == "▏"  # an eighth of a cell
    assert bar_cells(0.01, 100, 10) == "▏"  # above zero is never invisible
    assert bar_cells(0, 100, 10) == ""
    assert bar_cells(200, 100, 4) == "████"  # capped at max_value
    line = render_bars([Bar("een heel lang label dat niet past", 1)], 40, label_width=10)[0].plain
    assert line.startswith("een heel …")
    assert format_number(12345) == "12.345" and format_number(Decimal("2.5")) == "2,5"
    with pytest.raises(ValueError):
        render_bars([Bar("min", -1)], 40)


async def test_widget_height_is_one_line_per_bar() -> None:
    class ChartApp(App[None]):
        def compose(self) -> ComposeResult:
            yield BarChart([Bar("a", 1), Bar("b", 2), Bar("c", 3)], id="chart")
            yield BarChart(id="empty")

    app = ChartApp()
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        assert app.query_one("#chart", BarChart).size.height == 3
        empty = app.query_one("#empty", BarChart)
        assert empty.size.height == 1 and "Geen gegevens" in str(empty.render())
        app.query_one("#chart", BarChart).set_bars([Bar("a", 1)])
        await pilot.pause()
        assert app.query_one("#chart", BarChart).size.height == 1
