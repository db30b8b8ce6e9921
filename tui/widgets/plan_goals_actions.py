"""The steps Doelen and Acties: lists of cards, added with Ctrl+N and removed with Ctrl+R.

An action card is also where a contact chosen elsewhere (the maatwerkregister's "wie bel ik?") lands:
`ActionEditor.set_contact(text, contact_id)` puts it on that action in one call.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal
from textual.widgets import Button, Checkbox, Input, Select, Static

from domain import reference
from domain.action_kinds import suggested_bases
from domain.catalogues import is_legal_basis, legal_basis
from domain.errors import Problem
from domain.plan import ACTION_STATUS_LABELS, PlanStep
from tui.plan_session import Content, next_id
from tui.widgets.form_field import FormField
from tui.widgets.form_values import FormValues
from tui.widgets.item_editors import ItemEditor, ItemList, choice
from tui.widgets.plan_fields import (
    TEXT_MAX,
    YesNo,
    date_text,
    date_value,
    line_input,
    problems_under,
)
from tui.widgets.plan_step import StepView, hint

PHONE = re.compile(r"(?:\+31[\s-]?|\b0)\d(?:[\s-]?\d){6,11}\b")
"""A Dutch phone number in a contact text: 06 12345103, 020-1234567, +31 6 12345678, 0800-1234."""


def short(text: str, limit: int = 40) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def short_title(basis_id: str) -> str:
    """`Awb art. 4:84` rather than the full name of the law (it has to fit on a card)."""
    if not is_legal_basis(basis_id):
        return basis_id
    basis = legal_basis(basis_id)
    match = re.search(r"\(([^)]+)\)", basis.wet)
    return f"{match.group(1) if match else basis.wet} {basis.artikel}"


def basis_titles(ids: Sequence[str]) -> str:
    return "; ".join(short_title(b) for b in ids)


# -- goals ------------------------------------------------------------------------------------------


class GoalEditor(ItemEditor):
    title = "Doel"

    def __init__(self, data: FormValues, *, read_only: bool = False) -> None:
        super().__init__(None)
        self.data = data
        self.goal_id: str = str(data.get("id") or "")
        self.read_only = read_only

    def fields(self) -> list[FormField]:
        d = self.data
        leefgebieden = [(label, code) for code, label in reference.leefgebieden().items()]
        scores = [(f"{score} – {label}", score) for score, label in reference.zrm_scores().items()]
        text = line_input(str(d.get("text") or ""), max_length=TEXT_MAX, disabled=self.read_only,
                          placeholder="wat het huishouden wil bereiken")
        area = choice(leefgebieden, d.get("leefgebied"), prompt="Leefgebied (optioneel)", allow_blank=True)
        target = choice(scores, d.get("target_score"), prompt="Doelscore 1–5", allow_blank=True)
        area.disabled = target.disabled = self.read_only
        return [
            FormField("Doel", text, name="text", required=True, span=True),
            FormField("Leefgebied", area, name="leefgebied"),
            FormField("Doelscore", target, name="target_score"),
        ]

    def set_number(self, number: int) -> None:
        self.border_title = f"Doel {number} ({self.goal_id})"

    def on_mount(self) -> None:
        if self.read_only:
            for button in self.query(".remove-item"):
                button.display = False

    def values(self) -> FormValues:
        return {
            **{k: v for k, v in self.data.items() if k not in ("text", "leefgebied", "target_score")},
            "id": self.goal_id,
            "text": self.value_of("text"),
            "leefgebied": self.value_of("leefgebied"),
            "target_score": self.value_of("target_score"),
        }


class _ListStep(StepView):
    """A step that is one list of cards."""

    can_add = True
    list_path = ""
    list_title = ""
    add_label = ""

    def item_list(self) -> ItemList:
        return self.query_one(ItemList)

    def _focused_editor(self) -> ItemEditor | None:
        focused = self.screen.focused
        return next((n for n in (focused.ancestors if focused else []) if isinstance(n, ItemEditor)), None)

    def can_remove(self) -> bool:
        return not self.ctx.read_only and self._focused_editor() is not None

    async def remove_item(self) -> bool:
        editor = self._focused_editor()
        if editor is None or self.ctx.read_only:
            return False
        await self.item_list().remove_editor(editor)
        self.changed()
        return True

    @on(ItemEditor.RemoveRequested)
    async def _remove_requested(self, event: ItemEditor.RemoveRequested) -> None:
        event.stop()
        await self.item_list().remove_editor(event.editor)
        self.changed()

    @on(Button.Pressed, ".add-item")
    async def _add_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.add_item()

    def on_mount(self) -> None:
        super().on_mount()
        if self.ctx.read_only:
            for button in self.query(".add-item"):
                button.display = False

    def show_problems(self, problems: Sequence[Problem]) -> None:
        items = self.item_list()
        items.clear_errors()
        for problem in problems_under(problems, self.list_path):
            items.apply_problem(problem.path, problem.reason)


class DoelenStep(_ListStep):
    step = PlanStep.DOELEN
    hint = "Wat het huishouden wil bereiken, per leefgebied met de ZRM-score die het nastreeft."
    list_path = "goals"

    def compose(self) -> ComposeResult:
        yield hint(self.hint)
        goals = list(self.ctx.content.get("goals") or [])
        yield ItemList(
            path="goals",
            title="Doelen",
            add_label="+ Doel toevoegen (Ctrl+N)",
            editors=[GoalEditor(dict(goal), read_only=self.ctx.read_only) for goal in goals],
        )

    async def add_item(self) -> bool:
        if self.ctx.read_only:
            return False
        items = self.item_list()
        used = [e.goal_id for e in items.editors if isinstance(e, GoalEditor)]
        await items.add(GoalEditor({"id": next_id("d", used), "text": ""}))
        self.changed()
        return True

    def write_into(self, content: Content) -> None:
        content["goals"] = [e.values() for e in self.item_list().editors if isinstance(e, GoalEditor)]
        ids = {goal["id"] for goal in content["goals"]}
        for action in content.get("actions") or []:
            if action.get("goal_id") and action["goal_id"] not in ids:
                action["goal_id"] = None  # its goal was removed: unlink rather than refuse the save


# -- actions ----------------------------------------------------------------------------------------


class ActionEditor(ItemEditor):
    """One action. In a decided plan only its status, the day it was done and the status note can change.

    "Gedaan op" is open only while the status is gedaan; left empty, the app fills in today."""

    title = "Actie"

    def __init__(
        self,
        data: FormValues,
        *,
        goals: Sequence[FormValues],
        lines: Sequence[FormValues],
        organisations: Sequence[str],
        read_only: bool = False,
    ) -> None:
        super().__init__(None)
        self.data = data
        self.action_id: str = str(data.get("id") or "")
        self.contact_id: int | None = data.get("contact_id")
        self.legal_basis_ids: list[str] = list(data.get("legal_basis_ids") or [])
        self.goals = goals
        self.lines = lines
        self.organisations = organisations
        self.read_only = read_only

    def fields(self) -> list[FormField]:
        d = self.data
        ro = self.read_only
        statuses = [(label, status.value) for status, label in ACTION_STATUS_LABELS.items()]
        goal_ids = {g.get("id") for g in self.goals}
        line_ids = {line.get("id") for line in self.lines}
        goal = choice([(f"{g.get('id')}: {short(g.get('text', ''), 30)}", g.get("id")) for g in self.goals],
                      d.get("goal_id") if d.get("goal_id") in goal_ids else None,
                      prompt="geen doel" if self.goals else "nog geen doelen", allow_blank=True)
        line = choice(
            [(f"{ln.get('id')}: {short(ln.get('description', ''), 30)}", ln.get("id")) for ln in self.lines],
            d.get("cost_line_id") if d.get("cost_line_id") in line_ids else None,
            prompt="geen kostenregel" if self.lines else "nog geen kostenregels", allow_blank=True)
        status = choice(statuses, d.get("status") or "open")
        goal.disabled = line.disabled = ro
        deviating = YesNo("ja, wijkt af van de standaard (maatwerk)", "nee, de standaard (spatie wisselt)",
                          bool(d.get("deviating")), disabled=ro)
        return [
            FormField("Wat", line_input(str(d.get("what") or ""), max_length=TEXT_MAX, disabled=ro,
                                        placeholder="wat er gebeurt"), name="what", required=True, span=True),
            FormField("Eigenaar", line_input(str(d.get("owner_organisation") or ""), suggestions=self.organisations,
                                             disabled=ro, placeholder="organisatie (→ vult aan)"),
                      name="owner_organisation", required=True),
            FormField("Contact", line_input(str(d.get("contact") or ""), disabled=ro,
                                            placeholder="naam, telefoon of mailbox · Ctrl+O: wie bel ik?"),
                      name="contact"),
            FormField("Deadline", line_input(date_text(d.get("deadline")), placeholder="dd-mm-jjjj", max_length=10,
                                             disabled=ro), name="deadline", required=True),
            FormField("Status", status, name="status"),
            FormField("Gedaan op", line_input(date_text(d.get("done_on")), max_length=10,
                                              placeholder="leeg: vandaag"), name="done_on"),
            FormField("Doel", goal, name="goal_id"),
            FormField("Kostenregel", line, name="cost_line_id"),
            FormField("Afwijkend", deviating, name="deviating", span=True),
            FormField("Notitie", line_input(str(d.get("status_note") or ""), max_length=TEXT_MAX,
                                            placeholder="bij vastgelopen: wat is geprobeerd"),
                      name="status_note", span=True),
        ]

    def compose(self) -> ComposeResult:
        with Grid(classes="item-grid"):
            yield from self.fields()
            yield Static("", classes="contact-phone", markup=False)
            with Horizontal(classes="item-actions -span action-bases"):
                yield Static("", classes="basis-summary", markup=False)
                if not self.read_only:
                    yield Button("+ Rechtsgrond", classes="add-basis", compact=True)
                    yield Button("Verwijderen", classes="remove-item", compact=True)

    def on_mount(self) -> None:
        self.show_bases()
        self._sync_done_on()
        self.call_after_refresh(self.show_phone)

    def on_resize(self) -> None:
        self.call_after_refresh(self.show_phone)

    def show_phone(self) -> None:
        """The Contact field is narrow at 80 columns: 'organisatie – team, telefoon, mailbox' from the register
        shows only its start there. When a phone number in it does not fit in the field's view, the card
        shows it on a line of its own (only then: a wide terminal gets no second copy)."""
        contact = self.field("contact")
        lines = self.query(".contact-phone")
        if contact is None or not isinstance(contact.control, Input) or not lines:
            return
        text = contact.control.value
        numbers = list(PHONE.finditer(text))
        shown = contact.control.content_size.width
        cut = [m.group().strip() for m in numbers if shown and cell_len(text[:m.end()]) > shown]
        line = lines.first(Static)
        line.update(f"{'Telefoon':<12}{' · '.join(cut)}" if cut else "")
        line.set_class(bool(cut), "-visible")

    def set_number(self, number: int) -> None:
        self.border_title = f"Actie {number} ({self.action_id})"

    @property
    def is_done(self) -> bool:
        return bool(self.value_of("status") == "gedaan")

    def _sync_done_on(self) -> None:
        """'Gedaan op' only for a done action; leaving gedaan clears it (the date goes with the status)."""
        done_on = self.field("done_on")
        assert done_on is not None and isinstance(done_on.control, Input)
        done_on.control.disabled = not self.is_done
        if not self.is_done:
            done_on.control.value = ""

    def show_done_on(self, value: Any) -> None:
        """Show the day the app stored (it fills in today when the field was left empty)."""
        done_on = self.field("done_on")
        assert done_on is not None and isinstance(done_on.control, Input)
        done_on.control.value = date_text(value)

    @on(Select.Changed)
    def _status_changed(self, event: Select.Changed) -> None:
        status = self.field("status")
        if status is not None and event.select is status.control:
            self._sync_done_on()

    # -- legal bases and the register contact ----------------------------------------------------------
    @property
    def deviating(self) -> bool:
        return bool(self.value_of("deviating"))

    def show_bases(self) -> None:
        summary = self.query_one(".basis-summary", Static)
        missing = self.deviating and not self.legal_basis_ids
        if self.legal_basis_ids:
            text = Text("Rechtsgrond: ", style="bold")
            text.append(basis_titles(self.legal_basis_ids))
        elif self.deviating:
            text = Text("✗ Wijkt af maar heeft nog geen rechtsgrond.")
        else:
            text = Text("Geen rechtsgrond (niet nodig zonder afwijking).")
        summary.update(text)
        summary.set_class(missing, "-missing")
        self.set_class(missing, "-flagged")

    def add_basis(self, basis_id: str) -> None:
        if basis_id not in self.legal_basis_ids:
            self.legal_basis_ids.append(basis_id)
        self.show_bases()

    def set_contact(self, text: str, contact_id: int | None) -> None:
        """Put a contact on this action (e.g. one chosen in the maatwerkregister): text and register id."""
        contact = self.field("contact")
        assert contact is not None and isinstance(contact.control, Input)
        self.contact_id = contact_id
        self._setting_contact = True
        contact.control.value = text

    @on(Checkbox.Changed)
    def _deviating_changed(self) -> None:
        self.show_bases()

    @on(Input.Changed)
    def _contact_typed(self, event: Input.Changed) -> None:
        contact = self.field("contact")
        if contact is None or event.input is not contact.control:
            return
        if getattr(self, "_setting_contact", False):
            self._setting_contact = False
        elif not event.value.strip():
            self.contact_id = None  # the contact was cleared: no register link either
        self.show_phone()

    def values(self) -> FormValues:
        kept = {k: v for k, v in self.data.items() if k in ("reasoning",)}
        return {
            **kept,
            "id": self.action_id,
            "what": self.value_of("what"),
            "owner_organisation": self.value_of("owner_organisation"),
            "contact": self.value_of("contact"),
            "contact_id": self.contact_id,
            "deadline": date_value(self.value_of("deadline")),
            "status": self.value_of("status") or "open",
            "status_note": self.value_of("status_note"),
            "done_on": date_value(self.value_of("done_on")) if self.is_done else None,
            "goal_id": self.value_of("goal_id"),
            "cost_line_id": self.value_of("cost_line_id"),
            "deviating": bool(self.value_of("deviating")),
            "legal_basis_ids": list(self.legal_basis_ids),
        }

    def focus_first(self) -> None:
        target = self.field("status") if self.read_only else self.field("what")
        if target is not None:
            target.control.focus()


class ActiesStep(_ListStep):
    step = PlanStep.ACTIES
    hint = ("Wie doet wat, wanneer. Wijkt een actie af van de standaard (maatwerk), dan heeft ze een rechtsgrond "
            "nodig: + Rechtsgrond (de passende staan bovenaan), of in stap Juridisch. Ctrl+N voegt een actie toe; "
            "Ctrl+L: hoe is dit elders opgelost?")
    frozen_hint = ("Dit plan is vastgesteld: alleen de status, de datum gedaan en de notitie van een actie kunnen "
                   "nog veranderen. Ctrl+S slaat de status op. Ctrl+L: hoe is dit elders opgelost?")
    list_path = "actions"
    offers_contacts = True

    def _editor(self, data: FormValues) -> ActionEditor:
        content = self.ctx.content
        return ActionEditor(
            data,
            goals=list(content.get("goals") or []),
            lines=list((content.get("rekensom") or {}).get("lines") or []),
            organisations=[o.name for o in self.ctx.household.organisations],
            read_only=self.ctx.read_only,
        )

    def compose(self) -> ComposeResult:
        yield hint(self.frozen_hint if self.ctx.read_only else self.hint)
        actions = list(self.ctx.content.get("actions") or [])
        yield ItemList(
            path="actions",
            title="Acties",
            add_label="+ Actie toevoegen (Ctrl+N)",
            editors=[self._editor(dict(action)) for action in actions],
        )

    def editors(self) -> list[ActionEditor]:
        return [e for e in self.item_list().editors if isinstance(e, ActionEditor)]

    def focused_action(self) -> ActionEditor | None:
        editor = self._focused_editor()
        return editor if isinstance(editor, ActionEditor) else None

    def action_editor(self, action_id: str | None) -> ActionEditor | None:
        if action_id is None:
            return self.focused_action()
        return next((e for e in self.editors() if e.action_id == action_id), None)

    async def add_item(self) -> bool:
        if self.ctx.read_only:
            return False
        used = [e.action_id for e in self.editors()]
        await self.item_list().add(self._editor({"id": next_id("a", used), "what": "", "status": "open"}))
        self.changed()
        return True

    def write_into(self, content: Content) -> None:
        content["actions"] = [editor.values() for editor in self.editors()]

    @on(Button.Pressed, ".add-basis")
    def _choose_basis(self, event: Button.Pressed) -> None:
        event.stop()
        editor = next(n for n in event.button.ancestors if isinstance(n, ActionEditor))
        from tui.screens.legal_basis_picker import LegalBasisPicker

        def chosen(basis_id: str | None) -> None:
            if basis_id is not None:
                editor.add_basis(basis_id)
                self.changed()

        kind, suggested = suggested_bases(str(editor.value_of("what") or ""), editor.legal_basis_ids)
        self.app.push_screen(
            LegalBasisPicker(title=f"Rechtsgrond voor actie {editor.action_id}", chosen=editor.legal_basis_ids,
                             suggested=suggested, suggested_for=kind.naam.lower() if kind else ""),
            chosen,
        )
