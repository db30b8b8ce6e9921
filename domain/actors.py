"""Who does something, and in which capacity. Services check permissions with `domain.access`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from domain.roles import ROLE_LABELS as ROLE_LABELS
from domain.roles import LocalOwner
from domain.roles import Role as Role


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
    may do everything. The raw reader of `case show` holds the same as a `LocalOwner` (domain/roles.py)."""
    owner = LocalOwner(username=username, display_name=display_name)
    return Actor(username=owner.username, display_name=owner.display_name, role=owner.role,
                 municipality_codes=owner.municipality_codes, team=owner.team)


# Single-user SQLite: the local user owns the file and acts as coordinator of every municipality.
LOCAL_OWNER = Actor(username="lokaal", display_name="Lokale gebruiker", role=Role.EIGENAAR)
