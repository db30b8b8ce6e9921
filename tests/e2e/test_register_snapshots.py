"""SVG snapshots of the Maatwerkregister screen and the "wie bel ik?" picker (80×24 and 120×36).

Update after an intended change of the look: `.venv/bin/pytest tests/e2e/test_register_snapshots.py
--snapshot-update`, then look at the SVGs in `__snapshots__/test_register_snapshots/` before committing.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from tests.e2e.snapshot_support import SIZES, SnapCompare, then
from tests.tui.data_register import build_register
from tests.tui.pilot_support import TuiData, type_text
from tui.app import DoorbraakApp
from tui.screens.contact_picker import ContactPickerDialog
from tui.widgets.contact_table import ContactTable


@pytest.fixture
def register_app(app: DoorbraakApp, tui_data: TuiData) -> DoorbraakApp:
    build_register(tui_data.db)
    return app


async def go_to_register(pilot: Pilot[Any]) -> None:
    await pilot.press("g", "r")


async def search_uwv(pilot: Pilot[Any]) -> None:
    await pilot.press("slash")
    await type_text(pilot, "uwv")
    await pilot.press("enter")


async def second_row(pilot: Pilot[Any]) -> None:
    pilot.app.screen.query_one(ContactTable).move_cursor(row=1)


@pytest.mark.parametrize("size", SIZES)
def test_register(snap_compare: SnapCompare, register_app: DoorbraakApp, size: tuple[int, int]) -> None:
    assert snap_compare(register_app, terminal_size=size, run_before=then(go_to_register, search_uwv, second_row))


def test_register_unverified_contact(snap_compare: SnapCompare, register_app: DoorbraakApp) -> None:
    async def toeslagen(pilot: Pilot[Any]) -> None:
        await pilot.press("slash")
        await type_text(pilot, "toeslagen")
        await pilot.press("enter")

    assert snap_compare(register_app, terminal_size=(80, 24), run_before=then(go_to_register, toeslagen))


def test_contact_picker(snap_compare: SnapCompare, register_app: DoorbraakApp, tui_data: TuiData) -> None:
    async def open_picker(pilot: Pilot[Any]) -> None:
        pilot.app.push_screen(ContactPickerDialog(tui_data.db.services, "UWV", "GM0363"))

    assert snap_compare(register_app, terminal_size=(80, 24), run_before=then(go_to_register, open_picker))
