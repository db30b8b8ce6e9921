"""`doorbraak serve`: the demo app in headless Chromium, offline, on a free loopback port.

Chromium comes from the distribution (/usr/bin/chromium; .ci/run installs it). Locally the test is skipped
when it is missing; in CI (CI=true) or with DOORBRAAK_REQUIRE_BROWSER=1 it fails instead.
"""

from __future__ import annotations

import asyncio
import io
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from tests.e2e.browser import CHROMIUM, chromium_page

REQUIRED = os.environ.get("CI") == "true" or os.environ.get("DOORBRAAK_REQUIRE_BROWSER") == "1"


@pytest.fixture
def browser_available() -> None:
    if CHROMIUM.exists():
        return
    if REQUIRED:
        pytest.fail(f"{CHROMIUM} is missing: install it with 'apt-get install -y chromium' (.ci/run does this).")
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install -y chromium)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"doorbraak serve stopped early: {process.stderr.read() if process.stderr else ''}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"doorbraak serve did not listen on port {port} within {timeout} s")


@pytest.fixture
def served(browser_available: None) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}/"
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # the server and the demo app it started for the page
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def distinct_colours(png: bytes) -> int:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        return len(image.convert("RGB").getcolors(maxcolors=1 << 16) or [])


def test_serve_paints_the_case_list_and_reacts_to_a_key(served: str) -> None:
    async def scenario() -> tuple[str, str, int]:
        async with chromium_page(served) as page:
            screen = await page.wait_for_text("OEFENOMGEVING", timeout=40)
            screen = await page.wait_for_text("DB-2026-", timeout=20)  # the case list's rows
            shot = await page.screenshot()
            if os.environ.get("DOORBRAAK_SCREENSHOT"):  # to look at it yourself
                with open(os.environ["DOORBRAAK_SCREENSHOT"], "wb") as out:
                    out.write(shot)
            colours = distinct_colours(shot)
            await page.evaluate("window.__xterms[0].focus()")
            await page.press("g")
            after = await page.wait_for_text("Letter of Enter kiest", timeout=20)
            return screen, after, colours

    screen, after, colours = asyncio.run(asyncio.wait_for(scenario(), timeout=90))
    assert "Casusnummer" in screen and "van 48" in screen  # the case list of sample.db, painted
    hint = "Letter of Enter kiest"  # the 'Ga naar' dialog that `g` opens
    assert hint not in screen and hint in after
    assert colours > 8, "the page shows (almost) nothing: the terminal did not paint"
