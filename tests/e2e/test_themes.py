"""SVG snapshots of the case list in the light and the high-contrast theme (80×24, the projector size)."""

from __future__ import annotations

import pytest

from tests.e2e.snapshot_support import SnapCompare, then
from tests.tui.pilot_support import TuiData
from tui.app import DoorbraakApp


@pytest.mark.parametrize("theme", ["doorbraak-licht", "doorbraak-contrast"])
def test_case_list_in_theme(snap_compare: SnapCompare, tui_data: TuiData, theme: str) -> None:
    tui_data.db.settings = tui_data.db.settings.model_copy(update={"theme": theme})
    app = DoorbraakApp(tui_data.db.services)
    assert app.theme == theme
    assert snap_compare(app, terminal_size=(80, 24), run_before=then())
