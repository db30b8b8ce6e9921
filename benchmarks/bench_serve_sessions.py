"""On demand (not in the suite): N browser sessions of `doorbraak serve --gedeeld` at once on loopback.

    .venv/bin/python -m benchmarks.bench_serve_sessions [--sessions 10] [--json FILE]

One headless Chromium (/usr/bin/chromium) opens N tabs on a shared SQLite database with accounts; every tab
waits for the login (the paint time after page load), logs in and waits for its case list. Then the
memory of every session process is read from /proc (RSS and PSS: PSS shares the pages all sessions have in
common out fairly, so N x PSS is what N sessions cost together), and every tab is closed; the sessions
must all end. CI runs the same with two sessions (tests/e2e/test_serve_shared.py).
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

import aiohttp

from tests.e2e.browser import CHROMIUM, NOTE_TERMINALS, Page, chromium_page
from tests.e2e.serve_support import memory_mb, serve_shared, wait_until

PER_SESSION_TARGET_MB = 120
PAINT_TARGET_S = 3.0


async def one_session(page: Page, url: str, username: str) -> float:
    from tests.e2e.test_serve_shared import log_in

    await page.call("Page.enable")
    await page.call("Page.addScriptToEvaluateOnNewDocument", source=NOTE_TERMINALS)
    await page.call("Page.navigate", url=url)
    return await log_in(page, username, field_wait=4.0)  # ten processes start at once: a busy machine


async def run(sessions: int, folder: Path) -> dict[str, Any]:
    users = ["avries", "ccoord"]  # the accounts that open on a case list (tests/tui/data_trust.py)
    with serve_shared(folder, max_sessions=sessions) as served:
        served.spare()
        async with chromium_page("about:blank") as first, aiohttp.ClientSession() as http:
            # More tabs in the same browser: ask it for new targets over its own HTTP endpoint.
            endpoint = first.ws._response.url.host, first.ws._response.url.port  # type: ignore[union-attr]
            pages: list[Page] = [first]
            sockets = []
            for _ in range(sessions - 1):
                async with http.put(f"http://{endpoint[0]}:{endpoint[1]}/json/new?about:blank") as response:
                    target = await response.json()
                ws = await http.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0)
                sockets.append(ws)
                pages.append(Page(ws))
            started = time.monotonic()
            paints = await asyncio.gather(*(one_session(page, served.url, users[i % len(users)])
                                            for i, page in enumerate(pages)))
            all_in = time.monotonic() - started
            pids = served.processes()[:sessions]  # the youngest is the spare for the next tab
            memory = [memory_mb(pid) for pid in pids]
            for page in pages:
                await page.call("Page.close")
            ended = await asyncio.to_thread(wait_until, lambda: not set(pids) & set(served.processes()), 30)
            for ws in sockets:
                await ws.close()
    return {
        "sessions": sessions, "session_processes": len(pids), "all_logged_in_s": round(all_in, 1),
        "paint_s": {"min": round(min(paints), 2), "median": round(statistics.median(paints), 2),
                    "max": round(max(paints), 2)},
        "rss_mb": [round(r) for r, _ in memory], "pss_mb": [round(p) for _, p in memory],
        "pss_mb_median": round(statistics.median(p for _, p in memory)),
        "all_ended_after_tab_close": ended, "load_average": os.getloadavg(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    with tempfile.TemporaryDirectory(prefix="doorbraak-serve-bench-") as folder:
        result = asyncio.run(run(args.sessions, Path(folder) / "srv"))
    print(json.dumps(result, indent=2))
    ok_memory = max(result["pss_mb"]) <= PER_SESSION_TARGET_MB
    print(f"memory per session (PSS) ≤ {PER_SESSION_TARGET_MB} MB: {'✓' if ok_memory else '✗'}; "
          f"paint after page load median {result['paint_s']['median']} s (target ≤ {PAINT_TARGET_S} s)")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
