"""`doorbraak serve --gedeeld` in headless Chromium (Debian's /usr/bin/chromium): every tab logs in with the
app's login and runs as that user in its own process (one the server started ahead, `--gereed`); the idle lock
covers the case; closing the tab ends its process; ten sessions at once, each ≤ 120 MB; more tabs than
--max-sessies get a Dutch message. Prints the paint time after page load and the memory per session (the burst
benchmark with more options: benchmarks/bench_serve_sessions.py).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path

from tests.e2e.browser import Page, chromium_page
from tests.e2e.serve_support import memory_mb, serve_shared, tabs, wait_until
from tests.tui.data_trust import PASSWORD

LOGIN_TEXT = "Gebruikersnaam"


async def log_in(page: object, username: str, *, field_wait: float = 1.0, timeout: float = 40) -> float:
    """Wait for the login (returns seconds from page load to its paint), log in, wait for the case list."""
    started = time.monotonic()
    await page.wait_for_text(LOGIN_TEXT, timeout=max(60, timeout))  # type: ignore[attr-defined]
    painted = time.monotonic() - started
    await page.evaluate("window.__xterms[0].focus()")  # type: ignore[attr-defined]
    await page.type_text(username)  # type: ignore[attr-defined]
    await page.press_enter()  # type: ignore[attr-defined]
    # The password field takes the focus. (A key typed within the app's key wait, KEY_WAIT in
    # tui/key_order.py, waits for that; on a machine so loaded that it takes longer, it would land in the
    # username: a person does not type that fast, a script does.)
    await asyncio.sleep(field_wait)
    await page.type_text(PASSWORD)  # type: ignore[attr-defined]
    await page.press_enter()  # type: ignore[attr-defined]
    await page.wait_for_text("Casusnummer", timeout=timeout)  # type: ignore[attr-defined]
    return painted


def test_login_open_a_case_idle_lock_and_closing_the_tab_ends_the_process(
    browser_available: None, tmp_path: Path,
) -> None:
    with serve_shared(tmp_path / "srv", max_sessions=2, idle_lock_minutes=0.1) as served:
        spare = served.spare()

        async def scenario() -> dict[str, object]:
            seen: dict[str, object] = {}
            async with chromium_page(served.url) as page:
                seen["paint"] = await log_in(page, "avries")
                seen["after_login"] = await page.screen_text()
                seen["processes"] = served.processes()
                await page.type_text("/Jansen")
                await asyncio.sleep(1.0)
                await page.press_enter()  # from the search to the list
                await asyncio.sleep(0.5)
                await page.press_enter()  # open the household
                # The masked BSN, not the name: the case list also shows "Petra Jansen", and a poll between two
                # chunks of the new frame saw the list's row under the detail screen's header (CI, stop 26).
                seen["case"] = await page.wait_for_text("******653", timeout=30)
                seen["locked"] = await page.wait_for_text("Het scherm is vergrendeld", timeout=30)
                await page.type_text(PASSWORD)
                await page.press_enter()
                seen["unlocked"] = await page.wait_for_text("Petra Jansen", timeout=30)
                await page.call("Page.close")
            return seen

        seen = asyncio.run(asyncio.wait_for(scenario(), timeout=180))
        print(f"\npaint after page load: {seen['paint']:.2f} s")
        assert "Anna de Vries (professional)" in str(seen["after_login"])  # runs as the user who logged in
        processes = seen["processes"]
        assert isinstance(processes, list) and processes[0] == spare  # the spare became the tab's process
        assert len(processes) == 2  # and a new spare waits for the next tab
        assert "Petra Jansen" in str(seen["case"])
        locked = str(seen["locked"])
        assert "Jansen" not in locked and "653" not in locked and "DB-2026" not in locked
        assert "Vul" in locked and "wachtwoord" in locked
        assert "Petra Jansen" in str(seen["unlocked"])
        assert wait_until(lambda: spare not in served.processes(), timeout=20), "the tab closed, its process runs"
        assert len(served.processes()) == 1  # only the spare


SESSIONS = 10
PSS_TARGET_MB = 120
"""Issue 19: memory per session process ≤ 120 MB (PSS: the pages all sessions share, counted out fairly)."""


def test_ten_sessions_at_once_their_memory_and_one_more_tab_is_told_it_is_full(
    browser_available: None, tmp_path: Path,
) -> None:
    """Ten tabs of one Chromium open `serve --gedeeld` at once, each logs in and shows its case list, each in
    its own process taken from the ready pool (--gereed 10); an eleventh tab gets the Dutch message; closing
    the tabs ends all ten processes."""
    users = ["avries", "ccoord"]  # the accounts that open on a case list (tests/tui/data_trust.py)
    with serve_shared(tmp_path / "srv", max_sessions=SESSIONS, ready=SESSIONS) as served:
        ready = served.wait_ready(SESSIONS, timeout=120)

        async def scenario() -> tuple[list[float], list[int], list[tuple[float, float]], str, bool]:
            async with tabs(SESSIONS + 1) as pages:
                sessions, extra = pages[:SESSIONS], pages[SESSIONS]

                async def one(page: Page, username: str) -> float:
                    await page.call("Page.navigate", url=served.url)
                    # Ten sessions on two cores: generous waits for each paint and key (a busy machine).
                    return await log_in(page, username, field_wait=4.0, timeout=90)

                paints = list(await asyncio.gather(*(one(page, users[i % 2]) for i, page in enumerate(sessions))))
                pids = served.processes()
                memory = [memory_mb(pid) for pid in pids]
                await extra.call("Page.navigate", url=served.url)
                await asyncio.sleep(2)
                full = await extra.page_text() + await extra.screen_text()
                for page in sessions:
                    await page.call("Page.close")
                ended = await asyncio.to_thread(wait_until, lambda: not set(pids) & set(served.processes()), 30)
            return paints, pids, memory, full, ended

        began = time.monotonic()
        paints, pids, memory, full, ended = asyncio.run(asyncio.wait_for(scenario(), timeout=240))
        print(f"\n{SESSIONS} tabs at once, all on their case list after {time.monotonic() - began:.1f} s; paint "
              f"after page load {min(paints):.2f}–{max(paints):.2f} s (median {statistics.median(paints):.2f} s)")
        print("memory per session (RSS / PSS): " + ", ".join(f"{r:.0f} / {p:.0f} MB" for r, p in memory))
        assert sorted(pids) == sorted(ready)  # every tab got a ready process; none is left over when full
        assert len(memory) == SESSIONS
        assert all(pss <= PSS_TARGET_MB for _, pss in memory), memory
        assert "plaatsen van doorbraak in de browser zijn bezet" in full
        assert ended, "the tabs closed, but session processes still run"
