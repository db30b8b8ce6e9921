"""The dashboard screen's content, as pure data: per tab a list of lines (bars with their numbers beside them),
each line knowing which households are behind it (`Drill`), so Enter on any figure can list them.

Pure on purpose: tests check the lines against the service's figures without a terminal, and the screen
only lays them out. The numbers are always printed; the bars only help the eye (tui/widgets/bar_chart.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from rich.text import Text

from domain.dashboard import (
    ChangeRow,
    CountFigure,
    Dashboard,
    Drill,
    DurationRow,
    Figure,
    MoneyRow,
    RealisedFigure,
    RekensomFigure,
)
from domain.trend import trend
from tui.render.format import format_money
from tui.widgets.bar_chart import Bar, format_number, render_bars

INDENT = 2
LABEL_WIDTH = 28


@dataclass(frozen=True)
class Tab:
    key: str
    label: str
    """Shown in the tab strip, with its number key."""


TABS: tuple[Tab, ...] = (
    Tab("caseload", "Caseload"),
    Tab("plannen", "Plannen"),
    Tab("deadlines", "Deadlines"),
    Tab("escalaties", "Escalaties"),
    Tab("kwaliteit", "Kwaliteit"),
    Tab("rekensom", "Rekensom"),
)


@dataclass(frozen=True)
class Line:
    """One line of a tab: a heading, a bar with its number, or a plain text line."""

    text: Text
    drill: Drill | None = None
    title: str = ""
    """What the drill-down list is called ("Caseload per status · In behandeling")."""
    heading: bool = False


def _plural(n: int, one: str, more: str) -> str:
    return f"{format_number(n)} {one if n == 1 else more}"


def _days(value: float | None) -> str:
    return "—" if value is None else format_number(round(value, 1))


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}".replace(".", ",")


def _heading(label: str, detail: str, drill: Drill | None = None) -> Line:
    text = Text(label, style="bold")
    if detail:
        text.append(f"  {detail}", style="")
    return Line(text, drill, label, heading=True)


@dataclass(frozen=True)
class Colours:
    """Rich styles of the bars, from the theme (so light, dark and high contrast all read well)."""

    bar: str = ""
    doorbraak: str = ""


def _bars(bars: list[Bar], drills: list[Drill | None], titles: list[str], width: int, *,
          max_value: float | Decimal | None = None, colours: Colours = Colours()) -> list[Line]:
    rendered = render_bars(bars, max(width - INDENT, 20), label_width=LABEL_WIDTH, max_value=max_value,
                           bar_style=colours.bar)
    return [Line(Text(" " * INDENT) + text, drill, title) for text, drill, title in zip(rendered, drills, titles,
                                                                                        strict=True)]


def _blank() -> Line:
    return Line(Text(""))


def count_lines(figure: CountFigure, width: int, colours: Colours = Colours()) -> list[Line]:
    """A counting figure: heading with the total, one bar per bucket (zeros shown: a 0 is information too)."""
    households = "" if figure.unit == "huishoudens" else \
        f" in {_plural(figure.households, 'huishouden', 'huishoudens')}"
    lines = [_heading(figure.label, f"{format_number(figure.total)} {figure.unit}{households}", figure.drill)]
    if not figure.buckets:
        return [*lines, Line(Text(" " * INDENT + "Geen gegevens in deze periode.", style="italic"))]
    bars = [Bar(b.label or "(geen)", b.count,
                note="" if figure.unit == "huishoudens" else _plural(b.households, "huishouden", "huishoudens"))
            for b in figure.buckets]
    titles = [f"{figure.label} · {b.label or '(geen)'}" for b in figure.buckets]
    return lines + _bars(bars, [b.drill for b in figure.buckets], titles, width, colours=colours)


def duration_lines(label: str, detail: str, rows: list[DurationRow], width: int,
                   colours: Colours = Colours()) -> list[Line]:
    """Durations: the bar is the mean in days; n, median and the longest beside it."""
    lines = [_heading(label, detail)]
    bars = [Bar(r.label, r.mean_days or 0, text="—" if r.mean_days is None else f"{_days(r.mean_days)} d",
                note=f"n={r.n} · mediaan {_days(r.median_days)} · langst {_days(r.max_days)}")
            for r in rows]
    return lines + _bars(bars, [r.drill for r in rows], [f"{label} · {r.label}" for r in rows], width,
                         colours=colours)


def change_lines(label: str, rows: list[ChangeRow], width: int, *, scale: int,
                 colours: Colours = Colours()) -> list[Line]:
    """Before → after: the bar is the mean score after (on the whole scale); the change and n beside it."""
    lines = [_heading(label, f"schaal 1–{scale}")]
    if not rows:
        return [*lines, Line(Text(" " * INDENT + "Nog geen herhaalde metingen in deze periode.", style="italic"))]

    def change(r: ChangeRow) -> str:
        if r.mean_change is None:
            return "geen metingen"
        sign = "+" if r.mean_change > 0 else ""
        return f"{sign}{_score(r.mean_change)} · n={r.n}"

    bars = [Bar(r.label, r.mean_after or 0, text=f"{_score(r.mean_before)} → {_score(r.mean_after)}",
                note=change(r)) for r in rows]
    return lines + _bars(bars, [r.drill for r in rows], [f"{label} · {r.label}" for r in rows], width,
                         max_value=scale, colours=colours)


def money_lines(figure: RekensomFigure, width: int, *, title: str, colours: Colours = Colours()) -> list[Line]:
    """The per-payer table (huidig pad, doorbraak, verschil = who gains), then per payer two bars on one
    scale: huidig pad and doorbraak (in the accent colour), each with its amount."""
    rows: list[MoneyRow] = [*figure.per_payer]
    lines = [_heading(title, _plural(figure.plans, "plan", "plannen"), figure.drill)]
    if not rows:
        return [*lines, Line(Text(" " * INDENT + "Geen plannen met een rekensom in deze periode.", style="italic"))]
    label_width = max(12, min(LABEL_WIDTH, width - INDENT - 3 * 14))
    lines.append(Line(Text(f"{' ' * INDENT}{'partij (netto)':<{label_width}}{'huidig pad':>14}{'doorbraak':>14}"
                           f"{'verschil':>14}", style="dim")))
    for row in (*rows, figure.total):
        label = row.label if len(row.label) <= label_width else row.label[: label_width - 1] + "…"
        drill = figure.drill if row.key == "totaal" else Drill(figure.key, row.key)
        lines.append(Line(Text(f"{' ' * INDENT}{label:<{label_width}}{format_money(row.huidig_pad):>14}"
                               f"{format_money(row.doorbraak):>14}{format_money(row.verschil):>14}",
                               style="bold" if row.key == "totaal" else ""), drill, f"{title} · {row.label}"))
    peak = max([r.huidig_pad for r in rows] + [r.doorbraak for r in rows] + [Decimal(0)])
    bars: list[Bar] = []
    drills: list[Drill | None] = []
    titles: list[str] = []
    for row in rows:
        drill = Drill(figure.key, row.key)
        # A party that receives more than it pays (net below zero) gets no bar, only its amount.
        bars.append(Bar(row.label, max(row.huidig_pad, Decimal(0)), text=format_money(row.huidig_pad), note="huidig"))
        bars.append(Bar("", max(row.doorbraak, Decimal(0)), text=format_money(row.doorbraak), note="doorbraak",
                        style=colours.doorbraak))
        drills += [drill, drill]
        titles += [f"{title} · {row.label}"] * 2
    return [*lines, _blank(), _heading("Per partij: huidig pad en doorbraak (netto)", "één schaal"),
            *_bars(bars, drills, titles, width, max_value=peak or None, colours=colours)]


def realised_lines(r: RealisedFigure, width: int) -> list[Line]:
    """Realised plan costs per payer beside the doorbraak projection of the same plans (realised is 'so far',
    the projection covers the plans' whole horizon)."""
    lines = [_heading(r.label, f"{_plural(r.plans, 'plan', 'plannen')} met gerealiseerde kosten", r.plans_drill)]
    if not r.per_payer:
        return [*lines, Line(Text(" " * INDENT + "Nog geen gerealiseerde kosten vastgelegd in deze periode.",
                                  style="italic"))]
    label_width = max(12, min(LABEL_WIDTH, width - INDENT - 3 * 14))
    lines.append(Line(Text(f"{' ' * INDENT}{'betaler':<{label_width}}{'gerealiseerd':>14}{'geprojecteerd':>14}"
                           f"{'verschil':>14}", style="dim")))
    shown = [row for row in r.per_payer if row.realised or row.projected]  # only payers with costs either way
    for row in (*shown, r.per_payer_total):
        label = row.label if len(row.label) <= label_width else row.label[: label_width - 1] + "…"
        total = row.key == "totaal"
        lines.append(Line(Text(f"{' ' * INDENT}{label:<{label_width}}{format_money(row.realised):>14}"
                               f"{format_money(row.projected):>14}{format_money(row.verschil):>14}",
                               style="bold" if total else ""),
                          r.plans_drill if total else row.drill, f"Gerealiseerde kosten · {row.label}"))
    lines.append(Line(Text(" " * INDENT + "Geprojecteerd: de doorbraak over de looptijd; gerealiseerd: tot nu toe.",
                           style="italic")))
    return lines


def month_trend(d: Dashboard, figure: CountFigure) -> str:
    """Rising, falling or level over the whole months (a month still running would pull it down)."""
    values = [b.count for b in figure.buckets]
    peil = d.scope.peildatum
    running = peil.strftime("%Y-%m")
    note = ""
    if figure.buckets and figure.buckets[-1].key == running and (peil + timedelta(days=1)).month == peil.month:
        values = values[:-1]
        note = " De lopende maand telt niet mee."
    return trend(values).describe() + note if values else ""


def monthly_lines(d: Dashboard, figure: CountFigure, width: int, colours: Colours = Colours()) -> list[Line]:
    lines = count_lines(figure, width, colours)
    text = month_trend(d, figure)
    return [*lines, Line(Text(" " * INDENT + text, style="italic"))] if text else lines


def tab_lines(d: Dashboard, tab: str, width: int, colours: Colours = Colours()) -> list[Line]:
    """The lines of one tab at `width` columns."""
    c = colours
    if tab == "caseload":
        return [*count_lines(d.caseload_status, width, c), _blank(), *count_lines(d.caseload_professional, width, c),
                _blank(), *count_lines(d.caseload_flow, width, c), _blank(),
                *monthly_lines(d, d.new_by_month, width, c), _blank(), *monthly_lines(d, d.closed_by_month, width, c)]
    if tab == "plannen":
        lead = d.lead_time
        pending = Line(Text(f"{' ' * INDENT}{'Nog geen actie gedaan':<{LABEL_WIDTH}}  "
                            f"{_plural(lead.pending, 'plan', 'plannen')}"), lead.pending_drill,
                       f"{lead.label} · nog geen actie gedaan")
        return [*count_lines(d.plans_step, width, c), _blank(),
                *duration_lines(lead.label, "plannen besloten in de periode", [lead.done], width, c), pending]
    if tab == "deadlines":
        return [*count_lines(d.overdue_actions, width, c), _blank(), *count_lines(d.overdue_settlements, width, c)]
    if tab == "escalaties":
        return [*count_lines(d.escalations_status, width, c), _blank(),
                *duration_lines("Doorlooptijd (ingediend tot besluit)", "afgerond in de periode",
                                list(d.escalations_resolved), width, c)]
    if tab == "kwaliteit":
        return [*change_lines("ZRM per leefgebied, eerste → laatste meting", list(d.quality_zrm), width, scale=5,
                              colours=c),
                _blank(), *change_lines("Rapportcijfer van de bewoner", [d.quality_rapportcijfer], width, scale=10,
                                        colours=c)]
    if tab == "rekensom":
        r = d.realised
        realised = realised_lines(r, width)
        realised += [
            _blank(),
            _heading("Overbrugging", "geboekt en verrekend in de periode"),
            Line(Text(f"{' ' * INDENT}{'Geboekt':<{LABEL_WIDTH}}  {format_money(r.booked_total)} "
                      f"({_plural(r.overbruggingen, 'overbrugging', 'overbruggingen')})"),
                 Drill(Figure.REALISED_OVERBRUGGING, "geboekt"), "Overbrugging: geboekte kosten"),
        ]
        realised += [Line(Text(f"{' ' * (INDENT + 2)}voorgefinancierd door {a.label}: {format_money(a.amount)}"),
                          Drill(Figure.REALISED_OVERBRUGGING, "geboekt"), "Overbrugging: geboekte kosten")
                     for a in r.booked_by_voorfinancier]
        realised.append(Line(Text(f"{' ' * INDENT}{'Verrekend':<{LABEL_WIDTH}}  "
                                  f"{_plural(r.settlements, 'verrekening', 'verrekeningen')}, "
                                  f"{format_money(r.settled_total)}"),
                             Drill(Figure.REALISED_OVERBRUGGING, "verrekend"), "Overbrugging: verrekend"))
        realised += [Line(Text(f"{' ' * (INDENT + 2)}te dragen door {a.label}: {format_money(a.amount)}"),
                          Drill(Figure.REALISED_OVERBRUGGING, "verrekend"), "Overbrugging: verrekend")
                     for a in r.settled_by_payer]
        projected = money_lines(d.rekensom, width, title="Maatschappelijke rekensom (geprojecteerd)", colours=c)
        return [*projected, _blank(), *realised]
    raise ValueError(f"onbekend tabblad {tab!r}")
