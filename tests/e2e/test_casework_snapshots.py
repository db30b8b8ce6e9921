"""SVG snapshots of the casework screens (werklijst, overbrugging, escalatie, knelpuntenrapport) on test data.

Update after an intended change of the look: `.venv/bin/pytest tests/e2e/test_casework_snapshots.py
--snapshot-update`, then look at the SVGs in `__snapshots__/` before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.pilot import Pilot

from tests.e2e.snapshot_support import SnapCompare, keys, then
from tests.tui.casework_support import Casework, casework, casework_app
from tui.app import DoorbraakApp
from tui.screens.escalation_detail import EscalationDetailScreen
from tui.screens.overbrugging_detail import OverbruggingDetailScreen

__all__ = ["casework", "casework_app"]  # fixtures


def push(make: Callable[[], Any]) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def step(pilot: Pilot[Any]) -> None:
        pilot.app.push_screen(make())

    return step


def test_worklist(snap_compare: SnapCompare, casework_app: DoorbraakApp) -> None:
    assert snap_compare(casework_app, terminal_size=(80, 24), run_before=then(keys("g", "w")))


def test_overbrugging_past_its_deadline(snap_compare: SnapCompare, casework_app: DoorbraakApp,
                                       casework: Casework) -> None:
    screen = push(lambda: OverbruggingDetailScreen(casework.db.services, casework.data.late_overbrugging))
    assert snap_compare(casework_app, terminal_size=(80, 24), run_before=then(screen))


def test_escalation_waiting(snap_compare: SnapCompare, casework_app: DoorbraakApp, casework: Casework) -> None:
    screen = push(lambda: EscalationDetailScreen(casework.db.services, casework.data.waiting_escalation))
    assert snap_compare(casework_app, terminal_size=(120, 36), run_before=then(screen))


def test_knelpunten_report(snap_compare: SnapCompare, casework_app: DoorbraakApp) -> None:
    assert snap_compare(casework_app, terminal_size=(120, 36), run_before=then(keys("g", "k"), keys("r")))
