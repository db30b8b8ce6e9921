"""Choose a knelpunt from the register (type to search) to link it to an escalation."""

from __future__ import annotations

import time

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from domain.knelpunt import KnelpuntPage, KnelpuntQuery
from storage.bootstrap import Services

TYPING_PAUSE = 0.15


class KnelpuntPicker(ModalScreen[int | None]):
    BINDINGS = [Binding("escape", "cancel", "Annuleren", id="knelpunt_picker.cancel", tooltip="Niets koppelen")]

    def __init__(self, services: Services, *, exclude: set[int] | None = None) -> None:
        super().__init__()
        self.services = services
        self.exclude = exclude or set()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog casework-dialog", id="knelpunt-picker") as dialog:
            dialog.border_title = "Knelpunt koppelen"
            yield Input(placeholder="zoek op titel, wet, organisatie…", id="picker-search", compact=True,
                        max_length=200)
            yield OptionList(id="picker-options")
            yield Label("↓ naar de lijst · Enter koppelt · Esc annuleert", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.search("", 0.0)

    @on(Input.Changed, "#picker-search")
    def _changed(self, event: Input.Changed) -> None:
        self.search(event.value, TYPING_PAUSE)

    @on(Input.Submitted, "#picker-search")
    def _submitted(self) -> None:
        self.query_one(OptionList).focus()

    def on_key(self, event: object) -> None:
        if getattr(event, "key", "") == "down" and self.focused is self.query_one(Input):
            self.query_one(OptionList).focus()

    @work(thread=True, exclusive=True, group="knelpunt-picker", exit_on_error=False)
    def search(self, text: str, pause: float) -> None:
        if pause:
            time.sleep(pause)
            if get_current_worker().is_cancelled:
                return
        page = self.services.knelpunten.list(KnelpuntQuery(text=text, limit=50))
        self.app.call_from_thread(self._show, page)

    def _show(self, page: KnelpuntPage) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        rows = [r for r in page.rows if r.id not in self.exclude]
        for row in rows:
            options.add_option(Option(Text(f"{row.reference:<6} {row.title} · {row.category.label} · "
                                           f"{row.recurrence}× gemeld"), id=str(row.id)))
        if not rows:
            options.add_option(Option("Geen knelpunten gevonden.", disabled=True))

    @on(OptionList.OptionSelected, "#picker-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(int(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
