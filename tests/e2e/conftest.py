"""Fixtures of the end-to-end tests: the Pilot tests' small deterministic database, and `doorbraak serve` for
the browser tests (Chromium from the distribution)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator

import pytest

from tests.e2e.browser import CHROMIUM, REQUIRED, free_port, wait_for_port
from tests.tui.conftest import _toasts_stay, app, tui_data

__all__ = ["_toasts_stay", "app", "tui_data"]


@pytest.fixture
def browser_available() -> None:
    if CHROMIUM.exists():
        return
    if REQUIRED:
        pytest.fail(f"{CHROMIUM} is missing: install it with 'apt-get install -y chromium' (.ci/run does this).")
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install -y chromium)")


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
