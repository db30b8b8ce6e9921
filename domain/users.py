"""User accounts for shared databases. Single-user SQLite needs none: the local user is the owner."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from pydantic import BaseModel, ConfigDict, Field, field_validator

from domain import reference
from domain.actors import Actor, Role

USERNAME_RE = re.compile(r"^[a-z][a-z0-9._-]{1,39}$")
MIN_PASSWORD_LENGTH = 12
FREE_ATTEMPTS = 3
MAX_LOCK = timedelta(minutes=15)


class User(BaseModel):
    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    username: str
    display_name: str = Field(min_length=1, max_length=120)
    role: Role
    municipality_codes: frozenset[str] | None = None
    team: str = Field(default="", max_length=120)
    active: bool = True
    failed_logins: int = 0
    locked_until: datetime | None = None
    version: int = 0

    @field_validator("username")
    @classmethod
    def _username(cls, value: str) -> str:
        value = value.strip().lower()
        if not USERNAME_RE.match(value):
            raise ValueError(
                "Een gebruikersnaam is 2-40 tekens: kleine letters, cijfers, punt, streepje of liggend streepje."
            )
        return value

    @field_validator("role")
    @classmethod
    def _role(cls, value: Role) -> Role:
        if value is Role.EIGENAAR:
            raise ValueError("De rol eigenaar bestaat alleen zonder accounts (één gebruiker, eigen bestand).")
        return value

    @field_validator("municipality_codes")
    @classmethod
    def _municipalities(cls, value: frozenset[str] | None) -> frozenset[str] | None:
        if value is None:
            return None
        for code in value:
            reference.municipality_name(code)
        return value

    def actor(self, workstation: str = "") -> Actor:
        return Actor(
            username=self.username,
            display_name=self.display_name,
            role=self.role,
            municipality_codes=self.municipality_codes,
            team=self.team,
            workstation=workstation,
        )


def check_password_strength(password: str, username: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"Een wachtwoord heeft minstens {MIN_PASSWORD_LENGTH} tekens.")
    if username and username.lower() in password.lower():
        raise ValueError("Het wachtwoord mag de gebruikersnaam niet bevatten.")


def lock_duration(failed_logins: int) -> timedelta:
    """Back off after failed logins: nothing for the first few, then doubling up to 15 minutes."""
    if failed_logins < FREE_ATTEMPTS:
        return timedelta(0)
    return min(timedelta(seconds=2 ** (failed_logins - FREE_ATTEMPTS + 1)), MAX_LOCK)
