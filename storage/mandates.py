"""The mandate register's repository (domain/mandate.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import col

from domain.errors import NotFound, StaleVersion
from domain.mandate import Mandate
from storage.households import as_utc
from storage.tables import MandateRow


def _to_domain(row: MandateRow) -> Mandate:
    return Mandate.model_validate(
        {
            "id": row.id,
            "holder_username": row.holder_username,
            "holder_name": row.holder_name,
            "function": row.function,
            "municipality_code": row.municipality_code,
            "deviation_kinds": tuple(code for code in row.deviation_kinds.split(",") if code),
            "max_amount": row.max_amount,
            "valid_from": row.valid_from,
            "valid_until": row.valid_until,
            "granted_by": row.granted_by,
            "registered_by": row.registered_by,
            "revoked_on": row.revoked_on,
            "revoked_by": row.revoked_by,
            "revoke_reason": row.revoke_reason,
            "created_at": as_utc(row.created_at) if row.created_at else None,
            "version": row.version,
        }
    )


def _write(row: MandateRow, mandate: Mandate) -> None:
    row.holder_username = mandate.holder_username
    row.holder_name = mandate.holder_name
    row.function = mandate.function
    row.municipality_code = mandate.municipality_code
    row.deviation_kinds = ",".join(mandate.deviation_kinds)
    row.max_amount = mandate.max_amount
    row.valid_from = mandate.valid_from
    row.valid_until = mandate.valid_until
    row.granted_by = mandate.granted_by
    row.registered_by = mandate.registered_by
    row.revoked_on = mandate.revoked_on
    row.revoked_by = mandate.revoked_by
    row.revoke_reason = mandate.revoke_reason


class SqlMandateRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def list(self, municipality_codes: frozenset[str] | None = None) -> list[Mandate]:
        query = select(MandateRow)
        if municipality_codes is not None:
            query = query.where(col(MandateRow.municipality_code).in_(sorted(municipality_codes)))
        query = query.order_by(col(MandateRow.municipality_code), col(MandateRow.holder_name), col(MandateRow.id))
        return [_to_domain(row) for row in self.session.scalars(query)]

    def get(self, mandate_id: int) -> Mandate:
        row = self.session.get(MandateRow, mandate_id)
        if row is None:
            raise NotFound(f"Mandaat M-{mandate_id} bestaat niet.")
        return _to_domain(row)

    def add(self, mandate: Mandate) -> Mandate:
        row = MandateRow(created_at=mandate.created_at or datetime.now(UTC))  # type: ignore[call-arg]
        _write(row, mandate)
        self.session.add(row)
        self.session.flush()
        return _to_domain(row)

    def save(self, mandate: Mandate) -> Mandate:
        row = None if mandate.id is None else self.session.get(MandateRow, mandate.id)
        if row is None or row.version != mandate.version:
            raise StaleVersion("Dit mandaat")
        _write(row, mandate)
        try:
            self.session.flush()
        except StaleDataError:
            raise StaleVersion("Dit mandaat") from None
        return _to_domain(row)
