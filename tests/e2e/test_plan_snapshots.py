"""SVG snapshots of the maatwerkplan screens at fixed sizes: the plan overview and the rekensom step.

Update after an intended change of the look: `.venv/bin/pytest tests/e2e/test_plan_snapshots.py --snapshot-update`,
then look at the SVGs in `__snapshots__/` before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.e2e.snapshot_support import SIZES, SnapCompare, then
from tests.tui.data_plan import PlanData, open_plan_database
from tui.app import DoorbraakApp
from tui.widgets.rekensom_chart import RekensomChart


@pytest.fixture
def plan_data(tmp_path: Path) -> Iterator[PlanData]:
    data = open_plan_database(tmp_path / "plan.db")
    yield data
    data.db.close()


def plan_overview(case_number: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def step(pilot: Pilot[Any]) -> None:
        pilot.app.screen.open_case(case_number)  # type: ignore[attr-defined]
        await pilot.pause()
        from tests.tui.pilot_support import settle

        await settle(pilot)
        await pilot.press("p")

    return step


def press(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def step(pilot: Pilot[Any]) -> None:
        await pilot.press(*keys)

    return step


async def focus_chart(pilot: Pilot[Any]) -> None:
    pilot.app.screen.query_one(RekensomChart).focus()


@pytest.mark.parametrize("size", SIZES)
def test_plan_overview(snap_compare: SnapCompare, plan_data: PlanData, size: tuple[int, int]) -> None:
    app = DoorbraakApp(plan_data.db.services)
    assert snap_compare(app, terminal_size=size, run_before=then(plan_overview(plan_data.partial)))


def test_plan_overview_of_a_decided_plan(snap_compare: SnapCompare, plan_data: PlanData) -> None:
    app = DoorbraakApp(plan_data.db.services)
    assert snap_compare(app, terminal_size=(120, 36), run_before=then(plan_overview(plan_data.decided)))


@pytest.mark.parametrize("size", SIZES)
def test_rekensom(snap_compare: SnapCompare, plan_data: PlanData, size: tuple[int, int]) -> None:
    app = DoorbraakApp(plan_data.db.services)
    assert snap_compare(app, terminal_size=size,
                        run_before=then(plan_overview(plan_data.concept), press("e"), press("alt+r")))


def test_rekensom_chart_in_80x24(snap_compare: SnapCompare, plan_data: PlanData) -> None:
    app = DoorbraakApp(plan_data.db.services)
    assert snap_compare(app, terminal_size=(80, 24),
                        run_before=then(plan_overview(plan_data.concept), press("e"), press("alt+r"), focus_chart))
