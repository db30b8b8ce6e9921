"""What is typed in the household form survives a crash: the next time the form opens it offers the concept.

'Crash' here: the app stops without saving (the Pilot context ends, as a killed process would leave it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input

from domain.services import households as service
from domain.services.households import parse_draft
from storage.bootstrap import Database
from tests.builders import TEST_ACTOR
from tests.tui.pilot_support import TuiData, open_test_database, screen_text, settle, workers_done
from tui.app import DoorbraakApp
from tui.screens.conflict_dialog import ConflictDialog
from tui.screens.draft_dialog import DraftDialog
from tui.screens.household_detail import HouseholdDetailScreen
from tui.screens.household_form import HouseholdFormScreen


def set_field(form: HouseholdFormScreen, path: str, value: str) -> None:
    control = form._fields[path].control
    assert isinstance(control, Input)
    control.value = value


async def open_form(app: DoorbraakApp, pilot: Any, number: str | None) -> Any:
    await settle(pilot)
    if number is None:
        await pilot.press("n")
    else:
        app.screen.open_case(number)  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("e")
    await settle(pilot)
    return app.screen


async def type_and_crash(db: Database, number: str | None, edit: Any) -> None:
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await open_form(app, pilot, number)
        assert isinstance(form, HouseholdFormScreen)
        await edit(form, pilot)
        form.write_draft()  # what the 1-second pause after typing does
        await workers_done(app)
    # the app is gone without saving


def concept_files(db: Database) -> list[Path]:
    store = db.drafts
    assert store is not None
    return sorted(store.directory.glob("*.json")) if store.directory.exists() else []


async def test_an_edit_survives_a_crash_and_is_saved_after_restoring(tui_data: TuiData) -> None:
    db, number = tui_data.db, tui_data.numbers[0]

    async def edit(form: HouseholdFormScreen, pilot: Any) -> None:
        set_field(form, "address.street", "Molenweg")
        set_field(form, "address.postcode", "12")  # half typed: kept exactly as it was
        await form.action_add_member()
        editor = form.item_list("members").editors[-1]
        for name, value in (("name", "Nieuw Lid"), ("date_of_birth", "01-02-20")):  # the date half typed
            found = editor.field(name)
            assert found is not None and isinstance(found.control, Input)
            found.control.value = value

    await type_and_crash(db, number, edit)
    files = concept_files(db)
    assert len(files) == 1 and files[0].stat().st_mode & 0o777 == 0o600
    content = files[0].read_text(encoding="utf-8")
    assert number not in files[0].name and "999993653" not in content  # the BSN stays masked in a concept
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_form(app, pilot, number)
        assert isinstance(app.screen, DraftDialog) and "Concept herstellen?" in screen_text(app)
        await pilot.press("h")  # the same keys as the plan's concept
        await settle(pilot)
        form = app.screen
        assert isinstance(form, HouseholdFormScreen) and form.is_dirty
        assert form._fields["address.street"].value == "Molenweg"
        assert form._fields["address.postcode"].value == "12"
        assert len(form.item_list("members").editors) == 4
        new_member = form.item_list("members").editors[-1]
        birth = new_member.field("date_of_birth")
        assert birth is not None and isinstance(birth.control, Input) and birth.control.value == "01-02-20"
        birth.control.value = "01-02-2020"
        set_field(form, "address.postcode", "1234 AB")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HouseholdDetailScreen)
    saved = service.get_household(number, db.uow(), db.actor)
    assert saved.address.street == "Molenweg" and [m.name for m in saved.members][-1] == "Nieuw Lid"
    assert saved.members[0].bsn == "999993653"  # the masked BSN in the concept meant: unchanged
    assert concept_files(db) == []  # saved: the concept is gone


async def test_a_restored_concept_never_overwrites_a_save_made_meanwhile(tui_data: TuiData, tmp_path: Path) -> None:
    db, number = tui_data.db, tui_data.numbers[0]

    async def edit(form: HouseholdFormScreen, pilot: Any) -> None:
        set_field(form, "address.street", "Molenweg")

    await type_and_crash(db, number, edit)
    colleague = open_test_database(Path(str(db.engine.url.database)))
    current = service.get_household(number, colleague.uow(), TEST_ACTOR)
    service.update_household(number, parse_draft({**current.model_dump(include=service.EDITABLE_FIELDS),
                                      "name": "Familie Jansen-Bakker"}), current.version, colleague.uow(), TEST_ACTOR)
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_form(app, pilot, number)
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictDialog)  # the concept was based on the older version
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = service.get_household(number, colleague.uow(), TEST_ACTOR)
    assert (saved.name, saved.address.street) == ("Familie Jansen-Bakker", "Molenweg")
    colleague.close()


async def test_a_new_household_concept_and_declining_it(tui_data: TuiData) -> None:
    db = tui_data.db

    async def edit(form: HouseholdFormScreen, pilot: Any) -> None:
        set_field(form, "name", "Familie Nog Niet Opgeslagen")

    await type_and_crash(db, None, edit)
    assert len(concept_files(db)) == 1
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_form(app, pilot, None)
        assert isinstance(app.screen, DraftDialog)
        await pilot.press("w")  # weggooien
        await settle(pilot)
        form = app.screen
        assert isinstance(form, HouseholdFormScreen) and form._fields["name"].value == ""
    assert concept_files(db) == []


def test_no_concepts_next_to_an_encrypted_database_or_when_switched_off(tmp_path: Path) -> None:
    db = open_test_database(tmp_path / "x.db", local_drafts=False)
    assert db.drafts is None
    db.settings = db.settings.model_copy(update={"local_drafts": True})
    assert db.drafts is not None
    # An encrypted file: a plain concept beside it would defeat the encryption.
    db.settings = db.settings.model_copy(update={"database_url": f"sqlite+pysqlcipher:///{tmp_path / 'y.db'}"})
    assert db.drafts is None
    db.close()
