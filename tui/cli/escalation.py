"""`doorbraak escalation ...`: escalations of stuck cases, the pseudonymised dossier, and the knelpunten register
(`doorbraak escalation knelpunt ...`)."""

from __future__ import annotations

import functools
import inspect
import json
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any

import typer

from domain.errors import InvalidInput, Problem
from domain.escalation import (
    INBOX_STATUSES,
    BlockageKind,
    Escalation,
    EscalationLevel,
    EscalationListRow,
    EscalationQuery,
    EscalationStatus,
)
from domain.knelpunt import Knelpunt, KnelpuntCategory, KnelpuntQuery, KnelpuntStatus
from domain.services import escalation as service
from domain.services import knelpunten as knelpunt_service
from domain.services.casework import parse
from storage.bootstrap import Services
from tui.cli.common import open_cli, write_stdout
from tui.cli.overwrite import OverwriteOpt
from tui.cli.parse import parse_date, parse_id
from tui.cli.workflow import (
    JsonOpt,
    ListFilters,
    VersionOpt,
    WorkflowCommands,
    option,
)
from tui.render.dossier import DossierFormat, default_filename, dossier_json, write_dossier
from tui.render.format import format_date
from tui.render.workflow import escalation_text

app = typer.Typer(
    help="Escalaties (lokaal → regionaal → LMM/LET) en het gepseudonimiseerde dossier.", no_args_is_help=True
)
knelpunt_app = typer.Typer(help="Het knelpuntenregister (zonder persoonsgegevens).", no_args_is_help=True)
app.add_typer(knelpunt_app, name="knelpunt")

ID_HELP = "Nummer van de escalatie, bijv. 7 of ESC-7."
IdArg = Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)]

# Content options shared by `new` and `edit` (None = not given: keep what is there).
LevelOpt = Annotated[EscalationLevel | None, typer.Option("--niveau", help="lokaal, regionaal of lmm_let.")]
UrgentOpt = Annotated[bool | None, typer.Option("--urgent/--niet-urgent", help="Is de casus urgent?")]
UrgencyNoteOpt = Annotated[str | None, typer.Option("--urgentie", help="Waarom urgent.")]
ComplexOpt = Annotated[bool | None, typer.Option("--complex/--niet-complex", help="Is de casus complex?")]
ComplexityNoteOpt = Annotated[str | None, typer.Option("--complexiteit", help="Waarom complex.")]
DomainsOpt = Annotated[
    list[str] | None, typer.Option("--leefgebied", help="ZRM-leefgebied, bijv. financien (herhaal).")
]
OrgsOpt = Annotated[list[str] | None, typer.Option("--organisatie", help="Betrokken organisatie (herhaal).")]
RoutesOpt = Annotated[
    list[str] | None,
    typer.Option("--route", help="Geprobeerde route: NIVEAU|DATUM|OMSCHRIJVING[|UITKOMST] (herhaal)."),
]
BlockageKindOpt = Annotated[BlockageKind | None, typer.Option("--blokkade-soort", help="juridisch of organisatorisch.")]
BlockageOpt = Annotated[str | None, typer.Option("--blokkade", help="Het knelpunt: wat blokkeert de oplossing.")]
SolutionOpt = Annotated[str | None, typer.Option("--gevraagd", help="De gevraagde oplossing.")]
ConsentOnOpt = Annotated[str | None, typer.Option("--toestemming-op", help="Datum van de toestemming van de bewoner.")]
ConsentUntilOpt = Annotated[str | None, typer.Option("--toestemming-tot", help="Toestemming geldig tot (datum).")]
ConsentScopeOpt = Annotated[str | None, typer.Option("--toestemming-voor", help="Waarvoor de toestemming geldt.")]
RecipientsOpt = Annotated[list[str] | None, typer.Option("--ontvanger", help="Ontvanger van het dossier (herhaal).")]
FileOpt = Annotated[
    Path | None, typer.Option("--bestand", help="Lees de checklist uit een JSON-bestand (velden van EscalationDraft).")
]


def parse_route(text: str) -> dict[str, Any]:
    parts = [p.strip() for p in text.split("|")]
    if len(parts) not in (3, 4):
        raise InvalidInput(
            [Problem("route", f"'{text}': gebruik NIVEAU|DATUM|OMSCHRIJVING of met |UITKOMST erachter.")]
        )
    try:
        level = EscalationLevel(parts[0].lower())
    except ValueError:
        raise InvalidInput([Problem("route", f"Onbekend niveau '{parts[0]}' (lokaal, regionaal, lmm_let).")]) from None
    return {
        "level": level,
        "tried_on": parse_date(parts[1], "route"),
        "description": parts[2],
        "outcome": parts[3] if len(parts) == 4 else "",
    }


def read_json_file(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise InvalidInput([Problem("bestand", f"Bestand {path} bestaat niet.")])
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InvalidInput([Problem("bestand", f"{path} is geen geldig JSON-bestand.")]) from None
    if not isinstance(data, dict):
        raise InvalidInput([Problem("bestand", "Het bestand moet een JSON-object zijn.")])
    return data


def apply_options(base: dict[str, Any], **options: Any) -> dict[str, Any]:
    """Overlay the options that were given on a draft dict."""
    draft = dict(base)
    consent = dict(draft.get("consent") or {})
    simple = {
        "level": "level",
        "urgent": "urgent",
        "urgency_note": "urgency_note",
        "complex": "complex",
        "complexity_note": "complexity_note",
        "domains": "domains",
        "organisations": "organisations",
        "blockage_kind": "blockage_kind",
        "blockage": "blockage",
        "requested_solution": "requested_solution",
    }
    for name, key in simple.items():
        if options.get(name) is not None:
            draft[key] = options[name]
    if options.get("routes") is not None:
        draft["routes_tried"] = [parse_route(r) for r in options["routes"]]
    if options.get("consent_on") is not None:
        consent["given"] = True
        consent["given_on"] = parse_date(options["consent_on"], "toestemming-op")
    if options.get("consent_until") is not None:
        consent["expires_on"] = parse_date(options["consent_until"], "toestemming-tot")
    if options.get("consent_scope") is not None:
        consent["scope"] = options["consent_scope"]
    if options.get("recipients") is not None:
        consent["recipients"] = options["recipients"]
    draft["consent"] = consent
    return draft


def escalation_json(e: Escalation, today: date) -> dict[str, Any]:
    data = e.model_dump(mode="json")
    data["reference"] = e.reference
    data["time_to_resolution_days"] = e.time_to_resolution_days
    data["waiting_days"] = e.waiting_days(today)
    return data


commands = WorkflowCommands(app, lambda services: services.escalations, ID_HELP)


CHECKLIST_OPTIONS = [
    option("level", LevelOpt), option("urgent", UrgentOpt), option("urgency_note", UrgencyNoteOpt),
    option("complex", ComplexOpt), option("complexity_note", ComplexityNoteOpt), option("domains", DomainsOpt),
    option("organisations", OrgsOpt), option("routes", RoutesOpt), option("blockage_kind", BlockageKindOpt),
    option("blockage", BlockageOpt), option("requested_solution", SolutionOpt), option("consent_on", ConsentOnOpt),
    option("consent_until", ConsentUntilOpt), option("consent_scope", ConsentScopeOpt),
    option("recipients", RecipientsOpt),
]
"""The checklist options of `new` and `edit` (None = not given: keep what is there)."""


def with_checklist(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command the checklist options; it receives the given values together as `checklist`."""
    signature = inspect.signature(command, eval_str=True)  # this module postpones its annotations
    own = [p for p in signature.parameters.values() if p.name != "checklist"]

    @functools.wraps(command)
    def run(**values: Any) -> None:
        checklist = {p.name: values.pop(p.name) for p in CHECKLIST_OPTIONS}
        command(**values, checklist=checklist)

    run.__signature__ = signature.replace(parameters=[*own, *CHECKLIST_OPTIONS])  # type: ignore[attr-defined]
    return run


def checklist_draft(base: dict[str, Any], file: Path | None, checklist: dict[str, Any]) -> service.EscalationDraft:
    """The draft from `base`, the JSON file's fields over it and the given options over those."""
    return parse(service.EscalationDraft, apply_options({**base, **(read_json_file(file) if file else {})},
                                                        **checklist))


@app.command("new")
@with_checklist
def new_command(
    ctx: typer.Context,
    case_number: Annotated[str, typer.Argument(metavar="CASUS", help="Casusnummer, bijv. DB-2026-000123.")],
    suggest: Annotated[bool, typer.Option("--voorstel", help="Vul leefgebieden en organisaties uit de casus.")] = False,
    created: Annotated[str | None, typer.Option("--datum", help="Datum van aanmaken; standaard vandaag.")] = None,
    file: FileOpt = None,
    as_json: JsonOpt = False,
    *,
    checklist: dict[str, Any],
) -> None:
    """Start een escalatie (concept) voor een huishouden."""
    number = case_number.strip().upper()
    with open_cli(ctx) as services:
        base = services.escalations.suggest(number).model_dump() if suggest else {}
        draft = checklist_draft(base, file, checklist)
        escalation = services.escalations.start(service.StartEscalation(number, draft,
                                                                        today=parse_date(created, "datum")))
    if as_json:
        write_stdout(json.dumps(escalation_json(escalation, date.today()), ensure_ascii=False, indent=2))
    else:
        write_stdout(f"Escalatie {escalation.reference} gestart voor {escalation.case_number} (concept).")


@app.command("edit")
@with_checklist
def edit_command(
    ctx: typer.Context, escalation_id: IdArg, file: FileOpt = None, version: VersionOpt = None, *,
    checklist: dict[str, Any],
) -> None:
    """Wijzig de checklist van een concept-escalatie (alleen de opgegeven velden)."""
    with open_cli(ctx) as services:
        number = parse_id(escalation_id)
        current = services.escalations.get(number)
        draft = checklist_draft(current.model_dump(include=set(service.EscalationDraft.model_fields)), file,
                                checklist)
        saved = services.escalations.update(
            service.UpdateEscalation(number, draft, version if version is not None else current.version)
        )
    write_stdout(f"Escalatie {saved.reference} bijgewerkt.")


def inbox_query(filters: ListFilters, today: date) -> EscalationQuery:
    weeks = filters.extra["weeks"]
    levels = filters.extra["levels"]
    return EscalationQuery(
        case_number=filters.case_number,
        statuses=INBOX_STATUSES if filters.extra["waiting"] else filters.statuses,
        levels=frozenset(levels) if levels else None,
        submitted_before=today - timedelta(weeks=weeks) if weeks is not None else None,
        offset=filters.offset,
        limit=filters.limit,
    )


commands.add_list(
    states=EscalationStatus,
    help="Toon escalaties: wachtende eerst (oudste indiening bovenaan), dan concepten, dan afgeronde.",
    extra=[
        option("levels", Annotated[list[EscalationLevel] | None,
                                   typer.Option("--niveau", help="Alleen dit niveau.")]),
        option("waiting", Annotated[bool, typer.Option("--wachtend", help="Alleen ingediend of in behandeling (de "
                                                                          "inbox).")], False),
        option("weeks", Annotated[int | None, typer.Option("--langer-dan-weken", min=0, max=520,
                                                           help="Alleen ingediend vóór N weken geleden.")]),
    ],
    query=inbox_query, key="escalations",
    noun="escalaties", row_text=lambda row, today: list_line(row, today),
    row_json=lambda row, today: {"waiting_days": row.waiting_days(today),
                                 "time_to_resolution_days": row.time_to_resolution_days},
)


def list_line(row: EscalationListRow, today: date) -> str:
    days = row.waiting_days(today)
    extra = (
        f"wacht {days} d"
        if days is not None
        else (f"doorlooptijd {row.time_to_resolution_days} d" if row.time_to_resolution_days is not None else "")
    )
    return (
        f"{row.reference:<8} {row.case_number}  {row.household_name[:26]:<26}  {row.level.label:<9}  "
        f"{row.status.label:<14}  {format_date(row.submitted_on) or '—':<10}  {extra}"
    )


commands.add_show(help="Toon één escalatie met checklist, routes en stappen.", to_json=escalation_json,
                  to_text=escalation_text)


@app.command("check")
def check_command(ctx: typer.Context, escalation_id: IdArg) -> None:
    """Controleer wat indienen of exporteren nog tegenhoudt (exit 1 als er iets ontbreekt)."""
    with open_cli(ctx) as services:
        check = services.escalations.check(parse_id(escalation_id))
    sections = [
        ("Ontbreekt voor indienen", check.missing_criteria),
        ("Persoonsgegevens in de tekst", check.personal_data),
        ("Toestemming", check.consent),
    ]
    for title, problems in sections:
        if problems:
            write_stdout(f"{title}:")
            for problem in problems:
                write_stdout(f"  - {problem}")
    if check.ready_to_submit and check.ready_to_export:
        write_stdout("Klaar om in te dienen en te exporteren.")
        return
    raise typer.Exit(1)


commands.add_status(
    states=EscalationStatus, status_help="ingediend, in_behandeling, opgelost, niet_opgelost, teruggelegd.",
    help="Zet een escalatie in de volgende status. Indienen controleert de checklist en de tekst op persoonsgegevens.",
    note_help="Toelichting (verplicht bij terugleggen).", date_help="Datum van de stap; standaard vandaag.",
    done=lambda saved: write_stdout(f"{saved.reference} is nu {saved.status.label.lower()}."),
)


@app.command("opschalen")
def escalate_command(ctx: typer.Context, escalation_id: IdArg) -> None:
    """Breng een niet-opgeloste escalatie een niveau hoger (nieuw concept met deze route als geprobeerd)."""
    with open_cli(ctx) as services:
        saved = services.escalations.escalate_further(parse_id(escalation_id))
    write_stdout(f"Nieuwe escalatie {saved.reference} op niveau {saved.level.label} (concept).")


@app.command("export")
def export_command(
    ctx: typer.Context,
    escalation_id: IdArg,
    fmt: Annotated[DossierFormat, typer.Option("--format", "-f", help="pdf of json.")] = DossierFormat.PDF,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Bestand; standaard in de huidige map.")] = None,
    overwrite: OverwriteOpt = False,
) -> None:
    """Exporteer het gepseudonimiseerde dossier (geen namen, BSN, adres, postcode of geboortedatum)."""
    with open_cli(ctx) as services:
        dossier = services.escalations.export_dossier(parse_id(escalation_id))
        if fmt is DossierFormat.JSON and output is not None and str(output) == "-":
            sys.stdout.write(dossier_json(dossier))
            return
        target = output or Path(default_filename(dossier, fmt))
        write_dossier(dossier, target, fmt, overwrite=overwrite)
    typer.echo(f"Geschreven: {target}", err=True)


# -- knelpunten ---------------------------------------------------------------------------------------------
KpIdArg = Annotated[str, typer.Argument(metavar="ID", help="Nummer van het knelpunt, bijv. 3 of KP-3.")]


def knelpunt_json(k: Knelpunt) -> dict[str, Any]:
    data = k.model_dump(mode="json")
    data["reference"] = k.reference
    data["recurrence"] = k.recurrence
    data["linked_escalations"] = k.linked_escalations
    return data


def knelpunt_version(services: Services, knelpunt_id: int, version: int | None) -> int:
    if version is not None:
        return version
    return services.knelpunten.get(knelpunt_id).version


@knelpunt_app.command("list")
def knelpunt_list(
    ctx: typer.Context,
    text: Annotated[str, typer.Option("--zoek", "-z", help="Zoek in titel, wet, organisatie, effect.")] = "",
    category: Annotated[KnelpuntCategory | None, typer.Option("--categorie")] = None,
    status: Annotated[KnelpuntStatus | None, typer.Option("--status")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 50,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    as_json: JsonOpt = False,
) -> None:
    """Toon het knelpuntenregister, vaakst voorkomend eerst."""
    with open_cli(ctx) as services:
        page = services.knelpunten.list(
            KnelpuntQuery(text=text, category=category, status=status, limit=limit, offset=offset)
        )
    if as_json:
        write_stdout(
            json.dumps(
                {
                    "total": page.total,
                    "offset": page.offset,
                    "limit": page.limit,
                    "knelpunten": [{**row.model_dump(mode="json"), "reference": row.reference} for row in page.rows],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    for row in page.rows:
        law = f"{row.law} {row.article}".strip()
        write_stdout(
            f"{row.reference:<6} {row.recurrence:>3}x  {row.category.label:<21}  {row.status.label:<12}  "
            f"{row.title[:40]:<40}  {law}"
        )
    write_stdout(f"{len(page.rows)} van {page.total} knelpunten")


@knelpunt_app.command("show")
def knelpunt_show(ctx: typer.Context, knelpunt_id: KpIdArg, as_json: JsonOpt = False) -> None:
    """Toon één knelpunt."""
    with open_cli(ctx) as services:
        k = services.knelpunten.get(parse_id(knelpunt_id))
    if as_json:
        write_stdout(json.dumps(knelpunt_json(k), ensure_ascii=False, indent=2))
        return
    write_stdout(
        "\n".join(
            [
                f"{k.reference}  {k.title}  ({k.category.label}, {k.status.label.lower()})",
                f"Wet: {k.law or '—'} {k.article}".rstrip(),
                f"Organisatie: {k.organisation or '—'}   Ministerie: {k.ministry or '—'}",
                f"Onbedoeld effect: {k.unintended_effect}",
                f"Voorgestelde oplossing: {k.proposed_fix or '—'}",
                f"Gesignaleerd {format_date(k.signalled_on)}; geagendeerd {format_date(k.agendered_on) or '—'}; "
                f"opgelost {format_date(k.resolved_on) or '—'}",
                f"Komt {k.recurrence} keer voor, waarvan {k.linked_escalations} via een escalatie.",
            ]
        )
    )


@knelpunt_app.command("add")
def knelpunt_add(
    ctx: typer.Context,
    title: Annotated[str, typer.Option("--titel", help="Korte titel.")],
    category: Annotated[KnelpuntCategory, typer.Option("--categorie", help="Soort knelpunt.")],
    effect: Annotated[str, typer.Option("--effect", help="Het onbedoelde effect.")],
    law: Annotated[str, typer.Option("--wet")] = "",
    article: Annotated[str, typer.Option("--artikel")] = "",
    organisation: Annotated[str, typer.Option("--organisatie")] = "",
    ministry: Annotated[str, typer.Option("--ministerie")] = "",
    fix: Annotated[str, typer.Option("--oplossing", help="Voorgestelde oplossing.")] = "",
    on: Annotated[str | None, typer.Option("--datum", help="Datum van signaleren; standaard vandaag.")] = None,
    escalation_id: Annotated[
        str | None, typer.Option("--escalatie", help="Gevonden in deze escalatie: koppel het meteen.")
    ] = None,
) -> None:
    """Leg een nieuw knelpunt vast (zonder persoonsgegevens)."""
    with open_cli(ctx) as services:
        data = {
            "title": title,
            "category": category,
            "unintended_effect": effect,
            "law": law,
            "article": article,
            "organisation": organisation,
            "ministry": ministry,
            "proposed_fix": fix,
            "signalled_on": parse_date(on, "datum"),
        }
        if escalation_id is not None:
            number = parse_id(escalation_id)
            command = parse(knelpunt_service.KnelpuntDraft, data)
            _, k = services.escalations.raise_knelpunt(
                service.RaiseKnelpunt(number, command, commands.version(services, number, None))
            )
        else:
            k = services.knelpunten.add(parse(knelpunt_service.KnelpuntDraft, data))
    write_stdout(f"Knelpunt {k.reference} vastgelegd.")


@knelpunt_app.command("status")
def knelpunt_status(
    ctx: typer.Context,
    knelpunt_id: KpIdArg,
    new_status: Annotated[KnelpuntStatus, typer.Argument(metavar="STATUS", help="geagendeerd of opgelost.")],
    on: Annotated[str | None, typer.Option("--datum")] = None,
    version: VersionOpt = None,
) -> None:
    """Agendeer een knelpunt of markeer het als opgelost."""
    with open_cli(ctx) as services:
        number = parse_id(knelpunt_id)
        k = services.knelpunten.change_status(knelpunt_service.ChangeKnelpuntStatus(
            number, new_status, knelpunt_version(services, number, version), on=parse_date(on, "datum")
        ))
    write_stdout(f"{k.reference} is nu {k.status.label.lower()}.")


@knelpunt_app.command("herhaling")
def knelpunt_again(
    ctx: typer.Context,
    knelpunt_id: KpIdArg,
    on: Annotated[str | None, typer.Option("--datum")] = None,
    version: VersionOpt = None,
) -> None:
    """Het knelpunt deed zich opnieuw voor (buiten een escalatie)."""
    with open_cli(ctx) as services:
        number = parse_id(knelpunt_id)
        k = services.knelpunten.record_occurrence(knelpunt_service.RecordOccurrence(
            number, knelpunt_version(services, number, version), on=parse_date(on, "datum")
        ))
    write_stdout(f"{k.reference} komt nu {k.recurrence} keer voor.")


@knelpunt_app.command("koppel")
def knelpunt_link(
    ctx: typer.Context,
    escalation_id: Annotated[str, typer.Argument(metavar="ESCALATIE")],
    knelpunt_id: Annotated[str, typer.Argument(metavar="KNELPUNT")],
    version: VersionOpt = None,
) -> None:
    """Koppel een bestaand knelpunt aan een escalatie (telt als herhaling)."""
    with open_cli(ctx) as services:
        number = parse_id(escalation_id)
        e, k = services.escalations.link_knelpunt(
            service.LinkKnelpunt(number, parse_id(knelpunt_id), commands.version(services, number, version))
        )
    write_stdout(f"{k.reference} gekoppeld aan {e.reference}; komt nu {k.recurrence} keer voor.")
