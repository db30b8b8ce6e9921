"""The beschikking: the decision on a maatwerkplan as the household receives it (PDF or Markdown).

What it holds (docs/mandaat.md): the decision, its legal bases, the facts and reasons, who decided on which
mandate and on whose behalf (Awb 10:10), the date, and the bezwaar clause that Awb 3:45 requires: who may
object, within which term (six weeks, Awb 6:7, from the day after the decision was made known, Awb 6:8) and
to which body (the college that took the decision, Awb 6:4). Like the plan document it never writes a BSN,
interprets no user text, and is written by storage.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from domain.catalogues import legal_basis
from domain.mandate import plan_ask
from domain.plan import chosen_basis_ids
from domain.services.plans import BeschikkingData
from storage.export_plan import write_document
from tui.render.blocks import Block, BlockBuilder
from tui.render.format import format_date, format_money
from tui.render.markdown import blocks_markdown
from tui.render.pdf import blocks_pdf
from tui.render.plan import ExportFormat, _fonts_available

BEZWAAR_TERMIJN_WEKEN = 6
"""Awb 6:7: the term for a bezwaarschrift is six weeks."""


def bezwaar_clause(municipality: str, decided_on: date) -> str:
    """The rechtsmiddelenclausule of Awb 3:45 (by whom, within which term, to which body)."""
    return (
        f"Bent u het niet eens met dit besluit? Dan kunt u als belanghebbende bezwaar maken. Dat doet u binnen "
        f"zes weken na de dag waarop dit besluit aan u is bekendgemaakt (Awb 6:7 en 6:8); dit besluit is gedateerd "
        f"{format_date(decided_on)}. Stuur uw bezwaarschrift aan het college van burgemeester en wethouders van "
        f"{municipality} (Awb 6:4). Zet erin: uw naam en adres, de datum, welk besluit het betreft (deze "
        "beschikking en het casusnummer), waarom u het er niet mee eens bent, en uw handtekening (Awb 6:5)."
    )


def beschikking_blocks(data: BeschikkingData, generated_on: date) -> list[Block]:
    overview, mandate = data.overview, data.mandate
    household, plan = overview.household, overview.plan
    decision = plan.decision
    assert decision is not None  # the service refuses a concept
    municipality = household.municipality_name
    b = BlockBuilder()

    b.heading("Besluit")
    b.para(
        f"Het college van burgemeester en wethouders van {municipality} stelt het maatwerkplan van "
        f"{household.name} (casus {household.case_number}, versie {plan.plan_version}) vast. Het plan en de "
        "acties daarin gelden vanaf de datum van dit besluit."
    )
    b.field("Wat wordt doorbroken", plan.doorbraak)
    if plan.actions:
        b.para("", "Wat er gebeurt")
        b.bullets([
            f"{a.what}" + (f" ({a.owner_organisation})" if a.owner_organisation else "")
            + (f", uiterlijk {format_date(a.deadline)}" if a.deadline else "")
            + (" — afwijking van de standaard" if a.deviating else "")
            for a in plan.actions
        ])
    ask = plan_ask(plan, household.municipality_code)
    b.field("Kosten voor de gemeente (rekensom, doorbraakscenario)", format_money(ask.amount))
    b.field("Toelichting bij het besluit", decision.toelichting)

    b.heading("Rechtsgronden")
    bases = [legal_basis(basis_id) for basis_id in chosen_basis_ids(plan)]
    b.bullets([f"{basis.title}: {basis.wat}" + (f" ({basis.link})" if basis.link else "") for basis in bases]
              or ["Geen afwijking van de standaard: het plan blijft binnen de bestaande regels."])
    juridisch = plan.juridisch
    b.field("Bevoegd gezag", juridisch.bevoegd_gezag)
    b.field("Wettelijk kader", juridisch.wettelijk_kader)

    b.heading("Feiten en motivering")
    b.field("Feiten", juridisch.feiten)
    b.field("Bijzondere omstandigheden", juridisch.bijzondere_omstandigheden)
    b.field("Waarom de standaarduitkomst onevenredig is", juridisch.onevenredigheid)
    b.field("Waarom dit geval anders is", juridisch.gelijkheid)
    b.field("Besluit (toelichting)", juridisch.besluit)

    b.heading("Genomen krachtens mandaat")
    b.para(
        f"Dit besluit is namens het college van burgemeester en wethouders van {municipality} genomen door "
        f"{decision.decided_by}, krachtens mandaat (Awb 10:1, 10:2 en 10:10)."
    )
    if mandate is not None:
        b.field("Mandaat", f"{mandate.reference}: {mandate.function}, verleend door {mandate.granted_by}")
        b.field("Geldig", f"{format_date(mandate.valid_from)} t/m {format_date(mandate.valid_until)}")
        b.field("Afwijkingen binnen het mandaat", ", ".join(mandate.kind_labels) or "geen")
        b.field("Maximaal bedrag per plan", format_money(mandate.max_amount))
    else:
        b.field("Mandaat", decision.mandate)
    b.field("Datum besluit", format_date(decision.decided_on))

    b.heading("Bezwaar")
    b.para(bezwaar_clause(municipality, decision.decided_on))

    b.heading("Ondertekening")
    b.signatures(((f"Namens het college van B en W van {municipality}", decision.decided_by),))
    return b.blocks


def title_lines(data: BeschikkingData, generated_on: date) -> tuple[str, str]:
    overview = data.overview
    return (
        f"Beschikking maatwerkplan {overview.household.name}",
        f"Casus {overview.household.case_number} · versie {overview.plan.plan_version} · "
        f"gemaakt op {format_date(generated_on)}",
    )


def render(data: BeschikkingData, fmt: ExportFormat, generated_on: date) -> bytes:
    blocks = beschikking_blocks(data, generated_on)
    title, subtitle = title_lines(data, generated_on)
    if fmt is ExportFormat.MD:
        return blocks_markdown(title, subtitle, blocks).encode("utf-8")
    _fonts_available()
    name = f"Beschikking {data.overview.household.case_number} versie {data.overview.plan.plan_version}"
    return blocks_pdf(title, subtitle, blocks, document_title=name, footer=name)


def export_beschikking_file(data: BeschikkingData, path: Path, fmt: ExportFormat, *,
                            generated_on: date | None = None, overwrite: bool = False) -> Path:
    """Render the beschikking and have storage write it safely; returns the path written."""
    return write_document(path, render(data, fmt, generated_on or date.today()), overwrite=overwrite)


def default_file_name(data: BeschikkingData, fmt: ExportFormat) -> str:
    """No personal data in the name: case number and version only."""
    return f"beschikking-{data.overview.household.case_number}-v{data.overview.plan.plan_version}.{fmt.value}"
