"""The maatwerkplan as a document to sign: PDF (fpdf2, embedded DejaVu Sans) and Markdown.

Both are rendered from one list of blocks, so they always hold the same sections. User text is never
interpreted (no markup in the PDF, escaped in Markdown), nothing remote is fetched, no BSN is written,
and files are written atomically (temporary file + rename).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from babel.numbers import format_currency, format_decimal
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from domain import reference
from domain.catalogues import legal_basis
from domain.errors import DomainError
from domain.legal import REASONING_LABELS, LegalReasoning
from domain.plan import ACTION_STATUS_LABELS, Maatwerkplan, PlanStatus, PlanStep
from domain.rekensom import FREQUENCY_LABELS, Frequency, Scenario, line_value, round_cents
from domain.services.plans import PlanOverview
from domain.validation import age_on
from storage.files import write_file

FONT_DIR = Path(__file__).parent / "fonts"
FONT_REGULAR = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"

Progress = Callable[[int, int], None]
"""Called with (done, total) while a document is built: a TUI shows it as a progress bar."""


class ExportError(DomainError):
    title = "Export mislukt"


class ExportFormat(StrEnum):
    PDF = "pdf"
    MD = "md"


# -- formatting (Dutch) ---------------------------------------------------------------------------


def money(value: Decimal) -> str:
    return format_currency(value, "EUR", locale="nl_NL")


def number(value: Decimal) -> str:
    return format_decimal(value, locale="nl_NL")


def nl_date(value: date | None) -> str:
    return "" if value is None else value.strftime("%d-%m-%Y")


# -- the document as blocks -----------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str
    label: str = ""


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]
    right: frozenset[int] = frozenset()
    """Column indexes aligned right (amounts)."""
    bold_last: bool = False
    """The last row is a total."""


@dataclass(frozen=True)
class Signatures:
    parties: tuple[tuple[str, str], ...]
    """(role, name) per signature line."""


Block = Heading | Paragraph | Bullets | Table | Signatures


@dataclass
class _Builder:
    blocks: list[Block] = field(default_factory=list)

    def heading(self, text: str, level: int = 1) -> None:
        self.blocks.append(Heading(text, level))

    def para(self, text: str, label: str = "") -> None:
        if text or label:
            self.blocks.append(Paragraph(text, label))

    def field(self, label: str, text: str) -> None:
        if text:
            self.blocks.append(Paragraph(text, label))

    def bullets(self, items: Sequence[str]) -> None:
        if items:
            self.blocks.append(Bullets(tuple(items)))

    def table(self, table: Table) -> None:
        self.blocks.append(table)


SECTION_NUMBERS: dict[PlanStep, int] = {
    step: index for index, step in enumerate((s for s in PlanStep if s is not PlanStep.IN_KAART), start=2)
}
"""Section 1 is the household with the in-kaart step; the other steps follow in order."""


def _section(step: PlanStep) -> str:
    return f"{SECTION_NUMBERS[step]}. {step.label}"


def _reasoning(b: _Builder, reasoning: LegalReasoning) -> None:
    for name in (
        "feiten",
        "bijzondere_omstandigheden",
        "onevenredigheid",
        "gelijkheid",
        "risicos",
        "besluit",
        "mandaat",
    ):
        b.field(REASONING_LABELS[name], getattr(reasoning, name))


def _line_calculation(plan: Maatwerkplan, index: int) -> str:
    line = plan.rekensom.lines[index]
    parts = [f"{money(line.amount)} {FREQUENCY_LABELS[line.frequency]}"]
    if line.quantity != 1:
        parts.append(f"× {number(line.quantity)}")
    if line.probability != 1:
        parts.append(f"kans {number(line.probability)}")
    if line.frequency is Frequency.EENMALIG:
        parts.append(f"maand {line.start_month}")
    else:
        end = "einde" if line.duration_months is None else str(line.start_month + line.duration_months)
        parts.append(f"maand {line.start_month}–{end}")
    return ", ".join(parts)


def document_blocks(overview: PlanOverview, generated_on: date) -> list[Block]:
    """The plan as a sequence of blocks; every section is present, empty ones say so."""
    household, plan, result = overview.household, overview.plan, overview.result
    b = _Builder()

    # 1. Household summary (no BSN, no address: only what the decision needs).
    b.heading("1. Huishouden en in kaart brengen")
    b.field("Casus", household.case_number or "")
    b.field("Gemeente", household.municipality_name)
    b.field("Professional", household.professional)
    if household.members:
        b.table(
            Table(
                headers=("Naam", "Rol", "Leeftijd"),
                rows=tuple(
                    (m.name, m.role.value, str(age_on(m.date_of_birth, generated_on))) for m in household.members
                ),
                widths=(60, 25, 15),
            )
        )
    if household.problems:
        b.para("", "Problemen per leefgebied (ZRM-score 1 acuut … 5 zelfredzaam)")
        b.bullets(
            [
                f"{p.leefgebied_label}: score {p.score}" + (f" – {p.description}" if p.description else "")
                for p in household.problems
            ]
        )
    if household.organisations:
        b.para("", f"Betrokken organisaties ({len(household.organisations)})")
        b.bullets(
            [
                f"{o.name} ({o.legal_framework.value})" + (f": {o.product}" if o.product else "")
                for o in household.organisations
            ]
        )
    b.field("In kaart gebracht", plan.in_kaart.samenvatting)
    b.field("Datum", nl_date(plan.in_kaart.datum))

    b.heading(_section(PlanStep.PERSPECTIEF))
    b.para(plan.perspectief or "Nog niet ingevuld.")

    b.heading(_section(PlanStep.STA_IN_DE_WEG))
    problem = plan.obstacle_problem(household)
    if problem is not None:
        b.field(
            "Probleem",
            f"{problem.leefgebied_label} (score {problem.score})"
            + (f": {problem.description}" if problem.description else ""),
        )
    elif plan.sta_in_de_weg.leefgebied:
        b.field("Probleem", plan.sta_in_de_weg.leefgebied)
    b.para(plan.sta_in_de_weg.toelichting or ("" if problem else "Nog niet gekozen."))

    b.heading(_section(PlanStep.DOORBRAAK))
    b.para(plan.doorbraak or "Nog niet beschreven.")

    b.heading(_section(PlanStep.DOELEN))
    if plan.goals:
        b.bullets(
            [
                g.text
                + (
                    f" ({p_label(g.leefgebied)}" + (f", doel: score {g.target_score})" if g.target_score else ")")
                    if g.leefgebied
                    else ""
                )
                for g in plan.goals
            ]
        )
    else:
        b.para("Nog geen doelen.")

    b.heading(_section(PlanStep.ACTIES))
    if plan.actions:
        b.table(
            Table(
                headers=("Actie", "Eigenaar", "Contact", "Deadline", "Status"),
                rows=tuple(
                    (
                        a.what + (" [maatwerk]" if a.deviating else ""),
                        a.owner_organisation,
                        a.contact,
                        nl_date(a.deadline),
                        ACTION_STATUS_LABELS[a.status],
                    )
                    for a in plan.actions
                ),
                widths=(40, 18, 20, 11, 11),
            )
        )
    else:
        b.para("Nog geen acties.")

    b.heading(_section(PlanStep.REKENSOM))
    b.para(
        f"Horizon {result.horizon_months} maanden"
        + (f", disconteringsvoet {number(result.discount_rate * 100)} % per jaar" if result.discount_rate else "")
        + ". Verschil = huidig pad − doorbraak; positief is een besparing."
    )
    if result.per_payer:
        totals = result.totals
        rows = [(r.payer.label, money(r.huidig_pad), money(r.doorbraak), money(r.verschil)) for r in result.per_payer]
        rows.append(
            ("Totaal", money(totals[Scenario.HUIDIG_PAD]), money(totals[Scenario.DOORBRAAK]), money(result.verschil))
        )
        b.table(
            Table(
                headers=("Betaler", "Huidig pad", "Doorbraak", "Verschil"),
                rows=tuple(rows),
                widths=(40, 20, 20, 20),
                right=frozenset({1, 2, 3}),
                bold_last=True,
            )
        )
        if result.payers_who_pay:
            b.field(
                "Betaalt voor de doorbraak",
                "; ".join(f"{r.payer.label} ({money(-r.verschil)})" for r in result.payers_who_pay),
            )
        if result.payers_who_gain:
            b.field(
                "Wint bij de doorbraak",
                "; ".join(f"{r.payer.label} ({money(r.verschil)})" for r in result.payers_who_gain),
            )
        b.para("", "Kostenregels")
        b.table(
            Table(
                headers=("Omschrijving", "Scenario", "Betaler", "Berekening", "Waarde", "Bron"),
                rows=tuple(
                    (
                        line.description,
                        "huidig pad" if line.scenario is Scenario.HUIDIG_PAD else "doorbraak",
                        line.payer.label,
                        _line_calculation(plan, index),
                        money(round_cents(line_value(line, result.horizon_months, result.discount_rate))),
                        line.source.describe() if line.source else "geen bron",
                    )
                    for index, line in enumerate(plan.rekensom.lines)
                ),
                widths=(22, 11, 17, 23, 12, 15),
                right=frozenset({4}),
            )
        )
    else:
        b.para("De rekensom is nog leeg.")

    b.heading(_section(PlanStep.JURIDISCH))
    legal = plan.juridisch
    b.field("Bevoegd gezag", legal.bevoegd_gezag)
    b.field("Wettelijk kader", legal.wettelijk_kader)
    if legal.grondslagen:
        b.para("", "Rechtsgronden")
        b.bullets([_basis_text(g.basis_id, g.toelichting) for g in legal.grondslagen])
    _reasoning(b, legal)
    deviating = [a for a in plan.actions if a.deviating]
    for action in deviating:
        b.heading(f"Afwijkende actie: {action.what}", 2)
        if action.legal_basis_ids:
            b.bullets([_basis_text(basis_id, "") for basis_id in action.legal_basis_ids])
        else:
            b.para("Geen rechtsgrond gekozen.")
        _reasoning(b, action.reasoning)
    if legal.privacy_grondslagen or legal.privacy_toelichting:
        b.para("", "Privacygrondslag voor het delen van gegevens")
        b.bullets([_basis_text(g.basis_id, g.toelichting) for g in legal.privacy_grondslagen])
        b.field("Toelichting", legal.privacy_toelichting)
    if legal.is_empty and not deviating:
        b.para("Nog niet ingevuld.")

    b.heading(_section(PlanStep.TOESTEMMING))
    consent = plan.consent
    if consent is not None:
        b.field("Toestemming gegeven door", consent.given_by)
        b.field("Datum", nl_date(consent.given_on))
        b.field("Hoe", consent.method.label)
        b.field("Reikwijdte", consent.scope)
    else:
        b.para("Nog geen toestemming vastgelegd.")

    b.heading(_section(PlanStep.BESLUIT))
    decision = plan.decision
    if decision is not None:
        b.field("Besloten door", decision.decided_by)
        b.field("Mandaat", decision.mandate)
        b.field("Datum besluit", nl_date(decision.decided_on))
        b.field("Toelichting", decision.toelichting)
    else:
        b.para("Dit plan is nog niet vastgesteld (concept).")
        if overview.missing:
            b.para("", "Nog nodig voor een besluit")
            b.bullets([str(m) for m in overview.missing])

    b.heading(_section(PlanStep.EVALUATIE))
    if plan.evaluations:
        b.table(
            Table(
                headers=("Moment", "Datum", "Cijfer", "ZRM-scores", "Toelichting"),
                rows=tuple(
                    (
                        f"{e.moment} mnd",
                        nl_date(e.on_date),
                        "" if e.rapportcijfer is None else str(e.rapportcijfer),
                        ", ".join(f"{p_label(code)} {score}" for code, score in e.scores.items()),
                        e.toelichting
                        + (f" (gerealiseerd {money(e.realised_costs)})" if e.realised_costs is not None else ""),
                    )
                    for e in plan.evaluations
                ),
                widths=(10, 13, 12, 35, 30),
            )
        )
    else:
        b.para("Evaluatiemomenten: 0, 3, 6 en 12 maanden (ZRM-scores en rapportcijfer van de bewoner).")

    b.heading(f"{len(SECTION_NUMBERS) + 2}. Ondertekening")
    resident = consent.given_by if consent else ""
    b.blocks.append(
        Signatures(
            (
                ("Bewoner", resident),
                ("Professional", household.professional),
                ("Maatwerkfunctionaris", decision.decided_by if decision else ""),
            )
        )
    )
    return b.blocks


def p_label(code: str | None) -> str:
    return reference.leefgebieden().get(code or "", code or "")


def _basis_text(basis_id: str, note: str) -> str:
    basis = legal_basis(basis_id)
    text = f"{basis.title} – {basis.wat} Soort ruimte: {basis.ruimte_label}."
    return f"{text} Toelichting: {note}" if note else text


def title_lines(overview: PlanOverview, generated_on: date) -> tuple[str, str]:
    plan = overview.plan
    status = plan.status.label + ("" if plan.status is not PlanStatus.CONCEPT else " – niet ondertekenen")
    return (
        f"Maatwerkplan {overview.household.name}",
        f"Casus {overview.household.case_number} · versie {plan.plan_version} · {status} · "
        f"gemaakt op {nl_date(generated_on)}",
    )


# -- Markdown -------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|<>~])")
_MD_LINE_START = re.compile(r"^(\s*)([-+#=]|\d+[.)])", re.MULTILINE)


def md_escape(text: str, *, line_start: bool = True) -> str:
    """Escape Markdown (and inline HTML) so user text shows literally.

    Brackets, emphasis, code, tables and HTML are escaped everywhere; list, heading and rule markers
    only where a line starts (`line_start=False` for text that follows a prefix such as `## `).
    """
    text = _MD_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;"))
    if not line_start:
        return text
    return _MD_LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", text)


def _md_cell(text: str) -> str:
    return md_escape(" ".join(text.split()))


def render_markdown(overview: PlanOverview, generated_on: date, progress: Progress | None = None) -> str:
    blocks = document_blocks(overview, generated_on)
    title, subtitle = title_lines(overview, generated_on)
    out = [f"# {md_escape(title, line_start=False)}", "", md_escape(subtitle), ""]
    for index, block in enumerate(blocks, start=1):
        if isinstance(block, Heading):
            out += [f"{'#' * (block.level + 1)} {md_escape(block.text, line_start=False)}", ""]
        elif isinstance(block, Paragraph):
            body = "  \n".join(md_escape(line) for line in block.text.splitlines()) if block.text else ""
            out += [
                (
                    f"**{md_escape(block.label)}:** "
                    if block.label and block.text
                    else (f"**{md_escape(block.label)}**" if block.label else "")
                )
                + body,
                "",
            ]
        elif isinstance(block, Bullets):
            out += [f"- {_md_cell(item)}" for item in block.items] + [""]
        elif isinstance(block, Table):
            out.append("| " + " | ".join(md_escape(h) for h in block.headers) + " |")
            out.append("|" + "|".join("---:" if i in block.right else "---" for i in range(len(block.headers))) + "|")
            for row_index, row in enumerate(block.rows):
                cells = [_md_cell(c) for c in row]
                if block.bold_last and row_index == len(block.rows) - 1:
                    cells = [f"**{c}**" if c else c for c in cells]
                out.append("| " + " | ".join(cells) + " |")
            out.append("")
        else:
            for role, name in block.parties:
                out += [
                    f"**{md_escape(role)}:** {md_escape(name)}",
                    "",
                    "Handtekening: ______________________________  Datum: ______________",
                    "",
                ]
        if progress is not None:
            progress(index, len(blocks))
    return "\n".join(out).rstrip() + "\n"


# -- PDF ------------------------------------------------------------------------------------------


class _Pdf(FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", size=7)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, f"{self.footer_text} · pagina {self.page_no()} van {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def _fonts_available() -> None:
    missing = [p.name for p in (FONT_REGULAR, FONT_BOLD) if not p.is_file()]
    if missing:
        raise ExportError(f"Het lettertype voor de PDF ontbreekt ({', '.join(missing)} in {FONT_DIR}).")


def render_pdf(overview: PlanOverview, generated_on: date, progress: Progress | None = None) -> bytes:
    _fonts_available()
    blocks = document_blocks(overview, generated_on)
    title, subtitle = title_lines(overview, generated_on)
    pdf = _Pdf(format="A4")
    pdf.footer_text = f"Maatwerkplan {overview.household.case_number} versie {overview.plan.plan_version}"
    pdf.set_title(f"Maatwerkplan {overview.household.case_number} versie {overview.plan.plan_version}")
    pdf.set_creator("doorbraak")
    pdf.set_lang("nl")
    pdf.add_font("DejaVu", "", str(FONT_REGULAR))
    pdf.add_font("DejaVu", "B", str(FONT_BOLD))
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    width = pdf.epw
    pdf.set_font("DejaVu", "B", 17)
    pdf.multi_cell(width, 8, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("DejaVu", "", 9)
    pdf.multi_cell(width, 5, subtitle, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    heading_style = FontFace(family="DejaVu", emphasis="BOLD", size_pt=8, fill_color=(230, 236, 242))
    for index, block in enumerate(blocks, start=1):
        if isinstance(block, Heading):
            if pdf.will_page_break(45 if block.level == 1 else 30):
                pdf.add_page()  # never leave a heading alone at the bottom of a page
            pdf.ln(2 if block.level > 1 else 4)
            pdf.set_font("DejaVu", "B", 12 if block.level == 1 else 10)
            pdf.multi_cell(width, 6, block.text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1)
        elif isinstance(block, Paragraph):
            if block.label and block.text:
                # "Label: text" flowing on one line; write() never interprets markup in the text.
                pdf.set_font("DejaVu", "B", 9.5)
                pdf.write(5, f"{block.label}: ")
                pdf.set_font("DejaVu", "", 9.5)
                pdf.write(5, block.text)
                pdf.ln(5)
            elif block.label:
                pdf.set_font("DejaVu", "B", 9.5)
                pdf.multi_cell(width, 5, block.label, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            else:
                pdf.set_font("DejaVu", "", 9.5)
                pdf.multi_cell(width, 5, block.text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1.5)
        elif isinstance(block, Bullets):
            pdf.set_font("DejaVu", "", 9.5)
            for item in block.items:
                pdf.cell(5, 5, "•")
                pdf.multi_cell(width - 5, 5, item, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1.5)
        elif isinstance(block, Table):
            pdf.set_font("DejaVu", "", 8)
            aligns = tuple("RIGHT" if i in block.right else "LEFT" for i in range(len(block.headers)))
            with pdf.table(
                col_widths=block.widths,
                text_align=aligns,
                headings_style=heading_style,
                line_height=4.2,
                padding=1,
                first_row_as_headings=True,
            ) as table:
                table.row(block.headers)
                for row_index, cells in enumerate(block.rows):
                    bold = block.bold_last and row_index == len(block.rows) - 1
                    row = table.row()
                    for text in cells:
                        row.cell(text, style=FontFace(emphasis="BOLD") if bold else None)
            pdf.ln(3)
        else:
            pdf.set_font("DejaVu", "", 9.5)
            for role, name in block.parties:
                if pdf.will_page_break(22):
                    pdf.add_page()
                pdf.ln(4)
                pdf.set_font("DejaVu", "B", 9.5)
                pdf.cell(width, 5, f"{role}: {name}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                pdf.set_font("DejaVu", "", 9.5)
                pdf.ln(8)
                pdf.cell(width * 0.6, 5, "Handtekening: ________________________________")
                pdf.cell(width * 0.4, 5, "Datum: ______________", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if progress is not None:
            progress(index, len(blocks))
    return bytes(pdf.output())


# -- files ----------------------------------------------------------------------------------------


def write_atomic(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """The one safe writer (storage/files.py): private temp file, fsync, rename; no silent overwrite."""
    write_file(path, data, overwrite=overwrite)


def render(overview: PlanOverview, fmt: ExportFormat, generated_on: date, progress: Progress | None = None) -> bytes:
    if fmt is ExportFormat.PDF:
        return render_pdf(overview, generated_on, progress)
    return render_markdown(overview, generated_on, progress).encode("utf-8")


def export_plan_file(
    overview: PlanOverview,
    path: Path,
    fmt: ExportFormat,
    *,
    generated_on: date | None = None,
    progress: Progress | None = None,
    overwrite: bool = False,
) -> Path:
    """Render and write the plan document atomically; returns the path written."""
    data = render(overview, fmt, generated_on or date.today(), progress)
    try:
        write_atomic(path, data, overwrite=overwrite)
    except OSError as exc:
        raise ExportError(f"Het bestand {path} kon niet worden geschreven: {exc.strerror or exc}.") from None
    return path


def default_file_name(overview: PlanOverview, fmt: ExportFormat) -> str:
    """A file name without personal data: case number and version only."""
    return f"maatwerkplan-{overview.household.case_number}-v{overview.plan.plan_version}.{fmt.value}"
