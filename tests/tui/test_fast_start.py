"""The fast start (tui/starting.py): the case list's first page is painted from a raw read, the services are opened
after that in a worker — slowed down here behind a gate — and nothing typed or chosen meanwhile is lost, lands in a
wrong place or opens a wrong case."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from pathlib import Path

import tui.app
from domain.caselist import CaseListQuery
from storage.bootstrap import Services
from storage.raw_start import open_start
from tests.tui.pilot_support import TuiData, settle, type_text
from tui.app import DoorbraakApp
from tui.screens.case_list import PAGE_SIZE, CaseListScreen
from tui.screens.household_detail import HouseholdDetailScreen
from tui.starting import StartingServices
from tui.widgets.case_table import CaseTable

SIZE = (120, 36)


def gated(tui_data: TuiData, gate: threading.Event, fail: BaseException | None = None) -> StartingServices:
    """The fast start on the test database, its services opened only once `gate` is set."""
    settings = tui_data.db.settings
    start = open_start(settings, PAGE_SIZE)
    assert start is not None

    def opener() -> Services:
        assert gate.wait(30)
        if fail is not None:
            raise fail
        return tui_data.db.services

    return StartingServices(start, settings, opener)  # type: ignore[arg-type]


async def until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.01)


def shown(app: DoorbraakApp) -> list[str]:
    return [row.case_number for row in app.screen.query_one(CaseTable).case_rows]


async def test_the_raw_page_is_the_services_page_and_an_early_filter_is_applied(tui_data: TuiData) -> None:
    gate = threading.Event()
    services = gated(tui_data, gate)
    app = DoorbraakApp(services)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        await until(lambda: isinstance(app.screen, CaseListScreen) and bool(shown(app)))
        expected = tui_data.db.services.households.list(CaseListQuery(limit=PAGE_SIZE))
        assert shown(app) == [row.case_number for row in expected.rows]
        assert app.screen.total == expected.total and not services.ready
        # Typed before the services are open: held, then handed to the search field in order.
        await pilot.press("slash")
        await type_text(pilot, "jansen")
        await pilot.pause(0.2)
        assert app.screen.query_one("#case-filter").value == ""
        assert isinstance(app.screen, CaseListScreen)
        gate.set()
        await until(lambda: services.ready)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CaseListScreen)
        assert screen.filter_text == "jansen"
        filtered = tui_data.db.services.households.list(CaseListQuery(text="jansen", limit=PAGE_SIZE))
        await until(lambda: shown(app) == [row.case_number for row in filtered.rows])
        assert len(shown(app)) < len(expected.rows)


async def test_enter_before_the_services_opens_the_case_under_the_cursor_after(tui_data: TuiData) -> None:
    gate = threading.Event()
    services = gated(tui_data, gate)
    app = DoorbraakApp(services)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        await until(lambda: isinstance(app.screen, CaseListScreen) and bool(shown(app)))
        wanted = shown(app)[1]
        await pilot.press("down", "enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, CaseListScreen)  # waits, no error
        gate.set()
        await until(lambda: isinstance(app.screen, HouseholdDetailScreen))
        await settle(pilot)
        assert app.screen.case_number == wanted
        assert app.worker_errors == 0


async def test_a_click_on_a_row_before_the_services_opens_it_after(tui_data: TuiData) -> None:
    gate = threading.Event()
    services = gated(tui_data, gate)
    app = DoorbraakApp(services)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        await until(lambda: isinstance(app.screen, CaseListScreen) and bool(shown(app)))
        wanted = shown(app)[0]
        app.screen.open_case(wanted)  # what a double click on the row does (DataTable.RowSelected)
        await pilot.pause(0.1)
        assert isinstance(app.screen, CaseListScreen)
        gate.set()
        await until(lambda: isinstance(app.screen, HouseholdDetailScreen))
        assert app.screen.case_number == wanted


async def test_services_that_fail_to_open_end_the_app_with_the_message(tui_data: TuiData) -> None:
    from storage.engine import DatabaseError

    gate = threading.Event()
    gate.set()
    services = gated(tui_data, gate, fail=DatabaseError("De database kon niet worden geopend: test."))
    app = DoorbraakApp(services)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE):
        await until(lambda: app.return_code is not None)
    assert app.return_code == 1


async def test_services_ready_before_the_app_mounted_still_resume_the_case_list(tui_data: TuiData) -> None:
    """CI showed that on a busy machine a screen's timers can run before the app's own mount. Here the services
    open after the case list's first paint but before the app's mount runs (so no keys were held): what the case
    list puts off must still run once they are open — a filter typed afterwards is applied."""
    gate = threading.Event()
    services = gated(tui_data, gate)

    class LateMount(DoorbraakApp):
        # The app's style sheets, found next to tui/app.py (a relative CSS_PATH is read beside the subclass).
        CSS_PATH = [Path(tui.app.__file__).with_name(str(each)) for each in DoorbraakApp.CSS_PATH or []]

        async def on_mount(self) -> None:  # type: ignore[override]
            await until(lambda: isinstance(self.screen, CaseListScreen) and bool(shown(self)))
            gate.set()
            await until(lambda: services.ready and self._prepared)
            super().on_mount()

    app = LateMount(services)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        await until(lambda: app._prepared)
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "jansen")
        filtered = tui_data.db.services.households.list(CaseListQuery(text="jansen", limit=PAGE_SIZE))
        await until(lambda: shown(app) == [row.case_number for row in filtered.rows])
