"""The SQL unit of work: one session, one transaction; leaving without commit rolls back."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from storage.audit import SqlAuditLog
from storage.dashboard import SqlDashboardRepository
from storage.escalation import SqlEscalationRepository
from storage.households import Clock, SqlHouseholdRepository, utcnow
from storage.knelpunten import SqlKnelpuntRepository
from storage.overbrugging import SqlOverbruggingRepository
from storage.plans import SqlPlanRepository
from storage.register import SqlRegisterRepository
from storage.users import SqlUserRepository


class SqlUnitOfWork:
    def __init__(self, session_factory: sessionmaker[Session], audit_key: bytes, clock: Clock = utcnow) -> None:
        self.session_factory = session_factory
        self.audit_key = audit_key
        self.clock = clock

    def __enter__(self) -> SqlUnitOfWork:
        self.session = self.session_factory()
        self.households = SqlHouseholdRepository(self.session, self.clock)
        self.audit = SqlAuditLog(self.session, self.audit_key, self.clock)
        self.users = SqlUserRepository(self.session)
        self.overbruggingen = SqlOverbruggingRepository(self.session, self.clock)
        self.escalations = SqlEscalationRepository(self.session, self.clock)
        self.knelpunten = SqlKnelpuntRepository(self.session, self.clock)
        self.plans = SqlPlanRepository(self.session, self.clock)
        self.register = SqlRegisterRepository(self.session, self.clock)
        self.dashboard = SqlDashboardRepository(self.session)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            self.session.rollback()
        finally:
            self.session.close()

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)
