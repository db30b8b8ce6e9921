"""The one-line header: app name, what the screen shows, who works, and the OEFENOMGEVING marker."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

DEMO_MARKER = "OEFENOMGEVING"


class AppHeader(Horizontal):
    """Shows the screen's `sub_title`; in demo mode a marker that cannot be missed."""

    def __init__(self, *, demo: bool, user: str) -> None:
        super().__init__(id="app-header")
        self.demo = demo
        self.user = user

    def compose(self) -> ComposeResult:
        yield Label("doorbraak", id="app-name")
        yield Label("", id="screen-title", markup=False)
        if self.demo:
            yield Label(f" {DEMO_MARKER} ", id="demo-marker")
        yield Label(self.user, id="app-user", markup=False)

    def on_mount(self) -> None:
        self.watch(self.screen, "sub_title", self._show_title)

    def _show_title(self, title: str) -> None:
        self.query_one("#screen-title", Label).update(title)
