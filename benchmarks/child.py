"""One fresh Python process per measurement of the app (or of a bare Textual app): start-up and memory.

    python -m benchmarks.child app|bare DATABASE_URL AUDIT_KEY_FILE [--session] [--warm=N]

Prints one JSON line: `painted` (seconds from the first line of this process, i.e. after the interpreter's
own start, to the first paint of the first screen a user works in: on SQLite the case list with its rows
(imports, opening and checking the database, building the app); on PostgreSQL, where every start is a login,
the login screen, ready to type in), `warm` (N more start-ups in the same process: from creating the app to its
first paint of the case list, imports already done and the database open, logged in), `rss_mb` (peak resident
memory) and on PostgreSQL `after_login` (from a login accepted — here the bench's owner, without a password — to
the case list's first page painted; the services opened meanwhile).
With `--session` the app goes on after the first paint as a user would: a filter typed, a household
opened, back, another filter; the memory is then that of a working session on this database.
The bare app reads the same first page with the raw driver and shows it in a plain DataTable.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import asyncio  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

SIZE = (120, 36)
COLUMNS = ("Casusnummer", "Huishouden", "Gemeente", "Status", "Professional", "Laatste wijziging")


def peak_rss_mb() -> float:
    """Peak resident memory of this process. VmHWM, because ru_maxrss survives exec on Linux: a child
    started by a big parent would report the parent's size."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # kilobytes elsewhere too


async def _wait(condition: Any, timeout: float = 120.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the screen did not show in time")
        await asyncio.sleep(0.001)


def _open(url: str, audit_key: Path) -> Any:
    """The services as `doorbraak -d URL` opens them: the fast start (tui/starting.py: on a plain SQLite file the
    first page from a raw read, on PostgreSQL the login screen; the services imported and opened after the first
    paint), else `open_database` with the owner logged in."""
    import os

    from tui.screens.case_list import PAGE_SIZE
    from tui.starting import fast_start

    os.environ["DOORBRAAK_AUDIT_KEY_FILE"] = str(audit_key)  # as the bench's outside runs pass it
    services = fast_start(url, PAGE_SIZE)
    if services is not None:
        return services
    from benchmarks.actor import OWNER
    from storage.bootstrap import open_database
    from storage.settings import Settings

    db = open_database(Settings(database_url=url, audit_key_file=audit_key, local_drafts=False))
    if db.is_postgres:
        db.logged_in = OWNER
    return db.services


async def run_app(url: str, audit_key: Path, session: bool, warm: int) -> dict[str, Any]:
    from textual.widgets import Input

    from tui.app import DoorbraakApp
    from tui.screens.case_list import CaseListScreen
    from tui.screens.login import LoginScreen
    from tui.widgets.case_table import CaseTable

    painted: list[float] = []
    login_painted: list[float] = []
    original = CaseListScreen._show_first_page
    original_login = LoginScreen.on_mount

    def show(screen: CaseListScreen, page: Any, generation: int, keep_case: str | None) -> None:
        original(screen, page, generation, keep_case)
        if generation == screen._generation:
            screen.call_after_refresh(lambda: painted.append(time.perf_counter()))

    def show_login(screen: LoginScreen) -> None:
        original_login(screen)
        screen.call_after_refresh(lambda: login_painted.append(time.perf_counter()))

    CaseListScreen._show_first_page = show  # type: ignore[method-assign,assignment]
    LoginScreen.on_mount = show_login  # type: ignore[method-assign,assignment]
    services = _open(url, audit_key)
    first = 0.0
    after_login: float | None = None
    warm_runs: list[float] = []
    for attempt in range(1 + warm):
        painted.clear()
        started = time.perf_counter()
        app = DoorbraakApp(services)
        async with app.run_test(size=SIZE) as pilot:
            if attempt == 0 and app.awaiting_login:  # PostgreSQL: the first screen is the login
                await _wait(lambda: login_painted)
                first = login_painted[0] - STARTED
                accepted = await _log_in(app, services)
                await _wait(lambda: painted)
                after_login = painted[0] - accepted
            else:
                await _wait(lambda: painted)
            if attempt == 0:
                first = first or painted[0] - STARTED
                await _wait(lambda: getattr(services, "ready", True))  # the fast start's services are open
            else:
                warm_runs.append(painted[0] - started)
            if session and attempt == 0:
                for text in ("jansen", "utrecht"):
                    count = len(painted)
                    screen = app.screen
                    screen.query_one("#case-filter", Input).value = text
                    await _wait(lambda count=count: len(painted) > count)
                    screen.query_one(CaseTable).focus()
                    await pilot.press("enter")
                    await _wait(lambda app=app: type(app.screen).__name__ == "HouseholdDetailScreen")
                    await pilot.pause(0.3)
                    await pilot.press("escape")
                    await _wait(lambda app=app: isinstance(app.screen, CaseListScreen))
    services.close()
    return {"painted": first, "warm": warm_runs, "rss_mb": peak_rss_mb(), "after_login": after_login}


async def _log_in(app: Any, services: Any) -> float:
    """Accept a login as the bench's owner as soon as the services are open (no password: the bench database
    has no accounts); returns when it was accepted."""
    from benchmarks.actor import OWNER

    opened = asyncio.get_running_loop().run_in_executor(None, services.wait)  # as the login's worker waits
    database = (await opened).db
    accepted = time.perf_counter()
    database.logged_in = OWNER
    app.logged_in(OWNER)
    return accepted


def _first_rows(url: str) -> list[Any]:
    query = ("SELECT case_number, name, municipality_name, status, professional, updated_at FROM household "
             "ORDER BY updated_at DESC, id DESC LIMIT 100")
    if url.startswith("sqlite"):
        import sqlite3

        with sqlite3.connect(url.split("///", 1)[1]) as connection:
            return connection.execute(query).fetchall()
    import psycopg

    from benchmarks.data import libpq_dsn

    base, _, options = url.partition("?options=-csearch_path%3D")
    with psycopg.connect(libpq_dsn(base), options=f"-csearch_path={options}") as connection:
        return connection.execute(query).fetchall()


async def run_bare(url: str, warm: int) -> dict[str, Any]:
    from rich.text import Text
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    painted: list[float] = []

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield DataTable(cursor_type="row")

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns(*COLUMNS)
            for row in _first_rows(url):
                table.add_row(*(Text(str(cell)) for cell in row))
            self.call_after_refresh(lambda: painted.append(time.perf_counter()))

    first = 0.0
    warm_runs: list[float] = []
    for attempt in range(1 + warm):
        painted.clear()
        started = time.perf_counter()
        async with Bare().run_test(size=SIZE):
            await _wait(lambda: painted)
        if attempt == 0:
            first = painted[0] - STARTED
        else:
            warm_runs.append(painted[0] - started)
    return {"painted": first, "warm": warm_runs, "rss_mb": peak_rss_mb()}


def main() -> None:
    kind, url, audit_key = sys.argv[1:4]
    session = "--session" in sys.argv[4:]
    warm = int(next((a.split("=", 1)[1] for a in sys.argv[4:] if a.startswith("--warm=")), "0"))
    result = asyncio.run(run_app(url, Path(audit_key), session, warm) if kind == "app" else run_bare(url, warm))
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
