"""The database-backed interactions, each through its service and as hand-written SQL (raw_sql)."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from benchmarks import raw_sql
from benchmarks.backends import Backend
from benchmarks.report import Result, Target
from benchmarks.stats import paired
from domain.caselist import CaseListQuery
from domain.services import dashboard as dashboard_service
from domain.services import households as household_service
from domain.services import plans as plan_service

INTERACTION = Target(ratio=2.0, p95_ms=50.0)
FILTERS = [
    "jansen", "de vries", "bakker", "visser", "smit", "meijer", "de boer", "mulder", "de groot", "bos",
    "amsterdam", "rotterdam", "utrecht", "groningen", "eindhoven", "den helder", "DB-2026-000123", "2026-0999",
    "1012", "3011ab", "kerkstraat", "dorpsstraat 1", "familie", "özdemir", "yilmaz", "anna", "van", "ab", "x",
    "zzz-bestaat-niet", "jan amsterdam", "pietersen utrecht", "de", "k", "straat 12", "nieuw", "laan",
]
"""What people type: names, places, case numbers, postcodes, streets, single letters, nothing found."""
PERIOD = (date(2025, 1, 1), date(2026, 10, 31))


def typed_prefixes(count: int) -> list[str]:
    """Every keystroke of the filter strings (from two characters on), as search-as-you-type sends them."""
    texts = [text[:n] for text in FILTERS for n in range(1, len(text) + 1)]
    rng = random.Random(8)
    return rng.sample(texts, min(count, len(texts)))


def case_list(backend: Backend, filters: int) -> list[Result]:
    db = backend.db

    def service(text: str) -> Any:
        return household_service.list_cases(CaseListQuery(text=text), db.uow(), db.actor)

    def raw(text: str) -> Any:
        return raw_sql.case_list(backend, CaseListQuery(text=text).terms)

    first = paired([""] * 15, service, raw, warmup=3)
    typed = paired(typed_prefixes(filters), service, raw)
    return [
        Result("case_list.first_page", "case list: first page + count", backend.name, *first,
               "raw SELECT count + page", INTERACTION),
        Result("case_list.filter", "case list: filter (per keystroke)", backend.name, *typed,
               "raw FTS5/LIKE count + page", INTERACTION, note=f"{typed[0].n} typed prefixes"),
    ]


def case_numbers_with_plans(backend: Backend, count: int) -> list[str]:
    rows = backend.rows(
        "SELECT h.case_number FROM household h WHERE EXISTS (SELECT 1 FROM maatwerkplan p WHERE "
        "p.household_id = h.id) ORDER BY h.id"
    )
    backend.raw.commit()
    numbers = [r[0] for r in rows]
    return random.Random(11).sample(numbers, min(count, len(numbers)))


def open_case(backend: Backend, numbers: list[str]) -> list[Result]:
    db = backend.db

    def household(number: str) -> Any:
        return household_service.get_household(number, db.uow(), db.actor)

    def plan(number: str) -> Any:
        return plan_service.plan_overview(number, db.uow(), db.actor)

    opened = paired(numbers, household, lambda n: raw_sql.household(backend, n))
    planned = paired(numbers, plan, lambda n: raw_sql.plan(backend, n))
    return [
        Result("household.open", "open a household", backend.name, *opened,
               "raw SELECTs + audit row", INTERACTION, note="the view is audited (one chained record, committed)"),
        Result("plan.open", "open its plan (overview + rekensom)", backend.name, *planned,
               "raw SELECTs + audit row", INTERACTION, note="plan_overview: plan, rekensom, checks, versions"),
    ]


def dashboard(backend: Backend, rounds: int) -> list[Result]:
    """The dashboard of every municipality in the data (together: all households), `rounds` times."""
    db = backend.db
    codes = [r[0] for r in backend.rows("SELECT DISTINCT municipality_code FROM household ORDER BY 1")]
    backend.raw.commit()
    start, end = PERIOD

    def service(code: str) -> Any:
        return dashboard_service.dashboard(code, start, end, db.uow(), db.actor, today=end)

    def raw(code: str) -> Any:
        return raw_sql.dashboard(backend, code, start, end, end)

    measured = paired(codes * rounds, service, raw, warmup=1)
    return [
        Result("dashboard.municipality", "dashboard of a municipality", backend.name, *measured,
               "raw GROUP BYs (main figures)", INTERACTION,
               note=f"{len(codes)} municipalities x {rounds} (all households); the baseline omits the small figures"),
    ]
