"""The inzageverzoek (AVG art. 15) as a file: everything stored about one person, as JSON and as PDF.

JSON (`doorbraak-inzage`, version 2) is the complete record: each case the person is a member of, with
the household, every plan version and the audit trail (who saw or changed what, when, why). The PDF has
the same content for a letter to the person; BSNs are printed masked there (the JSON has them whole:
it is the person's own data). Storage writes the file atomically, readable by the owner only.
"""

from __future__ import annotations

import json
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from fpdf import FPDF

from domain.audit import KIND_LABELS, OBJECT_LABELS, AuditKind
from domain.case_document import document_from_household
from domain.jsondata import JsonObject
from domain.services.privacy import SubjectAccessReport
from domain.validation import mask_bsn
from storage.export_dossier import write_atomic
from tui.render.dossier import find_font
from tui.render.fonts import BOLD, FAMILY, REGULAR
from tui.render.format import format_datetime

FORMAT_VERSION = 2


class InzageFormat(StrEnum):
    JSON = "json"
    PDF = "pdf"


def inzage_document(report: SubjectAccessReport, now: datetime) -> JsonObject:
    """The complete answer as a JSON-ready dict."""
    cases = []
    for household in report.households:
        number = household.case_number or ""
        document = document_from_household(household, now, report.plans.get(number, []))
        cases.append({
            "case": document["household"],
            "plans": document["plans"],
            "history": [
                {"at": r.at.isoformat(), "kind": r.event.kind.value, "object": r.event.object_type,
                 "object_id": r.event.object_id, "user": r.event.username, "role": r.event.role,
                 "purpose": r.event.purpose, "break_glass": r.event.break_glass}
                for r in report.history.get(number, [])
            ],
        })
    return {"format": "doorbraak-inzage", "format_version": FORMAT_VERSION, "created_at": now.isoformat(),
            "cases": cases}


def inzage_json(document: JsonObject) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class _InzagePdf(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4")
        self.add_font(FAMILY, "", str(find_font(REGULAR)))
        self.add_font(FAMILY, "B", str(find_font(BOLD)))
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(18, 18, 18)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, "", 8)
        self.cell(0, 5, f"Inzageverzoek (AVG art. 15) — vertrouwelijk — pagina {self.page_no()}/{{nb}}", align="C")

    def heading(self, text: str, size: int = 12) -> None:
        self.ln(3)
        self.set_font(FAMILY, "B", size)
        self.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        self.set_font(FAMILY, "", 10)

    def line(self, text: str, indent: float = 0) -> None:  # type: ignore[override]
        self.set_x(self.l_margin + indent)
        self.multi_cell(0, 5.2, text or "—", new_x="LMARGIN", new_y="NEXT")


def _local(moment: str) -> str:
    return format_datetime(datetime.fromisoformat(moment))


def _plain(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


def _tree(pdf: _InzagePdf, value: Any, indent: float = 0, label: str = "") -> None:
    """Any nested content, key: value per line; empty values are left out (they hold no data)."""
    if isinstance(value, dict):
        filled = {k: v for k, v in value.items() if v not in (None, "", [], {})}
        if label and filled:
            pdf.line(f"{label}:", indent)
            indent += 5
        for key, item in filled.items():
            _tree(pdf, item, indent, str(key))
    elif isinstance(value, list):
        if label and value:
            pdf.line(f"{label}:", indent)
        for index, item in enumerate(value, start=1):
            _tree(pdf, item, indent + 5, f"{index}")
    elif value not in (None, ""):
        shown = mask_bsn(str(value)) if label == "bsn" else _plain(value)
        pdf.line(f"{label}: {shown}" if label else shown, indent)


def inzage_pdf(document: JsonObject) -> bytes:
    pdf = _InzagePdf()
    pdf.set_title("Inzageverzoek")
    pdf.set_creator("doorbraak")
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font(FAMILY, "B", 16)
    pdf.multi_cell(0, 9, "Inzageverzoek (AVG artikel 15)", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 10)
    pdf.line(f"Opgesteld op {_local(document['created_at'])}. Dit overzicht bevat alle gegevens die over u "
             f"zijn vastgelegd in {len(document['cases'])} casus(sen), en wie ze heeft bekeken of gewijzigd. "
             "Het BSN staat hier afgeschermd; het volledige overzicht staat in het bijbehorende JSON-bestand.")
    for case in document["cases"]:
        household = case["case"]
        pdf.heading(f"Casus {household.get('case_number') or ''}", 14)
        _tree(pdf, household)
        for plan in case["plans"]:
            pdf.heading(f"Maatwerkplan, versie {plan.get('plan_version', '')}")
            _tree(pdf, plan)
        pdf.heading("Wie zag of wijzigde deze gegevens")
        for entry in case["history"]:
            what = OBJECT_LABELS.get(entry["object"], entry["object"])
            text = (f"{_local(entry['at'])}  {entry['user']} ({entry['role']}): {what} "
                    f"{KIND_LABELS[AuditKind(entry['kind'])]}")
            if entry["break_glass"]:
                text += " (buiten caseload)"
            if entry["purpose"]:
                text += f" — reden: {entry['purpose']}"
            pdf.line(text)
        if not case["history"]:
            pdf.line("Geen vastgelegde inzage of wijziging.")
    return bytes(pdf.output())


def write_inzage(document: JsonObject, path: Path, fmt: InzageFormat, *, overwrite: bool = False) -> Path:
    write_atomic(path, inzage_json(document) if fmt is InzageFormat.JSON else inzage_pdf(document),
                 overwrite=overwrite)
    return path
