"""The pseudonymised escalation dossier as JSON or PDF (fpdf2 with an embedded Unicode TrueType font).

Only `domain.dossier.EscalationDossier` can be rendered here, so nothing but the pseudonymised fields can end
up in the file; storage writes it atomically and readable by the owner only.
"""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum
from pathlib import Path

from fpdf import FPDF

from domain.dossier import EscalationDossier
from storage.export_dossier import ExportError, write_atomic
from tui.render.fonts import BOLD, FAMILY, FONT_DIR, REGULAR, font_path
from tui.render.format import format_date


class DossierFormat(StrEnum):
    PDF = "pdf"
    JSON = "json"


def find_font(name: str) -> Path:
    """The font shipped with doorbraak (tui/render/fonts), else the system's DejaVu."""
    found = font_path(name)
    if found is None:
        raise ExportError(
            f"Het lettertype {name} ontbreekt (gezocht in {FONT_DIR} en de systeemmap van DejaVu); "
            "zonder Unicode-lettertype kan geen PDF worden gemaakt."
        )
    return found


def dossier_json(dossier: EscalationDossier) -> str:
    return json.dumps(dossier.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def _d(value: date | None) -> str:
    return format_date(value) if value else "—"


def _yes(value: bool) -> str:
    return "ja" if value else "nee"


class _DossierPdf(FPDF):
    def __init__(self, reference: str) -> None:
        super().__init__(format="A4")
        self.reference = reference
        self.add_font(FAMILY, "", str(find_font(REGULAR)))
        self.add_font(FAMILY, "B", str(find_font(BOLD)))
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(18, 18, 18)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, "", 8)
        self.cell(0, 5, f"{self.reference} — gepseudonimiseerd — pagina {self.page_no()}/{{nb}}", align="C")

    def heading(self, text: str) -> None:
        self.ln(3)
        self.set_font(FAMILY, "B", 12)
        self.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        self.set_font(FAMILY, "", 10)

    def para(self, text: str) -> None:
        self.multi_cell(0, 5.5, text or "—", new_x="LMARGIN", new_y="NEXT")

    def pair(self, label: str, value: str) -> None:
        self.set_font(FAMILY, "B", 10)
        self.cell(62, 5.5, label)
        self.set_font(FAMILY, "", 10)
        self.multi_cell(0, 5.5, value or "—", new_x="LMARGIN", new_y="NEXT")


def dossier_pdf(dossier: EscalationDossier) -> bytes:
    pdf = _DossierPdf(dossier.reference)
    pdf.set_title(f"Escalatiedossier {dossier.reference}")
    pdf.set_creator("doorbraak")
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font(FAMILY, "B", 16)
    pdf.multi_cell(0, 9, "Escalatiedossier (gepseudonimiseerd)", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 10)
    pdf.pair("Kenmerk", dossier.reference)
    pdf.pair("Gemeente", dossier.municipality)
    pdf.pair("Niveau", dossier.level)
    pdf.pair("Status", dossier.status)
    pdf.pair("Aangemaakt", _d(dossier.created_on))
    pdf.pair("Ingediend", _d(dossier.submitted_on))
    pdf.pair("Opgesteld op", _d(dossier.prepared_on))

    pdf.heading("Huishouden")
    pdf.pair("Samenstelling", dossier.composition)
    for member in dossier.members:
        pdf.para(f"• {member.initials}  {member.role}, {member.age_band} jaar")

    pdf.heading("Leefgebieden")
    for domain in dossier.domains:
        score = f"ZRM-score {domain.score}" if domain.score is not None else "geen score"
        pdf.para(f"• {domain.leefgebied} ({score})")
    if not dossier.domains:
        pdf.para("—")

    pdf.heading("Betrokken organisaties")
    for org in dossier.organisations:
        pdf.para(f"• {org.organisation}" + (f" ({org.legal_framework})" if org.legal_framework else ""))
    if not dossier.organisations:
        pdf.para("—")

    c = dossier.criteria
    pdf.heading("Criteria voor escalatie")
    pdf.pair("Urgent", _yes(c.urgent))
    if c.urgency_note:
        pdf.para(c.urgency_note)
    pdf.pair("Complex", _yes(c.complex))
    if c.complexity_note:
        pdf.para(c.complexity_note)
    pdf.pair("Meerdere domeinen/org.", _yes(c.several_domains_or_organisations))
    pdf.pair("Lokale route geprobeerd", _yes(c.local_route_tried))
    pdf.pair("Regionale route geprobeerd", _yes(c.regional_route_tried))
    pdf.pair("Soort blokkade", c.blockage_kind)

    pdf.heading("Het knelpunt")
    pdf.para(dossier.knelpunt)

    pdf.heading("Wat is geprobeerd")
    for route in dossier.routes_tried:
        line = f"• {_d(route.tried_on)} ({route.level}): {route.description}"
        if route.outcome:
            line += f" — uitkomst: {route.outcome}"
        pdf.para(line)
    if not dossier.routes_tried:
        pdf.para("—")

    pdf.heading("Gevraagde oplossing")
    pdf.para(dossier.requested_solution)

    if dossier.knelpunten:
        pdf.heading("Gekoppelde knelpunten")
        for title in dossier.knelpunten:
            pdf.para(f"• {title}")

    consent = dossier.consent
    pdf.heading("Toestemming van de bewoner")
    pdf.pair("Gegeven op", _d(consent.given_on))
    pdf.pair("Geldig tot", _d(consent.expires_on))
    pdf.pair("Ontvangers", ", ".join(consent.recipients))
    pdf.pair("Reikwijdte", consent.scope)

    pdf.ln(4)
    pdf.set_font(FAMILY, "", 8)
    pdf.para(
        "Dit dossier bevat geen namen, BSN, adres, postcode of geboortedatum. Herleiding naar personen kan "
        "alleen via de gemeente, met het kenmerk hierboven."
    )
    return bytes(pdf.output())


def render(dossier: EscalationDossier, fmt: DossierFormat) -> bytes:
    return dossier_json(dossier).encode("utf-8") if fmt is DossierFormat.JSON else dossier_pdf(dossier)


def write_dossier(dossier: EscalationDossier, path: Path, fmt: DossierFormat, *, overwrite: bool = False) -> Path:
    write_atomic(path, render(dossier, fmt), overwrite=overwrite)
    return path


def default_filename(dossier: EscalationDossier, fmt: DossierFormat) -> str:
    """A file name without personal data: only the dossier reference."""
    return f"escalatiedossier-{dossier.reference}.{fmt.value}"
