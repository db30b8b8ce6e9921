"""Pilot: a LET user logs in, opens the LMM-inbox from the start screen, filters it, opens a dossier,
records the LMM/LET's answer — and no name, BSN, address, postcode, birth date or case number of any
household appears on any of those screens."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Select

from domain.audit import AuditKind
from domain.services.audit import case_history
from storage.bootstrap import Database
from tests.tui.data import HOUSEHOLDS, jansen_draft
from tests.tui.data_let import JANSEN_IDENTIFIERS, JANSEN_NOTE, PASSWORD, LetData, build_let
from tests.tui.data_trust import open_shared
from tests.tui.pilot_support import notifications, screen_text, settle
from tui.app import DoorbraakApp
from tui.screens.lmm_dossier import LmmDossierScreen
from tui.screens.lmm_inbox import LmmInboxScreen
from tui.screens.reason_dialog import ReasonDialog
from tui.screens.start import StartScreen
from tui.screens.step_dialog import StepDialog


@pytest.fixture
def let_db(tmp_path: Path) -> tuple[Path, LetData]:
    path = tmp_path / "shared.db"
    return path, build_let(path)


def identifiers(data: LetData) -> list[str]:
    names = [name for name, *_ in HOUSEHOLDS] + [m["name"] for m in jansen_draft()["members"]]
    return [*names, *JANSEN_IDENTIFIERS, "******653", "Amsterdam 1234", *data.numbers, JANSEN_NOTE]


def assert_clean(text: str, data: LetData, where: str) -> None:
    for needle in identifiers(data):
        assert needle not in text, f"{needle!r} visible on {where}"


async def whole_screen(pilot: object, app: DoorbraakApp) -> str:
    """Everything on a scrolling screen: page down until the text stops changing."""
    seen: list[str] = []
    await pilot.press("home")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    for _ in range(12):
        text = screen_text(app)
        if seen and text == seen[-1]:
            break
        seen.append(text)
        await pilot.press("pagedown")  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
    return "\n".join(seen)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_let_walks_the_inbox_and_a_dossier_without_seeing_anyone(
    let_db: tuple[Path, LetData], size: tuple[int, int]
) -> None:
    path, data = let_db
    db = open_shared(path)
    db.login("letlid", PASSWORD)
    app = DoorbraakApp(db.services)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        start = screen_text(app)
        assert "Uw werkvoorraad: LMM-inbox" in start and "i  LMM-inbox" in start
        await pilot.press("enter")
        await settle(pilot)
        inbox = app.screen
        assert isinstance(inbox, LmmInboxScreen)
        text = screen_text(app)
        assert_clean(text, data, "LMM-inbox")
        assert "GM0363-ESC-000001" in text and "GM0344-ESC-000002" in text and "2 dossiers" in text
        assert "GM0599" not in text and "GM0935" not in text  # the concept, the expired consent
        assert "1 volwassene" not in text or size[0] >= 120
        # the highlighted row's detail line: ages in bands, never exact (issue 15)
        assert "2 volwassenen" in text and "1 kind (12-17 jaar)" in text
        assert "17 jaar)" not in text.replace("12-17 jaar)", "")
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("down", "enter")  # the first municipality: Amsterdam
        await settle(pilot)
        assert inbox.query_one("#lmm-municipality", Select).value == "GM0363"
        assert list(inbox.rows) == [str(data.jansen)]
        await pilot.press("enter")
        await settle(pilot)
        dossier = app.screen
        assert isinstance(dossier, LmmDossierScreen) and dossier.view is not None
        shown = await whole_screen(pilot, app)
        assert_clean(shown, data, "dossier")
        for expected in ("P.J.", "K.J.", "S.J.", "Afhandeling door het LMM/LET", "In behandeling",
                         "toelichting niet getoond", "De boete loopt op"):
            assert expected in shown, expected
        assert "Exporteren" not in shown  # the LET reads; exporting is the municipality's act
        await pilot.press("j")
        await pilot.pause()
        as_json = await whole_screen(pilot, app)
        assert '"format": "doorbraak-escalatiedossier"' in as_json
        assert_clean(as_json, data, "dossier JSON")
        await pilot.press("s")
        await settle(pilot)
        step = app.screen
        assert isinstance(step, StepDialog)
        assert [c for c, _ in step.choices] == ["opgelost", "niet_opgelost", "teruggelegd"]
        note = step._fields["toelichting"].control
        assert isinstance(note, Input)
        note.value = "BSN 999993653 bij SVB"  # refused: no BSN-like number in a note
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, StepDialog) and "BSN" in screen_text(app)
        assert "999993653" in note.value  # what was typed is kept
        note.value = "CJIB-noodstop toegepast, uitkering hersteld"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dossier
        assert dossier.view.row.status.value == "opgelost"
        assert any("is nu 'Opgelost'" in n for n in notifications(app))
        assert_clean(screen_text(app) + "\n".join(notifications(app)), data, "after handling")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is inbox and inbox.total == 0  # answered: no longer waiting
        assert "Geen dossiers met dit filter." in screen_text(app)
    db.close()
    coordinator = open_shared(path)
    coordinator.login("ccoord", PASSWORD)
    trail = case_history(data.numbers[0], coordinator.uow(), coordinator.actor)
    let_events = [(r.event.kind, r.event.object_id) for r in trail if r.event.username == "letlid"]
    assert (AuditKind.READ, f"ESC-{data.jansen}") in let_events
    assert (AuditKind.UPDATE, f"ESC-{data.jansen}") in let_events
    coordinator.close()


async def test_a_coordinator_is_not_offered_the_lmm_inbox(let_db: tuple[Path, LetData]) -> None:
    path, _ = let_db
    db: Database = open_shared(path)
    db.login("ccoord", PASSWORD)
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await pilot.pause()
        text = screen_text(app)
        assert "Escalaties" in text and "LMM-inbox" not in text
    db.close()


async def test_the_let_is_told_why_a_dossier_is_not_shown(let_db: tuple[Path, LetData]) -> None:
    """A concept or an expired consent: a Dutch refusal, no reason dialog (the LET has no case access)."""
    path, data = let_db
    db = open_shared(path)
    db.login("letlid", PASSWORD)
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(LmmDossierScreen(db.services, data.concept))
        await settle(pilot)
        assert any("landelijke escalaties" in n for n in notifications(app))
        assert_clean(screen_text(app), data, "refused dossier")
        app.push_screen(LmmDossierScreen(db.services, data.expired))
        await settle(pilot)
        assert any("toestemming" in n for n in notifications(app))
        assert not any(isinstance(screen, ReasonDialog) for screen in app.screen_stack)
    db.close()
