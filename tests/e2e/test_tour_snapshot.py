"""The rondleiding end to end: an SVG snapshot at 80×24 (its card docked over the plan editor, step Doorbraak,
above the footer, on the demo data), and its function keys in the browser (`doorbraak serve`, where a
trainer may demo: xterm.js must hand F2/F3/F4 to the app, not keep them).

Update after an intended change of the look: `.venv/bin/pytest tests/e2e/test_tour_snapshot.py --snapshot-update`,
then look at the SVG in `__snapshots__/` before committing it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from storage.bootstrap import Database, demo_copy, open_database
from storage.settings import Settings
from tests.builders import TickingClock
from tests.e2e.browser import Page, chromium_page
from tests.e2e.snapshot_support import SnapCompare, then
from tui.app import DoorbraakApp
from tui.tour import FEATURED_CASE, STEPS


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
    app = DoorbraakApp(demo_db.services)
    assert snap_compare(app, terminal_size=(80, 24), run_before=then(tour_at_doorbraak))


async def function_key(page: Page, number: int) -> None:
    key = {"key": f"F{number}", "code": f"F{number}", "windowsVirtualKeyCode": 111 + number}
    await page.call("Input.dispatchKeyEvent", type="rawKeyDown", **key)
    await page.call("Input.dispatchKeyEvent", type="keyUp", **key)


def test_tour_keys_work_in_the_browser(served: str) -> None:
    async def scenario() -> tuple[str, str]:
        async with chromium_page(served) as page:
            await page.wait_for_text("DB-2026-", timeout=40)
            await page.evaluate("window.__xterms[0].focus()")
            await function_key(page, 2)
            await page.wait_for_text(f"stap 1 van {len(STEPS)}", timeout=20)
            # The card may be read while the browser terminal is still drawing it: wait for its title too.
            first = await page.wait_for_text(STEPS[0].title, timeout=20)
            await function_key(page, 3)
            await page.wait_for_text(f"stap 2 van {len(STEPS)}", timeout=20)
            await page.wait_for_text(STEPS[1].title, timeout=20)
            second = await page.wait_for_text(f"Casus {FEATURED_CASE}", timeout=20)
            await function_key(page, 4)
            await page.wait_for_text(f"stap 1 van {len(STEPS)}", timeout=20)
            return first, second

    first, second = asyncio.run(asyncio.wait_for(scenario(), timeout=120))
    assert STEPS[0].title in first
    assert STEPS[1].title in second and f"Casus {FEATURED_CASE}" in second  # on the household, in the browser
