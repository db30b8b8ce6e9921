"""Helpers for driving the app with Textual's Pilot and reading what a person sees (public Textual API only)."""

from __future__ import annotations

import contextlib
import html
import re
from dataclasses import dataclass
from pathlib import Path

from rich.cells import cell_len
from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerFailed

from storage.bootstrap import Database, open_database
from storage.installation import mark_oefenomgeving
from storage.settings import Settings
from tests.builders import TickingClock
from tests.databases import migrated_sqlite
from tui.app import DoorbraakApp


@dataclass
class TuiData:
    db: Database
    numbers: list[str]


def open_test_database(path: Path, *, demo: bool = False, **settings: object) -> Database:
    """A SQLite database at `path` (a copy of the migrated template when new) with a deterministic clock.

    `demo=True` writes the oefenomgeving marker into the file (as the seed does for sample.db)."""
    migrated_sqlite(path)
    db = open_database(Settings(database_url=f"sqlite:///{path}", **settings), clock=TickingClock())
    if demo:
        with db.engine.begin() as connection:
            mark_oefenomgeving(connection)
    return db


async def workers_done(app: App[object]) -> None:
    """Wait for the app's workers; one that was cancelled (a newer keystroke won) counts as done."""
    for worker in list(app.workers):
        with contextlib.suppress(WorkerCancelled, WorkerFailed):
            await worker.wait()


def workers_running(app: App[object]) -> bool:
    """Whether a worker is still pending or running (finished, failed and cancelled ones are not)."""
    return any(not worker.is_finished for worker in app.workers)


async def settle(pilot: Pilot[object], *, rounds: int = 2, most: int = 8) -> None:
    """Let every worker finish and the screen catch up (workers may start new work when they finish).

    Each round waits for the workers, then for the screen to process its messages and the process to go
    idle (`pilot.pause()`). After `rounds` rounds it stops as soon as a round ends with no worker pending
    or running; while workers keep starting new ones it goes on, up to `most` rounds. (It used to run four
    rounds always: on a settled screen the last two only slept and repainted, on every call.)"""
    for done in range(1, most + 1):
        await workers_done(pilot.app)
        await pilot.pause()
        if done >= rounds and not workers_running(pilot.app):
            return


async def type_text(pilot: Pilot[object], text: str) -> None:
    await pilot.press(*[("space" if ch == " " else ch) for ch in text])


# One run of text in Rich's SVG export: its x offset (in pixels), its terminal line and the escaped text.
_SVG_TEXT = re.compile(r'<text [^>]*?x="([0-9.]+)" [^>]*?clip-path="url\(#[^"]*-line-(\d+)\)">(.*?)</text>')
_CHAR_WIDTH = 20 * 0.61  # Rich's export_svg: font size 20, aspect ratio 0.61


def screen_text(app: DoorbraakApp) -> str:
    """What a person sees on the terminal, as plain text lines.

    Read from Textual's public `export_screenshot()` (an SVG of the whole screen stack, as a person sees it):
    each run of text sits at its column and line; blank cells are spaces.
    """
    width, height = app.size
    lines: list[list[str]] = [[] for _ in range(height)]
    used = [0] * height  # cells filled so far per line
    for x, line_no, escaped in _SVG_TEXT.findall(app.export_screenshot()):
        y, column, text = int(line_no), round(float(x) / _CHAR_WIDTH), html.unescape(escaped)
        if column > used[y]:
            lines[y].append(" " * (column - used[y]))
        lines[y].append(text)
        used[y] = column + cell_len(text)
    rows = ["".join(parts) + " " * (width - filled) for parts, filled in zip(lines, used, strict=True)]
    return "\n".join(rows).replace("\xa0", " ")  # babel puts a no-break space after €


def notifications(app: DoorbraakApp) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]
