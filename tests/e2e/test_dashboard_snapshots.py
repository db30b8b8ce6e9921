"""SVG snapshots of the dashboard on a copy of the demo database (80x24: a coordinator's laptop, a projector).

Update after an intended change of the look (or of sample.db): `.venv/bin/pytest
tests/e2e/test_dashboard_snapshots.py --snapshot-update`, then look at the SVGs in `__snapshots__/`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from storage.bootstrap import demo_copy
from tests.e2e.snapshot_support import SnapCompare, keys, then
from tests.tui.pilot_support import open_test_database
from tui.app import DoorbraakApp


async def without_start_notice(pilot: Pilot[Any]) -> None:
    """The oefenomgeving greets with "F2 start een rondleiding" for 20 s: not part of the dashboard's look."""
    pilot.app.clear_notifications()


@pytest.fixture
def demo_app(tmp_path: Path) -> Iterator[DoorbraakApp]:
    db = open_test_database(demo_copy(target_dir=tmp_path))
    yield DoorbraakApp(db.services)
    db.close()


def test_dashboard_caseload(snap_compare: SnapCompare, demo_app: DoorbraakApp) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=then(keys("g", "d"), without_start_notice))


def test_dashboard_rekensom(snap_compare: SnapCompare, demo_app: DoorbraakApp) -> None:
    steps = then(keys("g", "d"), keys("6"), without_start_notice)
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=steps)
