"""The SQL unit of work: one session, one transaction; leaving without commit rolls back."""

from __future__ import annotations

import importlib
from types import TracebackType
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from storage.households import Clock, utcnow

if TYPE_CHECKING:
    from storage.audit import SqlAuditLog
    from storage.dashboard import SqlDashboardRepository
    from storage.escalation import SqlEscalationRepository
    from storage.households import SqlHouseholdRepository
    from storage.knelpunten import SqlKnelpuntRepository
    from storage.loket import SqlLoketRepository
    from storage.mandates import SqlMandateRepository
    from storage.overbrugging import SqlOverbruggingRepository
    from storage.people import SqlPeopleRepository
    from storage.plans import SqlPlanRepository
    from storage.precedents import SqlPrecedentRepository
    from storage.register import SqlRegisterRepository
    from storage.users import SqlUserRepository

REPOSITORIES: dict[str, tuple[str, str]] = {
    "households": ("storage.households", "SqlHouseholdRepository"),
    "audit": ("storage.audit", "SqlAuditLog"),
    "users": ("storage.users", "SqlUserRepository"),
    "mandates": ("storage.mandates", "SqlMandateRepository"),
    "overbruggingen": ("storage.overbrugging", "SqlOverbruggingRepository"),
    "escalations": ("storage.escalation", "SqlEscalationRepository"),
    "knelpunten": ("storage.knelpunten", "SqlKnelpuntRepository"),
    "loket": ("storage.loket", "SqlLoketRepository"),
    "plans": ("storage.plans", "SqlPlanRepository"),
    "register": ("storage.register", "SqlRegisterRepository"),
    "dashboard": ("storage.dashboard", "SqlDashboardRepository"),
    "people": ("storage.people", "SqlPeopleRepository"),
    "precedents": ("storage.precedents", "SqlPrecedentRepository"),
}
"""Each repository is made (and its module imported) when a use case first touches it: opening the case
list need not import the dashboard's, the register's or the plans' SQL (a fifth of a cold start-up)."""


class SqlUnitOfWork:
    households: SqlHouseholdRepository
    audit: SqlAuditLog
    users: SqlUserRepository
    mandates: SqlMandateRepository
    overbruggingen: SqlOverbruggingRepository
    escalations: SqlEscalationRepository
    knelpunten: SqlKnelpuntRepository
    loket: SqlLoketRepository
    plans: SqlPlanRepository
    register: SqlRegisterRepository
    dashboard: SqlDashboardRepository
    people: SqlPeopleRepository
    precedents: SqlPrecedentRepository

    def __init__(self, session_factory: sessionmaker[Session], audit_key: bytes, clock: Clock = utcnow) -> None:
        self.session_factory = session_factory
        self.audit_key = audit_key
        self.clock = clock

    def __enter__(self) -> SqlUnitOfWork:
        for name in REPOSITORIES:  # a unit of work entered again gets repositories on its new session
            self.__dict__.pop(name, None)
        self.session = self.session_factory()
        return self

    if not TYPE_CHECKING:  # hidden from mypy: an `Any` __getattr__ would let `uow.any_typo` pass as Any

        def __getattr__(self, name: str) -> Any:
            # Only called for attributes not set yet: the repositories, made on first use in this session.
            where = REPOSITORIES.get(name)
            if where is None or "session" not in self.__dict__:
                raise AttributeError(name)
            factory = getattr(importlib.import_module(where[0]), where[1])
            if name == "audit":
                repository = factory(self.session, self.audit_key, self.clock)
            elif name in ("users", "dashboard", "mandates"):
                repository = factory(self.session)
            else:
                repository = factory(self.session, self.clock)
            setattr(self, name, repository)
            return repository

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        # close() alone: it rolls back what was not committed (the pool resets the connection it takes back)
        # and drops every object; a rollback() first also restored the session's snapshot of objects that
        # close() then drops anyway (8% of the case list's first page).
        self.session.close()

    def commit(self) -> None:
        # The dashboard's items of the households this transaction changed (the database's triggers listed
        # them), written in this same transaction: storage/dashboard_items.py. Only after a write other than
        # the audit trail's: a read use case (which logs the view) does not look.
        self.session.flush()
        if self.session.in_transaction():
            connection = self.session.connection()
            if connection.info.pop(WROTE, False):
                from storage.dashboard_items import refresh_pending

                refresh_pending(connection)
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()


WROTE = "doorbraak_wrote"
"""Set on a connection by a statement that may change a household's dashboard facts (see `_note_writes`)."""


def _note_writes(connection: Any, cursor: Any, statement: str, parameters: Any, context: Any,
                 executemany: bool) -> None:
    # A write that is not the audit trail's (INSERT/UPDATE/DELETE; the audit tables start with "audit_").
    if statement[:6] in ("INSERT", "UPDATE", "DELETE") and "audit_" not in statement[:24]:
        connection.info[WROTE] = True


def session_factory(engine: Engine) -> sessionmaker[Session]:
    if not event.contains(engine, "before_cursor_execute", _note_writes):
        event.listen(engine, "before_cursor_execute", _note_writes)
    return sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)
