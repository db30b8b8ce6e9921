"""What the workflow lists share (escalation inbox, overbruggingen, LMM-inbox): the layout (filter bar with
its flags, the table, the status line), the count in the status line, Enter opens the item's detail
screen, a filter key opens its dropdown, refresh, and Esc first returns to the table and then leaves."""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any, ClassVar, TypeVar

from textual._path import CSSPathType
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Select, Static

from tui.screens.base import format_count
from tui.screens.paged_list import Page, PagedListScreen
from tui.widgets.quiet_footer import QuietFooter
from tui.widgets.row_table import Column, RowTable

QueryT = TypeVar("QueryT")
PageT = TypeVar("PageT", bound=Page)


def list_bindings(screen_id: str, back: str = "Terug") -> list[Binding]:
    """The refresh and back keys every workflow list ends its bindings with (`screen_id`: "lmm_inbox")."""
    return [
        Binding("f5,ctrl+r", "refresh", "Vernieuwen", id=f"{screen_id}.refresh", show=False,
                tooltip="Haal de lijst opnieuw op"),
        Binding("escape", "back", "Terug", id=f"{screen_id}.back", tooltip=back),
    ]


class WorkflowListScreen(PagedListScreen[QueryT, PageT]):
    """A subclass names its widget prefix, columns and detail screen in its class header (`class
    X(WorkflowListScreen[Q, P], prefix="escalation", columns=COLUMNS, detail="module:Class")`) and yields
    its filters."""

    CSS_PATH: ClassVar[CSSPathType | None] = "casework.tcss"
    prefix: ClassVar[str]
    """The widgets' id prefix: "escalation" gives #escalation-table, #escalation-flags, ..."""
    columns: ClassVar[list[Column]]

    detail: ClassVar[str]
    """Where a row's detail screen lives, "module:Class"; imported when a row is opened (start-up time)."""

    def __init_subclass__(cls, *, prefix: str = "", columns: list[Column] | None = None, detail: str = "",
                          **kwargs: Any) -> None:
        """A list screen names its prefix, columns and detail screen in its class header."""
        super().__init_subclass__(**kwargs)
        if prefix:
            cls.prefix, cls.AUTO_FOCUS = prefix, f"#{prefix}-table"
        if columns is not None:
            cls.columns = columns
        if detail:
            cls.detail = detail

    # -- layout ------------------------------------------------------------------------------------------
    def filters(self) -> Iterable[Widget]:
        """The filter widgets of the bar (before the flags)."""
        return ()

    def below_table(self) -> Iterable[Widget]:
        """Widgets between the table and the status line (the LMM-inbox's detail of the highlighted row)."""
        return ()

    def compose(self) -> ComposeResult:
        yield self.app_header()
        with Horizontal(classes="filter-bar"):
            yield from self.filters()
            yield Static("", id=f"{self.prefix}-flags", classes="filter-flags", markup=False)
        yield RowTable(self.columns, id=f"{self.prefix}-table")
        yield from self.below_table()
        yield Static("", id=f"{self.prefix}-status-line", classes="status-line", markup=False)
        yield QuietFooter()

    def show_flags(self, text: str) -> None:
        self.query_one(f"#{self.prefix}-flags", Static).update(text)

    def show_status(self, text: str) -> None:
        self.query_one(f"#{self.prefix}-status-line", Static).update(text)

    def counted(self, noun: str) -> str:
        """"12 escalaties", with " · 5 geladen" while not every row is shown."""
        text = f"{format_count(self.total)} {noun}"
        shown = len(self.query_one(RowTable).keys)
        if shown < self.total:
            text += f" · {format_count(shown)} geladen"
        return text

    def detail_screen(self, item_id: int) -> Screen[Any]:
        module, name = self.detail.split(":")
        screen: Screen[Any] = getattr(importlib.import_module(module), name)(self.services, item_id)
        return screen

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
