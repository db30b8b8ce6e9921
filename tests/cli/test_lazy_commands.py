"""The root command imports only Typer and its own small modules; each group is loaded when it runs (issue 18)."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import typer

from tui.cli.lazy import load_entry
from tui.cli.main import LAZY_COMMANDS, app

HEAVY = ("sqlalchemy", "sqlmodel", "fpdf", "fontTools", "textual", "alembic", "pydantic_settings", "storage.bootstrap")


def modules_after(arguments: list[str]) -> set[str]:
    script = (
        "import sys\n"
        "from tui.cli.main import app\n"
        "try:\n"
        f"    app(args={arguments!r}, prog_name='doorbraak')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(done.stderr.split())


def test_the_root_help_loads_no_database_pdf_or_ui_library() -> None:
    loaded = modules_after(["--help"])
    assert not [name for name in HEAVY if name in loaded]


def test_a_group_loads_its_own_module_and_not_the_others() -> None:
    loaded = modules_after(["audit", "--help"])
    assert "tui.cli.audit" in loaded
    assert not {"tui.cli.plan", "tui.cli.bench", "tui.cli.serve", "fpdf"} & loaded


def test_every_lazy_entry_loads_and_its_listed_help_is_the_commands_own() -> None:
    for entry in LAZY_COMMANDS:
        command = load_entry(entry)
        own = (command.help or "").strip().splitlines()[0]
        assert own == entry.help, f"{entry.name}: the root lists {entry.help!r}, the command says {own!r}"


def test_the_root_lists_every_command_once() -> None:
    root: Any = typer.main.get_command(app)
    names = list(root.commands)
    assert len(names) == len(set(names))
    assert {entry.name for entry in LAZY_COMMANDS} | {"demo", "seed"} == set(names)
