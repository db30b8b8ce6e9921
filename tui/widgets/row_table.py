"""A row-cursor table for the casework lists (werklijst, overbruggingen, escalaties, knelpunten).

Columns are declared once (`Column`); fixed widths stay, flexible columns share what is left of the
terminal's width, so the same table reads well in 80 and in 120 columns. Rows are keyed (an id), the screen
feeds pages from SQL and is told (`NearEnd`) when the cursor gets close to the last loaded row. Cells are
`rich.text.Text` built here, so user text with a `[` is shown as typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

PREFETCH_ROWS = 15


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int | None = None
    """Fixed width in cells; None shares the remaining width by `ratio`."""
    ratio: int = 1
    justify: Literal["left", "right"] = "left"
    min_width: int = 8
    wide_only: bool = False
    """Only shown when the table is at least `RowTable.wide` cells wide."""


Cell = str | Text


@dataclass(frozen=True)
class Row:
    key: str
    cells: Sequence[Cell]
    """One cell per column in the table's full column list (wide-only cells are dropped when narrow)."""
    style: str = ""


class RowTable(DataTable[Text]):
    BINDINGS = [
        Binding("enter", "select_cursor", "Openen", id="list.open", tooltip="Open de gekozen regel"),
    ]

    @dataclass
    class NearEnd(Message):
        table: RowTable

    def __init__(self, columns: Sequence[Column], *, wide: int = 110, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, cell_padding=0, id=id)
        self.all_columns = list(columns)
        self.wide = wide
        self._rows: list[Row] = []
        self._layout_width = 0
        self._rebuilding = False

    @property
    def keys(self) -> list[str]:
        return [row.key for row in self._rows]

    @property
    def current_key(self) -> str | None:
        if not self._rows or self.cursor_row >= len(self._rows):
            return None
        return self._rows[self.cursor_row].key

    def visible_columns(self) -> list[tuple[int, Column]]:
        is_wide = self.size.width - 1 >= self.wide
        return [(i, c) for i, c in enumerate(self.all_columns) if is_wide or not c.wide_only]

    def _widths(self, columns: list[Column]) -> list[int]:
        available = max(self.size.width - 1, 40)  # one column for the scrollbar
        fixed = sum(c.width + 1 for c in columns if c.width is not None)
        flexible = [c for c in columns if c.width is None]
        rest = available - fixed - len(flexible)
        total_ratio = sum(c.ratio for c in flexible) or 1
        sizes = {id(c): max(c.min_width, rest * c.ratio // total_ratio) for c in flexible}
        if flexible:
            sizes[id(flexible[0])] += max(0, rest - sum(sizes.values()))
        return [(c.width if c.width is not None else sizes[id(c)]) + 1 for c in columns]

    def _cell(self, value: Cell, column: Column, style: str) -> Text:
        text = value.copy() if isinstance(value, Text) else Text(value)
        if style:
            text.stylize(style)
        text.no_wrap = True
        text.overflow = "ellipsis"
        if column.justify == "right":
            text.append(" ")
            text.justify = "right"
            return text
        return Text(" ", no_wrap=True, overflow="ellipsis") + text

    def set_rows(self, rows: Sequence[Row], *, keep_key: str | None = None) -> None:
        self._rows = list(rows)
        self._rebuild(keep_key=keep_key)

    def append_rows(self, rows: Sequence[Row]) -> None:
        known = set(self.keys)
        fresh = [r for r in rows if r.key not in known]
        self._rows.extend(fresh)
        columns = self.visible_columns()
        for row in fresh:
            self.add_row(*[self._cell(row.cells[i], c, row.style) for i, c in columns], key=row.key)

    def _rebuild(self, *, keep_key: str | None = None) -> None:
        self._layout_width = self.size.width
        self._rebuilding = True
        try:
            self.clear(columns=True)
            columns = self.visible_columns()
            for (_, column), width in zip(columns, self._widths([c for _, c in columns]), strict=True):
                label = Text((" " + column.label) if column.justify == "left" else column.label + " ",
                             justify=column.justify, no_wrap=True, overflow="ellipsis", style="bold")
                self.add_column(label, width=width, key=column.key)
            for row in self._rows:
                self.add_row(*[self._cell(row.cells[i], c, row.style) for i, c in columns], key=row.key)
            if keep_key is not None and keep_key in self.keys:
                self.move_cursor(row=self.keys.index(keep_key), animate=False)
        finally:
            self._rebuilding = False

    def on_resize(self) -> None:
        if self.size.width != self._layout_width:
            self._rebuild(keep_key=self.current_key)

    # -- paging ------------------------------------------------------------------------------------
    def _settled(self) -> bool:
        return not self._rebuilding and self.row_count > 0 and self.row_count == len(self._rows)

    def watch_cursor_coordinate(self, old: object, new: object) -> None:
        super().watch_cursor_coordinate(old, new)  # type: ignore[arg-type]
        if self._settled() and self.cursor_row >= self.row_count - PREFETCH_ROWS:
            self.post_message(self.NearEnd(self))
