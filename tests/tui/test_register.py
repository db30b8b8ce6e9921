"""Pilot tests of the Maatwerkregister screen: search as you type, filters, detail pane, clipboard, verify."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from domain.actors import Actor, Role
from domain.register import RegisterContact, RegisterQuery
from domain.services.register import RegisterService, get_contact
from tests.tui.data_register import build_register
from tests.tui.pilot_support import TuiData, notifications, screen_text, settle, type_text
from tui.app import DoorbraakApp
from tui.screens import register as register_module
from tui.screens.choice_dialog import ChoiceDialog
from tui.screens.confirm_dialog import ConfirmDialog
from tui.screens.register import RegisterScreen
from tui.widgets.contact_detail import ContactDetail
from tui.widgets.contact_table import ContactTable


@pytest.fixture
def register(tui_data: TuiData) -> dict[str, RegisterContact]:
    return build_register(tui_data.db)


def listed(app: DoorbraakApp) -> list[str]:
    return [c.external_id for c in app.screen.query_one(ContactTable).contacts]


def status(app: DoorbraakApp) -> str:
    return str(app.screen.query_one("#register-status").render())


def detail(app: DoorbraakApp) -> RegisterContact | None:
    return app.screen.query_one(ContactDetail).contact


async def open_register(pilot: Any) -> RegisterScreen:
    await settle(pilot)
    await pilot.press("g", "r")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, RegisterScreen)
    return screen


async def search(pilot: Any, text: str) -> None:
    await pilot.press("slash")
    await type_text(pilot, text)
    await settle(pilot)


async def cursor_to(pilot: Any, external_id: str) -> None:
    table = pilot.app.screen.query_one(ContactTable)
    table.focus()
    table.move_cursor(row=listed(pilot.app).index(external_id))
    await pilot.pause()


async def test_the_register_is_a_section_with_every_contact(app: DoorbraakApp, register: dict[str, Any]) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await open_register(pilot)
        assert app.current_mode == "register"
        assert sorted(listed(app)) == sorted(register)
        assert status(app).startswith("1 van 9 contacten")
        assert "Maatwerkregister" in screen_text(app).splitlines()[0]
        # The first contact is in the detail pane at once.
        assert detail(app) == app.screen.query_one(ContactTable).contacts[0]
        # Esc from the list (nothing typed or filtered) goes back to the case list.
        await pilot.press("escape")
        await settle(pilot)
        assert app.current_mode == "casussen"


async def test_a_misspelt_organisation_finds_the_contact_at_once(app: DoorbraakApp, register: dict[str, Any]) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await open_register(pilot)
        await search(pilot, "belastngdienst")
        assert listed(app)[0] == "bd-schulden"
        assert set(listed(app)) == {"bd-schulden", "toeslagen"}
        assert "gezocht op: belastingdienst" in status(app)
        assert detail(app) == register["bd-schulden"]
        assert "Team Maatwerk Belastingschulden" in screen_text(app)
        # Enter in the search field goes to the list; the typed text stays.
        await pilot.press("enter")
        assert app.screen.query_one(ContactTable).has_focus
        assert app.screen.query_one("#register-search").value == "belastngdienst"  # type: ignore[attr-defined]


async def test_a_name_without_its_accents_finds_it(app: DoorbraakApp, register: dict[str, Any]) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await open_register(pilot)
        await search(pilot, "ozdemir")
        assert listed(app) == ["sudwest-schulden"]
        assert status(app).startswith("1 van 1 gevonden")
        text = screen_text(app)
        assert "Ayşe Özdemir" in text and "Gemeente Súdwest-Fryslân" in text
        # ...and a place without its accents.
        await pilot.press("ctrl+u")
        await type_text(pilot, "sudwest")
        await settle(pilot)
        assert listed(app) == ["sudwest-schulden", "ggd-regio"]  # the organisation's name first, then the region


async def test_typing_never_waits_for_a_slow_query_and_late_answers_are_dropped(
    app: DoorbraakApp, register: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = RegisterService.search
    asked: list[str] = []
    running, release = threading.Event(), threading.Event()

    def slow(self: RegisterService, query: RegisterQuery, *args: Any, **kwargs: Any) -> Any:
        asked.append(query.text)
        if query.text == "u":  # the first letter's query hangs until the test lets it go
            running.set()
            release.wait(10)
        return real(self, query, *args, **kwargs)

    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_register(pilot)
        monkeypatch.setattr(RegisterService, "search", slow)
        await pilot.press("slash", "u")
        for _ in range(50):
            if running.is_set():
                break
            await pilot.pause(0.05)
        assert running.is_set()
        await type_text(pilot, "wv ams")
        # Every keystroke arrived while the query for "u" was still running.
        assert screen.query_one("#register-search").value == "uwv ams"  # type: ignore[attr-defined]
        assert not release.is_set()
        release.set()
        await settle(pilot)
        assert listed(app) == ["uwv-ams"]  # the late answer to "u" was dropped
        # The queries for "uw", "uwv", ... were cancelled before they ran: only the newest one ran.
        assert asked == ["u", "uwv ams"]


async def test_filters_for_gemeente_theme_and_organisation(app: DoorbraakApp, register: dict[str, Any]) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await open_register(pilot)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await type_text(pilot, "amsterdam")
        await pilot.pause()
        assert "Amsterdam (GM0363)" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RegisterScreen) and screen.municipality == "GM0363"
        # The gemeente's own contacts first, then landelijk ones; other regions left out.
        found = listed(app)
        assert set(found[:2]) == {"uwv-ams", "ams-schulden"}
        assert "sudwest-schulden" not in found and "ggd-regio" not in found and "bd-schulden" in found
        assert "m Gemeente: Amsterdam" in screen_text(app)

        await pilot.press("t")
        await pilot.pause()
        await type_text(pilot, "schuld")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.theme == "schulden"
        assert set(listed(app)) == {"ams-schulden", "bd-schulden", "toeslagen", "cjib-noodstop"}

        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await type_text(pilot, "gemeente amst")
        await pilot.press("enter")
        await settle(pilot)
        assert listed(app) == ["ams-schulden"]

        # Esc cancels a filter dialog without changing anything; on the list it clears everything.
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert screen.theme == "schulden"
        await pilot.press("escape")
        await settle(pilot)
        assert (screen.organisation, screen.municipality, screen.theme) == ("", "", "")
        assert len(listed(app)) == 9


async def test_choosing_all_clears_one_filter(app: DoorbraakApp, register: dict[str, Any]) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_register(pilot)
        await pilot.press("t")
        await pilot.pause()
        await type_text(pilot, "boetes")
        await pilot.press("enter")
        await settle(pilot)
        assert listed(app) == ["cjib-noodstop"]
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("home", "enter")  # the first option: Alle thema's
        await settle(pilot)
        assert screen.theme == "" and len(listed(app)) == 9


async def test_the_detail_pane_shows_everything(app: DoorbraakApp, register: dict[str, Any]) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await open_register(pilot)
        await cursor_to(pilot, "toeslagen")
        text = screen_text(app)
        for expected in ("Belastingdienst/Dienst Toeslagen – Maatwerkteam Toeslagen", "maatwerkfunctionaris",
                         "06 12345102", "06 12345902", "maatwerk@toeslagen.example", "Afwijken van beleid (maatwerk)",
                         "Toeslagen, Schulden", "Landelijk", "niet geverifieerd (laatst 01-03-2024)",
                         "v: vandaag geverifieerd", "Spoedlijn"):
            assert expected in text, expected
        await cursor_to(pilot, "ams-schulden")
        text = screen_text(app)
        for expected in ("Schuldhulpverlening [oud]", "Huurachterstand en huisuitzetting", "01-06-2026",
                         "Bij dreigende huisuitzetting", "Externe id   ams-schulden"):
            assert expected in text, expected
        assert "niet geverifieerd (laatst" not in text
        await cursor_to(pilot, "ggd-regio")
        assert register["ggd-regio"].region_label in screen_text(app)  # every gemeente served, not "+3"
        # Enter shows the contact on the whole screen; Esc goes back to the list.
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-detail-only") and not screen.query_one(ContactTable).display
        assert screen.query_one(ContactDetail).has_focus
        assert "Esc: terug naar de lijst" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.has_class("-detail-only") and screen.query_one(ContactTable).has_focus


async def test_copy_phone_email_and_urgent_line(app: DoorbraakApp, register: dict[str, Any]) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await open_register(pilot)
        await cursor_to(pilot, "uwv-ww")
        await pilot.press("c")
        assert app.clipboard == "06 12345103"
        assert notifications(app)[-1] == (
            "Gekopieerd naar het klembord: Telefoonnummer 06 12345103 van UWV – Team Maatwerk WW"
        )
        await pilot.press("e")
        assert app.clipboard == "maatwerk-ww@uwv.example"
        assert notifications(app)[-1].startswith("Gekopieerd naar het klembord: E-mailadres maatwerk-ww@uwv.example")
        await pilot.press("s")
        assert app.clipboard == "06 12345903"
        # A contact without a phone: nothing copied, and the user is told why.
        await cursor_to(pilot, "svb-aow")
        await pilot.press("c")
        assert app.clipboard == "06 12345903"
        assert notifications(app)[-1] == "Niets gekopieerd: SVB – Team Bijzondere Situaties heeft geen telefoonnummer."


async def test_the_owner_marks_a_contact_verified_today(
    app: DoorbraakApp, tui_data: TuiData, register: dict[str, RegisterContact]
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await open_register(pilot)
        await cursor_to(pilot, "toeslagen")
        assert "niet geverifieerd" in screen_text(app)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "01-11-2026" in screen_text(app)
        await pilot.press("j")
        await settle(pilot)
        contact_id = register["toeslagen"].id
        assert contact_id is not None
        saved = get_contact(contact_id, tui_data.db.uow(), tui_data.db.actor)
        assert saved.last_verified is not None and saved.last_verified.isoformat() == "2026-11-01"
        assert detail(app) == saved
        assert "niet geverifieerd" not in screen_text(app)
        assert notifications(app)[-1].startswith("Opgeslagen: Belastingdienst/Dienst Toeslagen")


async def test_verifying_twice_from_a_stale_list_is_refused_in_dutch(
    app: DoorbraakApp, tui_data: TuiData, register: dict[str, RegisterContact]
) -> None:
    from domain.services.register import mark_verified

    async with app.run_test(size=(100, 30)) as pilot:
        await open_register(pilot)
        await cursor_to(pilot, "toeslagen")
        contact = register["toeslagen"]
        assert contact.id is not None
        mark_verified(contact.id, contact.version, tui_data.db.uow(), tui_data.db.actor)  # someone else, meanwhile
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("j")
        await settle(pilot)
        assert any(n.startswith("Tussentijds gewijzigd: Dit registercontact is intussen door iemand anders gewijzigd")
                   for n in notifications(app))


@pytest.mark.parametrize("role", [Role.PROFESSIONAL, Role.LET])
async def test_roles_without_register_management_cannot_verify(
    app: DoorbraakApp, tui_data: TuiData, register: dict[str, RegisterContact], role: Role
) -> None:
    tui_data.db.logged_in = Actor(username="p", display_name="Pim Professional", role=role)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_register(pilot)
        await cursor_to(pilot, "toeslagen")
        assert "v: vandaag geverifieerd" not in screen_text(app)  # no hint for a key they cannot use
        await pilot.press("v")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmDialog)
        assert notifications(app)[-1].startswith("Geen toegang: Met de rol ")
        contact_id = register["toeslagen"].id
        assert contact_id is not None
        owner = Actor(username="o", display_name="O", role=Role.EIGENAAR)
        assert get_contact(contact_id, tui_data.db.uow(), owner).last_verified == register["toeslagen"].last_verified


async def test_80x24_shows_list_detail_and_keys_without_squeezing(app: DoorbraakApp, register: dict[str, Any]) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_register(pilot)
        await cursor_to(pilot, "uwv-ww")
        lines = screen_text(app).splitlines()
        assert len(lines) == 24
        text = "\n".join(lines)
        assert lines[0].startswith(" doorbraak  Maatwerkregister")
        assert "o Organisatie: alle" in text and "m Gemeente: alle" in text and "t Thema: alle" in text
        assert "Organisatie" in lines[3] and "Geverif." in lines[3]
        table = screen.query_one(ContactTable)
        assert table.size.height >= 8  # header and at least seven contacts
        pane = screen.query_one(ContactDetail)
        assert pane.size.height >= 10
        # Phone and urgent line share a row in 80 columns; every short field is visible without scrolling.
        for expected in ("Telefoon     06 12345103 · spoed 06 12345903", "E-mail       maatwerk-ww@uwv.example",
                         "Mandaat", "Geverifieerd 01-06-2026", "Thema's", "Regio        Landelijk"):
            assert expected in text, expected
        assert "c Telefoon" in lines[-1] and "e E-mail" in lines[-1]
        # The whole contact on the screen with Enter.
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Soort" in text and "Externe id   uwv-ww" in text


async def test_more_results_load_when_the_cursor_nears_the_end(
    app: DoorbraakApp, register: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(register_module, "PAGE_SIZE", 3)
    monkeypatch.setattr("tui.widgets.contact_table.PREFETCH_ROWS", 1)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_register(pilot)
        assert len(listed(app)) == 3
        assert status(app).startswith("1 van 9 contacten")
        for _ in range(8):
            await pilot.press("down")
            await settle(pilot)
        assert sorted(listed(app)) == sorted(register)
        assert status(app).startswith("9 van 9 contacten")


async def test_an_empty_register_says_how_to_fill_it(app: DoorbraakApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_register(pilot)
        assert "Het register is nog leeg" in status(app)
        assert "Geen contact gekozen." in screen_text(app)
        await pilot.press("c")
        assert notifications(app)[-1] == "Geen contact: Kies eerst een contact in de lijst."
