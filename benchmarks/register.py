"""The Maatwerkregister: importing the CSV (service vs a raw bulk insert with the same validation) and
searching it (service vs a plain full-text query on the raw driver)."""

from __future__ import annotations

import csv
import random
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from benchmarks.backends import Backend
from benchmarks.db_paths import INTERACTION
from benchmarks.report import Result, Target
from benchmarks.stats import Timing, paired
from domain.register import LANDELIJK_TOKEN, fields_from_csv, municipality_token, parse_query, search_words
from domain.services import register as service
from storage.register import row_values
from storage.register_csv import RegisterCsvReader

TODAY = date(2026, 11, 20)
PAGE = 20
GEMEENTEN = ["GM0363", "GM0599", "GM0344", "GM1900", "GM0014", "GM0772", "GM0141", "GM0917"]
REGISTER_TABLES = ("register_contact_municipality", "register_contact_theme", "register_contact", "register_term")


# -- import -----------------------------------------------------------------------------------------------
def import_service(backend: Backend, csv_path: Path) -> float:
    db = backend.db
    started = time.perf_counter()
    report = service.import_contacts(RegisterCsvReader(csv_path).records(), db.uow(), db.actor)
    seconds = time.perf_counter() - started
    if not report.written or report.rejected:
        raise RuntimeError(f"register import failed: {report.summary()}")
    return seconds


def import_raw(backend: Backend, csv_path: Path) -> float:
    """csv.DictReader → the same domain validation (fields_from_csv) → the same stored values → one bulk
    insert per table (sqlite3 executemany; psycopg COPY), in one transaction: the least an import can do."""
    started = time.perf_counter()
    now = datetime.now(UTC)
    contacts: list[tuple[Any, ...]] = []
    places: list[tuple[int, str]] = []
    themes: list[tuple[int, str]] = []
    columns: list[str] = []
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        for number, record in enumerate(csv.DictReader(handle, delimiter=";"), start=1):
            fields = fields_from_csv(record)
            values = row_values(fields)
            if not columns:
                columns = [*values, "id", "version", "created_at", "updated_at"]
            contacts.append((*values.values(), number, 1, now, now))
            places += [(number, code) for code in fields.municipality_codes]
            themes += [(number, theme) for theme in fields.themes]
    tables = {"register_contact": (columns, contacts),
              "register_contact_municipality": (["contact_id", "municipality_code"], places),
              "register_contact_theme": (["contact_id", "theme"], themes)}
    if backend.postgres:
        with backend.raw.cursor() as cursor:
            for table, (names, rows) in tables.items():
                with cursor.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
    else:
        stamp = now.strftime("%Y-%m-%d %H:%M:%S.%f")
        for table, (names, rows) in tables.items():
            if table == "register_contact":
                rows = [(*row[:-2], stamp, stamp) for row in rows]
            marks = ", ".join("?" for _ in names)
            backend.raw.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", rows)
    backend.raw.commit()
    return time.perf_counter() - started


def empty_register(backend: Backend) -> None:
    if backend.postgres:
        backend.raw.execute(f"TRUNCATE {', '.join(REGISTER_TABLES)} RESTART IDENTITY CASCADE")
    else:
        for table in REGISTER_TABLES:
            backend.raw.execute(f"DELETE FROM {table}")
    backend.raw.commit()


def register_import(service_backend: Backend, raw_backend: Backend, csv_path: Path, contacts: int) -> Result:
    """The raw insert first (into `raw_backend`, emptied afterwards when it is the same database)."""
    raw_seconds = import_raw(raw_backend, csv_path)
    if raw_backend is service_backend:
        empty_register(raw_backend)
    service_seconds = import_service(service_backend, csv_path)
    return Result("register.import", f"import {contacts:,} register rows", service_backend.name,
                  Timing.of([service_seconds * 1000]), Timing.of([raw_seconds * 1000]),
                  "csv + same validation + bulk insert", Target(ratio=3.0), note="one run each (n=1)")


# -- search -----------------------------------------------------------------------------------------------
def misspell(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["swap", "drop", "double", "replace"])
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeiouklmnrst") + word[i + 1:]


def realistic_queries(backend: Backend, count: int) -> list[tuple[str, str | None]]:
    """Typed prefixes of organisations and teams, misspellings, names without accents, several words; each
    with and without a gemeente filter (as benchmarks/bench_register.py)."""
    rng = random.Random(2026)
    rows = backend.rows("SELECT organisation, team, person FROM register_contact ORDER BY id LIMIT 5000")
    backend.raw.commit()
    organisations = sorted({r[0] for r in rows})
    teams = sorted({r[1] for r in rows if r[1]})
    people = sorted({r[2] for r in rows if r[2]})
    words = sorted({w for name in organisations + teams for w in search_words(name) if len(w) >= 5})
    queries: list[str] = []
    for word in rng.sample(words, min(14, len(words))):
        queries += [word[:n] for n in range(2, len(word) + 1)]
    queries += [misspell(w, rng) for w in rng.sample(words, min(40, len(words)))]
    queries += [" ".join(search_words(p)) for p in rng.sample(people, min(25, len(people)))]
    queries += [f"{rng.choice(['uwv', 'svb', 'cjib', 'cak', 'duo'])} {rng.choice(words)[:4]}" for _ in range(15)]
    queries += [" ".join(search_words(t)[:2]) for t in rng.sample(teams, min(15, len(teams)))]
    pairs = [(q, rng.choice([None, rng.choice(GEMEENTEN)])) for q in queries]
    return rng.sample(pairs, min(count, len(pairs)))


def _raw_match(query: str, gemeente: str | None, *, postgres: bool) -> str | None:
    words = [w for w in search_words(query) if len(w) >= 2]
    if not words:
        return None
    if postgres:
        match = " & ".join(f"{w}:*" for w in words)
        return match + (f" & ({municipality_token(gemeente)} | {LANDELIJK_TOKEN})" if gemeente else "")
    match = " AND ".join(f'"{w}"*' for w in words)
    if gemeente:
        match += f' AND search_place : ("{municipality_token(gemeente)}" OR "{LANDELIJK_TOKEN}")'
    return match


def register_search(backend: Backend, count: int) -> Result:
    db = backend.db

    def through_service(item: tuple[str, str | None]) -> Any:
        text, gemeente = item
        return service.search_contacts(parse_query({"text": text, "municipality_code": gemeente, "limit": PAGE}),
                                       db.uow(), db.actor, today=TODAY)

    def raw(item: tuple[str, str | None]) -> Any:
        match = _raw_match(*item, postgres=backend.postgres)
        if match is None:
            rows = backend.rows("SELECT * FROM register_contact ORDER BY organisation_key, id LIMIT :n", {"n": PAGE})
        elif backend.postgres:
            rows = backend.rows(
                "SELECT c.* FROM register_contact c, to_tsquery('simple', :m) q WHERE c.search_vector @@ q "
                "ORDER BY ts_rank(c.search_vector, q) DESC LIMIT :n", {"m": match, "n": PAGE})
        else:
            rows = backend.rows(
                "SELECT c.* FROM register_fts JOIN register_contact c ON c.id = register_fts.rowid "
                "WHERE register_fts MATCH :m ORDER BY rank LIMIT :n", {"m": match, "n": PAGE})
        backend.raw.commit()
        return rows

    measured = paired(realistic_queries(backend, count), through_service, raw, warmup=10)
    return Result("register.search", "register search (typo tolerant)", backend.name, *measured,
                  "raw FTS5 MATCH / tsvector @@", INTERACTION, note=f"{measured[0].n} queries, 20 per page")
