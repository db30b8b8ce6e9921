"""Who does something. Roles and permissions grow with the trust issue; services already take an actor."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Role(StrEnum):
    PROFESSIONAL = "professional"
    COORDINATOR = "coordinator"
    LET = "let"
    TRAINER = "trainer"
    BEHEER = "beheer"


class Actor(BaseModel):
    model_config = ConfigDict(frozen=True)

    username: str
    display_name: str
    role: Role = Role.PROFESSIONAL


LOCAL_OWNER = Actor(username="lokaal", display_name="Lokale gebruiker", role=Role.COORDINATOR)
