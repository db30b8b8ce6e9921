"""`doorbraak serve --gedeeld` in headless Chromium (Debian's /usr/bin/chromium): every tab logs in with the
app's login and runs as that user in its own process (the spare the server started ahead); the idle lock
covers the case; closing the tab ends its process; more tabs than --max-sessies get a Dutch message. Prints
the paint time after page load and the memory per session (10 sessions: benchmarks/bench_serve_sessions.py).
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from tests.e2e.browser import chromium_page
from tests.e2e.serve_support import memory_mb, serve_shared, wait_until
from tests.tui.data_trust import PASSWORD

LOGIN_TEXT = "Gebruikersnaam"


async def log_in(page: object, username: str, *, field_wait: float = 1.0) -> float:
    """Wait for the login (returns seconds from page load to its paint), log in, wait for the case list."""
    started = time.monotonic()
    await page.wait_for_text(LOGIN_TEXT, timeout=60)  # type: ignore[attr-defined]
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
    await page.wait_for_text("Casusnummer", timeout=40)  # type: ignore[attr-defined]
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
                seen["case"] = await page.wait_for_text("Petra Jansen", timeout=30)
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
        assert "******653" in str(seen["case"])
        locked = str(seen["locked"])
        assert "Jansen" not in locked and "653" not in locked and "DB-2026" not in locked
        assert "Vul" in locked and "wachtwoord" in locked
        assert "Petra Jansen" in str(seen["unlocked"])
        assert wait_until(lambda: spare not in served.processes(), timeout=20), "the tab closed, its process runs"
        assert len(served.processes()) == 1  # only the spare


def test_two_sessions_their_memory_and_a_third_tab_is_told_it_is_full(
    browser_available: None, tmp_path: Path,
) -> None:
    with serve_shared(tmp_path / "srv", max_sessions=2) as served:
        served.spare()

        async def scenario() -> tuple[list[float], list[tuple[float, float]], str]:
            async with chromium_page(served.url) as first, chromium_page(served.url) as second:
                paints = list(await asyncio.gather(log_in(first, "avries"), log_in(second, "ccoord")))
                memory = [memory_mb(pid) for pid in served.processes()[:2]]  # the two sessions, not the spare
                async with chromium_page(served.url) as third:
                    await asyncio.sleep(2)
                    full = await third.page_text() + await third.screen_text()
            return paints, memory, full

        paints, memory, full = asyncio.run(asyncio.wait_for(scenario(), timeout=240))
        print(f"\npaint after page load: {', '.join(f'{p:.2f} s' for p in paints)}")
        print("memory per session (RSS / PSS): " + ", ".join(f"{r:.0f} / {p:.0f} MB" for r, p in memory))
        assert len(memory) == 2
        assert "plaatsen van doorbraak in de browser zijn bezet" in full
        assert all(pss <= 120 for _, pss in memory), memory
