"""The household's kinds as plain enums (status, member role, organisation type, legal framework) with their
Dutch labels, and the columns a list of households sorts on. No pydantic: settings, the case list and the CLI
name them without building the household models (issue 18: `domain.household` costs ~50 ms to import).
`domain.household` and `domain.caselist` re-export them."""

from __future__ import annotations

from enum import StrEnum


class HouseholdStatus(StrEnum):
    AANGEMELD = "aangemeld"
    IN_BEHANDELING = "in_behandeling"
    PLAN_VASTGESTELD = "plan_vastgesteld"
    UITVOERING = "uitvoering"
    GEEVALUEERD = "geevalueerd"
    AFGESLOTEN = "afgesloten"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS: dict[HouseholdStatus, str] = {
    HouseholdStatus.AANGEMELD: "Aangemeld",
    HouseholdStatus.IN_BEHANDELING: "In behandeling",
    HouseholdStatus.PLAN_VASTGESTELD: "Plan vastgesteld",
    HouseholdStatus.UITVOERING: "Uitvoering",
    HouseholdStatus.GEEVALUEERD: "Geëvalueerd",
    HouseholdStatus.AFGESLOTEN: "Afgesloten",
}


class MemberRole(StrEnum):
    HOOFDBEWONER = "hoofdbewoner"
    PARTNER = "partner"
    KIND = "kind"
    OUDER = "ouder"
    OVERIG = "overig"


MEMBER_ROLE_LABELS = {
    MemberRole.HOOFDBEWONER: "Hoofdbewoner",
    MemberRole.PARTNER: "Partner",
    MemberRole.KIND: "Kind",
    MemberRole.OUDER: "Ouder",
    MemberRole.OVERIG: "Overig",
}


class OrganisationType(StrEnum):
    GEMEENTE = "gemeente"
    LANDELIJK = "landelijke_uitvoeringsorganisatie"
    ZORGVERZEKERAAR = "zorgverzekeraar"
    ZORGKANTOOR = "zorgkantoor"
    WONINGCORPORATIE = "woningcorporatie"
    ZORGAANBIEDER = "zorgaanbieder"
    JEUGDHULP = "jeugdhulpaanbieder"
    SCHULDHULP = "schuldhulpverlening"
    JUSTITIE = "justitie"
    ONDERWIJS = "onderwijs"
    WERKGEVER = "werkgever"
    OVERIG = "overig"


ORGANISATION_TYPE_LABELS = {
    OrganisationType.GEMEENTE: "Gemeente",
    OrganisationType.LANDELIJK: "Landelijke uitvoeringsorganisatie",
    OrganisationType.ZORGVERZEKERAAR: "Zorgverzekeraar",
    OrganisationType.ZORGKANTOOR: "Zorgkantoor",
    OrganisationType.WONINGCORPORATIE: "Woningcorporatie",
    OrganisationType.ZORGAANBIEDER: "Zorgaanbieder",
    OrganisationType.JEUGDHULP: "Jeugdhulpaanbieder",
    OrganisationType.SCHULDHULP: "Schuldhulpverlening",
    OrganisationType.JUSTITIE: "Justitie",
    OrganisationType.ONDERWIJS: "Onderwijs",
    OrganisationType.WERKGEVER: "Werkgever",
    OrganisationType.OVERIG: "Overig",
}


class LegalFramework(StrEnum):
    PARTICIPATIEWET = "Participatiewet"
    WMO = "Wmo 2015"
    JEUGDWET = "Jeugdwet"
    ZVW = "Zvw"
    WLZ = "Wlz"
    WGS = "Wet gemeentelijke schuldhulpverlening"
    TOESLAGEN = "Awir (toeslagen)"
    WW = "WW"
    WIA = "WIA/Wajong"
    AOW = "AOW"
    STUDIEFINANCIERING = "Wet studiefinanciering"
    HUURRECHT = "Huurrecht (BW)"
    STRAFRECHT = "Strafrecht"
    OVERIG = "Overig"


class CaseSort(StrEnum):
    """The case list's sort columns."""

    CASE_NUMBER = "case_number"
    NAME = "name"
    MUNICIPALITY = "municipality"
    STATUS = "status"
    PROFESSIONAL = "professional"
    UPDATED_AT = "updated_at"
