"""The parties of the rekensom (who pays, who receives) as a plain enum with labels and their table order: no
pydantic, so the raw case reader (storage/raw_case.py) can order amounts per payer without importing the rekensom's
models. `domain.rekensom` re-exports every name."""

from __future__ import annotations

from enum import StrEnum


class Payer(StrEnum):
    """The fixed list of parties (DOMAIN.md): payers of costs, payers and receivers of overdrachten, and the
    household itself. The order is the order of every table."""

    HUISHOUDEN = "huishouden"
    GEMEENTE_PARTICIPATIEWET = "gemeente_participatiewet"
    GEMEENTE_WMO = "gemeente_wmo"
    GEMEENTE_JEUGDWET = "gemeente_jeugdwet"
    GEMEENTE_SCHULDHULP = "gemeente_schuldhulp"
    GEMEENTE = "gemeente"
    KREDIETBANK = "kredietbank"
    ZORGVERZEKERAAR = "zorgverzekeraar"
    ZORGVERZEKERINGSFONDS = "zorgverzekeringsfonds"
    ZORGKANTOOR = "zorgkantoor"
    TOESLAGEN = "toeslagen"
    UWV = "uwv"
    SVB = "svb"
    DUO = "duo"
    CJIB = "cjib"
    RIJK = "rijk"
    WONINGCORPORATIE = "woningcorporatie"
    JUSTITIE = "justitie"
    POLITIE = "politie"
    OVERIG = "overig"

    @property
    def label(self) -> str:
        return PAYER_LABELS[self]


PAYER_LABELS: dict[Payer, str] = {
    Payer.HUISHOUDEN: "Huishouden",
    Payer.GEMEENTE_PARTICIPATIEWET: "Gemeente – Participatiewet",
    Payer.GEMEENTE_WMO: "Gemeente – Wmo",
    Payer.GEMEENTE_JEUGDWET: "Gemeente – Jeugdwet",
    Payer.GEMEENTE_SCHULDHULP: "Gemeente – schuldhulp",
    Payer.GEMEENTE: "Gemeente – meerdere domeinen",
    Payer.KREDIETBANK: "Gemeentelijke kredietbank",
    Payer.ZORGVERZEKERAAR: "Zorgverzekeraar (Zvw)",
    Payer.ZORGVERZEKERINGSFONDS: "Zorgverzekeringsfonds (via CAK)",
    Payer.ZORGKANTOOR: "Zorgkantoor (Wlz)",
    Payer.TOESLAGEN: "Belastingdienst/Toeslagen",
    Payer.UWV: "UWV",
    Payer.SVB: "SVB",
    Payer.DUO: "DUO",
    Payer.CJIB: "CJIB",
    Payer.RIJK: "Rijk (Staat)",
    Payer.WONINGCORPORATIE: "Woningcorporatie",
    Payer.JUSTITIE: "Justitie/DJI",
    Payer.POLITIE: "Politie",
    Payer.OVERIG: "Overig",
}
PAYER_ORDER: dict[Payer, int] = {payer: index for index, payer in enumerate(Payer)}
