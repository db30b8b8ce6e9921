"""The dashboard section (`g d`) on a copy of the demo database: the figures on screen are the service's,
every figure drills down to exactly the households the service names, and those open."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from domain.actors import Actor, Role
from domain.dashboard import Dashboard, Drill, Figure
from domain.services.dashboard import dashboard, dashboard_cases, dashboard_municipalities
from storage.bootstrap import Database, demo_copy
from tests.tui.casework_support import go_to
from tests.tui.pilot_support import open_test_database, screen_text, settle
from tui.app import DoorbraakApp
from tui.navigation import sections_for
from tui.render.dashboard_text import dashboard_text
from tui.render.dashboard_view import TABS, tab_lines
from tui.screens.dashboard import DashboardCasesScreen, DashboardScreen
from tui.screens.household_detail import HouseholdDetailScreen
from tui.widgets.row_table import RowTable

YEAR = (date(2026, 1, 1), date(2026, 12, 31))


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Database]:
    db = open_test_database(demo_copy(target_dir=tmp_path))
    yield db
    db.close()


def report(db: Database, code: str) -> Dashboard:
    from tui.screens.base import today

    return dashboard(code, *YEAR, db.uow(), db.actor, today=today(db.services))


def biggest_municipality(db: Database) -> str:
    return max(dashboard_municipalities(db.uow(), db.actor), key=lambda m: m[2])[0]


def test_every_tab_prints_the_service_figures_and_each_figure_line_knows_its_drill(demo: Database) -> None:
    d = report(demo, biggest_municipality(demo))
    lines = {tab.key: tab_lines(d, tab.key, 78) for tab in TABS}
    assert all(len(line.text.plain) <= 78 for tab in lines.values() for line in tab if line.drill)  # bars never wrap
    months = {line.drill: line.text.plain for line in lines["caseload"] if line.drill}
    for bucket in d.new_by_month.buckets:  # the inflow per month, with its trend
        assert months[bucket.drill].split()[-1] == str(bucket.count)
    assert sum(b.count for b in d.new_by_month.buckets) == d.caseload_flow.bucket("nieuw").count  # type: ignore[union-attr]
    assert any("De lopende maand telt niet mee." in line.text.plain for line in lines["caseload"])
    caseload = {line.drill: line.text.plain for line in lines["caseload"] if line.drill}
    for bucket in d.caseload_status.buckets:  # the number printed beside each bar is the service's count
        assert caseload[bucket.drill].split()[-1] == str(bucket.count)
    assert f"{d.caseload} huishoudens" in caseload[d.caseload_status.drill]
    deadlines = {line.drill: line.text.plain for line in lines["deadlines"] if line.drill}
    overdue = d.overdue_actions
    assert f"{overdue.total} acties in {overdue.households} huishoudens" in deadlines[overdue.drill]
    quality = "\n".join(line.text.plain for line in lines["kwaliteit"])
    for row in d.quality_zrm:
        assert row.label in quality and f"n={row.n}" in quality
    money = "\n".join(line.text.plain for line in lines["rekensom"])
    assert re.sub(r"\s", " ", "€ " + f"{d.rekensom.total.verschil:,.2f}".replace(",", "X").replace(".", ",")
                  .replace("X", ".")) in money.replace("\xa0", " ")
    drills = [line.drill for tab in lines.values() for line in tab if line.drill]
    assert set(drills) <= set(d.drills())  # no line points at a figure the service does not know


async def test_coordinator_opens_the_dashboard_switches_tabs_and_drills_down_to_a_household(demo: Database) -> None:
    code = biggest_municipality(demo)
    expected = report(demo, code)
    app = DoorbraakApp(demo.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "d")
        screen = app.screen
        assert isinstance(screen, DashboardScreen) and screen.report is not None
        assert screen.report.scope.municipality_code == code  # the largest caseload is chosen first
        assert screen.report.as_dict() == expected.as_dict()  # the same figures as the report command
        text = screen_text(app)
        assert "1 Caseload" in text and "6 Rekensom" in text and f"{expected.caseload} huishoudens" in text

        for number, tab in enumerate(TABS, start=1):
            await pilot.press(str(number))
            await settle(pilot)
            assert screen.tab == tab.key
        await pilot.press("right")  # wraps from the last tab to the first
        await settle(pilot)
        assert screen.tab == "caseload"

        # The busiest status: its line is chosen with the arrows and Enter lists its households.
        bucket = max(expected.caseload_status.buckets, key=lambda b: b.count)
        options = screen.query_one(OptionList)
        target = next(i for i, line in enumerate(screen.lines) if line.drill == bucket.drill)
        while options.highlighted != target:
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        cases = app.screen
        assert isinstance(cases, DashboardCasesScreen)
        service = dashboard_cases(code, *YEAR, bucket.drill, demo.uow(), demo.actor, today=cases.scope.peildatum)
        assert cases.query_one(RowTable).keys == [c.case_number for c in service.cases]
        assert len(service.cases) == bucket.households
        assert f"{bucket.households} huishouden" in screen_text(app)

        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HouseholdDetailScreen)
        assert app.screen.case_number == service.cases[0].case_number
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen

        await pilot.press("t")  # all numbers as text: the report command's text
        await settle(pilot)
        assert screen.query_one("#dashboard-lines").has_class("-hidden")
        assert "Maatschappelijke rekensom (geprojecteerd)" in dashboard_text(expected)
        assert str(screen.query_one("#dashboard-text-body").render()) == dashboard_text(expected)
        await pilot.press("escape")  # back to the bars first, then out
        await settle(pilot)
        assert not screen.query_one("#dashboard-lines").has_class("-hidden")


async def test_a_bad_period_gets_a_dutch_message_and_keeps_the_last_figures(demo: Database) -> None:
    app = DoorbraakApp(demo.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "d")
        screen = app.screen
        assert isinstance(screen, DashboardScreen) and screen.report is not None
        shown = screen.report
        await pilot.press("v")
        field = screen.query_one("#dashboard-from", Input)
        assert field.has_focus
        field.value = "31-02-2026"
        await pilot.press("enter")
        await settle(pilot)
        assert "De begindatum is geen geldige datum" in screen_text(app)
        assert screen.report is shown
        field.value = "01-01-2027"  # after the end
        await pilot.press("enter")
        await settle(pilot)
        assert "ligt vóór de begindatum" in screen_text(app)
        assert screen.query_one("#dashboard-to", Input).has_focus  # the field to correct
        field.focus()
        field.value = "01-07-2026"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen and screen.report is not shown
        assert screen.report.scope.start == date(2026, 7, 1)
        assert "geldige" not in screen_text(app)


def test_only_roles_with_reports_and_households_get_the_section() -> None:
    def offered(role: Role) -> bool:
        actor = Actor(username="x", display_name="X", role=role, municipality_codes=frozenset({"GM0599"}))
        return "dashboard" in {s.mode for s in sections_for(actor)}

    assert offered(Role.COORDINATOR) and offered(Role.TRAINER) and offered(Role.EIGENAAR)
    assert not offered(Role.PROFESSIONAL) and not offered(Role.LET) and not offered(Role.BEHEER)


def test_a_coordinator_is_offered_only_the_own_municipality(demo: Database) -> None:
    demo.logged_in = Actor(username="c", display_name="C", role=Role.COORDINATOR,
                           municipality_codes=frozenset({"GM0599"}))
    assert [m[0] for m in dashboard_municipalities(demo.uow(), demo.actor)] == ["GM0599"]
    page = dashboard_cases("GM0599", *YEAR, Drill(Figure.CASELOAD_STATUS), demo.uow(), demo.actor)
    assert page.total == len(page.cases) and page.hidden == 0


async def test_an_open_dropdown_speaks_dutch_in_the_footer(demo: Database) -> None:
    app = DoorbraakApp(demo.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "d")
        await pilot.press("m")  # the municipality dropdown opens
        await settle(pilot)
        text = screen_text(app)
        assert "Menu sluiten" in text and "Dismiss" not in text
        await pilot.press("escape")
        await settle(pilot)
        assert "Menu sluiten" not in screen_text(app)
