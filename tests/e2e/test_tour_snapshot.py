"""SVG snapshot of the rondleiding at 80×24: its card docked over the plan editor (step Doorbraak), above the
footer, on the demo data (Huishouden Çelik).

Update after an intended change of the look: `.venv/bin/pytest tests/e2e/test_tour_snapshot.py --snapshot-update`,
then look at the SVG in `__snapshots__/` before committing it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from storage.bootstrap import Database, demo_copy, open_database
from storage.settings import Settings
from tests.conftest import TickingClock
from tests.e2e.test_snapshots import SnapCompare, then
from tui.app import DoorbraakApp
from tui.tour import STEPS


@pytest.fixture
def demo_db(tmp_path: Path) -> Iterator[Database]:
    copy = demo_copy(target_dir=tmp_path / "demo")
    db = open_database(Settings(database_url=f"sqlite:///{copy}", demo=True), clock=TickingClock())
    yield db
    db.close()


async def tour_at_doorbraak(pilot: Pilot[Any]) -> None:
    await pilot.press("f2")
    index = next(i for i, step in enumerate(STEPS) if step.title == "Doorbraak")
    await pilot.app.tour.go(index)  # type: ignore[attr-defined]


def test_tour_card_over_the_plan_editor(snap_compare: SnapCompare, demo_db: Database) -> None:
    app = DoorbraakApp(demo_db)
    assert snap_compare(app, terminal_size=(80, 24), run_before=then(tour_at_doorbraak))
