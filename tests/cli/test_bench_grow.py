"""The bench's larger data sets are grown from a seeded one by copies (`benchmarks.data.grow`): every copy is a
whole household with its members, problems, plans and escalations, under a new valid case number."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import psycopg
import pytest

from benchmarks.backends import migrate_postgres
from benchmarks.data import PostgresExecutor, SqliteExecutor, copy_to_postgres, fresh_schema, grow, libpq_dsn
from storage.seed import seed_file

CASE_NUMBER = re.compile(r"^DB-\d{4}-\d{6}$")


def check_grown(rows: Callable[[str], list[tuple[Any, ...]]], households: int, factor: int,
                before: dict[str, int]) -> None:
    assert rows("SELECT count(*) FROM household")[0][0] == households * factor
    for table in ("member", "problem", "maatwerkplan", "plan_action", "escalation", "zrm_score"):
        assert rows(f"SELECT count(*) FROM {table}")[0][0] == before[table] * factor, table
    numbers = [r[0] for r in rows("SELECT case_number FROM household")]
    assert len(set(numbers)) == len(numbers) and all(CASE_NUMBER.match(n) for n in numbers)
    # The search text names the household's own number; children point into their own household.
    assert rows("SELECT count(*) FROM household WHERE search_text NOT LIKE '%' || lower(case_number) || '%'")[0][0] == 0
    assert rows("SELECT count(*) FROM problem p JOIN member m ON m.id = p.member_id "
                "WHERE m.household_id <> p.household_id")[0][0] == 0
    assert rows("SELECT count(*) FROM plan_action a JOIN maatwerkplan p ON p.id = a.plan_id "
                "JOIN household h ON h.id = p.household_id")[0][0] == before["plan_action"] * factor
    top = rows("SELECT max(last) FROM case_number_sequence")[0][0]
    assert top == max(int(n[-6:]) for n in numbers)


def counts(rows: Callable[[str], list[tuple[Any, ...]]]) -> dict[str, int]:
    tables = ("member", "problem", "maatwerkplan", "plan_action", "escalation", "zrm_score")
    return {t: rows(f"SELECT count(*) FROM {t}")[0][0] for t in tables}


def test_grow_on_sqlite_copies_whole_households(tmp_path: Path) -> None:
    path = tmp_path / "base.db"
    seed_file(path, households=25)
    with closing(sqlite3.connect(path)) as connection:
        rows = lambda sql: connection.execute(sql).fetchall()  # noqa: E731
        before = counts(rows)
        grow(SqliteExecutor(connection), 3)
        connection.commit()
        check_grown(rows, 25, 3, before)
        # The copies are found by the case list's trigram index (kept by the household triggers).
        copy = rows("SELECT case_number FROM household ORDER BY id DESC LIMIT 1")[0][0]
        found = rows(f"SELECT count(*) FROM household_fts WHERE household_fts MATCH '\"{copy.lower()}\"'")[0][0]
        assert found == 1


@pytest.mark.postgres
def test_grow_on_postgres_copies_whole_households(tmp_path: Path, postgres_url: str) -> None:
    path = tmp_path / "base.db"
    seed_file(path, households=20)
    with fresh_schema(postgres_url, prefix="grow") as schema:
        migrate_postgres(postgres_url, schema, tmp_path)
        copy_to_postgres(path, postgres_url, schema)
        with psycopg.connect(libpq_dsn(postgres_url), options=f"-csearch_path={schema},public") as connection:
            rows = lambda sql: connection.execute(sql).fetchall()  # type: ignore[arg-type]  # noqa: E731
            before = counts(rows)
            indexes = "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1"
            defined = rows(indexes)
            grow(PostgresExecutor(connection), 4)
            connection.commit()
            check_grown(rows, 20, 4, before)
            assert rows(indexes) == defined  # the secondary indexes dropped for the copies are back
            # New rows get ids after the copies.
            assert rows("SELECT nextval(pg_get_serial_sequence('household', 'id'))")[0][0] == 81
