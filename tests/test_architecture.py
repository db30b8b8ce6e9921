"""Dependencies point inward: checked by import-linter, and headless modules never load Textual."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_linter_contracts_hold() -> None:
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(linter)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_headless_modules_do_not_load_textual() -> None:
    code = (
        "import sys, pkgutil, importlib\n"
        "import domain, storage\n"
        "for pkg in (domain, storage):\n"
        "    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if '.migrations' in info.name: continue\n"
        "        importlib.import_module(info.name)\n"
        "import tui.cli.main\n"
        "loaded = [m for m in ('textual', 'sqlalchemy') if m in sys.modules]\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "textual" not in result.stdout.split(","), "CLI and headless modules must not import Textual"


def test_ruff_finds_nothing() -> None:
    """The lint rules in pyproject.toml hold for the whole repository (run `ruff check --fix` for imports)."""
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run([str(ruff), "check", "--output-format", "concise", "."], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


# Screens and CLI commands take the bound `Services` from the bootstrap, never the `Database` behind it.


def test_screens_and_cli_do_not_import_the_database() -> None:
    importing = set()
    for path in sorted([*(ROOT / "tui" / "screens").glob("*.py"), *(ROOT / "tui" / "widgets").glob("*.py"),
                        *(ROOT / "tui" / "cli").glob("*.py"), ROOT / "tui" / "app.py"]):
        text = path.read_text(encoding="utf-8")
        if re.search(r"from storage\.bootstrap import [^\n]*\bDatabase\b", text):
            importing.add(path.relative_to(ROOT).as_posix())
    assert not importing, f"imports storage.bootstrap.Database: {sorted(importing)}"
