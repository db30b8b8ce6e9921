"""Pilot tests of the case list: first page, filter as you type, status filter, sorting, paging."""

from __future__ import annotations

import pytest

from domain.caselist import CaseSort
from domain.household import HouseholdStatus
from domain.services.households import HouseholdService, create_household, parse_draft
from tests.tui.data import TODAY
from tests.tui.pilot_support import TuiData, open_test_database, screen_text, settle, type_text
from tui.app import DoorbraakApp
from tui.screens import case_list
from tui.screens.case_list import CaseListScreen
from tui.widgets.case_table import CaseTable


def listed(app: DoorbraakApp) -> list[str]:
    return [row.case_number for row in app.screen.query_one(CaseTable).case_rows]


def status_line(app: DoorbraakApp) -> str:
    return str(app.screen.query_one("#case-list-status").render())


async def test_first_page_newest_first_with_position_and_total(app: DoorbraakApp, tui_data: TuiData) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, CaseListScreen)
        # The last case created and moved through three statuses was changed last.
        assert listed(app)[0] == tui_data.numbers[-1]
        assert sorted(listed(app)) == sorted(tui_data.numbers)
        assert status_line(app).startswith("1 van 8 · sortering: laatste wijziging (aflopend)")
        await pilot.press("down", "down")
        assert status_line(app).startswith("3 van 8")
        table = app.screen.query_one(CaseTable)
        assert table.has_focus


async def test_user_text_is_not_read_as_markup(app: DoorbraakApp, tui_data: TuiData) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(CaseTable)
        cells = table.get_row(tui_data.numbers[3])
        assert cells[1].plain.strip() == "Familie de Boer [oud]"
        assert "Familie de Boer [oud]" in screen_text(app)


async def test_filter_as_you_type_ignores_case_and_accents(app: DoorbraakApp, tui_data: TuiData) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "OZDEM")
        await settle(pilot)
        assert listed(app) == [tui_data.numbers[1]]
        assert status_line(app).startswith("1 van 1 gevonden")
        # Every word must match: gemeente and professional together.
        await pilot.press(*["backspace"] * 5)
        await type_text(pilot, "amsterdam chantal")
        await settle(pilot)
        assert listed(app) == [tui_data.numbers[5]]
        # A postcode without its space finds the household at that address.
        await pilot.press("ctrl+u")
        await type_text(pilot, "1234ab")
        await settle(pilot)
        assert listed(app) == [tui_data.numbers[0]]
        # Nothing found says so, and Escape (back in the list, then again) clears the filter.
        await type_text(pilot, "xyz")
        await settle(pilot)
        assert listed(app) == []
        assert "Geen casussen gevonden" in status_line(app)
        await pilot.press("escape")
        assert app.screen.query_one(CaseTable).has_focus
        await pilot.press("escape")
        await settle(pilot)
        assert len(listed(app)) == 8


async def test_fast_typing_shows_only_the_last_filter(
    app: DoorbraakApp, tui_data: TuiData, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = HouseholdService.list

    def counting(self, query):  # type: ignore[no-untyped-def]
        calls.append(query.text)
        return real(self, query)

    monkeypatch.setattr(HouseholdService, "list", counting)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        calls.clear()
        await pilot.press("slash")
        await type_text(pilot, "jansen")
        await settle(pilot)
        assert listed(app) == [tui_data.numbers[0]]
        # Debounced: the keystrokes came faster than the pause, so not one query per letter.
        assert calls[-1] == "jansen"
        assert len(calls) < 6


async def test_status_filter(app: DoorbraakApp, tui_data: TuiData) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f")  # opens the status menu
        await pilot.pause()
        # The menu lists "Alle statussen" first, then the statuses in lifecycle order.
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert app.screen.status_filter is HouseholdStatus.IN_BEHANDELING  # type: ignore[attr-defined]
        assert sorted(listed(app)) == sorted([tui_data.numbers[0], tui_data.numbers[5]])
        assert status_line(app).startswith("1 van 2 gevonden")


async def test_sort_with_keys_and_by_clicking_a_header(app: DoorbraakApp, tui_data: TuiData) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("s")  # next column after "laatste wijziging": casusnummer, ascending
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CaseListScreen)
        assert screen.sort is CaseSort.CASE_NUMBER
        assert listed(app) == tui_data.numbers
        await pilot.press("r")
        await settle(pilot)
        assert listed(app) == list(reversed(tui_data.numbers))
        assert "casusnummer (aflopend)" in status_line(app)
        # Click the "Huishouden" header: sort by name, A→Z, accents ignored.
        table = screen.query_one(CaseTable)
        name_x = table.ordered_columns[0].get_render_width(table) + 2
        await pilot.click(CaseTable, offset=(name_x, 0))
        await settle(pilot)
        assert screen.sort is CaseSort.NAME
        names = [row.name for row in table.case_rows]
        assert names[:3] == ["Familie de Boer [oud]", "Familie Jansen", "Familie Özdemir"]
        assert table.ordered_columns[1].label.plain.startswith("▲Huishouden")
        await pilot.click(CaseTable, offset=(name_x, 0))  # again: Z→A
        await settle(pilot)
        assert [row.name for row in table.case_rows][0] == "Huishouden Pietersen"


async def test_pages_are_loaded_as_the_cursor_reaches_the_end(
    tmp_path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(case_list, "PAGE_SIZE", 20)
    db = open_test_database(tmp_path / "many.db")
    try:
        for number in range(47):
            create_household(
                parse_draft({"name": f"Huishouden {number:02d}", "municipality_code": "GM0363"}), db.uow(), db.actor,
                             today=TODAY)
        app = DoorbraakApp(db.services)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            table = app.screen.query_one(CaseTable)
            assert table.row_count == 20  # one page, not the whole table
            assert "20 geladen" in status_line(app) and "van 47" in status_line(app)
            await pilot.press("ctrl+end")  # last loaded row: the next page comes
            await settle(pilot)
            assert table.row_count == 40
            for _ in range(4):
                await pilot.press("pagedown")
                await settle(pilot)
            assert table.row_count == 47
            assert "geladen" not in status_line(app)
            assert len({row.case_number for row in table.case_rows}) == 47
            # A new filter starts again at the first page.
            await pilot.press("slash")
            await type_text(pilot, "huishouden 1")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, CaseListScreen)
            assert 10 <= screen.total < 47
            assert table.row_count == min(20, screen.total)
            assert table.cursor_row == 0
    finally:
        db.close()


async def test_enter_opens_the_household(app: DoorbraakApp, tui_data: TuiData) -> None:
    from tui.screens.household_detail import HouseholdDetailScreen

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+end", "enter")  # the oldest change: Familie Jansen
        await settle(pilot)
        assert isinstance(app.screen, HouseholdDetailScreen)
        assert app.screen.case_number == listed_first_after_back(tui_data)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CaseListScreen)
        # The cursor stays where the user left it.
        assert app.screen.query_one(CaseTable).current_case == app.screen.query_one(CaseTable).case_rows[-1].case_number


def listed_first_after_back(tui_data: TuiData) -> str:
    # Familie Jansen was created first and changed once, before all the others.
    return tui_data.numbers[0]


async def test_back_from_a_case_deep_in_the_list_keeps_the_place(
    tmp_path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    from tui.screens.household_detail import HouseholdDetailScreen

    monkeypatch.setattr(case_list, "PAGE_SIZE", 10)
    db = open_test_database(tmp_path / "deep.db")
    try:
        for number in range(25):
            create_household(parse_draft({"name": f"Huishouden {number:02d}", "municipality_code": "GM0363"}),
                             db.uow(), db.actor, today=TODAY)
        app = DoorbraakApp(db.services)
        async with app.run_test(size=(100, 14)) as pilot:
            await settle(pilot)
            table = app.screen.query_one(CaseTable)
            for _ in range(17):
                await pilot.press("down")
            await settle(pilot)
            assert table.cursor_row == 17 and table.row_count >= 20
            chosen = table.current_case
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, HouseholdDetailScreen)
            await pilot.press("escape")
            await settle(pilot)
            assert app.screen.query_one(CaseTable).current_case == chosen
    finally:
        db.close()


async def test_a_broad_search_shows_a_lower_bound_and_keeps_paging(
    app: DoorbraakApp, tui_data: TuiData, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storage.households

    monkeypatch.setattr(storage.households, "COUNT_CAP", 2)
    monkeypatch.setattr(case_list, "PAGE_SIZE", 3)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "familie")  # six of the eight households
        await settle(pilot)
        assert status_line(app).startswith("1 van 3+ gevonden · 3 geladen")
        screen = app.screen
        assert isinstance(screen, CaseListScreen)
        while screen._has_more:
            screen.load_next_page()
            await settle(pilot)
        assert len(listed(app)) == 6
        assert status_line(app).startswith("1 van 6 gevonden")  # all loaded: now the count is exact
