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
from domain.plan import Decision
from storage.seed.data.places import MAATWERKFUNCTIONARISSEN
from storage.tables import MandateRow


def _username(name: str) -> str:
    """'Sanne de Wit' → 's.dewit' (first initial, the rest of the name without spaces)."""
    first, _, rest = name.partition(" ")
    return f"{first[0]}.{rest.replace(' ', '')}".lower()


MANDATE_HOLDERS: dict[str, tuple[str, str]] = {
    code: (_username(name), name) for code, name in MAATWERKFUNCTIONARISSEN.items()
}
"""Municipality → (username, name) of its maatwerkfunctionaris (the stories' deciders, data/places.py); none
of them writes plans in the demo."""

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


def seed_decision(municipality_code: str, on: date, toelichting: str = "") -> Decision:
    """A decision of the demo: by the municipality's mandate holder, naming her mandate."""
    mandate = seed_mandates_by_code()[municipality_code]
    return Decision(decided_by=mandate.holder_name, mandate=mandate.describe(), decided_on=on,
                    toelichting=toelichting, mandate_id=mandate.id)


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
