"""Use cases of the interdepartementaal loket: hand a knelpunt to a ministry, follow the question up, report.

Writes take typed commands, check the permission to manage knelpunten, run in one transaction with their
audit record (`UseCase`), and refuse text with personal data (as the knelpunten register does).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.access import Permission
from domain.actors import Actor
from domain.audit import AuditKind
from domain.dossier import EMPTY_IDENTIFIERS, identifier_problems
from domain.errors import InvalidInput, Problem
from domain.loket import (
    LOKET_WORKFLOW,
    OBJECT_TYPE,
    LoketFact,
    LoketReport,
    LoketStatus,
    LoketVraag,
    build_loket_report,
    find_ministry,
)
from domain.ports import UnitOfWork
from domain.services.bound import Bound
from domain.services.casework import parse, today_or, validated
from domain.services.use_case import UseCase
from domain.workflow import first_step

WHY = "Het loket krijgt geen persoonsgegevens: haal ze uit de tekst."


@dataclass(frozen=True)
class AskLoket:
    """Hand knelpunt `knelpunt_id` to a ministry (a catalogue code such as SZW) with a question."""

    knelpunt_id: int
    ministry: str
    question: str
    asked_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class ChangeLoketStatus:
    vraag_id: int
    new_status: LoketStatus
    expected_version: int
    on: date | None = None
    answer: str = ""
    note: str = ""


def _no_personal_data(**fields: str) -> None:
    problems = identifier_problems(fields.items(), EMPTY_IDENTIFIERS, dates=False, why=WHY)
    if problems:
        raise InvalidInput(problems)


def ask_loket(command: AskLoket, uow: UnitOfWork, actor: Actor, *, today: date | None = None) -> LoketVraag:
    """A new question to a ministry about a knelpunt (status gesteld)."""
    ministry = find_ministry(command.ministry)  # a clear refusal before anything else
    _no_personal_data(vraag=command.question, notitie=command.note)
    day = command.asked_on or today_or(today)
    with UseCase(uow, actor, Permission.MANAGE_KNELPUNTEN) as case:
        knelpunt = uow.knelpunten.get(command.knelpunt_id)  # NotFound for an unknown knelpunt
        if day < knelpunt.signalled_on:
            raise InvalidInput([Problem("datum", "De vraag kan niet gesteld zijn vóór het knelpunt gesignaleerd is.")])
        vraag = parse(
            LoketVraag,
            {
                "knelpunt_id": command.knelpunt_id,
                "ministry": ministry.code,
                "question": command.question,
                "asked_on": day,
                "steps": [
                    first_step(LoketStatus.GESTELD, on=day, by=actor.display_name, username=actor.username,
                               note=command.note).model_dump()
                ],
            },
        )
        saved = uow.loket.add(vraag)
        case.record(AuditKind.CREATE, OBJECT_TYPE, saved.reference, after=saved)
        case.commit()
    return saved


def change_loket_status(
    command: ChangeLoketStatus, uow: UnitOfWork, actor: Actor, *, today: date | None = None
) -> LoketVraag:
    """In behandeling, beantwoord (with the answer), opgelost or niet oplosbaar."""
    _no_personal_data(antwoord=command.answer, notitie=command.note)
    day = command.on or today_or(today)
    with UseCase(uow, actor, Permission.MANAGE_KNELPUNTEN) as case:
        current = uow.loket.get(command.vraag_id)
        LOKET_WORKFLOW.check_version(current.version, command.expected_version)
        updated = current.model_copy(deep=True)
        validated(
            lambda: updated.change_status(command.new_status, on=day, by=actor.display_name,
                                          username=actor.username, note=command.note, answer=command.answer)
        )
        saved = uow.loket.save(updated)
        case.record(AuditKind.UPDATE, OBJECT_TYPE, saved.reference, before=current, after=saved)
        case.commit()
    return saved


def get_loket_vraag(vraag_id: int, uow: UnitOfWork, actor: Actor) -> LoketVraag:
    with UseCase(uow, actor, Permission.VIEW_KNELPUNTEN):
        return uow.loket.get(vraag_id)


def loket_questions(knelpunt_id: int | None, uow: UnitOfWork, actor: Actor) -> list[LoketVraag]:
    """The questions about one knelpunt (or all), newest first."""
    with UseCase(uow, actor, Permission.VIEW_KNELPUNTEN):
        return uow.loket.questions(knelpunt_id)


def loket_report(uow: UnitOfWork, actor: Actor, *, today: date | None = None) -> LoketReport:
    """Every question grouped by ministry, with the open ones and their age in days."""
    day = today_or(today)
    with UseCase(uow, actor, Permission.VIEW_KNELPUNTEN):
        questions = uow.loket.questions(None)
        titles = dict(zip(sorted({q.knelpunt_id for q in questions}),
                          uow.knelpunten.titles(sorted({q.knelpunt_id for q in questions})), strict=False))
    return build_loket_report([LoketFact(q, titles.get(q.knelpunt_id, "")) for q in questions], day)


class LoketService(Bound):
    """The interdepartementaal loket, bound to a unit of work and the actor."""

    def ask(self, command: AskLoket, *, today: date | None = None) -> LoketVraag:
        return ask_loket(command, self.uow, self.actor, today=today)

    def change_status(self, command: ChangeLoketStatus, *, today: date | None = None) -> LoketVraag:
        return change_loket_status(command, self.uow, self.actor, today=today)

    def get(self, vraag_id: int) -> LoketVraag:
        return get_loket_vraag(vraag_id, self.uow, self.actor)

    def questions(self, knelpunt_id: int | None = None) -> list[LoketVraag]:
        return loket_questions(knelpunt_id, self.uow, self.actor)

    def report(self, *, today: date | None = None) -> LoketReport:
        return loket_report(self.uow, self.actor, today=today)
