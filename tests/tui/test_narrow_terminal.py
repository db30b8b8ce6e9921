"""80×24 without cut-offs (issue 14): every key the footer shows is there whole, and headers keep the case number."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tests.tui.data_casework import build_casework
from tests.tui.pilot_support import TuiData, open_test_database, screen_text, settle
from tui.app import DoorbraakApp
from tui.widgets.quiet_footer import QuietFooter


def shown_keys(app: DoorbraakApp) -> list[str]:
    """The key of every binding the screen shows (the command palette's Ctrl+P may be left out at 80 columns)."""
    first_per_action: dict[str, str] = {}  # the footer shows one key per action (f and Ctrl+F: f)
    for _, binding, _, _ in app.screen.active_bindings.values():
        if binding.show:
            first_per_action.setdefault(binding.action, app.get_key_display(binding))
    return list(first_per_action.values())


def assert_footer_whole(app: DoorbraakApp) -> None:
    footer = app.screen.query_one(Footer)
    assert isinstance(footer, QuietFooter)
    last = screen_text(app).splitlines()[-1]
    assert "…" not in last, last
    shown = {key.key_display for key in footer.query(FooterKey)}
    for key in shown_keys(app):
        assert key in shown, (key, last)
        assert f"{key} " in last + " ", (key, last)
    right = max(key.region.right for key in footer.query(FooterKey))
    assert right <= app.size.width


async def test_the_main_screens_keep_every_footer_key_and_the_case_number_at_80x24(tui_data: TuiData) -> None:
    app = DoorbraakApp(tui_data.db.services)
    number = tui_data.numbers[0]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert_footer_whole(app)  # the case list
        from tui.screens.household_detail import HouseholdDetailScreen

        app.push_screen(HouseholdDetailScreen(app.services, number))
        await settle(pilot)
        assert number in screen_text(app).splitlines()[0]
        assert_footer_whole(app)
        await pilot.press("p")  # the maatwerkplan
        await settle(pilot)
        assert number in screen_text(app).splitlines()[0]
        assert_footer_whole(app)
        await pilot.press("g", "d")  # the dashboard: many keys
        await settle(pilot)
        assert_footer_whole(app)


async def test_a_wide_terminal_keeps_the_full_descriptions(tui_data: TuiData) -> None:
    app = DoorbraakApp(tui_data.db.services)
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        last = screen_text(app).splitlines()[-1]
        assert "Ga naar" in last and "Opdrachten" in last


async def test_the_escalation_and_overbrugging_headers_keep_the_case_number_at_80x24(tmp_path: Path) -> None:
    """In the oefenomgeving the header also carries the OEFENOMGEVING marker: the tightest header there is."""
    from tui.screens.escalation_detail import EscalationDetailScreen
    from tui.screens.overbrugging_detail import OverbruggingDetailScreen

    db = open_test_database(tmp_path / "demo.db", demo=True)
    data = build_casework(db)
    services = db.services
    app = DoorbraakApp(services)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            for screen, number in (
                    (EscalationDetailScreen(services, data.waiting_escalation),
                     services.escalations.get(data.waiting_escalation).case_number),
                    (OverbruggingDetailScreen(services, data.late_overbrugging),
                     services.overbruggingen.get(data.late_overbrugging).case_number)):
                app.push_screen(screen)
                await settle(pilot)
                header = screen_text(app).splitlines()[0]
                assert "OEFENOMGEVING" in header and number in header, header
                assert_footer_whole(app)
                await pilot.press("escape")
                await settle(pilot)
    finally:
        db.close()
