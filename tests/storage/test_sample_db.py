"""The committed sample.db: at the migration head, fictional, one file, and exactly what the seed code writes now.

When the schema or the seed changes, these tests fail until sample.db is regenerated with
`.venv/bin/doorbraak seed --output sample.db` (run from the repository root) and committed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine

from storage.bootstrap import SAMPLE_DB
from storage.migrate import current_revisions, head_revisions
from storage.seed import (
    DEFAULT_HOUSEHOLDS,
    DEFAULT_SEED,
    REGENERATE_COMMAND,
    fictional_data_problems,
    logical_dump,
    seed_file,
)

HOW_TO_FIX = f"Regenerate it from the repository root with:  {REGENERATE_COMMAND}  and commit sample.db."


@pytest.fixture(scope="module")
def sample() -> Path:
    if not SAMPLE_DB.is_file():
        pytest.fail(f"sample.db is missing at {SAMPLE_DB}. {HOW_TO_FIX}")
    return SAMPLE_DB


def test_sample_db_is_at_the_migration_head(sample: Path) -> None:
    # Read-only and without the app's pragmas: the test must never switch the committed file to WAL.
    engine = create_engine(f"sqlite:///file:{sample}?mode=ro&uri=true")
    try:
        current = current_revisions(engine)
    finally:
        engine.dispose()
    if current != head_revisions():
        pytest.fail(
            f"sample.db has schema revision(s) {sorted(current)}, the code is at {sorted(head_revisions())}. "
            + HOW_TO_FIX
        )


def test_sample_db_equals_a_fresh_seed(sample: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh-sample.db"
    seed_file(fresh, households=DEFAULT_HOUSEHOLDS, seed=DEFAULT_SEED)
    expected = logical_dump(fresh)
    found = logical_dump(sample)
    if found != expected:
        differing = sorted(name for name in expected.keys() | found.keys() if expected.get(name) != found.get(name))
        tables = ", ".join(differing)
        pytest.fail(f"sample.db differs from what the seed code writes now (tables: {tables}). {HOW_TO_FIX}")


def test_sample_db_is_one_self_contained_file(sample: Path) -> None:
    header = sample.read_bytes()[:20]
    assert header[:16] == b"SQLite format 3\x00"
    assert header[18:20] == b"\x01\x01", f"sample.db is in WAL mode. {HOW_TO_FIX}"
    for suffix in ("-wal", "-shm", "-journal"):
        assert not Path(f"{sample}{suffix}").exists(), f"a stray {sample.name}{suffix} lies next to sample.db"


def test_sample_db_holds_only_fictional_data(sample: Path) -> None:
    assert fictional_data_problems(sample) == []
