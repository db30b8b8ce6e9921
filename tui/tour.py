"""De rondleiding (the trainer's guided tour): one household of the demo data, from intake to evaluated plan,
screen by screen, with a short Dutch explanation on a card docked under the screen.

The route is data: `STEPS`, a tuple of `TourStep`s. Each step says what to tell (title, 2-4 short lines),
which key(s) a person presses to get there themselves, and *where* it is (a `Place`). A place knows how to
bring the app there from wherever the user wandered off to, so F3 (volgende) and F4 (vorige) always work.
To add a step: one `TourStep` in `STEPS`, e.g. for a new section

    TourStep("Dashboard", ("...", "..."), keys="g d", place=InSection("dashboard"), screen="DashboardScreen")

The tour only navigates and explains: it opens screens (which record their usual audit "view" entries) but
never saves, decides or exports anything. It is offered only in the oefenomgeving (`services.demo`).
Screens are imported only when the tour goes there, as the sections do (start-up stays fast).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol

from textual.screen import ModalScreen, Screen

from domain.plan import PlanStep
from tui.navigation import HOME

if TYPE_CHECKING:
    from tui.app import DoorbraakApp

FEATURED_CASE = "DB-2026-000003"
"""Huishouden Çelik (Eindhoven, GM0772): in sample.db with a plan that is decided, carried out and evaluated."""
FEATURED_NAME = "Huishouden Çelik"

LOAD_WAIT = 5.0
"""Seconds the tour waits at most for the plan overview to load before opening the export dialog."""


UNSAVED = ("Er staat nog niet-opgeslagen invoer open. Sla die op of sluit het scherm (Esc); daarna gaat de "
           "rondleiding verder.")
QUESTION_OPEN = ("Er staat nog een vraag open. Beantwoord die of sluit hem (Esc); daarna gaat de rondleiding "
                 "verder.")
NOT_FOR_ROLE = "Deze stap van de rondleiding hoort bij een onderdeel dat u met uw rol niet kunt openen."


class TourBlocked(Exception):
    """The tour cannot go there: a form with unsaved input is in the way (the default), or the section is
    not there for this user. The message is shown as it is."""

    def __init__(self, message: str = UNSAVED) -> None:
        super().__init__(message)
        self.message = message


class Place(Protocol):
    """Where a step is: how to get the app there, and whether it is there."""

    async def open(self, app: DoorbraakApp) -> None: ...

    def is_here(self, app: DoorbraakApp) -> bool: ...


def _has_unsaved(screen: Screen[Any]) -> bool:
    from tui.screens.plan_editor import PlanEditorScreen

    if isinstance(screen, PlanEditorScreen):
        return screen.has_unsaved or screen.statuses_changed
    return getattr(screen, "is_dirty", False) is True


def _only_looking(screen: Screen[Any]) -> bool:
    """A dialog the tour may close: it asks nothing (help, 'Ga naar', the command palette, the export dialog
    before it writes). A question (a confirmation, a reason, a draft to restore) waits for its answer."""
    from textual.command import CommandPalette

    from tui.navigation import GoToDialog
    from tui.screens.help import HelpScreen
    from tui.screens.plan_export_dialog import PlanExportDialog

    if isinstance(screen, PlanExportDialog):
        return not screen.running
    return isinstance(screen, HelpScreen | GoToDialog | CommandPalette)


async def _pop_to(app: DoorbraakApp, keep: int) -> None:
    """Close the screens of the current section above the first `keep`; refuse if one has unsaved input or
    asks a question."""
    above = app.screen_stack[keep:]
    if any(_has_unsaved(screen) for screen in above):
        raise TourBlocked
    if any(isinstance(screen, ModalScreen) and not _only_looking(screen) for screen in above):
        raise TourBlocked(QUESTION_OPEN)
    for _ in above:
        await app.pop_screen()


async def _switch(app: DoorbraakApp, mode: str) -> None:
    if app.current_mode != mode:
        await app.switch_mode(mode)


@dataclass(frozen=True)
class InSection:
    """The first screen of a section ('g' + letter): its list, with nothing opened on top."""

    mode: str

    async def open(self, app: DoorbraakApp) -> None:
        if self.mode not in app._modes:  # noqa: SLF001 - Textual has no public 'has mode'
            raise TourBlocked(NOT_FOR_ROLE)
        await _switch(app, self.mode)
        await _pop_to(app, 1)

    def is_here(self, app: DoorbraakApp) -> bool:
        return app.current_mode == self.mode and len(app.screen_stack) == 1


CaseLevel = Literal["household", "plan", "editor", "export"]
_DEPTH: dict[str, int] = {"household": 1, "plan": 2, "editor": 3, "export": 3}


@dataclass(frozen=True)
class AtCase:
    """A screen of one household in the Casussen section: the household, its plan overview, a step of the
    plan editor, or the export dialog over the overview. Screens already open for the case are kept."""

    case_number: str
    level: CaseLevel
    step: PlanStep | None = None
    """For the editor: the step of the method to show."""

    def _wanted(self, index: int, screen: Screen[Any]) -> bool:
        """Is `screen` what belongs at `index` of the Casussen stack on the way to this place?"""
        from tui.screens.case_list import CaseListScreen
        from tui.screens.household_detail import HouseholdDetailScreen
        from tui.screens.plan_editor import PlanEditorScreen
        from tui.screens.plan_export_dialog import PlanExportDialog
        from tui.screens.plan_overview import PlanOverviewScreen

        if index == 0:
            return isinstance(screen, CaseListScreen)
        kind: type[Screen[Any]] = (HouseholdDetailScreen, PlanOverviewScreen,
                                   PlanExportDialog if self.level == "export" else PlanEditorScreen)[index - 1]
        return isinstance(screen, kind) and getattr(screen, "case_number", None) == self.case_number

    def _matching(self, app: DoorbraakApp) -> int:
        stack = app.screen_stack
        depth = _DEPTH[self.level]
        count = 0
        while count <= depth and count < len(stack) and self._wanted(count, stack[count]):
            count += 1
        return count

    async def open(self, app: DoorbraakApp) -> None:
        from tui.screens.household_detail import HouseholdDetailScreen
        from tui.screens.plan_editor import PlanEditorScreen
        from tui.screens.plan_overview import PlanOverviewScreen

        await _switch(app, HOME)
        keep = self._matching(app)
        if keep == 0:  # the section's first screen is not a case list (a role without casussen)
            raise TourBlocked(NOT_FOR_ROLE)
        await _pop_to(app, keep)
        services = app.services
        for index in range(keep, _DEPTH[self.level] + 1):
            if index == 1:
                await app.push_screen(HouseholdDetailScreen(services, self.case_number))
            elif index == 2:
                await app.push_screen(PlanOverviewScreen(services, self.case_number))
            elif self.level == "export":
                await self._open_export(app)
            else:
                await app.push_screen(PlanEditorScreen(services, self.case_number, step=self.step))
                return
        editor = app.screen
        if self.level == "editor" and isinstance(editor, PlanEditorScreen) and self.step is not None:
            if editor.ctx is None:
                editor.requested_step = self.step  # still loading: it opens at this step
            elif editor.step is not self.step:
                await editor.show_step(self.step)

    async def _open_export(self, app: DoorbraakApp) -> None:
        from tui.screens.plan_overview import PlanOverviewScreen

        found = app.screen_stack[_DEPTH["plan"]]
        if not isinstance(found, PlanOverviewScreen):
            raise TourBlocked(QUESTION_OPEN)
        overview: PlanOverviewScreen = found
        waited = 0.0
        while overview.overview is None and waited < LOAD_WAIT:
            await asyncio.sleep(0.05)
            waited += 0.05
        if overview.overview is None or app.screen is not overview:  # not loaded, or a question came first
            raise TourBlocked("Het maatwerkplan is nog niet geladen. Probeer het zo nog eens (F3 of F4).")
        overview.action_export()

    def is_here(self, app: DoorbraakApp) -> bool:
        from tui.screens.plan_editor import PlanEditorScreen

        if app.current_mode != HOME or len(app.screen_stack) != _DEPTH[self.level] + 1:
            return False
        if self._matching(app) != len(app.screen_stack):
            return False
        screen = app.screen
        if self.level == "editor" and isinstance(screen, PlanEditorScreen) and self.step is not None:
            return screen.step is self.step or (screen.ctx is None and screen.requested_step is self.step)
        return True


@dataclass(frozen=True)
class TourStep:
    title: str
    lines: tuple[str, ...]
    """2-4 short lines of plain Dutch: what the professional does here and why."""
    keys: str
    """How a person gets here without the tour (shown as 'Zelf: ...')."""
    place: Place
    screen: str
    """The class name of the screen the step shows (the tests check it)."""


def _editor(step: PlanStep) -> AtCase:
    return AtCase(FEATURED_CASE, "editor", step)


STEPS: tuple[TourStep, ...] = (
    TourStep(
        "Casussen: hier begint de dag",
        ("We volgen één huishouden, Çelik uit Eindhoven, van aanmelding tot geëvalueerd plan.",
         "Hier staan alle huishoudens; typ om te zoeken op naam, casusnummer of gemeente.",
         "Alles is fictief: probeer gerust."),
        "/ zoeken · f status · Enter opent", InSection(HOME), "CaseListScreen"),
    TourStep(
        "In kaart brengen",
        ("Wie wonen er, welke problemen spelen per leefgebied en welke organisaties zijn al betrokken,",
         "met hun kosten per jaar? ZRM-score: 1 is acute crisis, 5 volledig zelfredzaam."),
        "Enter op de casus · e bewerkt", AtCase(FEATURED_CASE, "household"), "HouseholdDetailScreen"),
    TourStep(
        "Het maatwerkplan in één oogopslag",
        ("Elke stap van de methode met wat erin staat. Bij een concept ziet u hier wat nog ontbreekt (✗)",
         "voor een besluit; Enter opent die stap. Het plan van Çelik is vastgesteld en geëvalueerd."),
        "p op het huishouden", AtCase(FEATURED_CASE, "plan"), "PlanOverviewScreen"),
    TourStep(
        "Perspectief",
        ("Wat wil het huishouden zelf bereiken? In de woorden van de bewoner, niet die van de",
         "organisaties. Het perspectief is de maat voor alles wat volgt."),
        "e in het overzicht · Alt+P", _editor(PlanStep.PERSPECTIEF), "PlanEditorScreen"),
    TourStep(
        "Grootste sta-in-de-weg",
        ("Welk probleem houdt al het andere tegen? U kiest er één, vaak het leefgebied met de laagste",
         "score. Daarop richt de doorbraak zich."),
        "Alt+S in de editor", _editor(PlanStep.STA_IN_DE_WEG), "PlanEditorScreen"),
    TourStep(
        "Doorbraak",
        ("Wat moet er anders dan de regels standaard voorschrijven om de sta-in-de-weg op te heffen,",
         "en waarom? Dit is het hart van het plan."),
        "Alt+D in de editor", _editor(PlanStep.DOORBRAAK), "PlanEditorScreen"),
    TourStep(
        "Acties: wie doet wat",
        ("Elke actie heeft een eigenaar, een deadline en zo nodig een rechtsgrond. Wie bel ik?",
         "Ctrl+O zoekt de contactpersoon in het Maatwerkregister."),
        "Alt+A · Ctrl+O wie bel ik?", _editor(PlanStep.ACTIES), "PlanEditorScreen"),
    TourStep(
        "Maatschappelijke rekensom",
        ("Wat kost het plan, en wat kost niets doen? Onder de kostenregels staat per betaler wie",
         "betaalt en wie wint; vaak is dat de 'verkeerde zak'."),
        "Alt+R in de editor", _editor(PlanStep.REKENSOM), "PlanEditorScreen"),
    TourStep(
        "Juridische paragraaf",
        ("Op welke grond mag worden afgeweken: hardheidsclausule, beleidsruimte, experimenteerartikel?",
         "Zo is het besluit juridisch stevig en uitlegbaar."),
        "Alt+J in de editor", _editor(PlanStep.JURIDISCH), "PlanEditorScreen"),
    TourStep(
        "Besluit en versies",
        ("De maatwerkfunctionaris stelt het plan vast, met mandaat en datum. Daarna ligt het vast;",
         "een wijziging wordt een nieuwe versie."),
        "b in het overzicht · Alt+V", _editor(PlanStep.BESLUIT), "PlanEditorScreen"),
    TourStep(
        "Evaluatie",
        ("Na een paar maanden kijkt u samen terug: ZRM-scores opnieuw en een rapportcijfer van",
         "het huishouden. Heeft de doorbraak iets veranderd?"),
        "Alt+E in de editor", _editor(PlanStep.EVALUATIE), "PlanEditorScreen"),
    TourStep(
        "Exporteren om te tekenen",
        ("Het plan als PDF om met het huishouden te ondertekenen, of als Markdown. De bestandsnaam",
         "bevat geen persoonsgegevens. De rondleiding schrijft niets; Esc sluit."),
        "x in het overzicht · Ctrl+S schrijft", AtCase(FEATURED_CASE, "export"), "PlanExportDialog"),
    TourStep(
        "Werklijst: wat vraagt vandaag aandacht?",
        ("Signalen uit al uw casussen: een actie over de deadline, een evaluatie die eraan komt,",
         "een escalatie die lang wacht. Enter opent het huishouden."),
        "g w", InSection("werklijst"), "WorklistScreen"),
    TourStep(
        "Overbruggingen",
        ("Hulp die nu nodig is, terwijl nog niet vaststaat wie betaalt: eerst helpen, later",
         "verrekenen. Hier volgt u de aanvragen, de kosten en de verrekening."),
        "g o · o op het huishouden", InSection("overbruggingen"), "OverbruggingListScreen"),
    TourStep(
        "Escalaties",
        ("Lukt het lokaal niet, dan escaleert u: regionaal en zo nodig landelijk (LMM).",
         "De inbox toont wat er ligt en wat al lang wacht."),
        "g e · x op het huishouden", InSection("escalaties"), "EscalationInboxScreen"),
    TourStep(
        "Knelpunten: systeemleren",
        ("Wat steeds terugkomt in regels of werkwijzen, wordt een knelpunt. Het rapport telt hoe vaak",
         "en hoe het zich ontwikkelt, zodat het op de juiste tafel komt."),
        "g k · r rapport", InSection("knelpunten"), "KnelpuntenScreen"),
    TourStep(
        "Dashboard",
        ("De cijfers van de gemeente per periode: caseload, plannen, deadlines, kwaliteit van leven en de",
         "rekensom. Enter op een cijfer toont de huishoudens erachter."),
        "g d", InSection("dashboard"), "DashboardScreen"),
    TourStep(
        "Nu zelf oefenen",
        ("Dat was de route. Open nu zelf een casus, start een plan, verander gerust iets.",
         "F9 begint de oefenomgeving opnieuw met de oorspronkelijke gegevens."),
        "F9 opnieuw beginnen · F2 rondleiding", InSection(HOME), "CaseListScreen"),
)


def card_allowed(screen: Screen[Any], step: TourStep) -> bool:
    """The card sits on every full screen, and on a dialog only when the step is about that dialog
    (not on the help, the command palette or a question the user must answer)."""
    return not isinstance(screen, ModalScreen) or type(screen).__name__ == step.screen


class TourGuide:
    """Runs the tour in one app: which step, going there, and keeping the card on the screen in front."""

    def __init__(self, app: DoorbraakApp, steps: tuple[TourStep, ...] = STEPS) -> None:
        self.app = app
        self.steps = steps
        self.index: int | None = None
        self._moving = False
        self._subscribed = False

    @property
    def active(self) -> bool:
        return self.index is not None

    @property
    def step(self) -> TourStep | None:
        return None if self.index is None else self.steps[self.index]

    async def start(self) -> None:
        from tui.widgets.tour_card import HINT_TITLE, TOUR_TITLE

        # The start hint and an earlier "gestopt" would cover the card.
        for hint in [n for n in self.app._notifications if n.title in (HINT_TITLE, TOUR_TITLE)]:  # noqa: SLF001
            self.app._unnotify(hint)  # noqa: SLF001
        if not self._subscribed:  # once for the app's life; the callback does nothing while the tour is off
            self.app.screen_change_signal.subscribe(self.app, self._screen_changed)
            self._subscribed = True
        await self.go(0)

    def stop(self) -> None:
        from tui.widgets.tour_card import TourCard

        if self.index is None:
            return
        self.index = None
        for screen in [*self.app.all_screens(), self.app.screen]:
            for card in screen.query(TourCard):
                card.remove()

    async def next(self) -> None:
        from tui.widgets.tour_card import TOUR_TITLE

        if self.index is not None and self.index < len(self.steps) - 1:
            await self.go(self.index + 1)
        elif self.index is not None:
            self.app.notify("Dit was de laatste stap. F2 sluit de rondleiding.", title=TOUR_TITLE, markup=False)

    async def previous(self) -> None:
        if self.index is not None and self.index > 0:
            await self.go(self.index - 1)

    async def go(self, index: int) -> None:
        """Bring the app to step `index`; when a form with unsaved input is in the way, say so and stay."""
        step = self.steps[index]
        self._moving = True
        try:
            await step.place.open(self.app)
        except TourBlocked as blocked:
            self.app.notify(blocked.message, title="Rondleiding wacht", severity="warning", markup=False)
            return
        except Exception as error:  # noqa: BLE001 - a screen that failed to open: told in Dutch, no traceback
            self.app.report_error(error)
            return
        finally:
            self._moving = False
        self.index = index
        await self.show()

    def is_here(self) -> bool:
        step = self.step
        return step is not None and step.place.is_here(self.app)

    async def show(self) -> None:
        """Put the card for the current step on the screen in front (or update the one there); cards left on
        screens behind are hidden, so a dialog of the tour never shows two."""
        from tui.widgets.tour_card import TourCard

        step, index = self.step, self.index
        if step is None or index is None:
            return
        screen = self.app.screen
        if not card_allowed(screen, step):
            return  # a question or the help: the card of the screen under it stays as it was
        for other in self.app.all_screens():
            if other is not screen:
                for hidden in other.query(TourCard):
                    hidden.display = False
        found = next(iter(screen.query(TourCard)), None)
        card = found or TourCard()
        if found is None:
            await screen.mount(card)
        card.display = True
        card.show(step, index, len(self.steps), here=self.is_here())

    def _screen_changed(self, screen: Screen[Any]) -> None:
        if not self._moving and self.active:
            self.app.call_later(self.show)
