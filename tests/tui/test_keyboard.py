"""The keyboard model (docs/keyboard.md): fast chords, letters in forms, `g` + the section one is in."""

from __future__ import annotations

from textual import events
from textual.widgets import Select

from tests.tui.pilot_support import TuiData, settle
from tui.app import DoorbraakApp
from tui.navigation import GoToDialog
from tui.screens.case_list import CaseListScreen
from tui.screens.household_detail import HouseholdDetailScreen
from tui.screens.household_form import HouseholdFormScreen


def burst(app: DoorbraakApp, keys: str) -> None:
    """Keys in one read of the terminal, as a fast typist or tmux delivers them."""
    for key in keys:
        app.post_message(events.Key(key, key))


async def test_g_e_e_typed_fast_opens_the_section_once_and_the_app_stays_up(
    app: DoorbraakApp, tui_data: TuiData
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        burst(app, "gee")
        await settle(pilot)
        assert app.is_running
        assert app.current_mode == "escalaties"
        app.screen.set_focus(None)  # the inbox may open on its search field
        burst(app, "gcgcgg")  # a chord, one more, and a dialog opened and closed again
        await settle(pilot)
        assert app.current_mode == "casussen" and not isinstance(app.screen, GoToDialog)


async def test_letters_on_a_select_in_a_form_stay_in_the_form(app: DoorbraakApp, tui_data: TuiData) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, HouseholdFormScreen)
        form.query_one(Select).focus()
        await pilot.pause()
        burst(app, "geen")
        await settle(pilot)
        assert app.is_running and app.current_mode == "casussen"
        assert app.screen is form or app.screen.parent is not None  # the form, or its dropdown above it
        assert not isinstance(app.screen, GoToDialog)


async def test_g_and_the_section_one_is_in_goes_back_to_its_start(app: DoorbraakApp, tui_data: TuiData) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HouseholdDetailScreen)
        await pilot.press("g", "c")
        await settle(pilot)
        assert isinstance(app.screen, CaseListScreen) and len(app.screen_stack) == 1
