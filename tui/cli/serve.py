"""`doorbraak serve`: the demo app (oefenomgeving) in a web browser on this machine, with textual-serve.

Every browser tab starts its own `doorbraak demo --eigen-kopie` process on its own fresh copy of sample.db,
so two people at one projector laptop never reset each other's data. The page needs no internet: the font
and scripts come from textual-serve's package, the page template from tui/serve/app_index.html.
"""

from __future__ import annotations

import logging
import shlex
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.logging import RichHandler

from domain.errors import DomainError
from storage.bootstrap import SAMPLE_DB, require_oefenomgeving
from tui.cli.common import report_error

TEMPLATES = Path(__file__).resolve().parent.parent / "serve"  # tui/serve/, beside tui/cli/
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


def demo_command_line() -> str:
    """The shell command textual-serve runs for each browser session."""
    return shlex.join([sys.executable, "-m", "tui", "demo", "--eigen-kopie"])


def serve_command(
    host: Annotated[str, typer.Option("--host", help="Adres om op te luisteren (standaard alleen deze computer).")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Poort van de webpagina.")] = 8000,
) -> None:
    """Toon de oefenomgeving in een webbrowser op deze computer (zonder internet)."""
    from textual_serve.server import Server  # imported late: only this command needs the web server

    try:  # only ever the oefenomgeving: sample.db must carry its marker (never a setting)
        require_oefenomgeving(SAMPLE_DB)
    except DomainError as exc:
        report_error(exc)
    if host not in LOOPBACK:
        typer.echo(f"Let op: met --host {host} is de oefenomgeving ook vanaf andere computers te openen.", err=True)
    typer.echo(f"Open http://{'[' + host + ']' if ':' in host else host}:{port} in de browser; stoppen met Ctrl+C.")
    server = dutch_server(Server)(demo_command_line(), host=host, port=port, title="doorbraak — oefenomgeving",
                                  templates_path=TEMPLATES)
    server.serve()


def dutch_server(server_class: type[Any]) -> type[Any]:
    """textual-serve's Server with a Dutch banner, and a log that never prints tracebacks with locals (its
    default handler shows the locals of every frame, which can hold what someone typed)."""

    class DutchServer(server_class):  # type: ignore[misc]
        def initialize_logging(self) -> None:
            logging.basicConfig(level="INFO", format="%(message)s",
                                handlers=[RichHandler(show_path=False, show_time=False, rich_tracebacks=False,
                                                      console=self.console)])

        async def on_startup(self, app: object) -> None:
            self.console.print(f"doorbraak — oefenomgeving in de browser op {self.public_url}", highlight=False)
            self.console.print("Elk tabblad krijgt een eigen kopie van de voorbeeldgegevens.", highlight=False)
            self.console.print("\n[cyan]Stoppen met Ctrl+C")

    return DutchServer


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
