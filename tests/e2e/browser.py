"""Drive the distribution's headless Chromium over the DevTools protocol (CDP), with aiohttp's websocket client.

No downloaded browser and no extra library: aiohttp comes with textual-serve. The page's terminal (xterm.js)
paints on a canvas, so its text is not in the DOM; a script added before the page loads notes every xterm
Terminal as it is built (it assigns `_addonManager` in its constructor), and `screen_text()` reads the
terminal's own buffer, i.e. exactly what is painted.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp

CHROMIUM = Path("/usr/bin/chromium")
# Locally a missing Chromium skips the browser tests; in CI (or on request) it is a failure.
REQUIRED = os.environ.get("CI") == "true" or os.environ.get("DOORBRAAK_REQUIRE_BROWSER") == "1"
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--enable-unsafe-swiftshader", "--window-size=1200,760", "--remote-debugging-port=0",
    "--remote-debugging-address=127.0.0.1",
)
NOTE_TERMINALS = """
(() => {
  window.__xterms = [];
  Object.defineProperty(Object.prototype, "_addonManager", {
    configurable: true,
    set(value) {
      Object.defineProperty(this, "_addonManager", {value, writable: true, configurable: true, enumerable: true});
      window.__xterms.push(this);
    },
  });
})();
"""
SCREEN_TEXT = """
(() => {
  const t = (window.__xterms || [])[0];
  if (!t || !t.buffer) return "";
  const b = t.buffer.active, lines = [];
  for (let i = 0; i < t.rows; i++) {
    const line = b.getLine(b.viewportY + i);
    lines.push(line ? line.translateToString(true) : "");
  }
  return lines.join("\\n");
})()
"""


class Page:
    """One browser tab, spoken to over its CDP websocket."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.ids = itertools.count(1)

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        message_id = next(self.ids)
        await self.ws.send_str(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:
            message = await self.ws.receive_json()
            if message.get("id") == message_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result

    async def evaluate(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    async def screen_text(self) -> str:
        return str(await self.evaluate(SCREEN_TEXT) or "")

    async def wait_for_text(self, text: str, timeout: float = 30) -> str:
        """Poll the painted terminal until `text` shows; return the screen (AssertionError after `timeout`)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        screen = ""
        while loop.time() < deadline:
            screen = await self.screen_text()
            if text in screen:
                return screen
            await asyncio.sleep(0.25)
        raise AssertionError(f"{text!r} did not appear within {timeout} s; the screen showed:\n{screen}")

    async def press(self, key: str) -> None:
        """Type one printable character into the focused terminal, as a keyboard would."""
        code = f"Key{key.upper()}" if key.isalpha() else ""
        common = {"key": key, "code": code, "windowsVirtualKeyCode": ord(key.upper())}
        await self.call("Input.dispatchKeyEvent", type="keyDown", text=key, **common)
        await self.call("Input.dispatchKeyEvent", type="keyUp", **common)

    async def type_text(self, text: str) -> None:
        """Type `text` key by key (letters, digits, space and punctuation), as a keyboard would."""
        for character in text:
            if character == " ":
                common = {"key": " ", "code": "Space", "windowsVirtualKeyCode": 32}
            elif character.isdigit():
                common = {"key": character, "code": f"Digit{character}", "windowsVirtualKeyCode": ord(character)}
            elif character.isalpha():
                common = {"key": character, "code": f"Key{character.upper()}",
                          "windowsVirtualKeyCode": ord(character.upper())}
            else:
                common = {"key": character, "code": "", "windowsVirtualKeyCode": 0}
            await self.call("Input.dispatchKeyEvent", type="keyDown", text=character, **common)
            await self.call("Input.dispatchKeyEvent", type="keyUp", **common)

    async def press_enter(self) -> None:
        common = {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13}
        await self.call("Input.dispatchKeyEvent", type="keyDown", text="\r", **common)
        await self.call("Input.dispatchKeyEvent", type="keyUp", **common)

    async def page_text(self) -> str:
        """The page's own text (not the terminal's): e.g. the message when every place is taken."""
        return str(await self.evaluate("document.body ? document.body.innerText : ''") or "")

    async def screenshot(self) -> bytes:
        import base64

        result = await self.call("Page.captureScreenshot", format="png")
        return base64.b64decode(result["data"])


@contextlib.asynccontextmanager
async def chromium_page(url: str, *, timeout: float = 20) -> AsyncIterator[Page]:
    """Start a fresh headless Chromium (own profile), open `url` in it, and stop the browser afterwards."""
    profile = tempfile.mkdtemp(prefix="doorbraak-chromium-")
    process = subprocess.Popen(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    try:
        endpoint = await asyncio.wait_for(asyncio.to_thread(_devtools_endpoint, process), timeout)
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://{endpoint}/json/list") as response:
                targets = await response.json()
            page_url = next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page")
            async with session.ws_connect(page_url, max_msg_size=0) as ws:
                page = Page(ws)
                await page.call("Page.enable")
                await page.call("Page.addScriptToEvaluateOnNewDocument", source=NOTE_TERMINALS)
                await page.call("Page.navigate", url=url)
                yield page
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, 15)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait(timeout=10)
        shutil.rmtree(profile, ignore_errors=True)


def _devtools_endpoint(process: subprocess.Popen[str]) -> str:
    """host:port from Chromium's 'DevTools listening on ws://HOST:PORT/...' line on stderr."""
    assert process.stderr is not None
    for line in process.stderr:
        found = re.search(r"DevTools listening on ws://([^/]+)/", line)
        if found:
            # Keep reading stderr, or Chromium blocks once the pipe is full.
            threading.Thread(target=process.stderr.read, daemon=True).start()
            return found.group(1)
    raise RuntimeError(f"Chromium stopped before it listened (exit code {process.wait()})")


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
