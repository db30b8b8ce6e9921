"""The bench's outside view (benchmarks/launch.py): time and peak memory of a command as a person would see them."""

from __future__ import annotations

import sys

from benchmarks.outside import CASE_ROW, launch


def test_exit_mode_times_a_command_and_reports_its_own_memory() -> None:
    small = launch("exit", [sys.executable, "-S", "-c", "pass"])
    touch = "b = bytearray(120 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096])"
    big = launch("exit", [sys.executable, "-S", "-c", touch])
    assert 0 < small["seconds"] < 30
    assert small["rss_mb"] < 40  # the launcher's (or the bench's) own size does not leak into the figure
    assert big["rss_mb"] > 110


def test_pty_mode_stops_at_the_first_case_number_on_the_terminal() -> None:
    script = "import time, sys; print('laden...', flush=True); time.sleep(0.3); print('DB-2026-000001'); time.sleep(60)"
    found = launch("pty", [sys.executable, "-S", "-c", script], CASE_ROW)
    assert 0.3 <= found["seconds"] < 30  # found after the pause, and the sleeping command was ended
