"""The app's fast start on a plain SQLite file (issue 18): the first page painted before the services exist.

`doorbraak` without a command, on a file the raw reader takes (storage/raw_start.py), hands the app a
`StartingServices` instead of the `Services`: it answers what the first screen needs (who works, the
oefenomgeving's marker, the warnings, the theme and the case list's first page, read with `sqlite3`), and the
app opens the real services in a worker right after the first paint (`DoorbraakApp`, `open_in_worker`). From
then on every attribute is the real `Services`' own. Until then:

- keys are held and handed out in order once the services are ready (`KeysInOrder.hold_keys`), so a `/ jansen`
  typed at once lands in the search field and is applied as a filter; nothing is lost or lands elsewhere;
- anything else that asks for the services (a worker, a click) waits for them in `wait()`; the case list puts
  off a reload or opening a case until then (tui/screens/case_list.py), as does 'Ga naar' (tui/app.py).

On PostgreSQL (plain settings, the psycopg URL) the first screen is the login, which needs nothing from the
database: the app paints it before SQLAlchemy is imported and opens the services in a worker right after that
paint, while the user types. The keys are not held there (the fields need no services); logging in waits in its
own worker for the services (`__getattr__` → `wait`), and a database that cannot be opened ends the app with its
Dutch message, as it did before the login screen was shown.

Anything else (SQLCipher, a SQLite database with accounts, a schema to upgrade, settings beyond the plain ones,
...) starts as before: `open_services` first, then the app.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from domain.caselist_rows import CaseListPage
    from storage.bootstrap import Services
    from storage.raw_start import RawStart
    from storage.settings_sources import PlainSettings


PAINT_TIME = 0.1
"""Seconds the first screen of a fast start (the case list's raw page, PostgreSQL's login) leaves its first frame
to be composed and written before the services are opened (their imports would delay it)."""


class StartingServices:
    """Stands in for `Services` from the first paint until the real ones are open (then delegates to them)."""

    def __init__(self, start: RawStart, settings: PlainSettings, opener: Callable[[], Services]) -> None:
        self._start = start
        self._plain = settings
        self._opener = opener
        self._services: Services | None = None
        self._error: BaseException | None = None
        self._done = threading.Event()
        self._claim = threading.Lock()
        self._claimed = False
        self._first_page: CaseListPage | None = start.first_page

    # -- what the first screen needs, known before the services ------------------------------------------------------
    @property
    def ready(self) -> bool:
        """The real services are open (or failed to open: `wait` raises the error)."""
        return self._done.is_set()

    @property
    def failed(self) -> bool:
        """Opening the real services failed (the worker that tried ends the app with the error's message)."""
        return self._done.is_set() and self._error is not None

    def take_first_page(self) -> CaseListPage | None:
        """The case list's first page read at start (once: a later case list asks the services)."""
        page, self._first_page = self._first_page, None
        return page

    @property
    def actor(self) -> Any:
        return self._services.actor if self._services is not None else self._start.actor

    @property
    def demo(self) -> bool:
        return self._start.demo

    @property
    def warnings(self) -> list[str]:
        return self._start.warnings

    @property
    def requires_login(self) -> bool:
        return self._start.requires_login  # the SQLite raw reader takes only a database without accounts

    @property
    def logged_in(self) -> Any:
        return self._services.logged_in if self._services is not None else None

    @property
    def holds_keys(self) -> bool:
        """Keys typed before the services are open wait for them (the case list); a login screen takes them."""
        return not self._start.requires_login

    @property
    def uses_database_logins(self) -> bool:
        return self._start.uses_database_logins

    @property
    def description(self) -> str:
        return self._services.description if self._services is not None else self._start.description

    def new_warnings(self) -> list[str]:
        """The services' warnings of opening that the first screen could not know (shown once they are open)."""
        if self._services is None:
            return []
        return [warning for warning in self._services.warnings if warning not in self._start.warnings]

    @property
    def settings(self) -> Any:
        """The plain settings until the services are open (every other field is at `Settings`' default)."""
        return self._services.settings if self._services is not None else self._plain

    @settings.setter
    def settings(self, settings: Any) -> None:
        self.wait().settings = settings

    # -- the real services -------------------------------------------------------------------------------------------
    def open(self) -> None:
        """Open the real services (in a worker thread; its imports take most of the time). Once: a second
        caller waits for the first one's result."""
        with self._claim:
            claimed, self._claimed = self._claimed, True
        if claimed:
            self.wait()
            return
        try:
            self._services = self._opener()
        except BaseException as error:
            self._error = error
            raise
        finally:
            self._done.set()

    def wait(self) -> Services:
        """The real services, waiting for them to be open; the error of opening if that failed. Opens them here
        when nobody has started to (asked for before the app's worker ran: never waits for nothing)."""
        if not self._done.is_set():
            with self._claim:
                claimed = self._claimed
            if not claimed:
                self.open()
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._services is not None
        return self._services

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle, ...: not something the services answer
            raise AttributeError(name)
        return getattr(self.wait(), name)

    def close(self) -> None:
        if self._services is not None:
            self._services.close()


def starting(services: object) -> StartingServices | None:
    """The fast start's stand-in while the services are not open yet, else None."""
    if isinstance(services, StartingServices) and not services.ready:
        return services
    return None


def fast_start(database_url: str | None, limit: int) -> StartingServices | None:
    """The fast start for `doorbraak [-d URL]`, or None when the raw reader does not take this database (then the
    caller opens the services as always). Raises the raw reader's Dutch DomainError for a refused file."""
    from storage.raw_start import login_start, open_start
    from storage.settings_sources import plain_settings

    settings = plain_settings(database_url)
    if settings is None:
        return None
    start = login_start(settings) or open_start(settings, limit)
    if start is None:
        return None

    def opener() -> Services:
        from storage.bootstrap import open_services
        from storage.settings import Settings

        # As `CliState.settings` makes them for the usual start (tui/cli/main.py).
        return open_services(Settings(database_url=database_url) if database_url else Settings())

    return StartingServices(start, settings, opener)


__all__ = ["StartingServices", "fast_start", "starting"]
