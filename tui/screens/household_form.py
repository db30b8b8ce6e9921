"""Create or edit a household: its data, address and the lists of members, problems and organisations.

Nothing is validated here that the domain validates: the draft goes to the service as typed (only the
Dutch notation of dates and amounts is translated), and every `Problem` the service returns is shown at
its field. The form keeps every edit until the service has confirmed the save (after COMMIT).
"""

from __future__ import annotations

from pydantic import ValidationError
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static
from textual.worker import Worker, WorkerState

from domain import reference
from domain.errors import InvalidInput, Problem, StaleVersion
from domain.household import NAME_MAX, Household, MemberRole
from domain.messages import field_label
from domain.services.households import SaveConflict, UpdateHousehold, parse_draft
from storage.bootstrap import Services
from tui.screens.base import DoorbraakScreen, today
from tui.screens.household_draft import DraftKeeping
from tui.widgets.form_field import FormField
from tui.widgets.form_values import FormValues
from tui.widgets.item_editors import (
    ItemEditor,
    ItemList,
    MemberEditor,
    OrganisationEditor,
    ProblemEditor,
    text_input,
)
from tui.widgets.quiet_footer import QuietFooter

WIDE = 100
LISTS = ("members", "problems", "organisations")
ADD_ACTIONS = {"members": "add_member", "problems": "add_problem", "organisations": "add_organisation"}


class HouseholdFormScreen(DraftKeeping, DoorbraakScreen[Household | None]):
    """Dismisses with the saved household, or None when the user cancels."""

    AUTO_FOCUS = None  # on_mount focuses the name; a focus change on the big form body would restyle it all

    BINDINGS = [
        Binding("ctrl+s", "save", "Opslaan", id="form.save", priority=True, tooltip="Opslaan in de database"),
        Binding("escape", "cancel", "Terug", id="form.cancel", tooltip="Terug; vraagt eerst bij wijzigingen"),
        Binding("ctrl+n", "add_item", "Toevoegen", id="form.add",
                tooltip="Lid, probleem of organisatie toevoegen (in een lijst: aan die lijst)"),
        Binding("ctrl+r", "remove_item", "Verwijderen", id="form.remove_item",
                tooltip="Verwijder het lid, probleem of de organisatie waar de cursor staat"),
        Binding("ctrl+l", "add_member", "Lid toevoegen", id="form.add_member", show=False,
                tooltip="Een lid van het huishouden toevoegen"),
        Binding("ctrl+g", "add_problem", "Probleem toevoegen", id="form.add_problem", show=False,
                tooltip="Een probleem op een leefgebied toevoegen"),
        Binding("ctrl+o", "add_organisation", "Organisatie toevoegen", id="form.add_organisation", show=False,
                tooltip="Een betrokken organisatie toevoegen"),
    ]

    def __init__(self, services: Services, household: Household | None) -> None:
        super().__init__(services)
        self.household = household
        """The saved version the edits are based on (its version is checked at save)."""
        self._shown = household
        """What the fields were filled with (after a merge: my edits on top of theirs)."""
        self.sub_title = f"Bewerken · {household.case_number}" if household else "Nieuw huishouden"
        self._fields: dict[str, FormField] = {}
        self._initial: FormValues | None = None
        self._merged = False
        """True after a merge: the form differs from what is saved even if nothing is typed."""
        self.saving = False
        self._draft_key = household.case_number or "nieuw" if household else "nieuw"
        """Which concept (storage/drafts.py) this form keeps: per case, or the one new household."""

    # -- layout ----------------------------------------------------------------------------------
    def _field(self, label: str, control: Widget, *, path: str, required: bool = False) -> FormField:
        form_field = FormField(label, control, name=path.rsplit(".", 1)[-1], required=required)
        self._fields[path] = form_field
        return form_field

    def compose(self) -> ComposeResult:
        h = self._shown
        self._fields = {}
        address = h.address if h else None
        municipalities = sorted(reference.municipalities().items(), key=lambda item: item[1])
        yield self.app_header()
        with VerticalScroll(id="form-body", can_focus=False):
            yield Static("", id="form-error", markup=False)
            yield Label("Huishouden", classes="section-label")
            with Grid(classes="form-grid"):
                yield self._field(
                    "Naam", text_input(h.name if h else "", placeholder="bijv. Familie Jansen", max_length=NAME_MAX),
                    path="name", required=True,
                )
                yield self._field(
                    "Gemeente",
                    Select(
                        [(f"{name} ({code})", code) for code, name in municipalities],
                        value=h.municipality_code if h else Select.NULL,
                        prompt="Kies een gemeente (typ om te zoeken)",
                        compact=True,
                    ),
                    path="municipality_code",
                    required=True,
                )
                yield self._field(
                    "Professional",
                    text_input(h.professional if h else "", placeholder=f"leeg = {self.services.actor.display_name}"),
                    path="professional",
                )
                # The team decides who has the case in their caseload; a save must never drop it.
                yield self._field(
                    "Team", text_input(h.team if h else self.services.actor.team, placeholder="bijv. Wijkteam Oost"),
                    path="team",
                )
            yield Label("Adres", classes="section-label")
            with Grid(classes="form-grid -two", id="address-grid"):
                yield self._field("Straat", text_input(address.street if address else ""), path="address.street")
                yield self._field(
                    "Huisnummer", text_input(address.house_number if address else "", max_length=12),
                    path="address.house_number",
                )
                yield self._field(
                    "Postcode", text_input(address.postcode if address else "", placeholder="1234 AB", max_length=10),
                    path="address.postcode",
                )
                yield self._field("Plaats", text_input(address.city if address else ""), path="address.city")
            yield ItemList(
                path="members",
                title="Leden",
                add_label="+ Lid toevoegen (Ctrl+L)",
                editors=[MemberEditor(member) for member in (h.members if h else [])],
            )
            yield ItemList(
                path="problems",
                title="Problemen per leefgebied (ZRM 1 = acuut … 5 = zelfredzaam)",
                add_label="+ Probleem toevoegen (Ctrl+G)",
                editors=[ProblemEditor(problem, members=self._saved_members())
                         for problem in (h.problems if h else [])],
            )
            yield ItemList(
                path="organisations",
                title="Betrokken organisaties",
                add_label="+ Organisatie toevoegen (Ctrl+O)",
                editors=[OrganisationEditor(o) for o in (h.organisations if h else [])],
            )
        yield QuietFooter()

    def on_mount(self) -> None:
        self._fields["name"].control.focus()
        self.call_after_refresh(self._remember_initial)

    def on_resize(self) -> None:
        # Two address columns when there is room; in 80 columns one, so error messages do not wrap.
        # (Set here, not with a breakpoint class on the screen: that would restyle every widget.)
        self.query_one("#address-grid").set_class(self.size.width >= WIDE, "-wide")

    def _remember_initial(self) -> None:
        self._initial = self.draft()
        self.look_for_draft()

    @on(Input.Changed)
    @on(Select.Changed)
    def _changed(self) -> None:
        self.schedule_draft()

    # -- reading the form ------------------------------------------------------------------------
    def item_list(self, path: str) -> ItemList:
        return self.query_one(f"#list-{path}", ItemList)

    def draft(self) -> FormValues:
        """The form as the service expects it (a HouseholdDraft dict)."""
        f = self._fields
        data: FormValues = {
            "name": f["name"].value,
            "professional": f["professional"].value,
            "team": f["team"].value,
            "address": {
                "street": f["address.street"].value,
                "house_number": f["address.house_number"].value,
                "postcode": f["address.postcode"].value,
                "city": f["address.city"].value,
            },
        }
        if f["municipality_code"].value is not None:
            data["municipality_code"] = f["municipality_code"].value
        for path in LISTS:
            data[path] = self.item_list(path).values()
        return data

    @property
    def is_dirty(self) -> bool:
        return self._initial is not None and (self._merged or self.draft() != self._initial)

    # -- errors ----------------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for form_field in self._fields.values():
            form_field.set_error(None)
        for path in LISTS:
            self.item_list(path).clear_errors()
        self._set_form_error("")

    def _set_form_error(self, text: str, *, notice: bool = False) -> None:
        error = self.query_one("#form-error", Static)
        error.update(text)
        error.set_class(bool(text), "-visible")
        error.set_class(notice, "-notice")

    def show_problems(self, problems: list[Problem]) -> None:
        """Mark every problem at its field; keep all input as it is."""
        self.clear_errors()
        general: list[str] = []
        for problem in problems:
            head, _, rest = problem.path.partition(".")
            if problem.path in self._fields:
                self._fields[problem.path].set_error(problem.reason)
            elif head in LISTS:
                self.item_list(head).apply_problem(rest, problem.reason)
            elif problem.path:
                general.append(f"{field_label(problem.path)}: {problem.reason}")
            else:
                general.append(problem.reason)
        count = len(problems)
        noun = "fout" if count == 1 else "fouten"
        summary = f"Niet opgeslagen: {count} {noun} (gemarkeerd met ✗). Uw invoer is bewaard."
        self._set_form_error("\n".join([summary, *general]))
        invalid = [w for w in self.query(".-invalid") if isinstance(w, FormField | ItemEditor | ItemList)]
        first = next((w for w in invalid if isinstance(w, FormField)), None)
        if first is not None:
            first.control.focus()
            first.scroll_visible()
        else:
            self.query_one("#form-body").scroll_home()
        self.notify(summary, title="Ongeldige invoer", severity="error", markup=False)

    # -- saving ----------------------------------------------------------------------------------
    def action_save(self) -> None:
        if self.saving:
            return
        self.saving = True
        self._save(self.draft())

    @work(thread=True, exclusive=True, group="household-save", exit_on_error=False)
    def _save(self, draft: FormValues) -> None:
        try:
            command = parse_draft(draft)
            if self.household is None:
                saved = self.services.households.create(command, today=today(self.services))
            else:
                assert self.household.case_number is not None
                number = self.household.case_number
                saved = self.services.households.update(
                    UpdateHousehold(number, command, self.household.version, purpose=self.case_reason(number))
                )
        except InvalidInput as exc:
            self.app.call_from_thread(self.show_problems, exc.problems)
        except StaleVersion:
            assert self.household is not None and self.household.case_number is not None
            number = self.household.case_number
            conflict = self.services.households.explain_conflict(number, self.household, command,
                                                                 purpose=self.case_reason(number))
            self.app.call_from_thread(self._show_conflict, conflict)
        else:
            self.app.call_from_thread(self._saved, saved)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "household-save" and event.state in (
            WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED
        ):
            self.saving = False

    def _show_conflict(self, conflict: SaveConflict) -> None:
        from tui.screens.conflict_dialog import ConflictDialog

        self.clear_errors()
        self._set_form_error("Niet opgeslagen: iemand anders heeft deze casus intussen gewijzigd. "
                             "Uw invoer is bewaard.")

        async def chosen(choice: str | None) -> None:
            if choice == "reload":
                await self._refill(conflict.current, merged=False)
                self.notify("U ziet nu de opgeslagen versie; uw wijzigingen zijn vervallen.", title="Herladen",
                            markup=False)
            elif choice == "merge":
                await self._merge(conflict)

        self.app.push_screen(ConflictDialog(conflict), chosen)

    async def _merge(self, conflict: SaveConflict) -> None:
        try:
            merged = Household.model_validate({**conflict.current.model_dump(), **conflict.merged})
        except ValidationError:
            # Should not happen (both sides were valid); never guess: keep my input and say so.
            self.notify("Samenvoegen lukte niet automatisch. Uw invoer staat er nog; herlaad of neem hem over.",
                        title="Niet samengevoegd", severity="error", markup=False)
            return
        await self._refill(conflict.current, shown=merged, merged=True)
        text = "Samengevoegd, nog niet opgeslagen: controleer en sla op met Ctrl+S."
        if conflict.conflicts:
            from tui.screens.conflict_dialog import describe_conflict_path

            fields = ", ".join(describe_conflict_path(c) for c in conflict.conflicts[:5])
            text += f" Bij {len(conflict.conflicts)} veld(en) staat de waarde van de ander: {fields}."
        self._set_form_error(text, notice=True)
        self.notify(text, title="Samengevoegd", markup=False, timeout=10)

    async def _refill(self, saved: Household, *, shown: Household | None = None, merged: bool) -> None:
        """Rebuild the fields from `shown` (default: `saved`); the next save is checked against `saved`."""
        self.household = saved
        self._shown = shown or saved
        self._initial = None
        self._merged = False
        await self.recompose()
        self.on_resize()
        self._fields["name"].control.focus()
        self._initial = self.draft()
        self._merged = merged  # after a merge the form differs from what is saved, even untouched

    def _saved(self, household: Household) -> None:
        # Only now, after COMMIT, do we tell the user it is saved.
        verb = "aangemeld" if self.household is None else "opgeslagen"
        self.notify(f"Casus {household.case_number} is {verb}.", title="Opgeslagen", markup=False)
        self._initial = None
        self._merged = False
        self.drop_draft()
        self.dismiss(household)

    # -- editing lists ---------------------------------------------------------------------------
    def _saved_members(self) -> list[tuple[str, int]]:
        """The members a problem can belong to: the saved ones (a member added now can be chosen after saving)."""
        members = self.household.members if self.household else []
        return [(m.name, m.id) for m in members if m.id is not None]

    async def action_add_member(self) -> None:
        members = self.item_list("members")
        role = MemberRole.HOOFDBEWONER if not members.editors else MemberRole.OVERIG
        await members.add(MemberEditor(default_role=role))
        self.schedule_draft()

    async def action_add_problem(self) -> None:
        problems = self.item_list("problems")
        used = {editor.value_of("leefgebied") for editor in problems.editors}
        free = next((code for code in reference.leefgebieden() if code not in used), None)
        await problems.add(ProblemEditor(default_leefgebied=free, members=self._saved_members()))
        self.schedule_draft()

    async def action_add_organisation(self) -> None:
        await self.item_list("organisations").add(OrganisationEditor())
        self.schedule_draft()

    def _focused_editor(self) -> ItemEditor | None:
        focused = self.focused
        return next((node for node in (focused.ancestors if focused else []) if isinstance(node, ItemEditor)), None)

    def _focused_list(self) -> ItemList | None:
        focused = self.focused
        return next((node for node in (focused.ancestors if focused else []) if isinstance(node, ItemList)), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "remove_item":
            return self._focused_editor() is not None
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()  # "Verwijderen" only where there is an item to remove

    async def action_add_item(self) -> None:
        owner = self._focused_list()
        if owner is not None:
            await self.run_action(ADD_ACTIONS[owner.path])
            return
        from tui.screens.add_item_dialog import AddItemDialog

        async def chosen(path: str | None) -> None:
            if path is not None:
                await self.run_action(ADD_ACTIONS[path])

        self.app.push_screen(AddItemDialog(), chosen)

    async def action_remove_item(self) -> None:
        editor = self._focused_editor()
        if editor is None:
            self.notify("Zet de cursor eerst in een lid, probleem of organisatie.", markup=False)
            return
        owner = next(node for node in editor.ancestors if isinstance(node, ItemList))
        await owner.remove_editor(editor)
        self.schedule_draft()

    @on(ItemEditor.RemoveRequested)
    async def _remove_requested(self, event: ItemEditor.RemoveRequested) -> None:
        owner = next(node for node in event.editor.ancestors if isinstance(node, ItemList))
        await owner.remove_editor(event.editor)
        self.schedule_draft()

    @on(Button.Pressed, ".add-item")
    async def _add_pressed(self, event: Button.Pressed) -> None:
        owner = next(node for node in event.button.ancestors if isinstance(node, ItemList))
        await self.run_action(ADD_ACTIONS[owner.path])

    @on(Input.Submitted)
    def _next_field(self) -> None:
        self.focus_next()

    # -- leaving ---------------------------------------------------------------------------------
    def action_cancel(self) -> None:
        if not self.is_dirty:
            self.drop_draft()
            self.dismiss(None)
            return
        from tui.screens.confirm_dialog import ConfirmDialog

        def answered(discard: bool | None) -> None:
            if discard:
                self.drop_draft()
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog(
                "Wijzigingen weggooien?",
                "U heeft wijzigingen die nog niet zijn opgeslagen. Weggooien en teruggaan?",
                yes="Weggooien",
                no="Verder bewerken",
            ),
            answered,
        )
