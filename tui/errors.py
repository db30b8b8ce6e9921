"""The one error boundary of the app: an unexpected exception never ends doorbraak and never shows values.

Textual's default for an exception in a message handler, an action, a timer or a worker that exits on error
is `App._handle_exception` → `_fatal_error`: the app exits and prints a traceback *with the locals of every
frame* (names, BSNs, whatever a form held) to the terminal or the browser. Worse, the message loop of the
widget whose handler failed stops for good. Here instead:

- every message pump of a `ErrorBoundary` app catches what its handler raised (`guard_message_pumps`),
  so the widget, the screen and the app keep processing keys;
- the failure is written to a log file in the user's state directory: exception types and frames
  (file, line, function, the source line) only — no message text, no locals, no field values;
- the user sees one Dutch message, and open forms keep what was typed as a concept (drafts are flushed);
- whatever still reaches `_handle_exception` (a failing compose, mount or timer) gets the same treatment
  instead of Textual's crash screen.

Under Pilot the first failure is still handed to Textual's test harness (`run_test` re-raises it when the
test ends), so a test never passes over an unexpected exception; tests that provoke one on purpose say so
with `expect_errors`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump

from tui.error_log import describe, log_path, write_log

__all__ = ["MESSAGE", "TITLE", "ErrorBoundary", "describe", "guard_message_pumps", "log_path", "write_log"]

MESSAGE = "Er ging iets mis; uw invoer is bewaard als concept."
TITLE = "Er ging iets mis"
QUIET_SECONDS = 5.0
"""At most one message per this many seconds (a failure during painting repeats on every refresh)."""

log = logging.getLogger("doorbraak.errors")


class ErrorBoundary(App[Any]):
    """Mixed into the app: report unexpected exceptions (Dutch message, log without values, drafts kept)
    and keep running."""

    expect_errors = False
    """Tests that provoke failures on purpose set this: then they are not re-raised when the test ends."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        guard_message_pumps()
        self.unexpected_errors = 0
        """How many failures the boundary caught in this run (the keyboard fuzz test reads it)."""
        self.worker_errors = 0
        """How many background workers failed with an unexpected exception (`report_error`); the user saw the
        generic Dutch message. Counted apart: the keyboard fuzz test and the soak count them as failures too."""
        self._last_message_at = 0.0
        self._keeping_drafts = False

    def report_unexpected(self, error: BaseException, where: str) -> None:
        """Log without values, tell the user once, keep the drafts; never raises."""
        self.unexpected_errors += 1
        try:
            write_log(error, where)
            log.error("Unexpected %s in %s (see %s)", type(error).__name__, where, log_path())
            now = time.monotonic()
            if now - self._last_message_at >= QUIET_SECONDS:
                self._last_message_at = now
                self.notify(MESSAGE, title=TITLE, severity="error", timeout=12, markup=False)
            self._keep_drafts()
        except Exception:  # noqa: BLE001 - the boundary itself must never end the app
            log.exception("The error boundary failed")
        if self.is_headless and not self.expect_errors and isinstance(error, Exception):
            self._remember_for_test_harness(error)

    def _remember_for_test_harness(self, error: Exception) -> None:
        # Textual's run_test re-raises the first exception it was told about when the test ends.
        if self._exception is None:
            self._exception = error

    def _keep_drafts(self) -> None:
        """Every open form writes what it holds as a concept now (the plan editor, the household form)."""
        if self._keeping_drafts:
            return
        screens: list[Any] = [s for stack in self._screen_stacks.values() for s in stack]
        writers: list[Callable[[], object]] = [
            s.write_draft for s in screens if callable(getattr(s, "write_draft", None))]
        flushers: list[Callable[[], Awaitable[None]]] = [
            s.flush_draft for s in screens if callable(getattr(s, "flush_draft", None))]
        if not writers and not flushers:
            return

        async def keep() -> None:
            self._keeping_drafts = True
            try:
                for write in writers:
                    write()
                for flush in flushers:
                    await flush()
            except Exception as error:  # noqa: BLE001 - logged; the user was already told
                write_log(error, "concept bewaren")
            finally:
                self._keeping_drafts = False

        self.run_worker(keep(), group="error-boundary-drafts", exit_on_error=False)

    def _handle_exception(self, error: Exception) -> None:
        """What Textual would end the app for (a failing compose, mount, timer, render): reported, not fatal."""
        self.report_unexpected(error, "app")


_ORIGINAL_DISPATCH: Callable[[MessagePump, Message], Awaitable[None]] | None = None


def guard_message_pumps() -> None:
    """Wrap Textual's `MessagePump._dispatch_message` once: inside an `ErrorBoundary` app an exception from a
    handler is reported and the pump goes on with the next message (Textual's own loop would stop it: the
    widget, or the whole app, would no longer react to a key). Other apps are left exactly as they were."""
    global _ORIGINAL_DISPATCH
    if _ORIGINAL_DISPATCH is not None:
        return
    original = MessagePump._dispatch_message
    _ORIGINAL_DISPATCH = original

    async def dispatch(self: MessagePump, message: Message) -> None:
        try:
            await original(self, message)
        except Exception as error:
            try:
                app: object = self.app
            except Exception:  # noqa: BLE001 - no app in this context: Textual's own handling
                raise error from None
            if not isinstance(app, ErrorBoundary) or app._exit:
                raise
            app.report_unexpected(error, f"{type(self).__name__}.{message.handler_name}")

    MessagePump._dispatch_message = dispatch  # type: ignore[method-assign]
