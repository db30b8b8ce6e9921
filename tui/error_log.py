"""The error log: a failure's traceback without values, in the user's state directory.

Headless (no Textual): the app's error boundary (tui/errors.py) and the CLI's (tui/cli/errors.py) both write
here. An entry holds exception types and frames (file, line, function, the source line) — never an
exception's message (it may hold a query's parameters or what was typed) and never the locals.
"""

from __future__ import annotations

import logging
import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

import platformdirs

from storage.app_name import APP_NAME

log = logging.getLogger("doorbraak.errors")


def log_path() -> Path:
    """Where failures are written: `<user state dir>/log/doorbraak.log` (shown by `doorbraak --help`)."""
    return Path(platformdirs.user_state_dir(APP_NAME)) / "log" / "doorbraak.log"


def describe(error: BaseException) -> str:
    """The traceback without values: per exception in the chain its type and frames, never its message
    (an exception's text may hold a query's parameters or what was typed) and never the locals."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    chain: list[BaseException] = []
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        wrapped = getattr(current, "error", None)  # Textual's WorkerFailed carries the worker's exception
        current = current.__cause__ or current.__context__ or (wrapped if isinstance(wrapped, BaseException) else None)
    for number, each in enumerate(reversed(chain)):
        if number:
            lines.append("  (daarna, tijdens de afhandeling:)")
        lines.append(f"{type(each).__module__}.{type(each).__qualname__}{_code(each)}")
        lines.extend(_frames(each.__traceback__))
    return "\n".join(lines)


def _code(error: BaseException) -> str:
    """The database's error code (SQLite's name, PostgreSQL's SQLSTATE): a fixed word that holds no values and
    tells e.g. a busy database (SQLITE_BUSY) from a broken file (SQLITE_CORRUPT)."""
    for attribute in ("sqlite_errorname", "sqlstate"):
        code = getattr(error, attribute, None)
        if isinstance(code, str) and code.replace("_", "").isalnum():
            return f" [{code}]"
    return ""


def _frames(tb: TracebackType | None) -> list[str]:
    lines = []
    for frame in traceback.extract_tb(tb):
        lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
        if frame.line:
            lines.append(f"    {frame.line.strip()}")
    return lines


def write_log(error: BaseException, where: str, path: Path | None = None) -> Path | None:
    """Append one entry; a log that cannot be written must not become a second failure."""
    target = path or log_path()
    entry = f"--- {datetime.now(UTC).isoformat(timespec='seconds')} {where}\n{describe(error)}\n"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("a", encoding="utf-8") as file:
            file.write(entry)
    except OSError:
        log.error("Could not write the error log %s", target)
        return None
    return target
