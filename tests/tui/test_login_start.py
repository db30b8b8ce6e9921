"""The fast start on PostgreSQL (tui/starting.py): the login screen is painted before the services are opened; they
open while the user types — held back behind a gate here, as on a slow machine — and what is typed meanwhile lands
in the field the user sees. Real PostgreSQL with app accounts."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from textual.widgets import Input, Static

from domain.actors import Actor
from domain.services.users import create_user
from storage.bootstrap import Database, Services, open_database
from storage.raw_start import login_start
from storage.settings import Settings
from storage.settings_sources import PlainSettings
from tests.builders import TEST_ACTOR, TickingClock
from tests.tui.data_trust import ACCOUNTS, PASSWORD, _Hasher
from tests.tui.pilot_support import settle, type_text
from tui.app import DoorbraakApp
from tui.screens.case_list import CaseListScreen
from tui.screens.login import LoginScreen
from tui.starting import StartingServices

pytestmark = pytest.mark.postgres
SIZE = (100, 30)


@pytest.fixture
def shared_url(postgres_migrated_url: str) -> str:
    """A PostgreSQL database with one account per role (tests.tui.data_trust)."""
    db = open_database(Settings(database_url=postgres_migrated_url), clock=TickingClock())
    try:
        hasher = _Hasher()
        for username, name, role, codes, team in ACCOUNTS:
            create_user(db.uow(), TEST_ACTOR, hasher, username=username, display_name=name, role=role,
                        password=PASSWORD, municipality_codes=codes, team=team)
    finally:
        db.close()
    return postgres_migrated_url


@pytest.fixture
def opened(shared_url: str) -> Iterator[list[Database]]:
    """The databases the tests' openers opened (closed afterwards)."""
    databases: list[Database] = []
    yield databases
    for each in databases:
        each.close()


def gated(url: str, gate: threading.Event, opened: list[Database], fail: BaseException | None = None,
          ) -> StartingServices:
    """The fast start of `doorbraak -d URL` on PostgreSQL, its services opened only once `gate` is set (the
    password check made cheap, as in the other login tests)."""
    settings = PlainSettings(database_url=url, audit_key_file=Settings().audit_key_file)
    start = login_start(settings)
    assert start is not None and start.requires_login and start.first_page is None

    def opener() -> Services:
        assert gate.wait(30)
        if fail is not None:
            raise fail
        db = open_database(Settings(database_url=url), clock=TickingClock())
        opened.append(db)
        cheap = _Hasher()
        db.login = lambda username, password: _login(db, cheap, username, password)  # type: ignore[method-assign]
        return db.services

    return StartingServices(start, settings, opener)


def _login(db: Database, hasher: _Hasher, username: str, password: str) -> Actor:
    from domain.services.users import authenticate

    actor = authenticate(db.uow(), hasher, username, password, demo_database=False, workstation="test")
    db.logged_in = actor
    return actor


async def until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.01)


def shown(app: DoorbraakApp, name: str) -> str:
    return str(app.screen.query_one(f"#login-{name}", Static).render())


def field(app: DoorbraakApp, name: str) -> str:
    return app.screen.query_one(f"#login-{name}", Input).value


@pytest.mark.parametrize("app_opens_first", [True, False], ids=["app-opens", "login-opens"])
async def test_the_login_screen_comes_before_the_services_and_a_login_typed_at_once_waits_for_them(
    shared_url: str, opened: list[Database], monkeypatch: pytest.MonkeyPatch, app_opens_first: bool,
) -> None:
    if not app_opens_first:  # the login's worker asks for the services before the app's own timer does
        monkeypatch.setattr("tui.screens.login.PAINT_TIME", 60.0)
        monkeypatch.setattr("tui.app.OPEN_AFTER", 60.0)
    gate = threading.Event()
    services = gated(shared_url, gate, opened)
    app = DoorbraakApp(services)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        await until(lambda: isinstance(app.screen, LoginScreen))
        assert "postgresql" in shown(app, "database")
        # The whole login typed before the services are open: every key in its field, nothing held back.
        await type_text(pilot, "avries")
        await pilot.press("enter")
        await type_text(pilot, PASSWORD)
        await pilot.pause(0.1)
        assert (field(app, "user"), field(app, "password")) == ("avries", PASSWORD)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, LoginScreen) and not services.ready  # the login waits for the services
        gate.set()
        await until(lambda: isinstance(app.screen, CaseListScreen))
        await settle(pilot)
        assert services.actor.username == "avries" and services.logged_in is not None
        # What follows the opening ran once, though the login's worker may have opened them first: the idle lock.
        assert app._prepared and any(timer.name == "idle-lock" for timer in app._timers)
        assert app.worker_errors == 0


async def test_an_enter_typed_before_the_app_took_the_terminal_moves_on_as_enter(
    shared_url: str, opened: list[Database],
) -> None:
    """A terminal in cooked mode hands an early Enter over as a newline (ctrl+j): the password after it must not
    land in the username, readable."""
    gate = threading.Event()
    gate.set()
    services = gated(shared_url, gate, opened)
    app = DoorbraakApp(services)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        await until(lambda: isinstance(app.screen, LoginScreen))
        await type_text(pilot, "avries")
        await pilot.press("ctrl+j")
        await type_text(pilot, PASSWORD)
        await pilot.pause(0.1)
        assert (field(app, "user"), field(app, "password")) == ("avries", PASSWORD)
        await pilot.press("ctrl+j")
        await until(lambda: isinstance(app.screen, CaseListScreen))
        assert services.actor.username == "avries"


async def test_a_wrong_password_before_the_services_are_open_is_refused_in_dutch(
    shared_url: str, opened: list[Database],
) -> None:
    gate = threading.Event()
    services = gated(shared_url, gate, opened)
    app = DoorbraakApp(services)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        await until(lambda: isinstance(app.screen, LoginScreen))
        await type_text(pilot, "avries")
        await pilot.press("enter")
        await type_text(pilot, "fout")
        await pilot.press("enter")
        gate.set()
        await until(lambda: bool(shown(app, "error")))
        assert isinstance(app.screen, LoginScreen) and field(app, "password") == ""
        assert "wachtwoord" in shown(app, "error").lower()
        assert services.logged_in is None


async def test_a_database_that_cannot_be_opened_ends_the_app_with_its_message(
    shared_url: str, opened: list[Database],
) -> None:
    from storage.engine import DatabaseError

    gate = threading.Event()
    gate.set()
    services = gated(shared_url, gate, opened, fail=DatabaseError("De database kon niet worden geopend: test."))
    app = DoorbraakApp(services)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE):
        await until(lambda: app.return_code is not None)
    assert app.return_code == 1


async def test_services_that_failed_before_the_app_mounted_end_it_with_their_message(
    shared_url: str, opened: list[Database], capsys: pytest.CaptureFixture[str],
) -> None:
    """CI (eighth stop): on a busy machine the login's timer opened the services (and they failed) before the app's
    own mount ran; the mount then prepared the keymap from the plain settings and crashed. Here the failure
    comes first on purpose."""
    from storage.engine import DatabaseError

    gate = threading.Event()
    gate.set()
    services = gated(shared_url, gate, opened, fail=DatabaseError("De database kon niet worden geopend: test."))
    with pytest.raises(DatabaseError):
        services.open()
    assert services.failed
    app = DoorbraakApp(services)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE):
        await until(lambda: app.return_code is not None)
    assert app.return_code == 1
    assert "De database kon niet worden geopend: test." in capsys.readouterr().err
