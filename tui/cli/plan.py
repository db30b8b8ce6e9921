"""`doorbraak plan ...`: write, decide, execute, evaluate and export the maatwerkplan of a household.

Every command calls the plan services; nothing here computes a rekensom or touches the database.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from domain.errors import InvalidInput, Problem
from domain.plan import ActionStatus, PlanIncomplete, PlanStep
from domain.plan_document import missing_json, plan_file, plan_show_json
from domain.rekensom import Scenario
from domain.services import plans as service
from storage.bootstrap import Services
from storage.export_plan import write_atomic
from tui.cli.case import read_case_file
from tui.cli.common import EXIT_ERROR, ReasonOpt, open_cli, report_error, write_stdout
from tui.cli.overwrite import OverwriteOpt
from tui.cli.parse import parse_date, parse_money
from tui.plan_session import (
    ActionStatusChange,
    CompleteEvaluation,
    DecidePlan,
    NewVersion,
    RecordEvaluation,
    StartExecution,
)
from tui.plan_store import ServicePlanStore
from tui.render.format import format_date, format_money
from tui.render.plan import Edition, ExportFormat, default_file_name, export_plan_file
from tui.render.rekensom import rekensom_view

app = typer.Typer(
    help="Het maatwerkplan: schrijven, vaststellen, uitvoeren, evalueren en exporteren.", no_args_is_help=True
)

CaseArg = Annotated[str, typer.Argument(metavar="CASUS", help="Casusnummer, bijv. DB-2026-000123.")]
PlanVersionOpt = Annotated[
    int | None, typer.Option("--planversie", min=1, help="Welke planversie (standaard de nieuwste).")
]
SeenOpt = Annotated[
    int | None,
    typer.Option(
        "--versie", help="De (opslag)versie die u heeft gezien; bij een andere versie wordt niets opgeslagen."
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Uitvoer als JSON.")]


class OutputFormat(StrEnum):
    PDF = "pdf"
    MD = "md"
    JSON = "json"


class DocumentFormat(StrEnum):
    PDF = "pdf"
    MD = "md"


def _case(value: str) -> str:
    return value.strip().upper()


def _expected(services: Services, case: str, seen: int | None) -> int:
    """The row version to save against: the one the user saw, or else the current one."""
    if seen is not None:
        return seen
    return services.plans.get_plan(case).version


def _store(services: Services, case: str) -> ServicePlanStore:
    """The plan writes of one case, as the editor makes them (the same typed commands)."""
    return ServicePlanStore(case, services.plans, purpose=lambda: "", today=lambda: None)


def _refused(exc: PlanIncomplete) -> NoReturn:
    typer.echo("Fout: het plan kan nog niet worden vastgesteld. Nog nodig:", err=True)
    for item in exc.missing:
        typer.echo(f"  - {item}", err=True)
    raise typer.Exit(EXIT_ERROR)


def _saved(plan: Any, what: str) -> None:
    write_stdout(
        f"{what}: {plan.case_number} versie {plan.plan_version} ({plan.status.label}), opslagversie {plan.version}"
    )


# -- reading --------------------------------------------------------------------------------------


def show_text(overview: service.PlanOverview) -> str:
    household, plan, result = overview.household, overview.plan, overview.result
    rekensom = rekensom_view(result)
    problem = plan.obstacle_problem(household)
    lines = [
        f"Maatwerkplan {household.case_number}  {household.name}",
        f"Versie {plan.plan_version} van {len(overview.versions)}  Status: {plan.status.label}"
        + (f"  Besluit: {plan.decision.decided_by}, {format_date(plan.decision.decided_on)}" if plan.decision else ""),
        "",
        f"Perspectief: {plan.perspectief or '—'}",
        f"Grootste sta-in-de-weg: {problem.leefgebied_label if problem else '—'}"
        + (f" – {plan.sta_in_de_weg.toelichting}" if plan.sta_in_de_weg.toelichting else ""),
        f"Doorbraak: {plan.doorbraak or '—'}",
        "",
        "Doelen:",
        *(f"  {g.id}  {g.text}" for g in plan.goals),
        "Acties:",
        *(
            f"  {a.id}  {a.what}  [{a.status.label}]  {a.owner_organisation or 'geen eigenaar'}"
            f"  {format_date(a.deadline) or 'geen deadline'}" + ("  (maatwerk)" if a.deviating else "")
            for a in plan.actions
        ),
        "",
        f"Rekensom (horizon {result.horizon_months} maanden"
        + (f", prijspeil {plan.rekensom.price_year}" if plan.rekensom.price_year is not None else "")
        + "; netto per partij, verschil positief = gaat erop vooruit):",
        f"  {'Partij':<32} {'Huidig pad':>16} {'Doorbraak':>16} {'Verschil':>16}",
        *(
            f"  {r.label:<32} {r.huidig_pad:>16} {r.doorbraak:>16} {r.verschil:>16}"
            for r in (*rekensom.rows, rekensom.total)
        ),
    ]
    if rekensom.transfers:
        lines.append("  Verschuivingen (overdrachten, geen kosten voor de samenleving):")
        lines += [f"    {t.scenario:<11} {t.route:<58} {t.amount:>14}" for t in rekensom.transfers]
    if rekensom.pays:
        lines.append("  Betaalt voor de doorbraak: " + ", ".join(p.label for p in rekensom.pays))
    if rekensom.gains:
        lines.append("  Wint bij de doorbraak: " + ", ".join(p.label for p in rekensom.gains))
    lines.append("  Verkeerde zak: " + rekensom.wrong_pocket_line)
    lines += ["", "Rechtsgronden:", *(f"  {b.title} ({b.ruimte_label})" for b in overview.legal_bases)]
    if overview.missing:
        lines += ["", "Nog nodig voor een besluit:", *(f"  - {m}" for m in overview.missing)]
    if overview.warnings:
        lines += ["", "Aandachtspunten:", *(f"  - {w}" for w in overview.warnings)]
    return "\n".join(lines)


@app.command("show")
def show_command(
    ctx: typer.Context, case: CaseArg, plan_version: PlanVersionOpt = None, as_json: JsonOpt = False,
    reden: ReasonOpt = "",
) -> None:
    """Toon het maatwerkplan met rekensom, rechtsgronden en wat nog ontbreekt."""
    with open_cli(ctx) as services:
        overview = services.plans.plan_overview(_case(case), plan_version=plan_version, purpose=reden)
    if as_json:
        payload = plan_show_json(
            overview.household,
            overview.plan,
            overview.result,
            missing=overview.missing,
            warnings=overview.warnings,
            versions=overview.versions,
        )
        write_stdout(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    write_stdout(show_text(overview))


@app.command("check")
def check_command(ctx: typer.Context, case: CaseArg, as_json: JsonOpt = False, reden: ReasonOpt = "") -> None:
    """Wat ontbreekt nog voor een besluit? Exitcode 0 als het plan compleet is, anders 1."""
    with open_cli(ctx) as services:
        overview = services.plans.plan_overview(_case(case), purpose=reden)
    if as_json:
        write_stdout(
            json.dumps(
                {"missing": missing_json(overview.missing), "warnings": missing_json(overview.warnings)},
                ensure_ascii=False,
                indent=2,
            )
        )
    elif overview.missing:
        write_stdout("\n".join(f"- {m}" for m in overview.missing))
    else:
        write_stdout(
            "Het plan is compleet en kan worden vastgesteld."
            if overview.plan.decision is None
            else "Het plan is vastgesteld."
        )
    if overview.missing:
        raise typer.Exit(EXIT_ERROR)


@app.command("versions")
def versions_command(ctx: typer.Context, case: CaseArg, as_json: JsonOpt = False, reden: ReasonOpt = "") -> None:
    """Toon alle versies van het plan."""
    with open_cli(ctx) as services:
        versions = services.plans.plan_versions(_case(case), purpose=reden)
    if as_json:
        write_stdout(
            json.dumps(
                [
                    {
                        "plan_version": v.plan_version,
                        "status": v.status.value,
                        "decided_on": v.decided_on.isoformat() if v.decided_on else None,
                        "decided_by": v.decided_by,
                        "created_by": v.created_by,
                    }
                    for v in versions
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    for v in versions:
        decided = f"  besluit {format_date(v.decided_on)} door {v.decided_by}" if v.decided_on else ""
        write_stdout(f"versie {v.plan_version}  {v.status.label:<14}{decided}")


@app.command("diff")
def diff_command(
    ctx: typer.Context,
    case: CaseArg,
    old: Annotated[int, typer.Argument(metavar="OUD", min=1)],
    new: Annotated[int, typer.Argument(metavar="NIEUW", min=1)],
    as_json: JsonOpt = False,
    reden: ReasonOpt = "",
) -> None:
    """Vergelijk twee planversies per onderdeel."""
    with open_cli(ctx) as services:
        diff = services.plans.compare_versions(_case(case), old, new, purpose=reden)
    if as_json:
        write_stdout(json.dumps(diff.to_dict(), ensure_ascii=False, indent=2))
        return
    if diff.is_empty:
        write_stdout(f"Versie {old} en {new} zijn gelijk.")
        return
    for section in diff.changed_sections:
        write_stdout(f"{section.label}:")
        for change in section.changes:
            write_stdout(f"  {change.kind.value:<11} {change.path}: {change.old or '—'} → {change.new or '—'}")


# -- writing --------------------------------------------------------------------------------------


@app.command("new")
def new_command(ctx: typer.Context, case: CaseArg) -> None:
    """Begin een (leeg) maatwerkplan voor een huishouden zonder plan."""
    with open_cli(ctx) as services:
        plan = services.plans.start_plan(_case(case))
    _saved(plan, "Plan aangemaakt")


SECTION_HELP = ", ".join(
    s.value
    for s in PlanStep
    if s.field_name
    in ("in_kaart", "perspectief", "sta_in_de_weg", "doorbraak", "goals", "actions", "rekensom", "juridisch", "consent")
)


@app.command("set")
def set_command(
    ctx: typer.Context,
    case: CaseArg,
    section: Annotated[PlanStep, typer.Argument(metavar="ONDERDEEL", help=f"Een van: {SECTION_HELP}.")],
    value: Annotated[
        str | None, typer.Argument(metavar="WAARDE", help="Tekst, of JSON voor de andere onderdelen.")
    ] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Lees de waarde (JSON) uit dit bestand.")] = None,
    seen: SeenOpt = None,
) -> None:
    """Vul één onderdeel van het conceptplan.

    Bijvoorbeeld `plan set CASUS perspectief "..."` of `plan set CASUS rekensom -f rekensom.json`.
    """
    if (value is None) == (file is None):
        report_error(InvalidInput([Problem("waarde", "Geef een WAARDE of --file, niet allebei.")]))
    data: Any
    if file is not None:
        try:
            data = read_case_file(file)
        except InvalidInput as exc:
            report_error(exc)
    elif section in (PlanStep.PERSPECTIEF, PlanStep.DOORBRAAK):
        data = value
    else:
        try:
            data = json.loads(value or "")
        except json.JSONDecodeError as exc:
            report_error(InvalidInput([Problem(section.value, f"Geen geldige JSON (kolom {exc.colno}).")]))
    with open_cli(ctx) as services:
        number = _case(case)
        plan = services.plans.update_section(number, section, data, _expected(services, number, seen))
    _saved(plan, f"{section.label} opgeslagen")


@app.command("add-kengetal")
def add_kengetal_command(
    ctx: typer.Context,
    case: CaseArg,
    kengetal_id: Annotated[str, typer.Argument(metavar="KENGETAL", help="Id uit `doorbraak plan kengetallen`.")],
    scenario: Annotated[Scenario, typer.Option("--scenario", help="huidig_pad of doorbraak.")],
    quantity: Annotated[str, typer.Option("--aantal", help="Aantal (standaard 1).")] = "1",
    probability: Annotated[str, typer.Option("--kans", help="Kans 0–1 (standaard 1).")] = "1",
    start: Annotated[int, typer.Option("--start", min=0, help="Startmaand (0 = nu).")] = 0,
    duration: Annotated[int | None, typer.Option("--duur", min=0, help="Looptijd in maanden (terugkerend).")] = None,
    amount: Annotated[
        str | None,
        typer.Option("--bedrag", help="Eigen bedrag (verplicht bij een regel zonder bedrag; WAHV: de sanctie)."),
    ] = None,
    default: Annotated[
        str | None, typer.Option("--kans-wanbetaling", help="Lening: kans 0–1 dat de restschuld niet terugkomt.")
    ] = None,
    seen: SeenOpt = None,
) -> None:
    """Voeg een kostenregel uit de kengetallencatalogus (met de eigen cijfers van de gemeente) toe, geïndexeerd
    naar het prijspeil van het plan; soort, betaler en ontvanger komen uit de catalogus."""
    with open_cli(ctx) as services:
        quantity_value = parse_money(quantity, "--aantal") or Decimal(1)
        probability_value = parse_money(probability, "--kans")
        number = _case(case)
        plan = services.plans.add_cost_line_from_kengetal(
            number,
            kengetal_id,
            scenario,
            _expected(services, number, seen),
            quantity=quantity_value,
            probability=Decimal(1) if probability_value is None else probability_value,
            start_month=start,
            duration_months=duration,
            amount=parse_money(amount, "--bedrag"),
            default_probability=parse_money(default, "--kans-wanbetaling"),
        )
    _saved(plan, f"Kostenregel {plan.rekensom.lines[-1].id} toegevoegd")


@app.command("import")
def import_command(
    ctx: typer.Context,
    case: CaseArg,
    file: Annotated[Path, typer.Argument(metavar="BESTAND.json", help="Planbestand (format doorbraak-plan).")],
) -> None:
    """Laad een plan (bijv. een oefenscenario) in een huishouden. Bij één fout wordt niets opgeslagen."""
    try:
        data = read_case_file(file)
    except InvalidInput as exc:
        report_error(exc)
    with open_cli(ctx) as services:
        plan = services.plans.import_plan_file(_case(case), data)
    _saved(plan, "Plan geïmporteerd")


@app.command("decide")
def decide_command(
    ctx: typer.Context,
    case: CaseArg,
    on: Annotated[str | None, typer.Option("--datum", help="Datum van het besluit (standaard vandaag).")] = None,
    note: Annotated[str, typer.Option("--toelichting", help="Toelichting bij het besluit.")] = "",
    seen: SeenOpt = None,
) -> None:
    """Stel het conceptplan vast, op uw eigen mandaat (zie 'doorbraak mandaat list'). Geweigerd (met de lijst)
    zolang er iets ontbreekt, en als u het plan zelf schreef of geen mandaat heeft dat het dekt."""
    with open_cli(ctx) as services:
        decided_on = parse_date(on, "--datum") or date.today()
        number = _case(case)
        command = DecidePlan(toelichting=note, decided_on=decided_on.isoformat(),
                             decider=services.actor.display_name)
        try:
            plan = command.run(_store(services, number), _expected(services, number, seen))
        except PlanIncomplete as exc:
            _refused(exc)
    _saved(plan, "Plan vastgesteld")
    write_stdout(f"Besluit door {plan.decision.decided_by if plan.decision else ''}; beschikking: "
                 f"doorbraak plan beschikking {plan.case_number} --format pdf")


@app.command("beschikking")
def beschikking_command(
    ctx: typer.Context,
    case: CaseArg,
    fmt: Annotated[DocumentFormat, typer.Option("--format", help="pdf of md (Markdown).")] = DocumentFormat.PDF,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Het bestand (standaard in de huidige map).")
    ] = None,
    plan_version: PlanVersionOpt = None,
    reden: ReasonOpt = "",
    overwrite: OverwriteOpt = False,
) -> None:
    """Schrijf de beschikking van een vastgesteld plan: besluit, rechtsgronden, mandaat, datum en bezwaarclausule."""
    from tui.render.beschikking import default_file_name as beschikking_name
    from tui.render.beschikking import export_beschikking_file

    with open_cli(ctx) as services:
        data = services.plans.beschikking(_case(case), plan_version=plan_version, purpose=reden)
        export_format = ExportFormat(fmt.value)
        target = output or Path(beschikking_name(data, export_format))
        export_beschikking_file(data, target, export_format, overwrite=overwrite)
    typer.echo(f"Geschreven: {target}", err=True)


@app.command("start")
def start_command(ctx: typer.Context, case: CaseArg, seen: SeenOpt = None) -> None:
    """Zet een vastgesteld plan in uitvoering."""
    with open_cli(ctx) as services:
        number = _case(case)
        plan = StartExecution().run(_store(services, number), _expected(services, number, seen))
    _saved(plan, "In uitvoering")


@app.command("action")
def action_command(
    ctx: typer.Context,
    case: CaseArg,
    action_id: Annotated[str, typer.Argument(metavar="ACTIE", help="Actie-id, bijv. a1.")],
    status: Annotated[ActionStatus, typer.Argument(metavar="STATUS", help="open, bezig, gedaan of vastgelopen.")],
    note: Annotated[str | None, typer.Option("--notitie", help="Waarom vastgelopen, wat is geprobeerd.")] = None,
    done_on: Annotated[
        str | None, typer.Option("--gedaan-op", help="Bij gedaan: de datum (standaard vandaag).")
    ] = None,
    seen: SeenOpt = None,
) -> None:
    """Leg de voortgang van één actie vast."""
    with open_cli(ctx) as services:
        number = _case(case)
        day = parse_date(done_on, "--gedaan-op")
        change = ActionStatusChange(action_id, status, note, day.isoformat() if day else None)
        plan = _store(services, number).set_action_status(change, _expected(services, number, seen))
    _saved(plan, f"Actie {action_id}: {status.label}")


def _scores(values: list[str]) -> dict[str, int]:
    scores: dict[str, int] = {}
    for value in values:
        code, _, score = value.partition("=")
        if not score.strip().isdigit():
            raise InvalidInput(
                [Problem("--score", f"'{value}' is geen score; gebruik leefgebied=1..5, bijv. financien=3.")]
            )
        scores[code.strip()] = int(score)
    return scores


def _payer_amounts(values: list[str]) -> dict[str, object]:
    amounts: dict[str, object] = {}
    for value in values:
        payer, sep, amount = value.partition("=")
        if not sep or not amount.strip():
            raise InvalidInput(
                [Problem("--betaler", f"'{value}' is geen bedrag per betaler; gebruik betaler=bedrag, "
                                      "bijv. gemeente_wmo=1250,50.")]
            )
        amounts[payer.strip()] = parse_money(amount, "--betaler")
    return amounts


@app.command("evaluate")
def evaluate_command(
    ctx: typer.Context,
    case: CaseArg,
    moment: Annotated[int, typer.Option("--moment", help="0, 3, 6 of 12 maanden.")],
    grade: Annotated[int | None, typer.Option("--cijfer", help="Rapportcijfer van de bewoner (1–10).")] = None,
    scores: Annotated[
        list[str] | None, typer.Option("--score", help="ZRM-score, bijv. financien=3 (herhaalbaar).")
    ] = None,
    on: Annotated[str | None, typer.Option("--datum", help="Datum (standaard vandaag).")] = None,
    realised: Annotated[str | None, typer.Option("--gerealiseerd", help="Gerealiseerde kosten tot nu toe.")] = None,
    per_payer: Annotated[
        list[str] | None,
        typer.Option("--betaler", help="Gerealiseerd per betaler, bijv. gemeente_wmo=1250,50 (herhaalbaar)."),
    ] = None,
    note: Annotated[str, typer.Option("--toelichting")] = "",
    seen: SeenOpt = None,
) -> None:
    """Leg een evaluatiemoment vast (ZRM-scores en rapportcijfer)."""
    with open_cli(ctx) as services:
        number = _case(case)
        evaluation = RecordEvaluation(
            moment=moment,
            rapportcijfer=grade,
            scores=_scores(scores or []),
            on_date=(parse_date(on, "--datum") or date.today()).isoformat(),
            realised_costs=parse_money(realised, "--gerealiseerd"),
            realised_by_payer=_payer_amounts(per_payer or []),
            toelichting=note,
        )
        plan = evaluation.run(_store(services, number), _expected(services, number, seen))
    _saved(plan, f"Evaluatie na {moment} maanden opgeslagen")


@app.command("complete")
def complete_command(ctx: typer.Context, case: CaseArg, seen: SeenOpt = None) -> None:
    """Sluit de uitvoering af als geëvalueerd."""
    with open_cli(ctx) as services:
        number = _case(case)
        plan = CompleteEvaluation().run(_store(services, number), _expected(services, number, seen))
    _saved(plan, "Geëvalueerd")


@app.command("new-version")
def new_version_command(ctx: typer.Context, case: CaseArg) -> None:
    """Maak een nieuwe conceptversie van een vastgesteld plan om het te wijzigen."""
    with open_cli(ctx) as services:
        plan = NewVersion().run(_store(services, _case(case)), None)
    _saved(plan, "Nieuwe versie")


# -- export ---------------------------------------------------------------------------------------


@app.command("export")
def export_command(
    ctx: typer.Context,
    case: CaseArg,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="pdf, md (Markdown) of json (planbestand).")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Het bestand (standaard in de huidige map).")
    ] = None,
    plan_version: PlanVersionOpt = None,
    reden: ReasonOpt = "",
    overwrite: OverwriteOpt = False,
    for_resident: Annotated[
        bool,
        typer.Option(
            "--voor-bewoner",
            help="Het plan voor de bewoner in eenvoudige taal (B1): wat gaan we doen, wie doet wat, wanneer.",
        ),
    ] = False,
) -> None:
    """Exporteer het plan als document om te ondertekenen (PDF/Markdown) of als planbestand (JSON)."""
    if for_resident and fmt is OutputFormat.JSON:
        why = "Het plan voor de bewoner is er als pdf of md, niet als json."
        report_error(InvalidInput([Problem("--voor-bewoner", why)]))
    edition = Edition.BEWONER if for_resident else Edition.PROFESSIONAL
    with open_cli(ctx) as services:
        overview = services.plans.export_plan(_case(case), plan_version=plan_version, purpose=reden)
        if fmt is OutputFormat.JSON:
            target = output or Path(f"maatwerkplan-{overview.household.case_number}-v{overview.plan.plan_version}.json")
            text = json.dumps(plan_file(overview.plan, datetime.now(UTC)), ensure_ascii=False, indent=2) + "\n"
            try:
                write_atomic(target, text.encode("utf-8"), overwrite=overwrite)
            except OSError as exc:
                report_error(
                    InvalidInput([Problem("--output", f"Kan {target} niet schrijven: {exc.strerror or exc}.")])
                )
        else:
            export_format = ExportFormat(fmt.value)
            target = output or Path(default_file_name(overview, export_format, edition))
            if sys.stderr.isatty():
                with typer.progressbar(length=100, label="Exporteren", file=sys.stderr) as bar:
                    done = 0

                    def progress(step: int, total: int) -> None:
                        nonlocal done
                        now = step * 100 // max(total, 1)
                        bar.update(now - done)
                        done = now

                    export_plan_file(
                        overview, target, export_format, progress=progress, overwrite=overwrite, edition=edition
                    )
            else:
                export_plan_file(overview, target, export_format, overwrite=overwrite, edition=edition)
    typer.echo(f"Geschreven: {target}", err=True)


# -- catalogues -----------------------------------------------------------------------------------


@app.command("kengetallen")
def kengetallen_command(
    ctx: typer.Context,
    municipality: Annotated[
        str, typer.Option("--gemeente", help="CBS-code; toont de eigen cijfers van die gemeente.")
    ] = "",
    as_json: JsonOpt = False,
) -> None:
    """Toon de kengetallen (kosten per eenheid) met bron en jaar."""
    with open_cli(ctx) as services:
        items = services.plans.kengetallen_for(municipality.strip().upper())
    if as_json:
        write_stdout(
            json.dumps(
                [
                    {
                        "id": k.id,
                        "naam": k.naam,
                        "bedrag": None if k.bedrag is None else str(k.bedrag),
                        "frequentie": k.frequentie.value,
                        "betaler": k.betaler.value,
                        "soort": k.soort.value,
                        "ontvanger": None if k.ontvanger is None else k.ontvanger.value,
                        "aflostermijn": k.aflostermijn,
                        "wettelijk": k.wettelijk,
                        "eenheid": k.eenheid,
                        "bron": k.bron,
                        "jaar": k.jaar,
                        "eigen_cijfer": k.overridden,
                    }
                    for k in items
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    for k in items:
        amount = format_money(k.bedrag) if k.bedrag is not None else "(regel)"
        own = "  [eigen cijfer]" if k.overridden else ""
        write_stdout(f"{k.id:<40} {amount:>14} {k.frequentie.label:<10} {k.source_label}{own}  ({k.kind_label})")


@app.command("kengetal-set")
def kengetal_set_command(
    ctx: typer.Context,
    municipality: Annotated[str, typer.Argument(metavar="GEMEENTE", help="CBS-code, bijv. GM0344.")],
    kengetal_id: Annotated[str, typer.Argument(metavar="KENGETAL")],
    amount: Annotated[str, typer.Option("--bedrag")],
    source: Annotated[str, typer.Option("--bron", help="De eigen bron van de gemeente.")],
    year: Annotated[int, typer.Option("--jaar")],
) -> None:
    """Leg een eigen cijfer van de gemeente vast (met eigen bron en jaar)."""
    with open_cli(ctx) as services:
        value = parse_money(amount, "--bedrag")
        if value is None:
            raise InvalidInput([Problem("--bedrag", "is verplicht")])
        item = services.plans.set_kengetal_override(
            municipality.strip().upper(), kengetal_id, value, source, year
        )
    write_stdout(f"{item.id}: {format_money(item.bedrag) if item.bedrag is not None else ''} ({item.source_label})")


@app.command("kengetal-reset")
def kengetal_reset_command(
    ctx: typer.Context,
    municipality: Annotated[str, typer.Argument(metavar="GEMEENTE")],
    kengetal_id: Annotated[str, typer.Argument(metavar="KENGETAL")],
) -> None:
    """Verwijder het eigen cijfer; het landelijke kengetal geldt weer."""
    with open_cli(ctx) as services:
        removed = services.plans.remove_kengetal_override(municipality.strip().upper(), kengetal_id)
    write_stdout("Eigen cijfer verwijderd." if removed else "Er was geen eigen cijfer.")


@app.command("rechtsgronden")
def legal_bases_command(
    query: Annotated[
        str, typer.Argument(metavar="ZOEK", help="Zoekterm (hoofdletters en accenten maken niet uit).")
    ] = "",
    kind: Annotated[
        str | None,
        typer.Option("--soort", metavar="ACTIESOORT",
                     help="Alleen de rechtsgronden die passen bij deze soort actie (zie --soorten)."),
    ] = None,
    list_kinds: Annotated[bool, typer.Option("--soorten", help="Toon de soorten acties en hun rechtsgronden.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Zoek in de catalogus van rechtsgronden (met officieel id, geldig vanaf en link)."""
    from domain.action_kinds import action_kind, action_kinds, bases_with_suggestions, is_action_kind
    from tui.render.legal import basis_json, identity_line

    if list_kinds:
        kinds = action_kinds()
        if as_json:
            write_stdout(json.dumps(
                [{"code": k.code, "naam": k.naam, "trefwoorden": list(k.trefwoorden),
                  "rechtsgronden": list(k.rechtsgronden), "zonder_afwijking": k.zonder_afwijking} for k in kinds],
                ensure_ascii=False, indent=2))
            return
        for k in kinds:
            write_stdout(f"{k.code:<26} {k.naam}\n{'':<26} {', '.join(k.rechtsgronden)}")
        return
    if kind is not None and not is_action_kind(kind.strip()):
        report_error(InvalidInput([Problem("--soort", "onbekende actiesoort; zie 'plan rechtsgronden --soorten'")]))
    if kind is not None:
        suggested = action_kind(kind.strip()).bases
        found, count = bases_with_suggestions(query, suggested)
        found = found[:count]
    else:
        found = service.find_legal_bases(query)
    if as_json:
        write_stdout(json.dumps([basis_json(b) for b in found], ensure_ascii=False, indent=2))
        return
    for b in found:
        write_stdout(
            f"{b.id:<42} {b.title}\n{'':<42} {b.wat} [{b.ruimte_label}]\n{'':<42} {identity_line(b)}"
            + (f"\n{'':<42} {b.link}" if b.link else "")
        )
    if not found:
        write_stdout("Geen rechtsgronden gevonden.")
