"""Legal bases as text and JSON: the picker, `doorbraak plan rechtsgronden` and the precedent search."""

from __future__ import annotations

from domain.catalogues import GeldigVanafSoort, LegalBasis
from domain.jsondata import JsonObject
from tui.render.format import format_date

VALID_FROM_LABELS: dict[GeldigVanafSoort, str] = {
    GeldigVanafSoort.ARTIKELTEKST: "artikeltekst",
    GeldigVanafSoort.INWERKINGTREDING_WET: "inwerkingtreding van de wet",
    GeldigVanafSoort.GERAADPLEEGDE_VERSIE: "geraadpleegde versie",
    GeldigVanafSoort.ONBEKEND: "niet geverifieerd",
}


def valid_from_text(basis: LegalBasis) -> str:
    """`geldig vanaf 01-01-2015 (inwerkingtreding van de wet)` or `geldig vanaf: niet geverifieerd`."""
    if basis.geldig_vanaf is None:
        return "geldig vanaf: niet geverifieerd"
    return f"geldig vanaf {format_date(basis.geldig_vanaf)} ({VALID_FROM_LABELS[basis.geldig_vanaf_soort]})"


def identity_line(basis: LegalBasis) -> str:
    """The official identifier and the date: `BWBR0015703 · geldig vanaf 01-01-2015 (…)`."""
    official = basis.officieel_id or "geen officieel id (geen wet)"
    return f"{official} · {valid_from_text(basis)}"


def basis_json(basis: LegalBasis) -> JsonObject:
    """Every field a jurist checks, for `--json` output (documented in docs/legal-catalogue.md)."""
    return {
        "id": basis.id,
        "wet": basis.wet,
        "artikel": basis.artikel,
        "wat": basis.wat,
        "ruimte": basis.ruimte,
        "afwijkingen": list(basis.afwijkingen),
        "officieel_id": basis.officieel_id,
        "jci": basis.jci,
        "link": basis.link,
        "geldig_vanaf": basis.geldig_vanaf.isoformat() if basis.geldig_vanaf else None,
        "geldig_vanaf_soort": basis.geldig_vanaf_soort.value,
        "bronnen": list(basis.bronnen),
    }
