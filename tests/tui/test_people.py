"""Pilot: the big-5 checklist at 18 in the werklijst, ticked off with the keyboard (and audited)."""

from __future__ import annotations

from domain.people import ChecklistItem, ChecklistOutcome
from domain.services.people import people_of
from domain.signals import SignalKind
from tests.tui.casework_support import Casework, casework, casework_app, go_to
from tests.tui.pilot_support import screen_text, settle
from tui.app import DoorbraakApp
from tui.screens.checklist_dialog import ChecklistDialog
from tui.screens.worklist import KIND_KEYS, WorklistScreen

__all__ = ["casework", "casework_app"]  # fixtures

CHECKLIST_KEY = next(key for key, kind in KIND_KEYS.items() if kind is SignalKind.CHECKLIST_18)


async def test_big5_checklist_from_the_werklijst(casework_app: DoorbraakApp, casework: Casework) -> None:
    async with casework_app.run_test(size=(120, 36)) as pilot:
        await go_to(pilot, "w")
        worklist = casework_app.screen
        assert isinstance(worklist, WorklistScreen)
        await pilot.press(CHECKLIST_KEY)  # only "Checklist 18 jaar"
        await settle(pilot)
        [signal] = worklist.visible_signals()
        assert signal.kind is SignalKind.CHECKLIST_18 and "Daan Bakker wordt 18 op 15-01-2027" in signal.text
        assert "8 van 8 punten open" in screen_text(casework_app)

        await pilot.press("enter")
        await settle(pilot)
        dialog = casework_app.screen
        assert isinstance(dialog, ChecklistDialog)
        text = screen_text(casework_app)
        assert "Checklist 18 jaar" in text and "Daan Bakker (17 jaar) · 18 op 15-01-2027 · 8 van 8 open" in text
        assert "Eigen zorgverzekering en premie" in text and "Vanaf 18 een eigen Zvw-polis" in text

        await pilot.press("space")  # Eigen zorgverzekering: geregeld
        await settle(pilot)
        await pilot.press("down", "down", "down", "down", "n")  # Einde jeugdbeschermingsmaatregel: n.v.t.
        await settle(pilot)
        await pilot.press("down", "space", "space")  # Zorg na 18: geregeld, and again: open
        await settle(pilot)
        text = screen_text(casework_app)
        assert "[x] geregeld" in text and "[-] n.v.t." in text and "6 van 8 open" in text

        await pilot.press("escape")
        await settle(pilot)
        assert casework_app.screen is worklist
        [signal] = worklist.visible_signals()
        assert "6 van 8 punten open" in signal.text and "zorg na 18 of verlengde jeugdhulp" in signal.text

    case = signal.case_number
    people = people_of(case, casework.db.uow(), casework.db.actor)
    daan = people.person(int(signal.object_id))
    assert {item: tick.outcome for item, tick in daan.ticks.items()} == {
        ChecklistItem.ZVW_POLIS: ChecklistOutcome.GEDAAN, ChecklistItem.JEUGDBESCHERMING: ChecklistOutcome.NVT}
    with casework.db.uow() as uow:
        ticks = list(uow.audit.records("checklist_18", f"{case}/{signal.object_id}"))
    assert len(ticks) == 4  # geregeld, n.v.t., geregeld, open again


async def test_zrm_of_one_adult_from_the_household_view(casework_app: DoorbraakApp, casework: Casework) -> None:
    from textual.widgets import Select

    from tests.tui.casework_support import set_value
    from tui.screens.household_detail import HouseholdDetailScreen
    from tui.screens.zrm_dialog import ZrmDialog

    case = casework.data.bakker
    async with casework_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        casework_app.push_screen(HouseholdDetailScreen(casework.db.services, case))
        await settle(pilot)
        text = screen_text(casework_app)
        assert "ZRM per persoon" in text and "Ilse Bakker (46)" in text and "Nog geen ZRM-score" in text
        assert "Daan Bakker (17)" in text and "Checklist 18 jaar (18 op 15-01-2027): 8 van 8 punten open" in text
        await pilot.press("z")  # one adult: the dialog opens for Ilse at once
        await settle(pilot)
        dialog = casework_app.screen
        assert isinstance(dialog, ZrmDialog) and dialog.person.member.name == "Ilse Bakker"
        set_value(dialog.query_one("#zrm-scores").query(Select).first(), 2)  # Financiën
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(casework_app.screen, HouseholdDetailScreen)
        assert "Financiën 2" in screen_text(casework_app)
        await pilot.press("c")  # one member around 18: Daan's checklist
        await settle(pilot)
        assert isinstance(casework_app.screen, ChecklistDialog)


async def test_keys_pressed_while_a_tick_is_saving_count_in_the_order_typed(
    casework_app: DoorbraakApp, casework: Casework
) -> None:
    """Space twice on a slow machine: the second press arrives before the first save is back, and must reopen
    the item (it toggled what was shown, and saved 'geregeld' twice)."""
    import random

    from textual import events

    from benchmarks.keyboard_fuzz import slow_units_of_work

    async with casework_app.run_test(size=(120, 36)) as pilot:
        await go_to(pilot, "w")
        worklist = casework_app.screen
        assert isinstance(worklist, WorklistScreen)
        await pilot.press(CHECKLIST_KEY)
        await settle(pilot)
        [signal] = worklist.visible_signals()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(casework_app.screen, ChecklistDialog)
        with slow_units_of_work(random.Random(18), most=0.3):
            for key, character in (("space", " "), ("space", " "), ("down", None), ("n", "n")):
                casework_app.post_message(events.Key(key, character))  # one burst, as one read of the terminal
            await settle(pilot)
        assert "7 van 8 open" in screen_text(casework_app)

    person = people_of(signal.case_number, casework.db.uow(), casework.db.actor).person(int(signal.object_id))
    first, second = list(ChecklistItem)[:2]
    assert {item: tick.outcome for item, tick in person.ticks.items()} == {second: ChecklistOutcome.NVT}
    assert first not in person.ticks
