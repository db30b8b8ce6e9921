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
PACKAGES = ("domain", "storage", "tui")

EXCLUDED: tuple[str, ...] = (
    "tui/app.py",  # :72 self.DEFAULT_MODE = LOGIN, an intended instance override of a Textual ClassVar
)
"""Files whose mypy errors are tolerated for now: other branches were changing them when the checker was made
clean (see /work/notes/typing.md). The lead removes each entry after merging its fix; an entry without errors
fails this test, so the list only shrinks. mypy still checks these files (they are imported), hence a filter on
its output rather than --exclude, which would not hide them."""

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
    errors = list(ERROR.finditer(result.stdout))
    assert result.returncode == 0 or errors, f"mypy failed without reporting an error:\n{output}"
    paths = {m["path"].replace("\\", "/") for m in errors}
    unexpected = [line for line in result.stdout.splitlines()
                  if (m := ERROR.match(line)) and m["path"].replace("\\", "/") not in EXCLUDED]
    assert not unexpected, "mypy errors (fix the types, do not silence them):\n" + "\n".join(unexpected)
    fixed = [path for path in EXCLUDED if path not in paths]
    assert not fixed, f"mypy finds nothing in {fixed} any more: remove them from EXCLUDED in tests/test_typing.py"
