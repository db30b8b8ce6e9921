"""Click's and Typer's own texts in `doorbraak --help` and its usage errors are Dutch (tui/cli/locale)."""

from __future__ import annotations

import gettext
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

CATALOG = Path(__file__).resolve().parents[2] / "tui" / "cli" / "locale" / "nl" / "LC_MESSAGES"


def _doorbraak(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=60,
                          env={"PATH": "/usr/bin:/bin", "LANG": "en_US.UTF-8", "COLUMNS": "100"})


def test_the_compiled_catalog_holds_every_translation_of_the_po_file() -> None:
    with open(CATALOG / "messages.po", "rb") as source:
        catalog = read_po(source)
    with open(CATALOG / "messages.mo", "rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    checked = 0
    for message in catalog:
        if not message.id:
            continue  # the header
        if isinstance(message.id, tuple):
            assert translations.ngettext(*message.id, 1) == message.string[0]
            assert translations.ngettext(*message.id, 2) == message.string[1]
        else:
            assert translations.gettext(message.id) == message.string, "recompile messages.mo from messages.po"
        checked += 1
    assert checked >= 40


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
