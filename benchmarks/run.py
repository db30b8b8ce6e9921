"""The whole bench run: build or reuse the data, measure every figure on each back end, report."""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from benchmarks import data, db_paths, documents, outside, register, startup
from benchmarks.backends import Backend, migrate_postgres, postgres_backend, sqlite_backend
from benchmarks.report import BaselineCache, Result, payload

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
    startups: int = 7
    rekensom_repeat: int = 2000
    pdf_repeat: int = 3
    pdf_scale: int = documents.PLAN_SCALE
    load_users: int = 100
    load_ops: int = 10

    @classmethod
    def quick(cls, households: int | None = None, contacts: int | None = None) -> Sizes:
        return cls(households=households or 30, contacts=contacts or 200, filters=12, opens=5, searches=12,
                   dashboard_rounds=1, startups=1, rekensom_repeat=50, pdf_repeat=1, pdf_scale=1, load_users=5,
                   load_ops=4)


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
    """Measure only these figures (empty: all): a word is a figure key or its dotted prefix (`cli`,
    `startup.terminal`, `case_list`), or a word of the measuring phase's name (`dashboard`, `postgres`)."""
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

    def wants(self, *keys: str, phase: str = "") -> bool:
        """Whether `--only` selects any of these figure keys, or names the phase (everything without it)."""
        return selected(self.options.only, keys) or any(word in phase for word in self.options.only)

    def add(self, name: str, function: Callable[[], list[Result] | Result], keys: tuple[str, ...]) -> None:
        """Run the phase `name` when `--only` selects one of the figure `keys` it measures or names it."""
        if not self.wants(*keys, phase=name):
            return
        before = os.getloadavg()[0]
        found = self.phase(name, function)
        load = (round(before, 2), round(os.getloadavg()[0], 2))
        self.results.extend(replace(r, load_average=load) for r in (found if isinstance(found, list) else [found])
                            if self.wants(r.key, phase=name))


def selected(only: tuple[str, ...], keys: tuple[str, ...]) -> bool:
    """`only` holds figure keys or their dotted prefixes: `cli` selects `cli.help` and `cli.case_show`."""
    return not only or any(key == part or key.startswith(f"{part}.") for part in only for key in keys)


DATABASE_PHASES = ("case list", "open household and plan", "register import", "register search", "PDF export",
                   "dashboard", "start-up and memory")
"""The phases measure_backend runs on each back end."""

PHASE_WORDS = ("sqlite", "postgres", "rekensom", *DATABASE_PHASES, "start-up seen from outside (CLI and terminal)")
"""What the measuring phases are called (`--only` may name a word of these too)."""


def unknown_words(only: tuple[str, ...]) -> list[str]:
    """Words of `--only` that select no figure and name no phase."""
    return [word for word in only
            if not selected((word,), FIGURE_KEYS) and not any(word in phase for phase in PHASE_WORDS)]


STARTUP_KEYS = ("startup.first_paint", "startup.process", "startup.after_login", "memory.peak_rss")
OUTSIDE_KEYS = ("cli.help", "cli.help_memory", "cli.case_show", "cli.case_show_memory", "startup.terminal",
                "startup.harlequin")
FIGURE_KEYS = ("rekensom.calculate", "case_list.first_page", "case_list.filter", "household.open", "plan.open",
               "register.import", "register.search", "plan.pdf", "dashboard.municipality", *STARTUP_KEYS,
               *OUTSIDE_KEYS)
"""Every figure the bench knows (what `--only` can select)."""


def measure_backend(run: Run, backend: Backend, raw_import: Backend, url: str, data_set: data.DataSet) -> None:
    sizes = run.options.sizes
    tag = backend.name
    run.add(f"{tag}: case list", lambda: db_paths.case_list(backend, sizes.filters),
            ("case_list.first_page", "case_list.filter"))
    run.add(f"{tag}: open household and plan", lambda: db_paths.open_case(
        backend, db_paths.case_numbers_with_plans(backend, sizes.opens)), ("household.open", "plan.open"))
    # The search needs the imported register: `--only register.search` runs the import too (not reported).
    run.add(f"{tag}: register import", lambda: register.register_import(
        backend, raw_import, data_set.register_csv, data_set.contacts), ("register.import", "register.search"))
    run.add(f"{tag}: register search", lambda: register.register_search(backend, sizes.searches),
            ("register.search",))
    run.add(f"{tag}: PDF export", lambda: documents.pdf_export(backend, sizes.pdf_repeat, sizes.pdf_scale),
            ("plan.pdf",))
    run.add(f"{tag}: dashboard", lambda: db_paths.dashboard(backend, sizes.dashboard_rounds),
            ("dashboard.municipality",))
    run.add(f"{tag}: start-up and memory", lambda: startup.startup_and_memory(
        tag, url, run.options.workdir / "audit.key", sizes.startups), STARTUP_KEYS)


def sqlite_run(run: Run, data_set: data.DataSet, scratch: Path) -> None:
    path = data.working_copy(data_set, scratch / "bench.db")
    raw_path = scratch / "raw-import.db"
    with sqlite_backend(raw_path, run.options.workdir) as raw_import, sqlite_backend(path, run.options.workdir) as b:
        measure_backend(run, b, raw_import, f"sqlite:///{path}", data_set)
        number = db_paths.case_numbers_with_plans(b, 1)[0]
    run.add("start-up seen from outside (CLI and terminal)", lambda: outside.cli_and_tui(
        path, number, run.options.sizes.startups, scratch, run.options.workdir / "audit.key", run.wants),
        OUTSIDE_KEYS)


def postgres_run(run: Run, data_set: data.DataSet) -> None:
    on_postgres = [key for key in FIGURE_KEYS if key not in (*OUTSIDE_KEYS, "rekensom.calculate")]
    if not run.options.load and not any(
            run.wants(*on_postgres, phase=f"postgres: {phase}") for phase in DATABASE_PHASES):
        return  # `--only` chose no figure measured on PostgreSQL (e.g. the rekensom): no schema to fill
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
    data_set = data.data_set_for(sizes.households, sizes.contacts, options.seed, options.workdir)
    options.log(f"data: {sizes.households:,} households, {sizes.contacts:,} register contacts ({data_set.key})")
    run = Run(options)
    cached, built = run.phase("build or reuse the data",
                              lambda: data.ensure_built(data_set, progress=not options.quick))
    options.log("    cached" if cached else f"    built in {built:.0f} s (cached for the next run)")
    from benchmarks.documents import rekensom

    if run.wants(*STARTUP_KEYS, *OUTSIDE_KEYS, phase="sqlite: start-up and memory, start-up seen from outside"):
        run.phase("compile doorbraak's bytecode (as an install does)", outside.compile_bytecode)

    run.add("rekensom", lambda: rekensom(sizes.rekensom_repeat), ("rekensom.calculate",))
    with scratch_dir(options.workdir) as scratch:
        if "sqlite" in options.backends:
            sqlite_run(run, data_set, scratch)
        if "postgres" in options.backends:
            postgres_run(run, data_set)
    size = f"h{sizes.households}-c{sizes.contacts}{'-quick' if options.quick else ''}"
    cache = BaselineCache(options.workdir / "baselines.json", size)
    results = cache.judge(run.results)
    cache.save(results)
    meta = {
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "households": sizes.households,
        "contacts": sizes.contacts,
        "seed": options.seed,
        "quick": options.quick,
        "only": list(options.only),
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
    return payload(meta, results, run.load)
