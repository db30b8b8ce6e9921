"""One factory for the `list`, `show` and `status` commands of the case workflows.

`doorbraak escalation` and `doorbraak overbrugging` offer the same three things: a page of items (as text
rows or JSON) under the common filters (case, states, paging) and their own, one item (text or JSON) and
the next step in its state machine. What differs is passed in: how to load, how to render, which states
and which extra filters exist. (No `from __future__ import annotations` here: Typer reads the option
types from the signatures of the commands built below, so they must be real objects.)
"""

import inspect
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

import typer

from domain.services.workflow import ChangeStatus, WorkflowService
from storage.bootstrap import Services
from tui.cli.common import open_cli, write_stdout
from tui.cli.parse import parse_date, parse_id

JsonOpt = Annotated[bool, typer.Option("--json", help="Uitvoer als JSON.")]
VersionOpt = Annotated[
    int | None,
    typer.Option("--versie", help="De versie die u heeft gezien; bij een andere versie wordt niets opgeslagen."),
]


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


@dataclass(frozen=True)
class ListFilters:
    """The filters every workflow list has; `extra` holds the values of the workflow's own options."""

    case_number: str | None
    statuses: frozenset[Any] | None
    offset: int
    limit: int
    extra: dict[str, Any]


def option(name: str, annotation: Any, default: Any = None) -> inspect.Parameter:
    """One extra option of a generated command (`annotation` is an `Annotated[..., typer.Option(...)]`)."""
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default)


@dataclass(frozen=True)
class WorkflowCommands:
    """The commands of one workflow's Typer group, built from its bound service (`services.escalations`):
    `list`, `show` and `status`, and the version the user saw for the group's own write commands."""

    app: typer.Typer
    service: Callable[[Services], WorkflowService[Any, Any, Any, Any]]
    id_help: str

    def version(self, services: Services, item_id: int, version: int | None) -> int:
        """The version the user saw (`--versie`), or the current one."""
        return version if version is not None else int(self.service(services).get(item_id).version)

    def add_list(
        self, *, states: type[StrEnum], help: str, extra: Sequence[inspect.Parameter],
        query: Callable[[ListFilters, date], Any], key: str, noun: str,
        row_json: Callable[[Any, date], dict[str, Any]], row_text: Callable[[Any, date], str],
    ) -> None:
        """`list [--casus] [--status ...] [extra options] [--limit] [--offset] [--json]`: `query(filters,
        today)` builds the workflow's query."""
        common = [
            option("case_number", Annotated[str | None, typer.Option("--casus", help="Alleen van deze casus.")]),
            option("statuses", Annotated[list[states] | None,  # type: ignore[valid-type]
                                         typer.Option("--status", help="Alleen deze status(sen).")]),
        ]
        paging = [
            option("limit", Annotated[int, typer.Option(min=1, max=1000, help="Hoeveel rijen.")], 50),
            option("offset", Annotated[int, typer.Option(min=0, help="Vanaf rij (paginering).")], 0),
            option("as_json", JsonOpt, False),
        ]

        def list_command(ctx: typer.Context, **values: Any) -> None:
            today = date.today()
            case_number, statuses = values.pop("case_number"), values.pop("statuses")
            as_json = values.pop("as_json")
            filters = ListFilters(case_number=case_number.strip().upper() if case_number else None,
                                  statuses=frozenset(statuses) if statuses else None, offset=values.pop("offset"),
                                  limit=values.pop("limit"), extra=values)
            with open_cli(ctx) as services:
                found = self.service(services).list(query(filters, today))
            write_page(found, key=key, noun=noun, as_json=as_json, row_json=lambda row: row_json(row, today),
                       row_text=lambda row: row_text(row, today))

        context = inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)
        list_command.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
            [context, *common, *extra, *paging], return_annotation=None
        )
        list_command.__doc__ = help
        self.app.command("list")(list_command)

    def add_show(self, *, help: str, to_json: Callable[[Any, date], dict[str, Any]],
                 to_text: Callable[[Any, date], str]) -> None:
        """`show ID [--json]`."""

        def show_command(
            ctx: typer.Context,
            item_id: Annotated[str, typer.Argument(metavar="ID", help=self.id_help)],
            as_json: JsonOpt = False,
        ) -> None:
            today = date.today()
            with open_cli(ctx) as services:
                item = self.service(services).get(parse_id(item_id))
            write_stdout(json.dumps(to_json(item, today), ensure_ascii=False, indent=2) if as_json
                         else to_text(item, today))

        show_command.__doc__ = help
        self.app.command("show")(show_command)

    def add_status(self, *, states: type[StrEnum], help: str, status_help: str, note_help: str, date_help: str,
                   done: Callable[[Any], None]) -> None:
        """`status ID STATUS [--datum] [--toelichting] [--versie]`; `done` tells what happened."""

        def status_command(
            ctx: typer.Context,
            item_id: Annotated[str, typer.Argument(metavar="ID", help=self.id_help)],
            new_status: Annotated[states, typer.Argument(metavar="STATUS", help=status_help)],  # type: ignore[valid-type]
            on: Annotated[str | None, typer.Option("--datum", help=date_help)] = None,
            note: Annotated[str, typer.Option("--toelichting", help=note_help)] = "",
            version: VersionOpt = None,
        ) -> None:
            with open_cli(ctx) as services:
                number = parse_id(item_id)
                command = ChangeStatus(number, new_status, self.version(services, number, version),
                                       on=parse_date(on, "datum"), note=note)
                result = self.service(services).change_status(command)
            done(result)

        status_command.__doc__ = help
        self.app.command("status")(status_command)
