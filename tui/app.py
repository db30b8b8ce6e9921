"""The Textual app: stylesheet, theme, keymap, command palette and the one place that reports worker errors.

The app is deliberately thin; each screen lives in `tui/screens/` and gets the database handle from here.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.keys import format_key
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from domain.errors import DomainError
from tui.css_cache import install as keep_parsed_css
from tui.errors import ErrorBoundary, write_log
from tui.key_order import KeysInOrder
from tui.navigation import HOME, LOGIN, SECTIONS, GoToDialog, keys_belong_to_fields, login_screen, sections_for
from tui.screens.base import GENERIC_ERROR
from tui.screens.help import HelpScreen, KeyHelp
from tui.starting import StartingServices, starting
from tui.themes import DEFAULT_THEME, DOORBRAAK_THEME, THEMES, DoorbraakThemeProvider  # noqa: F401 (DOORBRAAK_THEME: kept importable here)
from tui.widgets.command_palette import SafeCommandPalette
from tui.widgets.dutch_labels import use_dutch_labels

keep_parsed_css()  # parsed CSS kept next to the bytecode (tui/css_cache.py): ~60 ms of every start

if TYPE_CHECKING:
    from domain.actors import Actor
    from storage.bootstrap import Services
    from tui.tour import TourGuide

log = logging.getLogger("doorbraak.tui")
use_dutch_labels()  # before any widget exists: Textual's dropdown keys in Dutch in the footer

KEY_NAMES = {"escape": "Esc", "enter": "Enter", "backspace": "Backspace", "delete": "Del", "tab": "Tab",
             "pagedown": "PgDn", "pageup": "PgUp", "space": "Spatie"}


def readable_key(binding: Binding) -> str:
    """`ctrl+s` → `Ctrl+S`, `question_mark` → `?`, `escape` → `Esc` (for the help screen)."""
    modifiers, key = binding.parse_key()
    name = KEY_NAMES.get(key) or format_key(key)
    name = name.upper() if len(name) == 1 and modifiers or name.startswith("f") and name[1:].isdigit() else name
    return "+".join([*(m.capitalize() for m in modifiers), name])


OPEN_AFTER = 0.5
"""Seconds after mounting at which the fast start opens the services if the first screen has not asked yet."""
STILL_OPENING = "De database wordt nog geopend; probeer het zo nog eens."


class DoorbraakApp(KeysInOrder, ErrorBoundary):
    """doorbraak in the terminal. Takes the `Services` of an open database (use cases, settings, actor)."""

    CSS_PATH = ["app.tcss", "tour.tcss"]
    TITLE = "doorbraak"
    DEFAULT_MODE = HOME
    BINDINGS = [
        # Priority: checked before the key travels to the focused widget, so the next key of a fast `g k`
        # already finds the dialog (disabled while a text field has the focus, where `g` is a letter).
        Binding("g", "go_to_menu", "Ga naar", id="app.goto", priority=True,
                tooltip="Naar een ander onderdeel: register, werklijst, …"),
        Binding("ctrl+q", "quit", "Afsluiten", id="app.quit", priority=True, show=False, tooltip="doorbraak afsluiten"),
        Binding("f1,question_mark", "help", "Help", id="app.help", tooltip="Toetsen van dit scherm"),
        Binding("ctrl+p", "command_palette", "Opdrachten", id="app.palette", priority=True, show=False,
                tooltip="Zoek een opdracht op naam"),
        Binding("f9", "reset_demo", "Oefenomgeving opnieuw beginnen", id="app.reset_demo", show=False,
                tooltip="Alleen in de oefenomgeving: alles terug naar de oorspronkelijke voorbeeldgegevens"),
        # The rondleiding (tui/tour.py), only in the oefenomgeving. F-keys: never typed into a field, and
        # priority so they also work where a text field or a dialog has the focus.
        Binding("f2", "tour", "Rondleiding", id="app.tour", priority=True,
                tooltip="Alleen in de oefenomgeving: een rondleiding langs één huishouden, scherm voor scherm "
                        "(nog eens F2: stoppen)"),
        Binding("f3", "tour_next", "Rondleiding: volgende", id="app.tour_next", priority=True, show=False,
                tooltip="Naar de volgende stap van de rondleiding"),
        Binding("f4", "tour_previous", "Rondleiding: vorige", id="app.tour_previous", priority=True, show=False,
                tooltip="Terug naar de vorige stap van de rondleiding"),
    ]

    def __init__(self, services: Services) -> None:
        # A shared database starts at the login screen; the sections are built only after login,
        # so no screen ever queries with a permissionless actor. (Textual reads DEFAULT_MODE in __init__.)
        self.awaiting_login = services.requires_login and services.logged_in is None
        if self.awaiting_login:
            self.DEFAULT_MODE = LOGIN  # type: ignore[misc]  # an intended per-instance override of the ClassVar
        super().__init__()
        self.services: Services = services
        self._tour: TourGuide | None = None
        self._palette: CommandPalette | None = None
        self.case_reasons: dict[str, str] = {}
        """Reasons given this session for opening cases outside the caseload (case number → reason)."""
        self.last_input = time.monotonic()
        """When the last key, click or scroll came in (the idle lock and the browser session's end)."""
        self.locked = False
        self._ending = False
        self._release_start_keys: Callable[[], None] | None = None
        self._opening = False
        """The fast start holds the keys until the services are open (tui/starting.py)."""
        self._prepared = False
        """`_services_ready` ran (once per app)."""
        for theme in THEMES:
            self.register_theme(theme)
        wanted = services.settings.theme
        self._start_theme(wanted if wanted in {theme.name for theme in THEMES} else DEFAULT_THEME)
        if self.awaiting_login:
            self.add_mode(LOGIN, partial(login_screen, services))
        for each in SECTIONS:
            self.add_mode(each.mode, partial(each.screen, services))

    def _start_theme(self, name: str) -> None:
        """The theme before the stylesheet is first parsed, without `theme`'s watcher: `self.theme = name`
        here queued a second full parse of every style sheet right after start (Textual's refresh_css),
        0.1–0.25 s of the time to the first painted row. What the watcher does besides is done here."""
        self.set_reactive(DoorbraakApp.theme, name)
        dark = self.current_theme.dark
        classes = {each: False for each in self.classes if each.startswith("-theme-")}
        classes.update({f"-theme-{name}": True, "-dark-mode": dark, "-light-mode": not dark})
        self.update_classes(classes, update=False)
        self._refresh_truecolor_filter(self.ansi_theme)

    def on_plan_editor_screen_step_shown(self) -> None:
        # The editor shows a step after it loaded (a worker): the tour's card, shown when the editor opened,
        # may have judged "van de route af" too early; judge it again now.
        if self.touring:
            self.call_later(self.tour.show)

    def on_mount(self) -> None:
        for warning in self.services.warnings:
            self.notify(warning, title="Let op", severity="warning", timeout=20, markup=False)
        if self.services.demo and not self.awaiting_login:
            from tui.widgets.tour_card import HINT, HINT_TITLE

            self.notify(HINT, title=HINT_TITLE, timeout=20, markup=False)
        if isinstance(self.services, StartingServices) and self.services.failed:
            # Opened and failed before this mount (a busy machine runs the login's timer first): the worker's
            # error ends the app with its Dutch message; there are no settings to prepare from.
            self.open_services()
            return
        if starting(self.services) is None:
            self._services_ready()
            return
        # The fast start (tui/starting.py): the first page is painted from a raw read; the services are opened
        # right after that paint, and the keys typed meanwhile are handed out in order once they are ready. A
        # login screen takes its keys itself (its fields need no services; logging in waits for them).
        start = starting(self.services)
        if start is not None and start.holds_keys:
            self._release_start_keys = self.hold_keys(limit=None)
        self.set_timer(OPEN_AFTER, self.open_services)  # the first screen asks sooner, right after its first paint

    def open_services(self) -> None:
        """The fast start: open the services in a worker (once; the case list calls this after its first paint,
        so that the imports do not compete with that paint)."""
        # Not `starting()`: a login may have opened them already in its own worker, and what follows the opening
        # (the idle lock, the keymap) must still run once.
        if self._opening or self._prepared or not isinstance(self.services, StartingServices):
            return
        self._opening = True
        self.run_worker(self._open_services_now, thread=True, group="open-services", exit_on_error=False)

    def _open_services_now(self) -> None:
        start = self.services
        if isinstance(start, StartingServices):
            start.open()  # or waits for whoever opened them
            self.call_from_thread(self._services_ready, start)

    def _services_ready(self, start: StartingServices | None = None) -> None:
        """What needs the settings or the services: the keymap, the theme kept, the idle lock; then the keys."""
        if self._prepared:
            return
        self._prepared = True
        for warning in start.new_warnings() if start is not None else []:  # known only once they are open
            self.notify(warning, title="Let op", severity="warning", timeout=20, markup=False)
        if self.services.settings.keymap:
            self.set_keymap(dict(self.services.settings.keymap))
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self._start_idle_watch()
        # The fast start: what the screens put off, then the keys typed meanwhile. The screens are resumed even
        # when no keys were held: on a busy machine this can run before the app's own mount took them, after the
        # case list had begun to put its work off.
        release, self._release_start_keys = self._release_start_keys, None
        for screen in self.all_screens():
            resume = getattr(screen, "services_ready", None)
            if callable(resume):
                resume()
        if release is not None:
            release()
        # What is alive after start-up (modules, classes, Textual's caches: ~170,000 objects) stays alive;
        # taking it out of the cyclic collector's reach keeps a full collection from stalling typing for
        # 100-300 ms on a busy machine (benchmarks/bench_register_tui.py: max stall 294 → 74 ms).
        gc.freeze()

    # -- the idle lock -----------------------------------------------------------------------------
    INPUT_EVENTS = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp, events.Paste,
                    events.Resize)
    """What counts as someone being there. A resize too: `doorbraak serve` hands a session process started
    ahead to a new tab by resizing it to the tab, and its idle time must start then, not when it was started."""

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, self.INPUT_EVENTS):
            self.last_input = time.monotonic()
        await super().on_event(event)

    def _start_idle_watch(self) -> None:
        settings = self.services.settings
        limits = [m * 60 for m in (settings.idle_lock_minutes, settings.session_end_minutes) if m > 0]
        if limits:  # look a few times per period: locked at most a quarter period late (30 s at most)
            self.set_interval(min(30.0, min(limits) / 4), self._check_idle, name="idle-lock")

    def _check_idle(self) -> None:
        idle = time.monotonic() - self.last_input
        settings = self.services.settings
        if settings.session_end_minutes > 0 and idle >= settings.session_end_minutes * 60:
            self._end_session()
        elif settings.idle_lock_minutes > 0 and idle >= settings.idle_lock_minutes * 60:
            self.lock_screen()

    def lock_screen(self) -> None:
        """Hide every personal detail behind the lock screen; forms keep their concept. Not before login."""
        if self.locked or self.awaiting_login or self._ending:
            return
        from tui.screens.lock import LockScreen, minutes_text

        self.locked = True
        self.clear_notifications()  # a toast may name a household
        self._keep_drafts()
        self.push_screen(LockScreen(self.services, self.services.settings.idle_lock_minutes))
        self._record_lock(f"na {minutes_text(self.services.settings.idle_lock_minutes)} zonder invoer")

    @work(thread=True, group="lock-audit", exit_on_error=False)
    def _record_lock(self, reason: str) -> None:
        self.services.lock(reason)

    def unlocked(self) -> None:
        """The lock screen accepted the password: back to exactly where the person was."""
        from tui.screens.lock import LockScreen

        self.locked = False
        self.last_input = time.monotonic()
        if isinstance(self.screen, LockScreen):
            self.pop_screen()

    @work(exclusive=True, group="session-end", exit_on_error=False)
    async def _end_session(self) -> None:
        """Browser mode: after the session's idle time the process ends (concepts written first)."""
        if self._ending:
            return
        self._ending = True
        screens: list[Any] = self.all_screens()
        for screen in screens:
            if callable(getattr(screen, "write_draft", None)):
                screen.write_draft()
            if callable(getattr(screen, "flush_draft", None)):
                await screen.flush_draft()
        if not self.awaiting_login:
            await asyncio.to_thread(self.services.lock, "sessie beëindigd na inactiviteit")
        self.exit()

    def on_unmount(self) -> None:
        gc.unfreeze()  # collectable again: many apps in one process (the tests) must not pile up

    def _remember_theme(self, theme: object) -> None:
        """A theme chosen in the app ("Thema wijzigen") is kept in config.toml for the next start."""
        name = getattr(theme, "name", "")
        if name and name != self.services.settings.theme:
            self.services.settings = self.services.settings.model_copy(update={"theme": name})
            self._save_theme(name)

    @work(thread=True, exclusive=True, group="settings", exit_on_error=False)
    def _save_theme(self, name: str) -> None:
        from storage.settings import save_setting

        save_setting("theme", name)

    def logged_in(self, actor: Actor) -> None:
        """After a successful login: open the start section and forget the login screen."""
        self.awaiting_login = False
        self.open_services()  # the fast start: the login's worker opened them; what follows opening runs now
        self.switch_mode(HOME)
        self.remove_mode(LOGIN)
        self.notify(f"Ingelogd als {actor.display_name} ({actor.role.label}).", title="Welkom", markup=False)

    # -- errors: the one place ------------------------------------------------------------------
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Every worker runs with exit_on_error=False; its failure ends up in `report_error`.

        (Worker messages do not bubble: screens pass theirs on, see `DoorbraakScreen`.)
        """
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            if event.worker.group == "open-services":  # the fast start could not open the services after all
                error = event.worker.error
                message = error.message if isinstance(error, DomainError) else GENERIC_ERROR
                if not isinstance(error, DomainError):
                    write_log(error, "worker")
                self.exit(return_code=1, message=message)
                return
            self.report_error(event.worker.error)

    def report_error(self, error: BaseException) -> None:
        """The one place that tells the user a background task failed: Dutch, never a traceback."""
        if isinstance(error, DomainError):
            self.notify(error.message, title=error.title, severity="error", timeout=12, markup=False)
            return
        # Only the type and the frames: an exception's text may hold query parameters (names, a BSN).
        self.worker_errors += 1
        log.error("Unexpected error in a worker: %s", type(error).__name__)
        write_log(error, "worker")
        self.notify(GENERIC_ERROR, title="Er ging iets mis", severity="error", timeout=12, markup=False)

    # -- the oefenomgeving ---------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.locked and action != "quit":
            return False  # behind the lock nothing opens: no section, palette, help or tour
        if action == "reset_demo":
            return self.services.demo  # not even offered on a real database
        if action == "tour":
            return self.services.demo and not self.awaiting_login
        if action in ("tour_next", "tour_previous"):
            return self.services.demo and self.touring
        if action == "go_to_menu":
            # Before login there is nothing to go to; in a form, dialog or field `g` is a letter, not 'Ga naar'
            # (the open 'Ga naar' dialog itself closes on `g`).
            if isinstance(self.screen, GoToDialog):
                return True
            return not (self.awaiting_login or keys_belong_to_fields(self.screen, self.focused))
        return True

    def action_reset_demo(self) -> None:
        from tui.demo_reset import QUESTION
        from tui.screens.confirm_dialog import ConfirmDialog

        if not self.services.demo or isinstance(self.screen, ConfirmDialog):
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._start_demo_again()

        self.push_screen(ConfirmDialog("Oefenomgeving opnieuw beginnen?", QUESTION, yes="Opnieuw beginnen",
                                       no="Terug"), answered)

    @work(exclusive=True, group="demo_reset", exit_on_error=False)
    async def _start_demo_again(self) -> None:
        from tui.demo_reset import start_again

        if self.touring:
            self.tour.stop()  # its screens are closed; F2 starts it again on the fresh copy
        await start_again(self)

    @property
    def tour(self) -> TourGuide:
        """The rondleiding (only offered in the oefenomgeving); its module is imported on first use."""
        if self._tour is None:
            from tui.tour import TourGuide

            self._tour = TourGuide(self)
        return self._tour

    @property
    def touring(self) -> bool:
        return self._tour is not None and self._tour.active

    async def action_tour(self) -> None:
        if not self.check_action("tour", ()):
            return
        if self.tour.active:
            self.tour.stop()
            from tui.widgets.tour_card import TOUR_TITLE

            self.notify("De rondleiding is gestopt. F2 start hem opnieuw.", title=TOUR_TITLE, markup=False)
        else:
            await self.tour.start()
        self.screen.refresh_bindings()

    async def action_tour_next(self) -> None:
        if self.touring:
            await self.tour.next()

    async def action_tour_previous(self) -> None:
        if self.touring:
            await self.tour.previous()

    # -- sections ----------------------------------------------------------------------------------
    def go_to(self, mode: str) -> None:
        """Open a section (its screen stack stays as it was left); the section one is in: back to its start."""
        if starting(self.services) is not None:  # a click before the services are open (keys are held)
            self.notify(STILL_OPENING, title="Even geduld", markup=False)
            return
        if mode == self.current_mode:
            self._back_to_section_start()
        else:
            self.switch_mode(mode)

    @work(exclusive=True, group="go_to", exit_on_error=False)
    async def _back_to_section_start(self) -> None:
        above = self.screen_stack[1:]
        if any(getattr(screen, "is_dirty", False) is True for screen in above):
            self.notify("Hier staan nog wijzigingen open: sla ze eerst op of sluit ze met Esc.",
                        title="Ga naar", markup=False)
            return
        for _ in above:
            await self.pop_screen()

    def action_go_to_menu(self) -> None:
        if isinstance(self.screen, GoToDialog):
            self.screen.answer(None)
            return

        def chosen(mode: str | None) -> None:
            if mode is not None:
                self.go_to(mode)

        self.push_screen(GoToDialog(self.current_mode, sections_for(self.services.actor)), chosen)

    def all_screens(self) -> list[Screen[Any]]:
        """The screens of every section, not only the current one."""
        return [screen for stack in self._screen_stacks.values() for screen in stack]

    # -- keys, help and the command palette ------------------------------------------------------
    def screen_keys(self, screen: Screen[Any]) -> list[tuple[Binding, DOMNode]]:
        """The bindings a person can use on `screen` now (after the keymap, enabled), each once, ours only."""
        seen: dict[str, tuple[Binding, DOMNode, list[str]]] = {}
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not active.enabled or binding.id is None or not binding.description:
                continue
            if binding.action == "command_palette":
                continue
            entry = seen.setdefault(binding.id, (binding, active.node, []))
            entry[2].append(key)
        return [(binding, node) for binding, node, _ in seen.values()]

    def key_help(self, screen: Screen[Any]) -> list[KeyHelp]:
        keys: dict[str, list[str]] = {}
        bindings: dict[str, Binding] = {}
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.id is None or not binding.description:
                continue
            bindings.setdefault(binding.id, binding)
            keys.setdefault(binding.id, []).append(readable_key(binding))
        return [
            KeyHelp(" / ".join(keys[binding_id]), binding.description, binding.tooltip)
            for binding_id, binding in bindings.items()
        ]

    def action_help(self) -> None:
        if any(isinstance(s, HelpScreen | CommandPalette) for s in self.screen_stack):
            return  # F1 twice in one read: one help screen
        self.push_screen(HelpScreen(self.screen.sub_title or "doorbraak", self.key_help(self.screen)))

    def action_command_palette(self) -> None:
        # Also not while the last one is still opening or closing (Ctrl+P in a burst: a duplicate id).
        if self.use_command_palette and (self._palette is None or self._palette.parent is None):
            self._palette = SafeCommandPalette(placeholder="Zoek een opdracht…", id="--command-palette")
            self.push_screen(self._palette)

    def search_themes(self) -> None:
        self.push_screen(SafeCommandPalette(providers=[DoorbraakThemeProvider], placeholder="Zoek een kleurenschema…"))

    def action_help_quit(self) -> None:
        # Ctrl+C outside a text field: people expect it to quit; tell them how, in Dutch.
        self.notify("Afsluiten doet u met Ctrl+Q.", title="Wilt u afsluiten?", markup=False)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every action of the current screen, under its Dutch name, plus the app-wide ones."""
        for binding, node in self.screen_keys(screen):
            help_text = f"{binding.tooltip or binding.description} ({self.get_key_display(binding)})"
            yield SystemCommand(binding.description, help_text, partial(self.run_action, binding.action, node))
        for each in [] if self.awaiting_login else sections_for(self.services.actor):
            if each.mode != self.current_mode:
                yield SystemCommand(f"Ga naar {each.label}", each.description, partial(self.go_to, each.mode))
        yield SystemCommand("Thema wijzigen", "Kies een ander kleurenschema", self.action_change_theme)

    async def action_quit(self) -> None:
        from tui.screens.confirm_dialog import ConfirmDialog
        from tui.screens.plan_editor import PlanEditorScreen

        unsaved_plan = False
        for editor in [s for s in self.all_screens() if isinstance(s, PlanEditorScreen)]:
            try:
                await editor.flush_draft()  # what was typed in a plan is kept as a draft, not lost
            except Exception:  # noqa: BLE001 - reported by the app; ask below before losing it
                unsaved_plan = True
        # Any form with unsaved edits (household, overbrugging, escalation, ...) asks first.
        if unsaved_plan or any(getattr(s, "is_dirty", False) is True for s in self.all_screens()):

            async def answered(leave: bool | None) -> None:
                if leave:
                    self.exit()

            self.push_screen(
                ConfirmDialog("Afsluiten?", "Er zijn wijzigingen die nog niet zijn opgeslagen. Toch afsluiten?",
                              yes="Afsluiten", no="Terug"),
                answered,
            )
            return
        self.exit()


SMOKE_TIMEOUT = 60.0


def smoke_test(services: Services) -> str:
    """Start the app without a screen (headless), wait until the case list shows its households, quit.

    For an installation check (`doorbraak demo --zelftest`): returns a Dutch line on success; raises a Dutch
    DomainError when the list did not come. Exercises the stylesheets, the package data and the database.
    """
    from textual.pilot import Pilot

    from tui.screens.case_list import CaseListScreen

    async def auto_pilot(pilot: Pilot[Any]) -> None:
        app = pilot.app
        deadline = time.monotonic() + SMOKE_TIMEOUT
        while time.monotonic() < deadline:
            await pilot.pause(0.05)
            screen = app.screen
            if isinstance(screen, CaseListScreen) and screen.total:
                app.exit(f"De app werkt: de caselijst toont {screen.total} huishoudens.")
                return
        app.exit(None)

    result = DoorbraakApp(services).run(headless=True, size=(100, 30), auto_pilot=auto_pilot)
    if not isinstance(result, str):
        raise DomainError("De app toonde de caselijst niet binnen een minuut. Zie het foutenlogboek.")
    return result


def run_app(services: Services) -> int:
    """Run the app full screen on `services` until the user quits; the app's return code (1: the fast start's
    services could not be opened, its Dutch message is printed by Textual)."""
    app = DoorbraakApp(services)
    app.run()
    return app.return_code or 0
