"""Rules for the test suite itself.

- Test modules never import each other: shared helpers live in support modules (tests/builders.py, the
  `*_support.py` modules, tests/tui/data*.py) and fixtures in conftest.py.
- Every SVG snapshot belongs to a snapshot test. syrupy finds unused snapshots itself only when the suite
  runs in one process; under pytest-xdist (the default, see pyproject.toml) it skips that check.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
SNAPSHOTS = TESTS / "e2e" / "__snapshots__"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_test_module_imports_another() -> None:
    offenders = {
        f"{path.relative_to(TESTS.parent)} imports {module}"
        for path in TESTS.rglob("*.py")
        for module in imported_modules(path)
        if module.startswith("tests.") and module.rsplit(".", 1)[-1].startswith("test_")
    }
    assert not offenders, sorted(offenders)


def test_every_snapshot_belongs_to_a_test(request: pytest.FixtureRequest) -> None:
    collected = {(Path(str(item.path)).stem, item.name) for item in request.session.items}
    orphans: list[str] = []
    for svg in sorted(SNAPSHOTS.glob("*/*.svg")):
        module, name = svg.parent.name, svg.stem
        function = re.sub(r"\[.*\]$", "", name)
        source = TESTS / "e2e" / f"{module}.py"
        if not source.exists() or f"def {function}(" not in source.read_text(encoding="utf-8"):
            orphans.append(str(svg.relative_to(TESTS)))
        elif any(m == module and re.sub(r"\[.*\]$", "", n) == function for m, n in collected) and (
            (module, name) not in collected
        ):
            orphans.append(str(svg.relative_to(TESTS)))  # the test runs, but not with this parameter
    assert not orphans, f"snapshots without a test (delete them or run --snapshot-update): {orphans}"
