"""`doorbraak report ...`: system-learning report on knelpunten, the worklist of signals, escalation lead times,
and the municipality's dashboard."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from domain.dashboard import Dashboard
from domain.knelpunt import CountRow, KnelpuntenReport
from domain.research import COLUMN_NAMES
from domain.services import dashboard as dashboard_service
from domain.signals import SignalConfig, SignalKind
from storage.bootstrap import Services
from storage.export_research import ResearchCsvWriter, research_key, research_key_path
from storage.register_csv import escape_cell
from tui.cli.common import fail, open_cli, write_stdout
from tui.cli.parse import parse_date
from tui.render.dashboard_text import CSV_COLUMNS, dashboard_rows, dashboard_text
from tui.render.format import format_date, format_period, local_date
from tui.render.loket import report_lines as loket_report_lines

app = typer.Typer(help="Rapportages: dashboard, knelpunten (systeemleren), werklijst, doorlooptijden.",
                  no_args_is_help=True)

FromOpt = Annotated[str | None, typer.Option("--from", "--van", help="Vanaf datum (JJJJ-MM-DD).")]
ToOpt = Annotated[str | None, typer.Option("--to", "--tot", help="Tot en met datum (JJJJ-MM-DD).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Uitvoer als JSON.")]
BAR_WIDTH = 30


def _table(title: str, rows: list[CountRow], limit: int = 10) -> list[str]:
    if not rows:
        return []
    lines = [title]
    for row in rows[:limit]:
        lines.append(f"  {row.label[:40]:<40} {row.meldingen:>5} meldingen  {row.knelpunten:>4} knelpunten")
    if len(rows) > limit:
        lines.append(f"  … en nog {len(rows) - limit}")
    return [*lines, ""]


def report_text(report: KnelpuntenReport) -> str:
    period = format_period(report.period_from, report.period_to)
    lines = [f"Knelpunten {period}: {report.knelpunten} knelpunten, {report.meldingen} meldingen", ""]
    lines += _table("Per categorie:", report.by_category)
    lines += _table("Per wet:", report.by_law)
    lines += _table("Per organisatie:", report.by_organisation)
    if report.by_month:
        peak = max(m.meldingen for m in report.by_month) or 1
        lines.append("Per maand (meldingen, nieuw):")
        for month in report.by_month:
            bar = "█" * round(month.meldingen / peak * BAR_WIDTH)
            lines.append(f"  {month.month}  {month.meldingen:>4}  {month.nieuw:>3} nieuw  {bar}")
        lines.append("")
    if report.recurring:
        lines.append("Vaakst terugkerend:")
        for row in report.recurring[:15]:
            lines.append(
                f"  {row.reference:<6} {row.meldingen:>3}x ({row.escalaties} via escalatie)  {row.title[:50]:<50}  "
                f"{row.category.label}"
            )
    return "\n".join(lines).rstrip()


@app.command("knelpunten")
def knelpunten_command(ctx: typer.Context, start: FromOpt = None, end: ToOpt = None, as_json: JsonOpt = False) -> None:
    """Systeemleren: knelpunten per categorie, wet, organisatie en maand; vaakst terugkerend eerst; de vragen aan het
    interdepartementaal loket per ministerie, met de open vragen en hun leeftijd."""
    with open_cli(ctx) as services:
        report = services.knelpunten.report(
            start=parse_date(start, "from"), end=parse_date(end, "to")
        )
        loket = services.loket.report(today=local_date(services.now()))
    if as_json:
        write_stdout(json.dumps({**report.as_dict(), "loket": loket.as_dict()}, ensure_ascii=False, indent=2))
    else:
        write_stdout(report_text(report) + "\n\n" + "\n".join(loket_report_lines(loket)))


def worklist_config(settings: SignalConfig, *, weeks: int | None, months: int | None) -> SignalConfig:
    """The [worklist] settings (as the app uses them), with a flag overriding each."""
    changes = {key: value for key, value in (("escalation_wait_weeks", weeks), ("months_before_18", months))
               if value is not None}
    return settings.model_copy(update=changes)


@app.command("werklijst")
def worklist_command(
    ctx: typer.Context,
    on: Annotated[str | None, typer.Option("--datum", help="Peildatum; standaard vandaag.")] = None,
    weeks: Annotated[
        int | None,
        typer.Option("--wachtweken", min=1, max=104,
                     help="Escalaties die langer wachten dan dit aantal weken; standaard [worklist] in config.toml."),
    ] = None,
    months: Annotated[
        int | None,
        typer.Option("--maanden-voor-18", min=1, max=24,
                     help="Vooruitkijken naar 18 jaar; standaard [worklist] in config.toml."),
    ] = None,
    kinds: Annotated[list[SignalKind] | None, typer.Option("--soort", help="Alleen deze soort(en) signalen.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """De werklijst: wat vandaag aandacht vraagt (18 jaar, verrekening, plafond, acties, wachtende escalaties)."""
    with open_cli(ctx) as services:
        today = parse_date(on, "datum") or date.today()
        signals = services.signals.worklist(
            today=today,
            config=worklist_config(services.settings.worklist, weeks=weeks, months=months),
            kinds=frozenset(kinds) if kinds else None,
        )
    if as_json:
        write_stdout(json.dumps([s.as_dict() for s in signals], ensure_ascii=False, indent=2))
        return
    for s in signals:
        write_stdout(f"{s.severity.label:<6} {format_date(s.due)}  {s.case_number}  {s.kind.label:<20}  {s.text}")
    write_stdout(f"{len(signals)} signalen")


@app.command("escalaties")
def escalations_command(ctx: typer.Context, start: FromOpt = None, end: ToOpt = None, as_json: JsonOpt = False) -> None:
    """Doorlooptijd van escalaties (indienen tot besluit) per niveau, afgerond in de periode."""
    with open_cli(ctx) as services:
        rows = services.escalations.resolution_times(start=parse_date(start, "from"), end=parse_date(end, "to"))
    if as_json:
        write_stdout(json.dumps([r.model_dump() for r in rows], ensure_ascii=False, indent=2))
        return
    write_stdout(
        f"{'niveau':<14} {'afgerond':>8} {'opgelost':>9} {'niet':>5} {'terug':>6} {'gem. dagen':>11} {'mediaan':>8}"
    )
    for r in rows:
        mean = f"{r.mean_days:.1f}".replace(".", ",") if r.mean_days is not None else "—"
        median = f"{r.median_days:.1f}".replace(".", ",") if r.median_days is not None else "—"
        write_stdout(
            f"{r.label:<14} {r.closed:>8} {r.opgelost:>9} {r.niet_opgelost:>5} {r.teruggelegd:>6} "
            f"{mean:>11} {median:>8}"
        )


@app.command("dashboard")
def dashboard_command(
    ctx: typer.Context,
    gemeente: Annotated[str, typer.Option("--gemeente", help="CBS-code van de gemeente, bijvoorbeeld GM0344.")],
    start: Annotated[str, typer.Option("--from", "--van", help="Begin van de periode (JJJJ-MM-DD).")],
    end: Annotated[str, typer.Option("--to", "--tot", help="Einde van de periode, tot en met (JJJJ-MM-DD).")],
    as_json: JsonOpt = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Uitvoer als CSV: één regel per getal.")] = False,
    with_cases: Annotated[
        bool, typer.Option("--casussen", help="Met --json: per cijfer de casusnummers erachter (drill-down).")
    ] = False,
    peildatum: Annotated[
        str | None, typer.Option("--peildatum", help="Dag waarop 'over de deadline' wordt bepaald; standaard vandaag.")
    ] = None,
) -> None:
    """Het dashboard van een gemeente over een periode (definities: docs/dashboard.md)."""
    if as_json and as_csv:
        fail("Kies --json of --csv, niet allebei.", code=2)
    with open_cli(ctx) as services:
        first, last = parse_date(start, "from"), parse_date(end, "to")
        assert first is not None and last is not None  # the options are required
        today = parse_date(peildatum, "peildatum")
        report = services.dashboard.show(gemeente, first, last, today=today)
        cases = _drill_cases(report, services, today) if with_cases else None
    if as_json:
        data = report.as_dict()
        if cases is not None:
            data["cases"] = cases
        write_stdout(json.dumps(data, ensure_ascii=False, indent=2))
    elif as_csv:
        write_stdout(dashboard_csv(report))
    else:
        write_stdout(dashboard_text(report))


def _drill_cases(report: Dashboard, services: Services, today: date | None) -> dict[str, dict[str, list[str]]]:
    """figure → bucket ("" for the whole figure) → case numbers, for every drill the report names."""
    s = report.scope
    found: dict[str, dict[str, list[str]]] = {}
    for drill in report.drills():
        numbers: list[str] = []
        while True:
            page = services.dashboard.cases(
                s.municipality_code, s.start, s.end, drill, limit=500, offset=len(numbers), today=today,
            )
            numbers += [c.case_number for c in page.cases]
            if not page.cases or len(numbers) + page.hidden >= page.total:
                break
        found.setdefault(drill.figure, {})[drill.bucket or ""] = numbers
    return found


def dashboard_csv(report: Dashboard) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in dashboard_rows(report):
        writer.writerow([escape_cell(cell) for cell in row])
    return out.getvalue()


@app.command("onderzoek")
def research_command(
    ctx: typer.Context,
    gemeente: Annotated[str, typer.Option("--gemeente", help="CBS-code van de gemeente, bijvoorbeeld GM0344.")],
    start: Annotated[str, typer.Option("--from", "--van", help="Begin van de periode (JJJJ-MM-DD).")],
    end: Annotated[str, typer.Option("--to", "--tot", help="Einde van de periode, tot en met (JJJJ-MM-DD).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Het CSV-bestand dat wordt geschreven.")],
) -> None:
    """Pseudonieme export voor actieonderzoek: één regel per huishouden, zonder directe identificatie
    (kolommen: docs/onderzoek-export.md)."""
    with open_cli(ctx) as services:
        first, last = parse_date(start, "from"), parse_date(end, "to")
        assert first is not None and last is not None  # the options are required
        code = gemeente.strip().upper()
        dashboard_service.dashboard_scope(code, first, last)  # a bad question fails before a key is made
        key = research_key(services.settings, code)
        scratch = output.with_name(f".{output.name}.tmp")
        try:
            with scratch.open("w", encoding="utf-8", newline="") as out:
                rows = services.research.export(code, first, last, key, ResearchCsvWriter(out, COLUMN_NAMES))
            scratch.replace(output)
        except BaseException:
            scratch.unlink(missing_ok=True)
            raise
        key_file = research_key_path(services.settings, code)
    typer.echo(f"Geschreven: {output} ({rows} huishoudens). Pseudoniemen met de sleutel in {key_file}; "
               "bewaar die sleutel om latere exports te koppelen en deel hem niet met de onderzoekers.")
