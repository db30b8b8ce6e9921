"""Search as you type in the register screen on a large register: does typing ever freeze?

A script, not a test: it prints a table and JSON and never fails on a number.

    .venv/bin/doorbraak seed --output /tmp/big.db
    .venv/bin/doorbraak register genereer -o /tmp/bulk.csv -n 100000
    .venv/bin/doorbraak --database sqlite:////tmp/big.db register import /tmp/bulk.csv
    .venv/bin/python benchmarks/bench_register_tui.py --database /tmp/big.db [--json out.json]

Headless (`App.run_test`, 120×36), each query is typed one key at a time into the register's search field
(Pilot's own pace, about 60 ms a key, like a fast typist; `--key-interval 0.15` adds a pause after each
key, so that every keystroke's query runs). Measured:
- event-loop stall: a 10 ms timer runs on the app while typing; its largest delay beyond 10 ms is the
  longest moment the screen could not react to a key (what a person feels as a freeze);
- results: from the screen handling the last keystroke (its Input.Changed) to the table showing the answer
  for the full text (this includes the deliberate typing pause, `TYPING_PAUSE`);
- queries: how many searches actually ran (the others were cancelled by a newer keystroke) and how long
  each took in its worker.
The app takes its start-up objects out of the garbage collector's reach (`gc.freeze()` in
DoorbraakApp.on_mount): without that, a full collection stalled typing for 150-330 ms here.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.worker import WorkerCancelled, WorkerFailed  # noqa: E402

from domain.register import RegisterPage  # noqa: E402
from storage.bootstrap import open_database  # noqa: E402
from storage.settings import Settings  # noqa: E402
from tui.app import DoorbraakApp  # noqa: E402
from tui.screens import register as register_module  # noqa: E402
from tui.screens.register import RegisterScreen  # noqa: E402

QUERIES = [
    "belastngdienst", "ozdemir", "uwv amsterdam", "sudwest", "schuldhulp", "toeslagen", "cjib noodstop",
    "gemeente rotterdam wmo", "maatwerk", "de vries", "zorgkantoor", "svb aow", "duo", "veilig thuis",
    "woningcorporatie huurachterstand", "ciz", "jeugdbescherming", "yilmaz", "re-integratie", "kwijtschelding",
]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


async def workers_done(app: DoorbraakApp) -> None:
    for worker in list(app.workers):
        with contextlib.suppress(WorkerCancelled, WorkerFailed):
            await worker.wait()


async def run(database: Path, queries: list[str], key_interval: float) -> dict[str, Any]:
    db = open_database(Settings(database_url=f"sqlite:///{database}"))
    query_ms: list[float] = []
    shown: list[tuple[float, str]] = []
    real_search = register_module.search_contacts
    real_show = RegisterScreen._show_page
    real_reload = RegisterScreen.reload
    reloads: list[float] = []

    def timed_search(query: dict[str, Any], *args: Any, **kwargs: Any) -> RegisterPage:
        started = time.perf_counter()
        try:
            return real_search(query, *args, **kwargs)
        finally:
            query_ms.append((time.perf_counter() - started) * 1000)

    def recorded_show(self: RegisterScreen, page: RegisterPage, generation: int, keep_id: int | None) -> None:
        real_show(self, page, generation, keep_id)
        if generation == self._generation:
            shown.append((time.perf_counter(), self.search_text))

    def recorded_reload(self: RegisterScreen, **kwargs: Any) -> None:
        reloads.append(time.perf_counter())
        real_reload(self, **kwargs)

    register_module.search_contacts = timed_search  # type: ignore[assignment]
    RegisterScreen.reload = recorded_reload  # type: ignore[method-assign]
    RegisterScreen._show_page = recorded_show  # type: ignore[method-assign]
    app = DoorbraakApp(db.services)
    stalls: list[float] = []
    worst: list[tuple[float, str]] = []
    results_ms: list[float] = []
    ran: list[int] = []
    keys = 0
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("g", "r")
        for _ in range(20):
            await workers_done(app)
            await pilot.pause(0.05)
        assert isinstance(app.screen, RegisterScreen)
        last_tick = time.perf_counter()

        def tick() -> None:
            nonlocal last_tick
            now = time.perf_counter()
            stalls.append(max(0.0, (now - last_tick) * 1000 - 10))
            worst.append((stalls[-1], app.screen.search_text if isinstance(app.screen, RegisterScreen) else ""))
            last_tick = now

        for text in queries:
            await pilot.press("slash", "ctrl+u")
            await workers_done(app)
            await pilot.pause(0.2)
            before = len(query_ms)
            last_tick = time.perf_counter()
            timer = app.set_interval(0.01, tick)
            for index, character in enumerate(text):
                await pilot.press("space" if character == " " else character)
                keys += 1
                if key_interval and index < len(text) - 1:
                    await pilot.pause(key_interval)
            deadline = time.perf_counter() + 10
            while not (shown and shown[-1][1] == text and shown[-1][0] >= reloads[-1]):
                if time.perf_counter() > deadline:
                    raise SystemExit(f"no results shown for {text!r} within 10 s")
                await pilot.pause(0.005)
            # From the screen handling the last keystroke (its Input.Changed) to the table showing the answer.
            results_ms.append((shown[-1][0] - reloads[-1]) * 1000)
            timer.stop()
            await workers_done(app)
            ran.append(len(query_ms) - before)
    db.close()
    return {
        "database": str(database),
        "queries": len(queries),
        "keystrokes": keys,
        "searches_run": sum(ran),
        "event_loop_stall_ms": {"p50": round(percentile(stalls, 0.5), 1), "p95": round(percentile(stalls, 0.95), 1),
                                "max": round(max(stalls), 1), "ticks": len(stalls)},
        "results_after_last_key_ms": {"p50": round(percentile(results_ms, 0.5), 1),
                                      "p95": round(percentile(results_ms, 0.95), 1),
                                      "max": round(max(results_ms), 1)},
        "search_in_worker_ms": {"p50": round(statistics.median(query_ms), 1),
                                "p95": round(percentile(query_ms, 0.95), 1), "max": round(max(query_ms), 1),
                                "n": len(query_ms)},
        "worst_stalls_ms": [(round(ms, 1), text) for ms, text in sorted(worst, reverse=True)[:5]],
        "typing_pause_ms": register_module.TYPING_PAUSE * 1000,
        "extra_pause_between_keys_ms": key_interval * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", type=Path, required=True, help="a SQLite file with a large register")
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    parser.add_argument("--key-interval", type=float, default=0.0,
                        help="extra seconds between keys (0.15: a typist slow enough for every key's query to run)")
    args = parser.parse_args()
    numbers = asyncio.run(run(args.database, QUERIES, args.key_interval))
    stall, results, search = (numbers[k] for k in ("event_loop_stall_ms", "results_after_last_key_ms",
                                                   "search_in_worker_ms"))
    print(f"\nRegister screen, search as you type: {numbers['queries']} queries, {numbers['keystrokes']} keystrokes, "
          f"{numbers['searches_run']} searches ran (the rest cancelled by a newer key)")
    print(f"  event-loop stall while typing (ms)   p50 {stall['p50']:>6}  p95 {stall['p95']:>6}  max {stall['max']:>6}")
    print(f"  results after the last key (ms)      p50 {results['p50']:>6}  p95 {results['p95']:>6}  "
          f"max {results['max']:>6}  (includes the {numbers['typing_pause_ms']:.0f} ms typing pause)")
    print(f"  one search in its worker (ms)        p50 {search['p50']:>6}  p95 {search['p95']:>6}  "
          f"max {search['max']:>6}")
    print(json.dumps(numbers, indent=2))
    if args.json:
        args.json.write_text(json.dumps(numbers, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
