"""Oefenomgeving opnieuw beginnen (F9 / command palette), only in demo mode: a fresh copy of sample.db."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from domain.services import households
from domain.services.households import parse_draft
from storage.bootstrap import SAMPLE_DB, Database, demo_copy, open_database, reset_demo
from storage.settings import Settings
from tests.builders import household_draft
from tests.tui.pilot_support import TuiData, notifications, screen_text, settle
from tui.app import DoorbraakApp
from tui.screens.case_list import CaseListScreen
from tui.screens.confirm_dialog import ConfirmDialog


@pytest.fixture
def demo_db(tmp_path: Path) -> Iterator[Database]:
    copy = demo_copy(target_dir=tmp_path / "demo")
    db = open_database(Settings(database_url=f"sqlite:///{copy}"))
    yield db
    db.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def test_reset_after_confirmation_starts_every_section_again(demo_db: Database) -> None:
    pristine = digest(SAMPLE_DB)
    households.create_household(parse_draft(household_draft("Huishouden Oefening")), demo_db.uow(), demo_db.actor)
    app = DoorbraakApp(demo_db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "1 van 49" in screen_text(app)
        assert "app.reset_demo" in {b.id for b, _ in app.screen_keys(app.screen)}  # in the palette and help
        await pilot.press("f9")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog) and "gaat verloren" in app.screen.question
        await pilot.press("n")  # no: nothing happens
        await settle(pilot)
        assert app.services.db is demo_db and "1 van 49" in screen_text(app)
        await pilot.press("f9")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        await settle(pilot)
        assert app.services.db is not demo_db and app.services.demo
        assert isinstance(app.screen, CaseListScreen) and app.screen.services is app.services
        assert "1 van 48" in screen_text(app) and "OEFENOMGEVING" in screen_text(app)
        assert any("opnieuw begonnen" in n for n in notifications(app))
        assert app.current_mode == "casussen" and "oefenomgeving-opnieuw" not in app._modes
    with app.services.db.engine.connect() as connection:  # the exercise's household is gone
        found = connection.execute(text("SELECT count(*) FROM household WHERE name = 'Huishouden Oefening'"))
        assert found.scalar() == 0
    app.services.close()
    assert digest(SAMPLE_DB) == pristine


async def test_not_offered_on_a_real_database(tui_data: TuiData) -> None:
    app = DoorbraakApp(tui_data.db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "app.reset_demo" not in {b.id for b, _ in app.screen_keys(app.screen)}
        await pilot.press("f9")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmDialog) and app.services.db is tui_data.db


def test_a_reset_waits_for_a_query_still_running_in_a_background_thread(demo_db: Database) -> None:
    """A section's thread worker that was already querying when the sections closed finishes its unit of
    work on the old file; only then is the file replaced (the keyboard soak found such a worker failing with
    sqlite3.DatabaseError when the file changed under its connection)."""
    entered = threading.Event()
    finished: list[tuple[float, int]] = []

    def slow_worker() -> None:
        with demo_db.uow() as uow:
            uow.session.execute(text("SELECT count(*) FROM household")).scalar_one()
            entered.set()
            time.sleep(0.5)
            count = uow.session.execute(text("SELECT count(*) FROM household")).scalar_one()
            finished.append((time.monotonic(), count))

    worker = threading.Thread(target=slow_worker)
    worker.start()
    assert entered.wait(10)
    fresh = reset_demo(demo_db)
    replaced_at = time.monotonic()
    worker.join(10)
    fresh.close()
    assert finished and finished[0][0] <= replaced_at and finished[0][1] > 0
