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
from datetime import date

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
from domain.services.casework import audit, may_see, open_case, today_or, validated
from domain.services.workflow import ChangeStatus

OBJECT_TYPE = "escalation"
LIST_OBJECT = "lmm-inbox"
PURPOSE_ROOM = 900
"""The audit record of a list page names the references shown, within the purpose column's 1000 characters."""


def _in_view(actor: Actor, candidate: NationalCandidate) -> bool:
    if not has(actor, Permission.VIEW_CASE):
        return in_municipality(actor, candidate.municipality_code)
    return may_see(actor, candidate.owner)  # the caseload, without break-glass (as in every list)


def _open(
    uow: UnitOfWork, actor: Actor, escalation_id: int, day: date, purpose: str
) -> tuple[Escalation, Household, bool]:
    """The escalation and its household, if the LMM/LET view may show it to this actor today."""
    escalation = uow.escalations.get(escalation_id)
    refusal = national_refusal(escalation, day)
    if refusal is not None:
        raise AccessDenied(refusal)
    if has(actor, Permission.VIEW_CASE):
        household, break_glass = open_case(uow, actor, escalation.case_number, purpose)
        return escalation, household, break_glass
    household = uow.households.get(escalation.case_number)
    if not in_municipality(actor, household.municipality_code):
        raise AccessDenied("Dit dossier hoort bij een gemeente buiten uw werkgebied.")
    return escalation, household, False


def _view(uow: UnitOfWork, escalation: Escalation, household: Household, day: date) -> LmmDossierView:
    pseudo = pseudonymise(escalation, household, day, uow.knelpunten.titles(escalation.knelpunt_ids))
    return LmmDossierView(
        row=lmm_row(escalation, household.municipality_code, pseudo, day),
        version=escalation.version,
        steps=lmm_steps(escalation, household),
        next_states=lmm_next_states(escalation),
        dossier=pseudo.dossier,
    )


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
        audit(uow, actor, AuditKind.READ, OBJECT_TYPE, LIST_OBJECT,
              purpose=_list_purpose(query, [r.reference for r in rows]))
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
    require(actor, Permission.VIEW_ESCALATION_DOSSIERS)
    day = today_or(today)
    with uow:
        escalation, household, break_glass = _open(uow, actor, escalation_id, day, purpose)
        view = _view(uow, escalation, household, day)
        audit(uow, actor, AuditKind.READ, OBJECT_TYPE, escalation.reference,
              purpose=purpose or "gepseudonimiseerd dossier (LMM/LET)", break_glass=break_glass)
        uow.commit()
    return view


def record_lmm_handling(
    escalation_id: int,
    new_status: EscalationStatus,
    expected_version: int,
    uow: UnitOfWork,
    actor: Actor,
    *,
    on: date | None = None,
    note: str = "",
    today: date | None = None,
    purpose: str = "",
) -> LmmDossierView:
    """The LMM/LET takes a national escalation in behandeling, or answers it (opgelost, niet opgelost,
    teruggelegd with a reason). Only the state, its date and the step are written."""
    require(actor, Permission.HANDLE_NATIONAL_ESCALATIONS)
    if new_status not in HANDLING_STATES:
        raise IllegalTransition("Het LMM/LET neemt een escalatie in behandeling of rondt haar af; indienen doet "
                                "de gemeente.")
    note = note.strip()
    problems = handling_note_problems(note)
    if problems:
        raise InvalidInput(problems)
    day = today_or(today)
    step_day = on or day
    with uow:
        current, household, break_glass = _open(uow, actor, escalation_id, day, purpose)
        ESCALATION_WORKFLOW.check_version(current.version, expected_version)
        updated = current.model_copy(deep=True)
        validated(lambda: updated.change_status(new_status, on=step_day, by=actor.display_name,
                                                username=actor.username, note=note))
        saved = uow.escalations.append_step(updated)
        audit(uow, actor, AuditKind.UPDATE, OBJECT_TYPE, saved.reference, before=current, after=saved,
              purpose=purpose or "afhandeling LMM/LET", break_glass=break_glass)
        view = _view(uow, saved, household, day)
        uow.commit()
    return view


class LmmService(Bound):
    """The LMM/LET use cases, bound to a unit of work and the actor."""

    def dossiers(self, query: LmmQuery, *, today: date | None = None) -> LmmPage:
        return lmm_dossiers(query, self.uow, self.actor, today=today)

    def dossier(self, escalation_id: int, *, today: date | None = None, purpose: str = "") -> LmmDossierView:
        return lmm_dossier(escalation_id, self.uow, self.actor, today=today, purpose=purpose)

    def record_handling(self, command: ChangeStatus[EscalationStatus], *,
                        today: date | None = None) -> LmmDossierView:
        return record_lmm_handling(command.item_id, command.new_status, command.expected_version, self.uow,
                                   self.actor, on=command.on, note=command.note, today=today,
                                   purpose=command.purpose)


__all__ = ["LmmService", "lmm_dossier", "lmm_dossiers", "record_lmm_handling"]
