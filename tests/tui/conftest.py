"""Fixtures for the Pilot tests: a small deterministic SQLite database built through the domain services.

The helpers to drive the app and read the screen live in tests/tui/pilot_support.py.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.tui.data import build
from tests.tui.pilot_support import TuiData, open_test_database
from tui.app import DoorbraakApp


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests in a fresh event loop (Pilot needs one; no async plugin required)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    asyncio.run(pyfuncitem.obj(**arguments))
    return True


@pytest.fixture(autouse=True)
def _error_log_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The error boundary's log (tui/errors.py) goes to the test's folder, never the real state directory."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture(autouse=True)
def _toasts_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    """A toast without its own timeout lasts NOTIFICATION_TIMEOUT (5 s). Under load (parallel workers on a
    busy machine) a scenario can take longer between the toast and the assertion or snapshot that expects
    it; keep toasts up so no test depends on the machine's speed."""
    monkeypatch.setattr(DoorbraakApp, "NOTIFICATION_TIMEOUT", 3600)


@pytest.fixture
def tui_data(tmp_path: Path) -> Iterator[TuiData]:
    db = open_test_database(tmp_path / "tui.db")
    numbers = build(db)
    yield TuiData(db, numbers)
    db.close()


@pytest.fixture
def app(tui_data: TuiData) -> DoorbraakApp:
    return DoorbraakApp(tui_data.db.services)
