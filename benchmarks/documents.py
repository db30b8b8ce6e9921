"""Work without a query: a rekensom of 200 lines, and the PDF of a large plan (saved through the services)."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from typing import Any

from fpdf import FPDF

from benchmarks.backends import Backend
from benchmarks.report import Result, Target
from benchmarks.stats import Timing, best_of, repeated
from domain.rekensom import CostLine, Frequency, Payer, Rekensom, Scenario, calculate
from domain.services import plans as plan_service
from tui.render.blocks import Bullets, Heading, Paragraph, Signatures, Table
from tui.render.fonts import FONT_REGULAR
from tui.render.plan import document_blocks

GENERATED_ON = date(2026, 11, 20)


def cost_lines(count: int, rng: random.Random) -> list[dict[str, Any]]:
    lines = []
    for index in range(count):
        frequency = rng.choice(list(Frequency))
        recurring = frequency is not Frequency.EENMALIG
        lines.append({
            "description": f"Kostenpost {index + 1}: {rng.choice(['huur', 'zorg', 'opvang', 'boete', 'uitkering'])}",
            "scenario": rng.choice(list(Scenario)).value,
            "payer": rng.choice(list(Payer)).value,
            "amount": str(Decimal(rng.randint(0, 5_000_000)) / 100),
            "quantity": rng.choice(["1", "1", "2", "0.5", "3"]),
            "probability": rng.choice(["1", "1", "0.75", "0.3333"]),
            "frequency": frequency.value,
            "start_month": rng.randint(0, 14),
            "duration_months": rng.choice([None, rng.randint(0, 30)]) if recurring else None,
            "source": {"text": "Benchmark", "year": 2026},
        })
    return lines


def _baseline_sum(rekensom: Rekensom) -> dict[tuple[str, str], Decimal]:
    """The bare arithmetic: months per line, times amount, quantity and probability, summed per key."""
    horizon = rekensom.horizon_months
    totals: dict[tuple[str, str], Decimal] = {}
    for line in rekensom.lines:
        if line.frequency is Frequency.EENMALIG:
            factor = Decimal(1 if line.start_month < horizon else 0)
        else:
            end = horizon if line.duration_months is None else min(line.start_month + line.duration_months, horizon)
            months = Decimal(max(0, end - line.start_month))
            factor = months if line.frequency is Frequency.PER_MAAND else months / 12
        key = (line.scenario.value, line.payer.value)
        totals[key] = totals.get(key, Decimal(0)) + line.amount * line.quantity * line.probability * factor
    return {key: value.quantize(Decimal("0.01")) for key, value in totals.items()}


def rekensom(repeat: int) -> Result:
    rng = random.Random(2026)
    model = Rekensom(horizon_months=24, discount_rate=Decimal(0),
                     lines=[CostLine.model_validate(line) for line in cost_lines(200, rng)])
    measured = best_of(lambda: calculate(model), repeat)
    baseline = best_of(lambda: _baseline_sum(model), repeat)
    return Result("rekensom.calculate", "rekensom of 200 lines", "-", measured, baseline,
                  "plain Decimal loop", Target(p95_ms=1.0),
                  note="domain.rekensom.calculate, horizon 24 months; quietest of 5 rounds")


PLAN_SCALE = 10
"""The measured plan: 30 goals, 120 actions and 200 cost lines (3, 12 and 20 per unit of scale); `--quick`, which
only keeps the command working, renders a tenth of it (the PDF took most of a quick run)."""


def large_plan_content(household: Any, rng: random.Random, scale: int = PLAN_SCALE) -> dict[str, Any]:
    goals = [{"text": f"Doel {i + 1}: stabiel wonen en rondkomen", "leefgebied": "financien", "target_score": 3}
             for i in range(3 * scale)]
    actions = [{
        "what": f"Actie {i + 1}: afspraak met de schuldeiser over een betalingsregeling zonder rente",
        "owner_organisation": rng.choice(["Gemeente", "CJIB", "Woningcorporatie", "UWV", "Zorgverzekeraar"]),
        "contact": "Team maatwerk, 030-0000000", "deadline": "2026-12-15", "goal_id": f"d{1 + i % (3 * scale)}",
        "cost_line_id": f"k{1 + i}", "deviating": i % 5 == 0,
        "legal_basis_ids": ["awb_4_84"] if i % 5 == 0 else [],
        "reasoning": {"onevenredigheid": "Uitzetting kost meer dan de schuld."} if i % 5 == 0 else {},
    } for i in range(12 * scale)]
    problem = household.problems[0] if household.problems else None
    return {
        "in_kaart": {"samenvatting": "Twaalf hulpverleners; huurschuld blokkeert alles. " * 20, "datum": "2026-10-01"},
        "perspectief": "Over een jaar wonen we hier nog, zonder deurwaarder. " * 10,
        "sta_in_de_weg": {"problem_id": problem.id if problem else None, "toelichting": "Zonder woning lukt niets."},
        "doorbraak": "De gemeente lost de huurschuld in één keer af; de verhuurder ziet af van ontruiming. " * 10,
        "goals": goals,
        "actions": actions,
        "rekensom": {"horizon_months": 24, "lines": cost_lines(20 * scale, rng)},
        "juridisch": {"grondslagen": [{"basis_id": "awb_4_84", "toelichting": "Bijzondere omstandigheden."},
                                      {"basis_id": "awb_3_4_lid_2", "toelichting": "Evenredigheid."}]},
    }


def make_large_plan(backend: Backend, scale: int = PLAN_SCALE) -> str:
    """Start a plan of 200 cost lines, 120 actions and 30 goals (at the default scale) on a household without a
    plan (services)."""
    row = backend.one("SELECT h.case_number FROM household h WHERE NOT EXISTS (SELECT 1 FROM maatwerkplan p "
                      "WHERE p.household_id = h.id) AND h.status <> 'afgesloten' ORDER BY h.id LIMIT 1")
    backend.raw.commit()
    number = str(row[0])
    db = backend.db
    from domain.services.households import get_household

    household = get_household(number, db.uow(), db.actor)
    plan_service.start_plan(number, db.uow(), db.actor, content=large_plan_content(household, random.Random(3), scale))
    return number


def _plain_pdf(blocks: list[Any]) -> bytes:
    """fpdf2 itself writing the same text as plain lines (same embedded font), without our layout."""
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT_REGULAR))
    pdf.set_font("DejaVu", "", 9)
    pdf.add_page()
    for block in blocks:
        if isinstance(block, Heading | Paragraph):
            texts = [f"{getattr(block, 'label', '')} {block.text}"]
        elif isinstance(block, Bullets):
            texts = list(block.items)
        elif isinstance(block, Table):
            texts = [" | ".join(row) for row in (block.headers, *block.rows)]
        elif isinstance(block, Signatures):
            texts = [f"{role}: {name}" for role, name in block.parties]
        for text in texts:
            pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def pdf_export(backend: Backend, repeat: int, scale: int = PLAN_SCALE) -> Result:
    """The export as the app does it, of a new large plan (`make_large_plan`): load the plan for export (audited),
    lay it out, render it."""
    from tui.render.plan import render_pdf

    number = make_large_plan(backend, scale)

    db = backend.db
    sizes: list[int] = []

    def ours() -> None:
        overview = plan_service.export_plan(number, db.uow(), db.actor)
        sizes.append(len(render_pdf(overview, GENERATED_ON)))

    blocks = document_blocks(plan_service.export_plan(number, db.uow(), db.actor), GENERATED_ON)
    measured = repeated(ours, repeat)
    baseline = repeated(lambda: _plain_pdf(blocks), repeat)
    return Result("plan.pdf", "PDF of a large plan", backend.name, measured, baseline,
                  "fpdf2 plain text, same font",
                  note=f"{20 * scale} cost lines, {12 * scale} actions; {sizes[-1] // 1024} KB")


__all__ = ["Timing", "make_large_plan", "pdf_export", "rekensom"]
