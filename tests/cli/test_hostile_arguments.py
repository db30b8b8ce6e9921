"""Every CLI command with hostile arguments (issue 14): no traceback, exit code 2, nothing written.

Runs the console script's entry (`run_guarded`, what `main()` calls) in-process, so the one error boundary of
tui/cli/errors.py is what is tested."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer

from tui.cli.errors import MAX_ARGUMENT, run_guarded
from tui.cli.main import app

SKIP = {("serve",), ("demo",)}  # open the app or a web server; their arguments are covered by the others


def leaf_commands() -> Iterator[tuple[tuple[str, ...], Any]]:
    def walk(command: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Any]]:
        if hasattr(command, "commands"):
            for name, sub in command.commands.items():
                yield from walk(sub, (*path, name))
        elif path not in SKIP:
            yield path, command
    root: Any = typer.main.get_command(app)
    root.load_all()  # the groups are imported lazily; walk them all
    yield from walk(root, ())


COMMANDS = list(leaf_commands())


def run(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as stopped:
        run_guarded(app, arguments)
    captured = capsys.readouterr()
    code = stopped.value.code
    return (code if isinstance(code, int) else 1), captured.out + captured.err


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DOORBRAAK_DATABASE_URL", f"sqlite:///{tmp_path / 'db' / 'h.db'}")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    (tmp_path / "db").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "nested.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "huge.json").write_text('{"format": "doorbraak-case", "versie": ' + "9" * 5000 + "}")
    return tmp_path


def test_every_command_is_covered() -> None:
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"case list", "case import", "case export", "privacy export", "register import", "seed",
            "mandaat add", "mandaat intrekken", "mandaat list", "plan beschikking", "precedent search"} <= names
    assert {"loket vraag", "loket status", "loket show", "loket list", "loket rapport", "loket ministeries",
            "plan export"} <= names


@pytest.mark.parametrize("wrong", [
    ["--max-bedrag", "veel"], ["--van", "gisteren"], ["--gemeente", "GM9999"], ["--afwijking", "privacy"],
    ["--tot", "2025-01-01"], ["--verleend-door", "x" * 300],
])
def test_a_hostile_mandate_is_refused_and_nothing_is_registered(
    wrong: list[str], files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = {"--gemeente": "GM0344", "--max-bedrag": "1000", "--van": "2026-01-01", "--tot": "2026-12-31",
            "--verleend-door": "College van B en W van Utrecht"}
    good[wrong[0]] = wrong[1]
    code, text = run(["mandaat", "add", "s.dewit", "--naam", "Sanne de Wit",
                      *(part for pair in good.items() for part in pair)], capsys)
    assert code == 2 and "Traceback" not in text and "Fout:" in text, text
    code, text = run(["mandaat", "list"], capsys)
    assert code == 0 and "Het mandaatregister is leeg." in text
    code, text = run(["mandaat", "intrekken", "M-x", "--reden", "x"], capsys)
    assert code == 2 and "geen mandaatnummer" in text


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_hostile_arguments_exit_2_without_traceback_or_writing(
    path: tuple[str, ...], command: Any, files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = [p for p in command.params if type(p).__name__.endswith("Argument")]
    output = next((p for p in command.params if "--output" in getattr(p, "opts", [])), None)
    attempts: list[list[str]] = [[*path, "A" * (MAX_ARGUMENT + 1)]]  # over-long
    if output is not None:
        filler = ["DB-2026-000001"] * len(arguments)
        attempts.append([*path, *filler, "--output", str(files / "ontbreekt" / "x.json")])  # into a missing folder
        attempts.append([*path, *filler, "--output", str(files / "out")])  # onto a directory
    for kind in ("nested.json", "huge.json"):
        if path[-1] == "import":  # the commands that read a file someone gave them
            attempts.append([*path, str(files / kind)])
    for attempt in attempts:
        code, text = run(attempt, capsys)
        assert "Traceback" not in text, (attempt, text)
        assert code == 2, (attempt[:4], code, text[-300:])
        assert text.strip().startswith(("Fout", "Usage", "Gebruik", "Error")) or "Fout" in text, text
    assert list((files / "out").iterdir()) == []
    assert not (files / "ontbreekt").exists()
