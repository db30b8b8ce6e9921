"""Bounded load test against the local PostgreSQL server (loopback only).

N simulated users run a realistic mix through the real services — filter the case list, open a case,
edit and save it — for a fixed number of operations each. Reports p50/p95 per operation and proves
that no update was lost: every household's final version equals 1 + the saves that were acknowledged,
and its content equals the last acknowledged save.

    .venv/bin/python benchmarks/load_pg.py --users 100 --ops 20 --households 2000 [--think-ms 1000]

`doorbraak bench --load` runs the same kind of test on the bench's 100,000 households with plans, with
"edit action" and "save plan" in the mix (benchmarks/load.py); this script stays for quick experiments.

Without think time all users hammer at once: on 2 cores with one Python process that measures queueing
for the CPU more than the database; --think-ms gives a more realistic office load.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import threading
import time
import uuid
from collections import defaultdict
from pathlib import Path

from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from domain.actors import Actor, Role  # noqa: E402
from domain.caselist import CaseListQuery  # noqa: E402
from domain.errors import StaleVersion  # noqa: E402
from domain.services import households as service  # noqa: E402
from domain.services.households import parse_draft
from storage.bootstrap import open_database  # noqa: E402
from storage.settings import Settings  # noqa: E402

OWNER = Actor(username="load", display_name="Load Test", role=Role.EIGENAAR)
WORDS = ["jansen", "bakker", "visser", "smit", "meijer", "vries", "bos", "mulder", "dekker", "huishouden"]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--ops", type=int, default=20, help="operations per user")
    parser.add_argument("--households", type=int, default=2000)
    parser.add_argument("--think-ms", type=int, default=0, help="random pause up to this long between operations")
    parser.add_argument("--hot", type=int, default=50, help="households that all users edit (contention)")
    args = parser.parse_args()

    schema = f"load_{uuid.uuid4().hex[:8]}"
    admin = create_engine(args.url)
    with admin.begin() as c:
        c.execute(text(f'CREATE SCHEMA "{schema}"'))
        c.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"))
    url = f"{args.url}?options=-csearch_path%3D{schema},public"
    try:
        settings = Settings(database_url=url)
        db = open_database(settings)
        db.engine.dispose()
        from sqlalchemy import create_engine as ce

        db.engine = ce(url, pool_size=min(args.users, 40), max_overflow=0, pool_timeout=60)
        db.__post_init__()
        db.logged_in = OWNER
        rng = random.Random(7)
        t0 = time.perf_counter()
        numbers = []
        for i in range(args.households):
            h = service.create_household(
                parse_draft({"name": f"Huishouden {rng.choice(WORDS).title()} {i}", "municipality_code": "GM0599",
                 "members": [{"name": f"Lid {i}", "date_of_birth": "1985-06-01"}]}),
                db.uow(), OWNER,
            )
            numbers.append(h.case_number)
        print(f"setup: {args.households} households in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
        hot = numbers[: args.hot]

        timings: dict[str, list[float]] = defaultdict(list)
        acknowledged: dict[str, list[tuple[int, str]]] = defaultdict(list)  # case -> (version, name)
        lock = threading.Lock()
        refused = 0
        errors: list[str] = []

        def user(uid: int) -> None:
            nonlocal refused
            r = random.Random(uid)
            actor = OWNER.model_copy(update={"username": f"user{uid}"})
            for _ in range(args.ops):
                if args.think_ms:
                    time.sleep(r.uniform(0, args.think_ms) / 1000)
                op = r.choices(["filter", "open", "edit"], weights=[4, 4, 2])[0]
                start = time.perf_counter()
                try:
                    if op == "filter":
                        service.list_cases(CaseListQuery(text=r.choice(WORDS)[:4]), db.uow(), actor)
                    elif op == "open":
                        service.get_household(r.choice(numbers), db.uow(), actor)
                    else:
                        number = r.choice(hot)
                        base = service.get_household(number, db.uow(), actor)
                        name = f"Huishouden bewerkt door {uid} {uuid.uuid4().hex[:6]}"
                        try:
                            saved = service.update_household(number,
                                parse_draft({"name": name, "municipality_code": "GM0599"}),
                                                             base.version, db.uow(), actor)
                            with lock:
                                acknowledged[number].append((saved.version, name))
                        except StaleVersion:
                            with lock:
                                refused += 1
                except Exception as exc:  # noqa: BLE001 - reported below
                    errors.append(f"{op}: {type(exc).__name__}: {exc}")
                with lock:
                    timings[op].append((time.perf_counter() - start) * 1000)

        threads = [threading.Thread(target=user, args=(u,)) for u in range(args.users)]
        t1 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t1

        lost = 0
        for number in hot:
            final = service.get_household(number, db.uow(), OWNER)
            saves = sorted(acknowledged.get(number, []))
            expected_version = 1 + len(saves)
            if final.version != expected_version or (saves and final.name != saves[-1][1]):
                lost += 1
        result = {
            "users": args.users,
            "operations": sum(len(v) for v in timings.values()),
            "wall_seconds": round(wall, 2),
            "per_operation_ms": {
                op: {"count": len(v), "p50": round(statistics.median(v), 1), "p95": round(percentile(v, 95), 1)}
                for op, v in sorted(timings.items())
            },
            "saves_acknowledged": sum(len(v) for v in acknowledged.values()),
            "saves_refused_stale": refused,
            "households_with_lost_updates": lost,
            "errors": errors[:5],
            "error_count": len(errors),
        }
        print(f"{'operation':<10} {'count':>6} {'p50 ms':>8} {'p95 ms':>8}")
        for op, row in result["per_operation_ms"].items():  # type: ignore[union-attr]
            print(f"{op:<10} {row['count']:>6} {row['p50']:>8} {row['p95']:>8}")
        print(f"acknowledged saves {result['saves_acknowledged']}, refused (stale) {refused}, "
              f"lost updates {lost}, errors {len(errors)}, wall {wall:.1f}s")
        print(json.dumps(result))
        db.close()
        return 0 if lost == 0 and not errors else 1
    finally:
        with admin.begin() as c:
            c.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    raise SystemExit(main())
