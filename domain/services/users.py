"""Use cases for accounts: create, list, (de)activate, change password, log in with back-off."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Protocol

from pydantic import ValidationError

from domain.access import Permission, require
from domain.actors import Actor, Role
from domain.audit import AuditKind
from domain.errors import Conflict, DomainError, InvalidInput, NotFound, Problem
from domain.messages import invalid_input
from domain.ports import UnitOfWork
from domain.services.bound import ActorProvider, Bound, UnitOfWorkFactory
from domain.services.use_case import audit_event
from domain.users import User, check_password_strength, lock_duration


class PasswordHasher(Protocol):
    def hash(self, password: str) -> str: ...

    def verify(self, password_hash: str, password: str) -> bool: ...

    def needs_rehash(self, password_hash: str) -> bool: ...


class LoginFailed(DomainError):
    title = "Inloggen mislukt"


def _audit(
    uow: UnitOfWork, actor: Actor, kind: AuditKind, username: str, outcome: str = "ok", purpose: str = ""
) -> None:
    uow.audit.record(audit_event(actor, kind, "user", username, outcome=outcome, purpose=purpose))


def create_user(
    uow: UnitOfWork,
    actor: Actor,
    hasher: PasswordHasher,
    *,
    username: str,
    display_name: str,
    role: Role,
    password: str,
    municipality_codes: frozenset[str] | None = None,
    team: str = "",
) -> User:
    with uow:
        first_account = not uow.users.all()
    if first_account:
        # Bootstrapping a shared database: the very first account must be a beheerder.
        if role is not Role.BEHEER:
            raise InvalidInput([Problem("rol", "Het eerste account moet de rol beheer hebben.")])
    else:
        require(actor, Permission.MANAGE_USERS)
    try:
        user = User(username=username, display_name=display_name, role=role,
                    municipality_codes=municipality_codes, team=team)
    except ValidationError as exc:
        raise invalid_input(exc) from None
    try:
        check_password_strength(password, user.username)
    except ValueError as exc:
        raise InvalidInput([Problem("wachtwoord", str(exc))]) from None
    with uow:
        if uow.users.find(user.username) is not None:
            raise Conflict(f"Gebruiker {user.username} bestaat al.")
        saved = uow.users.add(user, hasher.hash(password))
        _audit(uow, actor, AuditKind.CREATE, user.username, purpose=f"rol {role.value}")
        uow.commit()
    return saved


def has_accounts(uow: UnitOfWork) -> bool:
    with uow:
        return bool(uow.users.all())


def list_users(uow: UnitOfWork, actor: Actor) -> list[User]:
    require(actor, Permission.MANAGE_USERS)
    with uow:
        return uow.users.all()


def set_active(uow: UnitOfWork, actor: Actor, username: str, active: bool) -> User:
    require(actor, Permission.MANAGE_USERS)
    with uow:
        user = uow.users.find(username)
        if user is None:
            raise NotFound(f"Gebruiker {username} bestaat niet.")
        user.active = active
        user.failed_logins = 0
        user.locked_until = None
        saved = uow.users.save(user)
        _audit(uow, actor, AuditKind.UPDATE, username, purpose="geactiveerd" if active else "gedeactiveerd")
        uow.commit()
    return saved


def change_password(uow: UnitOfWork, actor: Actor, hasher: PasswordHasher, username: str, password: str) -> None:
    """Users change their own password; beheer may reset anyone's."""
    if actor.username != username:
        require(actor, Permission.MANAGE_USERS)
    try:
        check_password_strength(password, username)
    except ValueError as exc:
        raise InvalidInput([Problem("wachtwoord", str(exc))]) from None
    with uow:
        if uow.users.find(username) is None:
            raise NotFound(f"Gebruiker {username} bestaat niet.")
        uow.users.set_password_hash(username, hasher.hash(password))
        _audit(uow, actor, AuditKind.UPDATE, username, purpose="wachtwoord gewijzigd")
        uow.commit()


def authenticate(
    uow: UnitOfWork,
    hasher: PasswordHasher,
    username: str,
    password: str,
    *,
    demo_database: bool,
    workstation: str = "",
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Actor:
    """Check a login; every attempt is logged. Unknown, wrong, locked and deactivated all get the same
    message and cost the same: one password check (against a dummy hash when there is no account)."""
    refused = LoginFailed(LOGIN_REFUSED)
    username = username.strip().lower()
    with uow:
        user = uow.users.find(username)
        stored = uow.users.password_hash(username) if user is not None else None
        moment = now()
        anonymous = Actor(username=username or "?", display_name="", role=Role.PROFESSIONAL, workstation=workstation)
        # Always exactly one verify, before anything depends on the account's state.
        password_ok = hasher.verify(stored if stored is not None else DUMMY_HASH_FOR_TIMING, password)
        if user is None or stored is None or not user.active:
            _audit(uow, anonymous, AuditKind.LOGIN, username, outcome="geweigerd")
            uow.commit()
            raise refused
        if user.locked_until is not None and user.locked_until > moment:
            _audit(uow, anonymous, AuditKind.LOGIN, username, outcome="geblokkeerd")
            uow.commit()
            raise refused
        if not password_ok:
            user.failed_logins += 1
            wait = lock_duration(user.failed_logins)
            user.locked_until = moment + wait if wait else None
            uow.users.save(user)
            _audit(uow, anonymous, AuditKind.LOGIN, username, outcome="geweigerd")
            uow.commit()
            raise refused
        if user.role is Role.TRAINER and not demo_database:
            _audit(uow, anonymous, AuditKind.LOGIN, username, outcome="geweigerd",
                   purpose="trainer buiten oefenomgeving")
            uow.commit()
            raise LoginFailed("Een trainersaccount werkt alleen in de oefenomgeving (doorbraak demo).")
        if user.failed_logins or user.locked_until is not None:
            user.failed_logins = 0
            user.locked_until = None
            uow.users.save(user)
        if hasher.needs_rehash(stored):  # not when a login of the same user at the same moment did it first
            uow.users.upgrade_password_hash(username, stored, hasher.hash(password))
        actor = user.actor(workstation)
        _audit(uow, actor, AuditKind.LOGIN, username)
        uow.commit()
    return actor


def record_login(uow: UnitOfWork, actor: Actor) -> None:
    """A login the database itself checked (a personal PostgreSQL role): recorded like any other."""
    with uow:
        _audit(uow, actor, AuditKind.LOGIN, actor.username, purpose="PostgreSQL-login")
        uow.commit()


def record_lock(uow: UnitOfWork, actor: Actor, reason: str) -> None:
    """The idle lock closed the screen (or the session ended on it): recorded like a login."""
    with uow:
        _audit(uow, actor, AuditKind.LOCK, actor.username, purpose=reason)
        uow.commit()


def unlock(
    uow: UnitOfWork,
    hasher: PasswordHasher,
    actor: Actor,
    password: str,
    *,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> None:
    """Open a locked screen again with the logged-in user's own password (an app account).

    The same back-off as a login: a wrong password counts as a failed login, and a blocked account stays
    locked; every attempt is recorded. Only the person who was logged in can unlock (no switch of user).
    """
    refused = LoginFailed(UNLOCK_REFUSED)
    with uow:
        user = uow.users.find(actor.username)
        stored = uow.users.password_hash(actor.username) if user is not None else None
        moment = now()
        password_ok = hasher.verify(stored if stored is not None else DUMMY_HASH_FOR_TIMING, password)
        blocked = user is not None and user.locked_until is not None and user.locked_until > moment
        if user is None or stored is None or not user.active or blocked or not password_ok:
            if user is not None and stored is not None and user.active and not blocked:
                user.failed_logins += 1
                wait = lock_duration(user.failed_logins)
                user.locked_until = moment + wait if wait else None
                uow.users.save(user)
            _audit(uow, actor, AuditKind.UNLOCK, actor.username, outcome="geweigerd")
            uow.commit()
            raise refused
        if user.failed_logins or user.locked_until is not None:
            user.failed_logins = 0
            user.locked_until = None
            uow.users.save(user)
        _audit(uow, actor, AuditKind.UNLOCK, actor.username)
        uow.commit()


def record_unlock(uow: UnitOfWork, actor: Actor, *, accepted: bool, purpose: str = "") -> None:
    """An unlock checked elsewhere (the PostgreSQL role's password, or single-user mode without one)."""
    with uow:
        _audit(uow, actor, AuditKind.UNLOCK, actor.username, outcome="ok" if accepted else "geweigerd",
               purpose=purpose)
        uow.commit()


UNLOCK_REFUSED = ("Wachtwoord onjuist, of het account is (tijdelijk) geblokkeerd. "
                  "Na enkele mislukte pogingen moet u even wachten.")

LOGIN_REFUSED = ("Gebruikersnaam of wachtwoord onjuist, of het account is (tijdelijk) geblokkeerd. "
                 "Na enkele mislukte pogingen moet u even wachten.")
"""The one answer to every refused login: it never says whether the account exists, is locked or is off."""

# A valid argon2id hash of a random string: verifying against it costs as much as a real check,
# so response time does not reveal whether a username exists.
DUMMY_HASH_FOR_TIMING = (
    "$argon2id$v=19$m=65536,t=3,p=4$GA4ig4u4svUgGxeztqW3LQ$Gy0Risv5uDiCcSQAl+hoVzko4z7i7TAkJoCZ3q5RpLM"
)


class UserService(Bound):
    """The account use cases, bound to a unit of work, the actor and the password hasher."""

    def __init__(self, uow: UnitOfWorkFactory, actor: ActorProvider, hasher: PasswordHasher) -> None:
        super().__init__(uow, actor)
        self._hasher = hasher

    def has_accounts(self) -> bool:
        return has_accounts(self.uow)

    def create(self, *, username: str, display_name: str, role: Role, password: str,
               municipality_codes: frozenset[str] | None = None, team: str = "") -> User:
        return create_user(self.uow, self.actor, self._hasher, username=username, display_name=display_name,
                           role=role, password=password, municipality_codes=municipality_codes, team=team)

    def list(self) -> list[User]:
        return list_users(self.uow, self.actor)

    def set_active(self, username: str, active: bool) -> User:
        return set_active(self.uow, self.actor, username, active)

    def change_password(self, username: str, password: str) -> None:
        change_password(self.uow, self.actor, self._hasher, username, password)
