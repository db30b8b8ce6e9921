"""On demand (not in the suite): N browser sessions of `doorbraak serve --gedeeld` at once on loopback.

    .venv/bin/python -m benchmarks.bench_serve_sessions [--sessions 10] [--gereed 2] [--json FILE]

One headless Chromium (/usr/bin/chromium) opens N tabs at once on a shared SQLite database with accounts,
after the server has started its pool of ready processes (`serve --gereed`); every tab waits for the login
(the paint time after page load), logs in and waits for its case list. Then the
memory of every session process is read from /proc (RSS and PSS: PSS shares the pages all sessions have in
common out fairly, so N x PSS is what N sessions cost together), and every tab is closed; the sessions
must all end. CI runs ten sessions with a pool of ten (tests/e2e/test_serve_shared.py).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.e2e.browser import CHROMIUM, Page
from tests.e2e.serve_support import memory_mb, serve_shared, tabs, wait_until
from tui.cli.serve import READY_DEFAULT

PER_SESSION_TARGET_MB = 120
PAINT_TARGET_S = 3.0


async def one_session(page: Page, url: str, username: str) -> float:
    from tests.e2e.test_serve_shared import log_in

    await page.call("Page.navigate", url=url)
    return await log_in(page, username, field_wait=4.0, timeout=90)  # ten sessions at once: a busy machine


async def run(sessions: int, ready: int, folder: Path) -> dict[str, Any]:
    users = ["avries", "ccoord"]  # the accounts that open on a case list (tests/tui/data_trust.py)
    with serve_shared(folder, max_sessions=sessions, ready=ready) as served:
        pool = served.wait_ready(min(ready, sessions), timeout=180)
        load_before = os.getloadavg()
        async with tabs(sessions) as pages:
            started = time.monotonic()
            paints = await asyncio.gather(*(one_session(page, served.url, users[i % len(users)])
                                            for i, page in enumerate(pages)))
            all_in = time.monotonic() - started
            pids = served.processes()[:sessions]
            memory = [memory_mb(pid) for pid in pids]
            for page in pages:
                await page.call("Page.close")
            ended = await asyncio.to_thread(wait_until, lambda: not set(pids) & set(served.processes()), 30)
    return {
        "sessions": sessions, "ready_pool": ready, "from_pool": len(set(pids) & set(pool)),
        "session_processes": len(pids), "all_logged_in_s": round(all_in, 1),
        "paint_s": {"min": round(min(paints), 2), "median": round(statistics.median(paints), 2),
                    "max": round(max(paints), 2)},
        "paints_s": sorted(round(p, 2) for p in paints),
        "rss_mb": [round(r) for r, _ in memory], "pss_mb": [round(p) for _, p in memory],
        "pss_mb_median": round(statistics.median(p for _, p in memory)),
        "all_ended_after_tab_close": ended, "load_average_before": load_before, "load_average": os.getloadavg(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--gereed", type=int, default=READY_DEFAULT,
                        help="ready processes the server keeps started (serve --gereed)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    with tempfile.TemporaryDirectory(prefix="doorbraak-serve-bench-") as folder:
        result = asyncio.run(run(args.sessions, args.gereed, Path(folder) / "srv"))
    print(json.dumps(result, indent=2))
    ok_memory = max(result["pss_mb"]) <= PER_SESSION_TARGET_MB
    print(f"memory per session (PSS) ≤ {PER_SESSION_TARGET_MB} MB: {'✓' if ok_memory else '✗'}; "
          f"paint after page load median {result['paint_s']['median']} s (target ≤ {PAINT_TARGET_S} s)")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
