"""Benchmark of the Textual app: start-up to first paint of the case list, and filter latency.

A script, not a test: it prints a table and JSON and never fails on a number.

    .venv/bin/python benchmarks/bench_tui.py                       # sample.db (if present) + 100,000 households
    .venv/bin/python benchmarks/bench_tui.py --large /tmp/big.db   # cache the generated database there
    .venv/bin/python benchmarks/bench_tui.py --json out.json --runs 5 --filters 40

What is measured (headless, `App.run_test`, terminal 120×36):
- start-up: from creating the app to the first paint of the case list with its first page of rows
  (the database is already open; opening it is reported separately), next to a bare Textual app with a
  DataTable of the same 100 rows as a baseline (ratio);
- filter latency at 100,000 households: from one keystroke in the filter to the repaint of the updated
  table, over a few dozen filter strings (p50/p95). This includes the deliberate typing pause of the
  screen (`TYPING_PAUSE`), so it is also reported without it, and the time of the SQL query alone.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rich.text import Text  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.widgets import DataTable, Input  # noqa: E402
from textual.worker import WorkerCancelled, WorkerFailed  # noqa: E402

from domain.caselist import CaseListQuery  # noqa: E402
from domain.services import households as household_service  # noqa: E402
from storage.bootstrap import Database, open_database  # noqa: E402
from storage.settings import Settings  # noqa: E402
from tui.app import DoorbraakApp  # noqa: E402
from tui.screens import case_list  # noqa: E402
from tui.screens.case_list import CaseListScreen  # noqa: E402

SIZE = (120, 36)
FILTERS = [
    "jansen", "de vries", "bakker", "visser", "smit", "meijer", "de boer", "mulder", "de groot", "bos",
    "amsterdam", "rotterdam", "utrecht", "groningen", "maastricht", "fryslan", "eindhoven", "den helder",
    "DB-2026-000123", "2026-0999", "1012", "3011ab", "kerkstraat", "dorpsstraat 1", "familie",
    "huishouden el", "özdemir", "yilmaz", "anna", "van", "ab", "x", "zzz-bestaat-niet", "jan amsterdam",
    "pietersen utrecht", "de", "k", "straat 12", "nieuw", "laan",
]


async def workers_done(app: App[Any]) -> None:
    for worker in list(app.workers):
        with contextlib.suppress(WorkerCancelled, WorkerFailed):
            await worker.wait()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


class Probe:
    """Records when the case list has shown a page and the screen has painted it."""

    def __init__(self) -> None:
        self.painted: list[tuple[int, float]] = []
        self.query_seconds: list[float] = []
        original_show = CaseListScreen._show_first_page
        original_list = household_service.list_cases
        probe = self

        def show(screen: CaseListScreen, page: Any, generation: int, keep_case: str | None) -> None:
            original_show(screen, page, generation, keep_case)
            if generation == screen._generation:
                screen.call_after_refresh(lambda: probe.painted.append((generation, time.perf_counter())))

        def timed_list(query: CaseListQuery, uow: Any, actor: Any) -> Any:
            started = time.perf_counter()
            try:
                return original_list(query, uow, actor)
            finally:
                probe.query_seconds.append(time.perf_counter() - started)

        CaseListScreen._show_first_page = show  # type: ignore[method-assign]
        case_list.list_cases = timed_list  # type: ignore[assignment]

    async def wait_for(self, generation: int, timeout: float = 60.0) -> float:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            for seen, at in self.painted:
                if seen == generation:
                    return at
            await asyncio.sleep(0.0005)
        raise TimeoutError(f"no paint for generation {generation}")


async def startup_once(db: Database, probe: Probe) -> float:
    probe.painted.clear()
    started = time.perf_counter()
    app = DoorbraakApp(db.services)
    async with app.run_test(size=SIZE):
        painted = await probe.wait_for(1)
        screen = app.screen
        assert isinstance(screen, CaseListScreen) and screen.total > 0
    return painted - started


class BaselineApp(App[None]):
    """A bare Textual app with one DataTable of the same rows: what Textual itself costs."""

    def __init__(self, rows: list[tuple[str, ...]], painted: Callable[[], None]) -> None:
        super().__init__()
        self.rows = rows
        self.on_painted = painted

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="row")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Casusnummer", "Huishouden", "Gemeente", "Status", "Professional", "Laatste wijziging")
        for row in self.rows:
            table.add_row(*(Text(cell) for cell in row))
        self.call_after_refresh(self.on_painted)


async def baseline_once(rows: list[tuple[str, ...]]) -> float:
    painted: list[float] = []
    started = time.perf_counter()
    app = BaselineApp(rows, lambda: painted.append(time.perf_counter()))
    async with app.run_test(size=SIZE) as pilot:
        while not painted:
            await pilot.pause(0.0005)
    return painted[0] - started


def first_rows(db: Database, limit: int) -> list[tuple[str, ...]]:
    page = household_service.list_cases(CaseListQuery(limit=min(limit, 1000)), db.uow(), db.actor)
    return [
        (r.case_number, r.name, r.municipality_name, r.status.label, r.professional, r.updated_at.isoformat())
        for r in page.rows
    ]


async def filter_latencies(db: Database, probe: Probe, filters: list[str]) -> dict[str, Any]:
    app = DoorbraakApp(db.services)
    keystroke: list[float] = []
    queries: list[float] = []
    results: list[int] = []
    async with app.run_test(size=SIZE) as pilot:
        await probe.wait_for(1)
        screen = app.screen
        assert isinstance(screen, CaseListScreen)
        filter_input = screen.query_one("#case-filter", Input)
        filter_input.focus()
        for text in filters:
            # Everything but the last character is already typed (and its query answered) ...
            filter_input.value = text[:-1]
            await probe.wait_for(screen._generation)
            await workers_done(app)
            # ... then the measured keystroke.
            probe.query_seconds.clear()
            key = text[-1]
            started = time.perf_counter()
            await pilot.press("space" if key == " " else key)
            painted = await probe.wait_for(screen._generation)
            keystroke.append(painted - started)
            queries.append(probe.query_seconds[-1] if probe.query_seconds else float("nan"))
            results.append(screen.total)
    pause = case_list.TYPING_PAUSE
    return {
        "filters": len(filters),
        "keystroke_to_table_ms": {"p50": ms(percentile(keystroke, 0.5)), "p95": ms(percentile(keystroke, 0.95)),
                                  "max": ms(max(keystroke))},
        "without_typing_pause_ms": {"p50": ms(percentile(keystroke, 0.5) - pause),
                                    "p95": ms(percentile(keystroke, 0.95) - pause)},
        "sql_query_ms": {"p50": ms(percentile(queries, 0.5)), "p95": ms(percentile(queries, 0.95))},
        "typing_pause_ms": ms(pause),
        "matches_min_max": [min(results), max(results)],
    }


def measure_database(path: Path, runs: int, probe: Probe, filters: list[str] | None) -> dict[str, Any]:
    started = time.perf_counter()
    db = open_database(Settings(database_url=f"sqlite:///{path}",
                                audit_key_file=Path(tempfile.gettempdir()) / "doorbraak-bench-audit.key"))
    opened = time.perf_counter() - started
    try:
        total = household_service.list_cases(CaseListQuery(limit=1), db.uow(), db.actor).total
        rows = first_rows(db, case_list.PAGE_SIZE)
        asyncio.run(startup_once(db, probe))  # warm-up: imports, CSS parse, SQLite cache
        startups = [asyncio.run(startup_once(db, probe)) for _ in range(runs)]
        asyncio.run(baseline_once(rows))
        baselines = [asyncio.run(baseline_once(rows)) for _ in range(runs)]
        result: dict[str, Any] = {
            "database": str(path),
            "households": total,
            "open_database_ms": ms(opened),
            "first_paint_ms": {"median": ms(statistics.median(startups)), "min": ms(min(startups)),
                               "max": ms(max(startups))},
            "baseline_datatable_ms": {"median": ms(statistics.median(baselines)), "min": ms(min(baselines))},
            "ratio_to_baseline": round(statistics.median(startups) / statistics.median(baselines), 2),
        }
        if filters:
            result["filter"] = asyncio.run(filter_latencies(db, probe, filters))
        return result
    finally:
        db.close()


def ensure_large(path: Path, households: int) -> Path:
    if path.exists():
        return path
    from storage.seed import seed_file

    print(f"Generating {households:,} households into {path} (cached for later runs) ...", flush=True)
    started = time.perf_counter()
    seed_file(path, households=households, seed=2026, progress=True)
    print(f"  done in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=Path, default=ROOT / "sample.db", help="sample.db (skipped if missing)")
    parser.add_argument("--large", type=Path, default=Path(tempfile.gettempdir()) / "doorbraak-bench-100k.db",
                        help="cached large database (generated with storage.seed if missing)")
    parser.add_argument("--households", type=int, default=100_000, help="size of the large database")
    parser.add_argument("--runs", type=int, default=5, help="start-ups per database")
    parser.add_argument("--filters", type=int, default=len(FILTERS), help="how many filter strings to time")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args()

    probe = Probe()
    results: dict[str, Any] = {"terminal": f"{SIZE[0]}x{SIZE[1]}", "page_size": case_list.PAGE_SIZE}
    if args.sample.exists():
        # On a copy, as `doorbraak demo` does: opening a database switches it to WAL and logs the views.
        from storage.bootstrap import demo_copy

        with tempfile.TemporaryDirectory() as scratch:
            copy = demo_copy(args.sample, Path(scratch))
            results["sample"] = measure_database(copy, args.runs, probe, None)
            results["sample"]["database"] = str(args.sample)
    large = ensure_large(args.large, args.households)
    results["large"] = measure_database(large, args.runs, probe, FILTERS[: args.filters])

    print()
    print(f"{'database':<10} {'households':>10} {'open':>8} {'1st paint':>10} {'baseline':>9} {'ratio':>6}")
    for key in ("sample", "large"):
        if key in results:
            r = results[key]
            print(f"{key:<10} {r['households']:>10,} {r['open_database_ms']:>6.0f}ms "
                  f"{r['first_paint_ms']['median']:>8.0f}ms {r['baseline_datatable_ms']['median']:>7.0f}ms "
                  f"{r['ratio_to_baseline']:>6.2f}")
    f = results["large"]["filter"]
    print()
    print(f"filter at {results['large']['households']:,} households, {f['filters']} strings:")
    print(f"  keystroke → updated table  p50 {f['keystroke_to_table_ms']['p50']:.0f} ms   "
          f"p95 {f['keystroke_to_table_ms']['p95']:.0f} ms   (incl. {f['typing_pause_ms']:.0f} ms typing pause)")
    print(f"  without the typing pause   p50 {f['without_typing_pause_ms']['p50']:.0f} ms   "
          f"p95 {f['without_typing_pause_ms']['p95']:.0f} ms")
    print(f"  SQL query (list_cases)     p50 {f['sql_query_ms']['p50']:.0f} ms   p95 {f['sql_query_ms']['p95']:.0f} ms")
    print()
    print(json.dumps(results, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
