"""The cost-line dialog by keyboard: a line becomes an overdracht with a receiver, or a loan; the rekensom
step then shows the household as a party, the saldo voor de samenleving and the verschuivingen."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from domain.rekensom import PAYER_LABELS, CostKind, Payer
from domain.services import plans as plan_service
from tests.tui.data_plan import PlanData, open_plan_database
from tests.tui.pilot_support import screen_text, settle, type_text
from tests.tui.plan_editing import fill, named, open_overview, tab_to
from tui.app import DoorbraakApp
from tui.screens.cost_line_dialog import CostLineDialog
from tui.screens.plan_editor import PlanEditorScreen

PARTIES = list(PAYER_LABELS)


def downs(party: Payer) -> list[str]:
    """Keys that pick `party` in a payer list that opens on its blank prompt."""
    return ["enter", *["down"] * (PARTIES.index(party) + 1), "enter"]


@pytest.fixture
def plan_data(tmp_path: Path) -> Iterator[PlanData]:
    data = open_plan_database(tmp_path / "plan.db")
    yield data
    data.db.close()


async def test_a_free_line_becomes_an_overdracht_from_the_household_to_the_rijk(plan_data: PlanData) -> None:
    """An overdracht without a receiver is refused at its field (the dialog stays); with the Rijk as receiver it
    is saved, and the rekensom step shows the shift and the saldo voor de samenleving. (One test: each of the
    two halves opened the plan editor anew, ~15 s of repainting per key on a busy machine.)"""
    app = DoorbraakApp(plan_data.db.services)
    case = plan_data.partial
    async with app.run_test(size=(110, 40)) as pilot:
        await open_overview(app, pilot, case)
        await pilot.press("e")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, PlanEditorScreen)
        await pilot.press("alt+r")
        await settle(pilot)
        before = len(editor.content["rekensom"]["lines"])
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("enter")  # "Vrije regel" is the first choice
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CostLineDialog)
        assert dialog.fields["receiver"].control.disabled  # kosten: no receiver
        await type_text(pilot, "Verhogingen WAHV-boete")
        await tab_to(pilot, named("kind"))
        await pilot.press("enter", "down", "enter")  # kosten → overdracht
        await settle(pilot)
        assert not dialog.fields["receiver"].control.disabled
        await tab_to(pilot, named("payer"))
        await pilot.press(*downs(Payer.HUISHOUDEN))
        await fill(pilot, "amount", "298")
        await fill(pilot, "source_text", "WAHV art. 23 en 25")
        await fill(pilot, "source_year", "2026")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog  # not saved: an overdracht needs its receiver
        assert "ontvanger" in dialog.fields["receiver"].message
        await tab_to(pilot, named("receiver"))
        await pilot.press(*downs(Payer.RIJK))
        await settle(pilot)
        assert "overdracht" in dialog.preview_text() and "298,00" in dialog.preview_text()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is editor
        line = editor.content["rekensom"]["lines"][before]
        assert (line["kind"], line["payer"], line["receiver"]) == ("overdracht", "huishouden", "rijk")
        text = screen_text(app)
        assert "Huishouden → Rijk" in text
        assert "Saldo voor de samenleving" in text
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not editor.has_unsaved
    plan = plan_service.get_plan(case, plan_data.db.uow(), plan_data.db.actor)
    saved = plan.rekensom.lines[before]
    assert (saved.kind, saved.payer, saved.receiver, saved.amount) == (
        CostKind.OVERDRACHT, Payer.HUISHOUDEN, Payer.RIJK, Decimal("298.00"))
