"""Keep the dashboard's items (domain/dashboard_items.py) and sum them for a question (issue 18).

Kept in the transaction of the change: database triggers (migration 0019) put every household whose
dashboard facts change — its own row, its plan versions, actions, evaluations, rekensom, ZRM scores,
escalations, overbruggingen and their costs — in `dashboard_pending`, whoever changes it and how (the app, a
migration, psql). The unit of work's commit then makes those households' items again (`refresh_pending`):
it takes their old items out of `dashboard_cell` and adds the new ones, before the commit, so the sums and the
change are committed together or not at all. What a session may not refresh itself (the LET's role sees only
part of a household under row-level security) stays pending, and the dashboard refreshes it before it sums.

A question is then one statement over the municipality's cells (`sums`): every figure, every bucket.
"""

from __future__ import annotations

import json
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, select, text

from domain.dashboard import DashboardScope
from domain.dashboard_items import Item, household_items
from storage.dashboard_facts import load_facts
from storage.dashboard_tables import DashboardCellRow, DashboardHouseholdRow, DashboardPendingRow

CELL = DashboardCellRow.__table__  # type: ignore[attr-defined]
KEPT = DashboardHouseholdRow.__table__  # type: ignore[attr-defined]
PENDING = DashboardPendingRow.__table__  # type: ignore[attr-defined]
SUMS = ("n", "h", "v1", "v2", "v3", "v4")
BATCH = 500
Key = tuple[str, str, str, date, date, date, date]
"""(municipality, figure, bucket, lo, hi, since, due)"""


def _pack(items: Iterable[Item]) -> bytes:
    rows = [[i.figure, i.bucket, i.lo.toordinal(), i.hi.toordinal(), i.since.toordinal(), i.due.toordinal(),
             i.n, i.h, i.v1, i.v2, i.v3, i.v4] for i in items]
    return zlib.compress(json.dumps(rows, separators=(",", ":")).encode())


def _unpack(blob: bytes) -> list[Item]:
    day = date.fromordinal
    return [Item(f, b, day(lo), day(hi), day(since), day(due), n, h, v1, v2, v3, v4)
            for f, b, lo, hi, since, due, n, h, v1, v2, v3, v4 in json.loads(zlib.decompress(blob))]


def _add(totals: dict[Key, list[int]], municipality: str, items: Iterable[Item], sign: int) -> None:
    for i in items:
        cell = totals[(municipality, i.figure, i.bucket, i.lo, i.hi, i.since, i.due)]
        cell[0] += sign * i.n
        cell[1] += sign * i.h
        cell[2] += sign * i.v1
        cell[3] += sign * i.v2
        cell[4] += sign * i.v3
        cell[5] += sign * i.v4


def _upsert(connection: Connection, rows: list[dict[str, Any]]) -> None:
    from sqlalchemy.dialects import postgresql, sqlite

    dialect: Any = postgresql if connection.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(CELL)
    stmt = stmt.on_conflict_do_update(
        index_elements=[CELL.c.municipality_code, CELL.c.figure, CELL.c.bucket, CELL.c.lo, CELL.c.hi, CELL.c.since,
                        CELL.c.due],
        set_={name: CELL.c[name] + stmt.excluded[name] for name in SUMS},
    )
    connection.execute(stmt, rows)


def _write_deltas(connection: Connection, totals: dict[Key, list[int]]) -> None:
    # In key order: two transactions that change the same cells lock them in the same order (no deadlock).
    changed = sorted((key, sums) for key, sums in totals.items() if any(sums))
    if not changed:
        return
    keys = ("municipality_code", "figure", "bucket", "lo", "hi", "since", "due")
    rows: list[dict[str, Any]] = [dict(zip(keys + SUMS, (*key, *sums), strict=True)) for key, sums in changed]
    _upsert(connection, rows)
    # A cell whose items are all gone adds nothing; it goes, so the cells stay as few as the kinds of items.
    lowered = [{f"k_{k}": row[k] for k in keys} for row in rows if any(row[name] < 0 for name in SUMS)]
    if lowered:
        connection.execute(
            delete(CELL).where(*(CELL.c[k] == bindparam(f"k_{k}") for k in keys), *(CELL.c[s] == 0 for s in SUMS)),
            lowered,
        )


def refresh(connection: Connection, household_ids: Sequence[int]) -> None:
    """Make the items of these households again (ids of deleted households: their items go)."""
    ids = sorted(set(household_ids))
    for start in range(0, len(ids), BATCH):
        batch = ids[start:start + BATCH]
        totals: dict[Key, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
        # FOR UPDATE (PostgreSQL): a concurrent refresh of the same household waits here for the first to
        # commit, then takes out the items that one kept, not the ones before it.
        for code, blob in connection.execute(
            select(KEPT.c.municipality_code, KEPT.c["items"]).where(KEPT.c.household_id.in_(batch))
            .order_by(KEPT.c.household_id).with_for_update()
        ):
            _add(totals, code, _unpack(blob), -1)
        connection.execute(delete(KEPT).where(KEPT.c.household_id.in_(batch)))
        _keep(connection, batch, totals)
        _write_deltas(connection, totals)


def _keep(connection: Connection, household_ids: Sequence[int], totals: dict[Key, list[int]]) -> None:
    """Make and store the items of these households, adding them to `totals`."""
    kept = []
    for facts in load_facts(connection, household_ids):
        items = household_items(facts)
        _add(totals, facts.municipality_code, items, +1)
        kept.append({"household_id": facts.id, "municipality_code": facts.municipality_code, "items": _pack(items)})
    if kept:
        connection.execute(insert(KEPT), kept)


def may_refresh(connection: Connection) -> bool:
    """Whether this session may keep the items: everyone on SQLite; on PostgreSQL a role that may change them
    (the owner, professionals, coordinators; not the LET, whose view of a household is partial)."""
    if connection.dialect.name != "postgresql":
        return True
    info = connection.info
    if "doorbraak_may_refresh" not in info:
        allowed = connection.execute(
            text("SELECT has_table_privilege(current_user, 'dashboard_household', 'DELETE')")).scalar()
        info["doorbraak_may_refresh"] = bool(allowed)
    return bool(info["doorbraak_may_refresh"])


def refresh_pending(connection: Connection) -> int:
    """Refresh the pending households this session may see; how many there were."""
    if not may_refresh(connection):
        return 0
    ids = list(connection.execute(select(PENDING.c.household_id)).scalars())
    if ids:
        refresh(connection, ids)
        connection.execute(delete(PENDING).where(PENDING.c.household_id.in_(ids)))
    return len(ids)


def rebuild(connection: Connection) -> None:
    """Every household's items from scratch (the bulk seed, the migration, a check)."""
    connection.execute(delete(CELL))
    connection.execute(delete(KEPT))
    connection.execute(delete(PENDING))
    ids = list(connection.execute(text("SELECT id FROM household ORDER BY id")).scalars())
    totals: dict[Key, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for start in range(0, len(ids), BATCH):
        _keep(connection, ids[start:start + BATCH], totals)
    keys = ("municipality_code", "figure", "bucket", "lo", "hi", "since", "due")
    rows = [dict(zip(keys + SUMS, (*key, *sums), strict=True)) for key, sums in sorted(totals.items()) if any(sums)]
    for start in range(0, len(rows), 5000):
        connection.execute(insert(CELL), rows[start:start + 5000])


def _expected(connection: Connection) -> dict[Key, list[int]]:
    totals: dict[Key, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    ids = list(connection.execute(text("SELECT id FROM household ORDER BY id")).scalars())
    for start in range(0, len(ids), BATCH):
        for facts in load_facts(connection, ids[start:start + BATCH]):
            _add(totals, facts.municipality_code, household_items(facts), +1)
    return {key: sums for key, sums in totals.items() if any(sums)}


def differing_municipalities(connection: Connection) -> list[str]:
    """The municipalities whose kept sums differ from their households' items made anew (read-only: the check
    of `doorbraak db check`; a cell changed by hand or a change past the triggers shows here)."""
    expected = _expected(connection)
    kept: dict[Key, list[int]] = {}
    for row in connection.execute(select(CELL)):
        values = tuple(row)
        day = [_day(v) for v in values[3:7]]
        kept[(values[0], values[1], values[2], *day)] = [int(v) for v in values[7:]]
    return sorted({key[0] for key in set(expected) ^ set(kept)} |
                  {key[0] for key in set(expected) & set(kept) if expected[key] != kept[key]})


def _day(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def sums(connection: Connection, scope: DashboardScope) -> dict[tuple[str, str], tuple[int, ...]]:
    """(figure, bucket) → (n, h, v1, v2, v3, v4) of the items that hold for this question."""
    c = CELL
    stmt = (
        select(c.c.figure, c.c.bucket, *(func.sum(c.c[name]) for name in SUMS))
        .where(c.c.municipality_code == scope.municipality_code, c.c.lo <= scope.end, c.c.hi > scope.end,
               c.c.since >= scope.start, c.c.due <= scope.peildatum)
        .group_by(c.c.figure, c.c.bucket)
    )
    rows = connection.execute(stmt)
    return {(figure, bucket): tuple(int(v or 0) for v in values) for figure, bucket, *values in rows}


__all__ = ["differing_municipalities", "may_refresh", "rebuild", "refresh", "refresh_pending", "sums"]
