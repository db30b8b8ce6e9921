"""The "mandaten" seed step: one mandate holder per municipality of the demo (docs/mandaat.md).

Added by the mandate work (issue 17 item 1), kept minimal for the owner of the seed (helper `stories`): each
municipality's maatwerkfunctionaris decides the demo's decided plans and grants its overbruggingen; she never
wrote them (four-eyes). The mandate covers every deviation kind up to € 100.000 per plan, 2025-2027.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Table, insert

from domain import reference
from domain.mandate import Mandate, deviation_kinds
from storage.tables import MandateRow

MANDATE_HOLDERS: dict[str, tuple[str, str]] = {
    "GM0014": ("h.bakker", "Hilde Bakker"),
    "GM0141": ("g.nijhuis", "Gerrit Nijhuis"),
    "GM0344": ("s.dewit", "Sanne de Wit"),
    "GM0363": ("j.vandam", "Joost van Dam"),
    "GM0599": ("l.bouali", "Latifa Bouali"),
    "GM0772": ("p.hoogland", "Pieter Hoogland"),
    "GM0917": ("i.postma", "Ingrid Postma"),
    "GM1900": ("j.devries", "Jelle de Vries"),
}
"""Municipality → (username, name) of its maatwerkfunctionaris; none of them writes plans in the demo."""

VALID_FROM, VALID_UNTIL = date(2025, 1, 1), date(2027, 12, 31)
MAX_AMOUNT = Decimal("100000.00")


def seed_mandate(code: str, mandate_id: int) -> Mandate:
    username, name = MANDATE_HOLDERS[code]
    return Mandate(
        id=mandate_id, holder_username=username, holder_name=name, municipality_code=code,
        deviation_kinds=tuple(deviation_kinds()), max_amount=MAX_AMOUNT, valid_from=VALID_FROM,
        valid_until=VALID_UNTIL, registered_by="lokaal",
        granted_by=f"College van B en W van {reference.municipality_name(code)}, mandaatbesluit sociaal domein 2025",
    )


def seed_mandates_by_code() -> dict[str, Mandate]:
    """The demo's mandates with their ids (1, 2, ... in code order): the plans step names them."""
    return {code: seed_mandate(code, index) for index, code in enumerate(sorted(MANDATE_HOLDERS), start=1)}


def seed_mandates(connection: Connection, rng: random.Random, context: Any) -> None:
    """The "mandaten" seed step (see storage/seed/__init__.py for the contract)."""
    table: Table = MandateRow.__table__  # type: ignore[attr-defined]
    rows = [
        {
            "id": m.id, "holder_username": m.holder_username, "holder_name": m.holder_name, "function": m.function,
            "municipality_code": m.municipality_code, "deviation_kinds": ",".join(m.deviation_kinds),
            "max_amount": m.max_amount, "valid_from": m.valid_from, "valid_until": m.valid_until,
            "granted_by": m.granted_by, "registered_by": m.registered_by, "revoked_by": "", "revoke_reason": "",
            "created_at": datetime.combine(VALID_FROM, datetime.min.time(), UTC), "version": 1,
        }
        for m in seed_mandates_by_code().values()
    ]
    connection.execute(insert(table), rows)
    context.stats.add("mandaten", len(rows))
