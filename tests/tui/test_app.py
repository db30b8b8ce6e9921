"""Pilot tests of what the app shares: help, command palette, keymap, demo marker, error handling."""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.errors import NotFound
from domain.services.households import HouseholdService
from tests.tui.data import build
from tests.tui.pilot_support import TuiData, notifications, open_test_database, screen_text, settle, type_text
from tui.app import DoorbraakApp
from tui.screens.case_list import CaseListScreen
from tui.screens.help import HelpScreen
from tui.screens.household_detail import HouseholdDetailScreen
from tui.screens.household_form import HouseholdFormScreen


async def test_help_lists_the_keys_of_the_current_screen(app: DoorbraakApp, tui_data: TuiData) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for expected in ("Help · Casussen", "Enter", "Openen", "/ / Ctrl+F", "Zoeken", "Nieuw", "Sorteren",
                         "Omkeren", "F5 / Ctrl+R", "Ctrl+Q", "Afsluiten"):
            assert expected in text, expected
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CaseListScreen)
        # In a form `?` is a character; F1 opens the help of the form.
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("question_mark")
        form = app.screen
        assert isinstance(form, HouseholdFormScreen)
        assert form._fields["name"].value == "?"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for expected in ("Help · Nieuw huishouden", "Ctrl+S", "Opslaan", "Ctrl+L", "Lid toevoegen", "Ctrl+N"):
            assert expected in text, expected


async def test_every_screen_action_is_in_the_command_palette(app: DoorbraakApp, tui_data: TuiData) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        names = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Openen", "Zoeken", "Nieuw", "Status", "Sorteren", "Omkeren", "Vernieuwen", "Help", "Afsluiten",
                "Thema wijzigen"} <= names
        # Run one through the palette, as a person would.
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "nieuw")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HouseholdFormScreen)
        names = {command.title for command in app.get_system_commands(app.screen)}
        expected = {"Opslaan", "Terug", "Toevoegen", "Lid toevoegen", "Probleem toevoegen", "Organisatie toevoegen"}
        assert expected <= names


async def test_user_keymap_rebinds_keys(tmp_path: Path) -> None:
    db = open_test_database(tmp_path / "keys.db", keymap={"case_list.new": "ctrl+t", "detail.edit": "b"})
    try:
        build(db)
        app = DoorbraakApp(db.services)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("n")  # no longer bound
            await pilot.pause()
            assert isinstance(app.screen, CaseListScreen)
            await pilot.press("ctrl+t")
            await pilot.pause()
            assert isinstance(app.screen, HouseholdFormScreen)
            await pilot.press("escape")
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, HouseholdDetailScreen)
            await pilot.press("b")
            await settle(pilot)
            assert isinstance(app.screen, HouseholdFormScreen)
    finally:
        db.close()


@pytest.mark.parametrize("demo", [True, False])
async def test_demo_database_is_marked_in_the_header(tmp_path: Path, demo: bool) -> None:
    db = open_test_database(tmp_path / "demo.db", demo=demo)
    try:
        app = DoorbraakApp(db.services)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            header = screen_text(app).splitlines()[0]
            assert "doorbraak" in header and "Casussen" in header
            assert ("OEFENOMGEVING" in header) is demo
            # An empty database tells the user what to do.
            assert "Nog geen casussen. Druk op n" in screen_text(app)
    finally:
        db.close()


async def test_an_unexpected_failure_gives_a_dutch_message_not_a_traceback(
    app: DoorbraakApp, tui_data: TuiData, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("database exploded with parameters ('999993653',)")

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(HouseholdService, "list", broken)
        await pilot.press("f5")
        await settle(pilot)
        assert app.is_running
        messages = notifications(app)
        assert any(m.startswith("Er ging iets mis: Er ging iets mis bij het werken met de gegevens") for m in messages)
        text = screen_text(app)
        assert "Traceback" not in text and "RuntimeError" not in text and "999993653" not in text


async def test_a_domain_error_shows_its_dutch_message(app: DoorbraakApp, tui_data: TuiData) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.open_case("DB-2026-999999")  # type: ignore[attr-defined]
        await settle(pilot)
        assert f"{NotFound.title}: Casus DB-2026-999999 bestaat niet." in notifications(app)
        assert "Deze casus kon niet worden geladen" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CaseListScreen)


async def test_quitting_with_unsaved_changes_asks_first(app: DoorbraakApp, tui_data: TuiData) -> None:
    from tui.screens.confirm_dialog import ConfirmDialog

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Familie")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdFormScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert not app.is_running


def test_stylesheet_uses_theme_variables_not_literal_colours() -> None:
    import re

    import tui.app as app_module

    css = (Path(app_module.__file__).parent / "app.tcss").read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    values = re.findall(r":\s*([^;{}]+);", css)
    named = {"red", "green", "blue", "white", "black", "yellow", "grey", "gray", "orange", "purple", "cyan", "magenta"}
    for value in values:
        assert not re.search(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(|ansi_", value), value
        assert not set(re.findall(r"[a-z_]+", value.lower())) & named, value
    assert "$primary" in css and "$error" in css


async def test_the_doorbraak_theme_is_active(app: DoorbraakApp, tui_data: TuiData) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "doorbraak"
        await pilot.press("ctrl+c")  # not a quit key: a Dutch hint instead
        await pilot.pause()
        assert "Wilt u afsluiten?: Afsluiten doet u met Ctrl+Q." in notifications(app)


async def test_go_to_opens_a_section_and_keeps_the_others_as_they_were(app: DoorbraakApp, tui_data: TuiData) -> None:
    from tui.navigation import SECTIONS, GoToDialog

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # open the first household
        await settle(pilot)
        assert isinstance(app.screen, HouseholdDetailScreen)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GoToDialog)
        text = screen_text(app)
        for each in SECTIONS:
            assert each.label in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdDetailScreen)
        for each in SECTIONS[1:]:
            await pilot.press("g", each.key)
            await settle(pilot)
            assert app.current_mode == each.mode
        await pilot.press("g", "c")
        await settle(pilot)
        # The case section was left on the household; it is still there.
        assert isinstance(app.screen, HouseholdDetailScreen)
        # `g` + the section one is in: back to its start.
        await pilot.press("g", "c")
        await settle(pilot)
        assert isinstance(app.screen, CaseListScreen)


async def test_a_fast_go_to_chord_is_not_lost_and_g_still_types_in_a_text_field(
    app: DoorbraakApp, tui_data: TuiData
) -> None:
    from textual import events

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # Both keys in one read of the terminal, as tmux or a fast typist delivers them.
        app.post_message(events.Key("g", "g"))
        app.post_message(events.Key("w", "w"))
        await settle(pilot)
        assert app.current_mode == "werklijst"
        await pilot.press("g", "c")
        await settle(pilot)
        assert app.current_mode == "casussen"
        await pilot.press("slash")
        await type_text(pilot, "gg")
        await settle(pilot)
        assert app.screen.query_one("#case-filter").value == "gg"
        assert isinstance(app.screen, CaseListScreen)
