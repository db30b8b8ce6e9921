"""Pilot tests of the "wie bel ik?" contact picker, opened directly (the plan action editor will open it)."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App
from textual.widgets import Input, OptionList

from domain.register import RegisterContact, action_contact_text
from tests.tui.data_register import build_register
from tests.tui.pilot_support import TuiData, screen_text, settle, type_text
from tui.app import DoorbraakApp
from tui.screens.contact_picker import ContactPickerDialog

NOT_CHOSEN = object()


class Picking:
    """Opens the picker on an app and keeps what it returned."""

    def __init__(self) -> None:
        self.result: Any = NOT_CHOSEN

    def open(self, app: App[Any], dialog: ContactPickerDialog) -> None:
        def chosen(contact: RegisterContact | None) -> None:
            self.result = contact

        app.push_screen(dialog, chosen)


@pytest.fixture
def register(tui_data: TuiData) -> dict[str, RegisterContact]:
    return build_register(tui_data.db)


def shown(app: App[Any]) -> list[str]:
    dialog = app.screen
    assert isinstance(dialog, ContactPickerDialog)
    return [c.external_id for c in dialog.contacts]


def scope(app: App[Any]) -> str:
    return str(app.screen.query_one("#picker-scope").render())


async def open_picker(pilot: Any, tui_data: TuiData, organisation: str, municipality: str | None,
                      **options: Any) -> Picking:
    await settle(pilot)
    picking = Picking()
    picking.open(pilot.app, ContactPickerDialog(tui_data.db.services, organisation, municipality, **options))
    await settle(pilot)
    return picking


async def test_own_gemeente_first_then_landelijk_and_enter_returns_the_contact(
    app: DoorbraakApp, tui_data: TuiData, register: dict[str, RegisterContact]
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        picking = await open_picker(pilot, tui_data, "UWV", "GM0363")
        assert shown(app) == ["uwv-ams", "uwv-ww"]
        text = screen_text(app)
        for expected in ("Wie bel ik? · UWV", "Eerst Amsterdam, dan landelijk; geverifieerd eerst.",
                         "UWV – Regionaal Maatwerk Amsterdam – Shirley Ramdin", "06 12345104", "amsterdam@uwv.example",
                         "spoed 06 12345903", "2 contacten."):
            assert expected in text, expected
        assert app.screen.query_one(Input).has_focus  # pickers open in the search field
        await pilot.press("enter")  # the first result
        await settle(pilot)
        assert picking.result == register["uwv-ams"]
        # What the plan action keeps of it (beside contact_id).
        assert action_contact_text(picking.result) == (
            "UWV – Regionaal Maatwerk Amsterdam – Shirley Ramdin, 06 12345104, amsterdam@uwv.example"
        )


async def test_typing_refines_within_the_organisation(
    app: DoorbraakApp, tui_data: TuiData, register: dict[str, RegisterContact]
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        picking = await open_picker(pilot, tui_data, "UWV", "GM0363")
        await type_text(pilot, "ww")  # typed in the search field
        await settle(pilot)
        assert app.screen.query_one(Input).value == "ww"
        assert shown(app) == ["uwv-ww"]
        assert "Binnen UWV." in scope(app)
        await pilot.press("backspace", "backspace")
        await settle(pilot)
        assert shown(app) == ["uwv-ams", "uwv-ww"]  # back to the suggestions
        await type_text(pilot, "maatwerk")
        await settle(pilot)
        await pilot.press("down", "down", "enter")  # ↓ goes to the first result, the next ↓ to the second
        await settle(pilot)
        assert picking.result == register["uwv-ww"]


async def test_nothing_at_the_organisation_falls_back_to_the_whole_register(
    app: DoorbraakApp, tui_data: TuiData, register: dict[str, RegisterContact]
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        picking = await open_picker(pilot, tui_data, "UWV", "GM1900")
        await type_text(pilot, "ozdemir")
        await settle(pilot)
        assert shown(app) == ["sudwest-schulden"]
        assert "Niets bij UWV; gezocht in het hele register." in scope(app)
        await pilot.press("enter")
        await settle(pilot)
        assert picking.result == register["sudwest-schulden"]


async def test_an_organisation_named_differently_in_the_plan_is_still_found(
    app: DoorbraakApp, tui_data: TuiData, register: dict[str, RegisterContact]
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await open_picker(pilot, tui_data, "Belastingdienst/Toeslagen", "GM0363")
        assert shown(app)[0] == "toeslagen"
        # Refining stays within the organisation the suggestions came from.
        await type_text(pilot, "maatwerkteam")
        await settle(pilot)
        assert shown(app) == ["toeslagen"]
        assert "Binnen Belastingdienst/Dienst Toeslagen." in scope(app)
        assert "niet geverifieerd" in screen_text(app)


async def test_a_theme_narrows_and_falls_back_when_the_organisation_lacks_it(
    app: DoorbraakApp, tui_data: TuiData, register: dict[str, RegisterContact]
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await open_picker(pilot, tui_data, "UWV", "GM0363", theme="re_integratie")
        assert shown(app) == ["uwv-ams"]
        assert "thema Re-integratie" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        await open_picker(pilot, tui_data, "UWV", "GM0363", theme="boetes")
        assert shown(app) == ["uwv-ams", "uwv-ww"]
        assert "Geen contacten voor dit thema; alle contacten van UWV." in scope(app)


async def test_an_unknown_organisation_says_so_and_typing_searches_everything(
    app: DoorbraakApp, tui_data: TuiData, register: dict[str, RegisterContact]
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        picking = await open_picker(pilot, tui_data, "Stichting Nergens", None)
        assert shown(app) == []
        assert scope(app).startswith("Geen contacten van 'Stichting Nergens' in het register.")
        await pilot.press("enter")  # nothing to choose: the dialog stays
        await settle(pilot)
        assert isinstance(app.screen, ContactPickerDialog)
        await type_text(pilot, "cjib")
        await settle(pilot)
        assert shown(app) == ["cjib-noodstop"]
        await pilot.press("escape")
        await settle(pilot)
        assert picking.result is None


async def test_the_picker_fits_80x24(
    app: DoorbraakApp, tui_data: TuiData, register: dict[str, RegisterContact]
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_picker(pilot, tui_data, "Belastingdienst", "GM0363")
        lines = screen_text(app).splitlines()
        text = "\n".join(lines)
        assert len(lines) == 24
        for expected in ("Wie bel ik? · Belastingdienst", "Belastingdienst – Team Maatwerk Belastingschulden",
                         "06 12345101 · maatwerk@belastingdienst.example", "Enter kiezen", "Esc annuleert"):
            assert expected in text, expected
        dialog = app.screen.query_one("#picker-dialog")
        assert dialog.region.width <= 80 and dialog.region.height <= 24


async def test_the_picker_works_on_any_app(tui_data: TuiData, register: dict[str, RegisterContact]) -> None:
    """Reusable: it needs only the database handle, not the doorbraak app around it."""
    app: App[None] = App()
    async with app.run_test(size=(100, 30)) as pilot:
        picking = await open_picker(pilot, tui_data, "CJIB", None)
        assert shown(app) == ["cjib-noodstop"]
        await pilot.press("enter")
        await settle(pilot)
        assert picking.result == register["cjib-noodstop"]


async def test_typing_g_words_in_the_picker_goes_to_the_search_field(
    app: DoorbraakApp, tui_data: TuiData, register: dict[str, RegisterContact]
) -> None:
    from textual import events

    async with app.run_test(size=(100, 30)) as pilot:
        await open_picker(pilot, tui_data, "UWV", "GM0363")
        for key in "ggz":  # one read of the terminal; `g` is a letter here, never 'Ga naar'
            app.post_message(events.Key(key, key))
        await settle(pilot)
        assert app.screen.query_one(Input).value == "ggz"
        await pilot.press("down")
        options = app.screen.query_one(OptionList)
        assert options.has_focus and options.highlighted in (0, None)
