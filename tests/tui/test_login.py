"""Pilot tests of the login screen on a shared database; the single-user default asks nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tests.tui.data_trust import PASSWORD, build_shared, open_shared
from tests.tui.pilot_support import TuiData, notifications, screen_text, settle, type_text
from tui.app import DoorbraakApp
from tui.navigation import GoToDialog
from tui.screens.case_list import CaseListScreen
from tui.screens.login import LoginScreen


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    path = tmp_path / "shared.db"
    build_shared(path)
    return path


async def log_in(pilot: object, username: str, password: str) -> None:
    app = pilot.app  # type: ignore[attr-defined]
    app.screen.query_one("#login-user", Input).value = ""
    app.screen.query_one("#login-user", Input).focus()
    await type_text(pilot, username)  # type: ignore[arg-type]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await type_text(pilot, password)  # type: ignore[arg-type]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]


async def test_single_user_sqlite_opens_without_login(app: DoorbraakApp, tui_data: TuiData) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, CaseListScreen)
        assert "Lokale gebruiker" in screen_text(app)


async def test_login_then_the_case_list_with_user_and_role_in_the_header(shared: Path) -> None:
    db = open_shared(shared)
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        text = screen_text(app)
        assert "Inloggen" in text and "niet ingelogd" in text
        await pilot.press("g")  # typed into the username, never the 'Ga naar' dialog before login
        await pilot.pause()
        assert not isinstance(app.screen, GoToDialog)
        await log_in(pilot, "avries", PASSWORD)
        assert isinstance(app.screen, CaseListScreen)
        assert "Anna de Vries (professional)" in screen_text(app)
        assert db.actor.username == "avries"
        assert "inloggen" not in app._modes  # the login screen is gone, Esc cannot go back to it
    db.close()


async def test_wrong_password_keeps_the_username_and_says_so_in_dutch(shared: Path) -> None:
    db = open_shared(shared)
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await log_in(pilot, "avries", "niet het goede wachtwoord")
        assert isinstance(app.screen, LoginScreen)
        assert "Gebruikersnaam of wachtwoord onjuist" in screen_text(app)
        assert app.screen.query_one("#login-user", Input).value == "avries"
        password = app.screen.query_one("#login-password", Input)
        assert password.value == "" and password.has_focus
        for _ in range(3):  # then the back-off, which answers the same (it must not reveal the account)
            await log_in(pilot, "avries", "nog steeds fout")
        assert "(tijdelijk) geblokkeerd" in screen_text(app)
        assert not any("Traceback" in n for n in notifications(app))
    db.close()


async def test_the_password_is_masked(shared: Path) -> None:
    db = open_shared(shared)
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#login-password", Input).focus()
        await type_text(pilot, "zichtbaar")
        await pilot.pause()
        assert "zichtbaar" not in screen_text(app)
    db.close()


async def test_a_trainer_account_works_only_in_the_demo(shared: Path) -> None:
    db = open_shared(shared)
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await log_in(pilot, "trainer", PASSWORD)
        assert isinstance(app.screen, LoginScreen)
        assert "alleen in de oefenomgeving" in screen_text(app)
    db.close()
    demo = open_shared(shared, demo=True)
    app = DoorbraakApp(demo.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await log_in(pilot, "trainer", PASSWORD)
        assert isinstance(app.screen, CaseListScreen)
        assert "OEFENOMGEVING" in screen_text(app)
    demo.close()


async def test_a_password_typed_right_after_enter_lands_in_the_password_field_on_a_slow_machine(
    shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worst case of a busy laptop: the app does not wait for any handler (KEY_WAIT 0) and every key an
    Input handles takes 50 ms. Enter in the username must still move the focus before the next letter."""
    import asyncio

    import tui.key_order

    monkeypatch.setattr(tui.key_order, "KEY_WAIT", 0.0)
    original = Input._on_key

    async def slow_key(self: Input, event: object) -> None:
        await asyncio.sleep(0.05)
        await original(self, event)  # type: ignore[arg-type]

    monkeypatch.setattr(Input, "_on_key", slow_key)
    db = open_shared(shared)
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#login-user", Input).value = ""
        app.screen.query_one("#login-user", Input).focus()
        await pilot.press(*"avries", "enter", *PASSWORD)
        await settle(pilot)
        assert app.screen.query_one("#login-user", Input).value == "avries"
        assert app.screen.query_one("#login-password", Input).value == PASSWORD
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CaseListScreen)
    db.close()
