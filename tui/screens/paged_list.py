"""What the list sections share (overbruggingen, escalaties, knelpunten, LMM-inbox): one `RowTable` filled
page by page from a service, in workers, never the whole table.

A subclass says what to ask and how to show it:

- `list_query(offset, limit)` reads the filters from the widgets (UI thread) and returns the query;
- `fetch(query)` calls the service (worker thread) and returns a page with `rows` and `total`;
- `page_rows(page)` turns the page's rows into `Row`s for the table;
- `update_status()` writes the status line (`self.total` and the loaded rows are known);
- optionally `page_arrived(page, first=...)` keeps what else a page carries (counts, filter choices).

`reload()` fetches the first page again (`keep=` a row key: as many rows as were loaded, the cursor stays
on that row; `pause=` seconds to wait for more typing, a newer reload cancels the older one); the next page
comes when the cursor nears the end. Failures go to the app's one error handler (see DoorbraakScreen).
"""

from __future__ import annotations

import time
from typing import Any, Generic, Protocol, TypeVar

from textual import on, work
from textual.worker import Worker, WorkerState, get_current_worker

from tui.screens.base import DoorbraakScreen
from tui.widgets.row_table import Row, RowTable


class Page(Protocol):
    @property
    def rows(self) -> Any: ...

    @property
    def total(self) -> int: ...


QueryT = TypeVar("QueryT")
PageT = TypeVar("PageT", bound=Page)


class PagedListScreen(DoorbraakScreen[None], Generic[QueryT, PageT]):
    """A section's list screen: see the module docstring for what a subclass provides."""

    PAGE_SIZE = 100
    MAX_RELOAD = 1000
    """A refresh reloads the rows already shown, up to this many, so the cursor can stay where it was."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.total = 0
        self._stale = False
        """Set when a row was opened: on coming back the list is fetched again (it may have changed)."""
        self._loading_more = False

    # -- what a subclass provides ----------------------------------------------------------------------
    def list_query(self, offset: int, limit: int) -> QueryT:
        raise NotImplementedError

    def fetch(self, query: QueryT) -> PageT:
        raise NotImplementedError

    def page_rows(self, page: PageT) -> list[Row]:
        raise NotImplementedError

    def update_status(self) -> None:
        raise NotImplementedError

    def page_arrived(self, page: PageT, *, first: bool) -> None:
        """A page came in (before its rows are shown); `first`: it replaces the list."""

    # -- paging ----------------------------------------------------------------------------------------
    @property
    def table(self) -> RowTable:
        return self.query_one(RowTable)

    def on_mount(self) -> None:
        self.table.loading = True
        self.reload()

    def on_screen_resume(self) -> None:
        if self._stale:
            self._stale = False
            self.reload(keep=self.table.current_key)

    def reload(self, *, keep: str | None = None, pause: float = 0.0) -> None:
        self._loading_more = False
        limit = min(self.MAX_RELOAD, max(self.PAGE_SIZE, len(self.table.keys))) if keep else self.PAGE_SIZE
        self._load_first(self.list_query(0, limit), keep, pause)

    @work(thread=True, exclusive=True, group="list", exit_on_error=False)
    def _load_first(self, query: QueryT, keep: str | None, pause: float) -> None:
        if pause:
            time.sleep(pause)
            if get_current_worker().is_cancelled:
                return
        page = self.fetch(query)
        self.app.call_from_thread(self._show_first, page, keep)

    def _show_first(self, page: PageT, keep: str | None) -> None:
        self.page_arrived(page, first=True)
        table = self.table
        table.loading = False
        table.set_rows(self.page_rows(page), keep_key=keep)
        self.total = page.total
        self.update_status()

    @on(RowTable.NearEnd)
    def _near_end(self) -> None:
        loaded = len(self.table.keys)
        if self._loading_more or loaded >= self.total:
            return
        self._loading_more = True
        self._load_more(self.list_query(loaded, self.PAGE_SIZE))

    @work(thread=True, exclusive=True, group="list-more", exit_on_error=False)
    def _load_more(self, query: QueryT) -> None:
        page = self.fetch(query)
        self.app.call_from_thread(self._append, page)

    def _append(self, page: PageT) -> None:
        self._loading_more = False
        self.page_arrived(page, first=False)
        self.table.append_rows(self.page_rows(page))
        self.update_status()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # The app reports the failure; here only the list's own state is repaired so it can be retried.
        if event.state is WorkerState.ERROR:
            self.table.loading = False
            self._loading_more = False

    def action_refresh(self) -> None:
        self.reload(keep=self.table.current_key)
