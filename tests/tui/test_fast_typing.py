"""'Create then type' at full speed with slowed units of work: every key lands in the field the action opened.

The keys go in one burst (as one read of the terminal) right after the key that opens the form, while
every unit of work is slowed (benchmarks/keyboard_fuzz.slow_units_of_work), so the form is still loading."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from benchmarks.keyboard_fuzz import slow_units_of_work
from tests.tui.casework_support import Casework, casework  # noqa: F401
from tests.tui.pilot_support import TuiData, settle
from tui.app import DoorbraakApp
from tui.screens.household_form import HouseholdFormScreen


def burst(app: DoorbraakApp, *keys: str) -> None:
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else " " if key == "space" else None))


async def test_a_new_household_gets_every_letter_typed_right_after_n(app: DoorbraakApp, tui_data: TuiData) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        with slow_units_of_work(random.Random(14), most=0.2):
            burst(app, "n", *"Familie")
            await settle(pilot)
        form = app.screen
        assert isinstance(form, HouseholdFormScreen)
        assert form._fields["name"].value == "Familie"


async def test_the_case_search_gets_every_letter_typed_right_after_slash(app: DoorbraakApp, tui_data: TuiData) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        with slow_units_of_work(random.Random(15), most=0.2):
            burst(app, "slash", *"jansen")
            await settle(pilot)
        assert app.screen.query_one("#case-filter").value == "jansen"


async def test_a_new_overbrugging_gets_every_letter_typed_right_after_n(app: DoorbraakApp, tui_data: TuiData) -> None:
    from tui.screens.overbrugging_form import OverbruggingFormScreen

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("g", "o")
        await settle(pilot)
        app.screen.set_focus(None)
        with slow_units_of_work(random.Random(16), most=0.2):
            burst(app, "n", *"DB-2026")
            await settle(pilot)
        form = app.screen
        assert isinstance(form, OverbruggingFormScreen)
        first = "case_number" if "case_number" in form._fields else "support_needed"
        assert form._fields[first].value == "DB-2026"


async def test_a_new_loket_question_gets_every_letter_typed_right_after_l(casework: Casework) -> None:  # noqa: F811
    """l on a knelpunt opens the loket dialog at once: 'o', 'r', 's' typed after it never reach the register."""
    from tests.tui.casework_support import go_to
    from tui.screens.loket import LoketVraagDialog

    app = DoorbraakApp(casework.db.services)
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(pilot, "k")
        await settle(pilot)
        with slow_units_of_work(random.Random(18), most=0.2):
            burst(app, "l", *"Boeteregels", "space", *"opschorten")
            await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, LoketVraagDialog)
        assert dialog.value("question") == "Boeteregels opschorten"


async def test_plan_editor_new_goal_action_and_cost_line_get_what_is_typed_right_after_ctrl_n(
    tmp_path: Path,
) -> None:
    """The reported case: text typed right after Ctrl+N landed in the previous action's "Wat"."""
    from tests.tui.data_plan import open_plan_database
    from tests.tui.plan_editing import open_overview
    from tui.screens.kengetal_picker import KengetalPicker
    from tui.screens.plan_editor import PlanEditorScreen

    data = open_plan_database(tmp_path / "plan.db")
    app = DoorbraakApp(data.db.services)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await open_overview(app, pilot, data.partial)
            await pilot.press("e")
            await settle(pilot)
            editor = app.screen
            assert isinstance(editor, PlanEditorScreen)
            with slow_units_of_work(random.Random(17), most=0.2):
                for step, text, key in (("alt+o", "Geen schulden", "goals"), ("alt+a", "Aanmelden", "actions")):
                    await pilot.press(step)
                    await settle(pilot)
                    before = [item.get("what") or item.get("text") for item in editor.content.get(key, [])]
                    burst(app, "ctrl+n", *text.replace(" ", "_"))
                    await settle(pilot)
                    after = [item.get("what") or item.get("text") for item in editor.content.get(key, [])]
                    typed = text.replace(" ", "_")
                    assert after[:len(before)] == before, (key, before, after)  # nothing went into an old one
                    assert after[len(before):] == [typed], (key, after)
                await pilot.press("alt+r")
                await settle(pilot)
                burst(app, "ctrl+n", *"opvang")
                await settle(pilot)
                assert isinstance(app.screen, KengetalPicker)
                assert app.screen.query_one(Input).value == "opvang"
    finally:
        data.db.close()


@pytest.mark.parametrize("busy", [False, True], ids=["as-is", "no-key-wait"])
async def test_keys_typed_while_the_escalation_worker_runs_land_in_the_new_escalation(
    app: DoorbraakApp, tui_data: TuiData, monkeypatch: pytest.MonkeyPatch, busy: bool
) -> None:
    """`x` on a household looks in the database first (an open escalation, or a prefilled new one) and only
    then opens the form: with every unit of work taking 0.7 s (well over KEY_WAIT) the keys typed meanwhile
    used to reach the household screen (its bindings) and were lost for the form (tui/key_order.py).
    `no-key-wait`: from the hold on, the machine is so busy that no handler finishes within KEY_WAIT (0 here, as
    on a loaded CI run once): the kept keys still wait for each other while the new form settles, so the `tab`
    before 'Dringend' moves the focus before the 'D' (it became 'ringend')."""
    import time

    import tui.key_order

    if busy:
        hold = app.hold_keys

        def hold_then_busy(*args: object, **kwargs: object) -> object:
            monkeypatch.setattr(tui.key_order, "KEY_WAIT", 0.0)
            return hold(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(app, "hold_keys", hold_then_busy)

    from storage.unit_of_work import SqlUnitOfWork
    from tui.screens.escalation_form import EscalationFormScreen
    from tui.screens.household_detail import HouseholdDetailScreen

    number = tui_data.numbers[0]
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.push_screen(HouseholdDetailScreen(app.services, number))
        await settle(pilot)
        household = app.screen
        original = SqlUnitOfWork.__enter__

        def slow_enter(self: SqlUnitOfWork) -> SqlUnitOfWork:
            time.sleep(0.7)
            return original(self)

        SqlUnitOfWork.__enter__ = slow_enter  # type: ignore[method-assign]
        try:
            started = time.monotonic()
            burst(app, "x", "tab", "tab", *"Dringend", "tab", "space")
            await settle(pilot)
            for _ in range(40):  # the kept keys are handed out after the form is there
                if not app.holding_keys:
                    break
                await pilot.pause(0.05)
            waited = time.monotonic() - started
        finally:
            SqlUnitOfWork.__enter__ = original  # type: ignore[method-assign]
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EscalationFormScreen), type(form)
        assert waited > 0.7  # the worker really took longer than the key wait
        assert form._fields["urgency_note"].control.value.endswith("Dringend")
        assert form._fields["complex"].control.value is True  # the space after the tab landed there too
        assert app.screen_stack[-2] is household and not app.holding_keys
