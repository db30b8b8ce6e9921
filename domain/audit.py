"""The audit trail: who saw or changed what, when and why — tamper-evident by a keyed hash chain.

Each record carries HMAC(key, previous hash + canonical content). Editing or deleting any record breaks
the chain from there on; the key lives outside the database, so whoever can write the table cannot
recompute the chain. (NEN 7513 is the template for the fields.)

The old → new values of a change are personal data with the retention of the case, while the log itself
is kept longer. So the chain covers a keyed digest of the changes, and the changes themselves live
beside the chain: destroying a case (purge) removes them and leaves a content-free tombstone, and the
chain still verifies. Changes that disappear without a tombstone are reported.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from domain.jsondata import JsonObject

GENESIS = "0" * 64
MASKED_FIELDS = frozenset({"bsn"})


class AuditKind(StrEnum):
    CREATE = "create"
    READ = "read"
    UPDATE = "update"
    DELETE = "delete"
    EXPORT = "export"
    SEARCH = "search"
    LOGIN = "login"
    BREAK_GLASS = "break_glass"
    PURGE = "purge"
    LOCK = "lock"
    UNLOCK = "unlock"


KIND_LABELS: dict[AuditKind, str] = {
    AuditKind.CREATE: "aangemaakt",
    AuditKind.READ: "bekeken",
    AuditKind.UPDATE: "gewijzigd",
    AuditKind.DELETE: "verwijderd",
    AuditKind.EXPORT: "geëxporteerd",
    AuditKind.SEARCH: "gezocht",
    AuditKind.LOGIN: "ingelogd",
    AuditKind.BREAK_GLASS: "noodtoegang",
    AuditKind.PURGE: "vernietigd",
    AuditKind.LOCK: "vergrendeld",
    AuditKind.UNLOCK: "ontgrendeld",
}

OBJECT_LABELS: dict[str, str] = {
    "household": "casus",
    "maatwerkplan": "plan",
    "audit": "logboek",
    "user": "account",
    "escalation": "escalatie",
    "overbrugging": "overbrugging",
    "knelpunt": "knelpunt",
    "loketvraag": "loketvraag",
    "register_contact": "register",
    "kengetal": "kengetal",
}


@dataclass(frozen=True)
class AuditEvent:
    """What a service reports; storage adds time, sequence and hashes."""

    kind: AuditKind
    object_type: str
    object_id: str
    username: str
    role: str
    outcome: str = "ok"
    purpose: str = ""
    break_glass: bool = False
    changes: Mapping[str, tuple[Any, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class AuditRecord:
    sequence: int
    at: datetime
    event: AuditEvent
    previous_hash: str
    hash: str
    changes_digest: str = ""
    changes_destroyed: bool = False
    """True when the case was purged: the changes are gone by design (a PURGE record says so)."""


@dataclass(frozen=True)
class AuditQuery:
    """A page of the whole log, newest first. `text` matches the object, the user or the reason."""

    text: str = ""
    kind: AuditKind | None = None
    break_glass_only: bool = False
    before: int | None = None
    """Only records older than this sequence number: the next page (keyset paging, so records written
    meanwhile never shift a page)."""
    limit: int = 200


@dataclass(frozen=True)
class AuditPage:
    records: list[AuditRecord]
    """Without the old → new values (open a case's history for those)."""
    total: int


def case_object(object_type: str, object_id: str) -> str | None:
    """The case number an audit record is about (household, or a version of its maatwerkplan), if any."""
    if object_type == "household":
        return object_id
    if object_type == "maatwerkplan":
        return object_id.split("/", 1)[0]
    return None


def changes_digest(key: bytes, changes: Mapping[str, tuple[Any, Any]]) -> str:
    if not changes:
        return ""
    body = json.dumps({k: [v[0], v[1]] for k, v in sorted(changes.items())}, sort_keys=True, ensure_ascii=False,
                      default=str)
    return hmac.new(key, body.encode("utf-8"), hashlib.sha256).hexdigest()


def canonical(sequence: int, at: datetime, event: AuditEvent, digest: str) -> bytes:
    payload = {
        "seq": sequence,
        "at": at.astimezone(UTC).isoformat(),
        "kind": event.kind.value,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "username": event.username,
        "role": event.role,
        "outcome": event.outcome,
        "purpose": event.purpose,
        "break_glass": event.break_glass,
        "changes_digest": digest,
    }
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")


def chain_hash(key: bytes, previous_hash: str, sequence: int, at: datetime, event: AuditEvent, digest: str) -> str:
    message = previous_hash.encode("ascii") + canonical(sequence, at, event, digest)
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def verify_chain(records: Iterable[AuditRecord], key: bytes, *, hidden: frozenset[int] = frozenset()) -> list[str]:
    """Dutch descriptions of every break in the chain (empty: intact).

    `hidden`: sequence numbers whose changes exist but which this user may not read (row-level
    security); their digests are checked by someone who may (beheer), the chain itself is checked here.
    """
    problems: list[str] = []
    previous = GENESIS
    expected_sequence = 1
    for record in records:
        if record.sequence != expected_sequence:
            problems.append(f"Record {expected_sequence} t/m {record.sequence - 1} ontbreekt (verwijderd?).")
        if record.previous_hash != previous:
            problems.append(f"Record {record.sequence}: de verwijzing naar het vorige record klopt niet.")
        expected = chain_hash(key, record.previous_hash, record.sequence, record.at, record.event,
                              record.changes_digest)
        if not hmac.compare_digest(record.hash, expected):
            problems.append(f"Record {record.sequence}: de inhoud is gewijzigd na het vastleggen.")
        elif record.changes_digest and not record.changes_destroyed and record.sequence not in hidden:
            if not record.event.changes:
                problems.append(f"Record {record.sequence}: de vastgelegde wijzigingen ontbreken.")
            elif not hmac.compare_digest(record.changes_digest, changes_digest(key, record.event.changes)):
                problems.append(f"Record {record.sequence}: de vastgelegde wijzigingen zijn aangepast.")
        previous = record.hash
        expected_sequence = record.sequence + 1
    return problems


def _flatten(prefix: str, value: Any, out: JsonObject) -> None:
    if isinstance(value, Mapping):
        for key, item in value.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), item, out)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _flatten(f"{prefix}.{index}", item, out)
    else:
        out[prefix] = value


def field_changes(old: Mapping[str, Any] | None, new: Mapping[str, Any] | None) -> dict[str, tuple[Any, Any]]:
    """Old → new per changed leaf field (dotted paths); BSNs are masked so the log never holds one."""
    before: JsonObject = {}
    after: JsonObject = {}
    _flatten("", old or {}, before)
    _flatten("", new or {}, after)
    changes: dict[str, tuple[Any, Any]] = {}
    for key in sorted(before.keys() | after.keys()):
        a, b = before.get(key), after.get(key)
        if a == b:
            continue
        if key.rsplit(".", 1)[-1] in MASKED_FIELDS:
            a = "******" + str(a)[-3:] if a else a
            b = "******" + str(b)[-3:] if b else b
        changes[key] = (a, b)
    return changes
