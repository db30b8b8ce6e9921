"""Who does something, and in which capacity. Services check permissions with `domain.access`."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


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


class Actor(BaseModel):
    """The person at the keyboard. `municipality_codes` None means: not limited to municipalities."""

    model_config = ConfigDict(frozen=True)

    username: str
    display_name: str
    role: Role = Role.PROFESSIONAL
    municipality_codes: frozenset[str] | None = None
    team: str = ""
    workstation: str = ""


def local_owner(username: str, display_name: str) -> Actor:
    """The actor of a database without accounts (single-user mode, not logged in): the owner of the file, who
    may do everything. Shared by the bootstrap and the raw reader of `case show` (storage/raw_case.py)."""
    return Actor(username=username, display_name=display_name, role=Role.EIGENAAR)


# Single-user SQLite: the local user owns the file and acts as coordinator of every municipality.
LOCAL_OWNER = Actor(username="lokaal", display_name="Lokale gebruiker", role=Role.EIGENAAR)
