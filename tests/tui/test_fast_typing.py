"""'Create then type' at full speed with slowed units of work: every key lands in the field the action opened.

The keys go in one burst (as one read of the terminal) right after the key that opens the form, while
every unit of work is slowed (benchmarks/keyboard_fuzz.slow_units_of_work), so the form is still loading."""

from __future__ import annotations

import random

from textual import events

from benchmarks.keyboard_fuzz import slow_units_of_work
from tests.tui.pilot_support import TuiData, settle
from tui.app import DoorbraakApp
from tui.screens.household_form import HouseholdFormScreen


def burst(app: DoorbraakApp, *keys: str) -> None:
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


async def test_a_new_household_gets_every_letter_typed_right_after_n(app: DoorbraakApp, tui_data: TuiData) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        with slow_units_of_work(random.Random(14), most=0.2):
            burst(app, "n", *"Familie")
            await settle(pilot)
        form = app.screen
        assert isinstance(form, HouseholdFormScreen)
        assert form._fields["name"].value == "Familie"


async def test_the_case_search_gets_every_letter_typed_right_after_slash(app: DoorbraakApp, tui_data: TuiData) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        with slow_units_of_work(random.Random(15), most=0.2):
            burst(app, "slash", *"jansen")
            await settle(pilot)
        assert app.screen.query_one("#case-filter").value == "jansen"


async def test_a_new_overbrugging_gets_every_letter_typed_right_after_n(app: DoorbraakApp, tui_data: TuiData) -> None:
    from tui.screens.overbrugging_form import OverbruggingFormScreen

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("g", "o")
        await settle(pilot)
        app.screen.set_focus(None)
        with slow_units_of_work(random.Random(16), most=0.2):
            burst(app, "n", *"DB-2026")
            await settle(pilot)
        form = app.screen
        assert isinstance(form, OverbruggingFormScreen)
        first = "case_number" if "case_number" in form._fields else "support_needed"
        assert form._fields[first].value == "DB-2026"
