"""The case list table: one row per household, columns sized to the terminal, pages appended at the end.

The table never holds the whole database: the screen feeds it pages from SQL and is told (`NearEnd`) when
the cursor or the scroll position gets close to the last loaded row.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from domain.caselist_rows import CaseListRow
from domain.household_kinds import CaseSort
from tui.render.format import format_datetime, format_short_date

COLUMNS: list[tuple[CaseSort, str]] = [
    (CaseSort.CASE_NUMBER, "Casusnummer"),
    (CaseSort.NAME, "Huishouden"),
    (CaseSort.MUNICIPALITY, "Gemeente"),
    (CaseSort.STATUS, "Status"),
    (CaseSort.PROFESSIONAL, "Professional"),
    (CaseSort.UPDATED_AT, "Laatste wijziging"),
]
COLUMN_LABELS = dict(COLUMNS)

# Load the next page when the cursor comes this close to the last loaded row.
PREFETCH_ROWS = 15
WIDE = 110


def _cell(value: str) -> Text:
    # Text, not a markup string: a name like "Jansen [oud]" must show as typed.
    return Text(" " + value, no_wrap=True, overflow="ellipsis")


class CaseTable(DataTable[Text]):
    """A row-cursor table of `CaseListRow`s keyed by case number."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Openen", id="case_list.open", tooltip="Open het gekozen huishouden"),
    ]

    @dataclass
    class NearEnd(Message):
        """The user is at (or close to) the last loaded row: time for the next page."""

        table: CaseTable

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, cell_padding=0, id=id)
        self.sort_key = CaseSort.UPDATED_AT
        self.sort_descending = True
        self._rows: list[CaseListRow] = []
        self._layout_width = 0
        self._rebuilding = False
        self._pending_cursor: str | None = None

    # -- content ---------------------------------------------------------------------------------
    @property
    def case_rows(self) -> list[CaseListRow]:
        return self._rows

    @property
    def current_case(self) -> str | None:
        if not self._rows or self.cursor_row >= len(self._rows):
            return None
        return self._rows[self.cursor_row].case_number

    def replace_rows(self, rows: list[CaseListRow], *, keep_case: str | None = None) -> None:
        """Show a fresh first page; keep the cursor on `keep_case` if it is still there."""
        self._rows = list(rows)
        if not self.size.width:
            # Not laid out yet (the page came before the first layout): the columns are sized to the width,
            # so the first resize lays the rows out, once, instead of now and again then.
            self._pending_cursor = keep_case
            self._layout_width = -1
            return
        self._rebuild(cursor_case=keep_case)

    def append_rows(self, rows: list[CaseListRow]) -> None:
        known = {r.case_number for r in self._rows}
        fresh = [r for r in rows if r.case_number not in known]  # a row may shift pages after an edit
        self._rows.extend(fresh)
        self.add_rows_for(fresh)

    def set_sort(self, sort: CaseSort, descending: bool) -> None:
        """Which column the rows are sorted on (shown with an arrow in its header)."""
        self.sort_key = sort
        self.sort_descending = descending

    # -- rendering -------------------------------------------------------------------------------
    def _widths(self) -> list[int]:
        available = max(self.size.width - 1, 60)  # one column for the scrollbar
        wide = available >= WIDE
        # In 80 columns the name gets the most room: it is what a professional looks for.
        fixed = {CaseSort.CASE_NUMBER: 14, CaseSort.STATUS: 16 if wide else 14, CaseSort.UPDATED_AT: 18 if wide else 9}
        rest = available - sum(fixed.values()) - len(COLUMNS)  # one leading space per column
        shares = (
            {CaseSort.NAME: 0.4, CaseSort.MUNICIPALITY: 0.28, CaseSort.PROFESSIONAL: 0.32}
            if wide
            else {CaseSort.NAME: 0.5, CaseSort.MUNICIPALITY: 0.25, CaseSort.PROFESSIONAL: 0.25}
        )
        flexible = {key: max(9, int(rest * share)) for key, share in shares.items()}
        flexible[CaseSort.NAME] += max(0, rest - sum(flexible.values()))
        sizes = {**fixed, **flexible}
        return [sizes[key] + 1 for key, _ in COLUMNS]

    def _label(self, key: CaseSort, title: str) -> Text:
        if key is CaseSort.UPDATED_AT and self.size.width - 1 < WIDE:
            title = "Gewijzigd"
        if key is self.sort_key:
            # The arrow takes the place of the leading space, so the title keeps its width.
            arrow = "▼" if self.sort_descending else "▲"
            return Text(f"{arrow}{title}", style="bold", no_wrap=True, overflow="ellipsis")
        return Text(f" {title}", no_wrap=True, overflow="ellipsis")

    def _cells(self, row: CaseListRow) -> list[Text]:
        wide = self.size.width - 1 >= WIDE
        # Narrow terminals get the short date (23-11-26); the full moment is on the household screen.
        when = format_datetime(row.updated_at) if wide else format_short_date(row.updated_at)
        return [
            _cell(row.case_number),
            _cell(row.name),
            _cell(row.municipality_name),
            _cell(row.status.label),
            _cell(row.professional),
            _cell(when),
        ]

    def add_rows_for(self, rows: list[CaseListRow]) -> None:
        for row in rows:
            self.add_row(*self._cells(row), key=row.case_number)

    def _rebuild(self, *, cursor_case: str | None = None) -> None:
        self._layout_width = self.size.width
        self._rebuilding = True
        try:
            self.clear(columns=True)
            for (key, title), width in zip(COLUMNS, self._widths(), strict=True):
                self.add_column(self._label(key, title), width=width, key=key.value)
            self.add_rows_for(self._rows)
            if cursor_case is not None:
                for index, row in enumerate(self._rows):
                    if row.case_number == cursor_case:
                        self.move_cursor(row=index, animate=False)
                        break
        finally:
            self._rebuilding = False

    def on_resize(self) -> None:
        if self._layout_width == -1 and self.size.width:  # rows given before the first layout (replace_rows)
            self._rebuild(cursor_case=self._pending_cursor)
        elif self.size.width != self._layout_width and self.columns:
            self._rebuild(cursor_case=self.current_case)

    # -- paging signals --------------------------------------------------------------------------
    def _settled(self) -> bool:
        """Rows are shown and not being rebuilt (a rebuild moves the cursor and scroll position)."""
        return not self._rebuilding and self.row_count > 0 and self.row_count == len(self._rows)

    def _near_end(self) -> bool:
        return self._settled() and self.cursor_row >= self.row_count - PREFETCH_ROWS

    def watch_cursor_coordinate(self, old: object, new: object) -> None:
        super().watch_cursor_coordinate(old, new)  # type: ignore[arg-type]
        if self._near_end():
            self.post_message(self.NearEnd(self))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self._settled() and new_value > old_value and new_value >= self.max_scroll_y - 2:
            self.post_message(self.NearEnd(self))

    def action_cursor_down(self) -> None:
        super().action_cursor_down()
        if self._settled() and self.cursor_row == self.row_count - 1:
            self.post_message(self.NearEnd(self))

    def action_page_down(self) -> None:
        super().action_page_down()
        if self._near_end():
            self.post_message(self.NearEnd(self))
