"""Crash soak on demand: SIGKILL the writer (tests/storage/crash_writer.py) in the middle of saves, many times,
and count what was acknowledged and what was lost. The pytest version (tests/storage/test_crash.py) runs
a few rounds in CI; this prints the numbers for the closing note.

    .venv/bin/python benchmarks/crash_soak.py --runs 100 [--kills 3]

Each run uses a fresh SQLite file and kills the writer `--kills` times on it (so recovery is exercised),
then checks PRAGMA integrity_check, that every case number printed after COMMIT is stored, and that no
member row lost its household.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRITER = ROOT / "tests" / "storage" / "crash_writer.py"


def one_run(seed: int, kills: int, directory: Path) -> tuple[int, int, bool]:
    """(acknowledged, lost, intact) for one file."""
    path = directory / f"crash-{seed}.db"
    rng = random.Random(seed)
    acknowledged: list[str] = []
    for _ in range(kills):
        child = subprocess.Popen([sys.executable, str(WRITER), f"sqlite:///{path}"], cwd=ROOT, text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                 env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert child.stdout is not None
        first = child.stdout.readline().strip()
        if first:
            acknowledged.append(first)
        time.sleep(rng.uniform(0.05, 0.4))
        os.kill(child.pid, signal.SIGKILL)
        rest, _ = child.communicate()
        acknowledged.extend(line for line in rest.splitlines() if line.strip())
    with sqlite3.connect(path) as connection:
        intact = connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {row[0] for row in connection.execute("select case_number from household")}
        orphans = connection.execute(
            "select count(*) from member where household_id not in (select id from household)").fetchone()[0]
    lost = sum(1 for number in acknowledged if number not in stored)
    return len(acknowledged), lost, intact and orphans == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--kills", type=int, default=3, help="SIGKILLs per database file")
    args = parser.parse_args()
    totals = {"runs": 0, "kills": 0, "acknowledged": 0, "lost": 0, "damaged_files": 0}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="doorbraak-crash-") as tmp:
        for seed in range(args.runs):
            acknowledged, lost, intact = one_run(seed, args.kills, Path(tmp))
            totals["runs"] += 1
            totals["kills"] += args.kills
            totals["acknowledged"] += acknowledged
            totals["lost"] += lost
            totals["damaged_files"] += 0 if intact else 1
    totals["seconds"] = round(time.perf_counter() - started, 1)  # type: ignore[assignment]
    print(f"runs {totals['runs']}, SIGKILLs {totals['kills']}, acknowledged saves {totals['acknowledged']}, "
          f"lost {totals['lost']}, damaged files {totals['damaged_files']}")
    print(json.dumps(totals))
    return 0 if totals["lost"] == 0 and totals["damaged_files"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
