"""Who may do what. Enforced in the services for every use case, not only hidden in screens.

Roles (design choice, after issue 6):
- professional: cases of own municipality; own and team cases freely, other cases only with a reason
  that is logged (break-glass);
- coordinator: all cases of the municipality, escalations, overbruggingen, audit trail;
- let: only pseudonymised escalation dossiers and knelpunten — never a household; records the LMM/LET's
  handling of national escalations (in behandeling, opgelost, niet opgelost, teruggelegd);
- trainer: like a coordinator, but only on the demo database;
- beheer: users, the mandate register, catalogues, backups, retention; no case content;
- eigenaar: single-user mode (a local SQLite file without accounts): the owner may do everything.
"""

from __future__ import annotations

from enum import Enum, StrEnum

from domain.errors import DomainError
from domain.roles import Acting, Role


class Permission(StrEnum):
    LIST_CASES = "list_cases"
    VIEW_CASE = "view_case"
    EDIT_CASE = "edit_case"
    CREATE_CASE = "create_case"
    EXPORT_CASE = "export_case"
    VIEW_AUDIT = "view_audit"
    VERIFY_AUDIT = "verify_audit"
    MANAGE_USERS = "manage_users"
    MANAGE_MANDATES = "manage_mandates"
    MANAGE_CATALOGUES = "manage_catalogues"
    MANAGE_ESCALATIONS = "manage_escalations"
    VIEW_ESCALATION_DOSSIERS = "view_escalation_dossiers"
    HANDLE_NATIONAL_ESCALATIONS = "handle_national_escalations"
    MANAGE_OVERBRUGGINGEN = "manage_overbruggingen"
    VIEW_KNELPUNTEN = "view_knelpunten"
    MANAGE_KNELPUNTEN = "manage_knelpunten"
    SEARCH_REGISTER = "search_register"
    MANAGE_REGISTER = "manage_register"
    PRIVACY_EXPORT = "privacy_export"
    PRIVACY_PURGE = "privacy_purge"
    VIEW_REPORTS = "view_reports"


P = Permission
_CASEWORK = {P.LIST_CASES, P.VIEW_CASE, P.EDIT_CASE, P.CREATE_CASE, P.EXPORT_CASE, P.SEARCH_REGISTER,
             P.VIEW_KNELPUNTEN, P.MANAGE_KNELPUNTEN, P.MANAGE_ESCALATIONS, P.MANAGE_OVERBRUGGINGEN}
_COORDINATION = _CASEWORK | {P.VIEW_AUDIT, P.VERIFY_AUDIT, P.VIEW_ESCALATION_DOSSIERS, P.MANAGE_REGISTER,
                             P.PRIVACY_EXPORT,
                             P.VIEW_REPORTS}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.PROFESSIONAL: frozenset(_CASEWORK),
    Role.COORDINATOR: frozenset(_COORDINATION),
    Role.TRAINER: frozenset(_COORDINATION),
    Role.LET: frozenset({P.VIEW_ESCALATION_DOSSIERS, P.HANDLE_NATIONAL_ESCALATIONS, P.VIEW_KNELPUNTEN,
                         P.MANAGE_KNELPUNTEN, P.SEARCH_REGISTER, P.VIEW_REPORTS}),
    Role.EIGENAAR: frozenset(Permission),
    Role.BEHEER: frozenset({P.MANAGE_USERS, P.MANAGE_MANDATES, P.MANAGE_CATALOGUES, P.VERIFY_AUDIT,
                            P.PRIVACY_PURGE, P.MANAGE_REGISTER, P.SEARCH_REGISTER, P.VIEW_AUDIT}),
}


MIN_REASON_LENGTH = 5
"""A reason for opening a case outside the caseload has at least this many characters."""


class AccessDenied(DomainError):
    title = "Geen toegang"


class ReasonRequired(DomainError):
    """The case is outside the actor's caseload: ask for a reason, then retry with `purpose`."""

    title = "Reden nodig"

    def __init__(self, case_number: str) -> None:
        super().__init__(
            f"Casus {case_number} hoort niet bij uw caseload. Geef een reden op om hem te openen; "
            "die reden wordt vastgelegd in het logboek."
        )
        self.case_number = case_number


class CaseAccess(Enum):
    ALLOWED = "allowed"
    NEEDS_REASON = "needs_reason"
    DENIED = "denied"


def has(actor: Acting, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[actor.role]


def require(actor: Acting, permission: Permission) -> None:
    if not has(actor, permission):
        raise AccessDenied(f"Met de rol {actor.role.label} mag u dit niet ({_PERMISSION_NL[permission]}).")


def in_municipality(actor: Acting, municipality_code: str) -> bool:
    return actor.municipality_codes is None or municipality_code in actor.municipality_codes


def case_access(actor: Acting, *, municipality_code: str, professional: str, team: str) -> CaseAccess:
    """Can this actor open a case with these attributes (caseload = own or team cases)?"""
    if not has(actor, Permission.VIEW_CASE) or not in_municipality(actor, municipality_code):
        return CaseAccess.DENIED
    if actor.role is not Role.PROFESSIONAL:
        return CaseAccess.ALLOWED
    own = professional == actor.display_name or professional == actor.username
    same_team = bool(actor.team) and team == actor.team
    return CaseAccess.ALLOWED if own or same_team else CaseAccess.NEEDS_REASON


def require_case(actor: Acting, case_number: str, *, municipality_code: str, professional: str, team: str,
                 purpose: str = "") -> bool:
    """Raise unless allowed; returns True when this is a logged break-glass opening (outside caseload)."""
    access = case_access(actor, municipality_code=municipality_code, professional=professional, team=team)
    if access is CaseAccess.DENIED:
        raise AccessDenied(f"U heeft geen toegang tot casus {case_number}.")
    if access is CaseAccess.NEEDS_REASON:
        if len(purpose.strip()) < MIN_REASON_LENGTH:
            raise ReasonRequired(case_number)
        return True
    return False


_PERMISSION_NL: dict[Permission, str] = {
    P.LIST_CASES: "casussen bekijken",
    P.VIEW_CASE: "een casus openen",
    P.EDIT_CASE: "een casus wijzigen",
    P.CREATE_CASE: "een casus aanmaken",
    P.EXPORT_CASE: "een casus exporteren",
    P.VIEW_AUDIT: "het logboek bekijken",
    P.VERIFY_AUDIT: "het logboek controleren",
    P.MANAGE_USERS: "gebruikers beheren",
    P.MANAGE_MANDATES: "mandaten beheren",
    P.MANAGE_CATALOGUES: "catalogi beheren",
    P.MANAGE_ESCALATIONS: "escalaties beheren",
    P.VIEW_ESCALATION_DOSSIERS: "escalatiedossiers bekijken",
    P.HANDLE_NATIONAL_ESCALATIONS: "landelijke escalaties afhandelen",
    P.MANAGE_OVERBRUGGINGEN: "overbruggingen beheren",
    P.VIEW_KNELPUNTEN: "knelpunten bekijken",
    P.MANAGE_KNELPUNTEN: "knelpunten vastleggen",
    P.SEARCH_REGISTER: "het maatwerkregister doorzoeken",
    P.MANAGE_REGISTER: "het maatwerkregister beheren",
    P.PRIVACY_EXPORT: "een inzageverzoek uitvoeren",
    P.PRIVACY_PURGE: "gegevens vernietigen",
    P.VIEW_REPORTS: "rapportages bekijken",
}


TABLE_ROLES = (Role.PROFESSIONAL, Role.COORDINATOR, Role.LET, Role.TRAINER, Role.BEHEER, Role.EIGENAAR)


def permission_table() -> str:
    """The role x permission table of docs/security.md (a test keeps the document equal to this)."""
    head = "| mag | " + " | ".join(role.value for role in TABLE_ROLES) + " |"
    rule = "|---|" + "---|" * len(TABLE_ROLES)
    lines = [head, rule]
    for permission in Permission:
        marks = " | ".join("ja" if permission in ROLE_PERMISSIONS[role] else "—" for role in TABLE_ROLES)
        lines.append(f"| {_PERMISSION_NL[permission]} | {marks} |")
    return "\n".join(lines)
