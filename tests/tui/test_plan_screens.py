"""Pilot tests of the maatwerkplan screens: conflicts, autosaved drafts, export, decisions, frozen versions,
version comparison, and that every step writes back exactly what it was given."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from domain.plan import ActionStatus, PlanStatus, PlanStep
from domain.services import plans as plan_service
from tests.builders import DECIDER
from tests.tui.data_plan import PlanData, open_plan_database
from tests.tui.pilot_support import notifications, screen_text, settle, type_text
from tests.tui.plan_editing import field_name, fill, open_overview, tab_to
from tui import screens
from tui.app import DoorbraakApp
from tui.plan_session import plan_json
from tui.render.plan import SECTION_NUMBERS, Edition, ExportFormat
from tui.screens import plan_editor
from tui.screens.decide_dialog import DecideDialog
from tui.screens.draft_dialog import DraftDialog
from tui.screens.error_dialog import ErrorDialog
from tui.screens.plan_compare import PlanCompareScreen
from tui.screens.plan_editor import PlanEditorScreen
from tui.screens.plan_export_dialog import PlanExportDialog
from tui.widgets.form_field import FormField
from tui.widgets.plan_goals_actions import ActiesStep, ActionEditor
from tui.widgets.plan_step import StepContext, StepView
from tui.widgets.plan_step_host import STEP_VIEWS

assert screens  # the package is importable on its own


@pytest.fixture
def plan_data(tmp_path: Path) -> Iterator[PlanData]:
    data = open_plan_database(tmp_path / "plan.db")
    yield data
    data.db.close()


@pytest.fixture
def quick_autosave(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan_editor, "AUTOSAVE_DELAY", 0.05)


async def open_editor(app: DoorbraakApp, pilot, case: str, key: str = "e") -> PlanEditorScreen:  # type: ignore[no-untyped-def]
    await open_overview(app, pilot, case)
    await pilot.press(key)
    await settle(pilot)
    assert isinstance(app.screen, PlanEditorScreen)
    return app.screen


def flat(app: DoorbraakApp) -> str:
    """The screen's words on one line (a sentence may wrap anywhere in 80 columns)."""
    return " ".join(screen_text(app).split())


async def wait_for_autosave(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause(0.2)
    await settle(pilot)


async def test_a_stale_save_shows_the_conflict_and_loses_nothing(plan_data: PlanData, quick_autosave: None) -> None:
    app = DoorbraakApp(plan_data.db.services)
    case = plan_data.partial
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot, case)
        await pilot.press("alt+d")
        await settle(pilot)
        await type_text(pilot, "Een saneringskrediet")
        # Meanwhile a colleague saves the same plan.
        stored = plan_service.get_plan(case, plan_data.db.uow(), plan_data.db.actor)
        plan_service.update_section(case, PlanStep.PERSPECTIEF, "Door een collega aangepast.", stored.version,
                                    plan_data.db.uow(), plan_data.db.actor)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ErrorDialog)
        assert "intussen door iemand anders gewijzigd" in app.screen.message
        assert "Uw wijzigingen zijn niet opgeslagen" in app.screen.message
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is editor and editor.content["doorbraak"] == "Een saneringskrediet"
        assert "Een saneringskrediet" in screen_text(app)
    # Nothing typed is lost: it is in the draft, and the colleague's save stands.
    workspace = plan_service.load_plan_for_editing(case, plan_data.db.uow(), plan_data.db.actor)
    assert workspace.draft is not None and workspace.draft.content["doorbraak"] == "Een saneringskrediet"
    assert workspace.prefer_draft  # reopening offers it
    assert workspace.plan is not None and workspace.plan.perspectief == "Door een collega aangepast."


async def test_typing_is_autosaved_and_offered_again_after_a_crash(plan_data: PlanData, quick_autosave: None) -> None:
    case = plan_data.partial
    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot, case)
        await pilot.press("alt+d")
        await settle(pilot)
        await type_text(pilot, "Het CJIB zet de inning stil")
        await wait_for_autosave(pilot)
        assert "automatisch bewaard" in screen_text(app)
        assert editor.last_draft is not None
        # The terminal closes here: no Esc, no save.
    workspace = plan_service.load_plan_for_editing(case, plan_data.db.uow(), plan_data.db.actor)
    assert workspace.draft is not None and workspace.prefer_draft
    assert workspace.plan is not None and workspace.plan.doorbraak == ""

    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot, case)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, DraftDialog)
        assert "automatisch bewaard" in screen_text(app)
        await pilot.press("h")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, PlanEditorScreen)
        assert editor.content["doorbraak"] == "Het CJIB zet de inning stil"
        assert PlanStep.DOORBRAAK in editor.unsaved_steps()
        await pilot.press("alt+d")
        await settle(pilot)
        assert "Het CJIB zet de inning stil" in screen_text(app)
        assert "d Doorbraak*" in screen_text(app)  # the step bar marks what is not saved yet
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not editor.has_unsaved
    workspace = plan_service.load_plan_for_editing(case, plan_data.db.uow(), plan_data.db.actor)
    assert workspace.draft is None  # the save cleared it
    assert workspace.plan is not None and workspace.plan.doorbraak == "Het CJIB zet de inning stil"


async def test_leaving_saves_the_draft_and_discarding_it_shows_the_saved_plan(plan_data: PlanData) -> None:
    case = plan_data.partial
    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot, case)
        await pilot.press("alt+p")
        await settle(pilot)
        await type_text(pilot, " En de kinderen")
        await pilot.press("escape")  # well before the autosave would run
        await settle(pilot)
        assert any("automatisch bewaard" in n for n in notifications(app))
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, DraftDialog)
        await pilot.press("w")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, PlanEditorScreen)
        assert editor.content["perspectief"] == "Over een jaar hebben we rust in huis."
        assert not editor.has_unsaved
    assert plan_service.load_plan_for_editing(case, plan_data.db.uow(), plan_data.db.actor).draft is None


async def test_an_invalid_save_marks_the_field_and_keeps_the_input(plan_data: PlanData) -> None:
    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot, plan_data.partial)
        await pilot.press("alt+a")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await type_text(pilot, "Bewindvoering aanvragen")
        await fill(pilot, "deadline", "31-02-2026")
        await pilot.press("ctrl+s")
        await settle(pilot)
        text = screen_text(app)
        assert "✗" in text and "Deadline" in text
        assert any("Niet opgeslagen" in n for n in notifications(app))
        assert editor.content["actions"][0]["what"] == "Bewindvoering aanvragen"
        assert "!a Acties" in text  # the step bar marks the step with invalid input


async def test_the_overview_lists_what_is_missing_and_deciding_is_refused(plan_data: PlanData) -> None:
    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(120, 36)) as pilot:
        overview = await open_overview(app, pilot, plan_data.partial)
        text = screen_text(app)
        assert "punt(en) voor een besluit" in text
        assert "✗ De doorbraak is niet beschreven." in text
        assert "✓ Perspectief" in text
        # Each missing item opens its step.
        labels = overview.labels()
        index = next(i for i, label in enumerate(labels) if "De doorbraak is niet beschreven" in label)
        overview.query_one("#overview-steps").highlighted = index  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PlanEditorScreen) and app.screen.step is PlanStep.DOORBRAAK
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, DecideDialog)
        await pilot.press("ctrl+s")
        await settle(pilot)
        text = screen_text(app)
        assert "kan nog niet worden vastgesteld" in text and "De doorbraak is niet beschreven" in text
        assert isinstance(app.screen, DecideDialog)
    plan = plan_service.get_plan(plan_data.partial, plan_data.db.uow(), plan_data.db.actor)
    assert plan.status is PlanStatus.CONCEPT


async def test_deciding_from_the_overview(plan_data: PlanData) -> None:
    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(80, 24)) as pilot:  # the author: refused, naming who may decide
        await open_overview(app, pilot, plan_data.concept)
        assert "compleet: b stelt het plan vast" in screen_text(app)
        await pilot.press("b")
        await settle(pilot)
        assert "Besluit door: Lokale gebruiker" in flat(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DecideDialog)
        refusal = app.screen.query_one("#decide-missing", Static).render()
        assert "U mag dit plan niet vaststellen: u heeft het plan zelf opgesteld" in str(refusal)
        assert any("Beslissen mag: Sanne de Wit (s.dewit, M-1)." in n for n in notifications(app)), notifications(app)
    plan_data.db.logged_in = DECIDER  # the maatwerkfunctionaris with a mandate for Utrecht
    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot, plan_data.concept)
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "ligt vast" in flat(app)
        assert any("is vastgesteld door Sanne de Wit" in n for n in notifications(app))
    plan = plan_service.get_plan(plan_data.concept, plan_data.db.uow(), plan_data.db.actor)
    assert plan.status is PlanStatus.VASTGESTELD


async def test_a_decided_version_is_read_only_but_action_status_changes(plan_data: PlanData) -> None:
    case = plan_data.decided
    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot, case)
        assert editor.frozen and editor.step is PlanStep.IN_KAART  # the step highlighted in the overview
        await pilot.press("alt+a")
        await settle(pilot)
        assert "De inhoud ligt vast" in flat(app)
        what = next(w for w in editor.query(Input) if w.value.startswith("Huurschuld aflossen"))
        assert what.disabled
        status = await tab_to(pilot, lambda w: isinstance(w, Select))
        assert not status.disabled
        await pilot.press("enter", "down", "down", "enter")  # open → gedaan
        await settle(pilot)
        assert editor.statuses_changed
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("Status van 1 actie opgeslagen" in n for n in notifications(app))
        await pilot.press("alt+p")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("vastgesteld; de inhoud kan niet meer veranderen" in n for n in notifications(app))
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("v")  # nieuwe versie
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, PlanEditorScreen) and not editor.frozen
        assert editor.plan is not None and editor.plan.plan_version == 2
    plan = plan_service.get_plan(case, plan_data.db.uow(), plan_data.db.actor, plan_version=1)
    assert plan.actions[0].status is ActionStatus.GEDAAN and plan.status is PlanStatus.VASTGESTELD


async def test_recording_an_evaluation_moment(plan_data: PlanData) -> None:
    case = plan_data.decided
    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(app, pilot, case)
        await pilot.press("alt+e")
        await settle(pilot)
        await tab_to(pilot, lambda w: isinstance(w, Select) and w.prompt == "1–10 (bewoner)")
        await pilot.press("enter", "down", "down", "down", "down", "down", "down", "enter")  # 6
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("Evaluatie na 0 maanden vastgelegd" in n for n in notifications(app)), notifications(app)
        assert "0 mnd" in screen_text(app)
    plan = plan_service.get_plan(case, plan_data.db.uow(), plan_data.db.actor)
    assert plan.evaluations[0].moment == 0 and plan.evaluations[0].rapportcijfer == 6


async def test_exporting_the_plan_as_pdf(plan_data: PlanData, tmp_path: Path) -> None:
    target = tmp_path / "plan-mulder.pdf"
    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot, plan_data.decided)
        await pilot.press("x")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PlanExportDialog)
        path = dialog.query_one("#export-path", Input)
        assert path.value.endswith(f"maatwerkplan-{plan_data.decided}-v1.pdf")
        await pilot.press("home", "ctrl+k")
        await type_text(pilot, str(target))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any(f"Geschreven: {target}" in n for n in notifications(app)), notifications(app)
        assert not isinstance(app.screen, PlanExportDialog)
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    for step, number in SECTION_NUMBERS.items():
        assert f"{number}. {step.label}" in text, step
    assert "1. Huishouden en in kaart brengen" in text and "Ondertekening" in text
    assert "Sanne de Wit" in text and "Awb" in text and "€ 27.845,33" in text.replace("\xa0", " ")
    assert "999993653" not in text


async def test_exporting_the_beschikking_of_a_decided_plan(plan_data: PlanData, tmp_path: Path) -> None:
    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_overview(app, pilot, plan_data.decided)
        await pilot.press("x")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PlanExportDialog)
        dialog.directory = tmp_path  # the default path follows the document
        dialog.query_one("#export-path", Input).value = dialog._default_path(ExportFormat.PDF)
        dialog.query_one("#export-document", Select).value = "beschikking"
        await settle(pilot)
        path = dialog.query_one("#export-path", Input).value
        assert path == str(tmp_path / f"beschikking-{plan_data.decided}-v1.pdf")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any(f"Geschreven: {path}" in n for n in notifications(app)), notifications(app)
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
    assert "Beschikking maatwerkplan" in text and "binnen zes weken" in text and "Awb 6:7 en 6:8" in text
    assert "Sanne de Wit" in text and "M-1" in text and "999993653" not in text


async def test_the_residents_plan_from_the_overview_key(plan_data: PlanData, tmp_path: Path) -> None:
    target = tmp_path / "plan-bewoner.pdf"
    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot, plan_data.decided)
        await pilot.press("w")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PlanExportDialog)
        assert dialog.edition is Edition.BEWONER
        path = dialog.query_one("#export-path", Input)
        assert path.value.endswith(f"plan-voor-bewoner-{plan_data.decided}-v1.pdf")
        dialog.query_one("#export-edition", Select).value = Edition.PROFESSIONAL.value
        await settle(pilot)
        assert path.value.endswith(f"maatwerkplan-{plan_data.decided}-v1.pdf")  # the name follows the choice
        dialog.query_one("#export-edition", Select).value = Edition.BEWONER.value
        await settle(pilot)
        await pilot.press("home", "ctrl+k")
        await type_text(pilot, str(target))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any(f"Geschreven: {target}" in n for n in notifications(app)), notifications(app)
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Wat gaan we doen? Wie doet wat, en wanneer?" in text and "Samen afspreken" in text
    assert "Awb" not in text and "Juridische paragraaf" not in text and "€" not in text


async def test_export_as_markdown_asks_before_overwriting(plan_data: PlanData, tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("oud", encoding="utf-8")
    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot, plan_data.concept)
        await pilot.press("x")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PlanExportDialog)
        dialog.query_one("#export-format", Select).value = "md"
        await settle(pilot)
        assert dialog.query_one("#export-path", Input).value.endswith(".md")
        await pilot.press("home", "ctrl+k")
        await type_text(pilot, str(target))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "bestaat al" in screen_text(app) and target.read_text(encoding="utf-8") == "oud"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert "## 3. Perspectief" in target.read_text(encoding="utf-8") or "Perspectief" in target.read_text(
        encoding="utf-8")


async def test_comparing_two_versions(plan_data: PlanData) -> None:
    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_overview(app, pilot, plan_data.versions)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, PlanCompareScreen)
        text = screen_text(app)
        assert "Versie 1 → versie 2" in text
        assert "■ Doorbraak" in text and "betaalt drie maanden huur door" in text
        assert "Perspectief: ongewijzigd" in text


async def written_back(view_class: type[StepView], ctx: StepContext) -> dict[str, Any]:
    """Mount one step on its own, then let it write its content back."""

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield view_class(ctx)

    host = Host()
    async with host.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        host.query_one(view_class).write_into(ctx.content)
    return ctx.content


async def test_every_step_writes_back_what_it_was_given(plan_data: PlanData) -> None:
    """No step may change content it was only shown (else every opened plan would look 'not saved')."""
    for case in (plan_data.concept, plan_data.decided, plan_data.partial):
        workspace = plan_service.load_plan_for_editing(case, plan_data.db.uow(), plan_data.db.actor)
        original = plan_json(workspace.plan)
        for step, view_class in STEP_VIEWS.items():
            ctx = StepContext(household=workspace.household, content=copy.deepcopy(original), plan=workspace.plan,
                              read_only=workspace.plan is not None and workspace.plan.is_frozen)
            assert await written_back(view_class, ctx) == original, (case, step)


async def test_a_register_contact_can_be_put_on_an_action(plan_data: PlanData) -> None:
    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot, plan_data.concept)
        await pilot.press("alt+a")
        await settle(pilot)
        assert isinstance(editor.view, ActiesStep)
        assert editor.put_contact_on_action("UWV Maatwerkloket, 088-0000000", 42, action_id="a2")
        await settle(pilot)
        editor.sync()
        action = next(a for a in editor.content["actions"] if a["id"] == "a2")
        assert action["contact"] == "UWV Maatwerkloket, 088-0000000" and action["contact_id"] == 42
        await pilot.press("alt+p")
        await settle(pilot)
        assert editor.put_contact_on_action("CJIB, team maatwerk", 7, action_id="a1")
        await pilot.press("ctrl+s")
        await settle(pilot)
    plan = plan_service.get_plan(plan_data.concept, plan_data.db.uow(), plan_data.db.actor)
    assert [(a.contact, a.contact_id) for a in plan.actions] == [
        ("CJIB, team maatwerk", 7), ("UWV Maatwerkloket, 088-0000000", 42)]


async def test_quitting_keeps_what_was_typed_as_a_draft(plan_data: PlanData) -> None:
    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot, plan_data.partial)
        await pilot.press("alt+d")
        await settle(pilot)
        await type_text(pilot, "Bewindvoering")
        await pilot.press("ctrl+q")
        await settle(pilot)
    draft = plan_service.load_plan_for_editing(plan_data.partial, plan_data.db.uow(), plan_data.db.actor).draft
    assert draft is not None and draft.content["doorbraak"] == "Bewindvoering"


async def test_a_cost_line_still_in_its_dialog_is_in_the_draft(plan_data: PlanData, quick_autosave: None) -> None:
    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot, plan_data.partial)
        await pilot.press("alt+r")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("enter")  # Vrije regel
        await settle(pilot)
        await type_text(pilot, "Bewindvoering")
        await fill(pilot, "amount", "1200")
        await pilot.pause()
        assert "Betaler is verplicht" in screen_text(app)  # no payer is chosen for the user
        await tab_to(pilot, lambda w: field_name(w) == "payer")
        await pilot.press("enter", "down", "down", "enter")
        await wait_for_autosave(pilot)
        assert "Telt mee: € 1.200,00" in screen_text(app)
        assert editor.content["rekensom"]["lines"] == []  # not in the plan until it is confirmed
    draft = plan_service.load_plan_for_editing(plan_data.partial, plan_data.db.uow(), plan_data.db.actor).draft
    assert draft is not None
    assert [(ln["description"], ln["amount"]) for ln in draft.content["rekensom"]["lines"]] == [
        ("Bewindvoering", "1200")]


async def test_enter_in_a_field_goes_to_the_next_one(plan_data: PlanData) -> None:
    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot, plan_data.partial)
        await pilot.press("alt+t")
        await settle(pilot)
        assert field_name(app.focused) == "given_by"
        await type_text(pilot, "Eline Bakker")
        await pilot.press("enter")
        assert field_name(app.focused) == "given_on"


async def ask_who_to_call_on_the_first_action(app: DoorbraakApp, pilot: Pilot[None], plan_data: PlanData,
                                              ) -> tuple[PlanEditorScreen, ActionEditor]:
    """Open the editor's Acties step, give the first action the organisation UWV and press Ctrl+O on it."""
    editor = await open_editor(app, pilot, plan_data.concept)
    await pilot.press("alt+a")
    await settle(pilot)
    assert isinstance(editor.view, ActiesStep)
    action = editor.view.editors()[0]
    owner = action.field("owner_organisation")
    assert owner is not None and isinstance(owner.control, Input)
    owner.control.focus()
    owner.control.value = "UWV"
    await settle(pilot)
    await pilot.press("ctrl+o")
    await settle(pilot)
    return editor, action


async def test_who_to_call_puts_a_register_contact_on_the_focused_action(plan_data: PlanData) -> None:
    """'Wie bel ik?' (Ctrl+O) on an action: the register's contacts of its organisation, the chosen one on it."""
    from tests.tui.data_register import build_register
    from tui.screens.contact_picker import ContactPickerDialog

    register = build_register(plan_data.db)
    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        editor, action = await ask_who_to_call_on_the_first_action(app, pilot, plan_data)
        assert isinstance(app.screen, ContactPickerDialog)
        assert "Team Maatwerk WW" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is editor
        editor.sync()
        saved_action = next(a for a in editor.content["actions"] if a["id"] == action.action_id)
        assert saved_action["contact_id"] == register["uwv-ww"].id
        assert saved_action["contact"].startswith("UWV – Team Maatwerk WW")
        assert any("Contact bij de actie gezet" in n for n in notifications(app))
        await pilot.press("ctrl+s")
        await settle(pilot)
    plan = plan_service.get_plan(plan_data.concept, plan_data.db.uow(), plan_data.db.actor)
    assert any(a.contact_id == register["uwv-ww"].id for a in plan.actions)


async def test_at_80x24_the_action_card_shows_the_phone_number_of_the_contact_from_the_register(
    plan_data: PlanData,
) -> None:
    """Issue 14, 80×24: after 'Wie bel ik?' the Contact field holds 'organisatie – team, telefoon, mailbox';
    the narrow field shows only its start, so the card shows the number on its own line (a wide terminal,
    where the number fits in the field, gets no extra line)."""
    from tests.tui.data_register import build_register

    build_register(plan_data.db)
    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        editor, action = await ask_who_to_call_on_the_first_action(app, pilot, plan_data)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is editor
        contact = action.field("contact")
        assert contact is not None and "06 12345103" in contact.value
        assert "06 12345103" not in contact.control.render_line(0).text  # the field itself cuts it off
        text = screen_text(app)
        assert "Telefoon    06 12345103" in text, text
        await pilot.resize_terminal(160, 40)
        await settle(pilot)
        assert "06 12345103" in contact.control.render_line(0).text
        assert "Telefoon    06 12345103" not in screen_text(app)  # it fits: no second copy


async def test_an_action_marked_done_records_the_day(plan_data: PlanData) -> None:
    """On a decided plan: 'Gedaan op' opens with status gedaan; a typed day is kept, an empty one becomes
    today (the database clock: 1 November 2026), a future one is refused with a Dutch message."""
    case = plan_data.decided
    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(app, pilot, case)
        await pilot.press("alt+a")
        await settle(pilot)
        done_fields = [w for w in editor.query(Input) if field_name(w) == "done_on"]
        assert len(done_fields) == 2 and all(w.disabled for w in done_fields)  # both actions are open
        await tab_to(pilot, lambda w: isinstance(w, Select) and field_name(w) == "status")
        await pilot.press("enter", "down", "down", "enter")  # open → gedaan
        await settle(pilot)
        assert not done_fields[0].disabled and done_fields[1].disabled
        await fill(pilot, "done_on", "02-11-2026")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "toekomst" in screen_text(app) + " ".join(notifications(app))
        if not isinstance(app.screen, PlanEditorScreen):
            await pilot.press("escape")
            await settle(pilot)
        done_fields[0].value = "30-10-2026"
        await settle(pilot)
        status = [w for w in editor.query(Select) if field_name(w) == "status"]
        status[1].value = "gedaan"
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("Status van 2 acties opgeslagen" in n for n in notifications(app)), notifications(app)
        assert [w.value for w in done_fields] == ["30-10-2026", "01-11-2026"]  # the stored days, shown back
        assert not editor.statuses_changed
        status[0].value = "bezig"
        await settle(pilot)
        assert done_fields[0].disabled and done_fields[0].value == ""
    plan = plan_service.get_plan(case, plan_data.db.uow(), plan_data.db.actor)
    assert [(a.status, a.done_on) for a in plan.actions] == [
        (ActionStatus.GEDAAN, date(2026, 10, 30)), (ActionStatus.GEDAAN, date(2026, 11, 1))]


async def test_an_evaluation_records_realised_costs_per_payer(plan_data: PlanData) -> None:
    case = plan_data.decided
    app = DoorbraakApp(plan_data.db.services)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(app, pilot, case)
        await pilot.press("alt+e")
        await settle(pilot)
        await tab_to(pilot, lambda w: isinstance(w, Select) and w.prompt == "1–10 (bewoner)")
        await pilot.press("enter", "down", "enter")
        await fill(pilot, "gemeente_schuldhulp", "1.250,50")
        await fill(pilot, "gemeente_wmo", "abc")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("Niet vastgelegd: zie de velden" in n for n in notifications(app)), notifications(app)
        wmo = next(f for f in app.screen.query(FormField) if f.field_name == "gemeente_wmo")
        assert wmo.has_class("-invalid")  # the amount that is not one is marked, the rest kept
        await tab_to(pilot, lambda w: field_name(w) == "gemeente_wmo")
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "300")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("Evaluatie na 0 maanden vastgelegd" in n for n in notifications(app)), notifications(app)
        assert "gerealiseerd € 1.550,50" in screen_text(app).replace("\xa0", " ")
    evaluation = plan_service.get_plan(case, plan_data.db.uow(), plan_data.db.actor).evaluations[0]
    assert evaluation.realised_costs == Decimal("1550.50")
    assert {p.value: a for p, a in evaluation.realised_by_payer.items()} == {
        "gemeente_wmo": Decimal("300.00"), "gemeente_schuldhulp": Decimal("1250.50")}
