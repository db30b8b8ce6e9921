"""'Hoe is dit elders opgelost?' from a plan action (Ctrl+L): the precedent screen, by keyboard only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Select

from domain.services.precedents import PRECEDENT_OBJECT
from tests.tui.data_plan import PlanData, open_plan_database
from tests.tui.pilot_support import screen_text, settle, type_text
from tests.tui.plan_editing import open_overview
from tui.app import DoorbraakApp
from tui.screens.plan_editor import PlanEditorScreen
from tui.screens.precedent import ALL, PrecedentScreen
from tui.widgets.plan_goals_actions import ActiesStep


@pytest.fixture
def plan_data(tmp_path: Path) -> Iterator[PlanData]:
    data = open_plan_database(tmp_path / "plan.db")
    yield data
    data.db.close()


def flat(app: DoorbraakApp) -> str:
    return " ".join(screen_text(app).split())


async def test_an_action_opens_the_precedents_of_its_kind_and_escape_returns(plan_data: PlanData) -> None:
    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_overview(app, pilot, plan_data.concept)
        await pilot.press("e")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, PlanEditorScreen)
        await pilot.press("alt+a")
        await settle(pilot)
        assert isinstance(editor.view, ActiesStep)
        what = editor.view.editors()[0].field("what")
        assert what is not None and isinstance(what.control, Input)
        what.control.focus()
        await settle(pilot)
        await pilot.press("ctrl+l")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PrecedentScreen)
        # "Huurschuld aflossen (bijzondere bijstand, …)" is rent arrears: filtered on that kind.
        assert screen.query_one("#precedent-kind", Select).value == "huurachterstand"
        # Version 1 of `versions` is decided too (its version 2 is a concept); the concept is no precedent.
        decided = {plan_data.decided, plan_data.versions}
        assert {p.referentie for p in screen.shown} == decided
        text = flat(app)
        assert "Huurachterstand, ontruiming voorkomen" in text and "2 precedenten" in text
        assert "Huurschuld aflossen" in text and "Rekensom (12 maanden)" in text
        assert isinstance(app.focused, OptionList)

        # Search words narrow it; Enter searches and goes back to the list.
        await pilot.press("slash")
        await type_text(pilot, "bestaat niet")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.shown == [] and "0 precedenten" in flat(app)
        assert isinstance(app.focused, OptionList)

        # All kinds, search words cleared: the decided plan again.
        await pilot.press("slash")
        await pilot.press("ctrl+u")
        await pilot.press("escape")  # Esc in a field goes back to the list, not out of the screen
        await settle(pilot)
        assert app.screen is screen and isinstance(app.focused, OptionList)
        await pilot.press("s")
        await pilot.press("enter")  # open the dropdown
        await pilot.press("home", "enter")  # "Alle soorten acties"
        await settle(pilot)
        assert screen.query_one("#precedent-kind", Select).value == ALL
        assert {p.referentie for p in screen.shown} == decided

        await pilot.press("escape")
        await settle(pilot)
        if app.screen is screen:  # the focus was still on the dropdown
            await pilot.press("escape")
            await settle(pilot)
        assert app.screen is editor
    with plan_data.db.uow() as uow:
        searches = list(uow.audit.records(PRECEDENT_OBJECT))
    assert len(searches) >= 3 and all(r.event.kind.value == "search" for r in searches)


async def test_outside_an_action_the_key_explains_itself(plan_data: PlanData) -> None:
    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_overview(app, pilot, plan_data.decided)
        await pilot.press("e")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, PlanEditorScreen)
        await pilot.press("alt+a")
        await settle(pilot)
        assert editor.check_action("precedents", ()) is True  # also on a decided plan: reading changes nothing
        await pilot.press("alt+k")
        await settle(pilot)
        assert not editor.check_action("precedents", ())


async def test_the_picker_of_an_action_puts_the_fitting_bases_first_with_id_date_and_link(
    plan_data: PlanData,
) -> None:
    from textual.widgets import Button

    from tui.screens.legal_basis_picker import LegalBasisPicker

    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_overview(app, pilot, plan_data.concept)
        await pilot.press("e")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, PlanEditorScreen)
        await pilot.press("alt+a")
        await settle(pilot)
        assert isinstance(editor.view, ActiesStep)
        editor.view.editors()[0].query_one(".add-basis", Button).focus()
        await pilot.press("enter")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, LegalBasisPicker)
        # "Huurschuld aflossen (bijzondere bijstand, …)": rent arrears first, then bijzondere bijstand's own.
        assert [b.id for b in picker.results[:3]] == ["pw_35", "pw_48_lid_2", "pw_16"]
        assert picker.suggested_count == 5 and len(picker.results) == 32
        text = flat(app)
        assert "★ Participatiewet, art. 35" in text and "past bij: huurachterstand" in text
        assert "BWBR0015703 · geldig vanaf 01-01-2015" in text
        assert "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=35" in text
        await type_text(pilot, "briefadres")
        await settle(pilot)
        assert [b.id for b in picker.results] == ["wet_brp_2_39_briefadres"] and picker.suggested_count == 0
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is editor
