"""The root command imports only Typer and its own small modules; each group is loaded when it runs (issue 18)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import typer

from storage.bootstrap import SAMPLE_DB
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


def modules_in_a_fresh_process(code: str, env: dict[str, str]) -> set[str]:
    done = subprocess.run([sys.executable, "-c", code + "\nprint('\\n'.join(sorted(sys.modules)), file=sys.stderr)\n"],
                          capture_output=True, text=True, env=env, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return set(done.stderr.split())


def sample_copy(tmp_path: Path) -> tuple[str, dict[str, str]]:
    database = tmp_path / "oefen.db"
    shutil.copyfile(SAMPLE_DB, database)
    return f"sqlite:///{database}", {**os.environ, "DOORBRAAK_AUDIT_KEY_FILE": str(tmp_path / "audit.key")}


NOT_FOR_CASE_SHOW = ("fpdf", "fontTools", "textual", "alembic", "pydantic_settings", "argon2", "babel",
                     "typer.rich_utils", "rich.markdown", "pygments", "tui.render.pdf", "storage.rls")


def test_case_show_json_imports_no_pdf_ui_migration_or_password_library(tmp_path: Path) -> None:
    url, env = sample_copy(tmp_path)
    code = (
        "import sys\n"
        "from tui.cli.main import app\n"
        "try:\n"
        f"    app(args=['-d', {url!r}, 'case', 'show', 'DB-2025-000001', '--json'], prog_name='doorbraak')\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
    )
    loaded = modules_in_a_fresh_process(code, env)
    assert "tui.cli.case" in loaded and "storage.raw_case" in loaded  # it did its work, with the raw reader
    assert not [name for name in (*NOT_FOR_CASE_SHOW, "sqlalchemy", "sqlmodel", "storage.bootstrap") if name in loaded]


NOT_BEFORE_FIRST_PAINT = ("fpdf", "fontTools", "alembic", "pydantic_settings", "argon2", "babel", "stdnum",
                          "phonenumbers", "tui.render.pdf", "tui.render.plan", "tui.render.dossier",
                          "tui.render.beschikking", "tui.screens.household_detail", "tui.screens.dashboard",
                          "tui.screens.plan_editor", "storage.plans", "storage.register")


def test_the_app_paints_its_case_list_without_exporters_or_other_screens(tmp_path: Path) -> None:
    url, env = sample_copy(tmp_path)
    code = (
        "import sys\n"
        "from storage.bootstrap import open_services\n"
        "from storage.settings import Settings\n"
        "from tui.app import smoke_test\n"
        f"services = open_services(Settings(database_url={url!r}, local_drafts=False))\n"
        "print(smoke_test(services))\n"
        "services.close()\n"
    )
    loaded = modules_in_a_fresh_process(code, env)
    assert "tui.screens.case_list" in loaded
    assert not [name for name in NOT_BEFORE_FIRST_PAINT if name in loaded]
