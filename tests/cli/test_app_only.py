"""`doorbraak` and `doorbraak -d URL` start the app without building Typer's command (tui/cli/main.py, issue 18);
every other command line goes through Typer as before."""

from __future__ import annotations

from tui.cli.main import app_only


def test_only_a_plain_start_skips_typer() -> None:
    assert app_only([]) == ""
    assert app_only(["-d", "sqlite:///x.db"]) == "sqlite:///x.db"
    assert app_only(["--database", "sqlite:///x.db"]) == "sqlite:///x.db"
    assert app_only(["--database=sqlite:///x.db"]) == "sqlite:///x.db"
    for given in (["--help"], ["-d"], ["-d", "sqlite:///x.db", "case", "list"], ["demo"], ["--versie"],
                  ["-d", "sqlite:///x.db", "--versie"], ["case", "show", "X"]):
        assert app_only(given) is None, given
