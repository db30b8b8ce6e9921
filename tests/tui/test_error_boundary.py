"""The error boundary (tui/errors.py): an unexpected exception keeps the app up and logs no values."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.pilot_support import TuiData, notifications, screen_text, settle, type_text
from tui import errors
from tui.app import DoorbraakApp
from tui.screens.case_list import CaseListScreen
from tui.screens.household_form import HouseholdFormScreen

SECRET = "999993653 Familie Geheim"


def explode(*args: object, **kwargs: object) -> None:
    raise RuntimeError(f"kapot bij {SECRET}")


@pytest.fixture
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path / "state"


async def test_a_failing_key_action_keeps_the_app_up_and_logs_without_values(
    app: DoorbraakApp, tui_data: TuiData, state_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app.expect_errors = True
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(CaseListScreen, "action_next_sort", explode)
        await pilot.press("s", "s")  # twice: the screen still reacts after the first failure
        await settle(pilot)
        assert app.is_running and app.unexpected_errors == 2
        assert notifications(app).count(f"{errors.TITLE}: {errors.MESSAGE}") == 1  # one message, not two
        text = screen_text(app)
        assert "Traceback" not in text and SECRET not in text
        await pilot.press("n")  # keys still work: the form opens
        await settle(pilot)
        assert isinstance(app.screen, HouseholdFormScreen)
    log = errors.log_path().read_text(encoding="utf-8")
    assert errors.log_path().is_relative_to(state_dir)
    assert "builtins.RuntimeError" in log and "in explode" in log
    assert SECRET not in log and "999993653" not in log


async def test_a_failing_handler_in_a_form_keeps_what_was_typed(
    app: DoorbraakApp, tui_data: TuiData, state_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app.expect_errors = True
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, HouseholdFormScreen)
        await type_text(pilot, "Familie")
        monkeypatch.setattr(HouseholdFormScreen, "action_add_member", explode, raising=False)
        await pilot.press("ctrl+l")
        await type_text(pilot, " Vos")
        await settle(pilot)
        assert app.is_running and app.screen is form and app.unexpected_errors >= 1
        assert form._fields["name"].value == "Familie Vos"
    assert SECRET not in errors.log_path().read_text(encoding="utf-8")


def test_the_log_holds_types_and_frames_but_no_message() -> None:
    try:
        try:
            explode()
        except RuntimeError as inner:
            raise ValueError(SECRET) from inner
    except ValueError as error:
        text = errors.describe(error)
    assert "builtins.RuntimeError" in text and "builtins.ValueError" in text and "in explode" in text
    assert SECRET not in text


def test_the_log_names_the_database_error_code_but_not_its_message(tmp_path: Path) -> None:
    """SQLITE_BUSY or SQLITE_CORRUPT tells a busy database from a broken file; the message (which may hold a
    value) stays out."""
    import sqlite3

    first = sqlite3.connect(tmp_path / "x.db", timeout=0, isolation_level=None)
    second = sqlite3.connect(tmp_path / "x.db", timeout=0, isolation_level=None)
    first.execute("CREATE TABLE t (v TEXT)")
    first.execute("BEGIN IMMEDIATE")
    try:
        second.execute("INSERT INTO t VALUES (?)", (SECRET,))
    except sqlite3.OperationalError as error:
        text = errors.describe(error)
    assert "sqlite3.OperationalError [SQLITE_BUSY]" in text
    assert SECRET not in text and "locked" not in text
