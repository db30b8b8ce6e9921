"""Pilot tests: a save refused because someone saved first shows what changed; reload or merge, never overwrite.

The other writer is a second, app-less handle on the same SQLite file (and on the same PostgreSQL schema).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from domain.household import Household
from domain.services import households as service
from domain.services.households import parse_draft
from storage.bootstrap import Database, open_database
from storage.settings import Settings
from tests.builders import TEST_ACTOR
from tests.tui.data import build
from tests.tui.pilot_support import open_test_database, screen_text, settle
from tui.app import DoorbraakApp
from tui.screens.conflict_dialog import ConflictDialog
from tui.screens.household_detail import HouseholdDetailScreen
from tui.screens.household_form import HouseholdFormScreen

COLLEAGUE = TEST_ACTOR.model_copy(update={"username": "collega"})


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def two_handles(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Database, Database, list[str]]]:
    """The app's database and a colleague's separate handle on the same data."""
    if request.param == "sqlite":
        mine = open_test_database(tmp_path / "shared.db")
        theirs = open_test_database(tmp_path / "shared.db")
    else:
        url = request.getfixturevalue("postgres_migrated_url")
        mine = open_database(Settings(database_url=url))
        theirs = open_database(Settings(database_url=url))
        mine.logged_in = TEST_ACTOR
    theirs.logged_in = COLLEAGUE
    numbers = build(mine)
    yield mine, theirs, numbers
    mine.close()
    theirs.close()


def colleague_saves(db: Database, number: str, **changes: Any) -> Household:
    current = service.get_household(number, db.uow(), db.actor)
    draft = current.model_dump(mode="json", include=service.EDITABLE_FIELDS)
    for path, value in changes.items():
        target = draft
        *parents, last = path.split("__")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[last] = value
    return service.update_household(number, parse_draft(draft), current.version, db.uow(), db.actor)


def set_field(form: HouseholdFormScreen, path: str, value: str) -> None:
    control = form._fields[path].control
    assert isinstance(control, Input)
    control.value = value


async def edit(app: DoorbraakApp, pilot: Any, number: str) -> HouseholdFormScreen:
    await settle(pilot)
    app.screen.open_case(number)  # type: ignore[attr-defined]
    await settle(pilot)
    await pilot.press("e")
    await settle(pilot)
    form = app.screen
    assert isinstance(form, HouseholdFormScreen)
    return form


async def test_merge_keeps_both_edits(two_handles: tuple[Database, Database, list[str]]) -> None:
    mine, theirs, numbers = two_handles
    number = numbers[0]
    app = DoorbraakApp(mine.services)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await edit(app, pilot, number)
        set_field(form, "address.street", "Molenweg")
        colleague_saves(theirs, number, name="Familie Jansen-Bakker", members__0__name="Petra Jansen-Bakker")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictDialog)
        shown = screen_text(app)
        assert "collega heeft deze casus opgeslagen nadat u hem opende" in shown
        assert "Naam: Familie Jansen → Familie Jansen-Bakker" in shown
        assert "Lid 1 · naam: Petra Jansen → Petra Jansen-Bakker" in shown
        assert "verschillend ingevuld" not in shown  # no collisions
        await pilot.press("s")
        await settle(pilot)
        assert app.screen is form and form.is_dirty  # merged, not yet saved
        assert form._fields["name"].value == "Familie Jansen-Bakker"
        assert form._fields["address.street"].value == "Molenweg"
        assert "Samengevoegd" in screen_text(app)
        assert service.get_household(number, theirs.uow(), theirs.actor).address.street == "Dorpsstraat"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HouseholdDetailScreen)
    final = service.get_household(number, theirs.uow(), theirs.actor)
    assert (final.name, final.address.street, final.members[0].name) == (
        "Familie Jansen-Bakker", "Molenweg", "Petra Jansen-Bakker")
    assert final.members[0].bsn == "999993653" and len(final.members) == 3  # nothing else lost


async def test_a_collision_is_named_and_their_value_stands_until_changed(
    two_handles: tuple[Database, Database, list[str]],
) -> None:
    mine, theirs, numbers = two_handles
    number = numbers[0]
    app = DoorbraakApp(mine.services)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await edit(app, pilot, number)
        set_field(form, "name", "Familie Jansen (mijn versie)")
        set_field(form, "address.city", "Diemen")
        colleague_saves(theirs, number, name="Familie Jansen (hun versie)")
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = screen_text(app)
        assert "verschillend ingevuld" in shown
        assert "Naam: u: Familie Jansen (mijn versie) · ander: Familie Jansen (hun versie)" in shown
        await pilot.press("s")
        await settle(pilot)
        assert form._fields["name"].value == "Familie Jansen (hun versie)"
        assert form._fields["address.city"].value == "Diemen"
        notice = str(form.query_one("#form-error").render())
        assert "Bij 1 veld(en) staat de waarde van de ander: Naam." in notice
        assert form.query_one("#form-error").has_class("-notice")  # information, not an error


async def test_reload_shows_their_version_and_drops_mine(two_handles: tuple[Database, Database, list[str]]) -> None:
    mine, theirs, numbers = two_handles
    number = numbers[0]
    app = DoorbraakApp(mine.services)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await edit(app, pilot, number)
        set_field(form, "address.street", "Molenweg")
        saved = colleague_saves(theirs, number, name="Familie Jansen-Bakker")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert app.screen is form and not form.is_dirty
        assert form._fields["name"].value == "Familie Jansen-Bakker"
        assert form._fields["address.street"].value == "Dorpsstraat"
        assert form.household is not None and form.household.version == saved.version
        await pilot.press("escape")  # nothing changed: leaves at once
        await settle(pilot)
        assert isinstance(app.screen, HouseholdDetailScreen)
    assert service.get_household(number, theirs.uow(), theirs.actor).version == saved.version
