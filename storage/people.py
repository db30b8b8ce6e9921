"""The people repository: the ZRM history per person, the big-5 checklist at 18, and the worklist's members
turning 18 with what their household holds about youth care (the domain decides: `domain.people`)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session
from sqlmodel import col

from domain.household import HouseholdStatus
from domain.overbrugging import OverbruggingStatus, Transition
from domain.people import ChecklistItem, ChecklistOutcome, ChecklistTick, OrganisationFact, ProblemFact, ZrmScore
from domain.signals import CaseOwner, MemberCandidate
from storage.case_tables import OverbruggingRow
from storage.households import Clock, utcnow
from storage.people_tables import TransitionCheckRow, ZrmScoreRow
from storage.score_summary import refresh_zrm_series
from storage.tables import HouseholdRow, InvolvedOrganisationRow, MemberRow, ProblemRow
from storage.workflow import municipality_filter, owner_of


def _score(row: ZrmScoreRow) -> ZrmScore:
    return ZrmScore(member_id=row.member_id, leefgebied=row.leefgebied, score=row.score, scored_on=row.scored_on,
                    moment=row.moment, by_name=row.by_name)


def _tick(row: TransitionCheckRow) -> ChecklistTick:
    return ChecklistTick(member_id=row.member_id, item=ChecklistItem(row.item), outcome=ChecklistOutcome(row.outcome),
                         done_on=row.done_on, by_name=row.by_name, note=row.note)


class SqlPeopleRepository:
    def __init__(self, session: Session, clock: Clock = utcnow) -> None:
        self.session = session
        self.clock = clock

    # -- ZRM ------------------------------------------------------------------------------------------
    def zrm_history(self, household_id: int) -> list[ZrmScore]:
        stmt = (select(ZrmScoreRow).where(col(ZrmScoreRow.household_id) == household_id)
                .order_by(col(ZrmScoreRow.scored_on), col(ZrmScoreRow.member_id), col(ZrmScoreRow.id)))
        return [_score(r) for r in self.session.scalars(stmt)]

    def put_zrm(self, household_id: int, scores: list[ZrmScore]) -> list[ZrmScore | None]:
        """Store the scores; a score for the same person, leefgebied and day replaces it. Returns what each
        replaced (None: new)."""
        replaced: list[ZrmScore | None] = []
        now = self.clock()
        for s in scores:
            row = self.session.scalars(select(ZrmScoreRow).where(
                col(ZrmScoreRow.member_id) == s.member_id, col(ZrmScoreRow.leefgebied) == s.leefgebied,
                col(ZrmScoreRow.scored_on) == s.scored_on,
            )).first()
            if row is None:
                replaced.append(None)
                self.session.add(ZrmScoreRow(
                    household_id=household_id, member_id=s.member_id, leefgebied=s.leefgebied, score=s.score,
                    scored_on=s.scored_on, moment=s.moment, by_name=s.by_name, recorded_at=now,
                ))
            else:
                replaced.append(_score(row))
                row.score, row.moment, row.by_name, row.recorded_at = s.score, s.moment, s.by_name, now
        self.session.flush()
        # The dashboard's first and last score per series, in this transaction (storage/score_summary.py).
        refresh_zrm_series(self.session.connection(), {s.member_id for s in scores})
        return replaced

    # -- checklist ------------------------------------------------------------------------------------
    def checklist(self, household_id: int) -> list[ChecklistTick]:
        stmt = (select(TransitionCheckRow).where(col(TransitionCheckRow.household_id) == household_id)
                .order_by(col(TransitionCheckRow.member_id), col(TransitionCheckRow.id)))
        return [_tick(r) for r in self.session.scalars(stmt)]

    def put_tick(self, household_id: int, tick: ChecklistTick) -> ChecklistTick | None:
        """Tick an item (or change how it was ticked); returns the tick it replaced."""
        row = self.session.scalars(select(TransitionCheckRow).where(
            col(TransitionCheckRow.member_id) == tick.member_id, col(TransitionCheckRow.item) == tick.item.value,
        )).first()
        before = None if row is None else _tick(row)
        if row is None:
            row = TransitionCheckRow(household_id=household_id, member_id=tick.member_id, item=tick.item.value,
                                     outcome=tick.outcome.value, done_on=tick.done_on)
            self.session.add(row)
        row.outcome, row.done_on, row.by_name, row.note = tick.outcome.value, tick.done_on, tick.by_name, tick.note
        self.session.flush()
        return before

    def remove_tick(self, member_id: int, item: ChecklistItem) -> ChecklistTick | None:
        row = self.session.scalars(select(TransitionCheckRow).where(
            col(TransitionCheckRow.member_id) == member_id, col(TransitionCheckRow.item) == item.value,
        )).first()
        if row is None:
            return None
        before = _tick(row)
        self.session.execute(delete(TransitionCheckRow).where(col(TransitionCheckRow.id) == row.id))
        return before

    # -- the worklist ---------------------------------------------------------------------------------
    def members_born_between(
        self, first: date, last: date, municipality_codes: frozenset[str] | None = None
    ) -> list[tuple[MemberCandidate, CaseOwner]]:
        """Members born in [first, last] in open households, with the household's organisations and problems
        (for the youth-care reasons), whether it has a 18-/18+ overbrugging that was not refused, and the
        member's ticked checklist items. Indexed on the date of birth; the rest is read per found household."""
        transition = (
            exists()
            .where(
                col(OverbruggingRow.household_id) == col(HouseholdRow.id),
                col(OverbruggingRow.transition) == Transition.ACHTTIEN.value,
                col(OverbruggingRow.status) != OverbruggingStatus.AFGEWEZEN.value,
            )
            .correlate(HouseholdRow)
        )
        stmt = (
            select(
                col(HouseholdRow.id), col(HouseholdRow.case_number), col(MemberRow.id), col(MemberRow.name),
                col(MemberRow.date_of_birth), transition.label("has_transition"), col(HouseholdRow.municipality_code),
                col(HouseholdRow.professional), col(HouseholdRow.team),
            )
            .join(HouseholdRow, col(HouseholdRow.id) == col(MemberRow.household_id))
            .where(
                col(MemberRow.date_of_birth) >= first,
                col(MemberRow.date_of_birth) <= last,
                col(HouseholdRow.status) != HouseholdStatus.AFGESLOTEN.value,
                *municipality_filter(municipality_codes),
            )
            .order_by(col(MemberRow.date_of_birth), col(HouseholdRow.case_number), col(MemberRow.id))
        )
        found: list[Any] = list(self.session.execute(stmt))
        households = sorted({int(r[0]) for r in found})
        organisations: dict[int, list[OrganisationFact]] = defaultdict(list)
        problems: dict[int, list[ProblemFact]] = defaultdict(list)
        done: dict[int, set[str]] = defaultdict(set)
        if households:
            o = InvolvedOrganisationRow
            for h, name, kind, framework, product in self.session.execute(
                select(col(o.household_id), col(o.name), col(o.type), col(o.legal_framework), col(o.product))
                .where(col(o.household_id).in_(households)).order_by(col(o.household_id), col(o.position))
            ):
                organisations[h].append(OrganisationFact(name, kind, framework, product))
            p = ProblemRow
            for h, leefgebied, description, member_id in self.session.execute(
                select(col(p.household_id), col(p.leefgebied), col(p.description), col(p.member_id))
                .where(col(p.household_id).in_(households)).order_by(col(p.household_id), col(p.position))
            ):
                problems[h].append(ProblemFact(leefgebied, description, member_id))
            members = [int(r[2]) for r in found]
            for member_id, item in self.session.execute(
                select(col(TransitionCheckRow.member_id), col(TransitionCheckRow.item))
                .where(col(TransitionCheckRow.member_id).in_(members))
            ):
                done[member_id].add(item)
        return [
            (
                MemberCandidate(
                    case_number=r[1], member_name=r[3], date_of_birth=r[4], has_transition_overbrugging=bool(r[5]),
                    member_id=int(r[2]), organisations=tuple(organisations[int(r[0])]),
                    problems=tuple(problems[int(r[0])]), checklist_done=frozenset(done[int(r[2])]),
                ),
                owner_of(r[6], r[7], r[8]),
            )
            for r in found
        ]
