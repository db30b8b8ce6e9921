"""Domain errors. Each carries a Dutch message that can be shown to a user as is."""

from __future__ import annotations

from dataclasses import dataclass


class DomainError(Exception):
    """Base class: `message` is Dutch and safe to show (never contains a BSN)."""

    title = "Er ging iets mis"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Problem:
    """One validation problem: where (dotted path) and why (Dutch)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


class InvalidInput(DomainError):
    """Input was rejected; `problems` names every field that is wrong."""

    title = "Ongeldige invoer"

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems) or "Ongeldige invoer.")


class NotFound(DomainError):
    title = "Niet gevonden"


class IllegalTransition(DomainError):
    title = "Statuswijziging niet toegestaan"


class StaleVersion(DomainError):
    """Someone else saved the same record after it was opened: refuse, never overwrite."""

    title = "Tussentijds gewijzigd"

    def __init__(self, what: str = "Dit dossier") -> None:
        super().__init__(
            f"{what} is intussen door iemand anders gewijzigd. "
            "Uw wijzigingen zijn niet opgeslagen; laad het dossier opnieuw en voer ze opnieuw in."
        )


class Conflict(DomainError):
    title = "Conflict"
