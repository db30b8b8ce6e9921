"""De rondleiding (F2 in the oefenomgeving): every step lands on its screen with its card, forward and back,
from wherever the user wandered off to; only in the demo; and it never changes the data."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from storage.bootstrap import Database, demo_copy, open_database
from storage.settings import Settings
from tests.tui.pilot_support import TuiData, notifications, screen_text, settle, type_text
from tui.app import DoorbraakApp
from tui.screens.help import HelpScreen
from tui.tour import FEATURED_CASE, FEATURED_NAME, STEPS, AtCase, InSection, TourGuide, TourStep
from tui.widgets.tour_card import OFF_ROUTE, TourCard

UNTRACKED = ("audit_", "household_fts", "register_fts", "sqlite_")
"""Opening a screen records who viewed what (audit), which is expected; everything else must stay as it was."""


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[Database, Path]]:
    copy = demo_copy(target_dir=tmp_path / "demo")
    db = open_database(Settings(database_url=f"sqlite:///{copy}"))
    yield db, copy
    db.close()


def contents_digest(path: Path) -> tuple[str, int]:
    """A checksum over every row of every table except the audit trail (and the number of tables)."""
    digest = hashlib.sha256()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                                       "ORDER BY name")]
        tables = [t for t in tables if not t.startswith(UNTRACKED)]
        for table in tables:
            digest.update(table.encode())
            for row in connection.execute(f'SELECT * FROM "{table}" ORDER BY 1'):  # noqa: S608 - names from the schema
                digest.update(repr(row).encode())
    return digest.hexdigest(), len(tables)


def card(app: DoorbraakApp) -> TourCard:
    cards = [c for c in app.screen.query(TourCard) if c.display]
    assert len(cards) == 1, f"expected one card on {type(app.screen).__name__}"
    return cards[0]


def assert_at(app: DoorbraakApp, index: int) -> None:
    step = STEPS[index]
    assert app.tour.index == index
    assert type(app.screen).__name__ == step.screen, f"step {index + 1} ({step.title})"
    assert step.place.is_here(app)
    text = card(app).text
    assert f"stap {index + 1} van {len(STEPS)} · {step.title}" in text
    assert step.lines[0] in text and f"Zelf: {step.keys}" in text and "F3 volgende" in text
    on_screen = screen_text(app)
    assert f"stap {index + 1} van {len(STEPS)}" in on_screen  # really shown, not only in the widget


async def test_the_whole_tour_forward_and_back_changes_no_data(demo: tuple[Database, Path]) -> None:
    db, path = demo
    before = contents_digest(path)
    assert before[1] > 20  # the checksum covers the households, plans, overbruggingen, ...
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert any("F2 start een rondleiding" in n for n in notifications(app))
        await pilot.press("f2")
        await settle(pilot)
        for index in range(len(STEPS)):
            assert_at(app, index)
            await pilot.press("f3")
            await settle(pilot)
        assert_at(app, len(STEPS) - 1)  # past the end: stays, and says so
        assert any("laatste stap" in n for n in notifications(app))
        for index in reversed(range(len(STEPS) - 1)):
            await pilot.press("f4")
            await settle(pilot)
            assert_at(app, index)
        await pilot.press("f4")  # before the start: stays
        await settle(pilot)
        assert_at(app, 0)
        await pilot.press("f2")  # stops: no card left anywhere
        await settle(pilot)
        assert not app.touring
        assert not [c for s in app.all_screens() for c in s.query(TourCard)]
        assert "app.tour_next" not in {b.id for b, _ in app.screen_keys(app.screen)}
    assert contents_digest(path) == before


def test_the_route_follows_the_featured_household_from_intake_to_evaluation() -> None:
    assert 10 <= len(STEPS) <= 20
    assert FEATURED_NAME == "Huishouden Çelik"
    case_places = [s.place for s in STEPS if isinstance(s.place, AtCase)]
    assert {p.case_number for p in case_places} == {FEATURED_CASE}
    levels = [p.level for p in case_places]
    assert levels == sorted(levels, key=["household", "plan", "editor", "export"].index)  # intake first
    assert isinstance(STEPS[0].place, InSection) and isinstance(STEPS[-1].place, InSection)
    for step in STEPS:
        assert 1 <= len(step.lines) <= 4 and step.keys and step.title
        assert len(" ".join(step.lines)) <= 4 * 76, f"{step.title}: too long for the card at 80 columns"


async def test_keys_are_offered_in_footer_palette_and_help(demo: tuple[Database, Path]) -> None:
    db, _ = demo
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        keys = {b.id for b, _ in app.screen_keys(app.screen)}
        assert "app.tour" in keys and "app.tour_next" not in keys  # next/previous only during the tour
        app.app_focus = True
        app.screen.refresh_bindings()
        await pilot.pause()
        assert "tour" in {k.action for k in app.screen.query(FooterKey)}
        await pilot.press("f2")
        await settle(pilot)
        keys = {b.id for b, _ in app.screen_keys(app.screen)}
        assert {"app.tour", "app.tour_next", "app.tour_previous"} <= keys  # hence in the command palette
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        helped = {(k.keys, k.description) for k in app.screen.keys}
        assert {("F2", "Rondleiding"), ("F3", "Rondleiding: volgende"), ("F4", "Rondleiding: vorige")} <= helped
        assert not app.screen.query(TourCard)  # not over the help
        await pilot.press("escape")
        await settle(pilot)
        assert_at(app, 0)
        await pilot.click("#tour-next")  # the mouse, for a trainer in the browser
        await settle(pilot)
        assert_at(app, 1)
        await pilot.click("#tour-previous")
        await settle(pilot)
        assert_at(app, 0)


async def test_next_works_after_wandering_off_and_while_typing(demo: tuple[Database, Path]) -> None:
    db, path = demo
    before = contents_digest(path)
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "Celik")  # F3 is no letter: typing in the search field goes on as typed
        await settle(pilot)
        assert isinstance(app.focused, Input) and app.focused.value == "Celik"
        await pilot.press("f3")
        await settle(pilot)
        assert_at(app, 1)
        await pilot.press("f3", "f3")  # the editor at Perspectief
        await settle(pilot)
        assert_at(app, 3)
        await pilot.press("escape", "escape")  # back on the household on her own: the card says she is off route
        await settle(pilot)
        assert type(app.screen).__name__ == "HouseholdDetailScreen"
        assert OFF_ROUTE in card(app).text and card(app).has_class("-off-route")
        await pilot.press("g", "r")  # even another section
        await settle(pilot)
        assert OFF_ROUTE in card(app).text
        await pilot.press("f3")
        await settle(pilot)
        assert_at(app, 4)
        assert not card(app).has_class("-off-route")
        # A form with unsaved input is never thrown away by the tour: it waits.
        await pilot.press("escape", "escape")  # the editor, the overview: on the household
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert type(form).__name__ == "HouseholdFormScreen"
        name = form.query("Input").first(Input)
        name.focus()
        await type_text(pilot, "x")
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        assert app.screen is form and app.tour.index == 4
        assert any("Rondleiding wacht" in n for n in notifications(app))
    assert contents_digest(path) == before  # nothing of the unsaved form was stored


async def test_not_offered_outside_the_oefenomgeving(tui_data: TuiData) -> None:
    app = DoorbraakApp(tui_data.db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not {"app.tour", "app.tour_next", "app.tour_previous"} & {b.id for b, _ in app.screen_keys(app.screen)}
        assert not any("rondleiding" in n.lower() for n in notifications(app))
        await pilot.press("f2", "f3")
        await settle(pilot)
        assert not app.touring and not app.screen.query(TourCard)
        assert type(app.screen).__name__ == "CaseListScreen"


async def test_starting_the_demo_again_ends_the_tour(demo: tuple[Database, Path]) -> None:
    db, _ = demo
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2", "f3")
        await settle(pilot)
        assert app.touring
        await pilot.press("f9")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        await settle(pilot)
        assert not app.touring and app.services.db is not db
        assert not app.screen.query(TourCard) and type(app.screen).__name__ == "CaseListScreen"
        await pilot.press("f2")  # and it starts again on the fresh copy
        await settle(pilot)
        assert_at(app, 0)
    app.services.close()


async def test_an_open_question_is_answered_first(demo: tuple[Database, Path]) -> None:
    db, _ = demo
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2", "f3")
        await settle(pilot)
        await pilot.press("f9")  # "Oefenomgeving opnieuw beginnen?" waits for its answer
        await settle(pilot)
        question = app.screen
        assert type(question).__name__ == "ConfirmDialog"
        await pilot.press("f3")
        await settle(pilot)
        assert app.screen is question and app.tour.index == 1
        assert any("vraag open" in n for n in notifications(app))
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        assert_at(app, 2)


class Broken:
    """A place whose screen fails to open (a database error, say)."""

    async def open(self, app: DoorbraakApp) -> None:
        raise RuntimeError("the screen could not be built")

    def is_here(self, app: DoorbraakApp) -> bool:
        return False


async def test_a_step_that_fails_is_told_in_dutch_and_the_app_goes_on(demo: tuple[Database, Path]) -> None:
    db, _ = demo
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app._tour = TourGuide(app, steps=(TourStep("Kapot", ("Gaat mis.",), "-", Broken(), "CaseListScreen"),))
        await pilot.press("f2")
        await settle(pilot)
        assert app.is_running and not app.touring
        assert any(n.startswith("Er ging iets mis") for n in notifications(app))
        assert not app.screen.query(TourCard)
