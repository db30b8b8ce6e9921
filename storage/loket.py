"""The interdepartementaal loket's questions: rows ↔ domain (`LoketVraag` with its ordered steps)."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import col

from domain.errors import NotFound, StaleVersion
from domain.loket import LoketVraag
from storage.case_tables import LoketStepRow, LoketVraagRow
from storage.households import Clock, as_utc, utcnow
from storage.tables import RowValues


class SqlLoketRepository:
    def __init__(self, session: Session, clock: Clock = utcnow) -> None:
        self.session = session
        self.clock = clock

    def _row(self, vraag_id: int) -> LoketVraagRow:
        row = self.session.get(LoketVraagRow, vraag_id)
        if row is None:
            raise NotFound(f"Loketvraag LV-{vraag_id} bestaat niet.")
        return row

    def _domain(self, row: LoketVraagRow, steps: list[LoketStepRow]) -> LoketVraag:
        return LoketVraag.model_validate(
            {
                "id": row.id,
                "knelpunt_id": row.knelpunt_id,
                "ministry": row.ministry,
                "question": row.question,
                "status": row.status,
                "asked_on": row.asked_on,
                "answer": row.answer,
                "answered_on": row.answered_on,
                "steps": [
                    {"status": s.status, "on": s.step_on, "by": s.by_name, "username": s.username, "note": s.note}
                    for s in steps
                ],
                "version": row.version,
                "created_at": as_utc(row.created_at),
                "updated_at": as_utc(row.updated_at),
            }
        )

    def _steps(self, vraag_ids: list[int]) -> dict[int, list[LoketStepRow]]:
        found: dict[int, list[LoketStepRow]] = {i: [] for i in vraag_ids}
        if vraag_ids:
            stmt = (
                select(LoketStepRow)
                .where(col(LoketStepRow.vraag_id).in_(vraag_ids))
                .order_by(col(LoketStepRow.vraag_id), col(LoketStepRow.position))
            )
            for step in self.session.scalars(stmt):
                found[step.vraag_id].append(step)
        return found

    def get(self, vraag_id: int) -> LoketVraag:
        row = self._row(vraag_id)
        return self._domain(row, self._steps([vraag_id])[vraag_id])

    def questions(self, knelpunt_id: int | None) -> list[LoketVraag]:
        stmt = select(LoketVraagRow).order_by(col(LoketVraagRow.asked_on).desc(), col(LoketVraagRow.id).desc())
        if knelpunt_id is not None:
            stmt = stmt.where(col(LoketVraagRow.knelpunt_id) == knelpunt_id)
        rows = list(self.session.scalars(stmt))
        steps = self._steps([r.id for r in rows if r.id is not None])
        return [self._domain(r, steps[r.id]) for r in rows if r.id is not None]

    def _fill(self, row: LoketVraagRow, vraag: LoketVraag) -> None:
        row.knelpunt_id = vraag.knelpunt_id
        row.ministry = vraag.ministry
        row.question = vraag.question
        row.status = vraag.status.value
        row.asked_on = vraag.asked_on
        row.answer = vraag.answer
        row.answered_on = vraag.answered_on

    def _write_steps(self, vraag_id: int, vraag: LoketVraag) -> None:
        self.session.execute(delete(LoketStepRow).where(col(LoketStepRow.vraag_id) == vraag_id))
        self.session.add_all(
            LoketStepRow(vraag_id=vraag_id, position=i, status=s.status, step_on=s.on, by_name=s.by,
                         username=s.username, note=s.note)
            for i, s in enumerate(vraag.steps)
        )
        self.session.flush()

    def add(self, vraag: LoketVraag) -> LoketVraag:
        now = self.clock()
        fields: RowValues = {"created_at": now, "updated_at": now}
        row = LoketVraagRow(**fields)  # the rest is filled in below
        self._fill(row, vraag)
        self.session.add(row)
        self.session.flush()
        assert row.id is not None
        self._write_steps(row.id, vraag)
        return self.get(row.id)

    def save(self, vraag: LoketVraag) -> LoketVraag:
        assert vraag.id is not None
        row = self._row(vraag.id)
        if row.version != vraag.version:
            raise StaleVersion("Deze loketvraag")
        self._fill(row, vraag)
        row.updated_at = self.clock()
        try:
            self.session.flush()
        except StaleDataError:
            raise StaleVersion("Deze loketvraag") from None
        self._write_steps(vraag.id, vraag)
        self.session.expire(row)
        return self.get(vraag.id)
