"""Keyboard helpers for the Pilot tests of the maatwerkplan screens (Tab to a field, type, open the overview)."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot
from textual.widget import Widget

from tests.tui.pilot_support import settle, type_text
from tui.app import DoorbraakApp
from tui.screens.household_detail import HouseholdDetailScreen
from tui.screens.plan_overview import PlanOverviewScreen
from tui.widgets.form_field import FormField


async def open_overview(app: DoorbraakApp, pilot: Pilot[None], case_number: str) -> PlanOverviewScreen:
    await settle(pilot)
    app.screen.open_case(case_number)  # type: ignore[attr-defined]
    await settle(pilot)
    assert isinstance(app.screen, HouseholdDetailScreen)
    await pilot.press("p")
    await settle(pilot)
    assert isinstance(app.screen, PlanOverviewScreen)
    return app.screen


def field_name(widget: Widget | None) -> str | None:
    form_field = next((n for n in (widget.ancestors if widget else []) if isinstance(n, FormField)), None)
    return form_field.field_name if form_field else None


async def tab_to(pilot: Pilot[None], wanted: Callable[[Widget | None], bool], limit: int = 60) -> Widget:
    """Press Tab until the focused widget is the wanted one (keyboard only, no clicking)."""
    for _ in range(limit):
        if wanted(pilot.app.focused):
            assert pilot.app.focused is not None
            return pilot.app.focused
        await pilot.press("tab")
        await pilot.pause()
    raise AssertionError(f"not reached by Tab; focus is on {pilot.app.focused!r}")


def named(name: str) -> Callable[[Widget | None], bool]:
    return lambda widget: field_name(widget) == name


async def fill(pilot: Pilot[None], name: str, text: str) -> None:
    await tab_to(pilot, named(name))
    await type_text(pilot, text)
