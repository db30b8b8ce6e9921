"""Keyboard soak on demand: many seeds × many random keys through the app (benchmarks/keyboard_fuzz.py), with
slowed units of work. The pytest version (tests/tui/test_keyboard_fuzz.py) runs a short one in CI; this
prints the figure for the closing note.

    .venv/bin/python benchmarks/keyboard_soak.py --seeds 20 --keys 2000

Each seed runs on a fresh copy of a small seeded database, starting in the section or plan-editor step its
number picks; every 250 keys the run moves to the next start point. A run counts as crashed when the app
stopped, or when the error boundary caught anything, or when a background worker failed (the user saw the
generic message; `DoorbraakApp.report_error`). The failures are in the error log, without values.
Exit code 1 when any seed crashed or a section could not be opened afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.keyboard_fuzz import STALLS, START_POINTS, fuzz, reachable_everywhere  # noqa: E402
from storage.bootstrap import open_database  # noqa: E402
from storage.settings import Settings  # noqa: E402

CHUNK = 250


async def one_seed(path: Path, seed: int, keys: int) -> tuple[int, int, int, bool, list[str]]:
    """(keys sent, failures caught by the boundary, workers failed, still running, sections not reachable)."""
    from tui.app import DoorbraakApp

    db = open_database(Settings(database_url=f"sqlite:///{path}"))
    try:
        app = DoorbraakApp(db.services)
        app.expect_errors = True  # counted here, not re-raised
        sent = 0
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause(0.5)
            chunk = 0
            while sent < keys and app.is_running:
                start = START_POINTS[(seed + chunk) % len(START_POINTS)]
                result = await fuzz(pilot, seed=seed * 1000 + chunk, keys=min(CHUNK, keys - sent), start=start)
                sent += result.keys
                chunk += 1
            unreachable = await reachable_everywhere(pilot) if app.is_running else ["(app gestopt)"]
            return sent, app.unexpected_errors, app.worker_errors, app.is_running, unreachable
    finally:
        db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--keys", type=int, default=2000, help="keys per seed")
    parser.add_argument("--first-seed", type=int, default=1)
    args = parser.parse_args()

    from storage.seed import seed_file

    with tempfile.TemporaryDirectory(prefix="keyboard-soak-") as directory:
        os.environ["XDG_STATE_HOME"] = str(Path(directory) / "state")  # the error log of this run only
        template = Path(directory) / "template.db"
        seed_file(template, households=24, seed=2026, progress=False)
        total_keys = crashed = stopped = caught = failed_workers = 0
        began = time.perf_counter()
        for seed in range(args.first_seed, args.first_seed + args.seeds):
            copy = Path(directory) / f"seed-{seed}.db"
            shutil.copyfile(template, copy)
            sent, errors, workers, running, unreachable = asyncio.run(one_seed(copy, seed, args.keys))
            total_keys += sent
            stopped += not running
            caught += errors
            failed_workers += workers
            bad = errors > 0 or workers > 0 or not running or bool(unreachable)
            crashed += bad
            print(f"seed {seed}: {sent} keys, {errors} failures caught, {workers} workers failed, "
                  f"running={running}, unreachable={unreachable or '-'}", flush=True)
        log = Path(directory) / "state" / "doorbraak" / "log" / "doorbraak.log"
        if log.exists():
            print(log.read_text(encoding="utf-8")[-6000:])
        print(f"{args.seeds} seeds × {args.keys} keys = {total_keys} keys in {time.perf_counter() - began:.0f} s; "
              f"app stopped: {stopped}; failures caught by the boundary: {caught}; workers failed: "
              f"{failed_workers}; seeds with a failure: {crashed}; Pilot timeouts (busy machine, run went on): "
              f"{len(STALLS)}")
    return 1 if crashed else 0


if __name__ == "__main__":
    raise SystemExit(main())
