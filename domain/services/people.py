"""Use cases for the people of a household: the ZRM per adult person and the big-5 checklist at 18.

Every change runs in one transaction with its audit record (object "zrm" or "checklist_18", id
"<case number>/<member id>", old → new values); reading the people of a case needs the same case access as
the household itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from domain.access import Permission
from domain.actors import Actor
from domain.audit import AuditKind
from domain.errors import InvalidInput, NotFound, Problem
from domain.household import Household, Member
from domain.jsondata import JsonObject
from domain.people import (
    ChecklistItem,
    ChecklistOutcome,
    ChecklistTick,
    ChecklistWindow,
    ZrmScore,
    check_scored_person,
    check_scores,
    checklist_window,
    is_adult,
    latest_scores,
    score_owner,
)
from domain.ports import UnitOfWork
from domain.services.bound import Bound
from domain.services.casework import today_or
from domain.services.use_case import UseCase, audit_event
from domain.validation import age_on

ZRM_OBJECT = "zrm"
CHECKLIST_OBJECT = "checklist_18"


@dataclass(frozen=True)
class RecordZrm:
    """ZRM scores of one adult member on one date (a score that day for the same leefgebied is replaced)."""

    case_number: str
    member_id: int
    scored_on: date
    scores: Mapping[str, int]
    moment: int | None = None
    purpose: str = ""


@dataclass(frozen=True)
class TickChecklist:
    """Tick a checklist item (geregeld / niet van toepassing), or open it again with outcome None."""

    case_number: str
    member_id: int
    item: ChecklistItem
    outcome: ChecklistOutcome | None
    note: str = ""
    purpose: str = ""


@dataclass(frozen=True)
class Person:
    """One member as the household view shows them: age, their ZRM (newest per leefgebied, the history) and,
    around 18, their checklist."""

    member: Member
    age: int
    adult: bool
    latest: dict[str, ZrmScore] = field(default_factory=dict)
    history: list[ZrmScore] = field(default_factory=list)
    checklist: ChecklistWindow | None = None
    ticks: dict[ChecklistItem, ChecklistTick] = field(default_factory=dict)

    @property
    def checklist_open(self) -> list[ChecklistItem]:
        return [item for item in ChecklistItem if item not in self.ticks]


@dataclass(frozen=True)
class People:
    case_number: str
    persons: list[Person]

    def person(self, member_id: int) -> Person:
        for p in self.persons:
            if p.member.id == member_id:
                return p
        raise NotFound("Dit gezinslid bestaat niet (meer) in deze casus.")


def _member(household: Household, member_id: int) -> Member:
    for m in household.members:
        if m.id == member_id:
            return m
    raise NotFound(f"Gezinslid {member_id} hoort niet bij casus {household.case_number}.")


def _people(household: Household, history: list[ZrmScore], ticks: list[ChecklistTick], today: date) -> People:
    latest = latest_scores(history)
    by_member: dict[int, dict[ChecklistItem, ChecklistTick]] = {}
    for t in ticks:
        by_member.setdefault(t.member_id, {})[t.item] = t
    persons = []
    for m in household.members:
        assert m.id is not None
        window = checklist_window(m.date_of_birth)
        persons.append(Person(
            member=m, age=age_on(m.date_of_birth, today), adult=is_adult(m.date_of_birth, today),
            latest=latest.get(m.id, {}), history=[s for s in history if s.member_id == m.id],
            checklist=window if window.contains(today) or m.id in by_member else None,
            ticks=by_member.get(m.id, {}),
        ))
    assert household.case_number is not None
    return People(household.case_number, persons)


def people_of(case_number: str, uow: UnitOfWork, actor: Actor, *, today: date | None = None,
              purpose: str = "") -> People:
    day = today_or(today)
    with UseCase(uow, actor, Permission.VIEW_CASE) as case:
        household = case.open_case(case_number, purpose)
        assert household.id is not None
        history = uow.people.zrm_history(household.id)
        ticks = uow.people.checklist(household.id)
        case.record(AuditKind.READ, ZRM_OBJECT, case_number)
        case.commit()
    return _people(household, history, ticks, day)


def _scores_dump(value: Any) -> JsonObject | None:
    return value if isinstance(value, dict) else None


def record_zrm(cmd: RecordZrm, uow: UnitOfWork, actor: Actor, *, today: date | None = None) -> list[ZrmScore]:
    day = today_or(today)
    scores = check_scores(dict(cmd.scores))
    if cmd.moment is not None and cmd.moment not in (0, 3, 6, 12):
        raise InvalidInput([Problem("moment", "Een evaluatiemoment is 0, 3, 6 of 12 maanden.")])
    with UseCase(uow, actor, Permission.EDIT_CASE) as case:
        household = case.open_case(cmd.case_number, cmd.purpose)
        assert household.id is not None
        member = _member(household, cmd.member_id)
        check_scored_person(member, cmd.scored_on, day)
        new = [ZrmScore(cmd.member_id, code, score, cmd.scored_on, cmd.moment, actor.display_name)
               for code, score in scores.items()]
        replaced = uow.people.put_zrm(household.id, new)
        on = cmd.scored_on.isoformat()
        case.record(
            AuditKind.UPDATE, ZRM_OBJECT, f"{cmd.case_number}/{cmd.member_id}",
            before={f"{on}.{s.leefgebied}": old.score for s, old in zip(new, replaced, strict=True) if old},
            after={f"{on}.{s.leefgebied}": s.score for s in new}, dump=_scores_dump,
        )
        case.commit()
    return new


def store_evaluation_scores(
    uow: UnitOfWork, actor: Actor, household: Household, scores: Mapping[str, int], on: date, moment: int,
    *, purpose: str = "", break_glass: bool = False,
) -> list[ZrmScore]:
    """Inside a plan's transaction: the evaluation's ZRM scores become the hoofdbewoner's on that date (without an
    adult to own them they stay in the evaluation only). Audited like `record_zrm`."""
    owner = score_owner(household.members, on)
    if not scores or owner is None or owner.id is None or household.id is None:
        return []
    new = [ZrmScore(owner.id, code, score, on, moment, actor.display_name) for code, score in scores.items()]
    replaced = uow.people.put_zrm(household.id, new)
    key = on.isoformat()
    uow.audit.record(audit_event(
        actor, AuditKind.UPDATE, ZRM_OBJECT, f"{household.case_number}/{owner.id}",
        before={f"{key}.{s.leefgebied}": old.score for s, old in zip(new, replaced, strict=True) if old},
        after={f"{key}.{s.leefgebied}": s.score for s in new}, dump=_scores_dump, purpose=purpose,
        break_glass=break_glass,
    ))
    return new


def _tick_state(item: ChecklistItem, t: ChecklistTick | None) -> JsonObject:
    return {item.value: None if t is None else f"{t.outcome.value} {t.done_on.isoformat()} {t.note}".strip()}


def tick_checklist(cmd: TickChecklist, uow: UnitOfWork, actor: Actor, *, today: date | None = None) -> People:
    day = today_or(today)
    if len(cmd.note) > 500:
        raise InvalidInput([Problem("note", "De toelichting is langer dan 500 tekens.")])
    with UseCase(uow, actor, Permission.EDIT_CASE) as case:
        household = case.open_case(cmd.case_number, cmd.purpose)
        assert household.id is not None
        member = _member(household, cmd.member_id)
        if cmd.outcome is None:
            before = uow.people.remove_tick(cmd.member_id, cmd.item)
            after = None
        else:
            tick = ChecklistTick(cmd.member_id, cmd.item, cmd.outcome, day, actor.display_name, cmd.note.strip())
            before = uow.people.put_tick(household.id, tick)
            after = tick
        case.record(AuditKind.UPDATE, CHECKLIST_OBJECT, f"{cmd.case_number}/{member.id}",
                    before=_tick_state(cmd.item, before), after=_tick_state(cmd.item, after), dump=_scores_dump)
        history = uow.people.zrm_history(household.id)
        ticks = uow.people.checklist(household.id)
        case.commit()
    return _people(household, history, ticks, day)


class PeopleService(Bound):
    """The people of a household, bound to a unit of work and the actor."""

    def of(self, case_number: str, *, today: date | None = None, purpose: str = "") -> People:
        return people_of(case_number, self.uow, self.actor, today=today, purpose=purpose)

    def record_zrm(self, cmd: RecordZrm, *, today: date | None = None) -> list[ZrmScore]:
        return record_zrm(cmd, self.uow, self.actor, today=today)

    def tick(self, cmd: TickChecklist, *, today: date | None = None) -> People:
        return tick_checklist(cmd, self.uow, self.actor, today=today)


__all__ = ["People", "PeopleService", "Person", "RecordZrm", "TickChecklist", "people_of", "record_zrm",
           "tick_checklist"]
