"""The interdepartementaal loket in the app: l on a knelpunt asks a ministry, o lists the questions, s follows one
up, and the knelpunten report groups the questions by ministry with the open ones and their age."""

from __future__ import annotations

from domain.loket import LoketStatus
from domain.services.loket import loket_questions
from tests.tui.casework_support import Casework, casework, casework_app, go_to, set_value  # noqa: F401
from tests.tui.pilot_support import notifications, screen_text, settle, type_text
from tui.app import DoorbraakApp
from tui.screens.knelpunten import KnelpuntenScreen
from tui.screens.knelpunten_report import KnelpuntenReportScreen
from tui.screens.loket import LoketScreen, LoketStepDialog, LoketVraagDialog
from tui.widgets.row_table import RowTable


async def test_ask_a_ministry_follow_up_and_see_it_in_the_report(
    casework_app: DoorbraakApp, casework: Casework  # noqa: F811
) -> None:
    first = casework.data.knelpunten[0]
    async with casework_app.run_test(size=(120, 36)) as pilot:
        await go_to(pilot, "k")
        register = casework_app.screen
        assert isinstance(register, KnelpuntenScreen)
        register.query_one(RowTable).move_cursor(row=0)
        assert register.query_one(RowTable).current_key == str(first)
        await pilot.press("l")
        await settle(pilot)
        dialog = casework_app.screen
        assert isinstance(dialog, LoketVraagDialog) and dialog.knelpunt_id == first
        await type_text(pilot, "Kan de boete wachten tot de uitkering loopt?")
        await pilot.press("ctrl+s")  # no ministry chosen yet: refused at the field, the text kept
        await settle(pilot)
        assert casework_app.screen is dialog and dialog._fields["ministry"].message
        assert dialog.value("question") == "Kan de boete wachten tot de uitkering loopt?"
        set_value(dialog._fields["ministry"].control, "JenV")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert casework_app.screen is register
        assert any("gesteld aan Ministerie van Justitie en Veiligheid" in n for n in notifications(casework_app))
        [vraag] = loket_questions(first, casework.db.uow(), casework.db.actor)
        assert (vraag.ministry, vraag.status, vraag.question) == (
            "JenV", LoketStatus.GESTELD, "Kan de boete wachten tot de uitkering loopt?")

        await pilot.press("o")
        await settle(pilot)
        assert isinstance(casework_app.screen, LoketScreen)
        text = screen_text(casework_app)
        assert f"LV-{vraag.id}" in text and "JenV" in text and "Gesteld" in text
        await pilot.press("s")
        await settle(pilot)
        step = casework_app.screen
        assert isinstance(step, LoketStepDialog)
        assert [s.value for s in step.choices] == ["in_behandeling", "beantwoord", "niet_oplosbaar"]
        set_value(step._fields["status"].control, "beantwoord")
        await pilot.press("ctrl+s")  # beantwoord without an answer
        await settle(pilot)
        assert casework_app.screen is step and "antwoord" in step._fields["answer"].message
        set_value(step._fields["answer"].control, "Ja: de noodstop geldt ook hier.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(casework_app.screen, LoketScreen)
        assert "Antwoord (beantwoord op" in screen_text(casework_app)
        [answered] = loket_questions(first, casework.db.uow(), casework.db.actor)
        assert (answered.status, answered.answer) == (LoketStatus.BEANTWOORD, "Ja: de noodstop geldt ook hier.")

        await pilot.press("escape")
        await settle(pilot)
        register.query_one(RowTable).move_cursor(row=1)
        await pilot.press("l")
        await settle(pilot)
        await type_text(pilot, "Telt dit als inkomen?")
        set_value(casework_app.screen._fields["ministry"].control, "SZW")  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(casework_app.screen, KnelpuntenReportScreen)
        await pilot.press("end")
        await settle(pilot)
        text = screen_text(casework_app)
        assert "Interdepartementaal loket per ministerie" in text
        assert "2 vragen, waarvan 1 open (gesteld of in behandeling)." in text
        assert "SZW – Ministerie van Sociale Zaken en Werkgelegenheid" in text
        assert "0 dagen" in text  # asked today (the app's clock)
