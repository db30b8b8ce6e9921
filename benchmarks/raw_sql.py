"""The baselines: hand-written SQL on the raw driver returning the same data as the service.

Each function is what a developer would write by hand for the screen's data, without the ORM, the
domain models or the access checks; where the app must write an audit record for a view (NEN 7513), the
baseline writes the same chained record (`Backend.record_view`), since no implementation may skip it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from benchmarks.backends import Backend
from domain.caselist import COUNT_CAP
from domain.dashboard import DashboardScope

CASE_COLUMNS = "case_number, name, municipality_name, status, professional, updated_at"
HOUSEHOLD_CHILDREN = ("member", "problem", "involved_organisation")
PLAN_CHILDREN = ("plan_goal", "plan_action", "plan_cost_line", "plan_legal_basis", "plan_evaluation")


def case_list(backend: Backend, terms: list[str], limit: int = 100) -> tuple[int, list[Any]]:
    """The first page of the case list (newest change first) and its count, capped as the app caps it."""
    where: list[str] = []
    params: dict[str, Any] = {"limit": limit, "cap": COUNT_CAP + 1}
    trigram = [t for t in terms if len(t) >= 3] if not backend.postgres else []
    if trigram:  # SQLite: the FTS5 trigram index; PostgreSQL: LIKE is served by the pg_trgm index
        where.append("id IN (SELECT rowid FROM household_fts WHERE household_fts MATCH :phrase)")
        params["phrase"] = " AND ".join('"' + t.replace('"', '""') + '"' for t in trigram)
    for index, term in enumerate(t for t in terms if t not in trigram):
        where.append(f"search_text LIKE :t{index}")
        params[f"t{index}"] = f"%{term}%"
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    if terms:
        total = backend.one(f"SELECT count(*) FROM (SELECT id FROM household {clause} LIMIT :cap) AS m", params)[0]
    else:
        total = backend.one("SELECT count(*) FROM household")[0]
    rows = backend.rows(
        f"SELECT {CASE_COLUMNS} FROM household {clause} ORDER BY updated_at DESC, id DESC LIMIT :limit", params
    )
    backend.raw.commit()
    return total, rows


def _household_rows(backend: Backend, case_number: str) -> tuple[Any, dict[str, list[Any]]]:
    row = backend.one("SELECT * FROM household WHERE case_number = :n", {"n": case_number})
    children = {
        table: backend.rows(f"SELECT * FROM {table} WHERE household_id = :h ORDER BY position, id", {"h": row[0]})
        for table in HOUSEHOLD_CHILDREN
    }
    return row, children


def household(backend: Backend, case_number: str) -> tuple[Any, dict[str, list[Any]]]:
    """A household with its members, problems and organisations; the view is recorded."""
    row, children = _household_rows(backend, case_number)
    backend.record_view("household", case_number)
    return row, children


def plan(backend: Backend, case_number: str) -> dict[str, Any]:
    """The plan screen's data: the household, its newest plan version with every child, the version list."""
    row, children = _household_rows(backend, case_number)
    plan_row = backend.one(
        "SELECT * FROM maatwerkplan WHERE household_id = :h ORDER BY plan_version DESC LIMIT 1", {"h": row[0]}
    )
    result: dict[str, Any] = {"household": row, **children, "plan": plan_row}
    for table in PLAN_CHILDREN:
        order = "moment" if table == "plan_evaluation" else "position, id"
        result[table] = backend.rows(f"SELECT * FROM {table} WHERE plan_id = :p ORDER BY {order}", {"p": plan_row[0]})
    result["versions"] = backend.rows(
        "SELECT plan_version, status, decided_on, decided_by, created_by, updated_at, version FROM maatwerkplan "
        "WHERE household_id = :h ORDER BY plan_version", {"h": row[0]}
    )
    backend.record_view("maatwerkplan", f"{case_number}/v{plan_row[2]}")
    return result


def _naive(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


# -- the dashboard ---------------------------------------------------------------------------------------
def _in_force(end: date) -> str:
    """The plan in force per household: its newest version decided on or before the end of the period."""
    return (
        "SELECT p.id AS plan_id, p.household_id, p.status, p.horizon_months AS horizon FROM maatwerkplan p "
        "WHERE p.status <> 'concept' AND p.decided_on IS NOT NULL AND p.decided_on <= :end AND NOT EXISTS ("
        "SELECT 1 FROM maatwerkplan n WHERE n.household_id = p.household_id AND n.status <> 'concept' "
        "AND n.decided_on IS NOT NULL AND n.decided_on <= :end AND n.plan_version > p.plan_version)"
    )


CASELOAD = ("h.municipality_code = :code AND h.created_at < :end_moment "
            "AND (h.closed_on IS NULL OR h.closed_on >= :start)")


def dashboard(backend: Backend, code: str, start: date, end: date, peildatum: date) -> dict[str, list[Any]]:
    """The dashboard's heavy figures, each one plain GROUP BY: caseload per status and per professional,
    in- and outflow, plans per step, overdue actions, the first action done after each first decision,
    escalations per status, score pairs and the projected rekensom per scenario and payer. (The app computes
    a few more small figures; this baseline leaves them out, so the ratio against it is, if anything, too
    high.)"""
    scope = DashboardScope(code, "", start, end, peildatum)
    p: dict[str, Any] = {"code": code, "start": start, "end": end, "peil": peildatum,
                         "start_moment": scope.start_moment, "end_moment": scope.end_moment}
    if not backend.postgres:  # SQLite stores dates as ISO text and UTC moments without a zone
        p = {**p, "start": start.isoformat(), "end": end.isoformat(), "peil": peildatum.isoformat(),
             "start_moment": _naive(scope.start_moment), "end_moment": _naive(scope.end_moment)}
    force = _in_force(end)
    out: dict[str, list[Any]] = {}
    out["status"] = backend.rows(f"SELECT status, count(*) FROM household h WHERE {CASELOAD} GROUP BY status", p)
    out["professional"] = backend.rows(
        f"SELECT professional, count(*) FROM household h WHERE {CASELOAD} GROUP BY professional", p)
    out["flow"] = backend.rows(
        "SELECT 'nieuw', count(*) FROM household h WHERE h.municipality_code = :code AND h.created_at >= "
        ":start_moment AND h.created_at < :end_moment UNION ALL SELECT 'afgesloten', count(*) FROM household h "
        "WHERE h.municipality_code = :code AND h.closed_on >= :start AND h.closed_on <= :end", p)
    out["steps"] = backend.rows(
        f"SELECT CASE WHEN f.status IS NOT NULL THEN f.status WHEN EXISTS (SELECT 1 FROM maatwerkplan c WHERE "
        f"c.household_id = h.id AND c.created_at < :end_moment) THEN 'concept' ELSE 'geen' END AS step, count(*) "
        f"FROM household h LEFT JOIN ({force}) f ON f.household_id = h.id WHERE {CASELOAD} GROUP BY step", p)
    out["overdue"] = backend.rows(
        f"SELECT a.status, count(*), count(DISTINCT f.household_id) FROM ({force}) f "
        "JOIN plan_action a ON a.plan_id = f.plan_id JOIN household h ON h.id = f.household_id "
        "WHERE h.municipality_code = :code AND f.status IN ('vastgesteld', 'in_uitvoering') "
        "AND a.status IN ('open', 'bezig', 'vastgelopen') AND a.deadline < :peil AND h.status <> 'afgesloten' "
        "GROUP BY a.status", p)
    out["lead"] = backend.rows(
        "SELECT p.decided_on, (SELECT min(a.done_on) FROM plan_action a JOIN maatwerkplan v ON v.id = a.plan_id "
        "WHERE v.household_id = p.household_id AND a.status = 'gedaan' AND a.done_on >= p.decided_on) "
        f"FROM maatwerkplan p JOIN household h ON h.id = p.household_id WHERE {CASELOAD} "
        "AND p.decided_on >= :start AND p.decided_on <= :end AND NOT EXISTS (SELECT 1 FROM maatwerkplan e "
        "WHERE e.household_id = p.household_id AND e.decided_on IS NOT NULL AND e.plan_version < p.plan_version)", p)
    out["escalations"] = backend.rows(
        f"SELECT e.status, count(*) FROM household h JOIN escalation e ON e.household_id = h.id WHERE {CASELOAD} "
        "AND e.created_on <= :end AND (e.closed_on IS NULL OR e.closed_on >= :start) GROUP BY e.status", p)
    out["scores"] = backend.rows(
        f"SELECT e.plan_id, e.moment, e.on_date, e.scores, e.rapportcijfer FROM ({force}) f "
        "JOIN household h ON h.id = f.household_id JOIN plan_evaluation e ON e.plan_id = f.plan_id "
        f"WHERE {CASELOAD} AND e.on_date IS NOT NULL AND e.on_date <= :end", p)
    out["projected"] = backend.rows(
        f"SELECT l.scenario, l.payer, sum(l.amount * l.quantity * l.probability * CASE l.frequency "
        "WHEN 'per_maand' THEN (CASE WHEN l.duration_months IS NULL OR l.start_month + l.duration_months > f.horizon "
        "THEN f.horizon ELSE l.start_month + l.duration_months END) - l.start_month "
        "WHEN 'per_jaar' THEN ((CASE WHEN l.duration_months IS NULL OR l.start_month + l.duration_months > f.horizon "
        "THEN f.horizon ELSE l.start_month + l.duration_months END) - l.start_month) / 12.0 "
        "ELSE CASE WHEN l.start_month < f.horizon THEN 1 ELSE 0 END END) "
        f"FROM ({force}) f JOIN household h ON h.id = f.household_id JOIN plan_cost_line l ON l.plan_id = f.plan_id "
        f"WHERE {CASELOAD} GROUP BY l.scenario, l.payer", p)
    backend.raw.commit()
    return out
