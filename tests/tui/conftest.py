"""Fixtures for the Pilot tests: a small deterministic SQLite database built through the domain services."""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerFailed

from storage.bootstrap import Database, open_database
from storage.installation import mark_oefenomgeving
from storage.settings import Settings
from tests.conftest import TickingClock
from tests.tui.data import build
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


@dataclass
class TuiData:
    db: Database
    numbers: list[str]


def open_test_database(path: Path, *, demo: bool = False, **settings: object) -> Database:
    """`demo=True` writes the oefenomgeving marker into the file (as the seed does for sample.db)."""
    db = open_database(Settings(database_url=f"sqlite:///{path}", **settings), clock=TickingClock())
    if demo:
        with db.engine.begin() as connection:
            mark_oefenomgeving(connection)
    return db


@pytest.fixture
def tui_data(tmp_path: Path) -> Iterator[TuiData]:
    db = open_test_database(tmp_path / "tui.db")
    numbers = build(db)
    yield TuiData(db, numbers)
    db.close()


@pytest.fixture
def app(tui_data: TuiData) -> DoorbraakApp:
    return DoorbraakApp(tui_data.db)


async def workers_done(app: App[object]) -> None:
    """Wait for the app's workers; one that was cancelled (a newer keystroke won) counts as done."""
    for worker in list(app.workers):
        with contextlib.suppress(WorkerCancelled, WorkerFailed):
            await worker.wait()


async def settle(pilot: Pilot[object]) -> None:
    """Let every worker finish and the screen catch up (workers may start new work when they finish)."""
    for _ in range(4):
        await workers_done(pilot.app)
        await pilot.pause()


async def type_text(pilot: Pilot[object], text: str) -> None:
    await pilot.press(*[("space" if ch == " " else ch) for ch in text])


def screen_text(app: DoorbraakApp) -> str:
    """What a person sees on the terminal, as plain text lines (rendered like Textual's screenshot)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True, color_system="truecolor",
                      record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text(styles=False).replace("\xa0", " ")  # babel puts a no-break space after €


def notifications(app: DoorbraakApp) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]
