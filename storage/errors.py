"""Storage's own Dutch error, in a module without SQLAlchemy (storage/engine.py re-exports it), so the raw SQLite
reader (storage/raw_case.py) raises the very same exception type as the ORM path."""

from __future__ import annotations

from domain.errors import DomainError


class DatabaseError(DomainError):
    title = "Database"
