"""`doorbraak` and `doorbraak -d URL` start the app without building Typer's command (tui/cli/main.py, issue 18);
every other command line goes through Typer as before."""

from __future__ import annotations

import os
import sys
import termios
from pathlib import Path

import pytest

from tui.cli.main import app_only, quiet_terminal


def test_only_a_plain_start_skips_typer() -> None:
    assert app_only([]) == ""
    assert app_only(["-d", "sqlite:///x.db"]) == "sqlite:///x.db"
    assert app_only(["--database", "sqlite:///x.db"]) == "sqlite:///x.db"
    assert app_only(["--database=sqlite:///x.db"]) == "sqlite:///x.db"
    for given in (["--help"], ["-d"], ["-d", "sqlite:///x.db", "case", "list"], ["demo"], ["--versie"],
                  ["-d", "sqlite:///x.db", "--versie"], ["case", "show", "X"]):
        assert app_only(given) is None, given


def test_the_terminal_does_not_echo_what_is_typed_while_the_app_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    """A username, Enter and a password typed before the app takes the terminal were echoed by the terminal
    into the shell, readable after the app ended; the echo is off until then and back afterwards."""
    main_pty, terminal = os.openpty()
    try:
        with os.fdopen(os.dup(terminal), "r") as stdin:
            monkeypatch.setattr(sys, "stdin", stdin)
            assert termios.tcgetattr(terminal)[3] & termios.ECHO
            restore = quiet_terminal()
            assert not termios.tcgetattr(terminal)[3] & termios.ECHO
            os.write(main_pty, b"avries\rgeheim\r")  # typed ahead: kept for the app, not printed
            os.set_blocking(main_pty, False)
            with pytest.raises(BlockingIOError):  # the terminal wrote nothing back (no echo)
                os.read(main_pty, 100)
            restore()
            assert termios.tcgetattr(terminal)[3] & termios.ECHO
            assert os.read(terminal, 100) == b"avries\n"  # cooked mode: a line at a time, Enter as a newline
    finally:
        os.close(main_pty)
        os.close(terminal)


def test_no_terminal_nothing_changes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with (tmp_path / "in").open("w+") as stdin:
        monkeypatch.setattr(sys, "stdin", stdin)
        quiet_terminal()()  # neither raises
