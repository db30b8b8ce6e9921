"""Use cases of the mandate register: list, register, revoke (beheer), and which mandate covers a decision.

Every change is one transaction with its audit record (object type `mandate`, old → new values). The checks
that use the register — deciding a plan, granting an overbrugging — live with those use cases
(`domain/services/plans.py`, `domain/services/overbrugging.py`) and call `covering_mandate` here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict

from domain import reference
from domain.access import ROLE_PERMISSIONS, AccessDenied, Permission, in_municipality, require
from domain.actors import Actor
from domain.audit import AuditKind
from domain.errors import Conflict, IllegalTransition, InvalidInput, Problem
from domain.mandate import Ask, Mandate, MandateDraft, ShortText, choose_mandate
from domain.ports import UnitOfWork
from domain.services.bound import Bound
from domain.services.casework import parse, today_or
from domain.services.use_case import UseCase

OBJECT_TYPE = "mandate"


class RevokeMandate(BaseModel):
    """Revoke a mandate (Awb 10:8): from `revoked_on` (default today) it covers nothing."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    mandate_id: int
    reason: ShortText
    expected_version: int
    revoked_on: date | None = None


@dataclass(frozen=True)
class MandateRow:
    """A line of the register as screens and the CLI show it."""

    mandate: Mandate
    state: str


def list_mandates(uow: UnitOfWork, actor: Actor, *, today: date | None = None) -> list[MandateRow]:
    """The register of the actor's municipalities, revoked and expired mandates included (history)."""
    require(actor, Permission.MANAGE_MANDATES)
    day = today_or(today)
    with uow:
        mandates = uow.mandates.list(actor.municipality_codes)
    return [MandateRow(m, m.state(day)) for m in mandates]


def add_mandate(draft: MandateDraft | Mapping[str, Any], uow: UnitOfWork, actor: Actor) -> Mandate:
    """Register a mandate granted by the college (the mandaatbesluit names it; `granted_by` records it).

    On a database with accounts the holder must be an active account that may edit cases in that
    municipality; its display name is the holder's name. Without accounts (single user) the typed name is kept.
    """
    parsed = parse(MandateDraft, dict(draft) if isinstance(draft, Mapping) else draft)
    with UseCase(uow, actor, Permission.MANAGE_MANDATES) as case:
        if not in_municipality(actor, parsed.municipality_code):
            raise AccessDenied(f"U beheert geen mandaten van {reference.municipality_name(parsed.municipality_code)}.")
        name = parsed.holder_name
        accounts = uow.users.all()
        if accounts:
            account = next((u for u in accounts if u.username == parsed.holder_username), None)
            if account is None or not account.active:
                raise InvalidInput([Problem("holder_username",
                                            f"Er is geen actief account {parsed.holder_username}.")])
            if Permission.EDIT_CASE not in ROLE_PERMISSIONS[account.role]:
                raise InvalidInput([Problem("holder_username",
                                            f"Met de rol {account.role.label} kan {account.display_name} geen plan "
                                            "vaststellen; een mandaat heeft dan geen zin.")])
            if account.municipality_codes is not None and parsed.municipality_code not in account.municipality_codes:
                raise InvalidInput([Problem("municipality_code",
                                            f"{account.display_name} werkt niet voor "
                                            f"{reference.municipality_name(parsed.municipality_code)}.")])
            name = account.display_name
        elif not name:
            raise InvalidInput([Problem("holder_name", "Geef de naam van de mandaathouder.")])
        mandate = Mandate.model_validate({**parsed.model_dump(), "holder_name": name, "registered_by": actor.username})
        saved = uow.mandates.add(mandate)
        case.record(AuditKind.CREATE, OBJECT_TYPE, saved.reference, after=saved,
                    purpose=f"mandaat voor {saved.holder_username}")
        case.commit()
    return saved


def revoke_mandate(command: RevokeMandate, uow: UnitOfWork, actor: Actor, *, today: date | None = None) -> Mandate:
    """Revoke a mandate (the mandaatgever may do so at any time, Awb 10:8); it stays in the register."""
    if not command.reason:
        raise InvalidInput([Problem("reason", "Geef de reden van de intrekking.")])
    day = command.revoked_on or today_or(today)
    with UseCase(uow, actor, Permission.MANAGE_MANDATES) as case:
        current = uow.mandates.get(command.mandate_id)
        if not in_municipality(actor, current.municipality_code):
            raise AccessDenied(f"U beheert geen mandaten van {current.municipality_name}.")
        if current.revoked_on is not None:
            raise IllegalTransition(f"Mandaat {current.reference} is al ingetrokken.")
        if current.version != command.expected_version:
            raise Conflict(f"Mandaat {current.reference} is intussen gewijzigd; laad het register opnieuw.")
        revoked = current.model_copy(update={"revoked_on": day, "revoked_by": actor.username,
                                             "revoke_reason": command.reason})
        saved = uow.mandates.save(revoked)
        case.record(AuditKind.UPDATE, OBJECT_TYPE, saved.reference, before=current, after=saved,
                    purpose="ingetrokken")
        case.commit()
    return saved


def covering_mandate(uow: UnitOfWork, actor: Actor, ask: Ask, *, author: str, author_username: str = "",
                     days: Sequence[date]) -> Mandate:
    """Inside a use case's unit of work: the actor's mandate that covers `ask`, or NoMandate naming who may."""
    mandates = uow.mandates.list()  # also the actor's mandates elsewhere: the refusal says where they apply
    return choose_mandate(username=actor.username, display_name=actor.display_name, author=author,
                          author_username=author_username, ask=ask, mandates=mandates, days=days)


class MandateService(Bound):
    """The mandate register's use cases, bound to a unit of work and the actor."""

    def list(self, *, today: date | None = None) -> list[MandateRow]:
        return list_mandates(self.uow, self.actor, today=today)

    def add(self, draft: MandateDraft) -> Mandate:
        return add_mandate(draft, self.uow, self.actor)

    def revoke(self, command: RevokeMandate, *, today: date | None = None) -> Mandate:
        return revoke_mandate(command, self.uow, self.actor, today=today)
