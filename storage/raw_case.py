"""`doorbraak case show CASUS --json` on a SQLite file, read with the standard library's `sqlite3` (issue 18).

Why a second reader: importing SQLAlchemy, its ORM, SQLModel and the table definitions costs ~0.8 s CPU and 36 MB
before a row is read (docs/performance.md), several times the whole run of a raw-driver app. This module does what
the ORM path does for this one command, with the same rules taken from the same places:

- opening: the same file checks and pragmas (storage/sqlite_file.py), the schema must be current
  (storage/schema_revision.py), the audit key is loaded as the bootstrap loads it (storage/audit_key.py), and the
  same warning about a folder others can read;
- who: a database without accounts is single-user mode, whose actor is the local owner (`domain.roles.LocalOwner`,
  as `domain.actors.local_owner` makes it for the bootstrap), checked with `domain.access` for exporting and for
  this case (with the reason);
- the audit: one EXPORT record for the household and one per plan version (NEN 7513), chained with
  `domain.audit.chain_hash` after `storage.audit_key.chain_key`, written in the read's own transaction, which is
  taken with BEGIN IMMEDIATE so two processes can never chain to the same record;
- the output: the case file document (domain/case_document.py, format version 2), built from the rows as the
  repositories (storage/households.py, storage/plans.py) and the domain's documents make it.
  tests/storage/test_raw_case.py runs both paths on seeded files and compares the bytes and the audit rows.

Anything else takes the ORM path (`open_raw` returns None): PostgreSQL, an encrypted file (SQLCipher), a URL with
options or a `file:` URI, a file that does not exist yet (the ORM path creates it), a schema that is not current
(the ORM path upgrades or refuses it with its own message), a file that is no SQLite database, a database with
accounts (a login is needed), and settings beyond the five plain ones it reads (`plain_settings`). No SQLAlchemy,
SQLModel, Alembic or pydantic is imported here: pydantic's import alone was a third of this command's run.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from domain.access import Permission, require, require_case
from domain.audit import AuditEvent, AuditKind, AuditRecord, chain_hash
from domain.errors import NotFound
from domain.jsondata import JsonObject
from domain.payers import PAYER_ORDER, Payer
from domain.reference import leefgebieden
from domain.roles import Acting, LocalOwner
from storage.audit_key import chain_key, load_audit_key
from storage.files import readable_by_others
from storage.schema_revision import newest_revision
from storage.sqlite_file import PRAGMAS, prepare_file

Clock = Callable[[], datetime]


class RawSettings(Protocol):
    """What this reader reads of the settings: `storage.settings_sources.PlainSettings` (the CLI's, read without
    pydantic) or a full `storage.settings.Settings` (tests)."""

    @property
    def database_url(self) -> str: ...

    @property
    def audit_key_file(self) -> Path: ...

    @property
    def auth(self) -> str: ...

    @property
    def user(self) -> str: ...

    @property
    def display_name(self) -> str: ...


PLAIN_SQLITE_URL = re.compile(r"sqlite(?:\+pysqlite)?:///(?P<path>[^?#%]+)")
"""The URLs this reader understands: a plain file path, no driver options, no `file:` URI, no escapes."""

HOUSEHOLD_OBJECT = "household"  # domain/services/households.py, OBJECT_TYPE
PLAN_OBJECT = "maatwerkplan"  # domain/services/plan_common.py, PLAN_OBJECT
FORMAT = "doorbraak-case"  # domain/case_document.py, FORMAT and FORMAT_VERSION
FORMAT_VERSION = 2


def utcnow() -> datetime:
    return datetime.now(UTC)


def database_file(settings: RawSettings) -> Path | None:
    """The SQLite file this reader may open for `settings`, or None: the ORM path handles it (see the module)."""
    found = PLAIN_SQLITE_URL.fullmatch(settings.database_url)  # PostgreSQL, SQLCipher, URIs and options: None
    if found is None:
        return None
    path = Path(found.group("path"))
    if str(path) in ("", ":memory:") or str(path).startswith("file:") or not path.is_file():
        return None
    return path


@dataclass
class RawDatabase:
    """An open SQLite connection with the schema checked, the audit key loaded and the actor resolved."""

    connection: sqlite3.Connection
    url: str
    actor: Acting
    audit_key: bytes
    clock: Clock = utcnow
    warnings: list[str] = field(default_factory=list)

    def close(self) -> None:
        self.connection.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE: the write lock from the first read on, as the audit chain's append needs (a deferred
        transaction that reads first could not take it later if another process wrote meanwhile)."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def export_case(self, case_number: str, *, purpose: str = "") -> JsonObject:
        """`domain.services.plan_transfer.export_case` and `document_from_household`: the case file of the
        household with every plan version, audited as an export. The `exported_at` stamp is the caller's."""
        require(self.actor, Permission.EXPORT_CASE)  # before the transaction, as UseCase does
        with self.transaction() as connection:
            household = connection.execute("SELECT * FROM household WHERE case_number = ?", (case_number,)).fetchone()
            if household is None:
                raise NotFound(f"Casus {case_number} bestaat niet.")
            break_glass = require_case(self.actor, case_number, municipality_code=household["municipality_code"],
                                       professional=household["professional"], team=household["team"],
                                       purpose=purpose)
            document = household_document(connection, household)
            plans = connection.execute(
                "SELECT * FROM maatwerkplan WHERE household_id = ? ORDER BY plan_version", (household["id"],)
            ).fetchall()
            plan_documents = [plan_document(connection, plan) for plan in plans]
            self._record(connection, HOUSEHOLD_OBJECT, case_number, purpose, break_glass)
            for plan in plans:
                self._record(connection, PLAN_OBJECT, f"{case_number}/v{plan['plan_version']}", purpose, break_glass)
        return {"household": document, "plans": plan_documents}

    def _record(self, connection: sqlite3.Connection, object_type: str, object_id: str, purpose: str,
                break_glass: bool) -> None:
        """`SqlAuditLog.record` for a read or export (no changes, so no audit_change row and an empty digest)."""
        event = AuditEvent(kind=AuditKind.EXPORT, object_type=object_type, object_id=object_id,
                           username=self.actor.username, role=self.actor.role.value, purpose=purpose,
                           break_glass=break_glass)
        # UPDATE first: it takes the write lock and hands back the new sequence number with the previous hash.
        sequence, previous = connection.execute(
            "UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash").fetchone()
        key = chain_key(self.audit_key, sequence, self.url, lambda: _audit_record(connection, sequence - 1))
        at = self.clock()
        digest = ""
        record_hash = chain_hash(key, previous, sequence, at, event, digest)
        connection.execute(
            "INSERT INTO audit_log (seq, at, kind, object_type, object_id, username, role, outcome, purpose, "
            "break_glass, changes_digest, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (sequence, _stored_moment(at), event.kind.value, event.object_type, event.object_id, event.username,
             event.role, event.outcome, event.purpose, int(event.break_glass), digest, previous, record_hash),
        )
        connection.execute("UPDATE audit_head SET hash = ? WHERE id = 1", (record_hash,))


def open_raw(settings: RawSettings, *, clock: Clock = utcnow) -> RawDatabase | None:
    """Open the configured SQLite file as `storage.bootstrap.open_database` would, or None when this reader does
    not support it (the caller then takes the ORM path, which does everything itself again)."""
    path = database_file(settings)
    if path is None:
        return None
    prepare_file(path)  # DatabaseError (Dutch) on a network file system, FileRefused on modes it cannot fix
    try:
        connection = sqlite3.connect(path, isolation_level=None)  # autocommit: transactions are explicit
    except sqlite3.Error:
        return None
    try:
        connection.row_factory = sqlite3.Row
        for pragma in PRAGMAS:
            connection.execute(pragma)
        if not _current(connection) or _has_accounts(connection):
            connection.close()
            return None
    except sqlite3.Error:  # not a database, locked beyond the busy timeout, ...: the ORM path says what it is
        connection.close()
        return None
    try:
        audit_key = load_audit_key(settings.audit_key_file)
    except BaseException:
        connection.close()
        raise
    db = RawDatabase(connection=connection, url=settings.database_url,
                     actor=LocalOwner(settings.user, settings.display_name), audit_key=audit_key, clock=clock)
    if readable_by_others(path.parent):  # as open_database: a folder the user chose keeps its mode
        db.warnings.append(f"De map van de database ({path.parent}) is te openen door andere gebruikers van "
                           f"deze computer; zet de rechten op 700 (chmod 700 '{path.parent}').")
    return db


def _current(connection: sqlite3.Connection) -> bool:
    """`ensure_current`'s common case: alembic_version holds exactly the newest migration's revision."""
    try:
        stored = {str(row[0]) for row in connection.execute("SELECT version_num FROM alembic_version")}
    except sqlite3.OperationalError:
        return False
    return stored == {newest_revision()}


def _has_accounts(connection: sqlite3.Connection) -> bool:
    """`domain.services.users.has_accounts`: any row in app_user means a shared database with logins."""
    return connection.execute("SELECT 1 FROM app_user LIMIT 1").fetchone() is not None


# -- values as SQLAlchemy's SQLite types hand them back --------------------------------------------------------------
def _stored_moment(moment: datetime) -> str:
    """A DateTime(timezone=True) as SQLAlchemy writes it on SQLite: the UTC wall time, microseconds, no offset."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _moment(text: str) -> datetime:
    """Read back (storage.households.as_utc: everything stored is UTC)."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _numeric(value: Any, scale: int) -> Decimal:
    """A Numeric(p, scale) column: SQLite keeps a float or an integer, SQLAlchemy returns Decimal('%.{scale}f')."""
    return Decimal(f"{value:.{scale}f}")


def _plain(value: Decimal) -> Decimal:
    """storage.plans._plain: trailing zeros dropped (1.0000 → 1, 0.5000 → 0.5)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


CENT = Decimal("0.01")


def _audit_record(connection: sqlite3.Connection, sequence: int) -> AuditRecord | None:
    """The chain's record `sequence`, as SqlAuditLog._record makes it (the changes are not needed for its hash)."""
    row = connection.execute("SELECT * FROM audit_log WHERE seq = ?", (sequence,)).fetchone()
    if row is None:
        return None
    return AuditRecord(
        sequence=row["seq"], at=_moment(row["at"]), previous_hash=row["previous_hash"], hash=row["hash"],
        changes_digest=row["changes_digest"], changes_destroyed=True,
        event=AuditEvent(kind=AuditKind(row["kind"]), object_type=row["object_type"], object_id=row["object_id"],
                         username=row["username"], role=row["role"], outcome=row["outcome"], purpose=row["purpose"],
                         break_glass=bool(row["break_glass"])),
    )


# -- the case file document, field for field as pydantic dumps the domain's models (order included) ------------------
def _children(connection: sqlite3.Connection, table: str, parent: str, parent_id: int,
              order: str = "position, id") -> list[sqlite3.Row]:
    return connection.execute(f"SELECT * FROM {table} WHERE {parent} = ? ORDER BY {order}", (parent_id,)).fetchall()


def household_document(connection: sqlite3.Connection, row: sqlite3.Row) -> JsonObject:
    """`HouseholdDocument` (HouseholdDraft's fields, then case number, status, closed on) of a household row;
    ids are not carried (a member's id is dumped as null by the document's Member model)."""
    household_id = row["id"]
    return {
        "name": row["name"],
        "municipality_code": row["municipality_code"],
        "address": {"street": row["street"], "house_number": row["house_number"], "postcode": row["postcode"],
                    "city": row["city"]},
        "professional": row["professional"],
        "team": row["team"],
        "members": [
            {"id": None, "name": m["name"], "date_of_birth": m["date_of_birth"], "role": m["role"], "bsn": m["bsn"]}
            for m in _children(connection, "member", "household_id", household_id)
        ],
        "problems": [
            {"id": None, "leefgebied": p["leefgebied"], "score": p["score"], "since": p["since"],
             "description": p["description"], "member_id": None}
            for p in _children(connection, "problem", "household_id", household_id)
        ],
        "organisations": [
            {"id": None, "name": o["name"], "type": o["type"], "legal_framework": o["legal_framework"],
             "product": o["product"], "yearly_cost": str(_numeric(o["yearly_cost"], 2))}
            for o in _children(connection, "involved_organisation", "household_id", household_id)
        ],
        "case_number": row["case_number"],
        "status": row["status"],
        "closed_on": row["closed_on"],
    }


REASONING_FIELDS = ("feiten", "bijzondere_omstandigheden", "onevenredigheid", "gelijkheid", "risicos", "besluit",
                    "mandaat")
"""domain.legal.LegalReasoning's fields, in order (tests/storage/test_raw_case.py checks them)."""
PARAGRAPH_FIELDS = (*REASONING_FIELDS, "bevoegd_gezag", "wettelijk_kader", "grondslagen", "privacy_grondslagen",
                    "privacy_toelichting")
"""domain.legal.JuridischeParagraaf's fields, in order."""


def _leefgebied(value: str | None) -> str | None:
    """domain.plan's leefgebied validator on a goal: an empty one is none."""
    return None if value == "" else value


def _unique(values: list[str]) -> list[str]:
    """domain.plan's `_basis_ids`: each legal basis once, in the order given."""
    return list(dict.fromkeys(value.strip() for value in values))


def plan_document(connection: sqlite3.Connection, row: sqlite3.Row) -> JsonObject:
    """`domain.plan_document.plan_to_document` of the plan version in `row`, as storage/plans.py reads it."""
    plan_id = row["id"]
    bases = _children(connection, "plan_legal_basis", "plan_id", plan_id)
    action_bases: dict[str, list[str]] = {}
    for b in bases:
        if b["kind"] == "actie" and b["action_key"] is not None:
            action_bases.setdefault(b["action_key"], []).append(b["basis_id"])
    paragraph = json.loads(row["juridisch"] or "{}")
    juridisch: JsonObject = {}
    for name in PARAGRAPH_FIELDS:
        if name in ("grondslagen", "privacy_grondslagen"):
            kind = "grond" if name == "grondslagen" else "privacy"
            juridisch[name] = [{"basis_id": b["basis_id"].strip(), "toelichting": b["toelichting"]}
                               for b in bases if b["kind"] == kind]
        else:
            juridisch[name] = paragraph.get(name, "")
    actions = []
    for a in _children(connection, "plan_action", "plan_id", plan_id):
        reasoning = json.loads(a["reasoning"] or "{}")
        actions.append({
            "id": a["key"], "what": a["what"], "owner_organisation": a["owner_organisation"], "contact": a["contact"],
            "contact_id": a["contact_id"], "deadline": a["deadline"], "status": a["status"],
            "status_note": a["status_note"], "done_on": a["done_on"], "goal_id": a["goal_key"],
            "cost_line_id": a["cost_line_key"], "deviating": bool(a["deviating"]),
            "legal_basis_ids": _unique(action_bases.get(a["key"], [])),
            "reasoning": {name: reasoning.get(name, "") for name in REASONING_FIELDS},
        })
    consent = None
    if row["consent_given_by"] is not None and row["consent_given_on"] is not None:
        consent = {"given_by": row["consent_given_by"], "given_on": row["consent_given_on"],
                   "method": row["consent_method"] or "mondeling", "scope": row["consent_scope"] or ""}
    decision = None
    if row["decided_by"] is not None and row["decided_on"] is not None:
        decision = {"decided_by": row["decided_by"], "mandate": row["decision_mandate"] or "",
                    "decided_on": row["decided_on"], "toelichting": row["decision_toelichting"] or "",
                    "mandate_id": row["decision_mandate_id"]}
    return {
        "plan_version": row["plan_version"],
        "status": row["status"],
        "in_kaart": {"samenvatting": row["in_kaart_samenvatting"], "datum": row["in_kaart_datum"]},
        "perspectief": row["perspectief"],
        "sta_in_de_weg": {"leefgebied": row["obstacle_leefgebied"], "toelichting": row["obstacle_toelichting"]},
        "doorbraak": row["doorbraak"],
        "goals": [
            {"id": g["key"], "text": g["text"], "leefgebied": _leefgebied(g["leefgebied"]),
             "target_score": g["target_score"]}
            for g in _children(connection, "plan_goal", "plan_id", plan_id)
        ],
        "actions": actions,
        "rekensom": {
            "horizon_months": row["horizon_months"],
            "discount_rate": str(_plain(_numeric(row["discount_rate"], 4))),
            "lines": [_cost_line(c) for c in _children(connection, "plan_cost_line", "plan_id", plan_id)],
            "price_year": row["price_year"],
        },
        "juridisch": juridisch,
        "consent": consent,
        "decision": decision,
        "evaluations": [_evaluation(e) for e in _children(connection, "plan_evaluation", "plan_id", plan_id,
                                                          order="moment")],
        "created_by": row["created_by"],
    }


def _cost_line(c: sqlite3.Row) -> JsonObject:
    source = None
    if c["has_source"]:
        amount = c["source_amount"]
        source = {"kengetal_id": c["kengetal_id"], "text": c["source_text"], "year": c["source_year"],
                  "amount": None if amount is None else str(_numeric(amount, 2).quantize(CENT))}
    default = c["default_probability"]
    return {
        "id": c["key"], "description": c["description"], "scenario": c["scenario"], "payer": c["payer"],
        "amount": str(_numeric(c["amount"], 2).quantize(CENT)),
        "quantity": str(_plain(_numeric(c["quantity"], 4))),
        "probability": str(_plain(_numeric(c["probability"], 4))),
        "frequency": c["frequency"], "start_month": c["start_month"], "duration_months": c["duration_months"],
        "source": source, "kind": c["kind"], "receiver": c["receiver"], "loan_months": c["loan_months"],
        "default_probability": None if default is None else str(_plain(_numeric(default, 4))),
    }


def _evaluation(e: sqlite3.Row) -> JsonObject:
    """domain.plan.Evaluation as its validators leave it: scores in the ZRM order, amounts per payer in the payers'
    order and in cents, the realised costs their sum when only the amounts per payer were given."""
    scores = json.loads(e["scores"] or "{}")
    by_payer = {Payer(k): Decimal(v).quantize(CENT) for k, v in json.loads(e["realised_by_payer"] or "{}").items()}
    ordered = {payer: by_payer[payer] for payer in sorted(by_payer, key=lambda p: PAYER_ORDER[p])}
    realised = None if e["realised_costs"] is None else _numeric(e["realised_costs"], 2).quantize(CENT)
    if ordered and realised is None:
        realised = sum(ordered.values(), Decimal("0.00"))
    return {
        "moment": e["moment"],
        "on_date": e["on_date"],
        "rapportcijfer": e["rapportcijfer"],
        "scores": {code: scores[code] for code in leefgebieden() if code in scores},
        "realised_costs": None if realised is None else str(realised),
        "realised_by_payer": {payer.value: str(amount) for payer, amount in ordered.items()},
        "toelichting": e["toelichting"],
    }


def case_document(content: JsonObject, exported_at: datetime) -> JsonObject:
    """`CaseDocument(...).model_dump(mode="json")`: format, version, the moment (pydantic writes UTC as `Z`)."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": exported_at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "household": content["household"],
        "plans": content["plans"],
    }


__all__ = ["RawDatabase", "case_document", "database_file", "open_raw"]
