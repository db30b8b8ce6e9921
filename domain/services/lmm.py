"""Use cases of the LMM/LET: list the national dossiers it may see, open one, record its handling.

For an actor without case access (the LET role) nothing here reads more of the household than the
pseudonymised dossier needs, and nothing returned can hold a name, BSN, address, postcode, birth date or
case number (see `domain.lmm`). Roles with case access (the single-user owner) see the same view, limited
to the cases in their caseload, as a preview of what the LMM/LET receives.

Audit: every opened dossier is one READ record of the escalation; every page of the list is one READ
record naming the dossier references it showed (the list shows the knelpunt and the requested solution,
which are dossier content); every handling step is an UPDATE with old -> new.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from typing import Any

from domain import reference
from domain.access import AccessDenied, Permission, has, in_municipality, require
from domain.actors import Actor
from domain.audit import AuditKind
from domain.errors import IllegalTransition, InvalidInput
from domain.escalation import ESCALATION_WORKFLOW, Escalation, EscalationStatus
from domain.household import Household
from domain.lmm import (
    HANDLING_STATES,
    LmmDossierView,
    LmmPage,
    LmmQuery,
    MunicipalityCount,
    NationalCandidate,
    consent_covers_national,
    handling_note_problems,
    lmm_next_states,
    lmm_row,
    lmm_steps,
    national_refusal,
    pseudonymise,
    sort_key,
)
from domain.ports import UnitOfWork
from domain.services.bound import Bound
from domain.services.casework import may_see, today_or
from domain.services.use_case import UseCase, audit_event
from domain.services.workflow import CaseWorkflow, ChangeStatus

OBJECT_TYPE = "escalation"
LIST_OBJECT = "lmm-inbox"
PURPOSE_ROOM = 900
"""The audit record of a list page names the references shown, within the purpose column's 1000 characters."""


def _in_view(actor: Actor, candidate: NationalCandidate) -> bool:
    if not has(actor, Permission.VIEW_CASE):
        return in_municipality(actor, candidate.municipality_code)
    return may_see(actor, candidate.owner)  # the caseload, without break-glass (as in every list)


def _open(case: UseCase, escalation: Escalation, purpose: str, day: date) -> Household:
    """The escalation's household, if the LMM/LET view may show the escalation to this actor today: through
    the caseload (or break-glass) for a role with case access, by municipality for the LET."""
    refusal = national_refusal(escalation, day)
    if refusal is not None:
        raise AccessDenied(refusal)
    if has(case.actor, Permission.VIEW_CASE):
        return case.open_case(escalation.case_number, purpose)
    household = case.uow.households.get(escalation.case_number)
    if not in_municipality(case.actor, household.municipality_code):
        raise AccessDenied("Dit dossier hoort bij een gemeente buiten uw werkgebied.")
    return household


def _view(uow: UnitOfWork, escalation: Escalation, household: Household, day: date) -> LmmDossierView:
    pseudo = pseudonymise(escalation, household, day, uow.knelpunten.titles(escalation.knelpunt_ids))
    return LmmDossierView(
        row=lmm_row(escalation, household.municipality_code, pseudo, day),
        version=escalation.version,
        steps=lmm_steps(escalation, household),
        next_states=lmm_next_states(escalation),
        dossier=pseudo.dossier,
    )


def _check_handling(command: ChangeStatus[EscalationStatus]) -> ChangeStatus[EscalationStatus]:
    """The LMM/LET takes a national escalation in behandeling or answers it, with a note without identifiers."""
    if command.new_status not in HANDLING_STATES:
        raise IllegalTransition("Het LMM/LET neemt een escalatie in behandeling of rondt haar af; indienen doet "
                                "de gemeente.")
    note = command.note.strip()
    problems = handling_note_problems(note)
    if problems:
        raise InvalidInput(problems)
    return replace(command, note=note)


LMM_HANDLING: CaseWorkflow[Escalation, LmmDossierView, Any, Any] = CaseWorkflow(
    OBJECT_TYPE, Permission.HANDLE_NATIONAL_ESCALATIONS, ESCALATION_WORKFLOW, lambda uow: uow.escalations,
    result=lambda saved, step: _view(step.uow, saved, step.household, step.today), open=_open,
    store=lambda uow: uow.escalations.append_step, purpose="afhandeling LMM/LET", prepare=_check_handling,
)
"""The escalation workflow as the LMM/LET walks it: its own permission and way in, only the new step is
written, the answer is the pseudonymised view."""

record_lmm_handling = LMM_HANDLING.change_status
"""The LMM/LET takes a national escalation in behandeling, or answers it (opgelost, niet opgelost,
teruggelegd with a reason). Only the state, its date and the step are written."""


def _list_purpose(query: LmmQuery, references: list[str]) -> str:
    filters = []
    if query.statuses:
        filters.append("status " + ", ".join(sorted(s.label.lower() for s in query.statuses)))
    if query.municipality_code:
        filters.append(f"gemeente {query.municipality_code}")
    head = "LMM-inbox" + (f" ({'; '.join(filters)})" if filters else "") + ": "
    shown = ", ".join(references) or "geen dossiers"
    if len(head) + len(shown) > PURPOSE_ROOM:
        kept: list[str] = []
        for ref in references:
            if len(head) + len(", ".join([*kept, ref])) > PURPOSE_ROOM - 20:
                break
            kept.append(ref)
        shown = ", ".join(kept) + f" en {len(references) - len(kept)} meer"
    return head + shown


def lmm_dossiers(query: LmmQuery, uow: UnitOfWork, actor: Actor, *, today: date | None = None) -> LmmPage:
    """The LMM-inbox: submitted national escalations whose consent covers the LMM/LET today, pseudonymised,
    waiting ones first (oldest submission first), then closed ones; filtered by state and municipality.

    The candidates (a few hundred a year nationally) are filtered in memory on the consent's recipients,
    then only the page asked for is built into dossiers.
    """
    require(actor, Permission.VIEW_ESCALATION_DOSSIERS)
    day = today_or(today)
    with uow:
        visible = [c for c in uow.escalations.national_candidates(day)
                   if consent_covers_national(c.consent, day) and _in_view(actor, c)]
        in_status = [c for c in visible if query.statuses is None or c.status in query.statuses]
        in_place = [c for c in visible if query.municipality_code in (None, c.municipality_code)]
        chosen = sorted((c for c in in_status if query.municipality_code in (None, c.municipality_code)),
                        key=sort_key)
        places = Counter(c.municipality_code for c in in_status)
        names = reference.municipalities()
        rows = []
        for candidate in chosen[query.offset:query.offset + query.limit]:
            escalation = uow.escalations.get(candidate.id)
            household = uow.households.get(escalation.case_number)
            rows.append(_view(uow, escalation, household, day).row)
        uow.audit.record(audit_event(actor, AuditKind.READ, OBJECT_TYPE, LIST_OBJECT,
                                     purpose=_list_purpose(query, [r.reference for r in rows])))
        uow.commit()
    return LmmPage(
        rows=rows,
        total=len(chosen),
        offset=query.offset,
        limit=query.limit,
        municipalities=sorted(
            (MunicipalityCount(code=code, name=names.get(code, code), count=n) for code, n in places.items()),
            key=lambda m: m.name,
        ),
        status_counts=dict(Counter(c.status for c in in_place)),
    )


def lmm_dossier(
    escalation_id: int, uow: UnitOfWork, actor: Actor, *, today: date | None = None, purpose: str = ""
) -> LmmDossierView:
    """One dossier as the LMM/LET opens it (the view is audited). Refused for a concept, another level, or
    when the consent no longer covers the LMM/LET."""
    day = today_or(today)
    with UseCase(uow, actor, Permission.VIEW_ESCALATION_DOSSIERS) as case:
        escalation = uow.escalations.get(escalation_id)
        household = _open(case, escalation, purpose, day)
        view = _view(uow, escalation, household, day)
        case.record(AuditKind.READ, OBJECT_TYPE, escalation.reference,
                    purpose=purpose or "gepseudonimiseerd dossier (LMM/LET)")
        case.commit()
    return view


class LmmService(Bound):
    """The LMM/LET use cases, bound to a unit of work and the actor."""

    def dossiers(self, query: LmmQuery, *, today: date | None = None) -> LmmPage:
        return lmm_dossiers(query, self.uow, self.actor, today=today)

    def dossier(self, escalation_id: int, *, today: date | None = None, purpose: str = "") -> LmmDossierView:
        return lmm_dossier(escalation_id, self.uow, self.actor, today=today, purpose=purpose)

    def record_handling(self, command: ChangeStatus[EscalationStatus], *,
                        today: date | None = None) -> LmmDossierView:
        return LMM_HANDLING.run_status(command, self.uow, self.actor, today=today)


__all__ = ["LmmService", "lmm_dossier", "lmm_dossiers", "record_lmm_handling"]
