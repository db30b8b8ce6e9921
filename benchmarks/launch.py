"""Run one command as a user would and time it from outside: `python -S benchmarks/launch.py MODE MARKER CMD...`.

MODE `exit`: from fork to the command's exit (stdout discarded). MODE `pty`: the command runs in a
pseudo-terminal of 120×36, as in a terminal window; the time is from fork to the first output that holds
MARKER (a regular expression, e.g. a case number: the first row painted), after which the command is ended.
Prints one JSON line: `seconds` and `rss_mb` (the command's peak resident memory from wait4; this launcher
is small and started with -S, so its own size does not mask the command's — ru_maxrss survives exec).
Kept to the standard library and to this one file so that it starts in milliseconds.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import resource
import select
import signal
import struct
import sys
import termios
import time

SIZE = (36, 120)
TIMEOUT = 120.0


def _exit_mode(command: list[str]) -> tuple[float, int, int]:
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execvp(command[0], command)
    _, status, usage = os.wait4(pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def _reap(pid: int, master: int) -> resource.struct_rusage:
    """Wait for the ended command, reading its last output so that it is never blocked writing; SIGKILL after 5 s."""
    deadline = time.perf_counter() + 5
    while time.perf_counter() < deadline:
        waited, _, usage = os.wait4(pid, os.WNOHANG)
        if waited:
            return usage
        if select.select([master], [], [], 0.05)[0]:
            with contextlib.suppress(OSError):
                os.read(master, 65536)
    os.kill(pid, signal.SIGKILL)
    return os.wait4(pid, 0)[2]


def _pty_mode(command: list[str], marker: re.Pattern[bytes]) -> tuple[float, int, int]:
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[0], SIZE[1], 0, 0))
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        os.close(master)
        os.environ["TERM"] = "xterm-256color"
        os.execvp(command[0], command)
    os.close(slave)
    seen = b""
    found = None
    deadline = started + TIMEOUT
    while found is None and time.perf_counter() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen = seen[-200:] + chunk  # a marker split over two reads is still found
        if marker.search(seen):
            found = time.perf_counter() - started
    os.kill(pid, signal.SIGTERM)
    usage = _reap(pid, master)
    os.close(master)
    if found is None:
        raise SystemExit(f"the marker did not appear within {TIMEOUT:.0f} s; last output: {seen[-300:]!r}")
    return found, usage.ru_maxrss, 0


def main() -> None:
    mode, marker, *command = sys.argv[1:]
    if mode == "pty":
        seconds, rss_kb, code = _pty_mode(command, re.compile(marker.encode()))
    else:
        seconds, rss_kb, code = _exit_mode(command)
    print(json.dumps({"seconds": seconds, "rss_mb": round(rss_kb / 1024, 1), "exit": code}), flush=True)


if __name__ == "__main__":
    main()
