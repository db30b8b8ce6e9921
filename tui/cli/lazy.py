"""A Typer root whose command groups are imported only when they are run (or their own help is asked).

`doorbraak --help` and `doorbraak case show X` used to import every command module first — the PDF
renderer, fontTools, the bench, textual-serve, all services — before Click parsed a single argument. Here
each entry names the module that defines it and carries its one-line help, so the root's help is printed
from these lines and only the invoked group's module is imported.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

import typer
from typer import _click as click  # Typer 0.29 carries its own Click; the `click` package is not a dependency
from typer.core import TyperCommand, TyperGroup


@dataclass(frozen=True)
class LazyEntry:
    """`module` defines the command: an attribute `app` (a Typer group) or a `register(app)` function
    that adds the command `name` to a Typer app (for top-level commands such as `backup`)."""

    name: str
    module: str
    help: str


class _Placeholder(TyperCommand):
    """Stands in for a command in the root's help listing; never run."""


def load_entry(entry: LazyEntry) -> click.Command:
    module = importlib.import_module(entry.module)
    holder = typer.Typer()
    if hasattr(module, "app"):
        # As `add_typer` did: a group even when it has one command (get_command alone would collapse it).
        holder.add_typer(module.app, name=entry.name)
    else:
        module.register(holder)
    holder.callback()(lambda: None)  # a root with a callback stays a group, so its commands are found by name
    group: Any = typer.main.get_command(holder)
    command: click.Command = group.commands[entry.name]
    return command


class LazyTyperGroup(TyperGroup):
    """The root group: `lazy_entries` are added by `add_lazy`; each is loaded on first real use."""

    lazy_entries: dict[str, LazyEntry]

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.lazy_entries = {}
        self._listing = False

    def add_lazy(self, entry: LazyEntry) -> None:
        self.lazy_entries[entry.name] = entry
        self.commands[entry.name] = _Placeholder(entry.name, help=entry.help)

    def load(self, name: str) -> click.Command | None:
        command = self.commands.get(name)
        if isinstance(command, _Placeholder):
            command = load_entry(self.lazy_entries[name])
            self.commands[name] = command
        return command

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if self._listing:  # the root's own help: the one-line help suffices, nothing is imported
            return self.commands.get(cmd_name)
        return self.load(cmd_name)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False

    def load_all(self) -> None:
        """For tests and tools that walk every command (e.g. the hostile-argument test)."""
        for name in list(self.lazy_entries):
            self.load(name)
