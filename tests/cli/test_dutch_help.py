"""Click's and Typer's own texts in `doorbraak --help` and its usage errors are Dutch (tui/cli/locale)."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

CATALOG = Path(__file__).resolve().parents[2] / "tui" / "cli" / "locale" / "nl" / "LC_MESSAGES"


def _doorbraak(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=60,
                          env={"PATH": "/usr/bin:/bin", "LANG": "en_US.UTF-8", "COLUMNS": "100"})


def test_the_compiled_catalog_is_the_po_file() -> None:
    with open(CATALOG / "messages.po", "rb") as source:
        catalog = read_po(source)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    assert compiled.getvalue() == (CATALOG / "messages.mo").read_bytes(), "recompile messages.mo from messages.po"


def test_help_panels_and_hints_are_dutch_whatever_the_users_language() -> None:
    result = _doorbraak("--help")
    assert result.returncode == 0, result.stderr
    for dutch in ("Opties", "Opdrachten", "[omgevingsvariabele: DOORBRAAK_DATABASE_URL]"):
        assert dutch in result.stdout
    for english in ("Options", "Commands", "env var", "--install-completion"):
        assert english not in result.stdout


def test_an_unknown_command_is_named_in_dutch() -> None:
    result = _doorbraak("cse")
    assert result.returncode == 2
    assert "Onbekende opdracht 'cse'" in result.stderr and "voor hulp" in result.stderr
    assert "Traceback" not in result.stderr
