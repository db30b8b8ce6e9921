"""Pilot tests of the coordinator's casework: werklijst → overbrugging → settlement; escalation to the LET with the
pseudonymised dossier exported; the knelpunten register and its report.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pypdf
from textual.widgets import Input

from domain.escalation import EscalationLevel, EscalationStatus
from domain.overbrugging import OverbruggingStatus
from domain.services.escalation import get_escalation
from domain.services.knelpunten import get_knelpunt, knelpunten_report
from domain.services.overbrugging import get_overbrugging
from domain.trend import month_label
from tests.tui.casework_support import Casework, casework, casework_app, go_to, set_value
from tests.tui.data import TODAY
from tests.tui.data_casework import JANSEN_IDENTIFIERS
from tests.tui.pilot_support import notifications, screen_text, settle
from tui.app import DoorbraakApp
from tui.screens.escalation_detail import EscalationDetailScreen
from tui.screens.escalation_form import EscalationFormScreen, RouteEditor
from tui.screens.export_dialog import ExportDialog
from tui.screens.household_detail import HouseholdDetailScreen
from tui.screens.knelpunt_form import KnelpuntFormScreen
from tui.screens.knelpunten import KnelpuntenScreen
from tui.screens.knelpunten_report import KnelpuntenReportScreen
from tui.screens.overbrugging_detail import OverbruggingDetailScreen
from tui.screens.overbrugging_dialogs import CostDialog
from tui.screens.overbrugging_form import OverbruggingFormScreen
from tui.screens.overbrugging_list import OverbruggingListScreen
from tui.screens.settlement_form import SettlementFormScreen
from tui.screens.step_dialog import StepDialog
from tui.screens.worklist import WorklistScreen
from tui.widgets.bar_chart import BarChart
from tui.widgets.item_editors import ItemList
from tui.widgets.row_table import RowTable

__all__ = ["casework", "casework_app"]  # fixtures


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)


# -- werklijst → overbrugging past its deadline → settlement ------------------------------------------------------
async def test_worklist_to_a_late_overbrugging_and_its_settlement(
    casework_app: DoorbraakApp, casework: Casework
) -> None:
    data = casework.data
    async with casework_app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "w")
        worklist = casework_app.screen
        assert isinstance(worklist, WorklistScreen)
        text = screen_text(casework_app)
        assert "Werklijst" in text and "5 signalen" in text
        assert {s.kind.value for s in worklist.signals} == {
            "wordt_18", "verrekening_verlopen", "plafond_overschreden", "escalatie_wacht", "checklist_18"}

        await pilot.press("2")  # only "verrekening te laat"
        await settle(pilot)
        table = worklist.query_one(RowTable)
        assert len(table.keys) == 1
        assert "1 van 5 signalen" in screen_text(casework_app)
        assert "61 dagen te laat" in screen_text(casework_app)  # the whole text under the table

        await pilot.press("enter")
        await settle(pilot)
        detail = casework_app.screen
        assert isinstance(detail, OverbruggingDetailScreen)
        assert detail.overbrugging_id == data.late_overbrugging
        text = screen_text(casework_app)
        assert "De uiterste datum voor de verrekening is verstreken." in text
        assert "Ingezet" in text

        # A settlement that does not add up is refused at the list, with everything typed kept.
        await pilot.press("v")
        await settle(pilot)
        form = casework_app.screen
        assert isinstance(form, SettlementFormScreen)
        shares = form.query_one(ItemList)
        first = shares.editors[0]
        set_value(first.field("payer").control, "Zorgkantoor Amstelland")  # type: ignore[union-attr]
        set_value(first.field("percentage").control, "60")  # type: ignore[union-attr]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert casework_app.screen is form
        assert "De aandelen tellen op tot 60 %; dat moet precies 100 % zijn." in screen_text(casework_app)
        assert first.value_of("payer") == "Zorgkantoor Amstelland"

        await pilot.press("ctrl+n")
        await settle(pilot)
        second = shares.editors[1]
        set_value(second.field("payer").control, "Gemeente Amsterdam")  # type: ignore[union-attr]
        set_value(second.field("percentage").control, "40")  # type: ignore[union-attr]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert casework_app.screen is detail
        assert "Verrekening van OB-1 is vastgelegd." in " ".join(notifications(casework_app))

        saved = get_overbrugging(data.late_overbrugging, casework.db.uow(), casework.db.actor)
        assert saved.status is OverbruggingStatus.VERREKENING_BESLOTEN
        assert saved.settlement is not None and saved.settlement.amount == Decimal("800.00")
        assert [(p.payer, p.amount) for p in saved.settlement.portions()] == [
            ("Zorgkantoor Amstelland", Decimal("480.00")), ("Gemeente Amsterdam", Decimal("320.00"))]
        assert saved.steps[-1].status == "verrekening_besloten" and saved.steps[-1].on == TODAY
        text = screen_text(casework_app)
        assert "Verrekening besloten" in text

        # Repayment, then the only legal next state is "afgesloten".
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        dialog = casework_app.screen
        assert isinstance(dialog, StepDialog)
        assert dialog.choices == [("afgesloten", "Afgesloten")]
        await pilot.press("ctrl+s")
        await settle(pilot)
        closed = get_overbrugging(data.late_overbrugging, casework.db.uow(), casework.db.actor)
        assert closed.status is OverbruggingStatus.AFGESLOTEN
        assert closed.settlement is not None and closed.settlement.repaid_on == TODAY


async def test_request_an_overbrugging_from_a_household_with_inline_errors(
    casework_app: DoorbraakApp, casework: Casework
) -> None:
    bakker = casework.data.bakker
    async with casework_app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        casework_app.screen.open_case(bakker)  # type: ignore[attr-defined]
        await settle(pilot)
        assert isinstance(casework_app.screen, HouseholdDetailScreen)
        await pilot.press("o")
        await settle(pilot)
        listing = casework_app.screen
        assert isinstance(listing, OverbruggingListScreen) and listing.case_number == bakker
        assert "Nog geen overbruggingen. Druk op n" in screen_text(casework_app)
        await pilot.press("n")
        await settle(pilot)
        form = casework_app.screen
        assert isinstance(form, OverbruggingFormScreen)
        set_value(form._fields["support_needed"].control, "Ambulante begeleiding na 18")
        set_value(form._fields["urgency_reason"].control, "Jeugdwet stopt op 15-01-2027")
        set_value(form._fields["transition"].control, "18-/18+")
        set_value(form._fields["laws_in_dispute"].control, ["Jeugdwet", "Wmo 2015"])
        set_value(form._fields["voorfinancier"].control, "Gemeente Amsterdam")
        set_value(form._fields["cap"].control, "veel")
        set_value(form._fields["expected_cost"].control, "4.500,00")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert casework_app.screen is form
        assert form._fields["cap"].message.startswith("Plafond moet een bedrag zijn")
        assert form.value("support_needed") == "Ambulante begeleiding na 18"  # nothing lost
        set_value(form._fields["cap"].control, "5.000,00")
        await pilot.press("ctrl+s")
        await settle(pilot)
        detail = casework_app.screen
        assert isinstance(detail, OverbruggingDetailScreen)
        ob = detail.overbrugging
        assert ob is not None and ob.status is OverbruggingStatus.AANGEVRAAGD
        assert ob.cap == Decimal("5000.00") and ob.expected_cost == Decimal("4500.00")
        assert [law.value for law in ob.laws_in_dispute] == ["Wmo 2015", "Jeugdwet"]  # in the list order

        # Only the legal next states are offered; afwijzen needs a reason.
        await pilot.press("s")
        await settle(pilot)
        dialog = casework_app.screen
        assert isinstance(dialog, StepDialog)
        assert [value for value, _ in dialog.choices] == ["toegekend", "afgewezen"]
        dialog.select_state("afgewezen")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert casework_app.screen is dialog
        assert "Geef de reden van de afwijzing." in screen_text(casework_app)
        dialog.select_state("toegekend")
        await pilot.press("ctrl+s")
        await settle(pilot)
        # Four-eyes: who requested it does not grant it; the refusal names who may.
        assert casework_app.screen is dialog
        assert any("U mag deze overbrugging niet toekennen: u heeft de overbrugging zelf aangevraagd" in n
                   for n in notifications(casework_app)), notifications(casework_app)
        await pilot.press("escape")
        await settle(pilot)
        assert detail.overbrugging is not None and detail.overbrugging.status is OverbruggingStatus.AANGEVRAAGD
        assert detail.check_action("book_cost", ()) is False  # costs only once it is ingezet
        assert detail.check_action("change_status", ()) is True


async def test_booking_over_the_cap_warns(casework_app: DoorbraakApp, casework: Casework) -> None:
    async with casework_app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        casework_app.push_screen(OverbruggingDetailScreen(casework.db.services, casework.data.late_overbrugging))
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        dialog = casework_app.screen
        assert isinstance(dialog, CostDialog)
        set_value(dialog._fields["amount"].control, "450,00")
        await pilot.pause()
        assert "Na deze boeking: € 1.250,00 — LET OP: boven het plafond." in screen_text(casework_app)
        set_value(dialog._fields["description"].control, "Factuur juli")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(casework_app.screen, OverbruggingDetailScreen)
        messages = notifications(casework_app)
        assert any("overschrijden het plafond" in m for m in messages), messages
        ob = get_overbrugging(casework.data.late_overbrugging, casework.db.uow(), casework.db.actor)
        assert ob.total_costs == Decimal("1250.00")


# -- escalation from a household to the LET, dossier exported without identifiers --------------------------------
async def test_escalate_a_household_to_the_let_and_export_a_clean_dossier(
    casework_app: DoorbraakApp, casework: Casework, tmp_path: Path
) -> None:
    jansen = casework.data.numbers[0]
    async with casework_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        casework_app.screen.open_case(jansen)  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        form = casework_app.screen
        assert isinstance(form, EscalationFormScreen)
        # suggest_escalation filled the acute leefgebieden and the organisations of the household.
        assert form.value("domains") == ["financien", "huisvesting"]
        assert form.value("organisations").splitlines() == ["Woonstad", "Gemeente Amsterdam", "CJIB"]

        f = form._fields
        set_value(f["level"].control, EscalationLevel.LANDELIJK.value)
        set_value(f["urgent"].control, True)
        set_value(f["urgency_note"].control, "Ontruiming over drie weken")
        set_value(f["complex"].control, True)
        set_value(f["blockage"].control, "Petra wil betalen maar de corporatie eist alles in een keer.")
        set_value(f["requested_solution"].control, "Afzien van ontruiming bij een betalingsregeling.")
        set_value(f["consent.given"].control, True)
        set_value(f["consent.given_on"].control, "20-10-2026")
        set_value(f["consent.scope"].control, "Delen met LMM en LET voor deze escalatie")
        set_value(f["consent.recipients"].control, "LMM\nLET")
        set_value(f["consent.expires_on"].control, "20-10-2027")
        for level, day, what in (("lokaal", "01-09-2026", "Lokaal doorbraakteam"),
                                 ("regionaal", "01-10-2026", "Regionaal escalatieoverleg")):
            await pilot.press("ctrl+n")
            await settle(pilot)
            route = form.query_one(ItemList).editors[-1]
            assert isinstance(route, RouteEditor)
            set_value(route.field("level").control, level)  # type: ignore[union-attr]
            set_value(route.field("tried_on").control, day)  # type: ignore[union-attr]
            set_value(route.field("description").control, what)  # type: ignore[union-attr]
        await pilot.press("ctrl+s")
        await settle(pilot)
        detail = casework_app.screen
        assert isinstance(detail, EscalationDetailScreen)
        escalation = detail.escalation
        assert escalation is not None and escalation.status is EscalationStatus.CONCEPT
        # The name in the blockage blocks submission, and the screen says so.
        assert "een naam uit het huishouden (Petra)" in screen_text(casework_app)

        await pilot.press("s")
        await settle(pilot)
        dialog = casework_app.screen
        assert isinstance(dialog, StepDialog) and dialog.choices == [("ingediend", "Ingediend")]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert casework_app.screen is dialog  # refused: nothing submitted
        assert "een naam uit het huishouden (Petra)" in screen_text(casework_app)
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("b")
        await settle(pilot)
        edit = casework_app.screen
        assert isinstance(edit, EscalationFormScreen)
        set_value(edit._fields["blockage"].control,
                  "De bewoner wil betalen maar de corporatie eist de achterstand in een keer.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert casework_app.screen is detail
        assert "Klaar om in te dienen op niveau LMM/LET" in screen_text(casework_app)

        await pilot.press("s")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert casework_app.screen is detail
        submitted = get_escalation(detail.escalation_id, casework.db.uow(), casework.db.actor)
        assert submitted.level is EscalationLevel.LANDELIJK and submitted.status is EscalationStatus.INGEDIEND
        assert submitted.submitted_on == TODAY

        # Export as PDF and as JSON, from the TUI.
        written: list[Path] = []
        for fmt in ("pdf", "json"):
            await pilot.press("x")
            await settle(pilot)
            export = casework_app.screen
            assert isinstance(export, ExportDialog)
            set_value(export._fields["format"].control, fmt)
            set_value(export._fields["directory"].control, str(tmp_path))
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert casework_app.screen is detail
            path = tmp_path / f"escalatiedossier-GM0363-ESC-{detail.escalation_id:06d}.{fmt}"
            assert path.is_file()
            assert f"Geëxporteerd: Dossier opgeslagen in {path}" in notifications(casework_app)
            written.append(path)

    text = pdf_text(written[0])
    dossier = json.loads(written[1].read_text(encoding="utf-8"))
    assert "Escalatiedossier (gepseudonimiseerd)" in text and "LMM/LET" in text
    assert dossier["level"] == "LMM/LET" and dossier["municipality"] == "Amsterdam"
    assert [m["initials"] for m in dossier["members"]] == ["P.J.", "K.J.", "S.J."]
    raw = written[1].read_text(encoding="utf-8")
    for identifier in JANSEN_IDENTIFIERS:
        assert identifier not in text, identifier
        assert identifier not in raw, identifier


async def test_dossier_preview_shows_what_leaves_and_nothing_else(
    casework_app: DoorbraakApp, casework: Casework
) -> None:
    async with casework_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        casework_app.push_screen(EscalationDetailScreen(casework.db.services, casework.data.waiting_escalation))
        await settle(pilot)
        # No consent yet: the dossier may not leave, and the preview says why.
        await pilot.press("d")
        await settle(pilot)
        text = screen_text(casework_app)
        assert "Dit dossier kan (nog) niet de gemeente uit:" in text
        assert "De bewoner heeft (nog) geen toestemming gegeven." in text


# -- knelpunten ----------------------------------------------------------------------------------------------------
async def test_the_knelpunten_report_on_screen_matches_the_service(
    casework_app: DoorbraakApp, casework: Casework
) -> None:
    report = knelpunten_report(casework.db.uow(), casework.db.actor)
    assert report.meldingen == 10 and report.knelpunten == 3
    async with casework_app.run_test(size=(120, 36)) as pilot:
        await go_to(pilot, "k")
        assert isinstance(casework_app.screen, KnelpuntenScreen)
        await pilot.press("r")
        await settle(pilot)
        screen = casework_app.screen
        assert isinstance(screen, KnelpuntenReportScreen)
        text = screen_text(casework_app)
        assert "3 knelpunten, 10 meldingen · begin t/m nu" in text
        months = screen.query_one("#chart-month", BarChart).bars
        assert [(b.label, b.value) for b in months] == [(month_label(m.month), m.meldingen) for m in report.by_month]
        assert [b.value for b in months] == [2, 1, 1, 1, 2, 3]  # mei … okt 2026
        for row in report.by_month:  # each month's number is printed beside its bar
            line = next(line for line in text.splitlines() if month_label(row.month) in line)
            assert line.rstrip().endswith(f" {row.meldingen}") or f" {row.meldingen}  " in line, line
        categories = screen.query_one("#chart-category", BarChart).bars
        assert [(b.label, b.value) for b in categories] == [(r.label, r.meldingen) for r in report.by_category]
        assert "Stijgend: gemiddeld 1,3 per maand in de eerste 3 maanden, 2,0 in de laatste 3 (+50 %)." in text

        # A period: the same service with from/to.
        screen.query_one("#report-from", Input).value = "01-09-2026"
        screen.query_one("#report-to", Input).value = "31-10-2026"
        screen.apply()
        await settle(pilot)
        from datetime import date

        period = knelpunten_report(casework.db.uow(), casework.db.actor, start=date(2026, 9, 1),
                                   end=date(2026, 10, 31))
        text = screen_text(casework_app)
        assert f"{period.knelpunten} knelpunten, {period.meldingen} meldingen · 01-09-2026 t/m 31-10-2026" in text
        assert [b.value for b in screen.query_one("#chart-month", BarChart).bars] == [2, 3]


async def test_knelpunt_register_refuses_personal_data_and_moves_the_status(
    casework_app: DoorbraakApp, casework: Casework
) -> None:
    async with casework_app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "k")
        await pilot.press("n")
        await settle(pilot)
        form = casework_app.screen
        assert isinstance(form, KnelpuntFormScreen)
        set_value(form._fields["title"].control, "Beslag op toeslag bij 1234 AB")
        set_value(form._fields["category"].control, "uitvoering")
        set_value(form._fields["unintended_effect"].control, "Inkomen onder de beslagvrije voet.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert casework_app.screen is form
        assert "een postcode" in form._fields["title"].message
        set_value(form._fields["title"].control, "Beslag op toeslag")
        await pilot.press("ctrl+s")
        await settle(pilot)
        register = casework_app.screen
        assert isinstance(register, KnelpuntenScreen)
        assert "Beslag op toeslag" in screen_text(casework_app)

        # The first row is the most recurring one (KP-1, geagendeerd): the only next state is "opgelost".
        register.query_one(RowTable).move_cursor(row=0)
        await pilot.press("s")
        await settle(pilot)
        dialog = casework_app.screen
        assert isinstance(dialog, StepDialog) and dialog.choices == [("opgelost", "Opgelost")]
        await pilot.press("ctrl+s")
        await settle(pilot)
        first = get_knelpunt(casework.data.knelpunten[0], casework.db.uow(), casework.db.actor)
        assert first.status.value == "opgelost"
        await pilot.press("m")
        await settle(pilot)
        assert get_knelpunt(first.id or 0, casework.db.uow(), casework.db.actor).recurrence == first.recurrence + 1


async def test_the_knelpunten_report_on_sample_db_matches_the_data(tmp_path: Path) -> None:
    """The 'Done when' check: on the demo data the screen shows the service's counts and a rising trend."""
    from storage.bootstrap import demo_copy
    from tests.tui.pilot_support import open_test_database

    db = open_test_database(demo_copy(target_dir=tmp_path))
    try:
        report = knelpunten_report(db.uow(), db.actor)
        app = DoorbraakApp(db.services)
        async with app.run_test(size=(120, 36)) as pilot:
            await go_to(pilot, "k")
            await pilot.press("r")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, KnelpuntenReportScreen)
            text = screen_text(app)
            assert f"{report.knelpunten} knelpunten, {report.meldingen} meldingen" in text
            months = screen.query_one("#chart-month", BarChart).bars
            assert len(months) >= 12
            assert [(b.label, b.value) for b in months] == [
                (month_label(m.month), m.meldingen) for m in report.by_month]
            for chart, rows in (("#chart-category", report.by_category), ("#chart-law", report.by_law),
                                ("#chart-organisation", report.by_organisation)):
                assert [(b.label, b.value) for b in screen.query_one(chart, BarChart).bars] == [
                    (r.label, r.meldingen) for r in rows[:15]]
            assert "Stijgend: gemiddeld" in text
            await pilot.press("end")  # the most recurring knelpunten close the report
            await settle(pilot)
            text = screen_text(app)
            top = report.recurring[0]
            line = next(line for line in text.splitlines() if top.reference in line)
            assert top.title in line and f" {top.meldingen} " in line
    finally:
        db.close()


async def test_leaving_a_form_with_edits_asks_first(casework_app: DoorbraakApp, casework: Casework) -> None:
    from tui.screens.confirm_dialog import ConfirmDialog

    async with casework_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        casework_app.push_screen(OverbruggingFormScreen(casework.db.services, case_number=casework.data.bakker))
        await settle(pilot)
        form = casework_app.screen
        assert isinstance(form, OverbruggingFormScreen) and not form.is_dirty
        set_value(form._fields["voorfinancier"].control, "Gemeente Amsterdam")
        assert form.is_dirty
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(casework_app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert casework_app.screen is form and form.value("voorfinancier") == "Gemeente Amsterdam"
        await pilot.press("ctrl+q")  # quitting asks too
        await pilot.pause()
        assert isinstance(casework_app.screen, ConfirmDialog)


async def test_an_overdue_plan_action_opens_its_plan(tmp_path: Path) -> None:
    """Werklijst → 'Actie over datum' → the plan overview of that household (where the action's status is set)."""
    from domain.signals import SignalKind
    from storage.bootstrap import demo_copy
    from tests.tui.pilot_support import open_test_database
    from tui.screens.plan_overview import PlanOverviewScreen
    from tui.screens.worklist import KIND_KEYS, WorklistScreen

    db = open_test_database(demo_copy(target_dir=tmp_path))
    try:
        app = DoorbraakApp(db.services)
        async with app.run_test(size=(120, 36)) as pilot:
            await go_to(pilot, "w")
            key = next(k for k, kind in KIND_KEYS.items() if kind is SignalKind.ACTIE_VERLOPEN)
            await pilot.press(key)
            await settle(pilot)
            worklist = app.screen
            assert isinstance(worklist, WorklistScreen)
            signal = worklist.current
            assert signal is not None and signal.kind is SignalKind.ACTIE_VERLOPEN
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, PlanOverviewScreen)
            assert app.screen.case_number == signal.case_number
    finally:
        db.close()
