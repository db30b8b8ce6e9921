"""The console script `doorbraak` (pyproject.toml: `tui.cli.main:main`).

A plain start of the app (`doorbraak`, `doorbraak -d URL`) on a SQLite file goes to the fast start
(tui/starting.py, issue 18) without Typer: its import and the building of its command (Typer 0.29 imports pydantic
for the parameter types) come before the first paint, which a bare Textual app does not pay. Everything else —
and a start the fast start does not take — runs the Typer app (tui/cli/root.py) inside the one error boundary
(tui/cli/errors.py). `from tui.cli.main import app` (and the root's other names) still works.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from typing import Any

from tui.cli.errors import check_arguments, guarded, run_guarded

fast_start_tried = False
"""`main` tried the fast start already (then the root's callback does not read the file a second time)."""


def app_only(arguments: list[str]) -> str | None:
    """The database URL when `arguments` only start the app (`doorbraak`, `doorbraak -d URL`; "" for none given),
    else None. `-d`/`--database` and DOORBRAAK_DATABASE_URL mean what they mean to the Typer app."""
    if not arguments:
        return ""
    if len(arguments) == 2 and arguments[0] in ("-d", "--database"):
        return arguments[1]
    if len(arguments) == 1 and arguments[0].startswith("--database="):
        return arguments[0].partition("=")[2]
    return None


def run_app_fast(database_url: str | None) -> bool:
    """The app on a plain SQLite file: its first page painted before the services are imported and opened
    (tui/starting.py); False when the raw reader does not take this database (the services' start then)."""
    from domain.errors import DomainError
    from tui.screens.case_list import PAGE_SIZE
    from tui.starting import fast_start

    try:
        services = fast_start(database_url, PAGE_SIZE)
    except DomainError as exc:
        _report(exc)
    if services is None:
        return False
    from tui.app import run_app

    try:
        code = run_app(services)  # type: ignore[arg-type]  # stands in for Services until they are open
    finally:
        services.close()
    if code:
        raise SystemExit(code)
    return True


def _report(error: Exception) -> None:
    """The CLI's Dutch message and exit code for a refused database (Typer is imported on this path only)."""
    import typer

    from tui.cli.common import report_error

    assert isinstance(error, Exception)
    try:
        report_error(error)  # type: ignore[arg-type]
    except typer.Exit as done:  # outside Typer's own main: the exit code as a SystemExit
        raise SystemExit(done.exit_code) from None


def quiet_terminal() -> Callable[[], None]:
    """Switch the terminal's echo off until the app takes the terminal; returns what switches it back.

    Keys typed while the app starts (a username, Enter, a password on the login screen) are kept by the terminal
    and read by the app once it runs, but the terminal's own echo printed them in the shell first, where they
    stayed readable after the app ended — the password too. Textual restores the terminal to how it found it
    (here: without echo), so the echo comes back when the app has ended. Not a terminal: nothing to do."""
    try:
        import termios

        descriptor = sys.stdin.fileno()
        if not os.isatty(descriptor):
            return _nothing
        before = termios.tcgetattr(descriptor)
        quiet = list(before)
        quiet[3] &= ~termios.ECHO  # the local flags
        termios.tcsetattr(descriptor, termios.TCSANOW, quiet)  # TCSANOW: what was typed ahead stays
    except (ImportError, OSError, ValueError):  # termios.error is an OSError; no termios on Windows
        return _nothing

    def restore() -> None:
        with contextlib.suppress(OSError):
            termios.tcsetattr(descriptor, termios.TCSANOW, before)

    return restore


def _nothing() -> None:
    return None


def main() -> None:
    """The console script: the fast start for a plain start of the app, else Typer's app inside the boundary."""
    global fast_start_tried
    given = sys.argv[1:]
    url = app_only(given)
    restore = quiet_terminal() if url is not None or given[:1] == ["demo"] else _nothing
    try:
        if url is not None:
            check_arguments(given)
            started: list[bool] = []
            guarded(lambda: started.append(run_app_fast(url or os.environ.get("DOORBRAAK_DATABASE_URL") or None)))
            if started and started[0]:
                return
            fast_start_tried = True
        from tui.cli.root import app

        run_guarded(app)
    finally:
        restore()


def __getattr__(name: str) -> Any:
    """The Typer app and the rest of tui/cli/root.py, imported when asked for (`from tui.cli.main import app`)."""
    if name.startswith("__"):
        raise AttributeError(name)
    from tui.cli import root

    return getattr(root, name)
