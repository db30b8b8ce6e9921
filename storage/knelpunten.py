"""The knelpunten register: rows ↔ domain, the paged register (most recurring first) and report facts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import ColumnElement, case, delete, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import col

from domain.caselist import search_normalise
from domain.errors import NotFound, StaleVersion
from domain.knelpunt import (
    Knelpunt,
    KnelpuntCategory,
    KnelpuntListRow,
    KnelpuntPage,
    KnelpuntQuery,
    KnelpuntStatus,
    OccurrenceFact,
)
from storage.case_tables import KnelpuntOccurrenceRow, KnelpuntRow
from storage.households import Clock, as_utc, utcnow
from storage.tables import RowValues
from storage.workflow import not_null


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def knelpunt_search_text(k: Knelpunt) -> str:
    return search_normalise(" ".join([k.title, k.law, k.article, k.organisation, k.ministry, k.unintended_effect]))


class SqlKnelpuntRepository:
    def __init__(self, session: Session, clock: Clock = utcnow) -> None:
        self.session = session
        self.clock = clock

    def _row(self, knelpunt_id: int) -> KnelpuntRow:
        row = self.session.get(KnelpuntRow, knelpunt_id)
        if row is None:
            raise NotFound(f"Knelpunt KP-{knelpunt_id} bestaat niet.")
        return row

    def get(self, knelpunt_id: int) -> Knelpunt:
        row = self._row(knelpunt_id)
        occurrences = self.session.execute(
            select(col(KnelpuntOccurrenceRow.occurred_on), col(KnelpuntOccurrenceRow.via_escalation))
            .where(col(KnelpuntOccurrenceRow.knelpunt_id) == knelpunt_id)
            .order_by(col(KnelpuntOccurrenceRow.position))
        ).all()
        return Knelpunt.model_validate(
            {
                "id": row.id,
                "title": row.title,
                "category": row.category,
                "law": row.law,
                "article": row.article,
                "organisation": row.organisation,
                "ministry": row.ministry,
                "unintended_effect": row.unintended_effect,
                "proposed_fix": row.proposed_fix,
                "status": row.status,
                "signalled_on": row.signalled_on,
                "agendered_on": row.agendered_on,
                "resolved_on": row.resolved_on,
                "occurrences": [{"on": o[0], "via_escalation": o[1]} for o in occurrences],
                "version": row.version,
                "created_at": as_utc(row.created_at),
                "updated_at": as_utc(row.updated_at),
            }
        )

    def page(self, query: KnelpuntQuery) -> KnelpuntPage:
        conditions: list[ColumnElement[bool]] = []
        for term in [t for t in search_normalise(query.text).split() if t][:8]:
            conditions.append(col(KnelpuntRow.search_text).like(f"%{_escape_like(term)}%", escape="\\"))
        if query.category is not None:
            conditions.append(col(KnelpuntRow.category) == query.category.value)
        if query.status is not None:
            conditions.append(col(KnelpuntRow.status) == query.status.value)
        counts = (
            select(
                col(KnelpuntOccurrenceRow.knelpunt_id).label("kid"),
                func.count().label("recurrence"),
                func.sum(case((col(KnelpuntOccurrenceRow.via_escalation).is_(True), 1), else_=0)).label("esc"),
            )
            .group_by(col(KnelpuntOccurrenceRow.knelpunt_id))
            .subquery()
        )
        recurrence = func.coalesce(counts.c.recurrence, 0)
        stmt = (
            select(
                col(KnelpuntRow.id),
                col(KnelpuntRow.title),
                col(KnelpuntRow.category),
                col(KnelpuntRow.law),
                col(KnelpuntRow.article),
                col(KnelpuntRow.organisation),
                col(KnelpuntRow.status),
                col(KnelpuntRow.signalled_on),
                recurrence,
                func.coalesce(counts.c.esc, 0),
            )
            .outerjoin(counts, counts.c.kid == col(KnelpuntRow.id))
            .where(*conditions)
            .order_by(recurrence.desc(), col(KnelpuntRow.signalled_on).desc(), col(KnelpuntRow.id))
            .offset(query.offset)
            .limit(query.limit)
        )
        total = self.session.scalar(select(func.count()).select_from(KnelpuntRow).where(*conditions)) or 0
        rows = [
            KnelpuntListRow(
                id=r[0],
                title=r[1],
                category=KnelpuntCategory(r[2]),
                law=r[3],
                article=r[4],
                organisation=r[5],
                status=KnelpuntStatus(r[6]),
                signalled_on=r[7],
                recurrence=int(r[8]),
                linked_escalations=int(r[9]),
            )
            for r in self.session.execute(stmt)
        ]
        return KnelpuntPage(rows=rows, total=total, offset=query.offset, limit=query.limit)

    def titles(self, knelpunt_ids: Sequence[int]) -> list[str]:
        if not knelpunt_ids:
            return []
        stmt = select(col(KnelpuntRow.id), col(KnelpuntRow.title)).where(col(KnelpuntRow.id).in_(list(knelpunt_ids)))
        found = {row[0]: row[1] for row in self.session.execute(stmt)}
        return [found[k] for k in knelpunt_ids if k in found]

    def occurrence_facts(self, start: date | None, end: date | None) -> list[OccurrenceFact]:
        stmt = select(
            col(KnelpuntRow.id),
            col(KnelpuntRow.title),
            col(KnelpuntRow.category),
            col(KnelpuntRow.law),
            col(KnelpuntRow.organisation),
            col(KnelpuntRow.status),
            col(KnelpuntOccurrenceRow.occurred_on),
            col(KnelpuntOccurrenceRow.via_escalation),
        ).join(KnelpuntOccurrenceRow, col(KnelpuntOccurrenceRow.knelpunt_id) == col(KnelpuntRow.id))
        if start is not None:
            stmt = stmt.where(col(KnelpuntOccurrenceRow.occurred_on) >= start)
        if end is not None:
            stmt = stmt.where(col(KnelpuntOccurrenceRow.occurred_on) <= end)
        return [
            OccurrenceFact(
                knelpunt_id=not_null(r[0]),
                title=r[1],
                category=KnelpuntCategory(r[2]),
                law=r[3],
                organisation=r[4],
                status=KnelpuntStatus(r[5]),
                on=r[6],
                via_escalation=bool(r[7]),
            )
            for r in self.session.execute(stmt)
        ]

    def first_seen(self, knelpunt_ids: Sequence[int]) -> dict[int, date]:
        if not knelpunt_ids:
            return {}
        stmt = (
            select(col(KnelpuntOccurrenceRow.knelpunt_id), func.min(col(KnelpuntOccurrenceRow.occurred_on)))
            .where(col(KnelpuntOccurrenceRow.knelpunt_id).in_(list(knelpunt_ids)))
            .group_by(col(KnelpuntOccurrenceRow.knelpunt_id))
        )
        return {int(r[0]): r[1] for r in self.session.execute(stmt)}

    # -- writing ---------------------------------------------------------------------------------
    def _fill(self, row: KnelpuntRow, k: Knelpunt) -> None:
        row.title = k.title
        row.category = k.category.value
        row.law = k.law
        row.article = k.article
        row.organisation = k.organisation
        row.ministry = k.ministry
        row.unintended_effect = k.unintended_effect
        row.proposed_fix = k.proposed_fix
        row.status = k.status.value
        row.signalled_on = k.signalled_on
        row.agendered_on = k.agendered_on
        row.resolved_on = k.resolved_on
        row.search_text = knelpunt_search_text(k)

    def _occurrences(self, knelpunt_id: int, k: Knelpunt) -> None:
        self.session.execute(delete(KnelpuntOccurrenceRow).where(col(KnelpuntOccurrenceRow.knelpunt_id) == knelpunt_id))
        self.session.add_all(
            KnelpuntOccurrenceRow(
                knelpunt_id=knelpunt_id, position=i, occurred_on=o.on, via_escalation=o.via_escalation
            )
            for i, o in enumerate(k.occurrences)
        )
        self.session.flush()

    def add(self, knelpunt: Knelpunt) -> Knelpunt:
        now = self.clock()
        fields: RowValues = {"created_at": now, "updated_at": now}
        row = KnelpuntRow(**fields)  # the rest is filled in below
        self._fill(row, knelpunt)
        self.session.add(row)
        self.session.flush()
        assert row.id is not None
        self._occurrences(row.id, knelpunt)
        return self.get(row.id)

    def save(self, knelpunt: Knelpunt) -> Knelpunt:
        assert knelpunt.id is not None
        row = self._row(knelpunt.id)
        if row.version != knelpunt.version:
            raise StaleVersion("Dit knelpunt")
        self._fill(row, knelpunt)
        row.updated_at = self.clock()
        try:
            self.session.flush()
        except StaleDataError:
            raise StaleVersion("Dit knelpunt") from None
        self._occurrences(knelpunt.id, knelpunt)
        self.session.expire(row)
        return self.get(knelpunt.id)
