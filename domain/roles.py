"""The roles and the shape of whoever acts, without pydantic: `domain.access` checks permissions on anything with
these attributes, so the raw reader of `case show` (storage/raw_case.py) checks them without the pydantic models.
`domain.actors` re-exports `Role` and `ROLE_LABELS`; its `Actor` model is the actor everywhere else."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class Role(StrEnum):
    PROFESSIONAL = "professional"
    COORDINATOR = "coordinator"
    LET = "let"
    TRAINER = "trainer"
    BEHEER = "beheer"
    EIGENAAR = "eigenaar"
    """Single-user mode only: the person who owns the local SQLite file may do everything."""

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.PROFESSIONAL: "Professional",
    Role.COORDINATOR: "Coördinator",
    Role.LET: "Landelijk Escalatie Team",
    Role.TRAINER: "Trainer",
    Role.BEHEER: "Beheerder",
    Role.EIGENAAR: "Eigenaar (enkele gebruiker)",
}


class Acting(Protocol):
    """What the permission rules read of an actor (`domain.actors.Actor` has it all)."""

    @property
    def username(self) -> str: ...

    @property
    def display_name(self) -> str: ...

    @property
    def role(self) -> Role: ...

    @property
    def municipality_codes(self) -> frozenset[str] | None: ...

    @property
    def team(self) -> str: ...


@dataclass(frozen=True)
class LocalOwner:
    """The owner of a local SQLite file without accounts (single-user mode), as the raw reader holds it; the
    bootstrap makes the same actor as an `Actor` (`domain.actors.local_owner`)."""

    username: str
    display_name: str
    role: Role = Role.EIGENAAR
    municipality_codes: frozenset[str] | None = None
    team: str = ""


@dataclass(frozen=True)
class NotLoggedIn:
    """Whoever started the app on a shared database before logging in: no permission on any case (as
    `storage.bootstrap.Database.actor` answers then). The fast start holds it until the services are open."""

    username: str
    display_name: str
    role: Role = Role.LET
    municipality_codes: frozenset[str] | None = frozenset()
    team: str = ""
