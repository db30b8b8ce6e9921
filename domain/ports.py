"""Ports the use cases need from storage. Storage implements them; tests may use in-memory fakes."""

from __future__ import annotations

from collections.abc import Iterator
from types import TracebackType
from typing import Protocol

from domain.audit import AuditEvent, AuditRecord
from domain.caselist import CaseListPage, CaseListQuery
from domain.household import Household
from domain.users import User


class HouseholdRepository(Protocol):
    def get(self, case_number: str) -> Household:
        """Return the household or raise NotFound."""
        ...

    def exists(self, case_number: str) -> bool: ...

    def add(self, household: Household) -> Household:
        """Insert a new household (case_number set) and return it with ids and version."""
        ...

    def save(self, household: Household) -> Household:
        """Update an existing household; raise StaleVersion when `household.version` is not current."""
        ...

    def next_case_number(self, year: int) -> str: ...

    def list_cases(self, query: CaseListQuery, municipality_codes: frozenset[str] | None = None) -> CaseListPage:
        """A page of cases; `municipality_codes` limits the result (None: all)."""
        ...


class AuditLog(Protocol):
    def record(self, event: AuditEvent) -> None:
        """Append an event in the current transaction (it commits or rolls back with the change)."""
        ...

    def records(self, object_type: str | None = None, object_id: str | None = None) -> Iterator[AuditRecord]: ...

    def verify(self) -> list[str]:
        """Dutch descriptions of every break in the hash chain; empty when intact."""
        ...


class UserRepository(Protocol):
    def find(self, username: str) -> User | None: ...

    def all(self) -> list[User]: ...

    def password_hash(self, username: str) -> str | None: ...

    def add(self, user: User, password_hash: str) -> User: ...

    def save(self, user: User) -> User:
        """Update; raise StaleVersion when `user.version` is not current."""
        ...

    def set_password_hash(self, username: str, password_hash: str) -> None: ...


class UnitOfWork(Protocol):
    """One transaction. Leaving the block without `commit()` rolls back."""

    households: HouseholdRepository
    audit: AuditLog
    users: UserRepository

    def __enter__(self) -> UnitOfWork: ...

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...
