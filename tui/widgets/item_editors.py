"""Editable lists of a household: members, problems per leefgebied, involved organisations.

Each item is a small card of form fields. An `ItemList` holds the cards of one list (`members`, ...) and
maps problem paths such as `members.0.bsn` to the right field of the right card.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, Select, Static

from domain import reference
from domain.household import (
    MEMBER_ROLE_LABELS,
    NAME_MAX,
    ORGANISATION_TYPE_LABELS,
    TEXT_MAX,
    InvolvedOrganisation,
    LegalFramework,
    Member,
    MemberRole,
    OrganisationType,
    Problem,
)
from domain.validation import mask_bsn
from tui.widgets.form_field import FormField
from tui.widgets.form_values import (
    FormValues,
    format_date_input,
    format_money_input,
    parse_date_input,
    parse_money_input,
)


def text_input(value: str = "", *, placeholder: str = "", max_length: int = NAME_MAX) -> Input:
    # No select-on-focus: a key pressed on arrival must not wipe out what was there.
    return Input(value, placeholder=placeholder, max_length=max_length, compact=True, select_on_focus=False)


def choice(
    options: list[tuple[str, Any]], value: Any, *, prompt: str = "Kies…", allow_blank: bool = False
) -> Select[Any]:
    return Select(
        options, value=Select.NULL if value is None else value, prompt=prompt, allow_blank=allow_blank, compact=True
    )


class EditorNotReady(LookupError):
    """An item editor was read before its fields were mounted (a key typed right after Ctrl+N)."""


class ItemEditor(Vertical):
    """One item of a list; subclasses say which fields it has and how to read them."""

    title: ClassVar[str] = "Item"

    @dataclass
    class RemoveRequested(Message):
        editor: ItemEditor

    def __init__(self, item_id: int | None) -> None:
        super().__init__(classes="item-editor")
        self.item_id = item_id

    def fields(self) -> list[FormField]:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        fields = self.fields()
        cells = sum(2 if form_field.has_class("-span") else 1 for form_field in fields)
        with Grid(classes="item-grid"):
            yield from fields
            # The button shares the last row when a cell is free there, else it gets a row of its own.
            with Horizontal(classes="item-actions" if cells % 2 else "item-actions -span"):
                yield Button("Verwijderen", classes="remove-item", compact=True)

    def set_number(self, number: int) -> None:
        self.border_title = f"{self.title} {number}"

    def field(self, name: str) -> FormField | None:
        for form_field in self.query(FormField):
            if form_field.field_name == name:
                return form_field
        return None

    def value_of(self, name: str) -> Any:
        form_field = self.field(name)
        if form_field is None:  # a just-added editor whose fields are not mounted yet
            raise EditorNotReady(name)
        return form_field.value

    def values(self) -> FormValues:
        raise NotImplementedError

    def clear_errors(self) -> None:
        for form_field in self.query(FormField):
            form_field.set_error(None)
        self.set_item_error(None)

    def set_item_error(self, reason: str | None) -> None:
        """A problem with the item as a whole (not one field), shown under its fields."""
        self.set_class(bool(reason), "-invalid")
        for line in self.query(".item-error"):
            line.remove()
        if reason:
            self.query_one(".item-grid", Grid).mount(Static(f"✗ {reason}", classes="item-error", markup=False))

    def focus_first(self) -> None:
        first = self.query(FormField).first()
        first.control.focus()

    @on(Button.Pressed, ".remove-item")
    def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.RemoveRequested(self))


class MemberEditor(ItemEditor):
    title = "Lid"

    def __init__(self, member: Member | None = None, *, default_role: MemberRole = MemberRole.OVERIG) -> None:
        super().__init__(member.id if member else None)
        self.member = member
        self.default_role = default_role
        # The full BSN never appears on screen: the field shows the masked value, which means "unchanged".
        self.original_bsn = member.bsn if member else None

    def fields(self) -> list[FormField]:
        m = self.member
        roles = [(label, role.value) for role, label in MEMBER_ROLE_LABELS.items()]
        return [
            FormField("Naam", text_input(m.name if m else ""), name="name", required=True),
            FormField(
                "Geboren",
                text_input(format_date_input(m.date_of_birth) if m else "", placeholder="dd-mm-jjjj", max_length=10),
                name="date_of_birth",
                required=True,
            ),
            FormField("Rol", choice(roles, (m.role if m else self.default_role).value), name="role"),
            FormField(
                "BSN",
                text_input(mask_bsn(self.original_bsn), placeholder="optioneel, 9 cijfers", max_length=11),
                name="bsn",
            ),
        ]

    def values(self) -> FormValues:
        data: FormValues = {"name": self.value_of("name"), "role": self.value_of("role")}
        if self.item_id is not None:
            data["id"] = self.item_id
        birth = parse_date_input(self.value_of("date_of_birth"))
        if birth is not None:
            data["date_of_birth"] = birth
        bsn = str(self.value_of("bsn")).strip()
        if self.original_bsn and bsn == mask_bsn(self.original_bsn):
            data["bsn"] = self.original_bsn
        else:
            data["bsn"] = bsn or None
        return data


class ProblemEditor(ItemEditor):
    title = "Probleem"

    def __init__(self, problem: Problem | None = None, *, default_leefgebied: str | None = None,
                 members: Sequence[tuple[str, int]] = ()) -> None:
        super().__init__(problem.id if problem else None)
        self.problem = problem
        self.default_leefgebied = default_leefgebied or next(iter(reference.leefgebieden()))
        self.members = list(members)
        """(name, id) of the saved members: a problem can belong to one of them (a new member: save first)."""

    def fields(self) -> list[FormField]:
        p = self.problem
        leefgebieden = [(label, code) for code, label in reference.leefgebieden().items()]
        scores = [(f"{score} – {label}", score) for score, label in reference.zrm_scores().items()]
        return [
            FormField(
                "Leefgebied", choice(leefgebieden, p.leefgebied if p else self.default_leefgebied), name="leefgebied"
            ),
            FormField("ZRM-score", choice(scores, p.score if p else None, prompt="Kies 1–5", allow_blank=True),
                      name="score", required=True),
            FormField(
                "Toelichting",
                text_input(p.description if p else "", placeholder="kort, in eigen woorden", max_length=TEXT_MAX),
                name="description",
                span=True,
            ),
            FormField(
                "Sinds",
                text_input(format_date_input(p.since) if p else "", placeholder="dd-mm-jjjj", max_length=10),
                name="since",
            ),
            FormField("Van", choice(self.members, p.member_id if p else None, prompt="het huishouden",
                                    allow_blank=True), name="member_id"),
        ]

    def values(self) -> FormValues:
        data: FormValues = {
            "leefgebied": self.value_of("leefgebied"),
            "since": parse_date_input(self.value_of("since")),
            "description": self.value_of("description"),
            "member_id": self.value_of("member_id"),
        }
        score = self.value_of("score")
        if score is not None:
            data["score"] = score
        if self.item_id is not None:
            data["id"] = self.item_id
        return data


class OrganisationEditor(ItemEditor):
    title = "Organisatie"

    def __init__(self, organisation: InvolvedOrganisation | None = None) -> None:
        super().__init__(organisation.id if organisation else None)
        self.organisation = organisation

    def fields(self) -> list[FormField]:
        o = self.organisation
        types = [(label, kind.value) for kind, label in ORGANISATION_TYPE_LABELS.items()]
        frameworks = [(framework.value, framework.value) for framework in LegalFramework]
        return [
            FormField("Naam", text_input(o.name if o else ""), name="name", required=True),
            FormField(
                "Kosten/jaar",
                text_input(format_money_input(o.yearly_cost) if o else "", placeholder="€, bijv. 1234,56",
                           max_length=20),
                name="yearly_cost",
            ),
            FormField("Type", choice(types, (o.type if o else OrganisationType.OVERIG).value), name="type"),
            FormField(
                "Wet",
                choice(frameworks, (o.legal_framework if o else LegalFramework.OVERIG).value),
                name="legal_framework",
            ),
            FormField("Product", text_input(o.product if o else "", placeholder="voorziening of maatregel"),
                      name="product", span=True),
        ]

    def values(self) -> FormValues:
        data: FormValues = {
            "name": self.value_of("name"),
            "type": self.value_of("type"),
            "legal_framework": self.value_of("legal_framework"),
            "product": self.value_of("product"),
        }
        cost = parse_money_input(self.value_of("yearly_cost"))
        if cost is not None:
            data["yearly_cost"] = cost
        if self.item_id is not None:
            data["id"] = self.item_id
        return data


class ItemList(Vertical):
    """The cards of one list plus an add button; knows its path in the draft (`members`, ...)."""

    def __init__(self, *, path: str, title: str, add_label: str, editors: list[ItemEditor]) -> None:
        super().__init__(classes="item-list", id=f"list-{path}")
        self.path = path
        self.title = title
        self.add_label = add_label
        self._initial = editors

    def compose(self) -> ComposeResult:
        with Horizontal(classes="section-title"):
            yield Label(self.title, classes="section-label", markup=False)
            yield Static("", classes="list-error", markup=False)
        yield from self._initial
        yield Button(self.add_label, classes="add-item", compact=True)

    def on_mount(self) -> None:
        self.renumber()

    @property
    def editors(self) -> list[ItemEditor]:
        return list(self.query_children(ItemEditor))

    def renumber(self) -> None:
        for number, editor in enumerate(self.editors, start=1):
            editor.set_number(number)

    async def add(self, editor: ItemEditor) -> ItemEditor:
        await self.mount(editor, before=self.query_one(".add-item", Button))
        self.renumber()
        editor.focus_first()
        editor.scroll_visible()
        return editor

    async def remove_editor(self, editor: ItemEditor) -> None:
        index = self.editors.index(editor)
        await editor.remove()
        self.renumber()
        remaining = self.editors
        if remaining:
            remaining[min(index, len(remaining) - 1)].focus_first()
        else:
            self.query_one(".add-item", Button).focus()

    def values(self) -> list[FormValues]:
        return [editor.values() for editor in self.editors]

    def clear_errors(self) -> None:
        self.set_list_error(None)
        for editor in self.editors:
            editor.clear_errors()

    def set_list_error(self, reason: str | None) -> None:
        self.set_class(bool(reason), "-invalid")
        self.query_one(".list-error", Static).update(f"✗ {reason}" if reason else "")

    def apply_problem(self, rest: str, reason: str) -> bool:
        """Show a problem whose path starts with this list (`rest` is what follows `members.`)."""
        if not rest:
            self.set_list_error(reason)
            return True
        index_text, _, field_name = rest.partition(".")
        if not index_text.isdecimal() or int(index_text) >= len(self.editors):
            self.set_list_error(reason)
            return True
        editor = self.editors[int(index_text)]
        form_field = editor.field(field_name.split(".", 1)[0]) if field_name else None
        if form_field is None:
            editor.set_item_error(reason)
        else:
            form_field.set_error(reason)
        return True
