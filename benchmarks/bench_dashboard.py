"""Time the dashboard service (every figure) and a drill-down page on a large database.

    .venv/bin/doorbraak seed --output /tmp/x.db --households 100000
    .venv/bin/python benchmarks/bench_dashboard.py --url sqlite:////tmp/x.db [--gemeente GM0363] [--runs 3]
    .venv/bin/python benchmarks/bench_dashboard.py --copy-to-postgres postgresql+psycopg://postgres@127.0.0.1/test \\
        --url sqlite:////tmp/x.db     # copies the SQLite data into a fresh PostgreSQL schema first, then times there

Prints seconds per run (the first run includes cold caches) and per figure; numbers, not pass/fail.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import uuid
from datetime import date
from pathlib import Path

from sqlalchemy import MetaData, create_engine, insert, select, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from domain.actors import Actor, Role  # noqa: E402
from domain.dashboard import Drill, Figure  # noqa: E402
from domain.services.dashboard import dashboard, dashboard_cases, dashboard_scope  # noqa: E402
from storage.bootstrap import open_database  # noqa: E402
from storage.settings import Settings  # noqa: E402

# A shared PostgreSQL database needs a login; the benchmark acts as a coordinator of every municipality.
COORDINATOR = Actor(username="bench", display_name="Benchmark", role=Role.COORDINATOR)


def copy_to_postgres(sqlite_url: str, pg_url: str) -> str:
    """Copy the dashboard's tables into a new schema (migrated by open_database); returns the schema's URL."""
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(pg_url)
    with admin.begin() as c:
        c.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    sep = "&" if "?" in pg_url else "?"
    url = f"{pg_url}{sep}options=-csearch_path%3D{schema},public"
    target = open_database(Settings(database_url=url, audit_key_file=Path("/tmp/bench-dashboard-audit.key")))
    source = create_engine(sqlite_url)
    meta = MetaData()
    meta.reflect(source)
    # The tables the dashboard reads (members, problems, ... are not needed and would only slow the copy).
    tables = ["household", "maatwerkplan", "plan_action", "plan_cost_line", "plan_evaluation", "overbrugging",
              "overbrugging_cost", "escalation"]
    pg_meta = MetaData()
    pg_meta.reflect(target.engine)
    started = time.perf_counter()
    with source.connect() as src, target.engine.begin() as dst:
        for name in tables:
            rows = src.execute(select(meta.tables[name])).mappings()
            batch: list[dict[str, object]] = []
            for row in rows:
                batch.append(dict(row))
                if len(batch) == 5000:
                    dst.execute(insert(pg_meta.tables[name]), batch)
                    batch = []
            if batch:
                dst.execute(insert(pg_meta.tables[name]), batch)
        dst.execute(text("ANALYZE"))
    print(f"copied to schema {schema} in {time.perf_counter() - started:.1f} s")
    target.close()
    return url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--copy-to-postgres", default=None)
    parser.add_argument("--gemeente", default="GM0363")
    parser.add_argument("--from", dest="start", default="2025-01-01")
    parser.add_argument("--to", dest="end", default="2026-10-31")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    url = copy_to_postgres(args.url, args.copy_to_postgres) if args.copy_to_postgres else args.url
    db = open_database(Settings(database_url=url, audit_key_file=Path("/tmp/bench-dashboard-audit.key")))
    start, end = date.fromisoformat(args.start), date.fromisoformat(args.end)
    households = db.engine.connect().execute(
        text("SELECT count(*) FROM household WHERE municipality_code = :c"), {"c": args.gemeente}
    ).scalar_one()
    print(f"{db.engine.dialect.name}: {args.gemeente} has {households} households")
    runs = []
    for _ in range(args.runs):
        t = time.perf_counter()
        d = dashboard(args.gemeente, start, end, db.uow(), COORDINATOR)
        runs.append(time.perf_counter() - t)
    print("dashboard (all figures), seconds per run:", " ".join(f"{r:.2f}" for r in runs),
          f"median {statistics.median(runs):.2f}")
    print(f"  caseload {d.caseload}, plans in force {d.rekensom.plans}, overdue actions {d.overdue_actions.total}, "
          f"zrm pairs {sum(r.n for r in d.quality_zrm)}")
    scope = dashboard_scope(args.gemeente, start, end)
    with db.uow() as uow:
        repo = uow.dashboard
        for figure in (Figure.CASELOAD_STATUS, Figure.PLANS_STEP, Figure.OVERDUE_ACTIONS, Figure.ESCALATIONS_STATUS):
            t = time.perf_counter()
            repo.counts(scope, figure)
            print(f"  {figure:<24} {time.perf_counter() - t:.3f} s")
        for name, call in (("lead_times", repo.lead_times), ("score_changes", repo.score_changes),
                           ("projected", repo.projected), ("realised", repo.realised)):
            t = time.perf_counter()
            call(scope)
            print(f"  {name:<24} {time.perf_counter() - t:.3f} s")
    t = time.perf_counter()
    page = dashboard_cases(args.gemeente, start, end, Drill(Figure.PLANS_STEP, "in_uitvoering"), db.uow(), COORDINATOR)
    print(f"drill-down page (plans.step/in_uitvoering, {page.total} households): {time.perf_counter() - t:.3f} s")
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
