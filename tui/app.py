"""The Textual app: stylesheet, theme, keymap, command palette and the one place that reports worker errors.

The app is deliberately thin; each screen lives in `tui/screens/` and gets the database handle from here.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.keys import format_key
from textual.screen import Screen
from textual.theme import Theme, ThemeProvider
from textual.worker import Worker, WorkerState

from domain.errors import DomainError
from storage.bootstrap import Database
from tui.navigation import HOME, SECTIONS, GoToDialog
from tui.screens.base import GENERIC_ERROR
from tui.screens.help import HelpScreen, KeyHelp

log = logging.getLogger("doorbraak.tui")

# The only literal colours of the app; stylesheets use the variables ($primary, $error, ...).
DOORBRAAK_THEME = Theme(
    name="doorbraak",
    primary="#4A90C2",
    secondary="#6BA6A0",
    accent="#E0A458",
    warning="#E9C46A",
    error="#E5676B",
    success="#6FBF73",
    foreground="#E6EDF3",
    background="#141B22",
    surface="#1B242D",
    panel="#24313D",
    dark=True,
    variables={
        "footer-key-foreground": "#E0A458",
        "input-selection-background": "#4A90C2 40%",
        "block-cursor-text-style": "bold",
    },
)


KEY_NAMES = {"escape": "Esc", "enter": "Enter", "backspace": "Backspace", "delete": "Del", "tab": "Tab",
             "pagedown": "PgDn", "pageup": "PgUp", "space": "Spatie"}


def readable_key(binding: Binding) -> str:
    """`ctrl+s` → `Ctrl+S`, `question_mark` → `?`, `escape` → `Esc` (for the help screen)."""
    modifiers, key = binding.parse_key()
    name = KEY_NAMES.get(key) or format_key(key)
    name = name.upper() if len(name) == 1 and modifiers or name.startswith("f") and name[1:].isdigit() else name
    return "+".join([*(m.capitalize() for m in modifiers), name])


class DoorbraakApp(App[None]):
    """doorbraak in the terminal. Takes an open `Database` (settings, unit of work, actor)."""

    CSS_PATH = "app.tcss"
    TITLE = "doorbraak"
    DEFAULT_MODE = HOME
    BINDINGS = [
        Binding("g", "go_to_menu", "Ga naar", id="app.goto",
                tooltip="Naar een ander onderdeel: register, werklijst, …"),
        Binding("ctrl+q", "quit", "Afsluiten", id="app.quit", priority=True, show=False, tooltip="doorbraak afsluiten"),
        Binding("f1,question_mark", "help", "Help", id="app.help", tooltip="Toetsen van dit scherm"),
        Binding("ctrl+p", "command_palette", "Opdrachten", id="app.palette", priority=True, show=False,
                tooltip="Zoek een opdracht op naam"),
    ]

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.register_theme(DOORBRAAK_THEME)
        self.theme = DOORBRAAK_THEME.name
        for each in SECTIONS:
            self.add_mode(each.mode, partial(each.screen, db))

    def on_mount(self) -> None:
        if self.db.settings.keymap:
            self.set_keymap(dict(self.db.settings.keymap))

    # -- errors: the one place ------------------------------------------------------------------
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Every worker runs with exit_on_error=False; its failure ends up in `report_error`.

        (Worker messages do not bubble: screens pass theirs on, see `DoorbraakScreen`.)
        """
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            self.report_error(event.worker.error)

    def report_error(self, error: BaseException) -> None:
        """The one place that tells the user a background task failed: Dutch, never a traceback."""
        if isinstance(error, DomainError):
            self.notify(error.message, title=error.title, severity="error", timeout=12, markup=False)
            return
        # Only the type: an exception's text may hold query parameters (names, a BSN).
        log.error("Unexpected error in a worker: %s", type(error).__name__)
        self.notify(GENERIC_ERROR, title="Er ging iets mis", severity="error", timeout=12, markup=False)

    # -- sections ----------------------------------------------------------------------------------
    def go_to(self, mode: str) -> None:
        """Open a section (its screen stack stays as it was left)."""
        self.switch_mode(mode)

    def action_go_to_menu(self) -> None:
        if isinstance(self.screen, GoToDialog):
            return

        def chosen(mode: str | None) -> None:
            if mode is not None:
                self.go_to(mode)

        self.push_screen(GoToDialog(self.current_mode), chosen)

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
        if isinstance(self.screen, HelpScreen | CommandPalette):
            return
        self.push_screen(HelpScreen(self.screen.sub_title or "doorbraak", self.key_help(self.screen)))

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(CommandPalette(placeholder="Zoek een opdracht…", id="--command-palette"))

    def search_themes(self) -> None:
        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder="Zoek een kleurenschema…"))

    def action_help_quit(self) -> None:
        # Ctrl+C outside a text field: people expect it to quit; tell them how, in Dutch.
        self.notify("Afsluiten doet u met Ctrl+Q.", title="Wilt u afsluiten?", markup=False)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every action of the current screen, under its Dutch name, plus the app-wide ones."""
        for binding, node in self.screen_keys(screen):
            help_text = f"{binding.tooltip or binding.description} ({self.get_key_display(binding)})"
            yield SystemCommand(binding.description, help_text, partial(self.run_action, binding.action, node))
        for each in SECTIONS:
            if each.mode != self.current_mode:
                yield SystemCommand(f"Ga naar {each.label}", each.description, partial(self.go_to, each.mode))
        yield SystemCommand("Thema wijzigen", "Kies een ander kleurenschema", self.action_change_theme)

    async def action_quit(self) -> None:
        from tui.screens.confirm_dialog import ConfirmDialog
        from tui.screens.household_form import HouseholdFormScreen
        from tui.screens.plan_editor import PlanEditorScreen

        unsaved_plan = False
        for editor in [s for s in self.all_screens() if isinstance(s, PlanEditorScreen)]:
            try:
                await editor.flush_draft()  # what was typed in a plan is kept as a draft, not lost
            except Exception:  # noqa: BLE001 - reported by the app; ask below before losing it
                unsaved_plan = True
        if unsaved_plan or any(isinstance(s, HouseholdFormScreen) and s.is_dirty for s in self.all_screens()):

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


def run_app(db: Database) -> None:
    """Run the app full screen on `db` until the user quits."""
    DoorbraakApp(db).run()
