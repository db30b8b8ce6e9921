"""The type checker holds: mypy (configured in pyproject.toml, strict for domain.* and storage.*) finds nothing.

Among other things this checks that every Sql* repository and SqlUnitOfWork structurally satisfy the
protocols in domain/ports.py: a drift between a port and its SQL implementation fails here.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("domain", "storage", "tui", "benchmarks")

ERROR = re.compile(r"^(?P<path>[^:\s]+\.py):\d+: error: ", re.MULTILINE)


def test_mypy_finds_nothing() -> None:
    mypy = Path(sys.executable).with_name("mypy")
    # The cache (.mypy_cache, git-ignored) makes a rerun take seconds instead of ~45 s cold.
    result = subprocess.run(
        [str(mypy), "--no-pretty", "--no-color-output", "--no-error-summary", *PACKAGES],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode in (0, 1), f"mypy did not run (exit {result.returncode}):\n{output}"
    errors = [line for line in result.stdout.splitlines() if ERROR.match(line)]
    assert result.returncode == 0 or errors, f"mypy failed without reporting an error:\n{output}"
    assert not errors, "mypy errors (fix the types, do not silence them):\n" + "\n".join(errors)
