"""User repository and the argon2id password hasher."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import col

from domain.actors import Role
from domain.errors import StaleVersion
from domain.users import User
from storage.households import as_utc
from storage.tables import UserRow

if TYPE_CHECKING:
    from argon2 import PasswordHasher as Argon2Hasher


class Argon2PasswordHasher:
    """argon2-cffi defaults (argon2id, ~0.1 s a hash here); outdated parameters are rehashed at login."""

    def __init__(self, hasher: Argon2Hasher | None = None) -> None:
        self._given = hasher

    @property
    def _hasher(self) -> Argon2Hasher:
        """argon2-cffi is imported on the first login, not at start-up (every command makes this object)."""
        if self._given is None:
            from argon2 import PasswordHasher as Argon2Hasher

            self._given = Argon2Hasher()
        return self._given

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

        try:
            return self._hasher.verify(password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, password_hash: str) -> bool:
        return self._hasher.check_needs_rehash(password_hash)


def _codes(value: str | None) -> frozenset[str] | None:
    return None if value is None else frozenset(c for c in value.split(",") if c)


class SqlUserRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _row(self, username: str) -> UserRow | None:
        return self.session.get(UserRow, username)

    def _to_domain(self, row: UserRow) -> User:
        return User(
            username=row.username,
            display_name=row.display_name,
            role=Role(row.role),
            municipality_codes=_codes(row.municipality_codes),
            team=row.team,
            active=row.active,
            failed_logins=row.failed_logins,
            locked_until=as_utc(row.locked_until) if row.locked_until else None,
            version=row.version,
        )

    def find(self, username: str) -> User | None:
        row = self._row(username)
        return None if row is None else self._to_domain(row)

    def all(self) -> list[User]:
        return [self._to_domain(r) for r in self.session.scalars(select(UserRow).order_by(col(UserRow.username)))]

    def password_hash(self, username: str) -> str | None:
        row = self._row(username)
        return None if row is None else row.password_hash

    def add(self, user: User, password_hash: str) -> User:
        row = UserRow(  # type: ignore[call-arg]
            username=user.username,
            display_name=user.display_name,
            role=user.role.value,
            municipality_codes=None if user.municipality_codes is None else ",".join(sorted(user.municipality_codes)),
            team=user.team,
            password_hash=password_hash,
            active=user.active,
            failed_logins=0,
        )
        self.session.add(row)
        self.session.flush()
        return self._to_domain(row)

    def save(self, user: User) -> User:
        row = self._row(user.username)
        if row is None or row.version != user.version:
            raise StaleVersion("Deze gebruiker")
        row.display_name = user.display_name
        row.role = user.role.value
        row.municipality_codes = None if user.municipality_codes is None else ",".join(sorted(user.municipality_codes))
        row.team = user.team
        row.active = user.active
        row.failed_logins = user.failed_logins
        row.locked_until = user.locked_until
        try:
            self.session.flush()
        except StaleDataError:
            raise StaleVersion("Deze gebruiker") from None
        return self._to_domain(row)

    def set_password_hash(self, username: str, password_hash: str) -> None:
        row = self._row(username)
        if row is not None:
            row.password_hash = password_hash
            self.session.flush()

    def upgrade_password_hash(self, username: str, old_hash: str, new_hash: str) -> bool:
        """One conditional UPDATE, not the row's version check: two logins of one user at once both see the
        old hash, and the second one's versioned flush failed the whole login (StaleDataError, 'Inloggen
        lukte niet door een storing'). The password did not change, so nothing anyone wrote is overwritten."""
        result = self.session.execute(
            update(UserRow)
            .where(col(UserRow.username) == username, col(UserRow.password_hash) == old_hash)
            .values(password_hash=new_hash)
            .execution_options(synchronize_session="fetch"))
        return bool(getattr(result, "rowcount", 0))
