"""Random keys with slowed workers (benchmarks/keyboard_fuzz.py): the app stays up, with no failure at all
(none caught by the error boundary, no background worker failed), and every section opens afterwards. The long
run: benchmarks/keyboard_soak.py."""

from __future__ import annotations

import pytest

from benchmarks.keyboard_fuzz import START_POINTS, fuzz, reachable_everywhere
from tests.tui.pilot_support import TuiData, settle
from tui import errors
from tui.app import DoorbraakApp

KEYS_PER_START = 12
"""Keys per section and editor step in CI (it was 30: 52 s, the second-longest test of the suite). Every start
point still gets its own seeded keys; the long run, thousands of keys per seed, is benchmarks/keyboard_soak.py."""


def logged() -> str:
    """The failures the error boundary caught (types and frames, no values), for the assertion message."""
    path = errors.log_path()
    if not path.exists():
        return ""
    return "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if "site-packages" not in line)


async def test_random_keys_never_end_the_app(app: DoorbraakApp, tui_data: TuiData) -> None:
    """Every section and plan-editor step gets its own seeded keys, in one app."""
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.expect_errors = True  # reported below with the log, not by Textual's harness
        for number, start in enumerate(START_POINTS):
            result = await fuzz(pilot, seed=1400 + number, keys=KEYS_PER_START, start=start)
            if not result.running or result.errors or result.worker_errors:
                pytest.fail(f"{start}: {result}\n{logged()}", pytrace=False)
        await settle(pilot)
        assert await reachable_everywhere(pilot) == []
        assert app.is_running and app.unexpected_errors == 0 and app.worker_errors == 0
