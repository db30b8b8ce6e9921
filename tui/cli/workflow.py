"""One factory for the `list` output and the `show` and `status` commands of the case workflows.

`doorbraak escalation` and `doorbraak overbrugging` offer the same three things: a page of items (as text
rows or JSON), one item (text or JSON) and the next step in its state machine. What differs is passed in:
how to load, how to render, which states exist. (No `from __future__ import annotations` here: Typer
reads the option types from the signatures of the commands built below, so they must be real objects.)
"""

import json
from collections.abc import Callable, Iterable
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Protocol

import typer

from domain.services.workflow import ChangeStatus
from storage.bootstrap import Services
from tui.cli.common import open_cli, write_stdout
from tui.cli.parse import parse_date, parse_id

JsonOpt = Annotated[bool, typer.Option("--json", help="Uitvoer als JSON.")]
VersionOpt = Annotated[
    int | None,
    typer.Option("--versie", help="De versie die u heeft gezien; bij een andere versie wordt niets opgeslagen."),
]


class Versioned(Protocol):
    @property
    def version(self) -> int: ...


def write_json(data: object) -> None:
    write_stdout(json.dumps(data, ensure_ascii=False, indent=2))


def write_page(
    page: Any, *, key: str, noun: str, as_json: bool, row_json: Callable[[Any], dict[str, Any]],
    row_text: Callable[[Any], str],
) -> None:
    """A page as JSON ({total, offset, limit, key: [...]}) or as text rows and "N van M <noun>"."""
    rows: Iterable[Any] = page.rows
    if as_json:
        write_json({"total": page.total, "offset": page.offset, "limit": page.limit,
                    key: [{**row.model_dump(mode="json"), "reference": row.reference, **row_json(row)}
                          for row in rows]})
        return
    for row in rows:
        write_stdout(row_text(row))
    write_stdout(f"{len(page.rows)} van {page.total} {noun}")


Get = Callable[[Services, int], Any]
"""Load one item through the services, e.g. `lambda services, i: services.escalations.get(i)`."""


def version_of(get: Get) -> Callable[[Services, int, int | None], int]:
    """The version the user saw (`--versie`), or the current one."""

    def current(services: Services, item_id: int, version: int | None) -> int:
        return version if version is not None else int(get(services, item_id).version)

    return current


def add_show_command(
    app: typer.Typer, *, id_help: str, help: str, get: Get,
    to_json: Callable[[Any, date], dict[str, Any]], to_text: Callable[[Any, date], str],
) -> None:
    def show_command(
        ctx: typer.Context,
        item_id: Annotated[str, typer.Argument(metavar="ID", help=id_help)],
        as_json: JsonOpt = False,
    ) -> None:
        today = date.today()
        with open_cli(ctx) as services:
            item = get(services, parse_id(item_id))
        write_stdout(json.dumps(to_json(item, today), ensure_ascii=False, indent=2) if as_json
                     else to_text(item, today))

    show_command.__doc__ = help
    app.command("show")(show_command)


def add_status_command(
    app: typer.Typer, *, states: type[StrEnum], id_help: str, help: str, status_help: str, note_help: str,
    date_help: str, get: Get, change: Callable[[Services, ChangeStatus[Any]], Any],
    done: Callable[[Any], None],
) -> None:
    """`status ID STATUS [--datum] [--toelichting] [--versie]`: `change(services, command)` runs the use case;
    `done` tells what happened."""
    current_version = version_of(get)

    def status_command(
        ctx: typer.Context,
        item_id: Annotated[str, typer.Argument(metavar="ID", help=id_help)],
        new_status: Annotated[states, typer.Argument(metavar="STATUS", help=status_help)],  # type: ignore[valid-type]
        on: Annotated[str | None, typer.Option("--datum", help=date_help)] = None,
        note: Annotated[str, typer.Option("--toelichting", help=note_help)] = "",
        version: VersionOpt = None,
    ) -> None:
        with open_cli(ctx) as services:
            number = parse_id(item_id)
            command = ChangeStatus(number, new_status, current_version(services, number, version),
                                   on=parse_date(on, "datum"), note=note)
            result = change(services, command)
        done(result)

    status_command.__doc__ = help
    app.command("status")(status_command)
