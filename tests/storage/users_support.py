"""Accounts for the login tests: a cheap argon2id hasher, the first (beheer) account, a login."""

from __future__ import annotations

from datetime import UTC, datetime

from argon2 import PasswordHasher as Argon2Hasher

from domain.actors import Role
from domain.services import users as service
from storage.bootstrap import Database
from storage.users import Argon2PasswordHasher

# Cheap parameters keep the tests fast; production uses argon2-cffi's defaults.
FAST = Argon2PasswordHasher(Argon2Hasher(time_cost=1, memory_cost=1024, parallelism=1))
PASSWORD = "correct paard batterij"


def bootstrap(db: Database) -> None:
    service.create_user(
        db.uow(), db.actor, FAST, username="beheer", display_name="Beheerder", role=Role.BEHEER, password=PASSWORD
    )


def login(db: Database, username: str, password: str, *, demo: bool = False, at: datetime | None = None):  # type: ignore[no-untyped-def]
    return service.authenticate(
        db.uow(), FAST, username, password, demo_database=demo, now=(lambda: at) if at else (lambda: datetime.now(UTC))
    )
