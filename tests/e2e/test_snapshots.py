"""SVG snapshots of the main screens at fixed terminal sizes (80×24 and 120×36) on deterministic data.

Update after an intended change of the look: `.venv/bin/pytest tests/e2e --snapshot-update`, then look at
the report (`snapshot_report.html`) or the SVGs in `__snapshots__/` before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.e2e.snapshot_support import SIZES, SnapCompare, then
from tests.tui.pilot_support import TuiData
from tui.app import DoorbraakApp
from tui.screens.household_form import HouseholdFormScreen


def open_case(case_number: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def step(pilot: Pilot[Any]) -> None:
        pilot.app.screen.open_case(case_number)  # type: ignore[attr-defined]

    return step


async def edit(pilot: Pilot[Any]) -> None:
    await pilot.press("e")


async def bad_save(pilot: Pilot[Any]) -> None:
    form = pilot.app.screen
    assert isinstance(form, HouseholdFormScreen)
    postcode = form._fields["address.postcode"].control
    assert isinstance(postcode, Input)
    postcode.value = "12345"
    await pilot.press("ctrl+s")


@pytest.mark.parametrize("size", SIZES)
def test_case_list(snap_compare: SnapCompare, app: DoorbraakApp, size: tuple[int, int]) -> None:
    assert snap_compare(app, terminal_size=size, run_before=then())


@pytest.mark.parametrize("size", SIZES)
def test_household_detail(
    snap_compare: SnapCompare, app: DoorbraakApp, tui_data: TuiData, size: tuple[int, int]
) -> None:
    assert snap_compare(app, terminal_size=size, run_before=then(open_case(tui_data.numbers[0])))


def test_edit_form(snap_compare: SnapCompare, app: DoorbraakApp, tui_data: TuiData) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=then(open_case(tui_data.numbers[0]), edit))


def test_edit_form_with_an_inline_error(snap_compare: SnapCompare, app: DoorbraakApp, tui_data: TuiData) -> None:
    assert snap_compare(
        app, terminal_size=(120, 36), run_before=then(open_case(tui_data.numbers[0]), edit, bad_save)
    )
