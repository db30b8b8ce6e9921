"""Fixtures for the casework Pilot tests and snapshots: the base households plus casework data (data_casework)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, Select, TextArea

from storage.bootstrap import Database
from tests.tui.data_casework import CaseworkData, build_casework
from tests.tui.pilot_support import open_test_database, settle
from tui.app import DoorbraakApp
from tui.widgets.check_list import CheckList, TickBox


@dataclass
class Casework:
    db: Database
    data: CaseworkData


@pytest.fixture
def casework(tmp_path: Path) -> Iterator[Casework]:
    db = open_test_database(tmp_path / "casework.db")
    data = build_casework(db)
    yield Casework(db, data)
    db.close()


@pytest.fixture
def casework_app(casework: Casework) -> DoorbraakApp:
    return DoorbraakApp(casework.db.services)


def set_value(control: Widget, value: object) -> None:
    """Put a value in a form control as a person would end up with it."""
    if isinstance(control, Input):
        control.value = str(value)
    elif isinstance(control, TextArea):
        control.text = str(value)
    elif isinstance(control, TickBox):
        control.value = bool(value)
    elif isinstance(control, CheckList):
        control.deselect_all()
        for item in value:  # type: ignore[attr-defined]
            control.select(item)
    elif isinstance(control, Select):
        control.value = value
    else:
        raise TypeError(type(control).__name__)


async def go_to(pilot: Pilot[object], letter: str) -> None:
    await settle(pilot)
    await pilot.press("g")
    await pilot.pause()
    await pilot.press(letter)
    await settle(pilot)
