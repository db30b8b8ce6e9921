"""SIGKILL the process in the middle of saves; every acknowledged save must survive, the file stay intact.

Runs a few rounds in the normal suite; `DOORBRAAK_CRASH_RUNS=200 pytest tests/storage/test_crash.py`
is the long version.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNS = int(os.environ.get("DOORBRAAK_CRASH_RUNS", "2"))


@pytest.mark.parametrize("run", range(RUNS))
def test_sigkill_during_saves_loses_no_acknowledged_save(tmp_path: Path, run: int) -> None:
    path = tmp_path / "crash.db"
    url = f"sqlite:///{path}"
    rng = random.Random(run)
    acknowledged: list[str] = []
    for round_ in range(3):  # several kills on the same file, so recovery itself is exercised
        child = subprocess.Popen(
            [sys.executable, str(ROOT / "tests/storage/crash_writer.py"), url],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert child.stdout is not None
        # Wait for the first acknowledged save, then let it write a little longer and kill it.
        first = child.stdout.readline().strip()
        assert first, child.stderr.read() if child.stderr else "writer died"
        acknowledged.append(first)
        time.sleep(rng.uniform(0.05, 0.4))
        os.kill(child.pid, signal.SIGKILL)
        rest, _ = child.communicate()
        acknowledged.extend(line for line in rest.splitlines() if line.strip())
        assert child.returncode == -signal.SIGKILL, f"round {round_}"

    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {row[0] for row in connection.execute("select case_number from household")}
        orphans = connection.execute(
            "select count(*) from member where household_id not in (select id from household)"
        ).fetchone()[0]
    missing = [number for number in acknowledged if number not in stored]
    assert not missing, f"{len(missing)} of {len(acknowledged)} acknowledged saves lost"
    assert orphans == 0
    assert len(acknowledged) > 3
