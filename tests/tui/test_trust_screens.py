"""Pilot tests: the reason asked for a case outside the caseload, the audit views, and what each role sees."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from textual.widgets import Input

from domain.audit import AuditKind
from domain.services import households as service
from domain.services.audit import case_history
from domain.services.households import parse_draft
from storage.bootstrap import Database
from tests.tui.data_trust import PASSWORD, build_shared, open_shared
from tests.tui.pilot_support import notifications, screen_text, settle, type_text
from tui.app import DoorbraakApp
from tui.navigation import GoToDialog
from tui.screens.audit_log import AuditLogScreen
from tui.screens.case_audit import CaseAuditScreen
from tui.screens.case_list import CaseListScreen
from tui.screens.error_dialog import ErrorDialog
from tui.screens.household_detail import HouseholdDetailScreen
from tui.screens.reason_dialog import ReasonDialog

JANSEN, PIETERSEN = 0, 5  # indexes in tests.tui.data.HOUSEHOLDS: Anna's own case, and one of Chantal's


@pytest.fixture
def shared(tmp_path: Path) -> tuple[Path, list[str]]:
    path = tmp_path / "shared.db"
    return path, build_shared(path)


def logged_in(path: Path, username: str) -> Database:
    db = open_shared(path)
    db.login(username, PASSWORD)
    return db


async def test_a_case_outside_the_caseload_asks_a_reason_that_is_logged(shared: tuple[Path, list[str]]) -> None:
    path, numbers = shared
    db = logged_in(path, "avries")
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CaseListScreen)
        screen.open_case(numbers[JANSEN])  # own case: no question
        await settle(pilot)
        assert isinstance(app.screen, HouseholdDetailScreen) and "Petra Jansen" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        screen.open_case(numbers[PIETERSEN])
        await settle(pilot)
        assert isinstance(app.screen, ReasonDialog)
        assert "hoort niet bij uw caseload" in screen_text(app)
        await type_text(pilot, "kort")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog) and "minstens 5 tekens" in screen_text(app)
        app.screen.query_one("#reason", Input).value = ""
        await type_text(pilot, "Vervanging van Chantal tijdens ziekte")
        await pilot.press("enter")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, HouseholdDetailScreen) and detail.household is not None
        assert "Huishouden Pietersen" in screen_text(app)
        await pilot.press("a")  # a professional has no audit view: the key does nothing
        await pilot.pause()
        assert app.screen is detail
        assert "Auditlog" not in {c.title for c in app.get_system_commands(detail)}
    coordinator = logged_in(path, "ccoord")
    reads = [r for r in case_history(numbers[PIETERSEN], coordinator.uow(), coordinator.actor)
             if r.event.kind is AuditKind.READ]
    assert [(r.event.username, r.event.break_glass, r.event.purpose) for r in reads] == [
        ("avries", True, "Vervanging van Chantal tijdens ziekte")]
    db.close()
    coordinator.close()


async def test_declining_to_give_a_reason_opens_nothing(shared: tuple[Path, list[str]]) -> None:
    path, numbers = shared
    db = logged_in(path, "avries")
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.open_case(numbers[PIETERSEN])  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CaseListScreen)
        assert any("niet geopend" in n for n in notifications(app))
    coordinator = logged_in(path, "ccoord")
    kinds = [r.event.kind for r in case_history(numbers[PIETERSEN], coordinator.uow(), coordinator.actor)]
    assert AuditKind.READ not in kinds
    db.close()
    coordinator.close()


async def test_a_coordinator_reads_a_case_log_with_old_and_new_values(shared: tuple[Path, list[str]]) -> None:
    path, numbers = shared
    professional = logged_in(path, "avries")
    service.get_household(numbers[PIETERSEN], professional.uow(), professional.actor, purpose="huisbezoek samen")
    h = service.get_household(numbers[JANSEN], professional.uow(), professional.actor)
    service.update_household(numbers[JANSEN], parse_draft({**h.model_dump(include=service.EDITABLE_FIELDS),
                                               "name": "Familie Jansen-Bakker"}), h.version,
                             professional.uow(), professional.actor)
    professional.close()
    db = logged_in(path, "ccoord")
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.open_case(numbers[JANSEN])  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, CaseAuditScreen)
        shown = screen_text(app)
        assert "avries (Professional)  casus: gewijzigd" in shown
        assert "Naam: Familie Jansen → Familie Jansen-Bakker" in shown
        assert "999993653" not in shown  # the creation lists the BSN masked only
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HouseholdDetailScreen)
        # The whole log: Logboek section, filter on the professional, open the break-glass line.
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("l")
        await settle(pilot)
        log = app.screen
        assert isinstance(log, AuditLogScreen)
        await pilot.press("slash")
        await type_text(pilot, "huisbezoek")
        await pilot.pause(0.4)
        await settle(pilot)
        assert len(log.records) == 1 and "BUITEN CASELOAD" in screen_text(app)
        await pilot.press("enter")  # from the filter to the table
        await pilot.press("enter")  # open the case's log
        await settle(pilot)
        assert isinstance(app.screen, CaseAuditScreen) and app.screen.case_number == numbers[PIETERSEN]
        assert "reden: huisbezoek samen" in screen_text(app)
    db.close()


async def test_keten_controleren_reports_a_tampered_row(shared: tuple[Path, list[str]]) -> None:
    path, _ = shared
    db = logged_in(path, "beheer")
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert "Met uw rol ziet u geen huishoudens" not in screen_text(app)  # beheer gets its own intro
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, AuditLogScreen)
        assert "Rol" in screen_text(app)  # wide enough for the role column
        await pilot.press("k")
        await settle(pilot)
        assert any("keten is intact" in n for n in notifications(app))
        with db.engine.begin() as connection:
            connection.execute(text("DROP TRIGGER audit_log_no_update"))
            connection.execute(text("UPDATE audit_log SET username = 'iemand' WHERE seq = 3"))
        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, ErrorDialog)
        assert "Record 3: de inhoud is gewijzigd" in screen_text(app)
    db.close()


async def test_go_to_lists_the_logboek_only_for_roles_that_may_see_it(shared: tuple[Path, list[str]]) -> None:
    path, _ = shared
    for username, sees in (("avries", False), ("ccoord", True), ("beheer", True), ("letlid", False)):
        db = logged_in(path, username)
        app = DoorbraakApp(db.services)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("g")
            await pilot.pause()
            assert isinstance(app.screen, GoToDialog)
            assert ("Logboek" in screen_text(app)) is sees, username
        db.close()


async def test_the_plan_of_a_foreign_case_carries_the_reason_given_on_the_household(
    shared: tuple[Path, list[str]],
) -> None:
    """The reason asked once on the household goes with every plan call (view, start, save) of that case."""
    from tui.screens.plan_overview import PlanOverviewScreen

    path, numbers = shared
    db = logged_in(path, "avries")
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.open_case(numbers[PIETERSEN])  # type: ignore[attr-defined]
        await settle(pilot)
        assert isinstance(app.screen, ReasonDialog)
        await type_text(pilot, "Vervanging van Chantal tijdens ziekte")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, PlanOverviewScreen)
        assert "nog geen maatwerkplan" in screen_text(app)
        await pilot.press("n")  # start a plan: a write on the foreign case
        await settle(pilot)
        assert not any("Er ging iets mis" in n or "reden" in n.lower() for n in notifications(app))
    coordinator = logged_in(path, "ccoord")
    records = [r for r in case_history(numbers[PIETERSEN], coordinator.uow(), coordinator.actor)
               if r.event.username == "avries"]
    assert any(r.event.kind is AuditKind.CREATE for r in records)
    reason = "Vervanging van Chantal tijdens ziekte"
    assert {(r.event.break_glass, r.event.purpose) for r in records} == {(True, reason)}
    db.close()
    coordinator.close()
