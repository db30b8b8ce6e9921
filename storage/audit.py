"""The audit log repository: writes each event in the caller's transaction, chained with a keyed hash."""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator, Sequence
from pathlib import Path

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    and_,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session
from sqlmodel import col

from domain.audit import (
    AuditEvent,
    AuditKind,
    AuditPage,
    AuditQuery,
    AuditRecord,
    chain_hash,
    changes_digest,
    verify_chain,
)
from storage.audit_key import AuditKey as AuditKey
from storage.audit_key import chain_key
from storage.audit_key import load_audit_key as load_audit_key
from storage.audit_key import missing_key_message as missing_key_message
from storage.audit_key import read_key as _read_key
from storage.audit_key import usable_key as usable_key
from storage.audit_key import wrong_key_message as wrong_key_message
from storage.errors import DatabaseError
from storage.households import Clock, as_utc
from storage.prebuilt import Prebuilt
from storage.tables import AuditChangeRow, AuditHead, AuditLogRow, HouseholdRow

# SQLModel sets __table__ on table classes at class creation but does not declare it for the type checker.
AUDIT_LOG: Table = AuditLogRow.__table__  # type: ignore[attr-defined]
AUDIT_CHANGE: Table = AuditChangeRow.__table__  # type: ignore[attr-defined]
# Prebuilt statements on the driver's cursor (storage/prebuilt.py): every view of a case writes a record, and
# building the statements (or the ORM's unit of work), then SQLAlchemy's execute path, cost more than the write.
_NEXT_SEQUENCE = Prebuilt(
    update(AuditHead).where(col(AuditHead.id) == 1).values(seq=col(AuditHead.seq) + 1)
    .returning(col(AuditHead.seq), col(AuditHead.hash))
)
_NEXT_SEQUENCE_PG = Prebuilt(text("SELECT next_seq, previous_hash FROM doorbraak_audit_next()"))
_SET_HASH = Prebuilt(update(AuditHead).where(col(AuditHead.id) == 1).values(hash=bindparam("record_hash")))
_LOG_COLUMNS = ("seq", "at", "kind", "object_type", "object_id", "username", "role", "outcome", "purpose",
                "break_glass", "changes_digest", "previous_hash", "hash")
_INSERT_LOG = Prebuilt(insert(AUDIT_LOG), _LOG_COLUMNS)
_INSERT_CHANGE = Prebuilt(insert(AUDIT_CHANGE), ("seq", "object_type", "object_id", "changes"))
CASE_NUMBER_LENGTH = len("DB-2026-000000")
"""Case numbers have a fixed width (DB-YYYY-NNNNNN); a plan's audit id starts with one."""


def check_key(session: Session, key: bytes, sequence: int) -> bytes:
    """The key to chain record `sequence` with (see storage/audit_key.py, `chain_key`)."""

    def previous() -> AuditRecord | None:
        row = session.scalars(select(AuditLogRow).where(col(AuditLogRow.seq) == sequence - 1)).first()
        return None if row is None else SqlAuditLog._record(row, None, destroyed=True)

    return chain_key(key, sequence, session.connection().engine.url.render_as_string(hide_password=True), previous)


def load_or_create_key(path: Path) -> bytes:
    """The per-installation (per-municipality) HMAC key, kept outside the database, readable by the owner only."""
    if path.exists():
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
        if len(key) < 32:
            raise ValueError("audit key too short")
        return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key.hex() + "\n")
    return key


class SqlAuditLog:
    def __init__(self, session: Session, key: bytes, clock: Clock) -> None:
        self.session = session
        self.key = key
        self.clock = clock

    def record(self, event: AuditEvent) -> None:
        # UPDATE first: takes the write lock (SQLite) or row lock (PostgreSQL) before reading the head,
        # so two writers can never chain to the same previous record.
        # One statement takes the lock and hands back the new sequence number with the previous hash.
        connection = self.session.connection()
        postgres = connection.dialect.name == "postgresql"
        # On PostgreSQL the step runs as the owner (migration 0012): the app's roles cannot UPDATE the head.
        heads = (_NEXT_SEQUENCE_PG if postgres else _NEXT_SEQUENCE).rows(connection, {})
        if len(heads) != 1:
            raise DatabaseError("Het logboek heeft geen begin (audit_head); de database is niet goed bijgewerkt.")
        sequence, previous = int(heads[0][0]), str(heads[0][1])
        key = check_key(self.session, self.key, sequence)
        at = self.clock()
        digest = changes_digest(key, event.changes)
        record_hash = chain_hash(key, previous, sequence, at, event, digest)
        _INSERT_LOG.rows(connection, {
            "seq": sequence,
            "at": at,
            "kind": event.kind.value,
            "object_type": event.object_type,
            "object_id": event.object_id,
            "username": event.username,
            "role": event.role,
            "outcome": event.outcome,
            "purpose": event.purpose,
            "break_glass": event.break_glass,
            "changes_digest": digest,
            "previous_hash": previous,
            "hash": record_hash,
        })
        if event.changes:
            body = json.dumps({k: [v[0], v[1]] for k, v in event.changes.items()}, ensure_ascii=False, default=str)
            _INSERT_CHANGE.rows(connection, {
                "seq": sequence, "object_type": event.object_type, "object_id": event.object_id, "changes": body
            })
        if not postgres:  # PostgreSQL: the trigger audit_log_moves_head did this with the insert
            _SET_HASH.rows(connection, {"record_hash": record_hash})

    def destroy_changes(self, object_type: str, object_id: str) -> None:
        """Purge: the old → new values go with the case; the chained records stay."""
        self.session.execute(
            delete(AuditChangeRow).where(
                col(AuditChangeRow.object_type) == object_type, col(AuditChangeRow.object_id) == object_id
            )
        )

    def _purged(self) -> set[tuple[str, str]]:
        stmt = select(col(AuditLogRow.object_type), col(AuditLogRow.object_id)).where(
            col(AuditLogRow.kind) == AuditKind.PURGE.value
        )
        return {(r[0], r[1]) for r in self.session.execute(stmt)}

    def records(self, object_type: str | None = None, object_id: str | None = None) -> Iterator[AuditRecord]:
        stmt = self._with_changes()
        if object_type is not None:
            stmt = stmt.where(col(AuditLogRow.object_type) == object_type)
        if object_id is not None:
            stmt = stmt.where(col(AuditLogRow.object_id) == object_id)
        yield from self._stream(stmt)

    def case_records(self, case_number: str, linked: Sequence[tuple[str, str]] = ()) -> Iterator[AuditRecord]:
        """Everything about one case: the household, every version of its maatwerkplan, and `linked`."""
        plan = and_(
            col(AuditLogRow.object_type) == "maatwerkplan",
            or_(col(AuditLogRow.object_id) == case_number,
                col(AuditLogRow.object_id).startswith(f"{case_number}/", autoescape=True)),
        )
        household = and_(col(AuditLogRow.object_type) == "household", col(AuditLogRow.object_id) == case_number)
        others = [and_(col(AuditLogRow.object_type) == kind, col(AuditLogRow.object_id) == ident)
                  for kind, ident in linked]
        yield from self._stream(self._with_changes().where(or_(household, plan, *others)))

    def page(self, query: AuditQuery, municipality_codes: frozenset[str] | None = None) -> AuditPage:
        """A page of the whole log, newest first, without the old → new values.

        Limited to municipalities, only records about households (and their plans) of those municipalities
        remain (other objects cannot be attributed to a municipality).
        """
        conditions: list[ColumnElement[bool]] = []
        if query.kind is not None:
            conditions.append(col(AuditLogRow.kind) == query.kind.value)
        if query.break_glass_only:
            conditions.append(col(AuditLogRow.break_glass).is_(True))
        needle = query.text.strip()
        if needle:
            pattern = f"%{needle.lower()}%"
            conditions.append(or_(
                func.lower(col(AuditLogRow.object_id)).like(pattern),
                func.lower(col(AuditLogRow.username)).like(pattern),
                func.lower(col(AuditLogRow.purpose)).like(pattern),
            ))
        if municipality_codes is not None:
            cases = select(col(HouseholdRow.case_number)).where(
                col(HouseholdRow.municipality_code).in_(municipality_codes))
            conditions.append(or_(
                and_(col(AuditLogRow.object_type) == "household", col(AuditLogRow.object_id).in_(cases)),
                and_(col(AuditLogRow.object_type) == "maatwerkplan",
                     func.substr(col(AuditLogRow.object_id), 1, CASE_NUMBER_LENGTH).in_(cases)),
            ))
        total = self.session.scalar(select(func.count()).select_from(AuditLogRow).where(*conditions)) or 0
        if query.before is not None:
            conditions.append(col(AuditLogRow.seq) < query.before)
        stmt = select(AuditLogRow).where(*conditions).order_by(col(AuditLogRow.seq).desc()).limit(query.limit)
        records = [self._record(row, None, destroyed=False) for row in self.session.scalars(stmt)]
        return AuditPage(records=records, total=int(total))

    def _with_changes(self) -> Select[AuditLogRow, str]:
        return (
            select(AuditLogRow, col(AuditChangeRow.changes))
            .outerjoin(AuditChangeRow, col(AuditChangeRow.seq) == col(AuditLogRow.seq))
            .order_by(col(AuditLogRow.seq))
        )

    def _stream(self, stmt: Select[AuditLogRow, str]) -> Iterator[AuditRecord]:
        purged = self._purged()
        for row, changes in self.session.execute(stmt.execution_options(yield_per=1000)):
            destroyed = changes is None and (row.object_type, row.object_id) in purged
            yield self._record(row, changes, destroyed=destroyed)

    @staticmethod
    def _record(row: AuditLogRow, changes: str | None, *, destroyed: bool) -> AuditRecord:
        return AuditRecord(
            sequence=row.seq,
            at=as_utc(row.at),
            previous_hash=row.previous_hash,
            hash=row.hash,
            changes_digest=row.changes_digest,
            changes_destroyed=destroyed,
            event=AuditEvent(
                kind=AuditKind(row.kind),
                object_type=row.object_type,
                object_id=row.object_id,
                username=row.username,
                role=row.role,
                outcome=row.outcome,
                purpose=row.purpose,
                break_glass=row.break_glass,
                changes={k: (v[0], v[1]) for k, v in json.loads(changes).items()} if changes else {},
            ),
        )

    def _hidden_changes(self) -> frozenset[int]:
        """Under row-level security (PostgreSQL, `doorbraak db beveilig`) some audit_change rows exist but are
        not visible to this user; a definer function tells which exist, without their content."""
        if self.session.get_bind().dialect.name != "postgresql":
            return frozenset()
        if self.session.scalar(text("SELECT to_regproc('doorbraak_change_seqs')")) is None:
            return frozenset()
        existing = set(self.session.scalars(text("SELECT * FROM doorbraak_change_seqs()")))
        visible = set(self.session.scalars(select(col(AuditChangeRow.seq))))
        return frozenset(existing - visible)

    def verify(self) -> list[str]:
        """Check the whole chain, including that the head still points at the last record."""
        path = getattr(self.key, "path", None)
        if getattr(self.key, "pending", False) and path is not None:
            if not path.exists():
                has_records = self.session.scalar(select(func.count()).select_from(AuditLogRow)) or 0
                return [missing_key_message(path)] if has_records else []
            self.key = _read_key(path)
        problems = verify_chain(self.records(), self.key, hidden=self._hidden_changes())
        head = self.session.execute(
            select(col(AuditHead.seq), col(AuditHead.hash)).where(col(AuditHead.id) == 1)
        ).one()
        last = self.session.execute(
            select(col(AuditLogRow.seq), col(AuditLogRow.hash)).order_by(col(AuditLogRow.seq).desc()).limit(1)
        ).first()
        if (last is None and head[0] != 0) or (last is not None and (last[0], last[1]) != (head[0], head[1])):
            problems.append("De laatste records ontbreken (het logboek is ingekort).")
        return problems
