"""The household form's concept: what is typed, exactly as typed (also half-finished dates), so that it can
be put back after a crash or a lost connection.

A concept holds the raw value of every field and list item, plus the saved household the edits were
based on. Restoring rebuilds the form on that base, so a save after someone else saved in between is
refused and merged as usual (the conflict dialog), never silently written over theirs.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Select

from domain.household import Household
from tui.render.format import format_datetime
from tui.widgets.form_field import FormField
from tui.widgets.form_values import FormValues
from tui.widgets.item_editors import EditorNotReady, ItemEditor, MemberEditor, OrganisationEditor, ProblemEditor

if TYPE_CHECKING:
    from storage.bootstrap import LocalDrafts
    from tui.screens.household_form import HouseholdFormScreen

NEW_EDITORS: dict[str, Callable[[], ItemEditor]] = {
    # Called without arguments: an empty editor (the subclasses default what ItemEditor requires).
    "members": MemberEditor, "problems": ProblemEditor, "organisations": OrganisationEditor,
}
FORMAT = 1


def raw_value(control: Widget) -> Any:
    if isinstance(control, Input):
        return control.value
    if isinstance(control, Select):
        return None if control.value is Select.NULL else control.value
    return None


def set_raw_value(control: Widget, value: Any) -> None:
    if isinstance(control, Input):
        control.value = "" if value is None else str(value)
    elif isinstance(control, Select):
        if value is None:
            control.clear()
        else:
            try:
                control.value = value
            except Exception:  # noqa: BLE001 - an option that no longer exists: leave the field as it is
                return


def snapshot(form: HouseholdFormScreen) -> FormValues:
    """Every field and item as typed (masked BSNs stay masked: the full number is never written)."""
    lists: dict[str, list[FormValues]] = {}
    for path in NEW_EDITORS:
        lists[path] = [
            {"id": editor.item_id,
             "values": {f.field_name: raw_value(f.control) for f in editor.query(FormField)}}
            for editor in form.item_list(path).editors
        ]
    return {
        "format": FORMAT,
        # The base without BSNs: a concept file never holds one (restoring takes them from the database).
        "household": None if form.household is None else form.household.model_dump(
            mode="json", exclude={"members": {"__all__": {"bsn"}}}),
        "fields": {path: raw_value(f.control) for path, f in form._fields.items()},
        "lists": lists,
    }


async def apply(form: HouseholdFormScreen, concept: FormValues) -> None:
    """Put the typed values back into a form that shows the concept's base household."""
    for path, value in concept.get("fields", {}).items():
        if path in form._fields:
            set_raw_value(form._fields[path].control, value)
    for path, items in concept.get("lists", {}).items():
        if path not in NEW_EDITORS:
            continue
        owner = form.item_list(path)
        wanted = {item.get("id") for item in items if item.get("id") is not None}
        existing: dict[object, ItemEditor] = {}
        for shown in owner.editors:
            if shown.item_id in wanted:
                existing[shown.item_id] = shown
            else:
                await owner.remove_editor(shown)  # removed while typing
        for item in items:
            editor = existing.get(item.get("id"))
            if editor is None:
                editor = await owner.add(NEW_EDITORS[path]())
            for name, value in item.get("values", {}).items():
                found = editor.field(name)
                if found is not None:
                    set_raw_value(found.control, value)


DRAFT_PAUSE = 1.0
"""Seconds after the last keystroke before the concept is written."""


class DraftKeeping:
    """Mixed into the household form: writes the concept while typing, offers it back, drops it when done.

    Expects the form's `services`, `household`, `_shown`, `_initial`, `_merged`, `is_dirty`, `draft()`,
    `recompose()`, `_set_form_error()` (see HouseholdFormScreen).
    """

    household: Household | None
    _shown: Household | None
    _initial: FormValues | None
    _merged: bool
    _draft_key: str
    _draft_timer: Timer | None = None

    def schedule_draft(self: HouseholdFormScreen) -> None:  # type: ignore[misc]
        """Call on every change; the concept is written once typing pauses."""
        if self._initial is None or self.services.drafts is None:
            return
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_PAUSE, self.write_draft)

    def write_draft(self: HouseholdFormScreen) -> None:  # type: ignore[misc]
        store = self.services.drafts
        if store is None:
            return
        try:
            dirty = self.is_dirty
        except EditorNotReady:  # a member or organisation row still mounting: write the draft a moment later
            self._draft_timer = self.set_timer(DRAFT_PAUSE, self.write_draft)
            return
        if not dirty:
            self.drop_draft()
            return
        content = {**snapshot(self), "saved_at": datetime.now(UTC).isoformat()}
        username = self.services.actor.username
        self.app.run_worker(partial(store.save, username, self._draft_key, content), thread=True,
                            group="draft-save", exclusive=True, exit_on_error=False)

    def drop_draft(self: HouseholdFormScreen) -> None:  # type: ignore[misc]
        """Saved or discarded: the concept goes (an app worker, so it also runs after the form closed)."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        store = self.services.drafts
        if store is not None:
            self.app.run_worker(partial(store.discard, self.services.actor.username, self._draft_key), thread=True,
                                group="draft-drop", exit_on_error=False)

    def look_for_draft(self: HouseholdFormScreen) -> None:  # type: ignore[misc]
        store = self.services.drafts
        if store is not None:
            self.run_worker(partial(self._load_draft, store), thread=True, group="draft-load", exit_on_error=False)

    def _load_draft(self: HouseholdFormScreen, store: LocalDrafts) -> None:  # type: ignore[misc]
        concept = store.load(self.services.actor.username, self._draft_key)
        if concept is not None and concept.get("format") == FORMAT:
            self.app.call_from_thread(self._offer_draft, concept)

    def _offer_draft(self: HouseholdFormScreen, concept: FormValues) -> None:  # type: ignore[misc]
        from tui.screens.draft_dialog import RESTORE, DraftDialog

        when = _when(concept.get("saved_at"))

        async def answered(choice: str | None) -> None:
            if choice == RESTORE:
                await self.restore_draft(concept)
            else:
                self.drop_draft()

        # The same dialog and keys as the plan's concept (h herstellen, w weggooien, Esc herstelt).
        self.app.push_screen(DraftDialog(
            f"Concept herstellen? Er is een niet-opgeslagen concept{when}, bijvoorbeeld na een storing of een "
            "verbroken verbinding. Wilt u verder waar u was?",
        ), answered)

    async def restore_draft(self: HouseholdFormScreen, concept: FormValues) -> None:  # type: ignore[misc]
        base = concept.get("household")
        if base is not None and self.household is not None:
            bsns = {m.id: m.bsn for m in self.household.members}  # as saved now (the concept has none)
            base = {**base, "members": [{**m, "bsn": bsns.get(m.get("id"))} for m in base.get("members", [])]}
            # An unreadable base (an older format): the typed values go onto the current household.
            with contextlib.suppress(ValidationError):
                self.household = Household.model_validate(base)
        self._shown = self.household
        self._initial = None
        self._merged = False
        await self.recompose()
        self.on_resize()
        self._initial = self.draft()
        await apply(self, concept)
        self._fields["name"].control.focus()
        text = (f"Concept hersteld{_when(concept.get('saved_at'))}, nog niet opgeslagen: controleer en sla op "
                "met Ctrl+S.")
        self._set_form_error(text, notice=True)
        self.notify(text, title="Concept hersteld", markup=False)


def _when(moment: object) -> str:
    if not isinstance(moment, str):
        return ""
    try:
        return f" ({format_datetime(datetime.fromisoformat(moment))})"
    except ValueError:
        return ""
