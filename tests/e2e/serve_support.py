"""`doorbraak serve --gedeeld` for the browser tests and the benchmark: a shared SQLite database with accounts
(tests/tui/data_trust.py), the server on a free loopback port, its session processes read from /proc, and
many tabs in one Chromium."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp

from tests.e2e.browser import NOTE_TERMINALS, Page, chromium_page, free_port, wait_for_port
from tests.tui.data_trust import build_shared


@dataclass
class Served:
    url: str
    server: subprocess.Popen[bytes]

    def processes(self) -> list[int]:
        """Process ids of the server's children, oldest first: the browser sessions and the ready processes
        the server keeps started for the next tabs (`--gereed`)."""
        return children(self.server.pid)

    def spare(self, timeout: float = 60) -> int:
        """The one ready process (served with ready=1), once it is the only one (no tab open)."""
        return self.wait_ready(1, timeout)[0]

    def wait_ready(self, count: int, timeout: float = 60) -> list[int]:
        """The ready processes, once there are `count` (no tab open)."""
        assert wait_until(lambda: len(self.processes()) == count, timeout), self.processes()
        return self.processes()


def children(pid: int) -> list[int]:
    found: list[tuple[int, int]] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append((int(fields[19]), int(entry.name)))  # start time (field 22 of stat), pid
    return [pid for _, pid in sorted(found)]


def memory_mb(pid: int) -> tuple[float, float]:
    """(RSS, PSS) of one process in MB; PSS shares the pages common to all sessions out fairly."""
    values: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, _, rest = line.partition(":")
        values[name] = int(rest.split()[0])
    return values["Rss"] / 1024, values["Pss"] / 1024


@contextlib.contextmanager
def serve_shared(folder: Path, *, max_sessions: int = 2, idle_lock_minutes: float = 15,
                 session_minutes: float = 60, ready: int = 1) -> Iterator[Served]:
    """Build a shared database in `folder` and serve it; the server and its sessions stop afterwards."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    database = folder / "gedeeld.db"
    env = {**os.environ, "XDG_CONFIG_HOME": str(folder / "config"), "XDG_DATA_HOME": str(folder / "data"),
           "XDG_CACHE_HOME": str(folder / "cache"), "XDG_STATE_HOME": str(folder / "state"),
           "DOORBRAAK_IDLE_LOCK_MINUTES": str(idle_lock_minutes)}
    env.pop("DOORBRAAK_DATABASE_URL", None)
    previous = {key: os.environ.get(key) for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME")}
    os.environ.update({key: env[key] for key in previous})  # the audit key beside the server's config
    try:
        build_shared(database)
    finally:
        for key, value in previous.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "tui", "-d", f"sqlite:///{database}", "serve", "--gedeeld", "--port", str(port),
         "--max-sessies", str(max_sessions), "--sessie-minuten", str(session_minutes), "--gereed", str(ready)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    try:
        wait_for_port(port, server, timeout=60)
        yield Served(f"http://127.0.0.1:{port}/", server)
    finally:
        sessions = children(server.pid)  # the browser sessions and the ready processes
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
        for pid in sessions:  # each session runs in its own process group
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)


def wait_until(condition: object, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.2)
    return False


@contextlib.asynccontextmanager
async def tabs(count: int) -> AsyncIterator[list[Page]]:
    """`count` blank tabs in one headless Chromium (the first its own page, the others asked for over the
    browser's own HTTP endpoint), each remembering its terminals (NOTE_TERMINALS) once it loads a page."""
    async with chromium_page("about:blank") as first, aiohttp.ClientSession() as http:
        endpoint = first.ws._response.url
        pages: list[Page] = [first]
        sockets = []
        try:
            for _ in range(count - 1):
                async with http.put(f"http://{endpoint.host}:{endpoint.port}/json/new?about:blank") as response:
                    target = await response.json()
                ws = await http.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0)
                sockets.append(ws)
                pages.append(Page(ws))
            for page in pages[1:]:  # chromium_page did this for the first
                await page.call("Page.enable")
                await page.call("Page.addScriptToEvaluateOnNewDocument", source=NOTE_TERMINALS)
            yield pages
        finally:
            for ws in sockets:
                await ws.close()
