"""A shared test database with accounts for the trust Pilot tests (login, caseload, LET, audit).

Households come from tests.tui.data (built by the single-user owner before any account exists); then one
account per role. All fictional.
"""

from __future__ import annotations

from pathlib import Path

from domain.actors import Role
from domain.services.users import create_user
from storage.bootstrap import Database
from tests.tui.data import build
from tests.tui.pilot_support import open_test_database

PASSWORD = "geheim wachtwoord 2026"

# username, display name, role, municipalities, team. "Anna de Vries" has Familie Jansen (GM0363) in her
# caseload; Huishouden Pietersen (GM0363, Chantal Bakker) is outside it.
ACCOUNTS: list[tuple[str, str, Role, frozenset[str] | None, str]] = [
    ("beheer", "Bea Beheer", Role.BEHEER, None, ""),
    ("avries", "Anna de Vries", Role.PROFESSIONAL, frozenset({"GM0363"}), ""),
    ("ccoord", "Carla Coördinator", Role.COORDINATOR, frozenset({"GM0363"}), ""),
    ("letlid", "Lotte LET", Role.LET, None, ""),
    ("trainer", "Tim Trainer", Role.TRAINER, None, ""),
]


class _Hasher:
    """argon2id with minimal cost: the tests check the flow, storage tests check the real hasher."""

    def __init__(self) -> None:
        from argon2 import PasswordHasher

        from storage.users import Argon2PasswordHasher

        self.inner = Argon2PasswordHasher(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))

    def hash(self, password: str) -> str:
        return self.inner.hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        return self.inner.verify(password_hash, password)

    def needs_rehash(self, password_hash: str) -> bool:
        return False


def build_shared(path: Path) -> list[str]:
    """Write households and accounts to `path`; returns the case numbers (see tests.tui.data)."""
    db = open_test_database(path)
    try:
        numbers = build(db)
        hasher = _Hasher()
        first = db.actor
        for username, name, role, codes, team in ACCOUNTS:
            create_user(db.uow(), first, hasher, username=username, display_name=name, role=role,
                        password=PASSWORD, municipality_codes=codes, team=team)
    finally:
        db.close()
    return numbers


def open_shared(path: Path, *, demo: bool = False, **settings: object) -> Database:
    """A fresh handle on the shared file: it asks for a login."""
    return open_test_database(path, demo=demo, **settings)
