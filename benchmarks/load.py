"""Bounded loopback load test: N simulated users against PostgreSQL, a realistic mix, zero lost updates.

Every user runs a fixed number of operations through the real services (one Python process, one thread
per user, a pooled engine): search the register, filter the case list, open a case, edit an action of a
plan in execution, save a concept plan. Writes go to a small set of hot plans so that users collide.
Afterwards every hot plan must show exactly the acknowledged saves: version = start + saves, and the
content of the last acknowledged save. Loopback only (the URL's host is checked), bounded in operations.
"""

from __future__ import annotations

import random
import statistics
import threading
import time
import uuid
from collections import defaultdict
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from benchmarks.actor import OWNER
from benchmarks.stats import percentile
from domain.caselist import CaseListQuery
from domain.errors import StaleVersion
from domain.plan import ActionStatus
from domain.register import parse_query
from domain.services import households as household_service
from domain.services import plans as plan_service
from domain.services import register as register_service
from storage.bootstrap import Database

LOOPBACK = ("127.0.0.1", "localhost", "::1")
WORDS = ["jansen", "bakker", "visser", "smit", "meijer", "vries", "bos", "mulder", "dekker", "utrecht"]
REGISTER_WORDS = ["uwv", "belastingdienst", "cjib", "svb", "gemeente", "wijkteam", "schuldhulp", "woning", "duo"]
MIX = {"search_register": 3, "filter_cases": 2, "open_case": 3, "edit_action": 1, "save_plan": 1}


def check_loopback(url: str) -> None:
    host = make_url(url).host or "localhost"
    if host not in LOOPBACK:
        raise ValueError(f"the load test only runs against this machine (127.0.0.1), not {host}")


def _hot(db: Database, status: str, count: int) -> list[str]:
    from sqlalchemy import text

    with db.engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT h.case_number FROM household h JOIN maatwerkplan p ON p.household_id = h.id "
            "WHERE p.status = :s AND h.status <> 'afgesloten' AND p.plan_version = (SELECT max(plan_version) "
            "FROM maatwerkplan q WHERE q.household_id = h.id) AND EXISTS (SELECT 1 FROM plan_action a "
            "WHERE a.plan_id = p.id AND a.key = 'a1') ORDER BY h.id LIMIT :n"), {"s": status, "n": count}).all()
    return [str(r[0]) for r in rows]


def run_load(db: Database, url: str, *, users: int, ops: int, hot: int = 20, seed: int = 7) -> dict[str, Any]:
    """`db` is the bench's database on `url` (a schema URL); a separate pooled engine serves the users."""
    check_loopback(url)
    pooled = Database(settings=db.settings, engine=create_engine(url, pool_size=min(users, 40), max_overflow=0,
                                                                   pool_timeout=120))
    pooled.logged_in = OWNER
    try:
        return _run(pooled, users=users, ops=ops, hot=hot, seed=seed)
    finally:
        pooled.close()


def _run(db: Database, *, users: int, ops: int, hot: int, seed: int) -> dict[str, Any]:
    concepts = _hot(db, "concept", hot)
    executing = _hot(db, "in_uitvoering", hot)
    with db.engine.connect() as connection:
        from sqlalchemy import text

        numbers = [str(r[0]) for r in connection.execute(text("SELECT case_number FROM household ORDER BY id"))]
    start_versions = {n: plan_service.get_plan(n, db.uow(), OWNER).version for n in concepts + executing}
    timings: dict[str, list[float]] = defaultdict(list)
    acknowledged: dict[str, list[tuple[int, str]]] = defaultdict(list)
    lock = threading.Lock()
    refused = 0
    errors: list[str] = []

    def save_plan(rng: random.Random, uid: int) -> tuple[str, int, str] | None:
        number = rng.choice(concepts)
        plan = plan_service.get_plan(number, db.uow(), OWNER)
        marker = f"Bewerkt door gebruiker {uid} {uuid.uuid4().hex[:8]}"
        content = plan.model_dump(mode="json", include=set(plan.CONTENT_FIELDS))
        content["perspectief"] = marker
        saved = plan_service.update_plan(number, content, plan.version, db.uow(), OWNER)
        return number, saved.version, marker

    def edit_action(rng: random.Random, uid: int) -> tuple[str, int, str] | None:
        number = rng.choice(executing)
        plan = plan_service.get_plan(number, db.uow(), OWNER)
        marker = f"Notitie van gebruiker {uid} {uuid.uuid4().hex[:8]}"
        status = rng.choice([ActionStatus.OPEN, ActionStatus.BEZIG])
        saved = plan_service.set_action_status(number, "a1", status, plan.version, db.uow(), OWNER, note=marker)
        return number, saved.version, marker

    def user(uid: int) -> None:
        nonlocal refused
        rng = random.Random(seed * 1000 + uid)
        actor = OWNER.model_copy(update={"username": f"gebruiker{uid}"})
        for _ in range(ops):
            op = rng.choices(list(MIX), weights=list(MIX.values()))[0]
            started = time.perf_counter()
            try:
                if op == "search_register":
                    word = rng.choice(REGISTER_WORDS)
                    register_service.search_contacts(
                        parse_query({"text": word[: rng.randint(3, len(word))]}), db.uow(), actor)
                elif op == "filter_cases":
                    household_service.list_cases(CaseListQuery(text=rng.choice(WORDS)[:4]), db.uow(), actor)
                elif op == "open_case":
                    household_service.get_household(rng.choice(numbers), db.uow(), actor)
                else:
                    try:
                        done = (save_plan if op == "save_plan" else edit_action)(rng, uid)
                        if done is not None:
                            with lock:
                                acknowledged[done[0]].append((done[1], done[2]))
                    except StaleVersion:
                        with lock:
                            refused += 1
            except Exception as exc:  # noqa: BLE001 - counted and reported, never hidden
                with lock:
                    errors.append(f"{op}: {type(exc).__name__}: {exc}"[:300])
            with lock:
                timings[op].append((time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=user, args=(u,), daemon=True) for u in range(users)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=900)
    wall = time.perf_counter() - began

    lost = []
    for number, first in start_versions.items():
        plan = plan_service.get_plan(number, db.uow(), OWNER)
        saves = sorted(acknowledged.get(number, []))
        content = plan.perspectief if number in concepts else next(a.status_note for a in plan.actions if a.id == "a1")
        if plan.version != first + len(saves) or (saves and content != saves[-1][1]):
            lost.append(number)
    return {
        "users": users,
        "operations": sum(len(v) for v in timings.values()),
        "wall_seconds": round(wall, 1),
        "per_operation_ms": {
            op: {"count": len(v), "p50": round(statistics.median(v), 1), "p95": round(percentile(v, 0.95), 1)}
            for op, v in sorted(timings.items())
        },
        "hot_plans": len(start_versions),
        "saves_acknowledged": sum(len(v) for v in acknowledged.values()),
        "saves_refused_stale": refused,
        "lost_updates": len(lost),
        "errors": errors[:5],
        "error_count": len(errors),
    }
