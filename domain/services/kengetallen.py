"""The kengetallen catalogue as a municipality sees it: the national figures with the municipality's own
figures (with their own source and year) in their place."""

from __future__ import annotations

from decimal import Decimal

from pydantic import ValidationError

from domain import reference
from domain.access import AccessDenied, Permission, has, in_municipality
from domain.actors import Actor, Role
from domain.audit import AuditEvent, AuditKind
from domain.catalogues import (
    Kengetal,
    KengetalOverride,
    apply_overrides,
    is_kengetal,
    kengetal,
)
from domain.errors import InvalidInput, NotFound, Problem
from domain.messages import invalid_input
from domain.ports import UnitOfWork

# -- kengetallen catalogue ------------------------------------------------------------------------


def _may_manage_kengetallen(actor: Actor) -> bool:
    return has(actor, Permission.MANAGE_CATALOGUES) or actor.role in (Role.COORDINATOR, Role.TRAINER)


def kengetallen_for(municipality_code: str, uow: UnitOfWork, actor: Actor) -> tuple[Kengetal, ...]:
    """The catalogue as this municipality sees it (its own figures replace the national ones)."""
    if not (has(actor, Permission.LIST_CASES) or has(actor, Permission.MANAGE_CATALOGUES)):
        raise AccessDenied("U mag de kengetallen niet bekijken.")
    with uow:
        overrides = uow.plans.kengetal_overrides(municipality_code)
    return apply_overrides(overrides)


def set_kengetal_override(
    municipality_code: str,
    kengetal_id: str,
    bedrag: Decimal | str,
    bron: str,
    jaar: int,
    uow: UnitOfWork,
    actor: Actor,
) -> Kengetal:
    """Store a municipality's own figure (with its own source and year) for a kengetal."""
    if not _may_manage_kengetallen(actor):
        raise AccessDenied(f"Met de rol {actor.role.label} mag u geen eigen kengetallen vastleggen.")
    if not in_municipality(actor, municipality_code):
        raise AccessDenied(f"U werkt niet voor gemeente {municipality_code}.")
    if not is_kengetal(kengetal_id):
        raise NotFound(f"Kengetal {kengetal_id!r} staat niet in de catalogus.")
    try:
        reference.municipality_name(municipality_code)
    except ValueError as exc:
        raise InvalidInput([Problem("municipality_code", str(exc))]) from None
    try:
        override = KengetalOverride(
            municipality_code=municipality_code,
            kengetal_id=kengetal_id,
            bedrag=Decimal(str(bedrag)),
            bron=bron,
            jaar=jaar,
            updated_by=actor.username,
        )
    except ValidationError as exc:
        raise invalid_input(exc) from None
    except ArithmeticError:
        raise InvalidInput([Problem("bedrag", "moet een bedrag zijn, bijv. 1234.56")]) from None
    standard = kengetal(kengetal_id)
    with uow:
        uow.plans.put_kengetal_override(override)
        uow.audit.record(
            AuditEvent(
                kind=AuditKind.UPDATE,
                object_type="kengetal",
                object_id=f"{municipality_code}/{kengetal_id}",
                username=actor.username,
                role=actor.role.value,
                changes={
                    "bedrag": (str(standard.bedrag), str(override.bedrag)),
                    "bron": (standard.bron, override.bron),
                },
            )
        )
        overrides = uow.plans.kengetal_overrides(municipality_code)
        uow.commit()
    return next(k for k in apply_overrides(overrides) if k.id == kengetal_id)


def remove_kengetal_override(municipality_code: str, kengetal_id: str, uow: UnitOfWork, actor: Actor) -> bool:
    """Go back to the national figure. Returns False when there was no own figure."""
    if not _may_manage_kengetallen(actor):
        raise AccessDenied(f"Met de rol {actor.role.label} mag u geen eigen kengetallen beheren.")
    if not in_municipality(actor, municipality_code):
        raise AccessDenied(f"U werkt niet voor gemeente {municipality_code}.")
    with uow:
        removed = uow.plans.delete_kengetal_override(municipality_code, kengetal_id)
        if removed:
            uow.audit.record(
                AuditEvent(
                    kind=AuditKind.DELETE,
                    object_type="kengetal",
                    object_id=f"{municipality_code}/{kengetal_id}",
                    username=actor.username,
                    role=actor.role.value,
                )
            )
        uow.commit()
    return removed
