"""Helpers of the SVG snapshot tests: the fixed terminal sizes and the steps run before a snapshot is taken."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from tests.tui.pilot_support import settle

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]
SnapCompare = Callable[..., bool]


def steady(pilot: Pilot[Any]) -> None:
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False


async def footer_caught_up(pilot: Pilot[Any]) -> None:
    """Wait (bounded) until the footer shows every shown key of the focused widgets: on a busy machine it is
    rebuilt a moment after the focus moves, and a snapshot could catch it without, e.g., the table's Enter.
    (The footer ignores binding changes while the app has no terminal focus, which a headless run can lose.)"""
    pilot.app.app_focus = True
    pilot.app.screen.refresh_bindings()
    for _ in range(60):
        wanted = {a.binding.action for a in pilot.app.screen.active_bindings.values() if a.binding.show}
        shown = {key.action for key in pilot.app.screen.query(FooterKey)}
        if pilot.app.focused is not None and wanted <= shown:
            break
        await pilot.pause(0.05)
    await pilot.pause()  # let the footer's new keys be laid out and painted
    await pilot.pause()


async def text_areas_wrapped(pilot: Pilot[Any]) -> None:
    """Wait (bounded) until every soft-wrapping text area has wrapped its text at its current width: it does so
    on its resize, and a snapshot on a busy machine (CI, Chromium beside it) caught one before — its first line
    cut off, the rest missing."""
    from textual.widgets import TextArea

    for _ in range(60):
        areas = [a for a in pilot.app.screen.query(TextArea) if a.soft_wrap and a.wrap_width]
        if all(a.wrapped_document._width == a.wrap_width for a in areas):
            break
        await pilot.pause(0.05)
    await pilot.pause()  # and painted


def then(*steps: Callable[[Pilot[Any]], Awaitable[None]]) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        for step in steps:
            await step(pilot)
            await settle(pilot)
        await footer_caught_up(pilot)
        await text_areas_wrapped(pilot)
        steady(pilot)

    return run


def keys(*pressed: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def step(pilot: Pilot[Any]) -> None:
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()

    return step
