"""Start-up to first paint and peak memory, each in a fresh process (benchmarks.child), app vs bare app."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks.report import Result, Target
from benchmarks.stats import Timing

STARTUP = Target(ratio=1.5)
MEMORY = Target(p95_ms=200.0)
"""Peak RSS under 200 MB (the `p95` of one-per-run samples; unit MB)."""


def child(kind: str, url: str, audit_key: Path, *, session: bool = False, warm: int = 0) -> dict[str, Any]:
    command = [sys.executable, "-m", "benchmarks.child", kind, url, str(audit_key), f"--warm={warm}",
               *(["--session"] if session else [])]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"bench child {kind} failed: {done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def startup_and_memory(backend: str, url: str, audit_key: Path, runs: int) -> list[Result]:
    """`runs` fresh processes of each (alternating), each with `runs` warm start-ups after its cold one. The
    last app process also works a while as a user would, for the memory of a session. With several runs a
    first pair only warms the OS file cache (a second start of the day is the common one)."""
    if runs > 1:
        child("app", url, audit_key)
        child("bare", url, audit_key)
    app_runs: list[dict[str, Any]] = []
    bare_runs: list[dict[str, Any]] = []
    for index in range(runs):
        app_runs.append(child("app", url, audit_key, warm=runs, session=index == runs - 1))
        bare_runs.append(child("bare", url, audit_key, warm=runs))
    session = app_runs[-1]

    def warm(runs_: list[dict[str, Any]]) -> Timing:
        return Timing.of([seconds * 1000 for r in runs_ for seconds in r["warm"]])

    return [
        Result("startup.first_paint", "start-up to first paint (in process)", backend, warm(app_runs),
               warm(bare_runs), "bare Textual app + DataTable", STARTUP,
               note="from creating the app to the painted first page; imports done, database open"),
        Result("startup.process", "start-up of a fresh process", backend,
               Timing.of([r["painted"] * 1000 for r in app_runs]), Timing.of([r["painted"] * 1000 for r in bare_runs]),
               "bare Textual app + DataTable", STARTUP,
               note="imports, open + check the database, first page painted (bare: textual + raw driver)"
               if backend == "sqlite" else "to the login screen painted, ready to type in (every start on "
               "PostgreSQL is a login; the services open meanwhile); bare: textual + raw driver, first page"),
        *([Result("startup.after_login", "accepted login to first page (fresh process)", backend,
                  Timing.of([r["after_login"] * 1000 for r in app_runs]), None, "-", Target(),
                  note="the services opened while the login screen was up; no target (a person types meanwhile)")]
          if all(r.get("after_login") is not None for r in app_runs) else []),
        Result("memory.peak_rss", "peak memory (RSS) of a session", backend,
               Timing.of([session["rss_mb"]]), Timing.of([r["rss_mb"] for r in bare_runs]),
               "bare Textual app + DataTable", MEMORY, unit="MB",
               note="start, two filters, two households opened (VmHWM)"),
    ]
