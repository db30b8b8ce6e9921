"""Pilot tests of the maatwerkplan screens: writing a whole plan by keyboard, from a household without a
plan to a decided plan with a rekensom line and a legal basis."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import TextArea

from domain.plan import PlanStatus, PlanStep
from domain.services import plans as plan_service
from tests.tui.data_plan import PlanData, open_plan_database
from tests.tui.pilot_support import notifications, screen_text, settle, type_text
from tests.tui.plan_editing import fill, named, open_overview, tab_to
from tui.app import DoorbraakApp
from tui.screens.cost_line_dialog import CostLineDialog
from tui.screens.kengetal_picker import KengetalPicker
from tui.screens.legal_basis_picker import LegalBasisPicker
from tui.screens.plan_editor import PlanEditorScreen


@pytest.fixture
def plan_data(tmp_path: Path) -> Iterator[PlanData]:
    data = open_plan_database(tmp_path / "plan.db")
    yield data
    data.db.close()


async def test_write_a_whole_plan_by_keyboard(plan_data: PlanData) -> None:
    app = DoorbraakApp(plan_data.db.services)
    case = plan_data.blank
    async with app.run_test(size=(100, 32)) as pilot:
        overview = await open_overview(app, pilot, case)
        assert "nog geen maatwerkplan" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, PlanEditorScreen)
        assert editor.step is PlanStep.IN_KAART and editor.plan is not None
        assert isinstance(app.focused, TextArea)

        await type_text(pilot, "Tien hulpverleners; de huurschuld blokkeert alles")
        await fill(pilot, "datum", "01-10-2026")
        await pilot.press("pagedown")
        await settle(pilot)
        assert editor.step is PlanStep.PERSPECTIEF
        await type_text(pilot, "Over een jaar wonen we hier nog")
        await pilot.press("pagedown")
        await settle(pilot)
        assert editor.step is PlanStep.STA_IN_DE_WEG
        await tab_to(pilot, named("problem_id"))
        await pilot.press("enter", "down", "enter")
        await fill(pilot, "toelichting", "Zonder woning lukt niets")
        await pilot.press("pagedown")
        await settle(pilot)
        await type_text(pilot, "De gemeente lost de huurschuld af")
        await pilot.press("pagedown")
        await settle(pilot)
        assert editor.step is PlanStep.DOELEN
        await pilot.press("ctrl+n")
        await settle(pilot)
        await type_text(pilot, "Geen huurachterstand meer")

        await pilot.press("pagedown")
        await settle(pilot)
        assert editor.step is PlanStep.ACTIES
        await pilot.press("ctrl+n")
        await settle(pilot)
        await type_text(pilot, "Huurschuld aflossen")
        await fill(pilot, "owner_organisation", "Gemeente Utrecht")
        await fill(pilot, "deadline", "15-12-2026")
        await tab_to(pilot, named("deviating"))
        await pilot.press("space")
        await tab_to(pilot, lambda w: w is not None and w.has_class("add-basis"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LegalBasisPicker)
        await type_text(pilot, "4:84")
        await pilot.press("enter")
        await settle(pilot)
        assert editor.content["actions"][0]["legal_basis_ids"] == ["awb_4_84"]

        await pilot.press("alt+r")
        await settle(pilot)
        assert editor.step is PlanStep.REKENSOM
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, KengetalPicker)
        await type_text(pilot, "opvang feitelijk")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CostLineDialog)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("enter")  # "Vrije regel" is the first choice
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CostLineDialog)
        await type_text(pilot, "Aflossing huurschuld")
        await tab_to(pilot, named("scenario"))
        await pilot.press("enter", "down", "enter")
        await tab_to(pilot, named("payer"))
        await pilot.press("enter", "down", "enter")
        await fill(pilot, "amount", "3400")
        await fill(pilot, "source_text", "Huurafrekening")
        await fill(pilot, "source_year", "2026")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is editor
        lines = editor.content["rekensom"]["lines"]
        assert [line["scenario"] for line in lines] == ["huidig_pad", "doorbraak"]
        assert "€ 3.400,00" in screen_text(app)

        await pilot.press("alt+j")
        await settle(pilot)
        await type_text(pilot, "College van B en W van Utrecht")
        await fill(pilot, "feiten", "Huurschuld van 3400 euro")
        await fill(pilot, "onevenredigheid", "Uitzetting van een gezin is onevenredig")
        await fill(pilot, "privacy_toelichting", "Alleen de huurschuld")
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, LegalBasisPicker) and app.screen.privacy is True
        await type_text(pilot, "avg 6")
        await pilot.press("enter")
        await settle(pilot)

        await pilot.press("alt+t")
        await settle(pilot)
        await type_text(pilot, "Eline Bakker")
        await fill(pilot, "given_on", "02-11-2026")
        await fill(pilot, "scope", "Huurgegevens delen met Mitros")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("opgeslagen" in n for n in notifications(app)), notifications(app)
        assert not editor.has_unsaved

        await pilot.press("alt+v")
        await settle(pilot)
        assert "Klaar voor een besluit" in screen_text(app), editor.missing
        assert "Besluit door: Lokale gebruiker" in " ".join(screen_text(app).split())
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("j")  # confirm
        await settle(pilot)
        # Four-eyes: who wrote the plan does not decide it; the step and a notification name who may.
        assert editor.plan is not None and editor.plan.status is PlanStatus.CONCEPT
        refusal = "U mag dit plan niet vaststellen: u heeft het plan zelf opgesteld"
        assert refusal in " ".join(screen_text(app).split())
        assert any(refusal in n and "Sanne de Wit (s.dewit, M-1)" in n for n in notifications(app))
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is overview

    plan = plan_service.get_plan(case, plan_data.db.uow(), plan_data.db.actor)
    assert plan.status is PlanStatus.CONCEPT and plan.decision is None
    assert plan.perspectief == "Over een jaar wonen we hier nog"
    assert plan.sta_in_de_weg.leefgebied == "financien"
    assert plan.actions[0].deviating and plan.actions[0].legal_basis_ids == ["awb_4_84"]
    assert [line.source.kengetal_id for line in plan.rekensom.lines if line.source] == ["mo_feitelijk_dakloos", None]
    assert plan.juridisch.privacy_grondslagen[0].basis_id == "avg_6"
    assert plan.consent is not None and plan.consent.given_by == "Eline Bakker"
