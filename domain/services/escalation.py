"""Use cases of escalation: start from a household, fill the checklist, submit, follow up, escalate further,
raise knelpunten, and export the pseudonymised dossier (`domain.dossier`).

Submission runs the criteria checklist for the level AND the identifier scan of the free text, so a
dossier that would leak a name is stopped at the earliest moment, not only at export.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from domain.access import AccessDenied, Permission, has, in_municipality, require
from domain.actors import Actor
from domain.audit import AuditKind
from domain.dossier import EscalationDossier, HouseholdIdentifiers, build_dossier, check_escalation_text
from domain.errors import IllegalTransition, InvalidInput, Problem
from domain.escalation import (
    ESCALATION_WORKFLOW,
    INBOX_STATUSES,
    Escalation,
    EscalationContent,
    EscalationLevel,
    EscalationPage,
    EscalationQuery,
    EscalationStatus,
    ResolutionStats,
    RouteTried,
    resolution_report,
)
from domain.knelpunt import Knelpunt
from domain.lmm import national_refusal, pseudonymise
from domain.ports import UnitOfWork
from domain.services.casework import parse, today_or, validated
from domain.services.knelpunten import KnelpuntDraft, check_no_personal_data, new_knelpunt
from domain.services.use_case import UseCase, audit_event
from domain.services.workflow import CaseWorkflow, ItemChange, NewItem, Step, WorkflowService, opening_step

OBJECT_TYPE = "escalation"
SUGGESTED_MAX_SCORE = 2
"""Leefgebieden with a ZRM score of 1 or 2 are suggested as domains of the escalation."""


EscalationDraft = EscalationContent
"""The checklist a professional fills in (editable while the escalation is a concept)."""


@dataclass(frozen=True)
class EscalationCheck:
    """What still blocks submission and export, per field, for inline hints on a form."""

    missing_criteria: list[Problem] = field(default_factory=list)
    personal_data: list[Problem] = field(default_factory=list)
    consent: list[Problem] = field(default_factory=list)

    @property
    def ready_to_submit(self) -> bool:
        return not self.missing_criteria and not self.personal_data

    @property
    def ready_to_export(self) -> bool:
        return not self.personal_data and not self.consent


def _check_submission(step: Step[Escalation], new_status: EscalationStatus) -> None:
    """Indienen runs the checklist for the level and the identifier scan of the free text."""
    if new_status is EscalationStatus.INGEDIEND:
        current = step.item
        problems = current.missing_criteria(step.day) + check_escalation_text(
            current, step.household, step.uow.knelpunten.titles(current.knelpunt_ids)
        )
        if problems:
            raise InvalidInput(problems)


ESCALATIONS: CaseWorkflow[Escalation, Escalation, EscalationQuery, EscalationPage] = CaseWorkflow(
    OBJECT_TYPE, Permission.MANAGE_ESCALATIONS, ESCALATION_WORKFLOW, lambda uow: uow.escalations,
    guard=_check_submission,
)

get_escalation = ESCALATIONS.get
list_escalations = ESCALATIONS.list
"""A page of escalations in the actor's municipalities: waiting ones first, oldest submission first."""
change_escalation_status = ESCALATIONS.change_status
"""Indienen (checklist + personal-data scan), in behandeling nemen, afronden, terugleggen (with a reason)."""


def suggest_escalation(case_number: str, uow: UnitOfWork, actor: Actor, *, purpose: str = "") -> EscalationDraft:
    """A draft prefilled from the household: the acute leefgebieden and the organisations involved."""
    with UseCase(uow, actor, Permission.MANAGE_ESCALATIONS) as case:
        household = case.open_case(case_number, purpose)
    return EscalationDraft(
        domains=[p.leefgebied for p in household.problems if p.score <= SUGGESTED_MAX_SCORE],
        organisations=list(dict.fromkeys(o.name for o in household.organisations)),
    )


def _concept(draft: EscalationDraft, case_number: str, actor: Actor, day: date) -> Escalation:
    return parse(Escalation, {**draft.model_dump(), "case_number": case_number, "created_on": day,
                              "steps": opening_step(EscalationStatus.CONCEPT, actor, day)})


start_escalation = ESCALATIONS.opener(_concept, parse_as=EscalationDraft)
"""Create a concept escalation for a household."""
StartEscalation = NewItem[EscalationDraft]


def _replace_checklist(current: Escalation, draft: EscalationDraft, step: Step[Escalation]) -> Escalation:
    current.check_editable()
    return parse(Escalation, {**current.model_dump(), **draft.model_dump()})


update_escalation = ESCALATIONS.edit(_replace_checklist, parse_as=EscalationDraft)
"""Replace the checklist content of a concept."""
UpdateEscalation = ItemChange[EscalationDraft]


def inbox(
    uow: UnitOfWork,
    actor: Actor,
    *,
    waiting_longer_than_weeks: int | None = None,
    levels: frozenset[EscalationLevel] | None = None,
    today: date | None = None,
    offset: int = 0,
    limit: int = 100,
) -> EscalationPage:
    """The coordinator's inbox: submitted escalations without an answer, oldest first."""
    submitted_before = None
    if waiting_longer_than_weeks is not None:
        submitted_before = today_or(today) - timedelta(weeks=waiting_longer_than_weeks)
    query = EscalationQuery(statuses=INBOX_STATUSES, levels=levels, submitted_before=submitted_before,
                            offset=offset, limit=limit)
    return list_escalations(query, uow, actor)


def check_escalation(
    escalation_id: int, uow: UnitOfWork, actor: Actor, *, today: date | None = None, purpose: str = ""
) -> EscalationCheck:
    """Everything that still blocks submission or export, without changing anything."""
    day = today_or(today)
    with UseCase(uow, actor, Permission.MANAGE_ESCALATIONS) as case:
        step = ESCALATIONS.load(case, escalation_id, purpose, today=day)
        escalation = step.item
        titles = uow.knelpunten.titles(escalation.knelpunt_ids)
    return EscalationCheck(
        missing_criteria=escalation.missing_criteria(day),
        personal_data=check_escalation_text(escalation, step.household, titles),
        consent=escalation.consent.problems_for(day, escalation.level),
    )


def escalate_further(
    escalation_id: int, uow: UnitOfWork, actor: Actor, *, today: date | None = None, purpose: str = ""
) -> Escalation:
    """Continue a `niet_opgelost` escalation one level up, as a new concept that records this route as tried."""
    day = today_or(today)
    with UseCase(uow, actor, Permission.MANAGE_ESCALATIONS) as case:
        previous = ESCALATIONS.load(case, escalation_id, purpose, today=day).item
        if previous.status is not EscalationStatus.NIET_OPGELOST:
            raise IllegalTransition("Alleen een escalatie die niet is opgelost kan een niveau hoger worden gebracht.")
        level = previous.level.next
        if level is None:
            raise IllegalTransition("Dit is al het hoogste niveau (LMM/LET).")
        assert previous.submitted_on is not None and previous.id is not None
        route = RouteTried(
            level=previous.level,
            tried_on=previous.submitted_on,
            description=f"Escalatie {previous.reference} op niveau {previous.level.label.lower()}.",
            outcome="Niet opgelost" + (f": {last_note}" if (last_note := previous.steps[-1].note) else "."),
        )
        escalation = parse(
            Escalation,
            {
                **previous.model_dump(include=set(EscalationDraft.model_fields)),
                "level": level,
                "routes_tried": [*[r.model_dump() for r in previous.routes_tried], route.model_dump()],
                "case_number": previous.case_number,
                "knelpunt_ids": previous.knelpunt_ids,
                "previous_id": previous.id,
                "created_on": day,
                "steps": opening_step(EscalationStatus.CONCEPT, actor, day, note=f"Vervolg op {previous.reference}"),
            },
        )
        return ESCALATIONS.create(case, escalation)


def export_dossier(
    escalation_id: int, uow: UnitOfWork, actor: Actor, *, today: date | None = None, purpose: str = ""
) -> EscalationDossier:
    """Build the pseudonymised dossier to send onward; refused without valid consent or with identifiers in text.

    The export is recorded in the audit trail of the escalation and of the household.
    """
    day = today_or(today)
    with UseCase(uow, actor, Permission.MANAGE_ESCALATIONS) as case:
        step = ESCALATIONS.load(case, escalation_id, purpose, today=day)
        escalation = step.item
        dossier = build_dossier(escalation, step.household, day, uow.knelpunten.titles(escalation.knelpunt_ids))
        why = purpose or f"Gepseudonimiseerd escalatiedossier {escalation.reference}"
        case.record(AuditKind.EXPORT, OBJECT_TYPE, escalation.reference, purpose=why)
        case.record(AuditKind.EXPORT, "household", escalation.case_number, purpose=why)
        case.commit()
    return dossier


def view_dossier(
    escalation_id: int, uow: UnitOfWork, actor: Actor, *, today: date | None = None, purpose: str = ""
) -> EscalationDossier:
    """The dossier as the LET sees it: only submitted escalations at LMM/LET level, never the household.

    Other roles with the permission (coordinator) see it only for cases they may open (caseload rules).
    """
    day = today_or(today)
    with UseCase(uow, actor, Permission.VIEW_ESCALATION_DOSSIERS) as case:
        escalation = uow.escalations.get(escalation_id)
        titles = uow.knelpunten.titles(escalation.knelpunt_ids)
        if not has(actor, Permission.VIEW_CASE):
            refusal = national_refusal(escalation, day)
            if refusal is not None:
                raise AccessDenied(refusal)
            household = uow.households.get(escalation.case_number)
            if not in_municipality(actor, household.municipality_code):
                raise AccessDenied("Dit dossier hoort bij een gemeente buiten uw werkgebied.")
            # Never tell the LET what the identifier scan found: a found name would reveal the name.
            pseudo = pseudonymise(escalation, household, day, titles)
            if pseudo.dossier is None:
                raise InvalidInput([Problem("", reason) for reason in pseudo.withheld])
            dossier = pseudo.dossier
        else:
            household = case.open_case(escalation.case_number, purpose)
            dossier = build_dossier(escalation, household, day, titles)
        case.record(AuditKind.READ, OBJECT_TYPE, escalation.reference, purpose=purpose or "gepseudonimiseerd dossier")
        case.commit()
    return dossier


def _record_knelpunt(case: UseCase, kind: AuditKind, before: Knelpunt | None, after: Knelpunt) -> None:
    """The register's own audit record: a knelpunt belongs to no case, so no case reason goes with it."""
    case.uow.audit.record(audit_event(case.actor, kind, "knelpunt", after.reference, before=before, after=after))


def link_knelpunt(escalation_id: int, knelpunt_id: int, expected_version: int, uow: UnitOfWork, actor: Actor, *,
                  today: date | None = None, purpose: str = "") -> tuple[Escalation, Knelpunt]:
    """The escalation meets an existing knelpunt: link it (once) and count one more occurrence in the register."""
    require(actor, Permission.MANAGE_ESCALATIONS)
    require(actor, Permission.MANAGE_KNELPUNTEN)
    day = today_or(today)
    with UseCase(uow, actor) as case:
        step = ESCALATIONS.load(case, escalation_id, purpose, today=day, expected_version=expected_version)
        knelpunt = uow.knelpunten.get(knelpunt_id)
        updated = step.item.model_copy(deep=True)
        if not updated.link_knelpunt(knelpunt_id):
            raise IllegalTransition(f"Knelpunt {knelpunt.reference} is al aan deze escalatie gekoppeld.")
        counted = knelpunt.model_copy(deep=True)
        validated(lambda: counted.occur(max(day, knelpunt.signalled_on), via_escalation=True))
        saved_knelpunt = uow.knelpunten.save(counted)
        _record_knelpunt(case, AuditKind.UPDATE, knelpunt, saved_knelpunt)
        saved = ESCALATIONS.save(step, updated)
        case.commit()
        return saved, saved_knelpunt


def raise_knelpunt(escalation_id: int, draft: KnelpuntDraft, expected_version: int, uow: UnitOfWork, actor: Actor,
                   *, today: date | None = None, purpose: str = "") -> tuple[Escalation, Knelpunt]:
    """Record a new knelpunt found in this escalation (checked against the household's names) and link it."""
    require(actor, Permission.MANAGE_ESCALATIONS)
    require(actor, Permission.MANAGE_KNELPUNTEN)
    draft = parse(KnelpuntDraft, draft)
    day = today_or(today)
    with UseCase(uow, actor) as case:
        step = ESCALATIONS.load(case, escalation_id, purpose, today=day, expected_version=expected_version)
        check_no_personal_data(draft, HouseholdIdentifiers.of(step.household))
        knelpunt = uow.knelpunten.add(new_knelpunt(draft, day, via_escalation=True))
        assert knelpunt.id is not None
        _record_knelpunt(case, AuditKind.CREATE, None, knelpunt)
        updated = step.item.model_copy(deep=True)
        updated.link_knelpunt(knelpunt.id)
        saved = ESCALATIONS.save(step, updated)
        case.commit()
        return saved, knelpunt


def resolution_times(
    uow: UnitOfWork, actor: Actor, *, start: date | None = None, end: date | None = None
) -> list[ResolutionStats]:
    """Time to resolution per level (escalations closed in [start, end]), for the report."""
    require(actor, Permission.VIEW_REPORTS)
    with uow:
        facts = uow.escalations.resolution_facts(start, end, actor.municipality_codes)
    return resolution_report(facts)


# -- the bound service (what the TUI and the CLI call) --------------------------------------------------------
LinkKnelpunt = ItemChange[int]
"""Link an existing knelpunt: the value is the knelpunt's id."""
RaiseKnelpunt = ItemChange[KnelpuntDraft]


class EscalationService(WorkflowService[Escalation, Escalation, EscalationQuery, EscalationPage]):
    """What a professional or coordinator does with escalations: the checklist, the inbox, the dossier, the
    knelpunten (the shared `get`, `list` and `change_status` come from `WorkflowService`)."""

    flow = ESCALATIONS

    def suggest(self, case_number: str, *, purpose: str = "") -> EscalationDraft:
        return suggest_escalation(case_number, self.uow, self.actor, purpose=purpose)

    def start(self, command: StartEscalation) -> Escalation:
        return start_escalation.run(command, self.uow, self.actor)

    def update(self, command: UpdateEscalation) -> Escalation:
        return update_escalation.run(command, self.uow, self.actor)

    def inbox(self, *, waiting_longer_than_weeks: int | None = None,
              levels: frozenset[EscalationLevel] | None = None, today: date | None = None, offset: int = 0,
              limit: int = 100) -> EscalationPage:
        return inbox(self.uow, self.actor, waiting_longer_than_weeks=waiting_longer_than_weeks, levels=levels,
                     today=today, offset=offset, limit=limit)

    def check(self, escalation_id: int, *, today: date | None = None, purpose: str = "") -> EscalationCheck:
        return check_escalation(escalation_id, self.uow, self.actor, today=today, purpose=purpose)

    def escalate_further(self, escalation_id: int, *, today: date | None = None, purpose: str = "") -> Escalation:
        return escalate_further(escalation_id, self.uow, self.actor, today=today, purpose=purpose)

    def export_dossier(self, escalation_id: int, *, today: date | None = None,
                       purpose: str = "") -> EscalationDossier:
        return export_dossier(escalation_id, self.uow, self.actor, today=today, purpose=purpose)

    def view_dossier(self, escalation_id: int, *, today: date | None = None, purpose: str = "") -> EscalationDossier:
        return view_dossier(escalation_id, self.uow, self.actor, today=today, purpose=purpose)

    def link_knelpunt(self, command: LinkKnelpunt) -> tuple[Escalation, Knelpunt]:
        return link_knelpunt(command.item_id, command.value, command.expected_version, self.uow,
                             self.actor, today=command.today, purpose=command.purpose)

    def raise_knelpunt(self, command: RaiseKnelpunt) -> tuple[Escalation, Knelpunt]:
        return raise_knelpunt(command.item_id, command.value, command.expected_version, self.uow, self.actor,
                              today=command.today, purpose=command.purpose)

    def resolution_times(self, *, start: date | None = None,
                         end: date | None = None) -> list[ResolutionStats]:
        return resolution_times(self.uow, self.actor, start=start, end=end)


__all__ = [
    "EscalationCheck",
    "EscalationService",
    "LinkKnelpunt",
    "RaiseKnelpunt",
    "StartEscalation",
    "UpdateEscalation",
    "EscalationDraft",
    "change_escalation_status",
    "check_escalation",
    "escalate_further",
    "export_dossier",
    "get_escalation",
    "inbox",
    "link_knelpunt",
    "list_escalations",
    "raise_knelpunt",
    "resolution_times",
    "start_escalation",
    "suggest_escalation",
    "update_escalation",
    "view_dossier",
]
