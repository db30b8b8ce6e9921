"""The sections of the app (casussen, register, werklijst, ...) and the 'Ga naar' dialog that switches between them.

Each section is a Textual *mode* with its own screen stack, so switching to the register in the middle of
a plan keeps the plan open where it was. Screens are imported only when a section is first opened, so
start-up stays as fast as the case list alone.

To add a section: one `Section` in `SECTIONS` (a letter that is free, a Dutch label, a factory).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from domain.access import Permission, has

if TYPE_CHECKING:
    from domain.actors import Actor
    from storage.bootstrap import Services


def _case_list(db: Services) -> Screen[Any]:
    if not has(db.actor, Permission.LIST_CASES):
        # LET and beheer see no households at all: a start screen that points to what they may use.
        from tui.screens.start import StartScreen

        return StartScreen(db)
    from tui.screens.case_list import CaseListScreen

    return CaseListScreen(db)


def _register(db: Services) -> Screen[Any]:
    from tui.screens.register import RegisterScreen

    return RegisterScreen(db)


def _worklist(db: Services) -> Screen[Any]:
    from tui.screens.worklist import WorklistScreen

    return WorklistScreen(db)


def _overbruggingen(db: Services) -> Screen[Any]:
    from tui.screens.overbrugging_list import OverbruggingListScreen

    return OverbruggingListScreen(db)


def _escalations(db: Services) -> Screen[Any]:
    from tui.screens.escalation_inbox import EscalationInboxScreen

    return EscalationInboxScreen(db)


def _lmm_inbox(db: Services) -> Screen[Any]:
    from tui.screens.lmm_inbox import LmmInboxScreen

    return LmmInboxScreen(db)


def _knelpunten(db: Services) -> Screen[Any]:
    from tui.screens.knelpunten import KnelpuntenScreen

    return KnelpuntenScreen(db)


def _dashboard(db: Services) -> Screen[Any]:
    from tui.screens.dashboard import DashboardScreen

    return DashboardScreen(db)


def _mandates(db: Services) -> Screen[Any]:
    from tui.screens.mandates import MandatesScreen

    return MandatesScreen(db)


def _audit_log(db: Services) -> Screen[Any]:
    from tui.screens.audit_log import AuditLogScreen

    return AuditLogScreen(db)


def login_screen(db: Services) -> Screen[Any]:
    from tui.screens.login import LoginScreen

    return LoginScreen(db)


@dataclass(frozen=True)
class Section:
    mode: str
    """The Textual mode name (also the id of the option in the dialog)."""
    key: str
    """One letter that opens the section from the 'Ga naar' dialog."""
    label: str
    description: str
    screen: Callable[[Services], Screen[Any]]
    """Builds the section's first screen; imports its module late."""
    permission: Permission | tuple[Permission, ...] | None = None
    """Only offered to roles with this permission, or all of these (the services refuse the others anyway)."""

    def allowed(self, actor: Actor) -> bool:
        needed = () if self.permission is None else (
            self.permission if isinstance(self.permission, tuple) else (self.permission,))
        return all(has(actor, p) for p in needed)


HOME = "casussen"
LOGIN = "inloggen"
"""Only on a shared database, until the user has logged in (then removed)."""

SECTIONS: tuple[Section, ...] = (
    Section(HOME, "c", "Casussen", "Alle huishoudens, zoeken en openen", _case_list),
    Section("register", "r", "Maatwerkregister", "Wie bel ik bij UWV, SVB, DUO, CAK, CJIB, Toeslagen, gemeenten",
            _register, permission=Permission.SEARCH_REGISTER),
    Section("werklijst", "w", "Werklijst", "Wat vandaag aandacht vraagt", _worklist,
            permission=Permission.LIST_CASES),
    Section("overbruggingen", "o", "Overbruggingen", "Hulp nu, wie betaalt wordt later verrekend", _overbruggingen,
            permission=Permission.MANAGE_OVERBRUGGINGEN),
    # The inbox names households: not for the LET, which sees only pseudonymised dossiers.
    Section("escalaties", "e", "Escalaties", "Inbox: lokaal, regionaal, LMM/LET", _escalations,
            permission=Permission.MANAGE_ESCALATIONS),
    # The national desk's work queue, pseudonymised; coordinators follow their own escalations in the inbox.
    Section("lmm", "i", "LMM-inbox", "Landelijke dossiers (gepseudonimiseerd) en hun afhandeling", _lmm_inbox,
            permission=Permission.HANDLE_NATIONAL_ESCALATIONS),
    Section("knelpunten", "k", "Knelpunten", "Register en rapport (systeemleren)", _knelpunten,
            permission=Permission.VIEW_KNELPUNTEN),
    # A municipality's figures and the households behind them: coordinators, trainers, the single-user owner.
    Section("dashboard", "d", "Dashboard", "Cijfers van de gemeente per periode, tot op het huishouden", _dashboard,
            permission=(Permission.VIEW_REPORTS, Permission.LIST_CASES)),
    Section("audit", "l", "Logboek", "Wie zag of wijzigde wat; keten controleren", _audit_log,
            permission=Permission.VIEW_AUDIT),
    # Beheer keeps the mandate register (the single-user owner too): who may decide plans and overbruggingen.
    Section("mandaten", "m", "Mandaten", "Wie mag besluiten: het mandaatregister", _mandates,
            permission=Permission.MANAGE_MANDATES),
)


def section(mode: str) -> Section:
    return next(s for s in SECTIONS if s.mode == mode)


def sections_for(actor: Actor) -> list[Section]:
    """The sections this actor may open. The first is always there: without the right to list cases
    (LET, beheer) it is a start screen, and is named so."""
    allowed = [s for s in SECTIONS if s.allowed(actor)]
    if not has(actor, Permission.LIST_CASES):
        allowed = [replace(s, label="Start", description="Wat u met uw rol kunt doen") if s.mode == HOME else s
                   for s in allowed]
    return allowed


_FIELD_CONTROLS = (("textual.widgets._input", "Input"), ("textual.widgets._text_area", "TextArea"),
                   ("textual.widgets._select", "Select"), ("textual.widgets._select", "SelectOverlay"),
                   ("textual.widgets._selection_list", "SelectionList"), ("textual.widgets._switch", "Switch"),
                   ("textual.widgets._toggle_button", "ToggleButton"), ("textual.widgets._radio_set", "RadioSet"))


def field_controls() -> tuple[type[Widget], ...]:
    """Widgets a person fills in: while one has the focus, a printable key is input, never a screen key. Only
    the classes already imported: a widget of a class nobody imported cannot have the focus, and importing
    TextArea and the others here (the app asks at its first bindings check) cost ~10 ms before the first paint."""
    found = []
    for module, name in _FIELD_CONTROLS:
        loaded = sys.modules.get(module)
        if loaded is not None:
            found.append(getattr(loaded, name))
    return tuple(found)


def keys_belong_to_fields(screen: Screen[Any], focused: Widget | None) -> bool:
    """True where printable keys are for the fields, so `g` and other letter keys of the app must not act:
    in every dialog and picker (a modal screen), in every form (a screen that knows it has unsaved edits:
    household, plan, overbrugging, escalation, ...), and wherever a field control has the focus."""
    if isinstance(screen, ModalScreen) or hasattr(type(screen), "is_dirty"):  # the class: no draft() computed
        return True
    return isinstance(focused, field_controls())


class GoToDialog(ModalScreen[str | None]):
    """Ga naar: one letter (or the arrows and Enter) opens a section of the app."""

    # Priority: the app handles these keys itself, in the order typed. A key forwarded to the dialog would
    # be handled after the app already read the next key of a fast `g c g w` (which then found this dialog
    # still open). `g` (the app's own priority key) closes the dialog.
    BINDINGS = [
        Binding("escape", "cancel", "Annuleren", id="goto.cancel", priority=True),
        *(Binding(s.key, f"choose({s.key!r})", s.label, show=False, priority=True) for s in SECTIONS),
    ]

    def __init__(self, current_mode: str, sections: list[Section] | None = None) -> None:
        super().__init__()
        self.current_mode = current_mode
        self.sections = list(SECTIONS) if sections is None else sections
        self.answered = False
        """Set by the first answer: keys typed fast after it (`g e e`) arrive before the dialog is gone."""

    def compose(self) -> ComposeResult:
        options = [
            Option(f"{s.key}  {s.label} — {s.description}" + ("  (hier)" if s.mode == self.current_mode else ""),
                   id=s.mode)
            for s in self.sections
        ]
        with Vertical(classes="dialog", id="goto-dialog") as dialog:
            dialog.border_title = "Ga naar"
            yield OptionList(*options, id="goto-options")
            yield Label("Letter of Enter kiest · Esc annuleert", classes="dialog-hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        options.highlighted = next((i for i, s in enumerate(self.sections) if s.mode == self.current_mode), 0)

    def action_choose(self, key: str) -> None:
        chosen = next((s for s in self.sections if s.key == key), None)
        if chosen is not None:  # a letter of a section this role does not see: nothing
            self.answer(chosen.mode)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.answer(event.option.id)

    def action_cancel(self) -> None:
        self.answer(None)

    def answer(self, mode: str | None) -> None:
        """Close with `mode` once; later keys that reach the closing dialog are dropped (a second
        dismiss would pop a screen that is not there: ScreenStackError)."""
        if self.answered or not self.is_current:
            return
        self.answered = True
        self.dismiss(mode)
