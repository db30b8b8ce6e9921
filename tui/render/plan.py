"""The maatwerkplan as a document to sign: one builder per section, rendered as PDF or Markdown.

Both formats draw the same blocks, so they always hold the same sections. User text is never interpreted
(no markup in the PDF, escaped in Markdown), nothing remote is fetched, no BSN is written, and the file is
written by storage (temporary file + rename).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path

from domain import reference
from domain.catalogues import legal_basis
from domain.household import Member
from domain.legal import REASONING_LABELS, LegalReasoning
from domain.plan import ACTION_STATUS_LABELS, Action, ActionStatus, Maatwerkplan, PlanStatus, PlanStep
from domain.rekensom import FREQUENCY_LABELS, Frequency, Scenario, line_value, round_cents
from domain.services.plans import PlanOverview
from domain.validation import age_on
from storage.export_plan import ExportError, write_document
from tui.render.blocks import Block, BlockBuilder, Progress, Table
from tui.render.fonts import FONT_BOLD, FONT_DIR, FONT_REGULAR
from tui.render.format import format_date, format_money, format_number
from tui.render.markdown import blocks_markdown
from tui.render.pdf import blocks_pdf
from tui.render.rekensom import SOCIETY_LABEL, kind_text, loan_text, rekensom_view, source_text


class ExportFormat(StrEnum):
    PDF = "pdf"
    MD = "md"


class Edition(StrEnum):
    """For whom the document is written: the professional's full plan, or the resident's plan in plain
    language (taalniveau B1, tui/render/plan_b1.py). Both are drawn from the same plan data."""

    PROFESSIONAL = "professional"
    BEWONER = "bewoner"


ADULT_AGE = 18


def adult_members(overview: PlanOverview, on: date) -> list[Member]:
    """The members aged 18 or over on `on`: each of them signs the plan."""
    return [m for m in overview.household.members if age_on(m.date_of_birth, on) >= ADULT_AGE]


def resident_signatures(overview: PlanOverview, on: date) -> list[tuple[str, str]]:
    """One signature line per adult member; without members, the one who gave consent (or an empty line)."""
    adults = adult_members(overview, on)
    if adults:
        return [("Bewoner", m.name) for m in adults]
    consent = overview.plan.consent
    return [("Bewoner", consent.given_by if consent else "")]


SECTION_NUMBERS: dict[PlanStep, int] = {
    step: index for index, step in enumerate((s for s in PlanStep if s is not PlanStep.IN_KAART), start=2)
}
"""Section 1 is the household with the in-kaart step; the other steps follow in order."""


def _section(step: PlanStep) -> str:
    return f"{SECTION_NUMBERS[step]}. {step.label}"


def p_label(code: str | None) -> str:
    return reference.leefgebieden().get(code or "", code or "")


def _basis_text(basis_id: str, note: str) -> str:
    basis = legal_basis(basis_id)
    text = f"{basis.title} – {basis.wat} Soort ruimte: {basis.ruimte_label}."
    return f"{text} Toelichting: {note}" if note else text


def _reasoning(b: BlockBuilder, reasoning: LegalReasoning) -> None:
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
    parts = [f"{format_money(line.amount)} {FREQUENCY_LABELS[line.frequency]}"]
    if line.quantity != 1:
        parts.append(f"× {format_number(line.quantity)}")
    if line.probability != 1:
        parts.append(f"kans {format_number(line.probability)}")
    if line.loan_months is not None:
        parts.append(f"maand {line.start_month}, aflossing in {line.loan_months} maanden")
    elif line.frequency is Frequency.EENMALIG:
        parts.append(f"maand {line.start_month}")
    else:
        end = "einde" if line.duration_months is None else str(line.start_month + line.duration_months)
        parts.append(f"maand {line.start_month}–{end}")
    return ", ".join(parts)


# -- one builder per section ----------------------------------------------------------------------


def _household(b: BlockBuilder, overview: PlanOverview, generated_on: date) -> None:
    """1. Household summary (no BSN, no address: only what the decision needs)."""
    household, plan = overview.household, overview.plan
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
    b.field("Datum", format_date(plan.in_kaart.datum))


def _perspectief(b: BlockBuilder, overview: PlanOverview, generated_on: date) -> None:
    b.heading(_section(PlanStep.PERSPECTIEF))
    b.para(overview.plan.perspectief or "Nog niet ingevuld.")


def _sta_in_de_weg(b: BlockBuilder, overview: PlanOverview, generated_on: date) -> None:
    plan = overview.plan
    b.heading(_section(PlanStep.STA_IN_DE_WEG))
    problem = plan.obstacle_problem(overview.household)
    if problem is not None:
        b.field(
            "Probleem",
            f"{problem.leefgebied_label} (score {problem.score})"
            + (f": {problem.description}" if problem.description else ""),
        )
    elif plan.sta_in_de_weg.leefgebied:
        b.field("Probleem", plan.sta_in_de_weg.leefgebied)
    b.para(plan.sta_in_de_weg.toelichting or ("" if problem else "Nog niet gekozen."))


def _doorbraak(b: BlockBuilder, overview: PlanOverview, generated_on: date) -> None:
    b.heading(_section(PlanStep.DOORBRAAK))
    b.para(overview.plan.doorbraak or "Nog niet beschreven.")


def _doelen(b: BlockBuilder, overview: PlanOverview, generated_on: date) -> None:
    b.heading(_section(PlanStep.DOELEN))
    if not overview.plan.goals:
        b.para("Nog geen doelen.")
        return
    b.bullets(
        [
            g.text
            + (
                f" ({p_label(g.leefgebied)}" + (f", doel: score {g.target_score})" if g.target_score else ")")
                if g.leefgebied
                else ""
            )
            for g in overview.plan.goals
        ]
    )


def action_status_text(action: Action) -> str:
    """The status, with the day it was done for a done action ("Gedaan op 12-11-2026")."""
    if action.status is ActionStatus.GEDAAN and action.done_on is not None:
        return f"{ACTION_STATUS_LABELS[action.status]} op {format_date(action.done_on)}"
    return ACTION_STATUS_LABELS[action.status]


def _acties(b: BlockBuilder, overview: PlanOverview, generated_on: date) -> None:
    b.heading(_section(PlanStep.ACTIES))
    if not overview.plan.actions:
        b.para("Nog geen acties.")
        return
    b.table(
        Table(
            headers=("Actie", "Eigenaar", "Contact", "Deadline", "Status"),
            rows=tuple(
                (
                    a.what + (" [maatwerk]" if a.deviating else ""),
                    a.owner_organisation,
                    a.contact,
                    format_date(a.deadline),
                    action_status_text(a),
                )
                for a in overview.plan.actions
            ),
            widths=(37, 17, 23, 11, 12),
        )
    )


def _rekensom(b: BlockBuilder, overview: PlanOverview, generated_on: date) -> None:
    plan, result = overview.plan, overview.result
    price_year = plan.rekensom.price_year
    b.heading(_section(PlanStep.REKENSOM))
    b.para(
        f"Horizon {result.horizon_months} maanden"
        + (
            f", disconteringsvoet {format_number(result.discount_rate * 100)} % per jaar"
            if result.discount_rate
            else ""
        )
        + (
            f", prijspeil {price_year} (kengetallen geïndexeerd met de CBS-consumentenprijsindex)"
            if price_year is not None
            else ", bedragen zoals ingevoerd (niet geïndexeerd)"
        )
        + ". Per partij het netto-effect: kosten en overdrachten die zij betaalt min overdrachten die zij"
        " ontvangt. Verschil = huidig pad − doorbraak; positief: die partij gaat erop vooruit."
    )
    if not result.per_payer:
        b.para("De rekensom is nog leeg.")
        return
    view = rekensom_view(result)
    b.table(
        Table(
            headers=("Partij", "Huidig pad", "Doorbraak", "Verschil"),
            rows=tuple((r.label, r.huidig_pad, r.doorbraak, r.verschil) for r in (*view.rows, view.total)),
            widths=(40, 20, 20, 20),
            right=frozenset({1, 2, 3}),
            bold_last=True,
        )
    )
    b.field(
        SOCIETY_LABEL,
        f"{view.total.verschil} over {result.horizon_months} maanden (alleen echte kosten; overdrachten tussen"
        " partijen heffen elkaar op)",
    )
    b.field("Betaalt voor de doorbraak", "; ".join(map(str, view.pays)) or "niemand")
    b.field("Wint bij de doorbraak", "; ".join(map(str, view.gains)) or "niemand")
    b.field("Verkeerde zak", view.wrong_pocket_line)
    if view.transfers:
        b.para("", "Verschuivingen (overdrachten; geen kosten voor de samenleving)")
        b.table(
            Table(
                headers=("Scenario", "Van → naar", "Bedrag"),
                rows=tuple((t.scenario, t.route, t.amount) for t in view.transfers),
                widths=(15, 65, 20),
                right=frozenset({2}),
            )
        )
    b.para("", "Kostenregels")
    b.table(
        Table(
            headers=("Omschrijving", "Scenario", "Soort", "Berekening", "Waarde", "Bron"),
            rows=tuple(
                (
                    line.description,
                    "huidig pad" if line.scenario is Scenario.HUIDIG_PAD else "doorbraak",
                    kind_text(line),
                    _line_calculation(plan, index),
                    format_money(round_cents(line_value(line, result.horizon_months, result.discount_rate))),
                    source_text(line.source, price_year),
                )
                for index, line in enumerate(plan.rekensom.lines)
            ),
            widths=(20, 10, 20, 23, 12, 15),
            right=frozenset({4}),
        )
    )
    for line in plan.rekensom.lines:
        if line.loan_months is not None:
            b.field(f"Lening {line.id or ''}".strip(), loan_text(line, result.horizon_months, result.discount_rate))


def _juridisch(b: BlockBuilder, overview: PlanOverview, generated_on: date) -> None:
    plan = overview.plan
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


def _toestemming(b: BlockBuilder, overview: PlanOverview, generated_on: date) -> None:
    b.heading(_section(PlanStep.TOESTEMMING))
    consent = overview.plan.consent
    if consent is None:
        b.para("Nog geen toestemming vastgelegd.")
        return
    b.field("Toestemming gegeven door", consent.given_by)
    b.field("Datum", format_date(consent.given_on))
    b.field("Hoe", consent.method.label)
    b.field("Reikwijdte", consent.scope)


def _besluit(b: BlockBuilder, overview: PlanOverview, generated_on: date) -> None:
    b.heading(_section(PlanStep.BESLUIT))
    decision = overview.plan.decision
    if decision is not None:
        b.field("Besloten door", decision.decided_by)
        b.field("Mandaat", decision.mandate)
        b.field("Datum besluit", format_date(decision.decided_on))
        b.field("Toelichting", decision.toelichting)
        return
    b.para("Dit plan is nog niet vastgesteld (concept).")
    if overview.missing:
        b.para("", "Nog nodig voor een besluit")
        b.bullets([str(m) for m in overview.missing])


def _evaluatie(b: BlockBuilder, overview: PlanOverview, generated_on: date) -> None:
    b.heading(_section(PlanStep.EVALUATIE))
    if not overview.plan.evaluations:
        b.para("Evaluatiemomenten: 0, 3, 6 en 12 maanden (ZRM-scores en rapportcijfer van de bewoner).")
        return
    b.table(
        Table(
            headers=("Moment", "Datum", "Cijfer", "ZRM-scores", "Toelichting"),
            rows=tuple(
                (
                    f"{e.moment} mnd",
                    format_date(e.on_date),
                    "" if e.rapportcijfer is None else str(e.rapportcijfer),
                    ", ".join(f"{p_label(code)} {score}" for code, score in e.scores.items()),
                    e.toelichting
                    + (f" (gerealiseerd {format_money(e.realised_costs)})" if e.realised_costs is not None else ""),
                )
                for e in overview.plan.evaluations
            ),
            widths=(10, 13, 12, 35, 30),
        )
    )


def _ondertekening(b: BlockBuilder, overview: PlanOverview, generated_on: date) -> None:
    decision = overview.plan.decision
    b.heading(f"{len(SECTION_NUMBERS) + 2}. Ondertekening")
    b.signatures(
        (
            *resident_signatures(overview, generated_on),
            ("Professional", overview.household.professional),
            ("Maatwerkfunctionaris", decision.decided_by if decision else ""),
        )
    )


Section = Callable[[BlockBuilder, PlanOverview, date], None]

SECTIONS: tuple[Section, ...] = (
    _household,
    _perspectief,
    _sta_in_de_weg,
    _doorbraak,
    _doelen,
    _acties,
    _rekensom,
    _juridisch,
    _toestemming,
    _besluit,
    _evaluatie,
    _ondertekening,
)
"""The sections in document order: the household with in kaart, one per further step, the signatures."""


def document_blocks(overview: PlanOverview, generated_on: date) -> list[Block]:
    """The plan as a sequence of blocks; every section is present, empty ones say so."""
    builder = BlockBuilder()
    for section in SECTIONS:
        section(builder, overview, generated_on)
    return builder.blocks


def title_lines(overview: PlanOverview, generated_on: date) -> tuple[str, str]:
    plan = overview.plan
    status = plan.status.label + ("" if plan.status is not PlanStatus.CONCEPT else " – niet ondertekenen")
    return (
        f"Maatwerkplan {overview.household.name}",
        f"Casus {overview.household.case_number} · versie {plan.plan_version} · {status} · "
        f"gemaakt op {format_date(generated_on)}",
    )


# -- the two formats ------------------------------------------------------------------------------


def render_markdown(overview: PlanOverview, generated_on: date, progress: Progress | None = None) -> str:
    title, subtitle = title_lines(overview, generated_on)
    return blocks_markdown(title, subtitle, document_blocks(overview, generated_on), progress)


def _fonts_available() -> None:
    missing = [p.name for p in (FONT_REGULAR, FONT_BOLD) if not p.is_file()]
    if missing:
        raise ExportError(f"Het lettertype voor de PDF ontbreekt ({', '.join(missing)} in {FONT_DIR}).")


def render_pdf(overview: PlanOverview, generated_on: date, progress: Progress | None = None) -> bytes:
    _fonts_available()
    blocks = document_blocks(overview, generated_on)
    title, subtitle = title_lines(overview, generated_on)
    name = f"Maatwerkplan {overview.household.case_number} versie {overview.plan.plan_version}"
    return blocks_pdf(title, subtitle, blocks, document_title=name, footer=name, progress=progress)


def render(
    overview: PlanOverview,
    fmt: ExportFormat,
    generated_on: date,
    progress: Progress | None = None,
    edition: Edition = Edition.PROFESSIONAL,
) -> bytes:
    if edition is Edition.BEWONER:
        from tui.render import plan_b1

        if fmt is ExportFormat.PDF:
            _fonts_available()
            return plan_b1.render_pdf(overview, generated_on, progress)
        return plan_b1.render_markdown(overview, generated_on, progress).encode("utf-8")
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
    edition: Edition = Edition.PROFESSIONAL,
) -> Path:
    """Render the plan document and have storage write it safely; returns the path written."""
    data = render(overview, fmt, generated_on or date.today(), progress, edition)
    return write_document(path, data, overwrite=overwrite)


def default_file_name(overview: PlanOverview, fmt: ExportFormat, edition: Edition = Edition.PROFESSIONAL) -> str:
    """A file name without personal data: case number and version only."""
    kind = "plan-voor-bewoner" if edition is Edition.BEWONER else "maatwerkplan"
    return f"{kind}-{overview.household.case_number}-v{overview.plan.plan_version}.{fmt.value}"
