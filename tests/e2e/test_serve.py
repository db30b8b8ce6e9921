"""`doorbraak serve`: the demo app in headless Chromium, offline, on a free loopback port.

Chromium comes from the distribution (/usr/bin/chromium; .ci/run installs it). Locally the test is skipped
when it is missing; in CI (CI=true) or with DOORBRAAK_REQUIRE_BROWSER=1 it fails instead.
"""

from __future__ import annotations

import asyncio
import io
import os

from tests.e2e.browser import chromium_page


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
