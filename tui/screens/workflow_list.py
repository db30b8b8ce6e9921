"""What the workflow lists share (escalation inbox, overbruggingen, LMM-inbox): Enter opens the item's
detail screen, a filter key opens its dropdown, Esc first returns to the table and then leaves."""

from __future__ import annotations

from typing import Any, TypeVar

from textual.screen import Screen
from textual.widgets import DataTable, Select

from tui.screens.paged_list import Page, PagedListScreen
from tui.widgets.row_table import RowTable

QueryT = TypeVar("QueryT")
PageT = TypeVar("PageT", bound=Page)


class WorkflowListScreen(PagedListScreen[QueryT, PageT]):
    """A subclass names the detail screen of a row (`detail_screen`)."""

    def detail_screen(self, item_id: int) -> Screen[Any]:
        raise NotImplementedError

    def open_item(self, item_id: int) -> None:
        self._stale = True
        self.app.push_screen(self.detail_screen(item_id))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.open_item(int(event.row_key.value))

    def open_filter(self, selector: str) -> None:
        select = self.query_one(selector, Select)
        select.focus()
        select.action_show_overlay()

    def action_back(self) -> None:
        table = self.query_one(RowTable)
        if not table.has_focus:
            table.focus()
            return
        self.leave()
