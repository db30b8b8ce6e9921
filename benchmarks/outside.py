"""Start-up as a person sees it, measured from outside the process (benchmarks/launch.py), app vs baseline:

- `doorbraak --help` against a bare Typer app's `--help` (benchmarks/bare_typer.py);
- `doorbraak case show X --json` against the bare Typer app reading the same case with `sqlite3`;
- the TUI from fork to the first case row on the pseudo-terminal against a bare Textual DataTable app showing
  the same first page (benchmarks/bare_tui.py); and Harlequin's start-up the same way when it is installed.
Runs alternate app and baseline, so both see the same load. Peak memory comes from wait4 (ru_maxrss).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.report import Result, Target
from benchmarks.stats import Timing

LAUNCH = Path(__file__).with_name("launch.py")
CASE_ROW = r"[A-Z]{2}-20[0-9]{2}-[0-9]{6}"
"""A case number on the screen: the first row of the case list has been painted."""
CLI_TARGET = Target(ratio=1.5)
CLI_MEMORY = Target(p95_ms=50.0)
"""Peak RSS of a CLI command below 50 MB (unit MB)."""
TUI_TARGET = Target(ratio=1.5)


PACKAGES = ("domain", "storage", "tui", "benchmarks")


def compile_bytecode() -> None:
    """Write the bytecode of doorbraak's own modules, as pip does when it installs the wheel. A checkout run
    with PYTHONDONTWRITEBYTECODE set (as CI and this machine do) would otherwise compile ~80 modules from
    source at every start — time no installed doorbraak spends, and the bare baselines have nothing to compile."""
    import compileall

    root = Path(__file__).resolve().parent.parent
    for package in PACKAGES:
        compileall.compile_dir(root / package, quiet=2)


def launch(mode: str, command: list[str], marker: str = "-", env: dict[str, str] | None = None) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-S", str(LAUNCH), mode, marker, *command], capture_output=True,
                          text=True, timeout=300, check=False, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"launch {command[:3]} failed: {done.stderr[-1000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    if result.get("exit"):
        raise RuntimeError(f"{command[:4]} exited with {result['exit']}: {done.stderr[-500:]}")
    return result


def _doorbraak() -> str:
    return str(Path(sys.executable).with_name("doorbraak"))


def _pairs(app: list[str], bare: list[str], runs: int, env: dict[str, str], mode: str = "exit", marker: str = "-"
           ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    if runs > 1:  # warm the OS file cache: the second start of the day is the common one
        launch(mode, app, marker, env)
        launch(mode, bare, marker, env)
    apps, bares = [], []
    for _ in range(runs):
        apps.append(launch(mode, app, marker, env))
        bares.append(launch(mode, bare, marker, env))
    return apps, bares


def _ms(runs: list[dict[str, Any]]) -> Timing:
    return Timing.of([r["seconds"] * 1000 for r in runs])


def _mb(runs: list[dict[str, Any]]) -> Timing:
    return Timing.of([r["rss_mb"] for r in runs])


def cli_and_tui(database: Path, case_number: str, runs: int, scratch: Path, audit_key: Path,
                wants: Callable[..., bool] = lambda *_: True) -> list[Result]:
    """`database` is a SQLite file; the app and the baselines each work on their own copy. `audit_key` is the
    key the data's audit chain was written with. `wants(*keys)`: whether `--only` selects these figures."""
    env = {**os.environ, "DOORBRAAK_AUDIT_KEY_FILE": str(audit_key)}
    app_db = scratch / "outside-app.db"
    bare_db = scratch / "outside-bare.db"
    for copy in (app_db, bare_db):
        shutil.copyfile(database, copy)
    url = f"sqlite:///{app_db}"
    python = sys.executable
    bare_typer = [python, str(Path(__file__).with_name("bare_typer.py"))]
    results: list[Result] = []

    if wants("cli.help", "cli.help_memory"):
        apps, bares = _pairs([_doorbraak(), "--help"], [*bare_typer, "--help"], runs, env)
        results.append(Result("cli.help", "doorbraak --help (fresh process)", "-", _ms(apps), _ms(bares),
                              "bare Typer app --help", CLI_TARGET, note="from fork to exit, measured outside"))
        results.append(Result("cli.help_memory", "peak memory of doorbraak --help", "-", _mb(apps), _mb(bares),
                              "bare Typer app --help", CLI_MEMORY, unit="MB"))
    if wants("cli.case_show", "cli.case_show_memory"):
        apps, bares = _pairs([_doorbraak(), "-d", url, "case", "show", case_number, "--json"],
                             [*bare_typer, "show", str(bare_db), case_number], runs, env)
        results.append(Result("cli.case_show", "case show X --json (fresh process)", "sqlite", _ms(apps),
                              _ms(bares), "bare Typer app + sqlite3, same rows + an audit row", CLI_TARGET,
                              note="household, members, problems, organisations and plans as JSON; the view "
                                   "audited"))
        results.append(Result("cli.case_show_memory", "peak memory of case show --json", "sqlite", _mb(apps),
                              _mb(bares), "bare Typer app + sqlite3", CLI_MEMORY, unit="MB"))
    if wants("startup.terminal"):
        apps, bares = _pairs([_doorbraak(), "-d", url], [python, "-m", "benchmarks.bare_tui", str(bare_db)], runs,
                             env, mode="pty", marker=CASE_ROW)
        results.append(Result("startup.terminal", "TUI start to first case row (pseudo-terminal)", "sqlite",
                              _ms(apps), _ms(bares), "bare Textual DataTable, same first page", TUI_TARGET,
                              note="from fork to the first case number written to the terminal, 120×36"))
    harlequin = shutil.which("harlequin")
    if harlequin and wants("startup.harlequin"):
        found = [launch("pty", [harlequin, str(bare_db)], "household") for _ in range(runs)]
        results.append(Result("startup.harlequin", "Harlequin start to its catalogue (pseudo-terminal)", "sqlite",
                              _ms(found), None, "-", note="for comparison only"))
    return results
