"""Pilot: beheer keeps the mandate register in the app (g m) by keyboard only — register a mandate with the
form, typed at full speed, then revoke it with its reason; both land in the register and the audit trail."""

from __future__ import annotations

from pathlib import Path

from domain.services import mandates as mandate_service
from tests.tui.casework_support import go_to, set_value
from tests.tui.pilot_support import notifications, open_test_database, screen_text, settle, type_text
from tui.app import DoorbraakApp
from tui.screens.mandates import MandateFormScreen, MandatesScreen, RevokeDialog


async def test_register_and_revoke_a_mandate_by_keyboard(tmp_path: Path) -> None:
    db = open_test_database(tmp_path / "mandaten.db")
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(120, 36)) as pilot:
        await go_to(pilot, "m")
        assert isinstance(app.screen, MandatesScreen)
        assert "Het mandaatregister is leeg. n legt een mandaat vast." in screen_text(app)
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, MandateFormScreen)
        await type_text(pilot, "s.dewit")  # the cursor starts in the first field
        await pilot.press("tab")
        await type_text(pilot, "Sanne de Wit")
        set_value(form._fields["municipality_code"].control, "GM0344")
        kinds = form._fields["deviation_kinds"].control
        kinds.select("overbrugging")  # type: ignore[attr-defined]
        kinds.select("afwijkingsbevoegdheid")  # type: ignore[attr-defined]
        set_value(form._fields["max_amount"].control, "veel")
        set_value(form._fields["granted_by"].control, "College van B en W van Utrecht, mandaatbesluit 2026")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form and "bedrag" in form._fields["max_amount"].message.lower()
        set_value(form._fields["max_amount"].control, "25.000,00")
        await pilot.press("ctrl+s")
        await settle(pilot)
        listing = app.screen
        assert isinstance(listing, MandatesScreen)
        assert any("Mandaat M-1 vastgelegd voor Sanne de Wit." in n for n in notifications(app))
        text = screen_text(app)
        assert "Sanne de Wit" in text and "€ 25.000,00" in text and "geldig" in text

        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, RevokeDialog)
        await type_text(pilot, "Andere functie")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is listing and "ingetrokken" in screen_text(app)

    rows = mandate_service.list_mandates(db.uow(), db.actor)
    assert [(r.mandate.reference, r.state, r.mandate.deviation_kinds) for r in rows] == [
        ("M-1", "ingetrokken", ("afwijkingsbevoegdheid", "overbrugging"))]
    assert rows[0].mandate.revoke_reason == "Andere functie"
    with db.uow() as uow:
        kinds_logged = [r.event.kind.value for r in uow.audit.records(object_type="mandate", object_id="M-1")]
    assert kinds_logged == ["create", "update"]
    db.close()
