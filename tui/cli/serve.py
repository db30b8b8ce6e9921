"""`doorbraak serve`: the app in a web browser, with textual-serve.

Without options: the oefenomgeving. Every browser tab starts its own `doorbraak demo --eigen-kopie` process
on its own fresh copy of sample.db, so two people at one projector laptop never reset each other's data.

`--gedeeld`: the shared database of the settings (PostgreSQL, or SQLite with accounts; never one with the
oefenomgeving marker). Every tab is its own `doorbraak` process that starts at the app's login and runs as
that user; it ends when the tab closes (the websocket closes: the process is told to quit, and killed if it
has not within a few seconds) or after `--sessie-minuten` without input. `--max-sessies` limits the number
of processes; one more tab gets a Dutch message. `--gereed N` session processes are kept started ahead (the
ready pool) and handed to the next tabs, so that each paints about when its page has loaded, also when a team
opens its tabs at once. Behind a reverse proxy with TLS: `--publieke-url` (docs/deployment.md). The page needs
no internet: the font and scripts come from textual-serve's package, the page template from
tui/serve/app_index.html.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shlex
import signal
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.logging import RichHandler

from domain.errors import DomainError
from storage.bootstrap import SAMPLE_DB, require_oefenomgeving
from tui.cli.common import report_error

log = logging.getLogger("doorbraak.serve")
TEMPLATES = Path(__file__).resolve().parent.parent / "serve"  # tui/serve/, beside tui/cli/
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


def demo_command_line() -> str:
    """The shell command textual-serve runs for each browser session."""
    return shlex.join([sys.executable, "-m", "tui", "demo", "--eigen-kopie"])


def app_command_line() -> str:
    """The shell command for each browser session on the shared database (settings come from the env)."""
    return shlex.join([sys.executable, "-m", "tui"])


FULL = ("Alle {limit} plaatsen van doorbraak in de browser zijn bezet. Probeer het over een paar minuten "
        "opnieuw, of vraag de beheerder om meer plaatsen (--max-sessies).")
QUIT_GRACE_SECONDS = 5.0
READY_DEFAULT = 2
"""Session processes kept started ahead: two tabs opened together paint at once; each costs ~90 MB RSS."""
READY_STAGGER_SECONDS = 1.0
"""Between starting one batch of ready processes (one per core) and the next."""
READY_CHECK_SECONDS = 5.0
"""How often the pool looks for ready processes that ended (their idle time passed) to replace them."""


def serve_command(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help="Adres om op te luisteren (standaard alleen deze computer).")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Poort van de webpagina.")] = 8000,
    shared: Annotated[bool, typer.Option(
        "--gedeeld", help="De gedeelde database uit de instellingen, met inloggen (in plaats van de oefenomgeving).")]
    = False,
    max_sessions: Annotated[int, typer.Option(
        "--max-sessies", min=1, max=1000, help="Hoeveel browsersessies tegelijk (elk een eigen proces).")] = 20,
    session_minutes: Annotated[float, typer.Option(
        "--sessie-minuten", min=0, help="Een sessie stopt na zoveel minuten zonder invoer (0 = nooit).")] = 60,
    public_url: Annotated[str | None, typer.Option(
        "--publieke-url", help="Het adres achter de reverse proxy, bijv. https://doorbraak.gemeente.nl/app.")]
    = None,
    ready: Annotated[int, typer.Option(
        "--gereed", min=0, max=1000,
        help="Zoveel sessieprocessen staan vooraf gestart klaar voor de volgende tabbladen (elk ~90 MB).")]
    = READY_DEFAULT,
) -> None:
    """Toon doorbraak in een webbrowser: de oefenomgeving, of met --gedeeld de gedeelde database met inloggen."""
    from textual_serve.server import Server  # imported late: only this command needs the web server

    if shared:
        _serve_shared(ctx, Server, host, port, max_sessions, session_minutes, public_url, ready)
        return
    try:  # only ever the oefenomgeving: sample.db must carry its marker (never a setting)
        require_oefenomgeving(SAMPLE_DB)
    except DomainError as exc:
        report_error(exc)
    if host not in LOOPBACK:
        typer.echo(f"Let op: met --host {host} is de oefenomgeving ook vanaf andere computers te openen.", err=True)
    typer.echo(f"Open http://{'[' + host + ']' if ':' in host else host}:{port} in de browser; stoppen met Ctrl+C.")
    server = dutch_server(Server)(demo_command_line(), host=host, port=port, title="doorbraak — oefenomgeving",
                                  templates_path=TEMPLATES, public_url=public_url)
    server.max_sessions = max_sessions
    server.ready_target = ready
    server.serve()


def _serve_shared(ctx: typer.Context, server_class: type[Any], host: str, port: int, max_sessions: int,
                  session_minutes: float, public_url: str | None, ready: int) -> None:
    from storage.bootstrap import open_services
    from tui.cli.state import CliState

    state: CliState = ctx.obj
    settings = state.settings()
    try:
        services = open_services(settings)  # created or upgraded here, once, not by the first tab
        try:
            if services.demo:
                raise DomainError("Dit is de oefenomgeving: start die met 'doorbraak serve' zonder --gedeeld.")
            if not services.requires_login:
                raise DomainError(
                    "Deze database heeft geen accounts, dus geen inloggen: in de browser zou iedereen alles zien. "
                    "Maak eerst accounts ('doorbraak user add') of gebruik PostgreSQL.")
        finally:
            services.close()
    except DomainError as exc:
        report_error(exc)
    # Every session process reads its settings from the environment textual-serve hands on.
    os.environ["DOORBRAAK_DATABASE_URL"] = settings.database_url
    os.environ["DOORBRAAK_SESSION_END_MINUTES"] = str(session_minutes)
    if host not in LOOPBACK:
        typer.echo(f"Let op: met --host {host} is doorbraak zonder TLS vanaf andere computers te openen; zet hem "
                   "achter een reverse proxy met TLS (docs/deployment.md).", err=True)
    typer.echo(f"Open {public_url or f'http://{host}:{port}'} in de browser; stoppen met Ctrl+C.")
    server = dutch_server(server_class)(app_command_line(), host=host, port=port, title="doorbraak",
                                        templates_path=TEMPLATES, public_url=public_url)
    server.max_sessions = max_sessions
    server.ready_target = ready
    server.shared = True
    server.serve()


def dutch_server(server_class: type[Any]) -> type[Any]:
    """textual-serve's Server with a Dutch banner, and a log that never prints tracebacks with locals (its
    default handler shows the locals of every frame, which can hold what someone typed)."""

    from aiohttp import web
    from textual_serve.server import to_int

    SessionService = session_service_class()  # noqa: N806 - a class

    class DutchServer(server_class):  # type: ignore[misc]
        max_sessions = 20
        ready_target = READY_DEFAULT
        shared = False

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.sessions: set[int] = set()
            """Process ids of the running session processes (what --max-sessies counts)."""
            self.starting = 0
            self.ready: list[Any] = []
            """Session processes started ahead (Python, Textual and the database opened, the login drawn), oldest
            first, handed to the next tabs: each paints in about the time its page needs to load. Not counted in
            --max-sessies, but never more than the places left (`wanted_ready`)."""
            self._pool_task: asyncio.Task[None] | None = None
            self._pool_wakeup: asyncio.Event | None = None
            self._closing = False

        def _new_service(self, websocket: web.WebSocketResponse | None) -> Any:
            async def nothing(*_: object) -> None:
                return None

            return SessionService(
                self.command, write_bytes=websocket.send_bytes if websocket else nothing,
                write_str=websocket.send_str if websocket else nothing,
                close=websocket.close if websocket else nothing,
                download_manager=self.download_manager, debug=self.debug)

        def wanted_ready(self) -> int:
            """--gereed, but no more than the places --max-sessies leaves (a full server needs none)."""
            return max(0, min(self.ready_target, self.max_sessions - len(self.sessions) - self.starting))

        def keep_ready(self) -> None:
            """Wake the pool keeper (it also looks by itself every few seconds)."""
            if self._closing:
                return
            if self._pool_task is None or self._pool_task.done():
                self._pool_wakeup = asyncio.Event()
                self._pool_task = asyncio.get_running_loop().create_task(self._keep_pool())
            elif self._pool_wakeup is not None:
                self._pool_wakeup.set()

        async def _keep_pool(self) -> None:
            """Top the pool up to `wanted_ready`, a few processes at a time (one per core: starting is CPU
            work, and the sessions already open must stay quick); replace ready ones that ended; stop extra
            ones when the places run out."""
            at_once = max(1, min(4, os.cpu_count() or 2))
            wakeup = self._pool_wakeup
            assert wakeup is not None
            while True:
                self.ready = [s for s in self.ready if _alive(s)]
                wanted = self.wanted_ready()
                if len(self.ready) > wanted:
                    extra, self.ready = self.ready[wanted:], self.ready[:wanted]
                    await asyncio.gather(*(s.stop() for s in extra))
                missing = wanted - len(self.ready)
                if missing > 0:
                    started = await asyncio.gather(*(self._start_ready() for _ in range(min(missing, at_once))))
                    self.ready.extend(s for s in started if s is not None)
                    # A process is spawned at once but needs a second or two of CPU to import and draw:
                    # the next few wait, so a pool of ten does not start ten at once beside open sessions.
                    failed = all(s is None for s in started)
                    await asyncio.sleep(READY_CHECK_SECONDS if failed else READY_STAGGER_SECONDS)
                    continue
                wakeup.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(wakeup.wait(), READY_CHECK_SECONDS)

        async def _start_ready(self) -> Any:
            service = self._new_service(None)
            try:
                await service._open_app_process(80, 24)
            except OSError as error:
                log.error("Could not start a ready session process: %s", type(error).__name__)
                return None
            return service

        def take_ready(self, websocket: web.WebSocketResponse) -> Any:
            """The oldest ready process that still runs, now talking to this tab; None when there is none."""
            while self.ready:
                service = self.ready.pop(0)
                if not _alive(service):
                    continue  # it ended (its idle time passed): the pool keeper replaces it
                service.remote_write_bytes = websocket.send_bytes
                service.remote_write_str = websocket.send_str
                service.remote_close = websocket.close
                return service
            return None

        async def stop_ready(self) -> None:
            self._closing = True
            if self._pool_task is not None:
                self._pool_task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await self._pool_task
            ready, self.ready = self.ready, []
            await asyncio.gather(*(s.stop() for s in ready))

        @property
        def full(self) -> bool:
            return len(self.sessions) + self.starting >= self.max_sessions

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            if self.full:  # said before the page even loads; the websocket below checks again
                message = FULL.format(limit=self.max_sessions)
                return web.Response(status=503, content_type="text/html", charset="utf-8",
                                    text=f"<!DOCTYPE html><html lang=nl><meta charset=utf-8><title>doorbraak</title>"
                                         f"<body style='font-family:sans-serif;margin:3em'><h1>doorbraak</h1>"
                                         f"<p id=vol>{message}</p></body></html>")
            response: web.StreamResponse = await super().handle_index(request)
            return response

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            """textual-serve's own handler (1.x), with a session limit and a process that surely ends."""
            if self.full:
                websocket = web.WebSocketResponse()
                await websocket.prepare(request)
                text = FULL.format(limit=self.max_sessions)
                await websocket.send_bytes(f"\x1b[2J\x1b[H\r\n  {text}\r\n".encode())
                await websocket.close()
                return websocket
            websocket = web.WebSocketResponse(heartbeat=15)
            width = to_int(request.query.get("width", "80"), 80)
            height = to_int(request.query.get("height", "24"), 24)
            # Taken before anything is awaited: the pool keeper sees it as starting, never as one to spare.
            service: Any = self.take_ready(websocket)
            self.starting += 1
            try:
                await websocket.prepare(request)
                if service is not None:
                    service._task = asyncio.create_task(service.run())
                    await service.set_terminal_size(width, height)
                else:
                    service = self._new_service(websocket)
                    await service.start(width, height)
                self.sessions.add(service.pid)
                self.starting -= 1
                self.keep_ready()
                await self._process_messages(websocket, service)
            except asyncio.CancelledError:
                await websocket.close()
            except Exception as error:  # noqa: BLE001 - logged without locals (initialize_logging)
                log.error("Browser session failed: %s", type(error).__name__)
            finally:
                if service is None or service.pid not in self.sessions:
                    self.starting = max(0, self.starting - 1)
                if service is not None:
                    await service.stop()
                    self.sessions.discard(service.pid)
                self.keep_ready()  # a place came free
            return websocket

        def initialize_logging(self) -> None:
            logging.basicConfig(level="INFO", format="%(message)s",
                                handlers=[RichHandler(show_path=False, show_time=False, rich_tracebacks=False,
                                                      console=self.console)])

        async def on_shutdown(self, app: object) -> None:
            await self.stop_ready()

        async def on_startup(self, app: object) -> None:
            self.keep_ready()
            if self.shared:
                self.console.print(f"doorbraak in de browser op {self.public_url}", highlight=False)
                self.console.print(f"Elk tabblad logt in en krijgt een eigen proces (hoogstens {self.max_sessions}).",
                                   highlight=False)
            else:
                self.console.print(f"doorbraak — oefenomgeving in de browser op {self.public_url}", highlight=False)
                self.console.print("Elk tabblad krijgt een eigen kopie van de voorbeeldgegevens.", highlight=False)
            self.console.print("\n[cyan]Stoppen met Ctrl+C")

    return DutchServer


def _alive(service: Any) -> bool:
    process = getattr(service, "_process", None)
    return process is not None and process.returncode is None


def session_service_class() -> type[Any]:
    from textual_serve.app_service import AppService

    class SessionService(AppService):
        """One browser session's process: started in its own process group (so the app and anything it
        starts end together), told to quit when the tab closes, killed when it has not after a few seconds."""

        pid = 0

        async def _open_app_process(self, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
            environment = self._build_environment(width=width, height=height)
            self._process = process = await asyncio.create_subprocess_exec(
                *shlex.split(self.command), stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE, env=environment, start_new_session=True)
            assert process.stdin is not None
            self._stdin = process.stdin
            self.pid = process.pid
            return process

        async def stop(self) -> None:
            process = getattr(self, "_process", None)
            try:
                await asyncio.wait_for(super().stop(), QUIT_GRACE_SECONDS)
            except TimeoutError:
                log.warning("A browser session did not quit in time; stopped")
            if process is not None and process.returncode is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(process.wait(), QUIT_GRACE_SECONDS)

    return SessionService


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
