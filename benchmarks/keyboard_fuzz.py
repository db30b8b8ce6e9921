"""Random keys through the whole app, the way an impatient person on a busy laptop types (issue 14).

One seed gives one sequence: letters, `g` + a section letter, Enter, Escape, Tab, arrows, Ctrl+N/O/S/P,
F1–F4, in bursts (several keys in one read of the terminal) and with pauses, while every unit of work is
slowed down (`slow_units_of_work`) so keys arrive while screens, cards and dialogs are still loading.
Each run starts in another section or plan-editor step (`START_POINTS`), so all of them get keys.

Used by tests/tui/test_keyboard_fuzz.py (short, in CI) and benchmarks/keyboard_soak.py (long, by hand).
After a run `reachable_everywhere` checks that every section can still be opened.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import events
from textual.pilot import WaitForScreenTimeout
from textual.screen import ModalScreen
from textual.worker import WorkerCancelled, WorkerFailed

from storage.unit_of_work import SqlUnitOfWork
from tui.navigation import SECTIONS, keys_belong_to_fields

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from tui.app import DoorbraakApp

LETTERS = "abcdefhijklmnopqrstuvwxyz0123456789"
SPECIAL = ["enter", "escape", "tab", "shift+tab", "up", "down", "left", "right", "space", "backspace",
           "ctrl+n", "ctrl+o", "ctrl+s", "ctrl+p", "f1", "f2", "f3", "f4", "pagedown", "home", "end"]
START_POINTS = ["casussen", "register", "werklijst", "overbruggingen", "escalaties", "knelpunten", "dashboard",
                "audit", "plan:1", "plan:2", "plan:3", "plan:4", "plan:5", "plan:6"]
"""A section's mode, or `plan:N`: the plan editor of the first household at step N (Ctrl+N opens...)."""


STALLS: list[list[str]] = []
"""Keys after which Pilot gave up waiting for the screen (counted by the soak; the run goes on)."""


@dataclass
class FuzzResult:
    keys: int
    errors: int
    running: bool
    seconds: float
    worker_errors: int = 0
    """Background workers that failed (the app told the user; `DoorbraakApp.report_error`)."""


@contextmanager
def slow_units_of_work(rng: random.Random, most: float = 0.03) -> Iterator[None]:
    """Every unit of work waits 0..`most` seconds before it starts (a busy machine, a far database)."""
    original = SqlUnitOfWork.__enter__
    lock_rng = random.Random(rng.random())

    def slow_enter(self: SqlUnitOfWork) -> SqlUnitOfWork:
        time.sleep(lock_rng.uniform(0, most))
        return original(self)

    SqlUnitOfWork.__enter__ = slow_enter  # type: ignore[method-assign]
    try:
        yield
    finally:
        SqlUnitOfWork.__enter__ = original  # type: ignore[method-assign]


def random_key(rng: random.Random) -> list[str]:
    """One key, or a chord (`g` + a section letter)."""
    roll = rng.random()
    if roll < 0.12:
        return ["g", rng.choice(SECTIONS).key]
    if roll < 0.55:
        return [rng.choice(LETTERS)]
    return [rng.choice(SPECIAL)]


def key_event(key: str) -> events.Key:
    character = " " if key == "space" else key if len(key) == 1 else None
    return events.Key(key, character)


async def press_randomly(pilot: Pilot[Any], rng: random.Random, count: int) -> int:
    """`count` keys: bursts posted in one go (nothing waits in between) or typed one by one, with pauses."""
    app = pilot.app
    sent = 0
    while sent < count and app.is_running:
        if rng.random() < 0.35:  # a burst, as one read of the terminal
            burst = [k for _ in range(rng.randint(2, 8)) for k in random_key(rng)]
            for key in burst:
                app.post_message(key_event(key))
            sent += len(burst)
            await _pause(pilot)
        else:
            keys = random_key(rng)
            try:
                await pilot.press(*keys)
            except WaitForScreenTimeout:  # Pilot's own patience (a very busy machine), not the app's fault
                STALLS.append(keys)
            sent += len(keys)
        pause = rng.random()
        if pause < 0.05:
            await _pause(pilot, rng.uniform(0.05, 0.3))
    return sent


async def _pause(pilot: Pilot[Any], delay: float | None = None) -> None:
    try:
        await pilot.pause(delay)
    except WaitForScreenTimeout:  # Pilot's own patience on a very busy machine, not the app's fault
        STALLS.append(["(pause)"])


async def settled(pilot: Pilot[Any]) -> None:
    """The screen caught up and every worker finished (cancelled or failed ones count as finished)."""
    for _ in range(3):
        for worker in list(pilot.app.workers):
            with suppress(WorkerCancelled, WorkerFailed):
                await worker.wait()
        await pilot.pause()


async def go_to_start(pilot: Pilot[Any], start: str) -> None:
    """Open the start point: a section, or a plan-editor step of the first household."""
    app: DoorbraakApp = pilot.app  # type: ignore[assignment]
    mode, _, step = start.partition(":")
    if mode != "plan":
        app.go_to(mode)
        await settled(pilot)
        return
    app.go_to("casussen")
    await settled(pilot)
    await pilot.press("enter")  # the first household
    await settled(pilot)
    await pilot.press("p")  # its plan
    await settled(pilot)
    await pilot.press("e")  # the editor (or nothing: there is no plan yet)
    await settled(pilot)
    for _ in range(int(step) - 1):
        await pilot.press("pagedown")
        await settled(pilot)


async def reachable_everywhere(pilot: Pilot[Any]) -> list[str]:
    """Close what is open, then open every section the user may see; return the sections that failed."""
    app: DoorbraakApp = pilot.app  # type: ignore[assignment]
    for _ in range(8):
        if not isinstance(app.screen, ModalScreen):
            break
        await pilot.press("escape")
        await settled(pilot)
    failed = []
    from tui.navigation import sections_for

    for each in sections_for(app.services.actor):
        if isinstance(app.screen, ModalScreen) or keys_belong_to_fields(app.screen, app.focused):
            app.screen.set_focus(None)
        if isinstance(app.screen, ModalScreen) or hasattr(type(app.screen), "is_dirty"):
            app.go_to(each.mode)  # a form or a dialog: 'Ga naar' is not offered there, by design
        else:
            await pilot.press("g", each.key)
        await settled(pilot)
        if app.current_mode != each.mode:
            failed.append(each.mode)
    return failed


async def no_quit() -> None:
    """Stands in for the app's quit action during a run (random letters in the palette can pick it)."""


async def fuzz(pilot: Pilot[Any], seed: int, keys: int, start: str | None = None) -> FuzzResult:
    """One seeded run of `keys` keys from `start` (default: chosen by the seed)."""
    app: DoorbraakApp = pilot.app  # type: ignore[assignment]
    rng = random.Random(seed)
    began = time.perf_counter()
    app.action_quit = no_quit  # type: ignore[method-assign]  # "Afsluiten" from the palette is a choice, not a crash
    with slow_units_of_work(rng):
        await go_to_start(pilot, start or rng.choice(START_POINTS))
        sent = await press_randomly(pilot, rng, keys)
        await settled(pilot)
    return FuzzResult(sent, app.unexpected_errors, app.is_running, time.perf_counter() - began, app.worker_errors)
