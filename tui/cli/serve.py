"""`doorbraak serve`: the app in a web browser, with textual-serve.

Without options: the oefenomgeving. Every browser tab starts its own `doorbraak demo --eigen-kopie` process
on its own fresh copy of sample.db, so two people at one projector laptop never reset each other's data.

`--gedeeld`: the shared database of the settings (PostgreSQL, or SQLite with accounts; never one with the
oefenomgeving marker). Every tab is its own `doorbraak` process that starts at the app's login and runs as
that user; it ends when the tab closes (the websocket closes: the process is told to quit, and killed if it
has not within a few seconds) or after `--sessie-minuten` without input. `--max-sessies` limits the number
of processes; one more tab gets a Dutch message. One session process is kept started ahead (the spare) and
handed to the next tab, so that it paints about when the page has loaded. Behind a reverse proxy with TLS:
`--publieke-url`
(docs/deployment.md). The page needs no internet: the font and scripts come from textual-serve's package,
the page template from tui/serve/app_index.html.
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
) -> None:
    """Toon doorbraak in een webbrowser: de oefenomgeving, of met --gedeeld de gedeelde database met inloggen."""
    from textual_serve.server import Server  # imported late: only this command needs the web server

    if shared:
        _serve_shared(ctx, Server, host, port, max_sessions, session_minutes, public_url)
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
    server.serve()


def _serve_shared(ctx: typer.Context, server_class: type[Any], host: str, port: int, max_sessions: int,
                  session_minutes: float, public_url: str | None) -> None:
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
        shared = False

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.sessions: set[int] = set()
            """Process ids of the running session processes (what --max-sessies counts)."""
            self.starting = 0
            self.spare: Any = None
            """One session process started ahead (Python, Textual and the database opened, the first screen
            drawn), handed to the next tab: it paints in about the time the page needs to load. Not counted
            in --max-sessies; one more process than there are sessions."""
            self._spare_task: asyncio.Task[None] | None = None

        def _new_service(self, websocket: web.WebSocketResponse | None) -> Any:
            async def nothing(*_: object) -> None:
                return None

            return SessionService(
                self.command, write_bytes=websocket.send_bytes if websocket else nothing,
                write_str=websocket.send_str if websocket else nothing,
                close=websocket.close if websocket else nothing,
                download_manager=self.download_manager, debug=self.debug)

        def keep_spare(self) -> None:
            if self.spare is None and (self._spare_task is None or self._spare_task.done()):
                self._spare_task = asyncio.get_running_loop().create_task(self._start_spare())

        async def _start_spare(self) -> None:
            service = self._new_service(None)
            try:
                await service._open_app_process(80, 24)
            except OSError as error:
                log.error("Could not start a spare session: %s", type(error).__name__)
                return
            self.spare = service

        def take_spare(self, websocket: web.WebSocketResponse) -> Any:
            spare, self.spare = self.spare, None
            process = getattr(spare, "_process", None)
            if spare is None or process is None or process.returncode is not None:
                return None  # none yet, or it ended (its idle time passed): start one the usual way
            spare.remote_write_bytes = websocket.send_bytes
            spare.remote_write_str = websocket.send_str
            spare.remote_close = websocket.close
            return spare

        async def stop_spare(self) -> None:
            spare, self.spare = self.spare, None
            if spare is not None:
                await spare.stop()

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
            service: Any = None
            self.starting += 1
            try:
                await websocket.prepare(request)
                service = self.take_spare(websocket)
                if service is not None:
                    service._task = asyncio.create_task(service.run())
                    await service.set_terminal_size(width, height)
                else:
                    service = self._new_service(websocket)
                    await service.start(width, height)
                self.sessions.add(service.pid)
                self.starting -= 1
                self.keep_spare()
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
            return websocket

        def initialize_logging(self) -> None:
            logging.basicConfig(level="INFO", format="%(message)s",
                                handlers=[RichHandler(show_path=False, show_time=False, rich_tracebacks=False,
                                                      console=self.console)])

        async def on_shutdown(self, app: object) -> None:
            await self.stop_spare()

        async def on_startup(self, app: object) -> None:
            self.keep_spare()
            if self.shared:
                self.console.print(f"doorbraak in de browser op {self.public_url}", highlight=False)
                self.console.print(f"Elk tabblad logt in en krijgt een eigen proces (hoogstens {self.max_sessions}).",
                                   highlight=False)
            else:
                self.console.print(f"doorbraak — oefenomgeving in de browser op {self.public_url}", highlight=False)
                self.console.print("Elk tabblad krijgt een eigen kopie van de voorbeeldgegevens.", highlight=False)
            self.console.print("\n[cyan]Stoppen met Ctrl+C")

    return DutchServer


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
