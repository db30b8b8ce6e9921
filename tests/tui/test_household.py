"""Pilot tests of the household screens: detail, status change, edit and save, inline errors, stale saves."""

from __future__ import annotations

from decimal import Decimal

import pytest
from textual.widgets import Input, OptionList, Select

from domain.household import HouseholdStatus
from domain.services.households import change_status, get_household, parse_draft, update_household
from storage.bootstrap import Database
from tests.tui.data import build
from tests.tui.pilot_support import TuiData, notifications, screen_text, settle, type_text
from tui.app import DoorbraakApp
from tui.screens.confirm_dialog import ConfirmDialog
from tui.screens.conflict_dialog import ConflictDialog
from tui.screens.household_detail import HouseholdDetailScreen
from tui.screens.household_form import HouseholdFormScreen
from tui.screens.status_dialog import StatusDialog
from tui.widgets.case_table import CaseTable
from tui.widgets.form_field import FormField
from tui.widgets.item_editors import ItemList, MemberEditor


async def open_case(app: DoorbraakApp, pilot, case_number: str) -> HouseholdDetailScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    app.screen.open_case(case_number)  # type: ignore[attr-defined]
    await settle(pilot)
    assert isinstance(app.screen, HouseholdDetailScreen)
    return app.screen


async def open_form(app: DoorbraakApp, pilot, case_number: str) -> HouseholdFormScreen:  # type: ignore[no-untyped-def]
    await open_case(app, pilot, case_number)
    await pilot.press("e")
    await settle(pilot)
    assert isinstance(app.screen, HouseholdFormScreen)
    return app.screen


def field(form: HouseholdFormScreen, path: str) -> FormField:
    head, _, rest = path.partition(".")
    if head in ("members", "problems", "organisations"):
        index, _, name = rest.partition(".")
        editor = form.item_list(head).editors[int(index)]
        found = editor.field(name)
        assert found is not None, path
        return found
    return form._fields[path]


def set_input(form: HouseholdFormScreen, path: str, value: str) -> None:
    control = field(form, path).control
    assert isinstance(control, Input)
    control.value = value


def stored(tui_data: TuiData, case_number: str):  # type: ignore[no-untyped-def]
    return get_household(case_number, tui_data.db.uow(), tui_data.db.actor)


async def test_detail_shows_members_problems_and_organisations(app: DoorbraakApp, tui_data: TuiData) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await open_case(app, pilot, tui_data.numbers[0])
        text = screen_text(app)
        for expected in (
            "Casus DB-2026-000001 · Familie Jansen",
            "Amsterdam (GM0363)",
            "Dorpsstraat 12, 1234 AB Amsterdam",
            "In behandeling",
            "Anna de Vries",
            "Petra Jansen",
            "Hoofdbewoner",
            "15-03-1984",
            "******653",
            "■□□□□ 1 acute problematiek",
            "sinds 10-01-2025",
            "deurwaarder [CJIB] betrokken.",  # user text with brackets, as typed
            "Participatiewet",
            "€ 14.000,00",
            "€ 14.447,00",
        ):
            assert expected in text, expected
        assert "999993653" not in text  # the BSN is only ever shown masked
        # Ages are computed on the app's 'today' (the database clock: 1 Nov 2026).
        assert " 42 " in text and " 17 " in text


async def test_status_change_to_an_allowed_next_status(app: DoorbraakApp, tui_data: TuiData) -> None:
    case_number = tui_data.numbers[1]  # aangemeld
    async with app.run_test(size=(100, 30)) as pilot:
        await open_case(app, pilot, case_number)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatusDialog)
        options = app.screen.query_one(OptionList)
        assert [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)] == [
            "In behandeling",
            "Afgesloten",
        ]
        await pilot.press("enter")  # the first: In behandeling
        await settle(pilot)
        assert isinstance(app.screen, HouseholdDetailScreen)
        assert stored(tui_data, case_number).status is HouseholdStatus.IN_BEHANDELING
        assert "In behandeling" in screen_text(app)
        assert any("is nu 'In behandeling'" in n for n in notifications(app))
        # Back in the list, the row shows the new status, with the cursor still on it.
        await pilot.press("escape")
        await settle(pilot)
        table = app.screen.query_one(CaseTable)
        assert table.current_case == case_number
        assert table.get_row(case_number)[3].plain.strip() == "In behandeling"


async def test_illegal_transition_shows_the_domain_message(app: DoorbraakApp, tui_data: TuiData) -> None:
    case_number = tui_data.numbers[0]  # in behandeling
    db = tui_data.db
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_case(app, pilot, case_number)
        # Meanwhile a colleague closes the case.
        current = stored(tui_data, case_number)
        change_status(case_number, HouseholdStatus.AFGESLOTEN, current.version, db.uow(), db.actor)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")  # Plan vastgesteld: not allowed from Afgesloten
        await settle(pilot)
        assert app.screen is screen
        messages = notifications(app)
        assert any(
            "Statuswijziging niet toegestaan: Een casus met status 'Afgesloten' kan niet naar 'Plan vastgesteld'" in m
            for m in messages
        ), messages
        assert stored(tui_data, case_number).status is HouseholdStatus.AFGESLOTEN
        # The screen reloaded and shows what is true now.
        assert "Afgesloten" in screen_text(app)


async def test_edit_and_save(app: DoorbraakApp, tui_data: TuiData) -> None:
    case_number = tui_data.numbers[0]
    async with app.run_test(size=(100, 30)) as pilot:
        form = await open_form(app, pilot, case_number)
        # Type in the name field like a person would.
        assert app.focused is field(form, "name").control
        set_input(form, "name", "Familie Jansen [nieuw")
        await pilot.press("end")
        await type_text(pilot, "]")
        set_input(form, "address.postcode", "9876 zx")
        set_input(form, "organisations.1.yearly_cost", "€ 15.250,50")
        set_input(form, "problems.1.since", "01-02-2025")
        # Add a member with the keyboard: Ctrl+L, name, Enter (next field), birth date dd-mm-jjjj.
        await pilot.press("ctrl+l")
        await pilot.pause()
        await type_text(pilot, "Noor")
        assert field(form, "members.3.name").value == "Noor"
        set_input(form, "members.3.name", "Noor Jansen")
        await pilot.press("enter")  # Enter moves on to the next field, like Tab
        assert app.focused is field(form, "members.3.date_of_birth").control
        set_input(form, "members.3.date_of_birth", "03-04-2015")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HouseholdDetailScreen)
        assert any("is opgeslagen" in n for n in notifications(app))
    saved = stored(tui_data, case_number)
    assert saved.name == "Familie Jansen [nieuw]"
    assert saved.address.postcode == "9876 ZX"
    assert saved.organisations[1].yearly_cost == Decimal("15250.50")
    assert str(saved.problems[1].since) == "2025-02-01"
    assert [m.name for m in saved.members] == ["Petra Jansen", "Kees Jansen", "Sem Jansen", "Noor Jansen"]
    assert str(saved.members[3].date_of_birth) == "2015-04-03"
    # The masked BSN in the form meant "unchanged": the stored BSN is kept, never replaced by the mask.
    assert saved.members[0].bsn == "999993653"
    assert saved.version > 0


async def test_bad_postcode_and_bsn_are_marked_inline_and_other_edits_stay(
    app: DoorbraakApp, tui_data: TuiData
) -> None:
    case_number = tui_data.numbers[0]
    before = stored(tui_data, case_number)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await open_form(app, pilot, case_number)
        set_input(form, "name", "Familie Jansen-de Wit")
        set_input(form, "address.postcode", "12345")
        set_input(form, "members.1.bsn", "123456789")
        set_input(form, "members.2.date_of_birth", "31-02-2010")
        set_input(form, "address.city", "Diemen")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "Ongeldige postcode" in field(form, "address.postcode").error
        assert "elfproef" in field(form, "members.1.bsn").error
        assert field(form, "members.2.date_of_birth").error
        assert field(form, "address.postcode").has_class("-invalid")
        text = screen_text(app)
        assert "✗ Ongeldige postcode;" in text
        assert "Niet opgeslagen: 3 fouten" in text
        # All input is still there, the good edits too.
        assert field(form, "name").value == "Familie Jansen-de Wit"
        assert field(form, "address.city").value == "Diemen"
        assert field(form, "address.postcode").value == "12345"
        assert field(form, "members.1.bsn").value == "123456789"
        # The cursor went to the first field with a problem.
        assert app.focused is field(form, "address.postcode").control
        # Fixing a field clears its message as the user types.
        await pilot.press("backspace")
        assert not field(form, "address.postcode").error
    assert stored(tui_data, case_number).model_dump() == before.model_dump()  # nothing was saved


async def test_stale_save_is_refused_and_the_form_is_kept(app: DoorbraakApp, tui_data: TuiData) -> None:
    case_number = tui_data.numbers[0]
    db = tui_data.db
    async with app.run_test(size=(100, 30)) as pilot:
        form = await open_form(app, pilot, case_number)
        set_input(form, "professional", "Mijn naam")
        # A colleague saves the same case first.
        current = stored(tui_data, case_number)
        draft = current.model_dump(include={"name", "municipality_code", "address", "professional", "members",
                                            "problems", "organisations"})
        draft["professional"] = "Collega"
        update_household(case_number, parse_draft(draft), current.version, db.uow(), db.actor)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictDialog)  # reload or merge: see tests/tui/test_conflict.py
        assert "heeft deze casus opgeslagen nadat u hem opende" in screen_text(app)
        await pilot.press("escape")  # keep editing
        await pilot.pause()
        assert app.screen is form
        assert field(form, "professional").value == "Mijn naam"
    assert stored(tui_data, case_number).professional == "Collega"


async def test_escape_asks_before_discarding_changes(app: DoorbraakApp, tui_data: TuiData) -> None:
    case_number = tui_data.numbers[0]
    async with app.run_test(size=(100, 30)) as pilot:
        form = await open_form(app, pilot, case_number)
        # Unchanged: Escape leaves at once.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdDetailScreen)
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, HouseholdFormScreen)
        await type_text(pilot, "x")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert app.screen is form
        assert field(form, "name").value == "Familie Jansenx"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("j")  # discard
        await pilot.pause()
        assert isinstance(app.screen, HouseholdDetailScreen)
    assert stored(tui_data, case_number).name == "Familie Jansen"


async def test_remove_a_member_and_a_problem(app: DoorbraakApp, tui_data: TuiData) -> None:
    case_number = tui_data.numbers[0]
    async with app.run_test(size=(100, 30)) as pilot:
        form = await open_form(app, pilot, case_number)
        members = form.item_list("members")
        members.editors[1].focus_first()
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert len(members.editors) == 2
        assert [e.border_title for e in members.editors] == ["Lid 1", "Lid 2"]
        remove = form.item_list("problems").editors[2].query_one(".remove-item")
        remove.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click(remove)
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HouseholdDetailScreen)
    saved = stored(tui_data, case_number)
    assert [m.name for m in saved.members] == ["Petra Jansen", "Sem Jansen"]
    assert [p.leefgebied for p in saved.problems] == ["financien", "huisvesting"]


async def test_new_household_from_the_case_list(app: DoorbraakApp, tui_data: TuiData) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, HouseholdFormScreen)
        # Saving an empty form names what is missing, in Dutch, at the fields.
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert field(form, "name").message == "Dit veld is verplicht."
        assert field(form, "municipality_code").message == "Gemeente is verplicht."
        assert "✗ Gemeente is verplicht" in screen_text(app)
        set_input(form, "name", "Familie Bakker")
        await pilot.press("enter")  # to the gemeente
        assert app.focused is field(form, "municipality_code").control
        await pilot.press("enter")  # open the list, type to search
        await type_text(pilot, "utrecht")
        await pilot.press("enter")
        await pilot.pause()
        assert field(form, "municipality_code").value == "GM0344"
        await pilot.press("ctrl+n")  # outside a list: asks what to add
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        problem = form.item_list("problems").editors[0]
        score = problem.field("score")
        assert score is not None
        assert isinstance(score.control, Select)
        score.control.value = 2
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HouseholdDetailScreen)
        new_number = app.screen.case_number
    assert new_number == "DB-2026-000009"
    saved = stored(tui_data, new_number)
    assert saved.name == "Familie Bakker"
    assert saved.municipality_code == "GM0344"
    assert saved.professional == "Lokale gebruiker"  # empty means the person who registers it
    assert [(p.leefgebied, p.score) for p in saved.problems] == [("financien", 2)]


async def test_member_errors_point_at_the_right_card(app: DoorbraakApp, tui_data: TuiData) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        form = await open_form(app, pilot, tui_data.numbers[1])
        await pilot.press("ctrl+l")
        await pilot.press("ctrl+l")
        await pilot.pause()
        members = form.item_list("members")
        assert len(members.editors) == 2
        assert isinstance(members.editors[0], MemberEditor)
        set_input(form, "members.0.name", "Ayla Özdemir")
        set_input(form, "members.0.date_of_birth", "2001-13-01")
        set_input(form, "members.1.name", "")
        set_input(form, "members.1.date_of_birth", "12-12-2012")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert field(form, "members.0.date_of_birth").message == "Geboren is geen geldige datum (gebruik dd-mm-jjjj)."
        assert field(form, "members.1.name").message == "Dit veld is verplicht."
        assert not field(form, "members.1.date_of_birth").error
        assert isinstance(form.query_one("#list-members"), ItemList)


@pytest.mark.postgres
async def test_edit_and_save_on_postgresql(postgres_db: Database) -> None:
    """The same screens on the PostgreSQL back end: open, edit, save, see the new version."""
    numbers = build(postgres_db)
    app = DoorbraakApp(postgres_db.services)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await open_form(app, pilot, numbers[0])
        set_input(form, "address.city", "Diemen")
        set_input(form, "members.1.bsn", "999992077")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HouseholdDetailScreen)
        assert "Diemen" in screen_text(app)
    saved = get_household(numbers[0], postgres_db.uow(), postgres_db.actor)
    assert saved.address.city == "Diemen"
    assert saved.members[1].bsn == "999992077"
