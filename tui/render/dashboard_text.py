"""The dashboard as plain text (terminal report) and as CSV rows: every figure with its numbers.

Used by `doorbraak report dashboard`; the dashboard screen can show the same rows beside its charts.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from domain.dashboard import ChangeRow, CountFigure, Dashboard, DurationRow, RealisedFigure, RekensomFigure
from tui.render.format import format_date, format_money, format_period

BAR_WIDTH = 24
CSV_COLUMNS = ("figuur", "sleutel", "label", "maat", "waarde", "drill_figuur", "drill_sleutel")
"""One row per number: the figure, the bucket, what is measured, the value, and how to drill down."""


def _number(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}".replace(".", ",")


def _bar(value: int, peak: int) -> str:
    return "█" * round(value / peak * BAR_WIDTH) if peak else ""


def _count_lines(figure: CountFigure, *, limit: int = 12) -> list[str]:
    lines = [f"{figure.label}: {figure.total} {figure.unit}"
             + (f" in {figure.households} huishoudens" if figure.unit != "huishoudens" else "")]
    shown = [b for b in figure.buckets if b.count] if len(figure.buckets) > limit else list(figure.buckets)
    peak = max((b.count for b in shown), default=0)
    for b in shown[:limit]:
        lines.append(f"  {b.label[:30]:<30} {b.count:>6}  {_bar(b.count, peak)}")
    if len(shown) > limit:
        lines.append(f"  … en nog {len(shown) - limit}")
    return [*lines, ""]


def _duration(row: DurationRow) -> str:
    return (f"  {row.label[:30]:<30} n={row.n:<5} gemiddeld {_number(row.mean_days)} dagen, "
            f"mediaan {_number(row.median_days)}, langst {row.max_days if row.max_days is not None else '—'}")


def _change(row: ChangeRow) -> str:
    sign = "" if row.mean_change is None or row.mean_change < 0 else "+"
    return (f"  {row.label[:30]:<30} n={row.n:<5} {_number(row.mean_before, 2)} → {_number(row.mean_after, 2)}"
            f"  ({sign}{_number(row.mean_change, 2)})")


def _rekensom_lines(figure: RekensomFigure) -> list[str]:
    lines = [f"{figure.label}: {figure.plans} plannen",
             f"  {'betaler':<28} {'huidig pad':>14} {'doorbraak':>14} {'verschil':>14}"]
    for row in (*figure.per_payer, figure.total):
        lines.append(f"  {row.label[:28]:<28} {format_money(row.huidig_pad):>14} {format_money(row.doorbraak):>14} "
                     f"{format_money(row.verschil):>14}")
    return [*lines, ""]


def _realised_lines(r: RealisedFigure) -> list[str]:
    """Realised versus the doorbraak projection per payer, for the plans with realised costs."""
    if not r.per_payer:
        return []
    lines = [f"  {'betaler':<28} {'gerealiseerd':>14} {'geproj. doorbr.':>15} {'verschil':>13}"]
    shown = [row for row in r.per_payer if row.realised or row.projected]  # not the payers of huidig pad only
    for row in (*shown, r.per_payer_total):
        lines.append(f"  {row.label[:28]:<28} {format_money(row.realised):>14} {format_money(row.projected):>15} "
                     f"{format_money(row.verschil):>13}")
    if r.unsplit_plans:
        plans = "1 plan heeft zijn" if r.unsplit_plans == 1 else f"{r.unsplit_plans} plannen hebben hun"
        lines.append(f"  ({plans} kosten niet per betaler vastgelegd)")
    return lines


def dashboard_text(d: Dashboard) -> str:
    s = d.scope
    lines = [
        f"Dashboard {s.municipality_name} ({s.municipality_code}), {format_period(s.start, s.end)}"
        f" (peildatum {format_date(s.peildatum)})",
        "",
        *_count_lines(d.caseload_status),
        *_count_lines(d.caseload_professional),
        *_count_lines(d.caseload_flow),
        *_count_lines(d.new_by_month, limit=120),
        *_count_lines(d.closed_by_month, limit=120),
        *_count_lines(d.plans_step),
        *_count_lines(d.overdue_actions),
        *_count_lines(d.overdue_settlements),
        f"{d.lead_time.label} (plannen besloten in de periode):",
        _duration(d.lead_time.done),
        f"  {'Nog geen actie gedaan':<28} {d.lead_time.pending:>6}",
        "",
        *_count_lines(d.escalations_status),
        "Doorlooptijd van escalaties (ingediend tot besluit), afgerond in de periode:",
        *(_duration(r) for r in d.escalations_resolved),
        "",
        "Kwaliteit van leven: ZRM van eerste naar laatste meting (laatste in de periode):",
        *(_change(r) for r in d.quality_zrm),
        _change(d.quality_rapportcijfer),
        "",
        *_rekensom_lines(d.rekensom),
    ]
    r = d.realised
    lines += [
        f"{r.label}:",
        f"  Plannen met gerealiseerde kosten: {r.plans}, samen {format_money(r.plan_costs)} "
        f"(geprojecteerd doorbraak voor die plannen: {format_money(r.projected_for_same_plans.total.doorbraak)})",
        *_realised_lines(r),
        f"  Overbrugging, geboekt in de periode: {format_money(r.booked_total)} ({r.overbruggingen} overbruggingen)",
        *(f"    voorgefinancierd door {a.label}: {format_money(a.amount)}" for a in r.booked_by_voorfinancier),
        f"  Verrekeningen besloten in de periode: {r.settlements}, samen {format_money(r.settled_total)}",
        *(f"    te dragen door {a.label}: {format_money(a.amount)}" for a in r.settled_by_payer),
    ]
    return "\n".join(lines).rstrip()


def _money(value: Decimal) -> str:
    return str(value)


def dashboard_rows(d: Dashboard) -> Iterator[tuple[str, str, str, str, str, str, str]]:
    """The CSV rows (see CSV_COLUMNS); values are plain (dot decimals, no currency sign)."""
    def opt(value: object) -> str:
        return "" if value is None else str(value)

    for figure in (d.caseload_status, d.caseload_professional, d.caseload_flow, d.new_by_month, d.closed_by_month,
                   d.plans_step, d.overdue_actions, d.overdue_settlements, d.escalations_status):
        for b in figure.buckets:
            yield figure.key, b.key, b.label, "aantal", str(b.count), b.drill.figure, opt(b.drill.bucket)
            yield figure.key, b.key, b.label, "huishoudens", str(b.households), b.drill.figure, opt(b.drill.bucket)
    lead = d.lead_time
    for measure, value in (("n", lead.done.n), ("gemiddeld_dagen", lead.done.mean_days),
                           ("mediaan_dagen", lead.done.median_days), ("max_dagen", lead.done.max_days)):
        yield lead.key, "gedaan", lead.done.label, measure, opt(value), lead.done.drill.figure, "gedaan"
    yield lead.key, "wacht", "Nog geen actie gedaan", "n", str(lead.pending), lead.pending_drill.figure, "wacht"
    for row in d.escalations_resolved:
        for measure, value in (("n", row.n), ("gemiddeld_dagen", row.mean_days), ("mediaan_dagen", row.median_days),
                               ("max_dagen", row.max_days)):
            yield row.drill.figure, row.key, row.label, measure, opt(value), row.drill.figure, opt(row.drill.bucket)
    for change in (*d.quality_zrm, d.quality_rapportcijfer):
        for measure, value in (("n", change.n), ("voor", change.mean_before), ("na", change.mean_after),
                               ("verschil", change.mean_change)):
            yield change.drill.figure, change.key, change.label, measure, opt(value), change.drill.figure, \
                opt(change.drill.bucket)
    for projection in (d.rekensom, d.realised.projected_for_same_plans):
        yield projection.key, "", projection.label, "plannen", str(projection.plans), projection.drill.figure, ""
        for money_row in (*projection.per_payer, projection.total):
            for measure, amount in (("huidig_pad", money_row.huidig_pad), ("doorbraak", money_row.doorbraak),
                                    ("verschil", money_row.verschil)):
                bucket = "" if money_row.key == "totaal" else money_row.key
                yield (projection.key, money_row.key, money_row.label, measure, _money(amount),
                       projection.drill.figure, bucket)
    r = d.realised
    yield r.key, "plan", "Gerealiseerde kosten van plannen", "bedrag", _money(r.plan_costs), r.plans_drill.figure, ""
    for payer_row in (*r.per_payer, r.per_payer_total):
        bucket = "" if payer_row.key == "totaal" else payer_row.key
        for measure, amount in (("gerealiseerd", payer_row.realised),
                                ("gerealiseerd_min_doorbraak", payer_row.verschil)):
            yield r.key, payer_row.key, payer_row.label, measure, _money(amount), payer_row.drill.figure, bucket
    for a in r.booked_by_voorfinancier:
        yield r.overbrugging_drill.figure, a.key, f"Geboekt, voorfinancier {a.label}", "bedrag", _money(a.amount), \
            r.overbrugging_drill.figure, "geboekt"
    for a in r.settled_by_payer:
        yield r.overbrugging_drill.figure, a.key, f"Verrekend, te dragen door {a.label}", "bedrag", \
            _money(a.amount), r.overbrugging_drill.figure, "verrekend"
