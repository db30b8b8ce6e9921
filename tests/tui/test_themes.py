"""Themes: the setting picks one at start, "Thema wijzigen" switches and remembers it in config.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from storage.settings import Settings, config_file, save_setting
from tests.tui.pilot_support import TuiData, settle
from tui.app import DoorbraakApp
from tui.themes import THEMES


def test_save_setting_keeps_the_rest_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('# mijn instellingen\ndatabase_url = "sqlite:///x.db"\n\n[keymap]\n"case_list.filter" = "ctrl+f"\n',
                    encoding="utf-8")
    save_setting("theme", "doorbraak-licht", path)
    save_setting("theme", "doorbraak-contrast", path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# mijn instellingen\n") and text.count("theme =") == 1
    data = tomllib.loads(text)
    assert data == {"database_url": "sqlite:///x.db", "theme": "doorbraak-contrast",
                    "keymap": {"case_list.filter": "ctrl+f"}}
    save_setting("theme", 'a "quoted" naam', tmp_path / "new" / "config.toml")
    assert tomllib.loads((tmp_path / "new" / "config.toml").read_text())["theme"] == 'a "quoted" naam'
    with pytest.raises(ValueError):
        save_setting("theme = 1\nx", "y", path)


def test_the_themes_differ_and_are_light_and_dark() -> None:
    names = [t.name for t in THEMES]
    assert names == ["doorbraak", "doorbraak-licht", "doorbraak-contrast"]
    assert [t.dark for t in THEMES] == [True, False, True]


async def test_setting_picks_the_theme_and_a_change_is_remembered(tui_data: TuiData) -> None:
    tui_data.db.settings = tui_data.db.settings.model_copy(update={"theme": "doorbraak-contrast"})
    app = DoorbraakApp(tui_data.db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "doorbraak-contrast"
        app.theme = "doorbraak-licht"  # what choosing it in "Thema wijzigen" does
        await settle(pilot)
    assert tomllib.loads(config_file().read_text(encoding="utf-8"))["theme"] == "doorbraak-licht"
    assert Settings().theme == "doorbraak-licht"


async def test_an_unknown_theme_falls_back_to_the_default(tui_data: TuiData) -> None:
    tui_data.db.settings = tui_data.db.settings.model_copy(update={"theme": "bestaat-niet"})
    app = DoorbraakApp(tui_data.db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "doorbraak"


async def test_the_theme_picker_offers_only_doorbraaks_themes_in_dutch(tui_data: TuiData) -> None:
    """Issue 14: the picker listed Textual's own themes ("nord", "gruvbox", "textual-light", …)."""
    from textual.command import CommandList

    app = DoorbraakApp(tui_data.db.services)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.search_themes()
        await settle(pilot)
        for _ in range(20):  # the palette fills its list in a worker
            options = app.screen.query_one(CommandList).option_count
            if options >= 3:
                break
            await pilot.pause(0.05)
        commands = app.screen.query_one(CommandList)
        labels = [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]
        assert [label.splitlines()[0] for label in labels] == [
            "Donker (standaard)", "Licht", "Hoog contrast (beamer, slechtziend)"]
        await pilot.press(*"licht", "enter")
        await settle(pilot)
        assert app.theme == "doorbraak-licht"
