"""`doorbraak bench`: measure every hot path on SQLite and PostgreSQL next to a baseline (see benchmarks/).

Developer tooling, so the help text is Dutch like every command but the output (table, JSON) is English,
as the README's performance section is.
"""

from __future__ import annotations

import json
import signal
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


class BackendChoice(StrEnum):
    SQLITE = "sqlite"
    POSTGRES = "postgres"
    BOTH = "both"


def bench_command(
    households: Annotated[int | None, typer.Option("--households", min=1, max=1_000_000,
                                                   help="Aantal huishoudens (standaard 100.000; --quick: 30).")] = None,
    contacts: Annotated[int | None, typer.Option("--contacts", min=1, max=1_000_000,
                                                 help="Aantal registercontacten (standaard 100.000; --quick: 200).")]
    = None,
    backend: Annotated[BackendChoice, typer.Option("--backend", help="sqlite, postgres of both.")] = BackendChoice.BOTH,
    postgres_url: Annotated[str, typer.Option("--postgres-url", envvar="DOORBRAAK_BENCH_POSTGRES_URL",
                                              help="PostgreSQL-server (er komt een nieuw schema, dat na afloop "
                                                   "wordt verwijderd).")] = DEFAULT_POSTGRES_URL,
    quick: Annotated[bool, typer.Option("--quick", help="Kleine rooktest van enkele seconden.")] = False,
    load: Annotated[bool, typer.Option("--load", help="Ook de belastingtest: 100 gebruikers tegelijk op "
                                                      "PostgreSQL (alleen deze computer).")] = False,
    workdir: Annotated[Path | None, typer.Option("--workdir", help="Map voor de gegevens en hun cache "
                                                                   "(standaard de cachemap van de gebruiker).")]
    = None,
    seed: Annotated[int, typer.Option("--seed", help="Startwaarde van de toevalsgenerator.")] = 2026,
    json_file: Annotated[Path | None, typer.Option("--json", help="Schrijf de uitkomsten ook als JSON hierheen.")]
    = None,
    only: Annotated[list[str] | None, typer.Option(
        "--only", help="Meet alleen deze cijfers: hun sleutel of het begin ervan (cli, startup.terminal), of een "
                       "woord uit de naam van het onderdeel (dashboard); met komma's of herhaald.")] = None,
) -> None:
    """Meet elke snelle route (opstarten, zoeken, openen, rekensom, PDF, import, dashboard, geheugen)."""
    from benchmarks.data import default_cache_dir
    from benchmarks.report import render
    from benchmarks.run import FIGURE_KEYS, Options, Sizes, bench, unknown_words

    if load and backend is BackendChoice.SQLITE:
        raise typer.BadParameter("de belastingtest draait op PostgreSQL: kies --backend postgres of both",
                                 param_hint="--load")
    chosen = tuple(part.strip() for word in only or () for part in word.split(",") if part.strip())
    unknown = unknown_words(chosen)
    if unknown:
        raise typer.BadParameter(f"onbekend cijfer: {', '.join(unknown)} (bekend: {', '.join(FIGURE_KEYS)})",
                                 param_hint="--only")
    if quick:
        sizes = Sizes.quick(households, contacts)
    else:
        sizes = Sizes(households=households or Sizes.households, contacts=contacts or Sizes.contacts)
    backends = ("sqlite", "postgres") if backend is BackendChoice.BOTH else (backend.value,)
    options = Options(sizes=sizes, backends=backends, postgres_url=postgres_url,
                      workdir=(workdir or default_cache_dir()).resolve(), seed=seed, load=load, quick=quick,
                      only=chosen)
    # A stopped run (kill, timeout) still drops its PostgreSQL schema: SIGTERM unwinds like Ctrl+C.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    result = bench(options)
    typer.echo(render(result))
    if json_file is not None:
        json_file.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        typer.echo(f"JSON: {json_file}")


def register(app: typer.Typer) -> None:
    app.command("bench")(bench_command)
