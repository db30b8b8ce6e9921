"""A LET user, after login, sees no name or BSN on any screen reachable from the start."""

from __future__ import annotations

from pathlib import Path

from tests.tui.data import HOUSEHOLDS, jansen_draft
from tests.tui.data_trust import PASSWORD, build_shared, open_shared
from tests.tui.pilot_support import notifications, screen_text, settle
from tui.app import DoorbraakApp
from tui.navigation import GoToDialog, sections_for
from tui.screens.case_list import CaseListScreen
from tui.screens.household_detail import HouseholdDetailScreen
from tui.screens.start import StartScreen

NAMES = [name for name, *_ in HOUSEHOLDS] + [m["name"] for m in jansen_draft()["members"]] + ["Dorpsstraat"]
BSN_PARTS = ["999993653", "******653"]


def assert_nothing_identifying(text: str, where: str) -> None:
    for needle in [*NAMES, *BSN_PARTS]:
        assert needle not in text, f"{needle!r} visible on {where}"


async def test_let_sees_no_name_or_bsn_anywhere(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    numbers = build_shared(path)
    db = open_shared(path)
    db.login("letlid", PASSWORD)
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        text = screen_text(app)
        assert "gepseudonimiseerde" in text and "Lotte LET (LET)" in text
        assert_nothing_identifying(text, "start")
        await pilot.press("f1")
        await pilot.pause()
        assert_nothing_identifying(screen_text(app), "help")
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert_nothing_identifying(screen_text(app), "command palette")
        await pilot.press("escape")
        await pilot.pause()
        for each in sections_for(db.actor):  # every section the LET can reach with g
            await pilot.press("g")
            await pilot.pause()
            assert isinstance(app.screen, GoToDialog)
            assert_nothing_identifying(screen_text(app), "Ga naar")
            await pilot.press(each.key)
            await settle(pilot)
            assert_nothing_identifying(screen_text(app), each.label)
            assert_nothing_identifying("\n".join(notifications(app)), f"notifications after {each.label}")
        # Even a screen that is not reachable gets nothing from the services, only a Dutch refusal.
        app.push_screen(HouseholdDetailScreen(db.services, numbers[0]))
        await settle(pilot)
        assert_nothing_identifying(screen_text(app), "household detail")
        assert any("Geen toegang" in n for n in notifications(app))
        app.push_screen(CaseListScreen(db.services))
        await settle(pilot)
        assert_nothing_identifying(screen_text(app), "case list")
        assert any("casussen bekijken" in n for n in notifications(app))
    db.close()
