"""Benchmark of the Maatwerkregister with 100,000 contacts, on SQLite and on PostgreSQL.

    .venv/bin/python benchmarks/bench_register.py [--count 100000] [--sqlite-only] [--json FILE]

For each back end it
1. writes a fictional register of `--count` contacts as a CSV import file (storage.seed.register),
2. imports it through the service (`register import`: read, validate, upsert, index) and, for comparison,
   inserts the very same final rows with the driver's raw executemany into an empty copy of the schema
   (contacts, municipalities, themes, and on SQLite the FTS5 index): the ratio is the price of reading and
   validating,
3. runs a few hundred realistic queries (typed prefixes of organisations, teams and names, misspellings,
   names without accents, several words; each without and with a gemeente filter) through the service,
   one unit of work per query as search-as-you-type does, and the same queries as plain full-text
   queries on the raw driver (sqlite3 FTS5 `MATCH ... ORDER BY rank`, psycopg `@@ ... ORDER BY ts_rank`),
   and reports p50/p95/max of both and their ratio.
It prints a table and the numbers as JSON. Numbers, not pass/fail: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from domain.actors import Actor, Role  # noqa: E402
from domain.register import (  # noqa: E402
    LANDELIJK_TOKEN,
    municipality_token,
    parse_query,  # noqa: E402
    search_words,
)
from domain.services import register as service  # noqa: E402
from storage.bootstrap import Database, open_database  # noqa: E402
from storage.register_csv import RegisterCsvReader  # noqa: E402
from storage.seed.register import write_bulk_csv  # noqa: E402
from storage.settings import Settings  # noqa: E402

POSTGRES_URL = os.environ.get("DOORBRAAK_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
TODAY = date(2026, 11, 20)
OWNER = Actor(username="bench", display_name="Benchmark", role=Role.EIGENAAR)
PAGE = 20
GEMEENTEN = ["GM0363", "GM0599", "GM0344", "GM1900", "GM0014", "GM0772", "GM0141", "GM0917"]


# -- queries ------------------------------------------------------------------------------------------------
def misspell(word: str, rng: random.Random) -> str:
    """One edit: swap two neighbours, drop, double or replace a letter (never the first)."""
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["swap", "drop", "double", "replace"])
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeiouklmnrst") + word[i + 1:]


def realistic_queries(db: Database, rng: random.Random) -> list[tuple[str, str, str | None]]:
    """(category, text, gemeente) tuples drawn from the register itself, each without and with a gemeente."""
    with db.engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT organisation, team, person FROM register_contact ORDER BY id LIMIT 5000"
        )).all()
    organisations = sorted({r[0] for r in rows})
    teams = sorted({r[1] for r in rows if r[1]})
    people = sorted({r[2] for r in rows if r[2]})
    accented = [p for p in people if p != p.encode("ascii", "ignore").decode()]
    words = sorted({w for name in organisations + teams for w in search_words(name) if len(w) >= 5})
    queries: list[tuple[str, str]] = []
    # Typed prefixes: every keystroke from two letters on, of organisation and team words.
    for word in rng.sample(words, 14):
        queries += [("prefix", word[:n]) for n in range(2, len(word) + 1)]
    for name in rng.sample(organisations, 10):
        full = " ".join(search_words(name))
        queries += [("prefix", full[:n]) for n in range(3, len(full) + 1, 3)]
    queries += [("typo", misspell(w, rng)) for w in rng.sample(words, 40)]
    queries += [("typo", misspell(search_words(p)[-1], rng)) for p in rng.sample(people, 15)
                if len(search_words(p)[-1]) >= 5]
    queries += [("zonder accent", " ".join(search_words(p))) for p in rng.sample(accented, min(25, len(accented)))]
    queries += [("zonder accent", search_words(p)[-1]) for p in rng.sample(accented, min(15, len(accented)))]
    queries += [("woorden", f"{rng.choice(['uwv', 'svb', 'cjib', 'cak', 'duo'])} {rng.choice(words)[:4]}")
                for _ in range(15)]
    queries += [("woorden", " ".join(search_words(t)[:2])) for t in rng.sample(teams, 15)]
    result: list[tuple[str, str, str | None]] = []
    for category, query in queries:
        result.append((category, query, None))
        result.append((category, query, rng.choice(GEMEENTEN)))
    return result


def raw_match(query: str, gemeente: str | None, *, postgres: bool) -> str | None:
    """The same query as a plain full-text query: every word a prefix, a gemeente as its filter token."""
    words = [w for w in search_words(query) if len(w) >= 2]
    if not words:
        return None
    if postgres:
        match = " & ".join(f"{w}:*" for w in words)
        if gemeente:
            match += f" & ({municipality_token(gemeente)} | {LANDELIJK_TOKEN})"
        return match
    match = " AND ".join(f'"{w}"*' for w in words)
    if gemeente:
        match += f' AND search_place : ("{municipality_token(gemeente)}" OR "{LANDELIJK_TOKEN}")'
    return match


# -- measuring ----------------------------------------------------------------------------------------------
def timed(function: Callable[[], Any]) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50": round(statistics.median(ordered), 2),
        "p95": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2),
        "max": round(ordered[-1], 2),
        "n": len(ordered),
    }


def run_queries(db: Database, queries: list[tuple[str, str, str | None]],
                raw: Callable[[str, str | None], None]) -> dict[str, Any]:
    service_ms: list[float] = []
    raw_ms: list[float] = []
    by_category: dict[str, list[float]] = {}
    broad = corrected = 0
    for category, query, gemeente in queries:
        def through_service(query: str = query, gemeente: str | None = gemeente) -> None:
            nonlocal broad, corrected
            page = service.search_contacts(parse_query({"text": query, "municipality_code": gemeente, "limit": PAGE}),
                                           db.uow(), db.actor, today=TODAY)
            broad += page.broad
            corrected += page.corrected_text is not None
        ms = timed(through_service)
        service_ms.append(ms)
        by_category.setdefault(category, []).append(ms)
        raw_ms.append(timed(lambda query=query, gemeente=gemeente: raw(query, gemeente)))
    service_stats = percentiles(service_ms)
    raw_stats = percentiles(raw_ms)
    return {
        "service_ms": service_stats,
        "raw_ms": raw_stats,
        "ratio_p50": round(service_stats["p50"] / raw_stats["p50"], 2) if raw_stats["p50"] else None,
        "ratio_p95": round(service_stats["p95"] / raw_stats["p95"], 2) if raw_stats["p95"] else None,
        "service_by_category_ms": {k: percentiles(v) for k, v in sorted(by_category.items())},
        "broad_pages": broad,
        "corrected_pages": corrected,
    }


# -- import -------------------------------------------------------------------------------------------------
def import_through_service(db: Database, csv_path: Path) -> dict[str, Any]:
    started = time.perf_counter()
    report = service.import_contacts(RegisterCsvReader(csv_path).records(), db.uow(), db.actor)
    seconds = time.perf_counter() - started
    assert report.written and not report.rejected, report.summary()
    return {"seconds": round(seconds, 2), "rows_per_second": round(report.inserted / seconds), "rows": report.inserted}


TABLES = ("register_contact", "register_contact_municipality", "register_contact_theme")


def final_rows(db: Database) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Everything the import wrote, as the driver returns it (the raw baseline inserts exactly this)."""
    rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
    with db.engine.connect() as connection:
        for table in TABLES:
            result = connection.execute(text(f"SELECT * FROM {table}"))
            columns = [c for c in result.keys() if c != "search_vector"]  # noqa: SIM118
            data = [tuple(row._mapping[c] for c in columns) for row in result]
            rows[table] = (columns, data)
    return rows


def raw_insert_sqlite(path: Path, rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]]) -> float:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    for table in TABLES:
        connection.execute(f"DELETE FROM {table}")
    connection.commit()
    sql_values = {table: data for table, (_, data) in rows.items()}  # as sqlite3 returned them: text, numbers
    started = time.perf_counter()
    for table in TABLES:
        columns, _ = rows[table]
        marks = ", ".join("?" for _ in columns)
        connection.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", sql_values[table])
    columns = rows["register_contact"][0]
    fts = ["search_org", "search_place", "search_other", "search_theme"]
    index = [columns.index(c) for c in ["id", *fts]]
    connection.executemany(
        f"INSERT INTO register_fts(rowid, {', '.join(fts)}) VALUES (?, ?, ?, ?, ?)",
        [tuple(r[i] for i in index) for r in sql_values["register_contact"]],
    )
    connection.commit()
    seconds = time.perf_counter() - started
    connection.close()
    return seconds


def raw_insert_postgres(dsn: str, schema: str, rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]]) -> float:
    with psycopg.connect(dsn, options=f"-csearch_path={schema},public") as connection:
        connection.execute(f"TRUNCATE {', '.join(TABLES)} CASCADE")
        connection.commit()
        started = time.perf_counter()
        with connection.cursor() as cursor:
            for table in TABLES:
                columns, data = rows[table]
                marks = ", ".join("%s" for _ in columns)
                cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", data)
        connection.commit()
        return time.perf_counter() - started


# -- the back ends --------------------------------------------------------------------------------------------
@contextmanager
def sqlite_database(directory: Path, name: str) -> Iterator[Database]:
    settings = Settings(database_url=f"sqlite:///{directory / name}", audit_key_file=directory / "audit.key")
    db = open_database(settings)
    try:
        yield db
    finally:
        db.close()


@contextmanager
def postgres_schema(url: str) -> Iterator[str]:
    schema = f"bench_register_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield schema
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def bench_sqlite(work: Path, csv_path: Path, rng_seed: int) -> dict[str, Any]:
    with sqlite_database(work, "service.db") as db:
        imported = import_through_service(db, csv_path)
        rows = final_rows(db)
        queries = realistic_queries(db, random.Random(rng_seed))
        raw_connection = sqlite3.connect(work / "service.db")

        def raw(query: str, gemeente: str | None) -> None:
            match = raw_match(query, gemeente, postgres=False)
            if match is None:
                raw_connection.execute("SELECT * FROM register_contact ORDER BY organisation_key, id LIMIT ?",
                                       (PAGE,)).fetchall()
                return
            raw_connection.execute(
                "SELECT c.* FROM register_fts JOIN register_contact c ON c.id = register_fts.rowid "
                "WHERE register_fts MATCH ? ORDER BY rank LIMIT ?", (match, PAGE)).fetchall()

        run_queries(db, queries[:20], raw)  # warm caches
        searched = run_queries(db, queries, raw)
        raw_connection.close()
    with sqlite_database(work, "raw.db") as empty:
        empty.close()
    raw_seconds = raw_insert_sqlite(work / "raw.db", rows)
    return {
        "import_service": imported,
        "import_raw_executemany_seconds": round(raw_seconds, 2),
        "import_ratio": round(imported["seconds"] / raw_seconds, 1),
        "search": searched,
    }


def bench_postgres(url: str, work: Path, csv_path: Path, rng_seed: int) -> dict[str, Any]:
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with postgres_schema(url) as schema:
        sep = "&" if "?" in url else "?"
        settings = Settings(database_url=f"{url}{sep}options=-csearch_path%3D{schema},public",
                            audit_key_file=work / "audit.key")
        db = open_database(settings)
        db.logged_in = OWNER
        try:
            imported = import_through_service(db, csv_path)
            with db.engine.begin() as connection:
                connection.execute(text("ANALYZE"))
            rows = final_rows(db)
            queries = realistic_queries(db, random.Random(rng_seed))
            raw_connection = psycopg.connect(dsn, options=f"-csearch_path={schema},public", autocommit=True)

            def raw(query: str, gemeente: str | None) -> None:
                match = raw_match(query, gemeente, postgres=True)
                if match is None:
                    raw_connection.execute("SELECT * FROM register_contact ORDER BY organisation_key, id LIMIT %s",
                                           (PAGE,)).fetchall()
                    return
                raw_connection.execute(
                    "SELECT c.* FROM register_contact c, to_tsquery('simple', %s) q WHERE c.search_vector @@ q "
                    "ORDER BY ts_rank(c.search_vector, q) DESC LIMIT %s", (match, PAGE)).fetchall()

            run_queries(db, queries[:20], raw)
            searched = run_queries(db, queries, raw)
            raw_connection.close()
        finally:
            db.close()
        raw_seconds = raw_insert_postgres(dsn, schema, rows)
    return {
        "import_service": imported,
        "import_raw_executemany_seconds": round(raw_seconds, 2),
        "import_ratio": round(imported["seconds"] / raw_seconds, 1),
        "search": searched,
    }


def print_table(results: dict[str, Any]) -> None:
    print(f"\nMaatwerkregister benchmark: {results['contacts']:,} contacts, {results['queries']} queries\n")
    header = f"{'':10} {'import service':>15} {'raw executemany':>16} {'ratio':>6}"
    print(header)
    for backend in ("sqlite", "postgres"):
        if backend in results:
            r = results[backend]
            service_s, raw_s = r["import_service"]["seconds"], r["import_raw_executemany_seconds"]
            print(f"{backend:10} {service_s:>13.1f} s {raw_s:>14.1f} s {r['import_ratio']:>5.1f}x")
    print(f"\n{'search (ms)':14} {'service p50':>11} {'p95':>7} {'max':>7} {'raw p50':>8} {'p95':>7} {'max':>7}"
          f" {'p50 x':>6} {'p95 x':>6}")
    for backend in ("sqlite", "postgres"):
        if backend in results:
            s = results[backend]["search"]
            a, b = s["service_ms"], s["raw_ms"]
            print(f"{backend:14} {a['p50']:>11.1f} {a['p95']:>7.1f} {a['max']:>7.1f} {b['p50']:>8.1f} {b['p95']:>7.1f}"
                  f" {b['max']:>7.1f} {s['ratio_p50']:>6} {s['ratio_p95']:>6}")
            for category, stats in s["service_by_category_ms"].items():
                print(f"  {category:12} {stats['p50']:>11.1f} {stats['p95']:>7.1f} {stats['max']:>7.1f}"
                      f"   (n={stats['n']})")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--postgres-url", default=POSTGRES_URL)
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-register-") as scratch:
        work = Path(scratch)
        csv_path = work / "register.csv"
        write_bulk_csv(csv_path, args.count, seed=args.seed)
        results: dict[str, Any] = {"contacts": args.count, "csv_bytes": csv_path.stat().st_size}
        results["sqlite"] = bench_sqlite(work, csv_path, args.seed)
        if not args.sqlite_only:
            results["postgres"] = bench_postgres(args.postgres_url, work, csv_path, args.seed)
        results["queries"] = results["sqlite"]["search"]["service_ms"]["n"]
    print_table(results)
    payload = json.dumps(results, indent=2)
    print(payload)
    if args.json:
        args.json.write_text(payload + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
