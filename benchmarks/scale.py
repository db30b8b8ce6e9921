"""The scale figure: the paged reads and the dashboard on PostgreSQL at 10,000, 100,000 and 1,000,000 households.

    nice .venv/bin/python -m benchmarks.scale --sizes 10000,100000,1000000 --json scale.json

Each size is a PostgreSQL database built once and cached (`doorbraak_bench_<data key>`): the seeded 10,000
households (`storage.seed.seed_file`) copied in by COPY and grown in SQL (`benchmarks.data.grow`: whole
households with renumbered keys and case numbers) to the size. A run measures in a copy of that database
(`CREATE DATABASE … TEMPLATE`, dropped afterwards), so the cache never holds a run's audit records. The figures
are those of `doorbraak bench` (benchmarks/db_paths.py), each against the same raw-SQL baseline; the dashboard
for the three largest municipalities (at a million households one dashboard covers ~200,000 of them).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg

from benchmarks import data, db_paths, raw_sql
from benchmarks.backends import Backend, migrate_postgres, postgres_backend
from benchmarks.report import Result
from benchmarks.stats import paired
from domain.services import dashboard as dashboard_service

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SCHEMA = "bench"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _database_url(url: str, database: str) -> str:
    return url.rsplit("/", 1)[0] + f"/{database}"


def _admin(url: str) -> psycopg.Connection[Any]:
    return psycopg.connect(data.libpq_dsn(url), autocommit=True)


def cache_database(data_set: data.DataSet) -> str:
    return f"doorbraak_bench_{data_set.key.replace('-', '_')}"


def ensure_cached(url: str, data_set: data.DataSet, workdir: Path) -> tuple[str, float]:
    """The cache database of this size (built when missing); returns its name and the seconds spent building."""
    name = cache_database(data_set)
    with _admin(url) as admin:
        if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            with psycopg.connect(data.libpq_dsn(_database_url(url, name))) as check:
                complete = check.execute("SELECT to_regclass('public.bench_complete') IS NOT NULL").fetchone()
            if complete and complete[0]:
                return name, 0.0
            admin.execute(f'DROP DATABASE "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    started = time.perf_counter()
    base = data_set.base
    data.ensure_built(base, progress=False)
    target = _database_url(url, name)
    with psycopg.connect(data.libpq_dsn(target), autocommit=True) as connection:
        connection.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
        connection.execute("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public")
        connection.execute(f'CREATE SCHEMA "{SCHEMA}"')
    migrate_postgres(target, SCHEMA, workdir)
    copied = data.copy_to_postgres(base.households_db, target, SCHEMA)
    log(f"    {sum(copied.values()):,} rows copied in {time.perf_counter() - started:.0f} s")
    factor = data_set.households // base.households
    with psycopg.connect(data.libpq_dsn(target), options=f"-csearch_path={SCHEMA},public") as connection:
        connection.execute("SET session_replication_role = replica")  # the items are rebuilt below, at once
        grown = data.grow(data.PostgresExecutor(connection), factor)
        connection.commit()
    if grown:
        log(f"    grown x{factor}: {sum(grown.values()):,} rows in {time.perf_counter() - started:.0f} s")
        from sqlalchemy import create_engine

        from storage.dashboard_items import rebuild

        engine = create_engine(data.schema_url(target, SCHEMA))
        with engine.begin() as items_connection:
            rebuild(items_connection)  # the dashboard's kept items of the copies (storage/dashboard_items.py)
        engine.dispose()
        log(f"    dashboard items kept: {time.perf_counter() - started:.0f} s")
    with psycopg.connect(data.libpq_dsn(target), autocommit=True) as connection:
        connection.execute(f"SET search_path = {SCHEMA}, public")
        connection.execute("VACUUM ANALYZE")
        connection.execute("CREATE TABLE public.bench_complete (key text NOT NULL)")
        connection.execute("INSERT INTO public.bench_complete VALUES (%s)", (data_set.key,))
    return name, time.perf_counter() - started


@contextmanager
def run_copy(url: str, cache: str) -> Iterator[str]:
    """A copy of the cache database to measure in (file copy), dropped afterwards."""
    name = f"doorbraak_bench_run_{uuid.uuid4().hex[:10]}"
    with _admin(url) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{cache}" STRATEGY FILE_COPY')
    try:
        yield _database_url(url, name)
    finally:
        with _admin(url) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def dashboards(backend: Backend, municipalities: int) -> Result:
    """The dashboard of the largest municipalities, against its raw GROUP BYs (as db_paths.dashboard)."""
    db = backend.db
    codes = [r[0] for r in backend.rows(
        "SELECT municipality_code FROM household GROUP BY municipality_code ORDER BY count(*) DESC, 1 LIMIT :n",
        {"n": municipalities})]
    backend.raw.commit()
    start, end = db_paths.PERIOD

    def service(code: str) -> Any:
        return dashboard_service.dashboard(code, start, end, db.uow(), db.actor, today=end)

    def raw(code: str) -> Any:
        return raw_sql.dashboard(backend, code, start, end, end)

    measured = paired(codes * 2, service, raw, warmup=1)
    return Result("dashboard.municipality", "dashboard of a municipality", backend.name, *measured,
                  "raw GROUP BYs (main figures)", db_paths.INTERACTION,
                  note=f"the {len(codes)} largest municipalities, twice")


def measure(url: str, workdir: Path, households: int, filters: int, opens: int) -> dict[str, Any]:
    data_set = data.data_set_for(households, min(households, 100_000), 2026, workdir)
    log(f"{households:,} households ({data_set.key})")
    cache, built = ensure_cached(url, data_set, workdir)
    log("    cached" if not built else f"    built in {built:.0f} s")
    load_before = os.getloadavg()
    results: list[Result] = []
    with run_copy(url, cache) as run_url, postgres_backend(run_url, SCHEMA, workdir) as backend:
        results += db_paths.case_list(backend, filters)
        results += db_paths.open_case(backend, db_paths.case_numbers_with_plans(backend, opens))
        results.append(dashboards(backend, 3))
    return {"households": households, "data_key": data_set.key, "build_seconds": round(built, 1),
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
            "results": [r.as_dict() for r in results]}


def table(runs: list[dict[str, Any]]) -> str:
    """p50 / p95 per size, the ratio against the baseline, and the growth of the p50 from the smallest size."""
    sizes = [run["households"] for run in runs]
    lines = ["| figure | " + " | ".join(f"{n:,}: p50 / p95 ms (ratio)" for n in sizes) + " | growth of p50 |",
             "|---|" + "---|" * (len(sizes) + 1)]
    keys = [r["key"] for r in runs[0]["results"]]
    for key in keys:
        cells, p50s = [], []
        for run in runs:
            found = next(r for r in run["results"] if r["key"] == key)
            p50s.append(found["measured"]["p50"])
            cells.append(f"{found['measured']['p50']:.1f} / {found['measured']['p95']:.1f} ({found['ratio']}x)")
        growth = " → ".join(f"{p / p50s[0]:.1f}x" for p in p50s)
        lines.append(f"| {key} | " + " | ".join(cells) + f" | {growth} |")
    loads = ", ".join(f"{run['households']:,}: {run['load_average_before'][0]}–{run['load_average_after'][0]}"
                      for run in runs)
    return "\n".join(lines) + f"\n\nload average (1 min) before–after: {loads}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--postgres-url", default=os.environ.get("DOORBRAAK_BENCH_POSTGRES_URL", DEFAULT_URL))
    parser.add_argument("--workdir", type=Path, default=data.default_cache_dir())
    parser.add_argument("--filters", type=int, default=150)
    parser.add_argument("--opens", type=int, default=60)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--build-only", action="store_true", help="build (or find) the cached databases only")
    args = parser.parse_args()
    runs: list[dict[str, Any]] = []
    for households in (int(n) for n in args.sizes.split(",")):
        if args.build_only:
            data_set = data.data_set_for(households, min(households, 100_000), 2026, args.workdir)
            _, built = ensure_cached(args.postgres_url, data_set, args.workdir)
            log(f"{households:,}: {'cached' if not built else f'built in {built:.0f} s'}")
            continue
        runs.append(measure(args.postgres_url, args.workdir, households, args.filters, args.opens))
        if args.json:
            args.json.write_text(json.dumps({"schema": 1, "runs": runs}, indent=2), encoding="utf-8")
    if runs:
        print(table(runs))


if __name__ == "__main__":
    main()
