"""The idle lock (tui/app.py, tui/screens/lock.py): after `idle_lock_minutes` without input the screen hides
every personal detail and asks for the password again; what was typed stays; lock and unlock are audited.

The scenarios age the last input and run the app's idle check at once (a period of one minute, so a slow
machine never locks in the middle of a scenario); the last test lets the timer itself fire, with seconds.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from domain.audit import AuditKind, AuditQuery
from storage.bootstrap import Database
from tests.tui.data_trust import PASSWORD, build_shared, open_shared
from tests.tui.pilot_support import TuiData, open_test_database, screen_text, settle, type_text
from tui.app import DoorbraakApp
from tui.navigation import GoToDialog
from tui.screens.case_list import CaseListScreen
from tui.screens.household_detail import HouseholdDetailScreen
from tui.screens.lock import LockScreen
from tui.screens.login import LoginScreen

PERIOD = 1.0  # minute
SHORT = 0.05  # minutes: 3 s


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    path = tmp_path / "shared.db"
    numbers = build_shared(path)
    (tmp_path / "jansen").write_text(numbers[0])  # Familie Jansen: Anna de Vries's caseload (tests.tui.data)
    return path


async def log_in(pilot: Pilot[object], username: str, password: str) -> None:
    app = pilot.app
    app.screen.query_one("#login-user", Input).value = username
    app.screen.query_one("#login-password", Input).focus()
    await type_text(pilot, password)
    await pilot.press("enter")
    await settle(pilot)


async def go_idle(pilot: Pilot[object]) -> None:
    """As if nobody touched anything for an hour, and the app's idle watch looks now."""
    app = pilot.app
    assert isinstance(app, DoorbraakApp)
    app.last_input = time.monotonic() - 3600
    app._check_idle()
    await settle(pilot)
    if isinstance(app.screen, LockScreen):
        assert app.focused is app.screen.query_one("#lock-password", Input)


def lock_records(db: Database) -> list[tuple[str, str, str]]:
    """(kind, outcome, who) of the lock and unlock records, oldest first."""
    with db.uow() as uow:
        records = uow.audit.page(AuditQuery(limit=500)).records
    wanted = {AuditKind.LOCK, AuditKind.UNLOCK}
    return [(r.event.kind.value, r.event.outcome, r.event.username)
            for r in sorted(records, key=lambda r: r.sequence) if r.event.kind in wanted]


async def test_an_idle_case_is_hidden_and_comes_back_with_the_password(shared: Path) -> None:
    db = open_shared(shared, idle_lock_minutes=PERIOD)
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await log_in(pilot, "avries", PASSWORD)
        screen = app.screen
        assert isinstance(screen, CaseListScreen)
        screen.open_case((shared.parent / "jansen").read_text())
        await settle(pilot)
        assert isinstance(app.screen, HouseholdDetailScreen)
        before = screen_text(app)
        assert "Jansen" in before

        await go_idle(pilot)
        assert isinstance(app.screen, LockScreen)
        locked = screen_text(app)
        assert "Jansen" not in locked and "999993653" not in locked and "DB-" not in locked
        assert "Het scherm is vergrendeld na 1 minuut" in locked and "Vul" in locked and "wachtwoord in" in locked
        assert not app._notifications  # no toast naming anyone stays on top

        await pilot.press("g")  # typed into the password field; nothing opens behind the lock
        await pilot.press("ctrl+p", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        app.screen.query_one("#lock-password", Input).value = ""

        await type_text(pilot, "niet mijn wachtwoord")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)
        assert "Wachtwoord onjuist" in screen_text(app)

        await type_text(pilot, PASSWORD)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HouseholdDetailScreen)  # exactly where she was
        assert "Jansen" in screen_text(app)
    assert lock_records(db) == [("lock", "ok", "avries"), ("unlock", "geweigerd", "avries"),
                                ("unlock", "ok", "avries")]
    db.close()


async def test_nothing_locks_before_login_and_nothing_when_switched_off(shared: Path, tmp_path: Path) -> None:
    db = open_shared(shared, idle_lock_minutes=PERIOD)
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await go_idle(pilot)
        assert isinstance(app.screen, LoginScreen)  # nothing to hide yet
    db.close()

    db = open_shared(shared, idle_lock_minutes=0)
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await log_in(pilot, "avries", PASSWORD)
        assert not any(timer for timer in app._timers if getattr(timer, "name", "") == "idle-lock")
    db.close()


async def test_typed_text_survives_the_lock_as_a_concept(tmp_path: Path) -> None:
    db = open_test_database(tmp_path / "one.db", idle_lock_minutes=PERIOD)
    from tests.tui.data import build

    build(db)
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("/")
        await settle(pilot)
        await type_text(pilot, "Jans")
        search = app.focused
        assert isinstance(search, Input) and search.value == "Jans"

        await go_idle(pilot)
        assert isinstance(app.screen, LockScreen)
        text = screen_text(app)
        assert "Jansen" not in text and "Enter: verder werken" in text  # single-user mode: no password to ask
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CaseListScreen)
        assert search.value == "Jans"
        await pilot.press("g")  # typed into the search again, as before the lock
        await pilot.pause()
        assert not isinstance(app.screen, GoToDialog)
    assert lock_records(db) == [("lock", "ok", "lokaal"), ("unlock", "ok", "lokaal")]
    db.close()


async def test_the_browser_session_ends_after_its_idle_time(tui_data: TuiData) -> None:
    tui_data.db.settings = tui_data.db.settings.model_copy(
        update={"idle_lock_minutes": SHORT, "session_end_minutes": SHORT * 2})
    app = DoorbraakApp(tui_data.db.services)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.last_input = time.monotonic() - 3600
        for _ in range(150):  # the timer looks every 0.75 s
            await asyncio.sleep(0.1)
            if not app.is_running:
                break
        assert not app.is_running
    kinds = lock_records(tui_data.db)
    assert kinds and kinds[-1] == ("lock", "ok", "lokaal")


async def test_a_resize_counts_as_presence(tui_data: TuiData) -> None:
    """`serve` hands a process started ahead to a new tab by resizing it: its idle time starts then."""
    app = DoorbraakApp(tui_data.db.services)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.last_input = time.monotonic() - 3600
        await pilot.resize_terminal(120, 36)
        await settle(pilot)
        assert time.monotonic() - app.last_input < 60
