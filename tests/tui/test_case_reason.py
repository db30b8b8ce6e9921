"""Pilot: a professional opens the overbrugging and the escalation of a household outside her caseload
from the sections. She is asked for a reason once (it covers every screen of that case this session), the
reason is in the audit trail of every view and change, and declining opens nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.audit import AuditKind
from tests.tui.casework_support import go_to
from tests.tui.data_let import PASSWORD, PIETERSEN, LetData, build_let, trail
from tests.tui.data_trust import open_shared
from tests.tui.pilot_support import notifications, screen_text, settle, type_text
from tui.app import DoorbraakApp
from tui.screens.escalation_detail import EscalationDetailScreen
from tui.screens.escalation_inbox import EscalationInboxScreen
from tui.screens.overbrugging_detail import OverbruggingDetailScreen
from tui.screens.overbrugging_list import OverbruggingListScreen
from tui.screens.reason_dialog import ReasonDialog
from tui.screens.step_dialog import StepDialog
from tui.widgets.row_table import RowTable

REASON = "Vervanging van Chantal tijdens haar verlof"


@pytest.fixture
def let_db(tmp_path: Path) -> tuple[Path, LetData]:
    path = tmp_path / "shared.db"
    return path, build_let(path)


async def test_asked_once_logged_everywhere(let_db: tuple[Path, LetData]) -> None:
    path, data = let_db
    case = data.numbers[PIETERSEN]
    db = open_shared(path)
    db.login("avries", PASSWORD)
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "o")
        listing = app.screen
        assert isinstance(listing, OverbruggingListScreen)
        assert str(data.pietersen_overbrugging) in listing.query_one(RowTable).keys  # listed, like every case
        listing.open_item(data.pietersen_overbrugging)
        await settle(pilot)
        assert isinstance(app.screen, ReasonDialog) and case in screen_text(app)
        await type_text(pilot, REASON)
        await pilot.press("enter")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, OverbruggingDetailScreen) and detail.overbrugging is not None
        assert "Begeleiding thuis" in screen_text(app)
        await pilot.press("s")  # a change on the foreign case carries the same reason
        await settle(pilot)
        step = app.screen
        assert isinstance(step, StepDialog)
        step.select_state("toegekend")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is detail and detail.overbrugging.status.value == "toegekend"
        await go_to(pilot, "e")
        inbox = app.screen
        assert isinstance(inbox, EscalationInboxScreen)
        await pilot.press("v")  # from the inbox (submitted only) to all escalations: the concept is there
        await settle(pilot)
        inbox.open_item(data.pietersen_escalation)
        await settle(pilot)
        escalation = app.screen
        assert isinstance(escalation, EscalationDetailScreen), "asked a second time for the same case"
        assert escalation.escalation is not None and "ESC-" in screen_text(app)
        await pilot.press("d")  # the dossier preview of the same case: no question either
        await settle(pilot)
        assert not isinstance(app.screen, ReasonDialog)
        assert not any("Reden nodig" in n for n in notifications(app))
    db.close()
    records = trail(path, case)
    anna = [(kind, obj, glass, why) for kind, obj, user, glass, why in records if user == "avries"]
    ob, esc = f"OB-{data.pietersen_overbrugging}", f"ESC-{data.pietersen_escalation}"
    assert (AuditKind.READ, ob, True, REASON) in anna
    assert (AuditKind.UPDATE, ob, True, REASON) in anna
    assert (AuditKind.READ, esc, True, REASON) in anna
    assert all(glass and why == REASON for _, _, glass, why in anna)


async def test_declining_opens_nothing_and_records_nothing(let_db: tuple[Path, LetData]) -> None:
    path, data = let_db
    case = data.numbers[PIETERSEN]
    before = trail(path, case)
    db = open_shared(path)
    db.login("avries", PASSWORD)
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "o")
        listing = app.screen
        assert isinstance(listing, OverbruggingListScreen)
        listing.open_item(data.pietersen_overbrugging)
        await settle(pilot)
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is listing
        assert any(f"Casus {case} is niet geopend" in n for n in notifications(app))
        await go_to(pilot, "e")
        inbox = app.screen
        assert isinstance(inbox, EscalationInboxScreen)
        inbox.open_item(data.pietersen_escalation)
        await settle(pilot)
        assert isinstance(app.screen, ReasonDialog)  # still asked: nothing was given
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is inbox
        assert "woningcorporatie" not in screen_text(app)
    db.close()
    after = trail(path, case)
    new = [r for r in after[len(before):] if r[2] == "avries"]
    assert new == []
