"""A form with one list of item editors (the routes of an escalation, the payers of a settlement): the
add button and Ctrl+N add one, Ctrl+R removes the focused one, an editor's own button removes itself."""

from __future__ import annotations

from typing import TypeVar

from textual.widgets import Button

from tui.screens.form_base import FormScreen
from tui.widgets.item_editors import ItemEditor, ItemList

T = TypeVar("T")


class ItemListFormScreen(FormScreen[T]):
    async def add_item(self) -> None:
        raise NotImplementedError

    async def remove_focused_item(self) -> None:
        focused = self.focused
        editor = next((n for n in (focused.ancestors if focused else []) if isinstance(n, ItemEditor)), None)
        if editor is not None:
            await self.query_one(ItemList).remove_editor(editor)

    async def on_item_editor_remove_requested(self, event: ItemEditor.RemoveRequested) -> None:
        await self.query_one(ItemList).remove_editor(event.editor)

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.has_class("add-item"):
            await self.add_item()
