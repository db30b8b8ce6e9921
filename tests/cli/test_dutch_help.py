"""Click's and Typer's own texts in `doorbraak --help` and its usage errors are Dutch (tui/cli/locale)."""

from __future__ import annotations

import gettext
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from tui.cli.dutch import dutch
from tui.cli.main import app

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
    for text in ("Opties", "Opdrachten", "[omgevingsvariabele: DOORBRAAK_DATABASE_URL]"):
        assert text in result.stdout
    for english in ("Options", "Commands", "env var", "--install-completion"):
        assert english not in result.stdout


def test_an_unknown_command_is_named_in_dutch() -> None:
    result = _doorbraak("cse")
    assert result.returncode == 2
    assert "Onbekende opdracht 'cse'" in result.stderr and "voor hulp" in result.stderr
    assert "Traceback" not in result.stderr


# -- every command's help and the usual mistakes, through Typer's own copy of Click (tui/cli/dutch.py) --------

ENGLISH = re.compile(
    r"\b(Usage|Show this message|Options|Commands|Arguments|Missing|Did you mean|Invalid value|No such|"
    r"Possible options|unexpected extra|requires an? |does not take|Input should|Value error|is not one of|"
    r"is not a valid|does not exist|Repeat for|Error|Aborted|default:|required\]|env var)\b"
    r"|<(str|int|bool|float|path|int range|file)>|\[OPTIONS\]|COMMAND \[ARGS\]"
)


def _leaf_and_group_paths() -> list[tuple[str, ...]]:
    paths: list[tuple[str, ...]] = []

    def walk(command: Any, path: tuple[str, ...]) -> None:
        paths.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, (*path, name))

    root: Any = typer.main.get_command(app)
    root.load_all()  # the groups are imported lazily (tui/cli/lazy.py); walk them all
    walk(root, ())
    return paths


PATHS = _leaf_and_group_paths()


def _english_in(text: str) -> list[str]:
    return [m.group(0) for m in ENGLISH.finditer(text)]


def test_the_walk_finds_every_command() -> None:
    names = {" ".join(p) for p in PATHS}
    assert {"", "case", "case list", "audit onderteken", "backup", "plan export", "serve"} <= names
    assert len(PATHS) > 60


@pytest.mark.parametrize("path", PATHS, ids=[" ".join(p) or "doorbraak" for p in PATHS])
def test_every_help_page_is_dutch(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, [*path, "--help"], terminal_width=100, prog_name="doorbraak")
    assert result.exit_code == 0, result.output
    assert "Gebruik:" in result.output and "Toon deze hulp" in result.output
    assert _english_in(result.output) == [], result.output


MISTAKES = [
    (["case", "show"], "Het argument 'CASUS' ontbreekt."),
    (["cse"], "Onbekende opdracht 'cse'. Bedoelt u 'case'?"),
    (["case", "lst"], "Bedoelt u 'list'?"),
    (["case", "list", "--bogus"], "Onbekende optie: --bogus"),
    (["plan", "export", "DB-2026-000001", "--versie", "2"], "mogelijke opties"),
    (["case", "list", "extra"], "Onverwacht extra argument: extra"),
    (["case", "list", "--zoek"], "De optie '--zoek' heeft een waarde nodig."),
    (["case", "list", "--json=ja"], "De optie '--json' neemt geen waarde."),
    (["case", "list", "--limit", "veel"], "Ongeldige waarde voor '--limit': geef een geheel getal"),
    (["case", "list", "--limit", "5000"], "ten hoogste 1000"),
    (["case", "list", "--offset", "-1"], "ten minste 0"),
    (["case", "list", "--status", "klaar"], "'klaar' kan niet; kies uit 'aangemeld'"),
    (["audit", "onderteken"], "De optie '--sleutel' ontbreekt."),
]


@pytest.mark.parametrize(("arguments", "expected"), MISTAKES, ids=[" ".join(a) for a, _ in MISTAKES])
def test_usual_mistakes_are_answered_in_dutch(arguments: list[str], expected: str) -> None:
    result = CliRunner().invoke(app, arguments, terminal_width=200, prog_name="doorbraak")
    assert result.exit_code == 2, result.output
    flat = " ".join(result.output.split())
    assert expected in flat, flat
    assert _english_in(result.output) == [], result.output


def test_prompts_and_confirmations_are_dutch(tmp_path: Path) -> None:
    runner = CliRunner()
    keys = ["audit", "sleutelpaar", "--prive", str(tmp_path / "k.pem"), "--publiek", str(tmp_path / "k.pub")]
    result = runner.invoke(app, keys, input="een lang wachtwoord\nanders dan dat\neen lang wachtwoord\n"
                           "een lang wachtwoord\n")
    assert result.exit_code == 0, result.output
    assert "De twee ingevoerde waarden zijn niet gelijk." in result.output and "Herhaal het wachtwoord" in result.output
    database = tmp_path / "x.db"
    result = runner.invoke(app, ["--database", f"sqlite:///{database}", "restore", str(tmp_path / "k.pub")],
                           input="misschien\nnee\n")
    assert "[j/N]" in result.output and "Fout: antwoord j (ja) of n (nee)." in result.output
    assert result.exit_code == 1 and _english_in(result.output) == [], result.output


def test_the_dutch_table_translates_what_pydantic_and_click_say() -> None:
    assert dutch("Invalid value for '--x': Input should be a valid integer, unable to parse string as an integer") \
        == "Ongeldige waarde voor '--x': geef een geheel getal"
    assert dutch("File 'a.json' does not exist.") == "Bestand 'a.json' bestaat niet."
    assert dutch("Error: The value you entered was invalid.") == "Fout: De ingevoerde waarde is ongeldig."
    assert dutch("Al in het Nederlands.") == "Al in het Nederlands."


def test_the_serve_banner_is_dutch_and_its_log_shows_no_locals() -> None:
    import asyncio
    import logging

    from rich.console import Console
    from textual_serve.server import Server

    from tui.cli.serve import TEMPLATES, dutch_server

    server = dutch_server(Server)("true", host="127.0.0.1", port=8123, title="t", templates_path=TEMPLATES)
    server.console = Console(record=True, width=100)
    server.keep_spare = lambda: None  # no session process started ahead: this test reads the banner only
    asyncio.run(server.on_startup(None))
    banner = server.console.export_text()
    assert "oefenomgeving in de browser op http://127.0.0.1:8123" in banner and "Stoppen met Ctrl+C" in banner
    assert "Serving" not in banner and "Press" not in banner
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        root.handlers.clear()
        server.initialize_logging()
        assert all(not getattr(h, "tracebacks_show_locals", False) for h in root.handlers)
    finally:
        root.handlers[:] = before
