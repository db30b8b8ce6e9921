"""The whole bench run: build or reuse the data, measure every figure on each back end, report."""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from benchmarks import data, db_paths, documents, outside, register, startup
from benchmarks.backends import Backend, migrate_postgres, postgres_backend, sqlite_backend
from benchmarks.report import Result, payload

T = TypeVar("T")


@dataclass(frozen=True)
class Sizes:
    """How much data and how many repetitions."""

    households: int = 100_000
    contacts: int = 100_000
    filters: int = 150
    opens: int = 60
    searches: int = 200
    dashboard_rounds: int = 1
    startups: int = 3
    rekensom_repeat: int = 2000
    pdf_repeat: int = 3
    load_users: int = 100
    load_ops: int = 10

    @classmethod
    def quick(cls, households: int | None = None, contacts: int | None = None) -> Sizes:
        return cls(households=households or 30, contacts=contacts or 200, filters=12, opens=5, searches=12,
                   dashboard_rounds=1, startups=1, rekensom_repeat=50, pdf_repeat=1, load_users=5, load_ops=4)


@dataclass
class Options:
    sizes: Sizes
    backends: tuple[str, ...]
    postgres_url: str
    workdir: Path
    seed: int = 2026
    load: bool = False
    quick: bool = False
    only: tuple[str, ...] = ()
    """Measure only the figures whose phase name contains one of these words (empty: all)."""
    log: Callable[[str], None] = field(default=lambda message: print(message, file=sys.stderr, flush=True))


@dataclass
class Run:
    options: Options
    results: list[Result] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)
    load: dict[str, Any] | None = None
    schema: str | None = None
    """The PostgreSQL schema of this run (dropped at its end)."""

    def phase(self, name: str, function: Callable[[], T]) -> T:
        self.options.log(f"  {name} ...")
        started = time.perf_counter()
        value = function()
        self.phases[name] = round(time.perf_counter() - started, 1)
        return value

    def add(self, name: str, function: Callable[[], list[Result] | Result]) -> None:
        if self.options.only and not any(word in name for word in self.options.only):
            return
        found = self.phase(name, function)
        self.results.extend(found if isinstance(found, list) else [found])


def measure_backend(run: Run, backend: Backend, raw_import: Backend, url: str, data_set: data.DataSet) -> None:
    sizes = run.options.sizes
    tag = backend.name
    run.add(f"{tag}: case list", lambda: db_paths.case_list(backend, sizes.filters))
    numbers = db_paths.case_numbers_with_plans(backend, sizes.opens)
    run.add(f"{tag}: open household and plan", lambda: db_paths.open_case(backend, numbers))
    run.add(f"{tag}: register import", lambda: register.register_import(
        backend, raw_import, data_set.register_csv, data_set.contacts))
    run.add(f"{tag}: register search", lambda: register.register_search(backend, sizes.searches))
    number = documents.make_large_plan(backend)
    run.add(f"{tag}: PDF export", lambda: documents.pdf_export(backend, number, sizes.pdf_repeat))
    run.add(f"{tag}: dashboard", lambda: db_paths.dashboard(backend, sizes.dashboard_rounds))
    run.add(f"{tag}: start-up and memory", lambda: startup.startup_and_memory(
        tag, url, run.options.workdir / "audit.key", sizes.startups))


def sqlite_run(run: Run, data_set: data.DataSet, scratch: Path) -> None:
    path = data.working_copy(data_set, scratch / "bench.db")
    raw_path = scratch / "raw-import.db"
    with sqlite_backend(raw_path, run.options.workdir) as raw_import, sqlite_backend(path, run.options.workdir) as b:
        measure_backend(run, b, raw_import, f"sqlite:///{path}", data_set)
        number = db_paths.case_numbers_with_plans(b, 1)[0]
    run.add("start-up seen from outside (CLI and terminal)", lambda: outside.cli_and_tui(
        path, number, run.options.sizes.startups, scratch, run.options.workdir / "audit.key"))


def postgres_run(run: Run, data_set: data.DataSet) -> None:
    url = run.options.postgres_url
    with data.fresh_schema(url) as schema:
        run.schema = schema
        migrate_postgres(url, schema, run.options.workdir)
        copied = run.phase("postgres: copy the data (COPY)", lambda: data.copy_to_postgres(
            data_set.households_db, url, schema))
        run.options.log(f"    {sum(copied.values()):,} rows in {len(copied)} tables")
        with postgres_backend(url, schema, run.options.workdir) as backend:
            measure_backend(run, backend, backend, data.schema_url(url, schema), data_set)
            if run.options.load:
                from benchmarks.load import run_load

                sizes = run.options.sizes
                run.load = run.phase("postgres: load test", lambda: run_load(
                    backend.db, data.schema_url(url, schema), users=sizes.load_users, ops=sizes.load_ops))


@contextmanager
def scratch_dir(workdir: Path) -> Iterator[Path]:
    workdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="run-", dir=workdir) as scratch:
        yield Path(scratch)


def bench(options: Options) -> dict[str, Any]:
    started = time.perf_counter()
    load_before = os.getloadavg()
    sizes = options.sizes
    data_set = data.DataSet(sizes.households, sizes.contacts, options.seed, options.workdir)
    options.log(f"data: {sizes.households:,} households, {sizes.contacts:,} register contacts ({data_set.key})")
    run = Run(options)
    cached, built = run.phase("build or reuse the data",
                              lambda: data.ensure_built(data_set, progress=not options.quick))
    options.log("    cached" if cached else f"    built in {built:.0f} s (cached for the next run)")
    from benchmarks.documents import rekensom

    run.add("rekensom", lambda: rekensom(sizes.rekensom_repeat))
    with scratch_dir(options.workdir) as scratch:
        if "sqlite" in options.backends:
            sqlite_run(run, data_set, scratch)
        if "postgres" in options.backends:
            postgres_run(run, data_set)
    meta = {
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "households": sizes.households,
        "contacts": sizes.contacts,
        "seed": options.seed,
        "quick": options.quick,
        "backends": list(options.backends),
        "data_key": data_set.key,
        "postgres_schema": run.schema,
        "data_cached": cached,
        "data_build_seconds": round(built, 1),
        "total_seconds": round(time.perf_counter() - started, 1),
        "phases_seconds": run.phases,
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
    }
    return payload(meta, run.results, run.load)
